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

// Access to a knowledge base a team shares (`kb admin`), on PostgreSQL only: a SQLite file's
// access is its file permissions, so both are Error (invalid_argument) for a SQLite location.
// init_access: kb's schema brought up to date, then the roles kb_reader, kb_editor and kb_admin
// with their grants (storage/postgres/access.hpp). grant_access: login `user` made a kb
// `access` ("reader", "editor" or "admin"; another word is Error (invalid_argument), before any
// connection), the other two roles revoked.
Result<void> init_access(const std::string& location);
Result<void> grant_access(const std::string& location, std::string_view user,
                          std::string_view access);

}  // namespace kb::storage
