#include "io/folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "io/read.hpp"
#include "io/write.hpp"

namespace argmap::io {

namespace {

std::pair<std::string_view, std::string_view> split_last(std::string_view rel) {
  std::size_t slash = rel.rfind('/');
  if (slash == std::string_view::npos) return {{}, rel};
  return {rel.substr(0, slash), rel.substr(slash + 1)};
}

// Closes a descriptor when it goes out of scope.
struct fd_guard {
  int fd = -1;
  fd_guard() = default;
  explicit fd_guard(int f) : fd(f) {}
  fd_guard(fd_guard&& o) noexcept : fd(o.fd) { o.fd = -1; }
  fd_guard& operator=(fd_guard&&) = delete;
  fd_guard(const fd_guard&) = delete;
  fd_guard& operator=(const fd_guard&) = delete;
  ~fd_guard() {
    if (fd >= 0) close(fd);
  }
};

}  // namespace

bool is_plain_relative(std::string_view rel) {
  if (rel.empty() || rel.front() == '/') return false;
  std::size_t start = 0;
  while (start <= rel.size()) {
    std::size_t slash = rel.find('/', start);
    if (slash == std::string_view::npos) slash = rel.size();
    std::string_view part = rel.substr(start, slash - start);
    if (part.empty() || part == "." || part == ".." || part.find('\0') != std::string_view::npos)
      return false;
    start = slash + 1;
  }
  return true;
}

std::uint64_t content_hash(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

std::optional<output_folder> output_folder::open(const std::string& path, diagnostic& problem) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) {
    problem = io_problem(path, "cannot create '" + path + "': " + ec.message());
    return std::nullopt;
  }
  output_folder f;
  f.path_ = path;
  f.fd_ = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  struct stat st {};
  if (f.fd_ < 0 || fstat(f.fd_, &st) != 0) {
    problem = io_problem(path, "cannot open '" + path + "': " + std::strerror(errno));
    return std::nullopt;
  }
  f.identity_ = {st.st_dev, st.st_ino};
  return f;
}

output_folder::output_folder(output_folder&& other) noexcept
    : fd_(other.fd_),
      lock_fd_(other.lock_fd_),
      path_(std::move(other.path_)),
      identity_(std::move(other.identity_)) {
  other.fd_ = -1;
  other.lock_fd_ = -1;
}

output_folder::~output_folder() {
  if (lock_fd_ >= 0) close(lock_fd_);
  if (fd_ >= 0) close(fd_);
}

bool output_folder::lock(diagnostic& problem, const std::function<void()>& waiting) {
  std::string error;
  auto failed = [&] {
    problem = io_problem(path_, std::move(error));
    return false;
  };
  lock_fd_ = openat(fd_, ".argmap-lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
                    new_file_mode());
  struct stat st {};
  if (lock_fd_ < 0 || fstat(lock_fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    error =
        "cannot lock '" + path_ + "': '.argmap-lock' " +
        (lock_fd_ < 0 ? (errno == ELOOP ? std::string("is a symbolic link") : std::strerror(errno))
                      : "is not a regular file");
    return failed();
  }
  if (flock(lock_fd_, LOCK_EX | LOCK_NB) == 0) return true;
  if (errno != EWOULDBLOCK) {
    error = "cannot lock '" + path_ + "': " + std::strerror(errno);
    return failed();
  }
  if (waiting) waiting();
  while (flock(lock_fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    error = "cannot lock '" + path_ + "': " + std::strerror(errno);
    return failed();
  }
  return true;
}

int output_folder::open_dir(std::string_view rel, bool create, std::string& error) const {
  int cur = openat(fd_, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  std::size_t start = 0;
  while (cur >= 0 && start < rel.size()) {
    std::size_t slash = rel.find('/', start);
    if (slash == std::string_view::npos) slash = rel.size();
    std::string part(rel.substr(start, slash - start));
    int next = openat(cur, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0 && errno == ENOENT && create) {
      if (mkdirat(cur, part.c_str(), 0777) != 0 && errno != EEXIST) {
        error = std::strerror(errno);
        close(cur);
        return -1;
      }
      next = openat(cur, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (next < 0) {
      std::string where(rel.substr(0, slash));
      error = errno == ELOOP || errno == ENOTDIR
                  ? "'" + where +
                        "' is a symbolic link or not a folder (argmap writes only inside the "
                        "output folder)"
                  : std::string(std::strerror(errno));
      close(cur);
      return -1;
    }
    close(cur);
    cur = next;
    start = slash + 1;
  }
  if (cur < 0) error = std::strerror(errno);
  return cur;
}

bool output_folder::write_together(const std::vector<std::pair<std::string, std::string>>& files,
                                   diagnostic& problem) const {
  auto fail = [&](const std::string& rel, const std::string& why) {
    problem =
        io_problem(path_ + "/" + rel, fmt::format("cannot write '{}/{}': {}", path_, rel, why));
    return false;  // what was staged so far is removed
  };
  std::vector<fd_guard> dirs;
  std::vector<staged_file> staged;
  dirs.reserve(files.size());
  staged.reserve(files.size());
  unsigned mode = new_file_mode();
  for (const auto& [rel, bytes] : files) {
    if (!is_plain_relative(rel)) {
      problem = io_problem(rel, "cannot write '" + rel + "': not a plain relative path");
      return false;
    }
    auto [dir, name] = split_last(rel);
    std::string why;
    int fd = open_dir(dir, true, why);
    if (fd < 0) return fail(rel, why);
    dirs.emplace_back(fd);
    diagnostic not_staged;
    auto s = staged_file::create(fd, std::string(name), bytes, mode, not_staged);
    if (!s) return fail(rel, not_staged.message);
    staged.push_back(std::move(*s));
  }
  for (std::size_t k = 0; k < staged.size(); ++k) {
    diagnostic not_committed;
    if (!staged[k].commit(not_committed)) return fail(files[k].first, not_committed.message);
  }
  return true;
}

bool output_folder::read(std::string_view rel, std::string& out, diagnostic& problem,
                         std::size_t max_bytes, bool* missing) const {
  auto fail = [&](std::string why) {
    problem = io_problem(path_ + "/" + std::string(rel), std::move(why));
    return false;
  };
  if (missing) *missing = false;
  auto [dir, name] = split_last(rel);
  std::string why;
  fd_guard d(open_dir(dir, false, why));
  if (d.fd < 0) {
    if (missing) *missing = errno == ENOENT;
    return fail(why);
  }
  fd_guard f(
      openat(d.fd, std::string(name).c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat st {};
  if (f.fd < 0) {
    if (missing) *missing = errno == ENOENT;
    return fail(errno == ELOOP ? "it is a symbolic link" : std::strerror(errno));
  }
  if (fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode))
    return fail(std::string("it is not a regular file (") + kind_of(st.st_mode) + ")");
  fcntl(f.fd, F_SETFL, fcntl(f.fd, F_GETFL) & ~O_NONBLOCK);
  if (read_descriptor(f.fd, out, problem, max_bytes)) return true;
  problem.file = path_ + "/" + std::string(rel);
  return false;
}

output_folder::removal output_folder::remove_if_unchanged(std::string_view rel,
                                                          std::uint64_t hash) const {
  if (!is_plain_relative(rel)) return removal::refused;
  auto [dir, name] = split_last(rel);
  std::string why;
  fd_guard d(open_dir(dir, false, why));
  if (d.fd < 0) return errno == ENOENT ? removal::missing : removal::refused;
  std::string n(name);
  struct stat st {};
  if (fstatat(d.fd, n.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
    return errno == ENOENT ? removal::missing : removal::refused;
  if (!S_ISREG(st.st_mode)) return removal::refused;
  fd_guard f(openat(d.fd, n.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  std::string bytes;
  diagnostic unread;
  if (f.fd < 0 || !read_descriptor(f.fd, bytes, unread, static_cast<std::size_t>(st.st_size) + 1))
    return removal::refused;
  if (content_hash(bytes) != hash) return removal::changed;
  return unlinkat(d.fd, n.c_str(), 0) == 0 ? removal::removed : removal::refused;
}

bool output_folder::has_file(std::string_view rel) const {
  if (!is_plain_relative(rel)) return false;
  auto [dir, name] = split_last(rel);
  std::string why;
  fd_guard d(open_dir(dir, false, why));
  struct stat st {};
  return d.fd >= 0 && fstatat(d.fd, std::string(name).c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
         S_ISREG(st.st_mode);
}

std::size_t output_folder::sweep(const std::set<std::string>& dirs) const {
  std::size_t removed = 0;
  for (const std::string& rel : dirs) {
    if (!rel.empty() && !is_plain_relative(rel)) continue;
    std::string why;
    fd_guard d(open_dir(rel, false, why));
    if (d.fd >= 0) removed += sweep_temporaries(d.fd);
  }
  return removed;
}

}  // namespace argmap::io
