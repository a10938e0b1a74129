// Naming records at the edge: an analyst may give an event (or source, or entity) by its local
// number or by its permanent id, whole or as a prefix of at least 8 characters.
#pragma once

#include <string_view>

#include "kb/repository.hpp"

namespace kb::services {

// The local number of the record `text` names. Digits (optionally after '#') are a local number,
// returned as given (the caller's read says whether it exists), even when a permanent id starts
// with those digits; anything else is a permanent id or a prefix of at least 8 characters of one.
// Error (not_found) when no record of `kind` has that permanent id, (invalid_argument) when a
// prefix fits several (naming them) or `text` is neither form.
Result<Id> resolve_ref(Repository& store, RecordKind kind, std::string_view text);

}  // namespace kb::services
