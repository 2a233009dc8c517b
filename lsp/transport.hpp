#pragma once
/// \file
/// The Language Server Protocol's base protocol: messages framed by a header
/// (`Content-Length: N`, optionally `Content-Type: ...`, each line ending in
/// CRLF, an empty line after them) and N bytes of JSON. The reader takes
/// bytes as they arrive and gives whole message bodies; it never holds more
/// than a bounded header and one bounded body.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace argmap::lsp {

/// What the reader gives: a body, or why the stream cannot be read on.
struct frame {
  bool ok = true;     ///< false: `error` says what is wrong with the framing
  std::string body;   ///< the message's bytes (JSON, not yet parsed)
  std::string error;  ///< e.g. "no Content-Length header"; the stream is then unusable
};

/// Splits a byte stream into message bodies. After a framing error (a header
/// line that is not `Name: value`, no or a malformed `Content-Length`, a body
/// or a header over the limits) the reader gives that error once and nothing
/// more: there is no telling where the next message would begin.
class message_reader {
 public:
  /// Bodies larger than `max_body` bytes and header sections larger than
  /// `max_header` bytes are framing errors.
  explicit message_reader(std::size_t max_body = std::size_t{64} << 20,
                          std::size_t max_header = 8192)
      : max_body_(max_body), max_header_(max_header) {}

  /// Adds bytes read from the stream.
  void feed(std::string_view bytes);

  /// The next complete message or framing error; nothing when more bytes are needed.
  std::optional<frame> next();

  /// True when bytes of an unfinished message are held (at the end of the
  /// stream: a truncated message).
  bool partial() const { return !failed_ && buffer_.size() > start_; }

  /// True after a framing error.
  bool failed() const { return failed_; }

 private:
  std::optional<frame> fail(std::string why);
  bool read_header(std::string_view header, std::string& why);

  std::size_t max_body_, max_header_;
  std::string buffer_;  // bytes read; those before start_ are given out
  std::size_t start_ = 0;
  std::optional<std::size_t> length_;  // the body's length once the header is read
  bool failed_ = false;
};

/// `body` framed for the stream: `Content-Length: N\r\n\r\n` and the body.
std::string frame_message(std::string_view body);

}  // namespace argmap::lsp
