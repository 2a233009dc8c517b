#pragma once
/// \file
/// A folder argmap writes into and never out of (`argmap build`'s output folder).

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace argmap::io {

/// An open output folder. Every path below it is relative ('/'-separated, no
/// `.` or `..` part) and opened one folder at a time without following
/// symbolic links, so nothing read, written or removed through it can lie
/// outside the folder, whatever links the folder holds.
class output_folder {
 public:
  /// Opens the folder `path` the user named (it may itself be a symbolic
  /// link), creating it and its parents if needed. On failure returns nothing
  /// with an io_problem "cannot create 'path': why" or "cannot open 'path':
  /// why" in `problem`.
  static std::optional<output_folder> open(const std::string& path, diagnostic& problem);
  output_folder(output_folder&& other) noexcept;
  output_folder& operator=(output_folder&&) = delete;
  output_folder(const output_folder&) = delete;
  output_folder& operator=(const output_folder&) = delete;
  ~output_folder();

  /// Takes the folder's lock (flock on `.argmap-lock`, released when the
  /// process ends). When another process holds it, calls `waiting` once, then
  /// waits for it. False with an io_problem in `problem` if the lock file
  /// cannot be made.
  bool lock(diagnostic& problem, const std::function<void()>& waiting = {});

  /// Writes every file (path below the folder, bytes) together: each is first
  /// written in full under a temporary name (folders are created as needed),
  /// and only when all of them are written are they renamed into place. If
  /// any cannot be written, none is changed and `problem` says which and why.
  bool write_together(const std::vector<std::pair<std::string, std::string>>& files,
                      diagnostic& problem) const;

  /// Reads the regular file `rel` (never a link, FIFO or device) into `out`, at
  /// most `max_bytes`. False with an io_problem about the file (the reason as
  /// its message) in `problem`; `missing` is set when it does not exist.
  bool read(std::string_view rel, std::string& out, diagnostic& problem, std::size_t max_bytes,
            bool* missing = nullptr) const;

  /// What remove_if_unchanged did.
  enum class removal { removed, missing, changed, refused };

  /// Removes `rel` only if it is a regular file (not a link) whose content
  /// has content_hash `hash`: a file edited since argmap wrote it is kept
  /// (`changed`), and so is anything that is not a plain file (`refused`).
  removal remove_if_unchanged(std::string_view rel, std::uint64_t hash) const;

  /// True when `rel` is a regular file (links not followed).
  bool has_file(std::string_view rel) const;

  /// Removes stale temporaries (a killed process's) in each of the folders
  /// `dirs` (relative; "" is the folder itself) that exists; nothing else.
  /// Returns how many were removed.
  std::size_t sweep(const std::set<std::string>& dirs) const;

  /// The path the folder was opened with.
  const std::string& path() const { return path_; }

  /// The folder's device and inode, to recognise it while walking a tree.
  std::pair<std::uint64_t, std::uint64_t> identity() const { return identity_; }

 private:
  output_folder() = default;
  // Opens the folder `rel` (relative) below, creating missing parts when
  // `create`; -1 with the reason in `error`.
  int open_dir(std::string_view rel, bool create, std::string& error) const;
  int fd_ = -1;
  int lock_fd_ = -1;
  std::string path_;
  std::pair<std::uint64_t, std::uint64_t> identity_{};
};

/// True when `rel` is a path output_folder accepts: relative, '/'-separated,
/// no empty, `.` or `..` part.
bool is_plain_relative(std::string_view rel);

/// A 64-bit hash of `bytes` (FNV-1a), recorded in the build manifest to
/// recognise a file argmap wrote. It detects change, not tampering.
std::uint64_t content_hash(std::string_view bytes);

}  // namespace argmap::io
