#include "core/utf8.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include <cstring>

namespace argmap::utf8 {

namespace {

// Length of the valid sequence starting at s[i], or 0 when it is invalid.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  std::size_t n = s.size();
  auto cont = [&](std::size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char b1 = byte(i + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char b1 = byte(i + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

std::size_t find_invalid(std::string_view s) {
  bool ascii;
  return find_invalid(s, ascii);
}

std::size_t find_invalid(std::string_view s, bool& ascii) {
  ascii = true;
  std::size_t i = 0, n = s.size();
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    std::size_t len = sequence_length(s, i);
    if (len == 0) return i;
    if (len > 1) ascii = false;
    i += len;
  }
  return std::string_view::npos;
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string substr(std::string_view s, std::size_t first, std::size_t count) {
  std::size_t i = 0, cp = 0;
  auto starts = [&](std::size_t k) { return (static_cast<unsigned char>(s[k]) & 0xC0) != 0x80; };
  while (i < s.size() && cp < first) {
    ++i;
    while (i < s.size() && !starts(i)) ++i;
    ++cp;
  }
  std::size_t b = i;
  cp = 0;
  while (i < s.size() && cp < count) {
    ++i;
    while (i < s.size() && !starts(i)) ++i;
    ++cp;
  }
  return std::string(s.substr(b, i - b));
}

std::string sanitize(std::string_view s) {
  if (find_invalid(s) == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = sequence_length(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

char32_t decode(const char*& p, const char* end) {
  auto b = [&](int k) { return static_cast<unsigned char>(p[k]); };
  unsigned char b0 = b(0);
  char32_t c;
  int len;
  if (b0 < 0x80) {
    c = b0;
    len = 1;
  } else if (b0 < 0xE0) {
    c = b0 & 0x1F;
    len = 2;
  } else if (b0 < 0xF0) {
    c = b0 & 0x0F;
    len = 3;
  } else {
    c = b0 & 0x07;
    len = 4;
  }
  if (end - p < len) {
    p = end;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) c = (c << 6) | (b(k) & 0x3F);
  p += len;
  return c;
}

bool is_tag_code_point(char32_t c) {
  if (c < 0x80) return false;  // ASCII is decided by the grammar itself
  // Latin-1 punctuation and symbols, and the multiplication/division signs.
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;
  // General punctuation, super/subscripts, currency, letterlike symbols ... up to
  // the end of the miscellaneous symbols and dingbats and arrows blocks.
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  // Supplemental punctuation, CJK symbols and punctuation.
  if (c >= 0x2E00 && c <= 0x2E7F) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  // Private use, surrogates (cannot occur), variation selectors, specials.
  if (c >= 0xE000 && c <= 0xF8FF) return false;
  if (c >= 0xFE00 && c <= 0xFE0F) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;  // CJK compatibility forms
  if (c >= 0xFE50 && c <= 0xFE6F) return false;  // small form variants
  if (c >= 0xFF00 && c <= 0xFF0F) return false;  // fullwidth punctuation
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  if (c >= 0xFFF0 && c <= 0xFFFF) return false;
  // Emoji and pictographs, symbols.
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;
  if (c >= 0xE0000) return false;  // tags and supplementary private use
  return true;
}

bool is_noncharacter(char32_t c) {
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

const char* control_name(char32_t c) {
  static const char* const names[32] = {
      " (NUL)", " (SOH)", " (STX)", " (ETX)", " (EOT)", " (ENQ)", " (ACK)", " (BEL)",
      " (BS)",  " (TAB)", " (LF)",  " (VT)",  " (FF)",  " (CR)",  " (SO)",  " (SI)",
      " (DLE)", " (DC1)", " (DC2)", " (DC3)", " (DC4)", " (NAK)", " (SYN)", " (ETB)",
      " (CAN)", " (EM)",  " (SUB)", " (ESC)", " (FS)",  " (GS)",  " (RS)",  " (US)"};
  if (c < 32) return names[c];
  if (c == 0x7F) return " (DEL)";
  return "";
}

forbidden find_forbidden(std::string_view s) {
  const char* begin = s.data();
  const char* end = begin + s.size();
  const char* p = begin;
  while (p < end) {
    auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
      if ((b < 0x20 && b != '\t') || b == 0x7F)
        return {static_cast<std::size_t>(p - begin), 1, static_cast<char32_t>(b)};
      ++p;
      continue;
    }
    const char* at = p;
    char32_t c = decode(p, end);
    if ((c >= 0x80 && c <= 0x9F) || is_noncharacter(c))
      return {static_cast<std::size_t>(at - begin), static_cast<std::size_t>(p - at), c};
  }
  return {};
}

std::string visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((b < 0x20 && b != '\t') || b == 0x7F) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02X", b);
        out += hex;
      } else {
        out += static_cast<char>(b);
      }
      ++i;
      continue;
    }
    std::size_t len = sequence_length(s, i);
    if (len == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", b);
      out += hex;
      ++i;
      continue;
    }
    const char* p = s.data() + i;
    char32_t c = decode(p, p + len);
    if (c >= 0x80 && c <= 0x9F) {
      char hex[10];
      std::snprintf(hex, sizeof hex, "\\u%04X", static_cast<unsigned>(c));
      out += hex;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

unreadable check_readable(std::string_view text) {
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos)
    return {nul, "NUL byte (is this a binary file?)"};
  std::size_t bad = find_invalid(text);
  if (bad == std::string_view::npos) {
    // Code points argmap text cannot hold; line ends (LF, CRLF) are fine.
    std::size_t pos = 0;
    for (;;) {
      forbidden f = find_forbidden(text.substr(pos));
      if (f.offset == std::string_view::npos) return {};
      std::size_t at = pos + f.offset;
      pos = at + f.length;
      if (f.code_point == '\n' ||
          (f.code_point == '\r' && (pos == text.size() || text[pos] == '\n')))
        continue;
      char what[96];
      if (is_noncharacter(f.code_point))
        std::snprintf(what, sizeof what,
                      "U+%04X is a Unicode noncharacter, which argmap text cannot hold",
                      static_cast<unsigned>(f.code_point));
      else
        std::snprintf(what, sizeof what,
                      "control character U+%04X%s, which argmap text cannot hold",
                      static_cast<unsigned>(f.code_point), control_name(f.code_point));
      return {at, what};
    }
  }
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
  return {bad, std::string("not valid UTF-8 (byte ") + byte + "); argmap reads UTF-8"};
}

}  // namespace argmap::utf8
