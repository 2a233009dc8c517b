// LSP positions (UTF-16 columns) and file URIs against argmap's code-point
// columns and paths.

#include <doctest/doctest.h>

#include "lsp/text.hpp"

using namespace argmap::lsp;

TEST_CASE("file URIs and paths, percent-escapes both ways") {
  CHECK(path_of_uri("file:///home/a/map.arg") == "/home/a/map.arg");
  CHECK(path_of_uri("file:///home/a%20b/m%C3%A9.arg") == "/home/a b/mé.arg");
  CHECK(path_of_uri("file://localhost/x.arg") == "/x.arg");
  CHECK_FALSE(path_of_uri("untitled:Untitled-1"));
  CHECK_FALSE(path_of_uri("file://server/share/x.arg"));
  CHECK_FALSE(path_of_uri("file:///bad%2"));
  CHECK_FALSE(path_of_uri("file:///nul%00here"));
  CHECK(uri_of_path("/home/a b/mé.arg") == "file:///home/a%20b/m%C3%A9.arg");
  CHECK(path_of_uri(uri_of_path("/x/#?%[]")) == "/x/#?%[]");
}

TEST_CASE("code-point columns become UTF-16 columns; positions become byte offsets") {
  const std::string line = "a\xC3\xA9\xF0\x9F\x98\x80z";  // a é 😀 z
  CHECK(utf16_column(line, 1) == 0);
  CHECK(utf16_column(line, 3) == 2);  // before the emoji
  CHECK(utf16_column(line, 4) == 4);  // after it: a surrogate pair
  CHECK(utf16_column(line, 6) == 6);  // one past the end of the line, and one more
  const std::string text = "first\n" + line + "\nlast";
  CHECK(offset_of(text, 0, 0) == 0);
  CHECK(offset_of(text, 1, 2) == 6 + 3);
  CHECK(offset_of(text, 1, 4) == 6 + 7);
  CHECK(offset_of(text, 1, 99) == 6 + line.size());  // clamped to the line's end
  CHECK(offset_of(text, 9, 0) == text.size());       // and to the text's
}
