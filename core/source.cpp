#include "core/source.hpp"

#include <cstring>

namespace argmap {

std::string_view source_file::line_text(std::uint32_t line) const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    const char* base = text.data();
    const char* p = base;
    const char* end = base + text.size();
    while (const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
      p = static_cast<const char*>(nl) + 1;
      line_starts_.push_back(static_cast<std::uint32_t>(p - base));
    }
  }
  if (line == 0 || line > line_starts_.size()) return {};
  const char* p = text.data() + line_starts_[line - 1];
  const char* end = text.data() + text.size();
  const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
  const char* e = nl ? static_cast<const char*>(nl) : end;
  if (e > p && e[-1] == '\r') --e;
  // A leading byte-order mark is not part of line 1's text.
  if (line == 1 && e - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  return {p, static_cast<std::size_t>(e - p)};
}

}  // namespace argmap
