#include "lsp/folding.hpp"

#include <algorithm>

namespace argmap::lsp {

namespace {

// The last line of a claim and everything under it.
std::uint32_t last_line(const ast::claim& c) {
  const ast::claim* at = &c;
  std::uint32_t last = c.range.end_line;
  while (!at->children.empty()) {  // the last child's subtree is the last text
    at = &at->children.back();
    last = std::max(last, at->range.end_line);
  }
  return last;
}

void claim_folds(const ast::claim& c, std::vector<fold>& out) {
  if (c.children.empty()) return;
  std::uint32_t last = last_line(c);
  if (last > c.range.line) out.push_back({c.range.line, last, "region"});
  for (const ast::claim& child : c.children) claim_folds(child, out);
}

}  // namespace

std::vector<fold> folds_of(const ast::document& doc, const std::vector<bool>& blank) {
  std::vector<fold> out;
  if (doc.has_front_matter && doc.meta.range.end_line > doc.meta.range.line)
    out.push_back({doc.meta.range.line, doc.meta.range.end_line, "region"});
  for (const ast::comment& c : doc.comments)
    if (c.block && c.range.end_line > c.range.line)
      out.push_back({c.range.line, c.range.end_line, "comment"});
  // Sections: open headings, closed by the next heading of the same or a higher level.
  const auto line_count = static_cast<std::uint32_t>(blank.empty() ? 0 : blank.size() - 1);
  std::vector<const ast::heading*> open;
  auto close = [&](const ast::heading& h, std::uint32_t before) {
    std::uint32_t last = before - 1;
    while (last > h.range.line && last < blank.size() && blank[last]) --last;
    if (last > h.range.line) out.push_back({h.range.line, last, "region"});
  };
  for (const ast::item& it : doc.items) {
    if (const auto* h = std::get_if<ast::heading>(&it)) {
      while (!open.empty() && open.back()->level >= h->level) {
        close(*open.back(), h->range.line);
        open.pop_back();
      }
      open.push_back(h);
    } else if (const auto* c = std::get_if<ast::claim>(&it)) {
      claim_folds(*c, out);
    }
  }
  while (!open.empty()) {
    close(*open.back(), line_count + 1);
    open.pop_back();
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const fold& a, const fold& b) { return a.first < b.first; });
  return out;
}

}  // namespace argmap::lsp
