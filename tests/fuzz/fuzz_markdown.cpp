// Fuzz target: `argmap md` (embed/). Every block found lies inside the
// document, in order; drawing the document in place (the blocks kept, their
// drawings inline) and drawing the result again changes nothing; no input
// reads a file (includes and file= must stay inside an include root that
// does not exist).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "embed/document.hpp"
#include "embed/fences.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& a, const std::string& b) {
  std::fprintf(stderr, "%s\n--- first\n%s\n--- second\n%s\n", what, a.c_str(), b.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > 4096) return 0;
  const std::uint8_t mode = data[0];
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  argmap::embed::scan s = argmap::embed::find_fences(text, "doc.md");
  std::size_t end = 0;
  for (const argmap::embed::fence& f : s.fences) {
    if (f.begin < end || f.end > text.size() || f.begin >= f.end || f.close_line <= f.open_line)
      fail("a block outside the document or out of order", text, f.text);
    end = f.end;
  }
  if (s.fences.size() > 4) return 0;  // drawing is Graphviz's time: a few blocks
  argmap::embed::document_options o;
  o.name = "doc.md";
  o.where = argmap::embed::placement::inline_svg;
  o.keep_blocks = true;
  o.details = (mode & 1) != 0;
  o.check.include_root = "/nonexistent/argmap-fuzz";
  o.check.parse.max_claims = 200;
  auto none = [](const std::string&) { return false; };
  argmap::embed::document once = argmap::embed::draw_document(text, o, none);
  if (!once.ok()) return 0;
  argmap::embed::document twice = argmap::embed::draw_document(once.markdown, o, none);
  if (!twice.ok() || twice.markdown != once.markdown)
    fail("drawing in place twice is not drawing once", once.markdown, twice.markdown);
  if (twice.blocks != once.blocks) fail("the blocks changed", once.markdown, twice.markdown);
  return 0;
}
