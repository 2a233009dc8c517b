// Hover: what a claim says, where it is, whether it stands and why.

#include <filesystem>

#include <fmt/format.h>

#include "engine/explain.hpp"
#include "grammar/walk.hpp"
#include "lsp/features.hpp"

namespace argmap::lsp {

namespace {

// `text` with Markdown's punctuation escaped, so an author's text shows as written.
std::string markdown_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// The claim line under the cursor in the document: the innermost one whose
// lines hold it.
const ast::claim* claim_at(const grammar::loaded_map& m, std::uint32_t line) {
  const ast::claim* found = nullptr;
  grammar::for_each_claim(m.documents, [&](const ast::claim& c, const auto&, std::uint32_t) {
    const std::uint32_t last = c.range.end_line ? c.range.end_line : c.range.line;
    if (c.range.file == 0 && c.range.line <= line && line <= last) found = &c;
  });
  return found;
}

std::optional<engine::claim_index> node_of(const engine::argument_graph& g, const ast::claim& c) {
  if (c.is_reference) return g.find(c.id);
  for (std::size_t i = 0; i < g.claims.size(); ++i)
    if (g.claims[i].source == &c) return static_cast<engine::claim_index>(i);
  return std::nullopt;
}

std::string place(const grammar::loaded_map& m, const source_range& r) {
  std::string name = r.file < m.sources.files.size() ? m.sources.files[r.file].name : "";
  return fmt::format("{}:{}", std::filesystem::path(name).filename().string(), r.line);
}

std::string standing(workspace& w, const std::string& uri, engine::claim_index i) {
  const engine::evaluation* grounded = w.evaluated(uri, engine::semantics::grounded);
  if (!grounded) return "*Not evaluated: the map has errors.*";
  const engine::argument_graph& g = w.analyse(uri).checked.graph;
  std::string out = fmt::format("Grounded: **{}**", engine::name_of(grounded->claim_labels[i]));
  if (const engine::evaluation* s = w.evaluated(uri, engine::semantics::dfquad))
    out += fmt::format(" · DF-QuAD strength **{:.2f}**", s->claim_strengths[i]);
  std::vector<std::string> names;
  for (const source_file& f : w.analyse(uri).checked.map.sources.files)
    names.push_back(std::filesystem::path(f.name).filename().string());
  engine::explainer why(g, *grounded);
  out += "\n\n```text\n" + engine::explanation_text(why.explain(i, 3, 4), names) + "```";
  return out;
}

}  // namespace

json hover(workspace& w, const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const document* d = w.find(uri);
  if (!d) return nullptr;
  const cursor at = cursor_at(d->text, params.at("position"));
  analysis& a = w.analyse(uri);
  const grammar::loaded_map& m = a.checked.map;
  const ast::claim* line = claim_at(m, at.line);
  if (!line) return nullptr;
  std::optional<engine::claim_index> i = node_of(a.checked.graph, *line);
  if (!i) return nullptr;
  const engine::claim_node& n = a.checked.graph.claims[*i];
  std::string md =
      fmt::format("**{}** {}", n.user_id ? "[" + n.id + "]" : n.id, markdown_text(n.text()));
  for (const ast::attribute& attr : n.attributes())
    md += fmt::format("\n\n`{}`: {}", attr.key, markdown_text(attr.value));
  if (!n.tags().empty()) {
    md += "\n\n";
    for (const std::string& t : n.tags()) md += "\\#" + markdown_text(t) + " ";
  }
  if (line->is_reference) md += "\n\nDefined at " + markdown_text(place(m, n.range()));
  md += "\n\n---\n\n" + standing(w, uri, *i);
  return {{"contents", {{"kind", "markdown"}, {"value", md}}}};
}

}  // namespace argmap::lsp
