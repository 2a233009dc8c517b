// The outline and line grammars: structure, text, tags, attributes, errors.

#include <doctest/doctest.h>

#include "helpers.hpp"

using argmap::test::diags_of;
using argmap::test::parse_text;

TEST_CASE("a root with a supporting and an attacking child") {
  auto p = parse_text("[t] Tea is good. #drinks\n  + It is warm.\n  - [c] It can be bitter.\n");
  CHECK(p.diags == "");
  CHECK(p.ast ==
        "file \"t.arg\"\n"
        "root 1 [t] 1:1-1:25 \"Tea is good.\" #drinks\n"
        "  support 1.1 2:3-2:16 \"It is warm.\"\n"
        "  attack 1.2 [c] 3:3-3:26 \"It can be bitter.\"\n");
}
