// The outline of a document: symbols (sections, claims, reasons) and folds.

#include <algorithm>

#include "core/utf8.hpp"
#include "lsp/features.hpp"
#include "lsp/folding.hpp"

namespace argmap::lsp {

namespace {

// LSP SymbolKind values.
constexpr int kind_namespace = 3, kind_class = 5, kind_field = 8, kind_variable = 13;

// The first `max` bytes of `text` or fewer, cut between characters, with "…" when cut.
std::string shortened(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  while (max > 0 && (static_cast<unsigned char>(text[max]) & 0xC0) == 0x80) --max;
  return std::string(text.substr(0, max)) + "…";
}

std::vector<bool> blank_lines(std::string_view text) {
  std::vector<bool> blank{false};  // [line], 1-based
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t nl = std::min(text.find('\n', pos), text.size());
    blank.push_back(text.find_first_not_of(" \t\r", pos) >= nl);
    pos = nl + 1;
  }
  return blank;
}

class outline {
 public:
  explicit outline(const source_set& sources) : sources_(sources) {}

  json claim(const ast::claim& c) const {
    const ast::claim* last = &c;
    while (!last->children.empty()) last = &last->children.back();
    const std::uint32_t end_line = last->range.end_line ? last->range.end_line : last->range.line;
    source_range whole{0, c.range.line, c.range.col, end_line, line_end(end_line)};
    source_range label = c.label_col ? ast::label_range(c) : first_line(c.range);
    std::string name = c.is_reference ? "@" + c.id : !c.id.empty() ? c.id : shortened(c.text, 60);
    json j = {{"name", name.empty() ? "(empty)" : name},
              {"kind", c.is_reference                 ? kind_variable
                       : c.rel == ast::relation::root ? kind_class
                                                      : kind_field},
              {"range", range_json(sources_, whole)},
              {"selectionRange", range_json(sources_, label)},
              {"children", json::array()}};
    std::string detail = std::string(ast::marker_text(c.rel, c.outgoing));
    if (!c.id.empty() && !c.is_reference) detail += (detail.empty() ? "" : " ") + c.text;
    if (!detail.empty()) j["detail"] = shortened(detail, 200);
    for (const ast::claim& child : c.children) j["children"].push_back(claim(child));
    return j;
  }

  json section(const ast::heading& h, std::uint32_t last_line) const {
    source_range whole{0, h.range.line, 1, last_line, line_end(last_line)};
    return {{"name", h.title.empty() ? "(untitled section)" : h.title},
            {"kind", kind_namespace},
            {"range", range_json(sources_, whole)},
            {"selectionRange", range_json(sources_, first_line(h.range))},
            {"children", json::array()}};
  }

  std::uint32_t line_end(std::uint32_t line) const {
    std::string_view t = sources_.files.at(0).line_text(line);
    return utf8::column(t, t.size());
  }

 private:
  source_range first_line(source_range r) const {
    r.end_line = r.line;
    r.end_col = line_end(r.line);
    return r;
  }

  const source_set& sources_;
};

}  // namespace

json document_symbols(workspace& w, const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  json out = json::array();
  if (!w.find(uri)) return out;
  const grammar::loaded_map& m = w.analyse(uri).checked.map;
  if (m.documents.empty()) return out;
  const outline o(m.sources);
  // Open sections, innermost last; each closes at the next heading of its
  // level or a higher one, or at the end of the file.
  struct open_section {
    const ast::heading* h;
    json symbol;
  };
  std::vector<open_section> open;
  auto close_until = [&](unsigned level, std::uint32_t next_line) {
    while (!open.empty() && open.back().h->level >= level) {
      open_section s = std::move(open.back());
      open.pop_back();
      json done = o.section(*s.h, std::max(next_line - 1, s.h->range.line));
      done["children"] = std::move(s.symbol["children"]);
      (open.empty() ? out : open.back().symbol["children"]).push_back(std::move(done));
    }
  };
  for (const ast::item& it : m.documents[0].items) {
    if (const auto* h = std::get_if<ast::heading>(&it)) {
      close_until(h->level, h->range.line);
      open.push_back({h, {{"children", json::array()}}});
    } else if (const auto* c = std::get_if<ast::claim>(&it)) {
      (open.empty() ? out : open.back().symbol["children"]).push_back(o.claim(*c));
    }
  }
  const std::string& text = m.sources.files.at(0).text;
  const auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n') + 1);
  close_until(0, lines + 1);
  return out;
}

json folding_ranges(workspace& w, const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  json out = json::array();
  const document* d = w.find(uri);
  if (!d) return out;
  const grammar::loaded_map& m = w.analyse(uri).checked.map;
  if (m.documents.empty()) return out;
  for (const fold& f : folds_of(m.documents[0], blank_lines(d->text)))
    out.push_back({{"startLine", f.first - 1}, {"endLine", f.last - 1}, {"kind", f.kind}});
  return out;
}

}  // namespace argmap::lsp
