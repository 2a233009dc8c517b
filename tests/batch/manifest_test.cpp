// The build manifest is untrusted input: anything not written by argmap is discarded.

#include <doctest/doctest.h>

#include "batch/manifest.hpp"

using namespace argmap::batch;

TEST_CASE("output names are the map's path with the format's extension") {
  CHECK(output_name("a.arg", "svg") == "a.svg");
  CHECK(output_name("sub/a.b.arg", "png") == "sub/a.b.png");
}

TEST_CASE("a manifest round-trips") {
  manifest m;
  m.maps["sub/a.arg"] = {"0123456789abcdef", {{"sub/a.svg", 42}, {"sub/a.png", 7}}};
  m.maps["sub/.hidden-file.arg"] = {"0123456789abcdef", {{"sub/.hidden-file.svg", 1}}};
  std::vector<std::string> warnings;
  manifest back = parse_manifest(manifest_text(m), warnings);
  CHECK(warnings.empty());
  REQUIRE(back.maps.count("sub/a.arg") == 1);
  CHECK(back.maps["sub/a.arg"].key == "0123456789abcdef");
  CHECK(back.maps["sub/a.arg"].outputs == m.maps["sub/a.arg"].outputs);
}

TEST_CASE("a poisoned or foreign manifest is discarded, with a warning") {
  const char* whole[] = {
      "not json",
      "[1,2]",
      "{\"maps\":{\"u.arg\":5}}",             // version 1's shape, and a wrong type
      "{\"argmap_manifest\":3,\"maps\":{}}",  // a later version
      "{\"argmap_manifest\":2,\"maps\":[]}",
      "{\"argmap_manifest\":2,\"maps\":{\"a.arg\":[[[[[[[[[[[[1]]]]]]]]]]]}}",  // too deep
  };
  for (const char* text : whole) {
    std::vector<std::string> warnings;
    CHECK(parse_manifest(text, warnings).maps.empty());
    CHECK(warnings.size() == 1);
  }
  const char* entries[] = {
      R"({"argmap_manifest":2,"maps":{"../../etc/x.arg":{"key":"0123456789abcdef","outputs":{}}}})",
      R"({"argmap_manifest":2,"maps":{"/etc/x.arg":{"key":"0123456789abcdef","outputs":{}}}})",
      R"({"argmap_manifest":2,"maps":{"a.arg":{"key":"0123456789abcdef","outputs":{"/etc/passwd":"0123456789abcdef"}}}})",
      R"({"argmap_manifest":2,"maps":{"a.arg":{"key":"0123456789abcdef","outputs":{"../a.svg":"0123456789abcdef"}}}})",
      R"({"argmap_manifest":2,"maps":{"a.arg":{"key":"0123456789abcdef","outputs":{"README.md":"0123456789abcdef"}}}})",
      R"({"argmap_manifest":2,"maps":{"a.arg":{"key":"0123456789abcdef","outputs":{"b.svg":"0123456789abcdef"}}}})",
      R"({"argmap_manifest":2,"maps":{"a.arg":{"key":"0123456789abcdef","outputs":{"a.svg":5}}}})",
      R"({"argmap_manifest":2,"maps":{"a.arg":{"key":5,"outputs":{}}}})",
      R"({"argmap_manifest":2,"maps":{"a.txt":{"key":"0123456789abcdef","outputs":{}}}})",
      R"({"argmap_manifest":2,"maps":{".git/x.arg":{"key":"0123456789abcdef","outputs":{".git/x.svg":"0123456789abcdef"}}}})",
      R"({"argmap_manifest":2,"maps":{"a/.hidden/x.arg":{"key":"0123456789abcdef","outputs":{}}}})",
  };
  for (const char* text : entries) {
    std::vector<std::string> warnings;
    CHECK(parse_manifest(text, warnings).maps.empty());
    CHECK(warnings.size() == 1);
  }
}
