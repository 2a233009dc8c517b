#include "engine/interchange/import_result.hpp"

#include "engine/format.hpp"

namespace argmap {

import_result finish_import(const std::string& text, std::vector<std::string> notes) {
  import_result r;
  std::vector<diagnostic> diagnostics;
  auto formatted = format_text("import.arg", text, diagnostics);
  r.map = formatted ? *formatted : text;
  r.notes = std::move(notes);
  return r;
}

}  // namespace argmap
