#include "engine/interchange/import_result.hpp"

#include <fmt/format.h>

#include "engine/check.hpp"
#include "engine/format.hpp"
#include "grammar/ast.hpp"

namespace argmap {

std::string id_maker::make(std::string id) {
  constexpr std::size_t room = 12;  // "_" and up to 11 digits
  if (id.size() > ast::max_id_length - room) id.resize(ast::max_id_length - room);
  std::string unique = id;
  if (used_.count(unique)) {
    std::size_t& k = next_.try_emplace(id, 2).first->second;
    do unique = id + "_" + std::to_string(k++);
    while (used_.count(unique));
  }
  used_.insert(unique);
  return unique;
}

std::optional<import_result> finish_import(const std::string& text, std::vector<std::string> notes,
                                           std::string& error, const parse_options& limits) {
  auto fail = [&](const diagnostic& d) {
    error = "the map this would write does not check: " + d.message;
    if (d.line > 0) error += fmt::format(" (line {} of that map)", d.line);
    return std::nullopt;
  };
  std::vector<diagnostic> diagnostics;
  std::optional<std::string> formatted = format_text("import.arg", text, diagnostics, limits);
  for (const diagnostic& d : diagnostics)
    if (d.level == severity::error) return fail(d);
  if (!formatted) {
    error = "the map this would write does not check";
    return std::nullopt;
  }
  memory_loader no_includes;
  check_options options;
  options.parse = limits;
  checked_map m = check_text("import.arg", *formatted, no_includes, options);
  for (const diagnostic& d : m.diagnostics)
    if (d.level == severity::error) return fail(d);
  import_result r;
  r.map = std::move(*formatted);
  r.notes = std::move(notes);
  return r;
}

}  // namespace argmap
