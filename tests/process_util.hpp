// Test helpers that run the built `kb` binary (KB_BINARY) as real processes: for what an
// in-process run cannot show (several processes at once, a real stdout such as /dev/full,
// another user).
#pragma once

#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <doctest/doctest.h>

extern char** environ;

namespace kb::test {

// Where a spawned kb's standard streams go, and as whom it runs.
struct ProcessOptions {
  std::string in = "/dev/null";
  std::string out = "/dev/null";
  std::string err = "/dev/null";
  bool as_nobody = false;  // when root, run as nobody (uid/gid 65534) through setpriv
  int out_fd = -1;         // when set, standard output is this descriptor instead of `out`
  // What kb starts with for SIGPIPE: the default action (death) or ignored, as a parent
  // process may leave it.
  bool sigpipe_ignored = false;
  // Variables set for kb ("KB_USER=alice"), over what this process's environment holds.
  std::vector<std::string> env;
};

// This process's environment with `extra` ("NAME=value") set over it.
inline std::vector<std::string> environment_with(const std::vector<std::string>& extra) {
  std::vector<std::string> out;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const auto name = entry.substr(0, entry.find('=') + 1);
    const bool replaced = std::any_of(extra.begin(), extra.end(), [&](const std::string& x) {
      return x.compare(0, name.size(), name) == 0;
    });
    if (!replaced) {
      out.emplace_back(entry);
    }
  }
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

// Starts `kb <args>`; returns its pid. Fails the test when it cannot be started.
inline pid_t spawn_kb(const std::vector<std::string>& args, const ProcessOptions& opts = {}) {
  std::vector<std::string> argv;
  if (opts.as_nobody && geteuid() == 0) {
    argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  }
  argv.emplace_back(KB_BINARY);
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (auto& a : argv) {
    raw.push_back(a.data());
  }
  raw.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, opts.in.c_str(), O_RDONLY, 0);
  if (opts.out_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, opts.out_fd, 1);
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, opts.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
  }
  posix_spawn_file_actions_addopen(&actions, 2, opts.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  // An ignored signal stays ignored across exec; one in the "default" set is reset.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t reset;
  sigemptyset(&reset);
  if (!opts.sigpipe_ignored) {
    sigaddset(&reset, SIGPIPE);
  }
  posix_spawnattr_setsigdefault(&attr, &reset);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  struct sigaction ignore {};
  struct sigaction before {};
  ignore.sa_handler = opts.sigpipe_ignored ? SIG_IGN : SIG_DFL;
  sigaction(SIGPIPE, &ignore, &before);
  std::vector<std::string> env = environment_with(opts.env);
  std::vector<char*> env_raw;
  for (auto& e : env) {
    env_raw.push_back(e.data());
  }
  env_raw.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, raw[0], &actions, &attr, raw.data(), env_raw.data());
  sigaction(SIGPIPE, &before, nullptr);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE_MESSAGE(rc == 0, "cannot start " << raw[0]);
  return pid;
}

// Waits for `pid`; its exit code, or 128 + the signal that ended it.
inline int wait_kb(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  if (WIFSIGNALED(status)) {
    return 128 + WTERMSIG(status);
  }
  return WEXITSTATUS(status);
}

}  // namespace kb::test
