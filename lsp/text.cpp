#include "lsp/text.hpp"

#include <algorithm>
#include <cctype>

namespace argmap::lsp {

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The length of the UTF-8 sequence starting with `lead` (1 for a stray byte,
// which the reader counts as one character, as the parser does).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::optional<std::string> path_of_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size() || uri.substr(0, scheme.size()) != scheme) return std::nullopt;
  uri.remove_prefix(scheme.size());
  if (!uri.empty() && uri.front() != '/') {  // file://host/path: only the local host
    std::size_t slash = uri.find('/');
    if (uri.substr(0, slash) != "localhost" || slash == std::string_view::npos) return std::nullopt;
    uri.remove_prefix(slash);
  }
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '%') {
      path += uri[i];
      continue;
    }
    if (i + 2 >= uri.size() || hex(uri[i + 1]) < 0 || hex(uri[i + 2]) < 0) return std::nullopt;
    path += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
    i += 2;
  }
  if (path.empty() || path.find('\0') != std::string::npos) return std::nullopt;
  return path;
}

std::string uri_of_path(std::string_view path) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || std::string_view("/-._~").find(c) != std::string_view::npos) {
      uri += c;
    } else {
      uri += '%';
      uri += digits[u >> 4];
      uri += digits[u & 15];
    }
  }
  return uri;
}

std::uint32_t utf16_column(std::string_view line, std::uint32_t col) {
  std::uint32_t units = 0, c = 1;
  for (std::size_t i = 0; c < col && i < line.size(); ++c) {
    std::size_t n = sequence_length(static_cast<unsigned char>(line[i]));
    units += n == 4 ? 2 : 1;  // a code point beyond the BMP is a surrogate pair
    i += n;
  }
  return units + (col > c ? col - c : 0);  // columns past the end of the line count one each
}

std::size_t offset_of(std::string_view text, std::uint32_t line, std::uint32_t character) {
  std::size_t pos = 0;
  for (std::uint32_t l = 0; l < line; ++l) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return text.size();
    pos = nl + 1;
  }
  std::size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) end = text.size();
  std::uint32_t units = 0;
  while (pos < end && units < character) {
    std::size_t n = sequence_length(static_cast<unsigned char>(text[pos]));
    units += n == 4 ? 2 : 1;
    pos = std::min(pos + n, end);
  }
  return pos;
}

}  // namespace argmap::lsp
