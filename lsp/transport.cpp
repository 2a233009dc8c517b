#include "lsp/transport.hpp"

#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace argmap::lsp {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// A header field name: letters, digits and the punctuation HTTP allows in a token.
bool is_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) &&
        std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos)
      return false;
  return true;
}

// A header line or the start of one, shown in an error: short and printable.
std::string shown(std::string_view line) {
  std::string out;
  for (char c : line.substr(0, 40)) {
    auto u = static_cast<unsigned char>(c);
    out += u < 0x20 || u >= 0x7f ? '?' : c;
  }
  return line.size() > 40 ? out + "..." : out;
}

}  // namespace

void message_reader::feed(std::string_view bytes) {
  if (failed_) return;
  // What was given out is dropped before the buffer grows, so that a burst
  // of many small messages costs linear time.
  if (start_ > 0) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  buffer_.append(bytes);
}

std::optional<frame> message_reader::fail(std::string why) {
  failed_ = true;
  start_ = 0;
  buffer_.clear();
  buffer_.shrink_to_fit();
  frame f;
  f.ok = false;
  f.error = std::move(why);
  return f;
}

// Reads the header section (without its final empty line) into length_.
bool message_reader::read_header(std::string_view header, std::string& why) {
  std::optional<std::size_t> length;
  while (!header.empty()) {
    std::size_t end = header.find("\r\n");
    std::string_view line = header.substr(0, end);
    header.remove_prefix(end == std::string_view::npos ? header.size() : end + 2);
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !is_name(line.substr(0, colon))) {
      why = fmt::format("a header line must be 'Name: value', not '{}'", shown(line));
      return false;
    }
    std::string_view name = line.substr(0, colon), value = trim(line.substr(colon + 1));
    if (!same_name(name, "Content-Length")) continue;  // Content-Type and others: nothing to do
    std::size_t n = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (length || value.empty() || ec != std::errc() || ptr != value.data() + value.size()) {
      why = length
                ? "two Content-Length headers"
                : fmt::format("Content-Length must be a number of bytes, not '{}'", shown(value));
      return false;
    }
    if (n > max_body_) {
      why = fmt::format("a message of {} bytes is over the limit of {}", value, max_body_);
      return false;
    }
    length = n;
  }
  if (!length) {
    why = "no Content-Length header";
    return false;
  }
  length_ = length;
  return true;
}

std::optional<frame> message_reader::next() {
  if (failed_) return std::nullopt;
  std::string_view rest = std::string_view(buffer_).substr(start_);
  if (!length_) {
    std::size_t end = rest.find("\r\n\r\n");
    if (end == std::string_view::npos) {
      if (rest.size() > max_header_)
        return fail(fmt::format("no end of the header after {} bytes", max_header_));
      return std::nullopt;
    }
    if (end > max_header_) return fail(fmt::format("a header of more than {} bytes", max_header_));
    std::string why;
    if (!read_header(rest.substr(0, end), why)) return fail(std::move(why));
    start_ += end + 4;
    rest.remove_prefix(end + 4);
  }
  if (rest.size() < *length_) return std::nullopt;
  frame f;
  f.body = std::string(rest.substr(0, *length_));
  start_ += *length_;
  length_.reset();
  return f;
}

std::string frame_message(std::string_view body) {
  return fmt::format("Content-Length: {}\r\n\r\n{}", body.size(), body);
}

}  // namespace argmap::lsp
