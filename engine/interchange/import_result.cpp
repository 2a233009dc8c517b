#include "engine/interchange/import_result.hpp"

#include <fmt/format.h>

#include "engine/check.hpp"
#include "engine/format.hpp"
#include "grammar/ast.hpp"
#include "grammar/utf8.hpp"

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

import_error error_at_offset(std::string_view text, std::size_t offset, std::string message) {
  std::uint32_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col, std::move(message)};
}

std::optional<import_error> unreadable_text(std::string_view text) {
  utf8::unreadable u = utf8::check_readable(text);
  if (u.offset == std::string_view::npos) return std::nullopt;
  return error_at_offset(text, u.offset, std::move(u.what));
}

std::string import_error::text() const {
  if (line == 0) return message;
  if (column == 0) return fmt::format("line {}: {}", line, message);
  return fmt::format("line {}, column {}: {}", line, column, message);
}

std::optional<import_result> finish_import(const std::string& text, std::vector<std::string> notes,
                                           import_error& error, const parse_options& limits) {
  auto fail = [&](const diagnostic& d) {
    error = {0, 0, "the map this would write does not check: " + d.message};
    if (d.line > 0) error.message += fmt::format(" (line {} of that map)", d.line);
    return std::nullopt;
  };
  std::vector<diagnostic> diagnostics;
  std::optional<std::string> formatted = format_text("import.arg", text, diagnostics, limits);
  for (const diagnostic& d : diagnostics)
    if (d.level == severity::error) return fail(d);
  if (!formatted) {
    error = {0, 0, "the map this would write does not check"};
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
