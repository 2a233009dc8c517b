// Completion: ids after `@`, attribute keys and values in `{...}`, map
// files in `include "`.

#include <algorithm>
#include <filesystem>

#include "core/utf8.hpp"
#include "grammar/attributes.hpp"
#include "grammar/lexical.hpp"
#include "grammar/walk.hpp"
#include "lsp/features.hpp"
#include "lsp/text.hpp"

namespace argmap::lsp {

namespace {

namespace fs = std::filesystem;

// LSP CompletionItemKind values.
constexpr int kind_property = 10, kind_value = 12, kind_file = 17, kind_reference = 18;

// The text before the cursor on its line.
std::string_view line_before(std::string_view text, std::size_t offset) {
  std::size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = start == std::string_view::npos || start >= offset ? 0 : start + 1;
  return text.substr(start, offset - start);
}

// How many trailing characters of `s` satisfy `keep`.
template <typename P>
std::size_t trailing(std::string_view s, P keep) {
  std::size_t n = 0;
  while (n < s.size() && keep(s[s.size() - 1 - n])) ++n;
  return n;
}

// An item replacing the `typed` characters before the cursor (ASCII, so
// characters are UTF-16 units).
json item(const std::string& label, int kind, const json& position, std::size_t typed,
          const std::string& detail = {}) {
  const std::uint32_t line = position.at("line"), character = position.at("character");
  const auto from = static_cast<std::uint32_t>(character - std::min<std::size_t>(typed, character));
  json j = {{"label", label},
            {"kind", kind},
            {"textEdit",
             {{"range",
               {{"start", {{"line", line}, {"character", from}}},
                {"end", {{"line", line}, {"character", character}}}}},
              {"newText", label}}}};
  if (!detail.empty()) j["detail"] = detail;
  return j;
}

json ids(workspace& w, const std::string& uri, const json& position, std::size_t typed) {
  json out = json::array();
  grammar::for_each_claim(w.analyse(uri).checked.map.documents,
                          [&](const ast::claim& c, const auto&, std::uint32_t) {
                            if (!c.is_reference && !c.id.empty())
                              out.push_back(item(c.id, kind_reference, position, typed, c.text));
                          });
  return out;
}

// Inside `{`: keys, or after `status:` or `basis:` their values.
json attributes(std::string_view inside, const json& position) {
  json out = json::array();
  std::string_view entry = inside.substr(inside.find_last_of("{,") + 1);
  const std::size_t colon = entry.find(':');
  if (colon == std::string_view::npos) {
    std::size_t typed = trailing(entry, grammar::lexical::is_key_char);
    for (std::string_view k : grammar::known_attributes())
      out.push_back(item(std::string(k), kind_property, position, typed));
    return out;
  }
  std::string_view key = entry.substr(0, colon);
  key.remove_prefix(std::min(key.find_first_not_of(' '), key.size()));
  key = key.substr(0, key.find_last_not_of(' ') + 1);
  std::size_t typed = trailing(entry.substr(colon + 1), grammar::lexical::is_key_char);
  auto values = key == "status"  ? grammar::status_values()
                : key == "basis" ? grammar::basis_values()
                                 : std::span<const std::string_view>();
  for (std::string_view v : values)
    out.push_back(item(std::string(v), kind_value, position, typed));
  return out;
}

// Map files near the document: its folder and the folders in it, a bounded number.
json files(const document& d, std::string_view typed_path, const json& position) {
  json out = json::array();
  const fs::path self(d.path);
  const fs::path folder = self.parent_path().empty() ? fs::path(".") : self.parent_path();
  const std::size_t typed = utf16_column(typed_path, utf8::column(typed_path, typed_path.size()));
  std::error_code ec;
  std::size_t seen = 0;
  for (fs::recursive_directory_iterator
           it(folder, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end && seen < 2000; it.increment(ec), ++seen) {
    if (it.depth() > 1) it.disable_recursion_pending();
    const fs::path& p = it->path();
    if (p.extension() != ".arg" || (p.filename() == self.filename() && p.parent_path() == folder))
      continue;
    if (!it->is_regular_file(ec)) continue;
    std::string rel = p.lexically_relative(folder).generic_string();
    if (!rel.empty() && rel[0] != '.') out.push_back(item(rel, kind_file, position, typed));
    if (out.size() >= 500) break;
  }
  return out;
}

}  // namespace

json completion(workspace& w, const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const document* d = w.find(uri);
  if (!d) return json::array();
  const json& position = params.at("position");
  const std::size_t offset = offset_of(d->text, position.at("line"), position.at("character"));
  std::string_view before = line_before(d->text, offset);
  // include "…
  std::string_view trimmed =
      before.substr(std::min(before.find_first_not_of(" \t"), before.size()));
  if (trimmed.rfind("include", 0) == 0) {
    std::size_t quote = trimmed.find('"');
    if (quote != std::string_view::npos && trimmed.find('"', quote + 1) == std::string_view::npos)
      return files(*d, trimmed.substr(quote + 1), position);
    return json::array();
  }
  // @id
  std::size_t typed = trailing(before, grammar::lexical::is_id_char);
  if (typed < before.size() && before[before.size() - 1 - typed] == '@')
    return ids(w, uri, position, typed);
  // {key: value, …
  std::size_t brace = before.rfind('{');
  if (brace != std::string_view::npos && before.find('}', brace) == std::string_view::npos)
    return attributes(before.substr(brace), position);
  return json::array();
}

}  // namespace argmap::lsp
