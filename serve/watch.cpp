#include "serve/watch.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace argmap::serve {

watcher::watcher() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}

watcher::~watcher() {
  if (fd_ >= 0) close(fd_);
}

void watcher::watch_folder_of(const std::string& file) {
  std::string folder = std::filesystem::path(file).parent_path().string();
  if (fd_ < 0 || folder.empty() || !watched_.insert(folder).second) return;
  int wd = inotify_add_watch(fd_, folder.c_str(),
                             IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                 IN_MODIFY | IN_ONLYDIR);
  if (wd >= 0) folders_[wd] = folder;
}

std::vector<std::string> watcher::changes() {
  std::vector<std::string> out;
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EAGAIN: nothing more for now
    for (char* p = buffer; p < buffer + n;) {
      inotify_event event;
      std::memcpy(&event, p, sizeof event);
      auto it = folders_.find(event.wd);
      if (it != folders_.end() && event.len > 0)
        out.push_back(it->second + "/" + std::string(p + sizeof(inotify_event)));
      p += sizeof(inotify_event) + event.len;
    }
  }
  return out;
}

}  // namespace argmap::serve
