#include "engine/interchange/aif.hpp"

#include <nlohmann/json.hpp>

namespace argmap::engine {

std::string export_aif(const argument_graph& g) {
  using json = nlohmann::ordered_json;
  json nodes = json::array(), edges = json::array();
  std::size_t next_edge = 1;
  auto node = [&](std::size_t id, const std::string& text, const char* type) {
    nodes.push_back({{"nodeID", std::to_string(id)}, {"text", text}, {"type", type}});
  };
  auto edge = [&](std::size_t from, std::size_t to) {
    edges.push_back({{"edgeID", std::to_string(next_edge++)},
                     {"fromID", std::to_string(from)},
                     {"toID", std::to_string(to)}});
  };
  for (std::size_t c = 0; c < g.claims.size(); ++c) node(c + 1, g.claims[c].text(), "I");
  // Inference i gets node id claims + i + 1.
  std::size_t base = g.claims.size() + 1;
  for (std::size_t i = 0; i < g.inferences.size(); ++i) {
    const inference& inf = g.inferences[i];
    bool support = inf.kind == inference_kind::support;
    node(base + i, support ? "Default Inference" : "Default Conflict", support ? "RA" : "CA");
    for (claim_index p : inf.premises) edge(p + 1, base + i);
    edge(base + i, inf.kind == inference_kind::undercut ? base + inf.target : inf.target + 1);
  }
  std::size_t id = base + g.inferences.size();
  for (const contradiction& c : g.contradictions) {
    for (auto [from, to] : {std::pair{c.a, c.b}, std::pair{c.b, c.a}}) {
      node(id, "Default Conflict", "CA");
      edge(from + 1, id);
      edge(id, to + 1);
      ++id;
    }
  }
  json j;
  j["nodes"] = nodes;
  j["edges"] = edges;
  j["locutions"] = json::array();
  return j.dump(1) + "\n";
}

}  // namespace argmap::engine
