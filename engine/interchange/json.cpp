#include "engine/interchange/json.hpp"

#include <functional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "engine/format.hpp"
#include "grammar/parse.hpp"
#include "grammar/utf8.hpp"

namespace argmap {

namespace {

using json = nlohmann::ordered_json;

// The outline of the map in reading order, included files spliced in.
void outline_of(const argument_graph& g, const loaded_map& map, std::size_t doc, json& out,
                std::size_t& heading, const std::unordered_map<const ast::claim*, std::string>& ids) {
  std::function<void(const ast::claim&, std::size_t)> line = [&](const ast::claim& c, std::size_t depth) {
    json l;
    l["depth"] = depth;
    l["relation"] = ast::name_of(c.rel);
    l["reference"] = c.is_reference;
    auto it = ids.find(&c);
    l["claim"] = c.is_reference ? c.id : (it == ids.end() ? c.id : it->second);
    out.push_back(l);
    for (const ast::claim& child : c.children) line(child, depth + 1);
  };
  for (const ast::item& it : map.documents[doc].items) {
    if (std::holds_alternative<ast::heading>(it)) {
      // Headings are the graph's sections, in the same order; their level is
      // the nesting in the whole map (an included file's headings nest under
      // the section of its include line).
      const section& s = g.sections[heading++];
      out.push_back({{"heading", s.title}, {"level", s.level}});
    } else if (const auto* inc = std::get_if<ast::include>(&it)) {
      if (inc->target >= 0) outline_of(g, map, static_cast<std::size_t>(inc->target), out, heading, ids);
    } else {
      line(std::get<ast::claim>(it), 0);
    }
  }
}

}  // namespace

std::string export_json(const argument_graph& g, const loaded_map& map, const evaluation* eval) {
  const std::vector<source_file>& files = map.sources.files;
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
  std::unordered_map<const ast::claim*, std::string> ids;
  for (const claim_node& c : g.claims) ids.emplace(c.source, c.id);
  j["outline"] = json::array();
  std::size_t heading = 0;
  if (!map.documents.empty()) outline_of(g, map, 0, j["outline"], heading, ids);
  if (eval && eval->error.empty())
    j["evaluation"] = json::parse(evaluation_json(g, *eval));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace argmap

namespace argmap {

std::optional<import_result> import_json(const std::string& text, std::string& error) {
  if (!utf8::readable(text, error)) return std::nullopt;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++col;
      }
    }
    error = "line " + std::to_string(line) + ", column " + std::to_string(col) + ": malformed JSON";
    return std::nullopt;
  } catch (const nlohmann::json::out_of_range&) {  // found by fuzz_import
    error = "malformed JSON: a number is too large to read";
    return std::nullopt;
  }
  auto need = [&](bool ok, const std::string& pointer, const std::string& what) {
    if (!ok && error.empty()) error = pointer + ": " + what;
    return ok;
  };
  if (!need(doc.is_object() && doc.value("argmap_json", 0) == 1, "/argmap_json",
            "expected argmap JSON version 1") ||
      !need(doc.contains("claims") && doc["claims"].is_array(), "/claims", "expected an array") ||
      !need(doc.contains("outline") && doc["outline"].is_array(), "/outline",
            "expected an array (argmap export --to json writes one)"))
    return std::nullopt;
  std::unordered_map<std::string, const nlohmann::json*> claims;
  for (std::size_t k = 0; k < doc["claims"].size(); ++k) {
    const auto& c = doc["claims"][k];
    std::string pointer = "/claims/" + std::to_string(k);
    if (!need(c.is_object() && c.contains("id") && c["id"].is_string() && c.contains("text") &&
                  c["text"].is_string(),
              pointer, "a claim needs a string id and text"))
      return std::nullopt;
    claims[c["id"].get<std::string>()] = &c;
  }
  std::string out;
  if (doc.contains("metadata") && doc["metadata"].is_object() && !doc["metadata"].empty()) {
    out += "---\n";
    for (const auto& [key, value] : doc["metadata"].items())
      out += key + ": " + quote_value(value.is_string() ? value.get<std::string>() : value.dump()) + "\n";
    out += "---\n";
  }
  static const std::unordered_map<std::string, std::string> markers = {
      {"root", ""}, {"support", "+ "}, {"attack", "- "}, {"undercut", "~ "},
      {"contradiction", "! "}, {"co-premise", "& "}};
  for (std::size_t k = 0; k < doc["outline"].size(); ++k) {
    const auto& l = doc["outline"][k];
    std::string pointer = "/outline/" + std::to_string(k);
    if (l.contains("heading")) {
      out += "\n" + std::string(l.value("level", 1u), '#') + " " + l["heading"].get<std::string>() + "\n";
      continue;
    }
    std::string relation = l.value("relation", "");
    std::string id = l.value("claim", "");
    bool reference = l.value("reference", false);
    if (!need(markers.count(relation) > 0, pointer + "/relation", "unknown relation '" + relation + "'") ||
        !need(reference || claims.count(id) > 0, pointer + "/claim", "no claim has id '" + id + "'"))
      return std::nullopt;
    std::size_t depth = l.value("depth", 0u);
    if (!need(depth <= parse_options{}.max_depth, pointer + "/depth",
              "deeper than argmap's " + std::to_string(parse_options{}.max_depth) + " levels"))
      return std::nullopt;
    std::string line = std::string(depth * 2, ' ') + markers.at(relation);
    if (reference) {
      line += "@" + id;
    } else {
      const auto& c = *claims[id];
      bool user_id = c.value("user_id", true);
      if (user_id) line += "[" + id + "] ";
      line += escape_claim_text(c["text"].get<std::string>(), depth == 0 && !user_id);
      if (c.contains("tags"))
        for (const auto& t : c["tags"]) line += " #" + tag_text(t.get<std::string>());
      if (c.contains("attributes") && c["attributes"].is_object() && !c["attributes"].empty()) {
        std::string attrs;
        for (const auto& [key, value] : c["attributes"].items())
          attrs += (attrs.empty() ? "" : ", ") + key + ": " +
                   quote_value(value.is_string() ? value.get<std::string>() : value.dump());
        line += " {" + attrs + "}";
      }
    }
    out += line + "\n";
  }
  return finish_import(out);
}

}  // namespace argmap
