// The `kb` binary: wires the real streams, environment and clock into a Context and runs.

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  kb::cli::Context ctx{std::cout, std::cerr, std::cin, {}, {}, false, false, 0, {}};
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
