// Edits the server offers: the canonical form, quick fixes, a missing id.

#include <cctype>

#include "engine/format.hpp"
#include "grammar/walk.hpp"
#include "lsp/features.hpp"

namespace argmap::lsp {

namespace {

json text_edit(const source_set& sources, const source_range& r, const std::string& text) {
  return {{"range", range_json(sources, r)}, {"newText", text}};
}

// An id made from the first words of `text`, unlike every id in `g`.
std::string id_for(const std::string& text, const engine::argument_graph& g) {
  std::string id;
  int words = 0;
  bool gap = false;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      if (gap && !id.empty()) {
        if (++words == 3) break;
        id += '_';
      }
      gap = false;
      id += static_cast<char>(std::tolower(c));
    } else if (c != '\'') {
      gap = true;
    }
  }
  if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) id = "claim_" + id;
  if (id.size() > 40) id.resize(40);
  std::string unique = id;
  for (int n = 2; g.find(unique); ++n) unique = id + "_" + std::to_string(n);
  return unique;
}

// Where an `[id]` goes on a claim's line: after the marker and its blanks.
source_range id_place(const source_set& sources, const ast::claim& c) {
  std::string_view line = sources.files.at(0).line_text(c.range.line);
  std::uint32_t col = c.range.col;
  std::size_t byte = col - 1;  // only blanks (ASCII) stand before the marker
  const std::string marker = ast::marker_text(c.rel, c.outgoing);
  byte += marker.size();
  col += static_cast<std::uint32_t>(marker.size());
  while (byte < line.size() && (line[byte] == ' ' || line[byte] == '\t')) ++byte, ++col;
  return {0, c.range.line, col, c.range.line, col};
}

}  // namespace

json formatting(workspace& w, const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const document* d = w.find(uri);
  if (!d) return json::array();
  std::vector<diagnostic> problems;
  std::optional<std::string> canonical =
      engine::format_text(d->path, d->text, problems, w.options().parse);
  if (!canonical)
    throw request_error(request_failed, "argmap formats a file without errors: fix the " +
                                            std::to_string(count(problems, severity::error)) +
                                            " error(s) first");
  if (*canonical == d->text) return json::array();
  // One edit from the start to past the end (positions past the end are clamped).
  return json::array(
      {{{"range",
         {{"start", {{"line", 0}, {"character", 0}}},
          {"end",
           {{"line", std::count(d->text.begin(), d->text.end(), '\n') + 1}, {"character", 0}}}}},
        {"newText", *canonical}}});
}

json code_actions(workspace& w, const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  json out = json::array();
  if (!w.find(uri)) return out;
  const json& range = params.at("range");
  analysis& a = w.analyse(uri);
  const grammar::loaded_map& m = a.checked.map;
  for (const diagnostic& d : a.checked.diagnostics) {
    if (d.range.file != 0 || !shares_a_line(d.range, range)) continue;
    bool preferred = true;
    for (const fix& f : d.fixes) {
      out.push_back(
          {{"title", "Change to '" + f.text + "'"},
           {"kind", "quickfix"},
           {"diagnostics", json::array({diagnostic_json(m, d, uri)})},
           {"isPreferred", preferred},
           {"edit", {{"changes", {{uri, json::array({text_edit(m.sources, f.range, f.text)})}}}}}});
      preferred = false;
    }
  }
  grammar::for_each_claim(m.documents, [&](const ast::claim& c, const auto&, std::uint32_t) {
    if (c.range.file != 0 || c.is_reference || c.label_col != 0) return;
    if (!shares_a_line({0, c.range.line, c.range.col, c.range.line, c.range.col}, range)) return;
    std::string id = id_for(c.text, a.checked.graph);
    out.push_back({{"title", "Add an id to this claim: [" + id + "]"},
                   {"kind", "refactor.rewrite"},
                   {"edit",
                    {{"changes",
                      {{uri, json::array({text_edit(m.sources, id_place(m.sources, c),
                                                    "[" + id + "] ")})}}}}}});
  });
  return out;
}

}  // namespace argmap::lsp
