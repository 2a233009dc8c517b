#include "lsp/text.hpp"

#include "core/utf8.hpp"

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
  const char* end = line.data() + line.size();
  for (const char* p = line.data(); c < col && p < end; ++c)
    units += utf8::decode(p, end) > 0xFFFF ? 2 : 1;  // beyond the BMP: a surrogate pair
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
  const char* p = text.data() + pos;
  const char* line_end = text.data() + end;
  while (p < line_end && units < character) units += utf8::decode(p, line_end) > 0xFFFF ? 2 : 1;
  return static_cast<std::size_t>(p - text.data());
}

}  // namespace argmap::lsp
