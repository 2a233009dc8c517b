#include "engine/graph.hpp"

namespace argmap {

std::optional<std::string_view> claim_node::attribute(std::string_view key) const {
  for (const ast::attribute& a : attributes())
    if (a.key == key) return std::string_view(a.value);
  return std::nullopt;
}

const char* name_of(inference_kind k) {
  switch (k) {
    case inference_kind::support:
      return "support";
    case inference_kind::attack:
      return "attack";
    case inference_kind::undercut:
      return "undercut";
  }
  return "support";
}

std::optional<claim_index> argument_graph::find(std::string_view id) const {
  auto it = by_id.find(std::string(id));
  if (it == by_id.end()) return std::nullopt;
  return it->second;
}

}  // namespace argmap
