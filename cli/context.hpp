// Context: everything a command needs from the outside world — streams, environment, "today",
// whether the terminal is interactive — passed in, never global, so tests can run commands
// in-process with string streams.
#pragma once

#include <functional>
#include <iostream>
#include <optional>
#include <string>

#include <date/date.h>

namespace kb::cli {

struct Context {
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  // Environment lookup (getenv in main, a map in tests).
  std::function<std::optional<std::string>(const std::string&)> env;
  date::sys_days today;     // what relative dates ("last year") are relative to
  bool out_is_tty = false;  // colour and progress only on a terminal
  bool in_is_tty = false;   // confirmation prompts only on a terminal
  int exit_code = 0;        // set by the command that ran
  std::string db_option;    // --db, empty when not given
  // True when standard output is a pipe nobody reads any more (`kb timeline | head -1`): output
  // that failed for that reason ends the run with exit 1 and no message. Empty: never.
  std::function<bool()> out_closed;
};

}  // namespace kb::cli
