// Files at a git revision, through `git show`, spawned without a shell.

#include "cli/git_loader.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace argmap::cli {

namespace fs = std::filesystem;

int run_git(const std::vector<std::string>& arguments, std::size_t max_bytes, std::string& out,
            std::string& error) {
  out.clear();
  error.clear();
  int to_out[2], to_err[2];
  if (pipe(to_out) != 0) return -1;
  if (pipe(to_err) != 0) {
    close(to_out[0]), close(to_out[1]);
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, to_out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, to_err[1], 2);
  for (int fd : {to_out[0], to_out[1], to_err[0], to_err[1]})
    posix_spawn_file_actions_addclose(&actions, fd);
  std::vector<std::string> args{"git"};
  args.insert(args.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(to_out[1]);
  close(to_err[1]);
  bool too_big = false;
  if (spawned == 0) {
    // Both pipes are drained together, so neither can fill and stall git.
    std::array<pollfd, 2> fds{{{to_out[0], POLLIN, 0}, {to_err[0], POLLIN, 0}}};
    std::array<char, 65536> buffer;
    int open_pipes = 2;
    while (open_pipes > 0) {
      if (poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      for (std::size_t k = 0; k < fds.size(); ++k) {
        if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        ssize_t n = ::read(fds[k].fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          fds[k].fd = -1;
          --open_pipes;
          continue;
        }
        std::string& into = k == 0 ? out : error;
        if (k == 0 && out.size() + static_cast<std::size_t>(n) > max_bytes) too_big = true;
        if (!(k == 0 && too_big) && into.size() < (k == 0 ? max_bytes : 4096))
          into.append(buffer.data(), static_cast<std::size_t>(n));
      }
    }
  }
  close(to_out[0]);
  close(to_err[0]);
  if (spawned != 0) {
    error = std::string("cannot run git: ") + std::strerror(spawned);
    return -1;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (auto eol = error.find('\n'); eol != std::string::npos) error.resize(eol);
  if (too_big) {
    error = "larger than the size limit";
    return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

git_loader::git_loader(std::string revision, std::size_t max_bytes)
    : revision_(std::move(revision)), max_bytes_(max_bytes) {}

bool git_loader::open(std::string& why) {
  std::string out, error;
  if (run_git({"rev-parse", "--show-prefix"}, 1 << 16, out, error) != 0) {
    why = error.empty() ? "not in a git repository" : error;
    return false;
  }
  prefix_ = out.substr(0, out.find('\n'));
  // `--end-of-options` keeps a revision that starts with '-' from being an option.
  if (run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", revision_ + "^{commit}"},
              1 << 16, out, error) != 0) {
    why = "'" + revision_ + "' names no commit of this repository";
    return false;
  }
  return true;
}

std::string git_loader::in_repository(const std::string& path) const {
  if (path.empty() || fs::path(path).is_absolute()) return {};
  fs::path p = (fs::path(prefix_) / path).lexically_normal();
  std::string s = p.generic_string();
  if (s.empty() || s == "." || s.rfind("..", 0) == 0) return {};
  return s;
}

bool git_loader::read(const std::string& path, std::string& contents, diagnostic& problem) {
  const std::string at = in_repository(path);
  problem.code = "io";
  problem.level = severity::error;
  if (at.empty()) {
    problem.message = "it lies outside the repository";
    return false;
  }
  std::string error;
  int status =
      run_git({"show", "--end-of-options", revision_ + ":" + at}, max_bytes_, contents, error);
  if (status != 0) {
    problem.message = error.empty() ? "git show failed" : error;
    if (problem.message.rfind("fatal: ", 0) == 0) problem.message.erase(0, 7);
    contents.clear();
    return false;
  }
  return true;
}

std::string git_loader::identity(const std::string& path) {
  std::string at = in_repository(path);
  return at.empty() ? path : at;
}

bool git_loader::may_include(const std::string& path, diagnostic& refusal) {
  if (!in_repository(path).empty()) return true;
  refusal.code = "include";
  refusal.level = severity::error;
  refusal.message = "it lies outside the repository";
  return false;
}

}  // namespace argmap::cli
