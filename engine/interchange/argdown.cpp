#include "engine/interchange/argdown.hpp"

#include <fmt/format.h>

namespace argmap {

namespace {

// Argdown text: one line, no characters that open Argdown syntax mid-text.
std::string argdown_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') c = ' ';
    // Backslash itself too: Argdown (and argmap's importer) read "\\x" as "x".
    if (c == '[' || c == ']' || c == '<' || c == '>' || c == '{' || c == '}' || c == '*' ||
        c == '_' || c == '\\' || c == '#')
      out += '\\';
    out += c;
  }
  return out;
}

std::string title(const claim_node& c) { return "[" + c.id + "]"; }

}  // namespace

std::string export_argdown(const argument_graph& g) {
  std::string out = "===\ntitle: ";
  std::string map_title = "argmap export";
  for (const ast::attribute& a : g.metadata)
    if (a.key == "title") map_title = a.value;
  out += argdown_text(map_title) + "\n===\n\n";
  // Which inferences become arguments: the linked ones.
  auto linked = [&](const inference& inf) { return inf.premises.size() > 1; };
  graph_adjacency adj(g);
  for (std::size_t c = 0; c < g.claims.size(); ++c) {
    const claim_node& claim = g.claims[c];
    out += title(claim) + ": " + argdown_text(claim.text());
    for (const std::string& t : claim.tags()) out += " #" + t;
    out += "\n";
    if (!claim.attributes().empty()) {
      out += "  // attributes:";
      for (const ast::attribute& a : claim.attributes()) out += " " + a.key + "=" + a.value;
      out += "\n";
    }
    for (std::uint32_t i : adj.reasons[c]) {
      const inference& inf = g.inferences[i];
      if (linked(inf)) continue;
      out += fmt::format("  {} {}\n", inf.kind == inference_kind::support ? "<+" : "<-",
                         title(g.claims[inf.premises.front()]));
    }
    for (std::uint32_t k : adj.contradictions[c])
      out += "  >< " + title(g.claims[g.contradictions[k].b]) + "\n";
    out += "\n";
  }
  for (std::size_t i = 0; i < g.inferences.size(); ++i) {
    const inference& inf = g.inferences[i];
    if (inf.kind == inference_kind::undercut) {
      const inference& target = g.inferences[inf.target];
      if (linked(target)) continue;  // written under the target's argument below
      out += fmt::format(
          "// undercut: {} undercuts the reason {} -> {}; Argdown relations cannot end on an "
          "inference, so it is written as an attack on the premise\n",
          title(g.claims[inf.premises.front()]), title(g.claims[target.premises.front()]),
          title(g.claims[target.target]));
      out += title(g.claims[target.premises.front()]) + "\n  <- " +
             title(g.claims[inf.premises.front()]) + "\n\n";
      continue;
    }
    if (!linked(inf)) continue;
    const claim_node& target = g.claims[inf.target];
    out += fmt::format("<{} reason {}>\n\n", target.id, i + 1);
    std::size_t n = 1;
    for (claim_index p : inf.premises) out += fmt::format("({}) {}\n", n++, title(g.claims[p]));
    out += "----\n";
    if (inf.kind == inference_kind::support) {
      out += fmt::format("({}) {}\n", n, title(target));
    } else {
      out += fmt::format("({}) [{} reason {} conclusion]: {} is false.\n", n, target.id, i + 1,
                         argdown_text(target.text()));
      out += fmt::format("  -> {}\n", title(target));
    }
    for (std::uint32_t u : adj.undercuts[i])
      out += "  <_ " + title(g.claims[g.inferences[u].premises.front()]) + "\n";
    out += "\n";
  }
  return out;
}

}  // namespace argmap
