#include "engine/interchange/import_result.hpp"

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

import_result finish_import(const std::string& text, std::vector<std::string> notes) {
  import_result r;
  std::vector<diagnostic> diagnostics;
  auto formatted = format_text("import.arg", text, diagnostics);
  r.map = formatted ? *formatted : text;
  r.notes = std::move(notes);
  return r;
}

}  // namespace argmap
