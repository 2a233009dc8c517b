// UTF-8 validation and counting.

#include <doctest/doctest.h>

#include <string>

#include "core/utf8.hpp"

namespace utf8 = argmap::utf8;
constexpr auto npos = std::string_view::npos;

TEST_CASE("valid UTF-8 of every length is accepted") {
  CHECK(utf8::find_invalid("plain ascii, long enough for the 8-byte fast path") == npos);
  CHECK(utf8::find_invalid("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80") == npos);
  CHECK(utf8::find_invalid("\xF4\x8F\xBF\xBF") == npos);  // U+10FFFF
}

TEST_CASE("invalid UTF-8 is found at its first byte") {
  CHECK(utf8::find_invalid("ab\xFF") == 2);
  CHECK(utf8::find_invalid("a\xC0\xAF") == 1);          // overlong '/'
  CHECK(utf8::find_invalid("\xE0\x80\xAF") == 0);       // overlong, three bytes
  CHECK(utf8::find_invalid("xx\xED\xA0\x80") == 2);     // surrogate U+D800
  CHECK(utf8::find_invalid("\xF4\x90\x80\x80") == 0);   // above U+10FFFF
  CHECK(utf8::find_invalid("12345678\xC3") == 8);       // truncated after the fast path
  CHECK(utf8::find_invalid("\x80 continuation first") == 0);
}

TEST_CASE("lengths and columns count code points") {
  CHECK(utf8::length("caf\xC3\xA9") == 4);
  CHECK(utf8::column("caf\xC3\xA9 x", 6) == 6);
  CHECK(utf8::substr("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 1, 1) == "\xE6\x9C\xAC");
  CHECK(utf8::sanitize("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("tag characters: letters of any script, not punctuation or symbols") {
  CHECK(utf8::is_tag_code_point(U'\u00E9'));   // é
  CHECK(utf8::is_tag_code_point(U'\u65E5'));   // 日
  CHECK(utf8::is_tag_code_point(U'\u0416'));   // Ж
  CHECK_FALSE(utf8::is_tag_code_point(U'\u00A0'));   // no-break space
  CHECK_FALSE(utf8::is_tag_code_point(U'\u2014'));   // em dash
  CHECK_FALSE(utf8::is_tag_code_point(U'\u3002'));   // ideographic full stop
  CHECK_FALSE(utf8::is_tag_code_point(U'\U0001F600'));  // emoji
}
