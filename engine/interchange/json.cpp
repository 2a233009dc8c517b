#include "engine/interchange/json.hpp"

#include <nlohmann/json.hpp>

namespace argmap {

std::string export_json(const argument_graph& g, const std::vector<source_file>& files,
                        const evaluation* eval) {
  using json = nlohmann::ordered_json;
  json j;
  j["argmap_json"] = 1;
  j["metadata"] = json::object();
  for (const ast::attribute& a : g.metadata) j["metadata"][a.key] = a.value;
  j["sections"] = json::array();
  for (const section& s : g.sections) {
    json sj;
    sj["title"] = s.title;
    sj["level"] = s.level;
    sj["parent"] = s.parent == no_section ? json(nullptr) : json(s.parent);
    j["sections"].push_back(sj);
  }
  j["claims"] = json::array();
  for (const claim_node& c : g.claims) {
    json cj;
    cj["id"] = c.id;
    cj["user_id"] = c.user_id;
    cj["text"] = c.text();
    cj["tags"] = c.tags();
    cj["attributes"] = json::object();
    for (const ast::attribute& a : c.attributes()) cj["attributes"][a.key] = a.value;
    cj["section"] = c.section == no_section ? json(nullptr) : json(c.section);
    cj["root"] = c.root;
    const source_range& r = c.range();
    cj["source"] = {{"file", r.file < files.size() ? files[r.file].name : ""},
                    {"line", r.line},
                    {"column", r.col},
                    {"end_line", r.end_line},
                    {"end_column", r.end_col}};
    j["claims"].push_back(cj);
  }
  j["inferences"] = json::array();
  for (const inference& inf : g.inferences) {
    json ij;
    ij["kind"] = name_of(inf.kind);
    ij["premises"] = json::array();
    for (claim_index p : inf.premises) ij["premises"].push_back(g.claims[p].id);
    if (inf.kind == inference_kind::undercut) {
      ij["target"] = {{"inference", inf.target}};
    } else {
      ij["target"] = g.claims[inf.target].id;
    }
    j["inferences"].push_back(ij);
  }
  j["contradictions"] = json::array();
  for (const contradiction& c : g.contradictions)
    j["contradictions"].push_back({g.claims[c.a].id, g.claims[c.b].id});
  if (eval && eval->error.empty())
    j["evaluation"] = json::parse(evaluation_json(g, *eval));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace argmap
