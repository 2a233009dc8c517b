#pragma once
/// \file
/// The one way argmap reads a file: bounded in size, and refusing what is not
/// a regular file unless the caller allows a stream.

#include <cstddef>
#include <string>

#include "core/diagnostic.hpp"

namespace argmap::io {

/// What a read accepts.
struct read_options {
  /// Files larger than this are refused ("file is larger than N bytes"); a
  /// stream is read up to it and refused past it.
  std::size_t max_bytes = std::size_t{1} << 30;
  /// Accept FIFOs, character devices and sockets (a file named on the command
  /// line, e.g. `<(generate-map)`). Everything argmap finds by itself
  /// (includes, maps under a folder, ignore files, manifests) is read without.
  bool allow_streams = false;
  /// Refuse a symbolic link instead of following it.
  bool no_follow = false;
};

/// The diagnostic an io function fails with: code "io", about `file`, and
/// `message` (for a read, a few words meant to follow "cannot read 'path': ").
diagnostic io_problem(std::string file, std::string message);

/// Reads `path` into `out`. On failure returns false with an io_problem in
/// `problem` whose message is a few words meant to follow "cannot read
/// 'path': " ("No such file or directory", "it is a directory", "it is not a
/// regular file (a FIFO)", "file is larger than 1000 bytes"). A FIFO is never
/// opened in a way that could block unless `allow_streams` is set.
bool read_file(const std::string& path, std::string& out, diagnostic& problem,
               const read_options& options = {});

/// Reads standard input into `out`, at most `max_bytes` (more is an error,
/// and reading stops there). Standard input that was closed when argmap
/// started is an error, not an empty file.
/// A failure is an io_problem about "<stdin>".
bool read_stdin(std::string& out, diagnostic& problem, std::size_t max_bytes);

/// Called once at start-up: a standard descriptor (0, 1, 2) that is closed is
/// opened on /dev/null, so that no file argmap opens later takes its number.
/// read_stdin() remembers that standard input was closed.
void guard_standard_descriptors();

/// Reads from the open descriptor `fd` until end of file, at most `max_bytes`
/// (more is an error). Used by read_file; exposed for descriptors from openat().
/// A failure is an io_problem about no file (the caller knows which).
bool read_descriptor(int fd, std::string& out, diagnostic& problem, std::size_t max_bytes);

/// "a FIFO", "a character device", "a block device", "a socket", "a directory",
/// "a symbolic link" or "a special file", for the file type bits of `mode`.
const char* kind_of(unsigned mode);

}  // namespace argmap::io
