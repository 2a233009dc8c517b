// Definition, references, highlights and rename of ids; includes' files.

#include "lsp/navigate.hpp"

#include <set>
#include <tuple>

#include "grammar/walk.hpp"
#include "lsp/features.hpp"
#include "lsp/text.hpp"

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

namespace {

struct target {
  std::string uri;
  cursor at;
  const grammar::loaded_map* map = nullptr;
  std::optional<std::string> id;  // the id under the cursor
};

target target_of(workspace& w, const json& params) {
  target t;
  t.uri = params.at("textDocument").at("uri").get<std::string>();
  const document* d = w.find(t.uri);
  if (!d) return t;
  t.at = cursor_at(d->text, params.at("position"));
  t.map = &w.analyse(t.uri).checked.map;
  t.id = id_at(*t.map, t.at.line, t.at.col);
  return t;
}

// The id's text alone: without the `[ ]` of a definition or the `@` of a reference.
source_range id_text(source_range label, bool reference) {
  label.col += 1;
  if (!reference) label.end_col -= 1;
  return label;
}

// One place of an id somewhere in the workspace, for de-duplicating.
using place_key = std::tuple<std::string, std::uint32_t, std::uint32_t>;

// Calls `f(map, uri, range, is_definition)` for every place of `id` in the
// document `uri`, its includes and the open documents that include it
// (each place once).
template <typename F>
void each_place(workspace& w, const std::string& uri, const std::string& id, F f) {
  std::vector<std::string> scope{uri};
  for (const std::string& other : w.dependants(uri)) scope.push_back(other);
  std::set<place_key> seen;
  for (const std::string& u : scope) {
    const grammar::loaded_map& m = w.analyse(u).checked.map;
    id_places p = places_of(m, id);
    auto visit = [&](const source_range& r, bool definition) {
      std::string where = uri_of_file(m, r.file, u);
      if (seen.insert({where, r.line, r.col}).second) f(m, u, r, definition);
    };
    if (p.definition) visit(*p.definition, true);
    for (const source_range& r : p.references) visit(r, false);
  }
}

}  // namespace

json definition(workspace& w, const json& params) {
  target t = target_of(w, params);
  if (!t.map) return nullptr;
  if (!t.id) {  // an include line: its file
    if (t.map->documents.empty()) return nullptr;
    for (const ast::item& it : t.map->documents[0].items) {
      const auto* inc = std::get_if<ast::include>(&it);
      if (inc && inc->range.line == t.at.line && inc->target > 0) {
        auto file = static_cast<std::uint32_t>(inc->target);
        return location_json(*t.map, {file, 1, 1, 1, 1}, t.uri);
      }
    }
    return nullptr;
  }
  id_places p = places_of(*t.map, *t.id);
  return p.definition ? location_json(*t.map, *p.definition, t.uri) : json(nullptr);
}

json references(workspace& w, const json& params) {
  json out = json::array();
  target t = target_of(w, params);
  if (!t.id) return out;
  const bool declaration =
      params.value("context", json::object()).value("includeDeclaration", true);
  each_place(w, t.uri, *t.id,
             [&](const grammar::loaded_map& m, const std::string& u, const source_range& r,
                 bool is_definition) {
               if (declaration || !is_definition) out.push_back(location_json(m, r, u));
             });
  return out;
}

json highlights(workspace& w, const json& params) {
  json out = json::array();
  target t = target_of(w, params);
  if (!t.id) return out;
  id_places p = places_of(*t.map, *t.id);
  if (p.definition && p.definition->file == 0)  // the definition as a write
    out.push_back({{"range", range_json(t.map->sources, *p.definition)}, {"kind", 3}});
  for (const source_range& r : p.references)
    if (r.file == 0) out.push_back({{"range", range_json(t.map->sources, r)}, {"kind", 2}});
  return out;
}

namespace {

// The id under the cursor that can be renamed, and the text of it the
// cursor is on; refuses with a message when there is none.
struct rename_target {
  target t;
  source_range at;  // the id's text under the cursor, without `[ ]` or `@`
};

rename_target renamable(workspace& w, const json& params) {
  target t = target_of(w, params);
  if (!t.id)
    throw request_error(request_failed,
                        "only an id can be renamed: put the cursor on an [id] or an @id");
  id_places p = places_of(*t.map, *t.id);
  if (!p.definition)
    throw request_error(request_failed, "no claim has the id '" + *t.id + "' to rename");
  for (const source_range& r : p.references)
    if (r.line == t.at.line && r.col <= t.at.col && t.at.col <= r.end_col && r.file == 0)
      return {std::move(t), id_text(r, true)};
  return {std::move(t), id_text(*p.definition, false)};
}

}  // namespace

json prepare_rename(workspace& w, const json& params) {
  rename_target r = renamable(w, params);
  return {{"range", range_json(r.t.map->sources, r.at)}, {"placeholder", *r.t.id}};
}

json rename(workspace& w, const json& params) {
  const target t = renamable(w, params).t;  // the same refusals
  const std::string name = params.at("newName").get<std::string>();
  if (name == *t.id) return {{"changes", json::object()}};
  if (!ast::is_valid_id(name))
    throw request_error(invalid_params,
                        "'" + name +
                            "' is not an id: an id starts with a letter or "
                            "'_' and goes on with letters, digits, '_', '.' or '-'");
  bool taken = false;
  each_place(w, t.uri, name, [&](const auto&, const auto&, const auto&, bool is_definition) {
    taken = taken || is_definition;
  });
  if (taken) throw request_error(request_failed, "the id '" + name + "' is already taken");
  json changes = json::object();
  each_place(
      w, t.uri, *t.id,
      [&](const grammar::loaded_map& m, const std::string& u, const source_range& r,
          bool is_definition) {
        changes[uri_of_file(m, r.file, u)].push_back(
            {{"range", range_json(m.sources, id_text(r, !is_definition))}, {"newText", name}});
      });
  return {{"changes", changes}};
}

}  // namespace argmap::lsp
