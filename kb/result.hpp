// Result<T>: the value of a fallible operation or the Error that stopped it. Every fallible
// function in kb/ and importers/ returns one; only cli/ turns errors into messages and exit codes.
#pragma once

#include <cassert>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace kb {

// What kind of failure; cli/ maps these to exit codes (2 for invalid_argument and parse, else 1).
enum class Errc {
  invalid_argument,  // the caller passed a value kb cannot use ('2023-13', an unknown relation)
  not_found,         // no event, entity or source with that id or name
  conflict,          // the write contradicts what is stored (duplicate alias, newer schema)
  parse,             // input text could not be read (bad JSON, malformed feed)
  storage,           // SQLite or the file system failed
};

// An error for the analyst: what failed, which value, what was expected.
struct Error {
  Errc code = Errc::invalid_argument;
  std::string message;
};

// Shorthand for building an Error.
inline Error make_error(Errc code, std::string message) { return Error{code, std::move(message)}; }

// Tag type so that `return kb::fail(...)` converts into any Result<T>.
struct Failure {
  Error error;
};
inline Failure fail(Errc code, std::string message) {
  return Failure{Error{code, std::move(message)}};
}

// A value of type T or an Error. Member names follow std::expected so that under C++23 this can
// become an alias.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(const T& value) : state_(value) {}  // NOLINT(google-explicit-constructor): like expected
  Result(T&& value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Failure failure)
      : state_(std::move(failure.error)) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  // True iff this holds a value.
  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // Requires: has_value().
  T& value() & {
    assert(has_value());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Requires: !has_value().
  const Error& error() const& {
    assert(!has_value());
    return std::get<1>(state_);
  }
  Error&& error() && {
    assert(!has_value());
    return std::get<1>(std::move(state_));
  }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Failure failure) : error_(std::move(failure.error)), ok_(false) {}  // NOLINT
  Result(Error error) : error_(std::move(error)), ok_(false) {}              // NOLINT

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  void value() const { assert(ok_); }
  const Error& error() const& {
    assert(!ok_);
    return error_;
  }
  Error&& error() && {
    assert(!ok_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool ok_ = true;
};

// A successful Result<void>.
inline Result<void> ok() { return {}; }

}  // namespace kb

// Evaluates `expr` (a Result); on failure returns its error from the enclosing function.
#define KB_TRY(expr)                            \
  do {                                          \
    auto&& kb_try_result_ = (expr);             \
    if (!kb_try_result_.has_value()) {          \
      return std::move(kb_try_result_).error(); \
    }                                           \
  } while (false)

// Declares `var` from a Result's value, or returns its error: KB_ASSIGN(auto id, store.add(e));
#define KB_CONCAT_INNER(a, b) a##b
#define KB_CONCAT(a, b) KB_CONCAT_INNER(a, b)
#define KB_ASSIGN(var, expr) KB_ASSIGN_IMPL(var, expr, KB_CONCAT(kb_assign_result_, __LINE__))
// `tmp` and `var` are a declarator and a declaration, which parentheses would break.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define KB_ASSIGN_IMPL(var, expr, tmp) \
  auto tmp = (expr);                   \
  if (!tmp.has_value()) {              \
    return std::move(tmp).error();     \
  }                                    \
  var = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
