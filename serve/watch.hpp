#pragma once
/// \file
/// Which files changed, from inotify. Folders are watched, not files, so
/// that an editor that saves by writing a new file and renaming it over the
/// old one is seen too.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace argmap::serve {

/// An inotify instance watching folders.
class watcher {
 public:
  watcher();
  ~watcher();
  watcher(const watcher&) = delete;
  watcher& operator=(const watcher&) = delete;

  /// The descriptor to wait on (readable when something changed); -1 when
  /// inotify is not available.
  int fd() const { return fd_; }
  /// Watches the folder holding `file` (once per folder).
  void watch_folder_of(const std::string& file);
  /// The files changed since the last call (written, moved in or out,
  /// created, deleted), as absolute paths; reads without blocking.
  std::vector<std::string> changes();

 private:
  int fd_ = -1;
  std::map<int, std::string> folders_;  // watch descriptor -> folder
  std::set<std::string> watched_;
};

}  // namespace argmap::serve
