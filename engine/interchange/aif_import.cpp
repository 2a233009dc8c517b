#include "engine/interchange/aif_import.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "engine/format.hpp"
#include "engine/interchange/json_input.hpp"
#include "grammar/ast.hpp"

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

std::string joined(const std::vector<std::string>& parts) {
  std::string s;
  for (const std::string& x : parts) s += (s.empty() ? "" : "; ") + x;
  return s;
}

// Reads an AIF graph and writes it as a map: every I-node a claim at the top
// level, each RA (support) and CA (attack) node the reference lines under the
// claim it concludes in, CA nodes pointing at those lines undercuts under
// them, MA nodes notes, and the rest (dialogue) counted and skipped.
class aif_reader {
 public:
  aif_reader(const std::string& text, diagnostic& error, const grammar::parse_options& limits)
      : text_(text), error_(error), limits_(limits) {}

  std::optional<import_result> run() {
    if (!in_.parse(text_, error_) || !read_nodes() || !read_edges()) return std::nullopt;
    make_ids();
    index();
    return write();
  }

 private:
  bool fail(const std::string& pointer, const std::string& what) {
    error_ = in_.error_at(pointer, what);
    return false;
  }

  bool read_nodes();
  bool read_edges();
  void make_ids();
  void index();
  std::optional<import_result> write();
  bool undercuts(std::size_t top, map_builder& out);

  // An inference node's premises: the I-nodes pointing into it.
  std::vector<std::size_t> premises(std::size_t k) const {
    std::vector<std::size_t> p;
    for (std::size_t from : nodes_[k].in)
      if (nodes_[from].type == "I") p.push_back(from);
    return p;
  }

  // The node an inference node concludes in: a claim, or an inference it undercuts.
  std::optional<std::size_t> target(std::size_t k) const {
    for (std::size_t to : nodes_[k].out)
      if (nodes_[to].type == "I" || nodes_[to].type == "RA" || nodes_[to].type == "CA") return to;
    return std::nullopt;
  }

  const std::string& text_;
  diagnostic& error_;
  const grammar::parse_options& limits_;
  json_input in_;
  const json* doc_ = nullptr;
  std::string prefix_;  // "/AIF" for xAIF, where the nodes and edges are
  std::vector<node> nodes_;
  std::map<std::string, std::size_t> by_id_;
  std::map<std::size_t, std::string> claim_id_;
  std::vector<std::vector<std::size_t>> concluding_;  // inference nodes by their target
  std::map<std::size_t, std::vector<std::string>> notes_, schemes_;  // claim -> attribute parts
  std::vector<std::string> skipped_notes_;
};

bool aif_reader::read_nodes() {
  const json& root = in_.root();
  doc_ = &root;
  if (root.is_object() && root.contains("AIF")) {
    doc_ = &root["AIF"];
    prefix_ = "/AIF";
  }
  const json& doc = *doc_;
  if (!doc.is_object() || !doc.contains("nodes") || !doc["nodes"].is_array())
    return fail(doc.is_object() && doc.contains("nodes") ? prefix_ + "/nodes" : prefix_,
                "expected an array of AIF nodes (\"nodes\")");
  const json& node_list = doc["nodes"];
  for (std::size_t k = 0; k < node_list.size(); ++k) {
    const json& n = node_list[k];
    std::string pointer = fmt::format("{}/nodes/{}", prefix_, k);
    if (!n.is_object() || !n.contains("nodeID") || id_text(n["nodeID"]).empty())
      return fail(pointer, "a node needs a string or integer nodeID");
    node x;
    x.id = id_text(n["nodeID"]);
    if (!in_.check_text(x.id, pointer + "/nodeID", error_)) return false;
    auto type = in_.string_at(n, pointer, "type", error_, std::string());
    auto text_value =
        type ? in_.string_at(n, pointer, "text", error_, std::string()) : std::nullopt;
    auto scheme =
        text_value ? in_.string_at(n, pointer, "scheme", error_, std::string()) : std::nullopt;
    if (!scheme) return false;
    x.type = *type;
    x.text = one_line(*text_value);
    x.scheme = one_line(*scheme);
    if (!by_id_.emplace(x.id, nodes_.size()).second)
      return fail(pointer + "/nodeID", "'" + x.id + "' is used by two nodes");
    nodes_.push_back(std::move(x));
  }
  return true;
}

bool aif_reader::read_edges() {
  static const json no_edges = json::array();
  const json& edges = doc_->contains("edges") ? (*doc_)["edges"] : no_edges;
  if (!edges.is_array()) return fail(prefix_ + "/edges", "expected an array of AIF edges");
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const json& e = edges[k];
    std::string pointer = fmt::format("{}/edges/{}", prefix_, k);
    for (const char* end : {"fromID", "toID"}) {
      if (!e.is_object() || !e.contains(end) || !by_id_.count(id_text(e[end])))
        return fail(e.is_object() && e.contains(end) ? pointer + "/" + end : pointer,
                    e.is_object() && e.contains(end)
                        ? "'" + id_text(e[end]) + "' is not a node"
                        : fmt::format("an edge needs \"{}\", a node's id", end));
    }
    std::size_t from = by_id_[id_text(e["fromID"])], to = by_id_[id_text(e["toID"])];
    nodes_[from].out.push_back(to);
    nodes_[to].in.push_back(from);
  }
  return true;
}

// Claim ids from the I-nodes' ids, made valid and unique.
void aif_reader::make_ids() {
  id_maker ids;
  for (std::size_t k = 0; k < nodes_.size(); ++k) {
    if (nodes_[k].type != "I") continue;
    std::string id = ast::is_valid_id(nodes_[k].id) ? nodes_[k].id : "n" + nodes_[k].id;
    if (!ast::is_valid_id(id)) {
      id = "n";
      for (char c : nodes_[k].id) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
    claim_id_[k] = ids.make(std::move(id));
  }
}

// Inference nodes by the node they conclude in (one pass, so that large
// corpora import in linear time); MA nodes as notes, scheme names kept on
// the first premise (a reference line cannot carry attributes), the other
// nodes counted.
void aif_reader::index() {
  concluding_.assign(nodes_.size(), {});
  std::map<std::string, std::size_t> skipped;
  for (std::size_t k = 0; k < nodes_.size(); ++k) {
    const std::string& t = nodes_[k].type;
    if (t == "RA" || t == "CA") {
      if (auto to = target(k)) concluding_[*to].push_back(k);
      auto p = premises(k);
      if (nodes_[k].scheme.empty() || p.empty()) continue;
      auto& list = schemes_[p.front()];
      if (std::find(list.begin(), list.end(), nodes_[k].scheme) == list.end())
        list.push_back(nodes_[k].scheme);
    } else if (t == "MA") {
      auto p = premises(k);
      auto to = target(k);
      if (!p.empty() && to && nodes_[*to].type == "I")
        notes_[*to].push_back("rephrases @" + claim_id_[p.front()]);
    } else if (t != "I") {
      ++skipped[t.empty() ? "untyped" : t];
    }
  }
  for (const auto& [type, n] : skipped)
    skipped_notes_.push_back(
        fmt::format("skipped {} {} node{} (dialogue and other non-argument nodes)", n, type,
                    n == 1 ? "" : "s"));
}

// The lines under inference node `top` (written at depth 1): its undercuts
// (CA nodes pointing at it), and theirs, depth first with an explicit stack
// (a chain of undercuts can be as long as the input). A chain deeper than the
// depth limit cannot be written as an outline: false, with the error naming
// the node.
bool aif_reader::undercuts(std::size_t top, map_builder& out) {
  struct item {
    std::size_t inference, depth;
  };
  std::vector<item> stack{{top, 1}};
  while (!stack.empty()) {
    item it = stack.back();
    stack.pop_back();
    const auto& from_list = concluding_[it.inference];
    // Pushed in reverse so that they are written in node order.
    for (std::size_t f = from_list.size(); f-- > 0;) {
      std::size_t from = from_list[f];
      if (nodes_[from].type != "CA" || premises(from).empty()) continue;
      stack.push_back({from, it.depth + 1});
    }
    if (it.inference == top) continue;
    if (it.depth > limits_.max_depth)
      return fail(fmt::format("{}/nodes/{}", prefix_, it.inference),
                  fmt::format("node '{}' ends a chain of undercuts deeper than argmap's {} levels",
                              nodes_[it.inference].id, limits_.max_depth));
    auto p = premises(it.inference);
    out.reference(it.depth, ast::relation::undercut, claim_id_[p.front()]);
    for (std::size_t q = 1; q < p.size(); ++q)
      out.reference(it.depth, ast::relation::co_premise, claim_id_[p[q]]);
  }
  return true;
}

std::optional<import_result> aif_reader::write() {
  map_builder out;
  out.comment("Imported from AIF: every claim at the top level, relations by reference.");
  std::size_t self = 0;
  for (std::size_t k = 0; k < nodes_.size(); ++k) {
    if (nodes_[k].type != "I") continue;
    claim_line line;
    line.id = claim_id_[k];
    line.text = nodes_[k].text;
    if (notes_.count(k)) line.attributes.emplace_back("note", joined(notes_[k]));
    if (schemes_.count(k)) line.attributes.emplace_back("scheme", joined(schemes_[k]));
    out.claim(0, std::move(line));
    // Inference nodes concluding in this claim, in node order.
    for (std::size_t inf : concluding_[k]) {
      const std::string& t = nodes_[inf].type;
      auto p = premises(inf);
      // A claim may attack itself ("this statement is false"), but no claim
      // can be a reason for itself: a support keeps its other premises only.
      if (t == "RA") p.erase(std::remove(p.begin(), p.end(), k), p.end());
      if (p.empty()) {
        ++self;
        continue;
      }
      out.reference(1, t == "RA" ? ast::relation::support : ast::relation::attack,
                    claim_id_[p.front()]);
      for (std::size_t q = 1; q < p.size(); ++q)
        out.reference(1, ast::relation::co_premise, claim_id_[p[q]]);
      if (!undercuts(inf, out)) return std::nullopt;
    }
  }
  std::vector<std::string> notes = std::move(skipped_notes_);
  if (self)
    notes.push_back(
        fmt::format("skipped {} support{} of a claim by itself alone", self, self == 1 ? "" : "s"));
  return finish_import(out, std::move(notes), error_, limits_);
}

}  // namespace

std::optional<import_result> import_aif(const std::string& text, diagnostic& error,
                                        const grammar::parse_options& limits) {
  return aif_reader(text, error, limits).run();
}

}  // namespace argmap::engine
