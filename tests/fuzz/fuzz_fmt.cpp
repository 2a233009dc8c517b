// Fuzz target: `argmap fmt`. Whenever a file formats, formatting the result
// again must change nothing, and the result must check to the same graph
// (same claims, texts, relations, sections): the formatter may not lose or
// invent anything.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../engine/helpers.hpp"
#include "engine/format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<argmap::diagnostic> diagnostics;
  std::optional<std::string> once = argmap::engine::format_text("m.arg", text, diagnostics);
  if (!once) return 0;
  std::optional<std::string> twice = argmap::engine::format_text("m.arg", *once, diagnostics);
  if (!twice || *twice != *once) {
    std::fprintf(stderr, "fmt is not idempotent\n--- once\n%s\n--- twice\n%s\n", once->c_str(),
                 twice ? twice->c_str() : "(errors)");
    std::abort();
  }
  std::string before = argmap::test::graph_of(text), after = argmap::test::graph_of(*once);
  if (before != after) {
    std::fprintf(stderr, "fmt changed the graph\n--- before\n%s\n--- after\n%s\n", before.c_str(),
                 after.c_str());
    std::abort();
  }
  return 0;
}
