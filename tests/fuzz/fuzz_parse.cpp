// Fuzz target: the .arg parser and loader. The input is a map; it may
// include "a.arg" and "b.arg", served from memory (a.arg is the input
// itself, so self-includes and cycles are reachable; b.arg is fixed).
// Every diagnostic must point inside a file it names.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/diagnostic.hpp"
#include "grammar/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  argmap::grammar::memory_loader loader;
  loader.files["a.arg"] = text;
  loader.files["b.arg"] = "[b] Included.\n  + @a1\ninclude \"a.arg\"\n";
  argmap::grammar::parse_options options;
  options.max_depth = 64;  // keep each run short; deeper nesting is one diagnostic anyway
  argmap::grammar::loaded_map m =
      argmap::grammar::load_map_from_text("a.arg", text, loader, options);
  for (const argmap::diagnostic& d : m.diagnostics) {
    if (d.range.line == 0) continue;  // whole-file diagnostics
    bool known = false;
    for (const argmap::source_file& f : m.sources.files) known = known || f.name == d.file;
    if (!known) std::abort();
  }
  (void)argmap::format_human(m.diagnostics, false);
  return 0;
}
