#include "engine/interchange/aif_import.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/format.hpp"
#include "engine/interchange/json_input.hpp"
#include "grammar/ast.hpp"
#include "grammar/utf8.hpp"

namespace argmap::engine {

namespace {

using json = nlohmann::json;

std::string id_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  return "";
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  // Collapse runs of spaces and trim.
  std::string out;
  for (char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct node {
  std::string id, type, text, scheme;
  std::vector<std::size_t> in, out;  // node indexes
};

}  // namespace

std::optional<import_result> import_aif(const std::string& text, diagnostic& error,
                                        const grammar::parse_options& limits) {
  json_input in;
  if (!in.parse(text, error)) return std::nullopt;
  const json& root = in.root();
  auto fail = [&](const std::string& pointer, const std::string& what) {
    error = in.error_at(pointer, what);
    return std::nullopt;
  };
  std::string prefix;
  const json* doc = &root;
  if (root.is_object() && root.contains("AIF")) {
    doc = &root["AIF"];
    prefix = "/AIF";
  }
  if (!doc->is_object() || !doc->contains("nodes") || !(*doc)["nodes"].is_array())
    return fail(doc->is_object() && doc->contains("nodes") ? prefix + "/nodes" : prefix,
                "expected an array of AIF nodes (\"nodes\")");
  const json& node_list = (*doc)["nodes"];
  std::vector<node> nodes;
  std::map<std::string, std::size_t> by_id;
  for (std::size_t k = 0; k < node_list.size(); ++k) {
    const json& n = node_list[k];
    std::string pointer = fmt::format("{}/nodes/{}", prefix, k);
    if (!n.is_object() || !n.contains("nodeID") || id_text(n["nodeID"]).empty())
      return fail(pointer, "a node needs a string or integer nodeID");
    node x;
    x.id = id_text(n["nodeID"]);
    if (!in.check_text(x.id, pointer + "/nodeID", error)) return std::nullopt;
    auto type = in.string_at(n, pointer, "type", error, std::string());
    auto text_value = type ? in.string_at(n, pointer, "text", error, std::string()) : std::nullopt;
    auto scheme =
        text_value ? in.string_at(n, pointer, "scheme", error, std::string()) : std::nullopt;
    if (!scheme) return std::nullopt;
    x.type = *type;
    x.text = one_line(*text_value);
    x.scheme = one_line(*scheme);
    if (!by_id.emplace(x.id, nodes.size()).second)
      return fail(pointer + "/nodeID", "'" + x.id + "' is used by two nodes");
    nodes.push_back(std::move(x));
  }
  static const json no_edges = json::array();
  const json& edges = doc->contains("edges") ? (*doc)["edges"] : no_edges;
  if (!edges.is_array()) return fail(prefix + "/edges", "expected an array of AIF edges");
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const json& e = edges[k];
    std::string pointer = fmt::format("{}/edges/{}", prefix, k);
    for (const char* end : {"fromID", "toID"}) {
      if (!e.is_object() || !e.contains(end) || !by_id.count(id_text(e[end])))
        return fail(e.is_object() && e.contains(end) ? pointer + "/" + end : pointer,
                    e.is_object() && e.contains(end)
                        ? "'" + id_text(e[end]) + "' is not a node"
                        : fmt::format("an edge needs \"{}\", a node's id", end));
    }
    std::size_t from = by_id[id_text(e["fromID"])], to = by_id[id_text(e["toID"])];
    nodes[from].out.push_back(to);
    nodes[to].in.push_back(from);
  }

  // Claim ids.
  std::map<std::size_t, std::string> claim_id;
  id_maker ids;
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    if (nodes[k].type != "I") continue;
    std::string id = ast::is_valid_id(nodes[k].id) ? nodes[k].id : "n" + nodes[k].id;
    if (!ast::is_valid_id(id)) {
      id = "n";
      for (char c : nodes[k].id) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
    claim_id[k] = ids.make(std::move(id));
  }
  import_result r;
  std::map<std::string, std::size_t> skipped;
  std::map<std::size_t, std::vector<std::string>> notes;  // claim -> rephrases
  // An inference node's premises (I-nodes pointing into it) and its target.
  auto premises = [&](std::size_t k) {
    std::vector<std::size_t> p;
    for (std::size_t from : nodes[k].in)
      if (nodes[from].type == "I") p.push_back(from);
    return p;
  };
  auto target = [&](std::size_t k) -> std::optional<std::size_t> {
    for (std::size_t to : nodes[k].out)
      if (nodes[to].type == "I" || nodes[to].type == "RA" || nodes[to].type == "CA") return to;
    return std::nullopt;
  };
  // Inference nodes by the node they conclude in, in node order (one pass, so
  // that large corpora import in linear time).
  std::vector<std::vector<std::size_t>> concluding(nodes.size());
  for (std::size_t inf = 0; inf < nodes.size(); ++inf) {
    const std::string& t = nodes[inf].type;
    if (t != "RA" && t != "CA") continue;
    if (auto to = target(inf)) concluding[*to].push_back(inf);
  }
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    const std::string& t = nodes[k].type;
    if (t == "I" || t == "RA" || t == "CA") continue;
    if (t == "MA") {
      auto p = premises(k);
      auto to = target(k);
      if (!p.empty() && to && nodes[*to].type == "I")
        notes[*to].push_back("rephrases @" + claim_id[p.front()]);
      continue;
    }
    ++skipped[t.empty() ? "untyped" : t];
  }
  for (const auto& [type, n] : skipped)
    r.notes.push_back(fmt::format("skipped {} {} node{} (dialogue and other non-argument nodes)", n,
                                  type, n == 1 ? "" : "s"));

  // Lines under an inference node: its undercuts (CA nodes pointing at it),
  // and theirs, depth first with an explicit stack (a chain of undercuts can
  // be as long as the input). A chain deeper than the depth limit cannot be
  // written as an outline: the import fails, naming the node.
  std::string chain_error;
  std::size_t chain_node = 0;
  auto undercuts = [&](std::size_t top, std::size_t depth, map_builder& out) {
    struct item {
      std::size_t inference, depth;
    };
    std::vector<item> stack{{top, depth}};
    while (!stack.empty() && chain_error.empty()) {
      item it = stack.back();
      stack.pop_back();
      const auto& from_list = concluding[it.inference];
      // Pushed in reverse so that they are written in node order.
      for (std::size_t f = from_list.size(); f-- > 0;) {
        std::size_t from = from_list[f];
        if (nodes[from].type != "CA" || premises(from).empty()) continue;
        stack.push_back({from, it.depth + 1});
      }
      if (it.inference == top) continue;
      auto p = premises(it.inference);
      if (it.depth - 1 > limits.max_depth) {
        chain_error =
            fmt::format("node '{}' ends a chain of undercuts deeper than argmap's {} levels",
                        nodes[it.inference].id, limits.max_depth);
        chain_node = it.inference;
        break;
      }
      out.reference(it.depth - 1, ast::relation::undercut, claim_id[p.front()]);
      for (std::size_t q = 1; q < p.size(); ++q)
        out.reference(it.depth - 1, ast::relation::co_premise, claim_id[p[q]]);
    }
  };
  // Scheme names of RA/CA nodes, kept on the first premise (a reference line
  // cannot carry attributes).
  std::map<std::size_t, std::vector<std::string>> schemes;
  for (std::size_t inf = 0; inf < nodes.size(); ++inf) {
    if ((nodes[inf].type != "RA" && nodes[inf].type != "CA") || nodes[inf].scheme.empty()) continue;
    auto p = premises(inf);
    if (p.empty()) continue;
    auto& list = schemes[p.front()];
    if (std::find(list.begin(), list.end(), nodes[inf].scheme) == list.end())
      list.push_back(nodes[inf].scheme);
  }
  auto joined = [](const std::vector<std::string>& parts) {
    std::string s;
    for (const std::string& x : parts) s += (s.empty() ? "" : "; ") + x;
    return s;
  };
  map_builder out;
  out.comment("Imported from AIF: every claim at the top level, relations by reference.");
  std::size_t self = 0;
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    if (nodes[k].type != "I") continue;
    claim_line line;
    line.id = claim_id[k];
    line.text = nodes[k].text;
    if (notes.count(k)) line.attributes.emplace_back("note", joined(notes[k]));
    if (schemes.count(k)) line.attributes.emplace_back("scheme", joined(schemes[k]));
    out.claim(0, std::move(line));
    // Inference nodes concluding in this claim, in node order.
    for (std::size_t inf : concluding[k]) {
      const std::string& t = nodes[inf].type;
      auto p = premises(inf);
      // A claim may attack itself ("this statement is false"), but no claim
      // can be a reason for itself: a support keeps its other premises only.
      if (t == "RA") p.erase(std::remove(p.begin(), p.end(), k), p.end());
      if (p.empty()) {
        ++self;
        continue;
      }
      out.reference(1, t == "RA" ? ast::relation::support : ast::relation::attack,
                    claim_id[p.front()]);
      for (std::size_t q = 1; q < p.size(); ++q)
        out.reference(1, ast::relation::co_premise, claim_id[p[q]]);
      undercuts(inf, 2, out);
      if (!chain_error.empty())
        return fail(fmt::format("{}/nodes/{}", prefix, chain_node), chain_error);
    }
  }
  if (self)
    r.notes.push_back(
        fmt::format("skipped {} support{} of a claim by itself alone", self, self == 1 ? "" : "s"));
  return finish_import(out, std::move(r.notes), error, limits);
}

}  // namespace argmap::engine
