#include "engine/interchange/markdown.hpp"

#include "grammar/attributes.hpp"

#include <vector>

namespace argmap::engine {

namespace {

std::string md_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' || c == '`' || c == '#' ||
        c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

// Writes the outline as the author wrote it: each claim in full where its
// defining line is (under its outline parent), a link wherever else it is
// used. So nesting is never deeper than the source's own, and the output is
// linear in the map, however references fan out.
// A link target for Markdown: only a safe URL, with the parentheses that
// would end it percent-encoded.
std::string md_url(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else out += c;
  }
  return out;
}

// " *(evidence: document; source: [Town budget](https://...))*" from a
// claim's basis, source and url; a url argmap does not trust is shown as text.
std::string evidence(const claim_node& c) {
  std::vector<std::string> parts;
  if (auto basis = c.attribute("basis")) parts.push_back("evidence: " + md_text(std::string(*basis)));
  auto source = c.attribute("source");
  auto url = c.attribute("url");
  bool live = url && grammar::is_safe_url(*url);
  if (source && live)
    parts.push_back("source: [" + md_text(std::string(*source)) + "](" + md_url(*url) + ")");
  else if (source)
    parts.push_back("source: " + md_text(std::string(*source)));
  if (url && !(source && live))
    parts.push_back(live ? "[link](" + md_url(*url) + ")" : "url: " + md_text(std::string(*url)));
  if (parts.empty()) return "";
  std::string out = " *(";
  for (std::size_t k = 0; k < parts.size(); ++k) out += (k ? "; " : "") + parts[k];
  return out + ")*";
}

class writer {
 public:
  explicit writer(const argument_graph& g) : g_(g), adj_(g), written_(g.claims.size(), false) {}

  std::string run() {
    std::int32_t current = no_section - 1;
    for (claim_index c = 0; c < g_.claims.size(); ++c) {
      const claim_node& claim = g_.claims[c];
      if (written_[c] || (!claim.root && claim.outline_parent >= 0)) continue;
      if (claim.section != current) {
        current = claim.section;
        if (current != no_section) {
          const section& s = g_.sections[static_cast<std::size_t>(current)];
          out_ += "\n" + std::string(std::min<unsigned>(s.level + 1, 6), '#') + " " + md_text(s.title) + "\n\n";
        }
      }
      claim_line(c, 0, "", true);
    }
    // A claim whose defining line hangs under a relation that was not built
    // (only possible in a map with errors) is still written, at the top.
    for (claim_index c = 0; c < g_.claims.size(); ++c)
      if (!written_[c]) claim_line(c, 0, "", true);
    return out_;
  }

 private:
  // `defined_here`: this is the claim's defining line; elsewhere it is a link.
  void claim_line(claim_index c, std::size_t depth, const char* label, bool defined_here) {
    const claim_node& claim = g_.claims[c];
    std::string indent(depth * 2, ' ');
    if (written_[c] || !defined_here) {
      out_ += indent + "- " + label + "[→ " + md_text(claim.id) + "](#" + claim.id + ")\n";
      return;
    }
    written_[c] = true;
    out_ += indent + "- " + label + "<a id=\"" + claim.id + "\"></a>" + md_text(claim.text());
    for (const std::string& t : claim.tags()) out_ += " `#" + t + "`";
    out_ += evidence(claim) + "\n";
    if (auto quote = claim.attribute("quote"))
      out_ += indent + "  > \u201C" + md_text(std::string(*quote)) + "\u201D\n";
    for (std::uint32_t i : adj_.reasons[c]) {
      const inference& inf = g_.inferences[i];
      const char* kind = inf.kind == inference_kind::support ? "**Supports:** " : "**Objection:** ";
      for (std::size_t k = 0; k < inf.premises.size(); ++k) {
        claim_index p = inf.premises[k];
        claim_line(p, depth + 1, k == 0 ? kind : "**and:** ", defined_in(p, i));
      }
      for (std::uint32_t u : adj_.undercuts[i]) {
        claim_index p = g_.inferences[u].premises.front();
        claim_line(p, depth + 2, "**Undercut:** ", defined_in(p, u));
      }
    }
    for (std::uint32_t k : adj_.contradictions[c]) {
      claim_index b = g_.contradictions[k].b;
      bool here = g_.claims[b].outline_parent == static_cast<std::int32_t>(c) &&
                  g_.claims[b].outline_inference < 0;
      claim_line(b, depth + 1, "**Contradicts:** ", here);
    }
  }

  // Whether claim `p` is defined on a line of inference `i`.
  bool defined_in(claim_index p, std::uint32_t i) const {
    return g_.claims[p].outline_inference == static_cast<std::int32_t>(i);
  }

  const argument_graph& g_;
  graph_adjacency adj_;
  std::vector<bool> written_;
  std::string out_;
};

}  // namespace

std::string export_markdown(const argument_graph& g) { return writer(g).run(); }

}  // namespace argmap::engine
