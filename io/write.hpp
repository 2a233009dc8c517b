#pragma once
/// \file
/// The one way argmap writes a file: a complete new file or nothing, never a
/// half-written one, and never a special file destroyed.

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace argmap::io {

/// A file written under a temporary name in a folder, not yet in place. The
/// temporary is named `.NAME.argmap-tmp-XXXXXX` and locked (flock) while it
/// exists, so that a sweep of stale temporaries (sweep_temporaries) never
/// removes one that a live process is writing. Destroying a staged file that
/// was not committed removes the temporary.
class staged_file {
 public:
  /// Writes `bytes` to a new temporary next to `name` in the folder `dir_fd`
  /// (borrowed: it must stay open until commit), flushed to disk, with
  /// permissions `mode` and, when `owner` is set, that user and group (best
  /// effort: only root may give a file away). On failure returns nothing with
  /// an io_problem about `name` with the reason (strerror) as its message in
  /// `problem`, and leaves no temporary behind.
  static std::optional<staged_file> create(int dir_fd, const std::string& name,
                                           std::string_view bytes, unsigned mode,
                                           diagnostic& problem,
                                           std::optional<std::pair<unsigned, unsigned>> owner = {});
  staged_file(staged_file&& other) noexcept;
  staged_file& operator=(staged_file&&) = delete;
  staged_file(const staged_file&) = delete;
  staged_file& operator=(const staged_file&) = delete;
  ~staged_file();

  /// Renames the temporary over `name` (atomically replacing a file, or a
  /// symbolic link itself: a link is never followed). False with an
  /// io_problem (the reason as its message) in `problem` if the rename
  /// failed; the temporary is then removed.
  bool commit(diagnostic& problem);

 private:
  staged_file() = default;
  int dir_fd_ = -1;
  int fd_ = -1;  // open, holding the lock, until commit or destruction
  std::string temp_, name_;
  int slot_ = -1;  // entry in the table crash cleanup removes
};

/// What write_output found at the path.
struct write_report {
  /// The number of other hard links of a regular file that was replaced: they
  /// keep the old content (an atomic replacement makes a new file).
  unsigned long other_links = 0;
};

/// Writes `bytes` to `path`, a file the user named:
/// - a new path or a regular file is replaced atomically (a temporary in the
///   same folder, renamed over it); an existing file keeps its permissions and,
///   where argmap may, its owner;
/// - a symbolic link is followed, and its final target replaced that way (the
///   link stays a link); a link to nothing is an error;
/// - a FIFO or a character or block device is written in place (`-o
///   /dev/null`, `-o fifo`): it cannot be replaced, and is never destroyed;
/// - a directory or a socket is an error.
/// On failure returns false with an io_problem "cannot write 'path': why" in
/// `problem`, and the file is as it was.
bool write_output(const std::string& path, std::string_view bytes, diagnostic& problem,
                  write_report* report = nullptr);

/// True when `a` and `b` both exist and are the same file (device and inode,
/// symbolic links followed).
bool same_file(const std::string& a, const std::string& b);

/// True when `name` (a file name, no folder) is one staged_file makes.
bool is_temporary_name(std::string_view name);

/// Removes the stale temporaries (is_temporary_name) in the folder `dir_fd`:
/// those no live process holds locked (a process killed while writing).
/// Nothing else is touched; symbolic links are not followed. Returns how
/// many were removed.
std::size_t sweep_temporaries(int dir_fd);

/// Removes the temporaries this process is writing; async-signal-safe, for a
/// handler of a fatal signal.
void remove_temporaries_on_crash() noexcept;

/// Records `fd` as a copy of the real standard error while descriptor 2 is
/// pointed elsewhere (-1: no longer); restore_stderr_on_crash() puts it back.
void set_stderr_backup(int fd) noexcept;

/// Points descriptor 2 back at the real standard error, if it was moved;
/// async-signal-safe, for a handler of a fatal signal.
void restore_stderr_on_crash() noexcept;

/// The permissions a new file gets: 0666 without the bits of the umask.
unsigned new_file_mode();

}  // namespace argmap::io
