#include "engine/interchange/markdown.hpp"

#include <vector>

namespace argmap {

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

class writer {
 public:
  explicit writer(const argument_graph& g) : g_(g), written_(g.claims.size(), false) {}

  std::string run() {
    std::vector<bool> is_premise(g_.claims.size(), false);
    for (const inference& inf : g_.inferences)
      for (claim_index p : inf.premises) is_premise[p] = true;
    std::int32_t current = no_section - 1;
    for (claim_index c = 0; c < g_.claims.size(); ++c) {
      const claim_node& claim = g_.claims[c];
      if (!claim.root || written_[c]) continue;
      if (claim.section != current) {
        current = claim.section;
        if (current != no_section) {
          const section& s = g_.sections[static_cast<std::size_t>(current)];
          out_ += "\n" + std::string(std::min<unsigned>(s.level + 1, 6), '#') + " " + md_text(s.title) + "\n\n";
        }
      }
      claim_line(c, 0, "");
    }
    return out_;
  }

 private:
  void claim_line(claim_index c, std::size_t depth, const char* label) {
    const claim_node& claim = g_.claims[c];
    std::string indent(depth * 2, ' ');
    if (written_[c]) {
      out_ += indent + "- " + label + "[→ " + md_text(claim.id) + "](#" + claim.id + ")\n";
      return;
    }
    written_[c] = true;
    out_ += indent + "- " + label + "<a id=\"" + claim.id + "\"></a>" + md_text(claim.text());
    for (const std::string& t : claim.tags()) out_ += " `#" + t + "`";
    if (auto source = claim.attribute("source")) out_ += " *(source: " + md_text(std::string(*source)) + ")*";
    out_ += "\n";
    for (std::size_t i = 0; i < g_.inferences.size(); ++i) {
      const inference& inf = g_.inferences[i];
      if (inf.kind == inference_kind::undercut || inf.target != c) continue;
      const char* kind = inf.kind == inference_kind::support ? "**Supports:** " : "**Objection:** ";
      for (std::size_t k = 0; k < inf.premises.size(); ++k) {
        claim_line(inf.premises[k], depth + 1, k == 0 ? kind : "**and:** ");
      }
      for (const inference& u : g_.inferences)
        if (u.kind == inference_kind::undercut && u.target == i)
          claim_line(u.premises.front(), depth + 2, "**Undercut:** ");
    }
    for (const contradiction& k : g_.contradictions) {
      if (k.a == c) claim_line(k.b, depth + 1, "**Contradicts:** ");
    }
  }

  const argument_graph& g_;
  std::vector<bool> written_;
  std::string out_;
};

}  // namespace

std::string export_markdown(const argument_graph& g) { return writer(g).run(); }

}  // namespace argmap
