#include "grammar/ast.hpp"

namespace argmap::ast {

char marker_of(relation r) {
  switch (r) {
    case relation::root:
      return '\0';
    case relation::support:
      return '+';
    case relation::attack:
      return '-';
    case relation::undercut:
      return '~';
    case relation::contradiction:
      return '!';
    case relation::co_premise:
      return '&';
  }
  return '\0';
}

const char* name_of(relation r) {
  switch (r) {
    case relation::root:
      return "root";
    case relation::support:
      return "support";
    case relation::attack:
      return "attack";
    case relation::undercut:
      return "undercut";
    case relation::contradiction:
      return "contradiction";
    case relation::co_premise:
      return "co-premise";
  }
  return "root";
}

std::string auto_id(const std::vector<std::uint32_t>& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i) out += '.';
    out += std::to_string(path[i]);
  }
  return out;
}

}  // namespace argmap::ast
