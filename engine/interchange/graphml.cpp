#include "engine/interchange/graphml.hpp"

#include <fmt/format.h>

namespace argmap::engine {

namespace {

std::string xml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += (static_cast<unsigned char>(c) < 0x20 && c != '\t') ? ' ' : c;
    }
  }
  return out;
}

}  // namespace

std::string export_graphml(const argument_graph& g) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"tags\" for=\"node\" attr.name=\"tags\" attr.type=\"string\"/>\n"
      "  <key id=\"section\" for=\"node\" attr.name=\"section\" attr.type=\"string\"/>\n"
      "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
      "  <graph id=\"argmap\" edgedefault=\"directed\">\n";
  for (const claim_node& c : g.claims) {
    std::string tags;
    for (const std::string& t : c.tags()) tags += (tags.empty() ? "#" : " #") + t;
    std::string section = c.section == no_section ? "" : g.sections[static_cast<std::size_t>(c.section)].title;
    out += fmt::format(
        "    <node id=\"c:{}\"><data key=\"kind\">claim</data><data key=\"label\">{}</data>"
        "<data key=\"tags\">{}</data><data key=\"section\">{}</data></node>\n",
        xml(c.id), xml(c.text()), xml(tags), xml(section));
  }
  for (std::size_t i = 0; i < g.inferences.size(); ++i)
    out += fmt::format("    <node id=\"i:{}\"><data key=\"kind\">{}</data></node>\n", i + 1,
                       name_of(g.inferences[i].kind));
  std::size_t e = 0;
  auto edge = [&](const std::string& from, const std::string& to, const char* relation) {
    out += fmt::format(
        "    <edge id=\"e{}\" source=\"{}\" target=\"{}\"><data key=\"relation\">{}</data></edge>\n",
        ++e, from, to, relation);
  };
  for (std::size_t i = 0; i < g.inferences.size(); ++i) {
    const inference& inf = g.inferences[i];
    std::string node = fmt::format("i:{}", i + 1);
    for (claim_index p : inf.premises) edge("c:" + xml(g.claims[p].id), node, "premise");
    if (inf.kind == inference_kind::undercut) edge(node, fmt::format("i:{}", inf.target + 1), "undercut");
    else edge(node, "c:" + xml(g.claims[inf.target].id), name_of(inf.kind));
  }
  for (const contradiction& c : g.contradictions) {
    edge("c:" + xml(g.claims[c.a].id), "c:" + xml(g.claims[c.b].id), "contradiction");
    edge("c:" + xml(g.claims[c.b].id), "c:" + xml(g.claims[c.a].id), "contradiction");
  }
  return out + "  </graph>\n</graphml>\n";
}

}  // namespace argmap::engine
