// open(): the one place that chooses a storage engine from a --db / KB_DB value, so that front
// ends hold a kb::Repository and never name an engine.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "kb/repository.hpp"
#include "kb/result.hpp"

namespace kb::storage {

enum class Engine { sqlite, postgres };

// The engine `location` names: PostgreSQL for a libpq connection URI (postgresql://... or
// postgres://...), SQLite for anything else (a file path).
Engine engine_of(std::string_view location);

// `location` as kb shows it (kb stats): a path as it is, a URI without its password.
std::string shown(std::string_view location);

// How open() treats a SQLite file that does not exist yet (a PostgreSQL database must exist;
// its schema is created on first use either way).
enum class OpenMode { read_write, create };

// Opens the knowledge base at `location` and brings its schema up to date. Errors as the
// engine's open: (not_found) for a missing SQLite file in read_write mode, (storage) naming the
// file or the server (never a password), (conflict) for a schema newer than this kb.
Result<std::unique_ptr<Repository>> open(const std::string& location, OpenMode mode);

}  // namespace kb::storage
