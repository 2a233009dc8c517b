// Fuzz target: what `argmap build` reads from a tree and an output folder it
// does not trust. The first byte picks: even, an .argmapignore (the text up to
// the first NUL) and paths to match against it (the lines after it); odd, a
// build manifest. Invariants: ignore matching ends (libFuzzer's timeout
// catches an exponential matcher) and agrees between the two entry points; a
// manifest keeps only entries that are the map's own outputs, and what it
// writes reads back the same.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "batch/ignore.hpp"
#include "batch/manifest.hpp"
#include "io/folder.hpp"

namespace {

void ignore_case(const std::string& text) {
  std::size_t nul = text.find('\0');
  std::string patterns = text.substr(0, nul);
  std::vector<argmap::diagnostic> problems;
  argmap::batch::ignore_list list(patterns, ".argmapignore", problems);
  if (nul == std::string::npos) return;
  std::size_t pos = nul + 1, count = 0;
  while (pos <= text.size() && count++ < 64) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string path = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (path.empty()) continue;
    for (bool dir : {false, true}) {
      bool whole = list.ignored(path, dir);
      // A path whose folders are all kept: the walk's question has the same answer.
      bool parents_kept = true;
      for (std::size_t s = path.find('/'); s != std::string::npos; s = path.find('/', s + 1))
        parents_kept = parents_kept && !list.matches(path.substr(0, s), true);
      if (parents_kept && whole != list.matches(path, dir)) {
        std::fprintf(stderr, "ignored() and matches() disagree on '%s'\n", path.c_str());
        std::abort();
      }
    }
  }
}

void manifest_case(const std::string& text) {
  std::vector<std::string> warnings;
  argmap::batch::manifest m = argmap::batch::parse_manifest(text, warnings);
  for (const auto& [map, entry] : m.maps) {
    bool own = argmap::io::is_plain_relative(map);
    for (const auto& [path, hash] : entry.outputs) {
      bool one_of = false;
      for (const char* f : {"svg", "png", "pdf", "dot"})
        one_of = one_of || path == argmap::batch::output_name(map, f);
      own = own && one_of && argmap::io::is_plain_relative(path);
    }
    if (!own) {
      std::fprintf(stderr, "the manifest kept an entry that is not a map's own: '%s'\n",
                   map.c_str());
      std::abort();
    }
  }
  std::vector<std::string> again;
  argmap::batch::manifest back =
      argmap::batch::parse_manifest(argmap::batch::manifest_text(m), again);
  if (!again.empty() || back.maps.size() != m.maps.size()) {
    std::fprintf(stderr, "a manifest argmap wrote does not read back\n");
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0)
    ignore_case(text);
  else
    manifest_case(text);
  return 0;
}
