#pragma once
/// \file
/// Reading a map as it is at a git revision (`argmap diff --git REV FILE`):
/// `git show REV:PATH` for the named file and each file it includes, run
/// without a shell. Paths are taken relative to the working directory, as
/// git's `REV:./path` does; nothing outside the repository is read.

#include <string>
#include <vector>

#include "grammar/load.hpp"

namespace argmap::cli {

/// Runs `git` with `arguments` (no shell) in the working directory and
/// returns its exit status (-1 if it could not be started), its standard
/// output in `out` (at most `max_bytes`: more is an error, status -1) and the
/// first line of its standard error in `error`.
int run_git(const std::vector<std::string>& arguments, std::size_t max_bytes, std::string& out,
            std::string& error);

/// Files as they are at one revision of the repository around the working
/// directory.
class git_loader : public grammar::file_loader {
 public:
  /// `revision` as git names it (a commit, a branch, `HEAD~2`...).
  git_loader(std::string revision, std::size_t max_bytes);
  /// Checks that there is a repository and that `revision` names a commit;
  /// if not, says why in `why` and returns false.
  bool open(std::string& why);

  bool read(const std::string& path, std::string& contents, diagnostic& problem) override;
  std::string identity(const std::string& path) override;
  bool may_include(const std::string& path, diagnostic& refusal) override;

 private:
  /// `path` relative to the top of the repository, or empty when it lies
  /// outside.
  std::string in_repository(const std::string& path) const;

  std::string revision_;
  std::size_t max_bytes_;
  std::string prefix_;  // the working directory relative to the top, with '/' (or empty)
};

}  // namespace argmap::cli
