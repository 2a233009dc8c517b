// Fuzz target: compare() (argmap diff). The input is two maps separated by a
// 0xFF byte (a byte no UTF-8 text holds). Invariants: each map against
// itself, and against its formatted form (`argmap fmt`), is the same
// argument; the two matchings are inverse; every change names claims,
// sections and inferences that exist in its versions.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../engine/helpers.hpp"
#include "engine/compare.hpp"
#include "engine/format.hpp"

namespace {

using argmap::engine::argument_graph;

void fail(const char* why) {
  std::fprintf(stderr, "compare: %s\n", why);
  std::abort();
}

void consistent(const argument_graph& a, const argument_graph& b,
                const argmap::engine::comparison& r) {
  if (r.after_of.size() != a.claims.size() || r.before_of.size() != b.claims.size()) fail("sizes");
  for (std::size_t i = 0; i < r.after_of.size(); ++i)
    if (r.after_of[i] >= 0 &&
        r.before_of[static_cast<std::size_t>(r.after_of[i])] != static_cast<std::int64_t>(i))
      fail("matchings not inverse");
  for (const argmap::engine::change& c : r.changes) {
    const bool section = std::string(argmap::engine::name_of(c.kind)).rfind("section", 0) == 0;
    const std::size_t na = section ? a.sections.size() : a.claims.size();
    const std::size_t nb = section ? b.sections.size() : b.claims.size();
    if (c.before >= static_cast<std::int64_t>(na) || c.after >= static_cast<std::int64_t>(nb))
      fail("index");
    const std::size_t ia = c.contradiction ? a.contradictions.size() : a.inferences.size();
    const std::size_t ib = c.contradiction ? b.contradictions.size() : b.inferences.size();
    if (c.before_inference >= static_cast<std::int64_t>(ia) ||
        c.after_inference >= static_cast<std::int64_t>(ib))
      fail("relation index");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = input.find('\xff');
  const std::string first = input.substr(0, cut),
                    second = cut == std::string::npos ? first : input.substr(cut + 1);
  auto a = argmap::test::check(first);
  auto b = argmap::test::check(second);
  if (a.errors() > 0 || b.errors() > 0) return 0;
  if (!argmap::engine::compare(a.graph, a.graph).same()) fail("a map differs from itself");
  std::vector<argmap::diagnostic> diagnostics;
  if (std::optional<std::string> formatted =
          argmap::engine::format_text("m.arg", first, diagnostics)) {
    auto f = argmap::test::check(*formatted);
    if (f.errors() == 0 && !argmap::engine::compare(a.graph, f.graph).same())
      fail("formatting changed the argument");
  }
  auto r = argmap::engine::compare(a.graph, b.graph);
  consistent(a.graph, b.graph, r);
  return 0;
}
