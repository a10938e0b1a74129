// The `kb` binary: wires the real streams, environment and clock into a Context and runs.

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <poll.h>
#include <unistd.h>

#include "cli/app.hpp"

namespace {

// True when standard output is a pipe whose reading end is closed: poll() reports POLLERR for
// the writing end of such a pipe, whatever events are asked for.
bool stdout_closed() {
  struct pollfd p {
    STDOUT_FILENO, 0, 0
  };
  return ::poll(&p, 1, 0) == 1 && (p.revents & POLLERR) != 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // A closed pipe is reported by write() as EPIPE, never by a signal that would end kb halfway
  // through a command (an import, say), whatever the parent process left SIGPIPE set to.
  std::signal(SIGPIPE, SIG_IGN);
  kb::cli::Context ctx{std::cout, std::cerr, std::cin, {}, {}, false, false, 0, {}, stdout_closed};
  ctx.env = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): single thread
    return value != nullptr ? std::optional<std::string>(value) : std::nullopt;
  };
  ctx.today = std::chrono::floor<date::days>(std::chrono::system_clock::now());
  ctx.out_is_tty = isatty(STDOUT_FILENO) != 0;
  ctx.in_is_tty = isatty(STDIN_FILENO) != 0;
  std::vector<std::string> args(argv + 1, argv + argc);
  const int code = kb::cli::run(args, ctx);
  std::cout.flush();
  return code;
}
