#include "engine/interchange/json.hpp"

#include <functional>
#include <unordered_map>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "engine/format.hpp"
#include "engine/interchange/json_input.hpp"
#include "grammar/lexical.hpp"
#include "grammar/parse.hpp"

namespace argmap::engine {

namespace {

using json = nlohmann::ordered_json;

// The outline of the map in reading order, included files spliced in.
void outline_of(const argument_graph& g, const grammar::loaded_map& map, std::size_t doc, json& out,
                std::size_t& heading,
                const std::unordered_map<const ast::claim*, std::string>& ids) {
  std::function<void(const ast::claim&, std::size_t)> line = [&](const ast::claim& c,
                                                                 std::size_t depth) {
    json l;
    l["depth"] = depth;
    l["relation"] = ast::name_of(c.rel);
    if (c.outgoing) l["outgoing"] = true;
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
      if (inc->target >= 0)
        outline_of(g, map, static_cast<std::size_t>(inc->target), out, heading, ids);
    } else {
      line(std::get<ast::claim>(it), 0);
    }
  }
}

// An attribute's value as text: a string, or a number or boolean as JSON writes it.
std::optional<std::string> value_text(const json_input& in, const nlohmann::json& v,
                                      const std::string& pointer, diagnostic& error) {
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    if (!in.check_text(s, pointer, error)) return std::nullopt;
    for (char& c : s)
      if (c == '\n' || c == '\r') c = ' ';
    return s;
  }
  if (v.is_number() || v.is_boolean()) return v.dump();
  error = in.error_at(pointer, "expected a string, a number or true/false");
  return std::nullopt;
}

// An object of keys and values (metadata, a claim's attributes): every key
// one the grammar reads, every value a string, number or boolean.
std::optional<std::vector<std::pair<std::string, std::string>>> key_values(
    const json_input& in, const nlohmann::json& object, const std::string& pointer,
    const char* what, diagnostic& error) {
  if (!object.is_object()) {
    error = in.error_at(pointer, "expected an object");
    return std::nullopt;
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : object.items()) {
    std::string p = fmt::format("{}/{}", pointer, key);
    if (!grammar::lexical::is_key(key)) {
      error = in.error_at(
          p, fmt::format("not a {} (a letter or '_', then letters, digits, '_' and '-')", what));
      return std::nullopt;
    }
    auto v = value_text(in, value, p, error);
    if (!v) return std::nullopt;
    out.emplace_back(key, std::move(*v));
  }
  return out;
}

}  // namespace

std::string export_json(const argument_graph& g, const grammar::loaded_map& map,
                        const evaluation* eval) {
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
  if (eval && eval->ok()) j["evaluation"] = json::parse(evaluation_json(g, *eval));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace argmap::engine

namespace argmap::engine {

namespace {

// Reads argmap's JSON model back into a map: the claims by id, then the
// outline, line by line, into a map_builder.
class json_importer {
 public:
  json_importer(const std::string& text, diagnostic& error, const grammar::parse_options& limits)
      : text_(text), error_(error), limits_(limits) {}

  std::optional<import_result> run() {
    if (!in_.parse(text_, error_) || !read_header() || !read_claims() || !read_metadata())
      return std::nullopt;
    const nlohmann::json& outline = in_.root()["outline"];
    for (std::size_t k = 0; k < outline.size(); ++k)
      if (!read_line(outline[k], "/outline/" + std::to_string(k))) return std::nullopt;
    return finish_import(out_, {}, error_, limits_);
  }

 private:
  bool fail(const std::string& pointer, const std::string& what) {
    error_ = in_.error_at(pointer, what);
    return false;
  }

  bool read_header() {
    const nlohmann::json& doc = in_.root();
    if (!doc.is_object())
      return fail("", "expected an object (argmap export --to json writes one)");
    if (!in_.integer_at(doc, "", "argmap_json", 1, 1, error_)) return false;
    if (!doc.contains("claims") || !doc["claims"].is_array())
      return fail("/claims", "expected an array");
    if (!doc.contains("outline") || !doc["outline"].is_array())
      return fail("/outline", "expected an array (argmap export --to json writes one)");
    return true;
  }

  // The claims by id. An id the author wrote is written back as `[id]`: it
  // must be one. Other ids (outline paths such as "3.1.2") only link outline
  // lines to claims.
  bool read_claims() {
    const nlohmann::json& claim_list = in_.root()["claims"];
    for (std::size_t k = 0; k < claim_list.size(); ++k) {
      const auto& c = claim_list[k];
      std::string pointer = "/claims/" + std::to_string(k);
      if (!c.is_object()) return fail(pointer, "a claim is an object with a string id and text");
      auto id = in_.string_at(c, pointer, "id", error_);
      if (!id) return false;
      auto written = in_.boolean_at(c, pointer, "user_id", error_, true);
      if (!written) return false;
      if (*written && (!ast::is_valid_id(*id) || id->size() > ast::max_id_length))
        return fail(pointer + "/id",
                    "not an argmap id (a letter or '_', then letters, digits, '_', '.', '-'; at "
                    "most 256)");
      if (!in_.string_at(c, pointer, "text", error_, std::nullopt, false)) return false;
      claims_[*id] = k;
    }
    return true;
  }

  bool read_metadata() {
    const nlohmann::json& doc = in_.root();
    if (!doc.contains("metadata")) return true;
    auto meta = key_values(in_, doc["metadata"], "/metadata", "front-matter key", error_);
    if (!meta) return false;
    for (const auto& [key, value] : *meta) out_.meta(key, value);
    return true;
  }

  bool read_heading(const nlohmann::json& l, const std::string& pointer) {
    auto title = in_.string_at(l, pointer, "heading", error_);
    if (!title) return false;
    if (title->find_first_not_of(" \t") == std::string::npos)
      return fail(pointer + "/heading", "a heading needs a title");
    auto level = in_.integer_at(l, pointer, "level", 1, 1000, error_, 1);
    if (!level) return false;
    out_.heading(static_cast<unsigned>(*level), *title);
    previous_depth_ = -1;
    return true;
  }

  bool read_line(const nlohmann::json& l, const std::string& pointer) {
    static const std::unordered_map<std::string, ast::relation> relations = {
        {"root", ast::relation::root},
        {"support", ast::relation::support},
        {"attack", ast::relation::attack},
        {"undercut", ast::relation::undercut},
        {"contradiction", ast::relation::contradiction},
        {"co-premise", ast::relation::co_premise}};
    if (!l.is_object()) return fail(pointer, "an outline line is an object");
    if (l.contains("heading")) return read_heading(l, pointer);
    auto relation = in_.string_at(l, pointer, "relation", error_);
    auto id = relation ? in_.string_at(l, pointer, "claim", error_) : std::nullopt;
    auto reference = id ? in_.boolean_at(l, pointer, "reference", error_, false) : std::nullopt;
    auto outgoing =
        reference ? in_.boolean_at(l, pointer, "outgoing", error_, false) : std::nullopt;
    auto depth = outgoing ? in_.integer_at(l, pointer, "depth", 0, limits_.max_depth, error_, 0)
                          : std::nullopt;
    if (!depth) return false;
    if (!relations.count(*relation))
      return fail(pointer + "/relation", "unknown relation '" + *relation + "'");
    if ((*depth == 0) != (*relation == "root"))
      return fail(pointer + "/relation",
                  *depth == 0 ? "a line at depth 0 is a root claim, with relation \"root\""
                              : "only a line at depth 0 has relation \"root\"");
    if (*depth > previous_depth_ + 1)
      return fail(pointer + "/depth",
                  fmt::format("depth {} follows depth {}: a line is at most one level "
                              "deeper than the line before it",
                              *depth, previous_depth_ < 0 ? 0 : previous_depth_));
    previous_depth_ = *depth;
    if (!*reference && !claims_.count(*id))
      return fail(pointer + "/claim", "no claim has id '" + *id + "'");
    if (*reference && (!ast::is_valid_id(*id) || id->size() > ast::max_id_length))
      return fail(pointer + "/claim", "not an argmap id");
    bool turnable = *relation == "support" || *relation == "attack" || *relation == "undercut";
    if (*outgoing && !turnable)
      return fail(pointer + "/outgoing", "only a support, attack or undercut line can be outgoing");
    const auto at = static_cast<std::size_t>(*depth);
    const ast::relation rel = relations.at(*relation);
    if (*reference) {
      out_.reference(at, rel, *id, *outgoing);
      return true;
    }
    claim_line line;
    line.rel = rel;
    line.outgoing = *outgoing;
    if (!read_claim(claims_[*id], *id, line)) return false;
    out_.claim(at, std::move(line));
    return true;
  }

  // The text, tags and attributes of claim `index` into `line`, and its `id`
  // when the author wrote it.
  bool read_claim(std::size_t index, const std::string& id, claim_line& line) {
    const auto& c = in_.root()["claims"][index];
    std::string cp = "/claims/" + std::to_string(index);
    auto user_id = in_.boolean_at(c, cp, "user_id", error_, true);
    auto claim_text = user_id ? in_.string_at(c, cp, "text", error_) : std::nullopt;
    if (!claim_text) return false;
    if (*user_id) line.id = id;
    line.text = *claim_text;
    if (c.contains("tags")) {
      if (!c["tags"].is_array()) return fail(cp + "/tags", "expected an array of strings");
      for (std::size_t t = 0; t < c["tags"].size(); ++t) {
        std::string tp = cp + "/tags/" + std::to_string(t);
        if (!c["tags"][t].is_string()) return fail(tp, "expected a string");
        std::string tag = c["tags"][t].get<std::string>();
        if (!in_.check_text(tag, tp, error_)) return false;
        if (tag.empty()) return fail(tp, "an empty tag");
        line.tags.push_back(std::move(tag));
      }
    }
    if (c.contains("attributes")) {
      auto pairs = key_values(in_, c["attributes"], cp + "/attributes", "attribute key", error_);
      if (!pairs) return false;
      line.attributes.assign(pairs->begin(), pairs->end());
    }
    return true;
  }

  const std::string& text_;
  diagnostic& error_;
  const grammar::parse_options& limits_;
  json_input in_;
  std::unordered_map<std::string, std::size_t> claims_;
  long long previous_depth_ = -1;  // no claim line yet: the next must be a root
  map_builder out_;
};

}  // namespace

std::optional<import_result> import_json(const std::string& text, diagnostic& error,
                                         const grammar::parse_options& limits) {
  return json_importer(text, error, limits).run();
}

}  // namespace argmap::engine
