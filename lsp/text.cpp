#include "lsp/text.hpp"

#include "core/percent.hpp"
#include "core/utf8.hpp"

#include <algorithm>

namespace argmap::lsp {

std::optional<std::string> path_of_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size() || uri.substr(0, scheme.size()) != scheme) return std::nullopt;
  uri.remove_prefix(scheme.size());
  if (!uri.empty() && uri.front() != '/') {  // file://host/path: only the local host
    std::size_t slash = uri.find('/');
    if (uri.substr(0, slash) != "localhost" || slash == std::string_view::npos) return std::nullopt;
    uri.remove_prefix(slash);
  }
  std::optional<std::string> path = percent_decode(uri);
  if (!path || path->empty() || path->find('\0') != std::string::npos) return std::nullopt;
  return path;
}

std::string uri_of_path(std::string_view path) {
  return "file://" + percent_encode(path);
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
