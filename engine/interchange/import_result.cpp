#include "engine/interchange/import_result.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "engine/check.hpp"
#include "engine/format.hpp"
#include "grammar/ast.hpp"

namespace argmap::engine {

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

diagnostic import_problem(std::string message) {
  return unplaced(severity::error, "import", {}, std::move(message));
}

diagnostic error_at_offset(std::string_view text, std::size_t offset, std::string message) {
  std::uint32_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  diagnostic d = import_problem(std::move(message));
  d.range = {0, line, col, line, col + 1};
  return d;
}

std::optional<diagnostic> unreadable_text(std::string_view text) {
  utf8::unreadable u = utf8::check_readable(text);
  if (u.offset == std::string_view::npos) return std::nullopt;
  return error_at_offset(text, u.offset, std::move(u.what));
}

void place_in(diagnostic& d, const source_file& input) {
  d.file = input.name;
  if (d.range.line == 0) return;
  d.line_text = std::string(input.line_text(d.range.line));
  if (d.range.col == 0) {
    d.range.col = 1;
    d.range.end_col = 1 + static_cast<std::uint32_t>(utf8::length(d.line_text));
  }
  d.range.end_col = std::max(d.range.end_col, d.range.col + 1);
}

std::optional<import_result> finish_import(const map_builder& built, std::vector<std::string> notes,
                                           diagnostic& error,
                                           const grammar::parse_options& limits) {
  auto fail = [&](const diagnostic& d) {
    error = import_problem("the map this would write does not check: " + d.message);
    if (d.range.line > 0) error.message += fmt::format(" (line {} of that map)", d.range.line);
    return std::nullopt;
  };
  std::string text = built.text();
  grammar::memory_loader no_includes;
  check_options options;
  options.parse = limits;
  checked_map m = check_text("import.arg", text, no_includes, options);
  for (const diagnostic& d : m.diagnostics)
    if (d.level == severity::error) return fail(d);
  // What was built must be what the map reads back as: the printed map is
  // its own canonical form.
  std::vector<diagnostic> ignored;
  if (format_text("import.arg", text, ignored, limits) != text) {
    error = import_problem(
        "the map built does not read back as it was built (an argmap bug: please report it "
        "with the input)");
    return std::nullopt;
  }
  if (std::size_t warnings = count(m.diagnostics, severity::warning))
    notes.push_back(fmt::format("the map has {} warning{}; 'argmap check' on it lists them",
                                warnings, warnings == 1 ? "" : "s"));
  import_result r;
  r.map = std::move(text);
  r.notes = std::move(notes);
  return r;
}

}  // namespace argmap::engine
