#include "engine/interchange/argdown.hpp"

#include <fmt/format.h>

namespace argmap::engine {

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

// A YAML double-quoted scalar: always valid, whatever the value holds.
std::string yaml_quoted(std::string_view v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Argdown data for a claim's attributes: `{key: "value", ...}`, which
// Argdown reads as YAML flow mapping and argmap's importer reads back.
std::string data_of(const claim_node& c) {
  if (c.attributes().empty()) return "";
  std::string out = " {";
  for (std::size_t i = 0; i < c.attributes().size(); ++i) {
    const ast::attribute& a = c.attributes()[i];
    out += (i ? ", " : "") + a.key + ": " + yaml_quoted(a.value);
  }
  return out + "}";
}

}  // namespace

std::string export_argdown(const argument_graph& g) {
  std::string out = "===\n";
  bool titled = false;
  for (const ast::attribute& a : g.metadata) {
    if (a.key == "lint") continue;  // argmap's own switch, nothing for Argdown
    out += a.key + ": " + yaml_quoted(a.value) + "\n";
    titled = titled || a.key == "title";
  }
  if (!titled) out += "title: \"argmap export\"\n";
  out += "===\n\n";
  // A reason becomes an Argdown argument in premise-conclusion form when a
  // plain relation cannot carry it: several premises, or an undercut (Argdown
  // relations end on statements or arguments, not on relations).
  graph_adjacency adj(g);
  auto argument = [&](std::uint32_t i) {
    const inference& inf = g.inferences[i];
    return inf.kind != inference_kind::undercut && (inf.premises.size() > 1 || !adj.undercuts[i].empty());
  };
  // Sections as headings, in reading order; a section without claims of its
  // own is written where it comes, so that it is not lost.
  std::int32_t section = no_section, written = -1;
  auto heading = [&](std::int32_t k) {
    const engine::section& s = g.sections[static_cast<std::size_t>(k)];
    out += std::string(s.level, '#') + " " + argdown_text(s.title) + "\n\n";
  };
  for (std::size_t c = 0; c < g.claims.size(); ++c) {
    const claim_node& claim = g.claims[c];
    if (claim.section != section) {
      section = claim.section;
      if (section > written) {
        while (written < section) heading(++written);
      } else if (section != no_section) {
        heading(section);  // back in an earlier section (after an include)
      }
    }
    out += title(claim) + ": " + argdown_text(claim.text());
    for (const std::string& t : claim.tags()) out += " #" + t;
    out += data_of(claim) + "\n";
    for (std::uint32_t i : adj.reasons[c]) {
      const inference& inf = g.inferences[i];
      if (argument(i)) continue;
      out += fmt::format("  {} {}\n", inf.kind == inference_kind::support ? "<+" : "<-",
                         title(g.claims[inf.premises.front()]));
    }
    for (std::uint32_t k : adj.contradictions[c])
      out += "  >< " + title(g.claims[g.contradictions[k].b]) + "\n";
    out += "\n";
  }
  while (written + 1 < static_cast<std::int32_t>(g.sections.size())) heading(++written);
  for (std::uint32_t i = 0; i < g.inferences.size(); ++i) {
    if (!argument(i)) continue;
    const inference& inf = g.inferences[i];
    const claim_node& target = g.claims[inf.target];
    std::string name = fmt::format("<{} reason {}>", target.id, i + 1);
    // Argdown wants an argument's relations and its premise-conclusion form in
    // two blocks, the title written again before the second.
    if (!adj.undercuts[i].empty()) {
      out += name + "\n";
      for (std::uint32_t u : adj.undercuts[i])
        out += "  <_ " + title(g.claims[g.inferences[u].premises.front()]) + "\n";
      out += "\n";
    }
    out += name + "\n\n";
    std::size_t n = 1;
    for (claim_index p : inf.premises) out += fmt::format("({}) {}\n", n++, title(g.claims[p]));
    out += "----\n";
    if (inf.kind == inference_kind::support) {
      out += fmt::format("({}) {}\n\n", n, title(target));
    } else {
      // A joint objection concludes that the target is false, and that
      // conclusion attacks it; `negates` tells argmap to read it back as the
      // objection itself.
      out += fmt::format("({}) [{} reason {} conclusion]: Not: {} {{negates: {}}}\n  -> {}\n\n", n, target.id,
                         i + 1, argdown_text(target.text()), yaml_quoted(target.id), title(target));
    }
  }
  return out;
}

}  // namespace argmap::engine
