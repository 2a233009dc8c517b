#include "io/write.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <vector>

#include "io/read.hpp"

namespace argmap::io {

namespace {

constexpr std::string_view temp_marker = ".argmap-tmp-";
constexpr std::size_t temp_random = 6;

// The temporaries this process has open, for remove_temporaries_on_crash. The
// program is single-threaded; a handler sees either a whole entry or none.
struct crash_slot {
  volatile std::sig_atomic_t used = 0;
  int dir_fd = -1;
  char name[NAME_MAX + 1] = {};
};
crash_slot crash_slots[32];

int take_slot(int dir_fd, const std::string& name) {
  for (int k = 0; k < 32; ++k) {
    if (crash_slots[k].used) continue;
    crash_slots[k].dir_fd = dir_fd;
    std::memcpy(crash_slots[k].name, name.c_str(), name.size() + 1);
    crash_slots[k].used = 1;
    return k;
  }
  return -1;  // more than 32 at once: the sweep of the next build removes them
}

void free_slot(int slot) {
  if (slot >= 0) crash_slots[slot].used = 0;
}

std::string random_suffix() {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char bytes[temp_random];
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    // No entropy source: the clock and the pid still make clashes unlikely,
    // and O_EXCL makes them harmless.
    auto seed = static_cast<unsigned long>(std::time(nullptr)) ^
                (static_cast<unsigned long>(getpid()) << 16) ^
                static_cast<unsigned long>(std::clock());
    for (unsigned char& b : bytes)
      b = static_cast<unsigned char>(seed = seed * 6364136223846793005UL + 1);
  }
  std::string s;
  for (unsigned char b : bytes) s += alphabet[b % (sizeof alphabet - 1)];
  return s;
}

std::string temporary_for(const std::string& name) {
  // A temporary name must fit NAME_MAX however long the name is.
  std::string base = name.substr(0, NAME_MAX - 1 - temp_marker.size() - temp_random);
  return "." + base + std::string(temp_marker) + random_suffix();
}

bool write_all(int fd, std::string_view bytes, int& err) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

diagnostic cannot(const std::string& path, const std::string& why) {
  return io_problem(path, "cannot write '" + path + "': " + why);
}

}  // namespace

unsigned new_file_mode() {
  mode_t mask = umask(0);
  umask(mask);
  return 0666U & ~static_cast<unsigned>(mask);
}

bool is_temporary_name(std::string_view name) {
  if (name.size() < 2 + temp_marker.size() + temp_random || name.front() != '.') return false;
  std::string_view tail = name.substr(name.size() - temp_marker.size() - temp_random);
  if (!tail.starts_with(temp_marker)) return false;
  for (char c : tail.substr(temp_marker.size()))
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  return true;
}

std::optional<staged_file> staged_file::create(int dir_fd, const std::string& name,
                                               std::string_view bytes, unsigned mode,
                                               diagnostic& problem,
                                               std::optional<std::pair<unsigned, unsigned>> owner) {
  staged_file f;
  f.dir_fd_ = dir_fd;
  f.name_ = name;
  for (int attempt = 0; attempt < 100 && f.fd_ < 0; ++attempt) {
    f.temp_ = temporary_for(name);
    f.fd_ =
        openat(dir_fd, f.temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (f.fd_ < 0 && errno != EEXIST) break;
  }
  if (f.fd_ < 0) {
    problem = io_problem(name, std::strerror(errno));
    return std::nullopt;
  }
  // Held until the rename: a sweep of stale temporaries skips a locked one.
  flock(f.fd_, LOCK_EX | LOCK_NB);
  f.slot_ = take_slot(dir_fd, f.temp_);
  int err = 0;
  if (!write_all(f.fd_, bytes, err) || fsync(f.fd_) != 0) {
    if (err == 0) err = errno;
    problem = io_problem(name, std::strerror(err));
    return std::nullopt;  // the destructor removes the temporary
  }
  if (owner && fchown(f.fd_, owner->first, owner->second) != 0) {
    // Not root: keep at least the group where we may.
    if (fchown(f.fd_, static_cast<uid_t>(-1), owner->second) != 0) { /* best effort */
    }
  }
  fchmod(f.fd_, static_cast<mode_t>(mode & 07777));
  return f;
}

staged_file::staged_file(staged_file&& other) noexcept
    : dir_fd_(other.dir_fd_),
      fd_(other.fd_),
      temp_(std::move(other.temp_)),
      name_(std::move(other.name_)),
      slot_(other.slot_) {
  other.fd_ = -1;
  other.slot_ = -1;
  other.temp_.clear();
}

staged_file::~staged_file() {
  if (!temp_.empty()) unlinkat(dir_fd_, temp_.c_str(), 0);
  free_slot(slot_);
  if (fd_ >= 0) close(fd_);
}

bool staged_file::commit(diagnostic& problem) {
  if (renameat(dir_fd_, temp_.c_str(), dir_fd_, name_.c_str()) != 0) {
    problem = io_problem(name_, std::strerror(errno));
    return false;  // the destructor removes the temporary
  }
  temp_.clear();
  free_slot(slot_);
  slot_ = -1;
  close(fd_);
  fd_ = -1;
  return true;
}

bool write_output(const std::string& path, std::string_view bytes, diagnostic& problem,
                  write_report* report) {
  namespace fs = std::filesystem;
  std::string target = path;
  struct stat st {};
  bool exists = lstat(path.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) {
    problem = cannot(path, std::strerror(errno));
    return false;
  }
  if (exists && S_ISLNK(st.st_mode)) {
    if (stat(path.c_str(), &st) != 0) {
      problem = cannot(path, errno == ENOENT ? "it is a symbolic link to a file that does not exist"
                                             : std::strerror(errno));
      return false;
    }
    // A regular file is replaced where it really is. Anything else is opened
    // through the link (`/dev/stdout` names a pipe that has no path).
    if (S_ISREG(st.st_mode)) {
      char* real = realpath(path.c_str(), nullptr);
      if (real == nullptr) {
        problem = cannot(path, std::strerror(errno));
        return false;
      }
      target = real;
      std::free(real);
    }
  }
  if (exists && (S_ISDIR(st.st_mode) || S_ISSOCK(st.st_mode))) {
    problem = cannot(path, std::string("it is ") + kind_of(st.st_mode));
    return false;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    // A FIFO or a device: written in place, as the shell's '>' would.
    int fd = open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    int err = 0;
    if (fd < 0 || !write_all(fd, bytes, err)) {
      problem = cannot(path, std::strerror(fd < 0 ? errno : err));
      if (fd >= 0) close(fd);
      return false;
    }
    if (close(fd) != 0) {
      problem = cannot(path, std::strerror(errno));
      return false;
    }
    return true;
  }
  fs::path t(target);
  std::string dir = t.has_parent_path() ? t.parent_path().string() : ".";
  int dir_fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) {
    problem = cannot(path, std::strerror(errno));
    return false;
  }
  std::optional<std::pair<unsigned, unsigned>> owner;
  unsigned mode = new_file_mode();
  if (exists) {
    mode = st.st_mode & 07777;
    owner = std::make_pair(static_cast<unsigned>(st.st_uid), static_cast<unsigned>(st.st_gid));
    if (report) report->other_links = st.st_nlink > 1 ? st.st_nlink - 1 : 0;
  }
  diagnostic why;
  std::optional<staged_file> staged =
      staged_file::create(dir_fd, t.filename().string(), bytes, mode, why, owner);
  bool ok = staged && staged->commit(why);
  staged.reset();
  close(dir_fd);
  if (!ok) problem = cannot(path, why.message);
  return ok;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  return stat(a.c_str(), &sa) == 0 && stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

std::size_t sweep_temporaries(int dir_fd) {
  int fd = openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return 0;
  DIR* d = fdopendir(fd);
  if (d == nullptr) {
    close(fd);
    return 0;
  }
  std::vector<std::string> stale;
  while (dirent* e = readdir(d))
    if (is_temporary_name(e->d_name)) stale.emplace_back(e->d_name);
  closedir(d);
  std::size_t removed = 0;
  for (const std::string& name : stale) {
    struct stat st {};
    if (fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
      continue;
    int t = openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (t < 0) continue;
    // Locked: a live process is writing it.
    if (flock(t, LOCK_EX | LOCK_NB) == 0 && unlinkat(dir_fd, name.c_str(), 0) == 0) ++removed;
    close(t);
  }
  return removed;
}

namespace {
volatile std::sig_atomic_t stderr_backup = -1;
}  // namespace

void set_stderr_backup(int fd) noexcept {
  stderr_backup = fd;
}

void restore_stderr_on_crash() noexcept {
  if (stderr_backup >= 0) dup2(stderr_backup, STDERR_FILENO);
}

void remove_temporaries_on_crash() noexcept {
  for (crash_slot& s : crash_slots)
    if (s.used) unlinkat(s.dir_fd, s.name, 0);
}

}  // namespace argmap::io
