// make_app(): the kb command line, with every subcommand in --help order; run(): parse + run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/context.hpp"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's own namespace
class App;
}

namespace kb::cli {

// Builds the application; the subcommands' callbacks write to `ctx` and set ctx.exit_code.
std::unique_ptr<CLI::App> make_app(Context& ctx);

// Parses `args` (without the program name) and runs the chosen command. Returns the exit
// code: 0 success, 1 failure (storage, not found, conflict, or standard output that could not
// be written), 2 bad usage (every CLI11 parse error, with CLI11's message) or bad input.
int run(const std::vector<std::string>& args, Context& ctx);

}  // namespace kb::cli
