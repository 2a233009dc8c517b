#include "render/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace argmap::render {

bool write_atomically(const std::string& path, const std::string& bytes, std::string& error) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path();
  std::string pattern = (dir.empty() ? fs::path(".") : dir).string() + "/." +
                        target.filename().string() + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  auto fail = [&](int err) {
    close(fd);
    unlink(name.data());
    error = "cannot write '" + path + "': " + std::strerror(err);
    return false;
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) return fail(errno);
  // mkstemp creates 0600; give the file the usual permissions.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (close(fd) != 0) {
    unlink(name.data());
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  if (std::rename(name.data(), path.c_str()) != 0) {
    int err = errno;
    unlink(name.data());
    error = "cannot write '" + path + "': " + std::strerror(err);
    return false;
  }
  return true;
}

}  // namespace argmap::render
