#include "engine/build.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "grammar/suggest.hpp"
#include "grammar/walk.hpp"

namespace argmap::engine {

namespace {

constexpr std::int32_t none = -1;

// One claim line of the outline, in reading order.
struct line_info {
  const ast::claim* claim = nullptr;
  std::int32_t parent = none;        // index of the parent line
  std::int32_t prev_sibling = none;  // the line above at the same level, same parent
  std::int64_t node = none;          // the claim node, once resolved
  std::int64_t inference = none;     // the reason this line is a premise of
};

class graph_builder {
 public:
  explicit graph_builder(const grammar::loaded_map& map) : map_(map) {}

  build_result run() {
    if (!map_.documents.empty()) {
      const ast::document& first = map_.documents[0];
      if (first.has_front_matter) result_.graph.metadata = first.meta.entries;
      std::size_t lines = 0;
      grammar::for_each_claim(map_.documents,
                              [&](const ast::claim&, const auto&, std::uint32_t) { ++lines; });
      lines_.reserve(lines);
      last_child_.reserve(lines);
      g().claims.reserve(lines);
      g().inferences.reserve(lines);
      g().by_id.reserve(lines);
      std::uint32_t roots = 0;
      define_document(0, no_section, roots);
      relate();
    }
    return std::move(result_);
  }

 private:
  argument_graph& g() { return result_.graph; }

  // ---- pass 1: sections and claim definitions, in reading order -----------

  void define_document(std::size_t doc, std::int32_t base_section, std::uint32_t& roots) {
    // Open headings of this file: (number of '#', section index).
    std::vector<std::pair<unsigned, std::int32_t>> open;
    std::int32_t current = base_section;
    for (const ast::item& it : map_.documents[doc].items) {
      if (const auto* h = std::get_if<ast::heading>(&it)) {
        while (!open.empty() && open.back().first >= h->level) open.pop_back();
        std::int32_t parent = open.empty() ? base_section : open.back().second;
        section s;
        s.title = h->title;
        s.parent = parent;
        s.level = parent == no_section ? 1 : g().sections[static_cast<std::size_t>(parent)].level + 1;
        s.range = h->range;
        current = static_cast<std::int32_t>(g().sections.size());
        g().sections.push_back(std::move(s));
        open.emplace_back(h->level, current);
      } else if (const auto* inc = std::get_if<ast::include>(&it)) {
        if (inc->target >= 0) define_document(static_cast<std::size_t>(inc->target), current, roots);
      } else {
        path_.assign(1, ++roots);
        define_claim(std::get<ast::claim>(it), none, current);
      }
    }
  }

  void define_claim(const ast::claim& c, std::int32_t parent, std::int32_t section) {
    auto index = static_cast<std::int32_t>(lines_.size());
    line_info line;
    line.claim = &c;
    line.parent = parent;
    if (parent != none) {
      line.prev_sibling = last_child_[static_cast<std::size_t>(parent)];
      last_child_[static_cast<std::size_t>(parent)] = index;
    }
    if (!c.is_reference) line.node = define_node(c, section, parent == none);
    lines_.push_back(line);
    last_child_.push_back(none);
    std::uint32_t n = 0;
    for (const ast::claim& child : c.children) {
      path_.push_back(++n);
      define_claim(child, index, section);
      path_.pop_back();
    }
  }

  claim_index define_node(const ast::claim& c, std::int32_t section, bool root) {
    claim_node node;
    node.user_id = !c.id.empty();
    node.id = node.user_id ? c.id : ast::auto_id(path_);
    auto index = static_cast<claim_index>(g().claims.size());
    if (!g().by_id.emplace(node.id, index).second) {
      // A duplicate id was reported while loading; the later claim keeps its
      // outline id so the rest of the map can still be checked.
      node.id = ast::auto_id(path_);
      node.user_id = false;
      g().by_id.emplace(node.id, index);
    }
    node.source = &c;
    node.section = section;
    node.root = root;
    g().claims.push_back(std::move(node));
    return index;
  }

  // ---- pass 2: references and relations ------------------------------------

  void relate() {
    for (line_info& line : lines_) {
      if (line.claim->is_reference) {
        line.node = resolve(*line.claim);
        if (line.node != none) ++g().claims[static_cast<std::size_t>(line.node)].references;
      }
      if (line.parent == none || line.node == none) continue;
      line_info& parent = lines_[static_cast<std::size_t>(line.parent)];
      if (parent.node == none) continue;
      auto node = static_cast<claim_index>(line.node);
      auto target = static_cast<claim_index>(parent.node);
      // An outgoing line (`+>`, `->`, `~>`) turns the relation around: the
      // parent claim is the premise, this line's claim what it relates to.
      bool out = line.claim->outgoing;
      switch (line.claim->rel) {
        case ast::relation::support:
        case ast::relation::attack:
          // A claim may attack itself ("this statement is false"; a warning,
          // lint.cpp); supporting itself says nothing.
          if (node == target && line.claim->rel == ast::relation::support) {
            self_relation(line, "support");
            break;
          }
          line.inference = add_inference(line.claim->rel == ast::relation::support
                                             ? inference_kind::support
                                             : inference_kind::attack,
                                         out ? target : node, out ? node : target, line.claim->range);
          g().inferences[static_cast<std::size_t>(line.inference)].outgoing = out;
          break;
        case ast::relation::undercut:
          if (out) {
            outgoing_undercuts_.push_back(static_cast<std::size_t>(&line - lines_.data()));
          } else {
            undercut(line, parent, node);
          }
          break;
        case ast::relation::co_premise:
          co_premise(line, parent, node);
          break;
        case ast::relation::contradiction:
          if (node == target) {
            self_relation(line, "contradict");
            break;
          }
          g().contradictions.push_back({target, node, line.claim->range});
          break;
        case ast::relation::root:
          break;
      }
      if (!line.claim->is_reference) {
        claim_node& defined = g().claims[node];
        defined.outline_parent = static_cast<std::int32_t>(target);
        // A claim an outgoing line relates to is no premise of that reason:
        // it hangs under its parent directly, as a contradiction does.
        defined.outline_inference = out ? -1 : static_cast<std::int32_t>(line.inference);
        defining_line_[node] = static_cast<std::int64_t>(&line - lines_.data());
      }
    }
    // `~> @x` needs the reason of x's defining line, which may come later.
    for (std::size_t k : outgoing_undercuts_) outgoing_undercut(lines_[k]);
  }

  // `~> @x` under P: P undercuts the inference of the line that defines x
  // (x and the claim that line is written under).
  void outgoing_undercut(line_info& line) {
    const line_info& parent = lines_[static_cast<std::size_t>(line.parent)];
    auto premise = static_cast<claim_index>(parent.node);
    auto x = static_cast<std::size_t>(line.node);
    if (!line.claim->is_reference) {
      error(line.claim->range, "undercut-without-inference",
            "'~>' undercuts the reason an existing claim's line makes: write '~> @id', where id "
            "names a claim written as a '+', '-' or '~' line elsewhere");
      return;
    }
    auto defining = defining_line_.find(x);
    std::int64_t inference = defining == defining_line_.end()
                                 ? none
                                 : lines_[static_cast<std::size_t>(defining->second)].inference;
    if (inference == none || lines_[static_cast<std::size_t>(defining->second)].claim->outgoing) {
      error(line.claim->range, "undercut-without-inference",
            fmt::format("'~> @{}' undercuts the reason '{}' is a premise of, but '{}' is defined on "
                        "a line that is no reason (a top-level claim, a contradiction, or a claim an "
                        "outgoing line relates to)",
                        g().claims[x].id, g().claims[x].id, g().claims[x].id));
      return;
    }
    line.inference = add_inference(inference_kind::undercut, premise, static_cast<std::uint32_t>(inference),
                                   line.claim->range);
    g().inferences[static_cast<std::size_t>(line.inference)].outgoing = true;
  }

  std::int64_t add_inference(inference_kind kind, claim_index premise, std::uint32_t target,
                             const source_range& range) {
    inference inf;
    inf.kind = kind;
    inf.premises.push_back(premise);
    inf.target = target;
    inf.range = range;
    g().inferences.push_back(std::move(inf));
    return static_cast<std::int64_t>(g().inferences.size() - 1);
  }

  void undercut(line_info& line, const line_info& parent, claim_index node) {
    if (parent.inference == none) {
      const claim_node& p = g().claims[static_cast<std::size_t>(parent.node)];
      std::string why = parent.claim->rel == ast::relation::contradiction
                            ? "it is a contradiction ('!'), which is no inference"
                            : "it is a top-level claim, which no inference leads from";
      error(line.claim->range, "undercut-without-inference",
            fmt::format("an undercut ('~') attacks the inference from its parent to the "
                        "parent's parent, but its parent '{}' has none: {}",
                        p.id, why));
      return;
    }
    line.inference =
        add_inference(inference_kind::undercut, node, static_cast<std::uint32_t>(parent.inference),
                      line.claim->range);
  }

  void co_premise(line_info& line, const line_info& parent, claim_index node) {
    // The parser made sure there is a reason to join: the sibling above, or
    // (for the first line under a claim) the parent's own reason.
    std::int64_t joined = line.prev_sibling != none
                              ? lines_[static_cast<std::size_t>(line.prev_sibling)].inference
                              : parent.inference;
    if (joined == none) return;  // that reason was not built (an error was reported)
    inference& inf = g().inferences[static_cast<std::size_t>(joined)];
    if (inf.kind == inference_kind::support && inf.target == node) {
      self_relation(line, "support");
      return;
    }
    inf.premises.push_back(node);
    line.inference = joined;
  }

  std::int64_t resolve(const ast::claim& c) {
    if (auto found = g().find(c.id)) return *found;
    std::string message = fmt::format("undefined reference '@{}'", c.id);
    if (user_ids_.empty()) {
      for (const claim_node& n : g().claims)
        if (n.user_id) user_ids_.push_back(n.id);
    }
    auto near = grammar::closest(c.id, user_ids_);
    if (near)
      message += fmt::format("; did you mean '@{}'?", *near);
    else message += ": no claim has this id";
    diagnostic& d = error(ast::label_range(c), "undefined-reference", std::move(message));
    if (near) d.fixes.push_back({ast::label_range(c), "@" + *near});
    return none;
  }

  void self_relation(const line_info& line, const char* verb) {
    const claim_node& n = g().claims[static_cast<std::size_t>(line.node)];
    error(line.claim->range, "self-relation",
          fmt::format("claim '{}' would {} itself", n.id, verb));
  }

  diagnostic& error(const source_range& r, std::string code, std::string message) {
    return result_.diagnostics.emplace_back(
        make_diagnostic(map_.sources, r, severity::error, std::move(code), std::move(message)));
  }

  const grammar::loaded_map& map_;
  build_result result_;
  std::vector<line_info> lines_;
  std::vector<std::int32_t> last_child_;  // per line: its last child line so far
  std::vector<std::uint32_t> path_;
  std::vector<std::string> user_ids_;  // built on the first undefined reference
  std::vector<std::size_t> outgoing_undercuts_;              // lines written `~> @x`
  std::unordered_map<std::size_t, std::int64_t> defining_line_;  // claim -> the line defining it
};

}  // namespace

build_result build_graph(const grammar::loaded_map& map) {
  return graph_builder(map).run();
}

}  // namespace argmap::engine
