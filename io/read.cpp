#include "io/read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace argmap::io {

namespace {

bool stdin_was_closed = false;

std::string too_large(std::size_t max_bytes) {
  return fmt::format("file is larger than {} bytes", max_bytes);
}

}  // namespace

const char* kind_of(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFIFO:
      return "a FIFO";
    case S_IFCHR:
      return "a character device";
    case S_IFBLK:
      return "a block device";
    case S_IFSOCK:
      return "a socket";
    case S_IFDIR:
      return "a directory";
    case S_IFLNK:
      return "a symbolic link";
    default:
      return "a special file";
  }
}

void guard_standard_descriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    if (fd == 0) stdin_was_closed = true;
    int null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (null >= 0 && null != fd) {
      dup2(null, fd);
      close(null);
    }
  }
}

namespace {

bool read_into(int fd, std::string& out, std::string& error, std::size_t max_bytes) {
  out.clear();  // keeps a capacity the caller reserved
  char chunk[1 << 16];
  for (;;) {
    // One byte more than the limit tells "too large" without reading on.
    std::size_t room = max_bytes - std::min(out.size(), max_bytes) + 1;
    ssize_t n = read(fd, chunk, std::min(sizeof chunk, room));
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    out.append(chunk, static_cast<std::size_t>(n));
    if (out.size() > max_bytes) {
      error = too_large(max_bytes);
      out.clear();
      out.shrink_to_fit();
      return false;
    }
  }
}

bool read_file_into(const std::string& path, std::string& out, std::string& error,
                    const read_options& options) {
  // A stream the caller allows is opened blocking (a FIFO waits for its
  // writer, as `cat` would); anything else is opened without blocking, so a
  // FIFO put where a regular file was expected cannot stall argmap.
  bool blocking = false;
  struct stat st {};
  if (options.allow_streams && stat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode))
    blocking = true;
  int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (blocking ? 0 : O_NONBLOCK) |
              (options.no_follow ? O_NOFOLLOW : 0);
  int fd = open(path.c_str(), flags);
  if (fd < 0) {
    error = errno == ELOOP && options.no_follow ? "it is a symbolic link" : std::strerror(errno);
    return false;
  }
  struct closer {
    int fd;
    ~closer() { close(fd); }
  } guard{fd};
  if (fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "it is a directory";
    return false;
  }
  if (S_ISREG(st.st_mode)) {
    if (static_cast<unsigned long long>(st.st_size) > options.max_bytes) {
      error = too_large(options.max_bytes);
      return false;
    }
  } else if (!options.allow_streams) {
    // Reading a FIFO could block for ever, a device could be endless.
    error = fmt::format("it is not a regular file ({})", kind_of(st.st_mode));
    return false;
  }
  if (!blocking) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  if (S_ISREG(st.st_mode)) out.reserve(static_cast<std::size_t>(st.st_size) + 1);
  return read_into(fd, out, error, options.max_bytes);
}

}  // namespace

diagnostic io_problem(std::string file, std::string message) {
  return unplaced(severity::error, "io", std::move(file), std::move(message));
}

bool read_descriptor(int fd, std::string& out, diagnostic& problem, std::size_t max_bytes) {
  std::string why;
  if (read_into(fd, out, why, max_bytes)) return true;
  problem = io_problem({}, std::move(why));
  return false;
}

bool read_file(const std::string& path, std::string& out, diagnostic& problem,
               const read_options& options) {
  std::string why;
  if (read_file_into(path, out, why, options)) return true;
  problem = io_problem(path, std::move(why));
  return false;
}

bool read_stdin(std::string& out, diagnostic& problem, std::size_t max_bytes) {
  std::string why = "standard input is closed";
  if (!stdin_was_closed && read_into(STDIN_FILENO, out, why, max_bytes)) return true;
  problem = io_problem("<stdin>", std::move(why));
  return false;
}

}  // namespace argmap::io
