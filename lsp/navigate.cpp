#include "lsp/navigate.hpp"

#include "grammar/walk.hpp"

namespace argmap::lsp {

std::optional<std::string> id_at(const grammar::loaded_map& m, std::uint32_t line,
                                 std::uint32_t col) {
  std::optional<std::string> found;
  grammar::for_each_claim(m.documents, [&](const ast::claim& c, const auto&, std::uint32_t) {
    source_range r = ast::label_range(c);
    if (!found && r.file == 0 && r.line == line && r.col <= col && col <= r.end_col) found = c.id;
  });
  return found;
}

id_places places_of(const grammar::loaded_map& m, const std::string& id) {
  id_places p;
  grammar::for_each_claim(m.documents, [&](const ast::claim& c, const auto&, std::uint32_t) {
    if (c.id != id || c.label_col == 0) return;
    if (c.is_reference)
      p.references.push_back(ast::label_range(c));
    else if (!p.definition)
      p.definition = ast::label_range(c);
  });
  return p;
}

}  // namespace argmap::lsp
