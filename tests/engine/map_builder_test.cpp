// What importers write goes through map_builder: a syntax tree the formatter
// prints. These tests build documents directly.

#include <doctest/doctest.h>

#include <string>

#include "engine/format.hpp"
#include "engine/interchange/map_builder.hpp"

using argmap::ast::relation;
using argmap::engine::map_builder;

TEST_CASE("a built map prints as argmap fmt prints it, and reads back as built") {
  map_builder b;
  b.meta("title", "Cars in the centre");
  b.meta("source", " padded ");
  b.comment("Imported for a test.");
  argmap::engine::claim_line thesis;
  thesis.id = "t";
  thesis.text = "  The centre should be car-free.\n";
  thesis.tags = {"city policy", ""};
  thesis.attributes = {{"weight", "0.8"}, {"note", "two\nlines"}};
  b.claim(0, std::move(thesis));
  b.claim(1, relation::support, "", "Air would be cleaner {really}.");
  b.reference(2, relation::undercut, "s");
  b.claim(1, relation::attack, "s", "#1 Shops would lose #trade");
  b.blank_line();
  b.heading(2, " Another\nside ");
  b.claim(0, relation::root, "", "include \"x.arg\" is a claim here");
  b.claim(3, relation::support, "", "");  // too deep: placed one level down
  const std::string text = b.text();
  CHECK(text ==
        "---\n"
        "title: Cars in the centre\n"
        "source: \" padded \"\n"
        "---\n"
        "\n"
        "// Imported for a test.\n"
        "[t] The centre should be car-free. #city-policy {weight: 0.8, note: \"two lines\"}\n"
        "  + Air would be cleaner \\{really}.\n"
        "    ~ @s\n"
        "  - [s] #1 Shops would lose \\#trade\n"
        "\n"
        "## Another side\n"
        "include\n"
        "    \"x.arg\" is a claim here\n"
        "  + (no text)\n");
  std::vector<argmap::diagnostic> ds;
  CHECK(argmap::engine::format_text("m.arg", text, ds) == text);
  CHECK(ds.empty());
}

TEST_CASE("a root reference and a relation on a root are put right, never crash") {
  map_builder b;
  b.reference(1, relation::attack, "x");  // nothing above it: it becomes a root line
  b.claim(0, relation::attack, "a", "A.");
  b.claim(1, relation::root, "", "B.");
  CHECK(b.text() == "@x\n[a] A.\n  + B.\n");
  map_builder empty;
  CHECK(empty.text() == "");
}
