// argmap diff's outputs: what each change says, in four forms.

#include "cli/diff_output.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "engine/report.hpp"

namespace argmap::cli {

namespace {

using engine::change;
using engine::change_kind;
using json = nlohmann::json;

bool about_section(change_kind k) {
  return k == change_kind::section_added || k == change_kind::section_removed ||
         k == change_kind::section_renamed;
}

bool about_relation(change_kind k) {
  return k == change_kind::relation_added || k == change_kind::relation_removed ||
         k == change_kind::relation_kind_changed || k == change_kind::premises_joined ||
         k == change_kind::premises_split;
}

// Where a claim (or section) of one version is written.
struct place {
  std::string file;
  std::uint32_t line = 0;
};

place where(const diff_side& s, const change& c, bool after) {
  const std::int64_t k = after ? c.after : c.before;
  if (!s.present || k < 0) return {};
  const engine::argument_graph& g = s.map.graph;
  source_range r;
  if (about_section(c.kind))
    r = g.sections[static_cast<std::size_t>(k)].range;
  else
    r = g.claims[static_cast<std::size_t>(k)].range();
  if (about_relation(c.kind)) {
    const std::int64_t i = after ? c.after_inference : c.before_inference;
    if (i >= 0 && !c.contradiction) r = g.inferences[static_cast<std::size_t>(i)].range;
  }
  if (r.file >= s.map.map.sources.files.size()) return {};
  return {s.map.map.sources.files[r.file].name, r.line};
}

std::string shown(const place& p) {
  return p.line ? fmt::format("{}:{}", p.file, p.line) : p.file;
}

// A claim as a reader knows it: its id in brackets, then its text, cut at
// `width` characters (0: whole).
std::string claim_text(const engine::argument_graph& g, std::int64_t c, std::size_t width) {
  if (c < 0) return {};
  const engine::claim_node& n = g.claims[static_cast<std::size_t>(c)];
  std::string text = utf8::visible(n.text());
  if (width && text.size() > width) {
    std::size_t cut = width;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "…";
  }
  return (n.user_id ? "[" + n.id + "] " : "") + text;
}

std::string id_of(const engine::argument_graph& g, std::int64_t c) {
  if (c < 0) return "?";
  const engine::claim_node& n = g.claims[static_cast<std::size_t>(c)];
  return n.user_id ? "@" + n.id : "(" + n.id + ")";
}

// A reason as one line: "@a + @b -> @c (support)".
std::string relation_text(const engine::argument_graph& g, std::int64_t i, bool contradiction) {
  if (i < 0) return {};
  if (contradiction) {
    const engine::contradiction& c = g.contradictions[static_cast<std::size_t>(i)];
    return id_of(g, c.a) + " ! " + id_of(g, c.b) + " (contradiction)";
  }
  const engine::inference& inf = g.inferences[static_cast<std::size_t>(i)];
  std::string out;
  for (engine::claim_index p : inf.premises) out += (out.empty() ? "" : " + ") + id_of(g, p);
  out += " -> ";
  if (inf.kind == engine::inference_kind::undercut)
    out += "[" + relation_text(g, inf.target, false) + "]";
  else
    out += id_of(g, inf.target);
  return out + " (" + engine::name_of(inf.kind) + ")";
}

// The one line a change says, without its position.
std::string say(const map_diff& d, const change& c, std::size_t width) {
  const engine::argument_graph &a = d.before.map.graph, &b = d.after.map.graph;
  switch (c.kind) {
    case change_kind::section_added:
      return "section added: " + c.detail;
    case change_kind::section_removed:
      return "section removed: " + c.detail;
    case change_kind::section_renamed:
      return "section renamed: " + c.detail;
    case change_kind::claim_added:
      return claim_text(b, c.after, width);
    case change_kind::claim_removed:
      return claim_text(a, c.before, width);
    case change_kind::text_changed:
      return id_of(b, c.after) + " text: " + c.detail;
    case change_kind::id_changed:
      return "id: " + c.detail;
    case change_kind::moved:
      return id_of(b, c.after) + " moved: " + c.detail;
    case change_kind::attributes_changed:
      return id_of(b, c.after) + " attributes: " + c.detail;
    case change_kind::tags_changed:
      return id_of(b, c.after) + " tags: " + c.detail;
    case change_kind::relation_added:
      return relation_text(b, c.after_inference, c.contradiction);
    case change_kind::relation_removed:
      return relation_text(a, c.before_inference, c.contradiction);
    case change_kind::relation_kind_changed:
      return relation_text(b, c.after_inference, false) + ", was " +
             c.detail.substr(0, c.detail.find(' '));
    case change_kind::premises_joined:
      return relation_text(b, c.after_inference, false) + ": " + c.detail + " joined into one";
    case change_kind::premises_split:
      return relation_text(a, c.before_inference, false) + ": split into " + c.detail;
  }
  return c.detail;
}

char mark(change_kind k) {
  switch (k) {
    case change_kind::section_added:
    case change_kind::claim_added:
    case change_kind::relation_added:
      return '+';
    case change_kind::section_removed:
    case change_kind::claim_removed:
    case change_kind::relation_removed:
      return '-';
    default:
      return '~';
  }
}

// Counts of changes by kind, in the order of the enum: "2 claims added, 1 relation removed".
std::string counts(const std::vector<const map_diff*>& diffs) {
  std::map<change_kind, std::size_t> n;
  std::size_t statuses = 0;
  for (const map_diff* d : diffs) {
    for (const change& c : d->comparison.changes) ++n[c.kind];
    statuses += d->statuses.size();
  }
  static const std::map<change_kind, std::pair<const char*, const char*>> words = {
      {change_kind::section_added, {"section added", "sections added"}},
      {change_kind::section_removed, {"section removed", "sections removed"}},
      {change_kind::section_renamed, {"section renamed", "sections renamed"}},
      {change_kind::claim_added, {"claim added", "claims added"}},
      {change_kind::claim_removed, {"claim removed", "claims removed"}},
      {change_kind::text_changed, {"text changed", "texts changed"}},
      {change_kind::id_changed, {"id changed", "ids changed"}},
      {change_kind::moved, {"claim moved", "claims moved"}},
      {change_kind::attributes_changed,
       {"claim's attributes changed", "claims' attributes changed"}},
      {change_kind::tags_changed, {"claim's tags changed", "claims' tags changed"}},
      {change_kind::relation_added, {"relation added", "relations added"}},
      {change_kind::relation_removed, {"relation removed", "relations removed"}},
      {change_kind::relation_kind_changed, {"relation changed kind", "relations changed kind"}},
      {change_kind::premises_joined, {"reason joined", "reasons joined"}},
      {change_kind::premises_split, {"reason split", "reasons split"}},
  };
  std::string out;
  for (const auto& [k, count] : n) {
    const auto& w = words.at(k);
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", count, count == 1 ? w.first : w.second);
  }
  if (statuses)
    out +=
        fmt::format("{}{} {}", out.empty() ? "" : ", ", statuses,
                    statuses == 1 ? "claim evaluated differently" : "claims evaluated differently");
  return out.empty() ? "no change" : out;
}

std::string title_of(const map_diff& d) {
  if (!d.before.present) return d.after.name + " (new map)";
  if (!d.after.present) return d.before.name + " (map removed)";
  // --git: "REV:path" against "path" is "path (since REV)", a commit's name cut to 12.
  const std::string& a = d.before.name;
  if (a.size() > d.after.name.size() + 1 &&
      a.compare(a.size() - d.after.name.size(), std::string::npos, d.after.name) == 0 &&
      a[a.size() - d.after.name.size() - 1] == ':') {
    std::string rev = a.substr(0, a.size() - d.after.name.size() - 1);
    if (rev.size() == 40 && rev.find_first_not_of("0123456789abcdef") == std::string::npos)
      rev.resize(12);
    return d.after.name + " (since " + rev + ")";
  }
  return d.before.name == d.after.name ? d.after.name : d.before.name + " -> " + d.after.name;
}

// The place a change is shown at: the new version's, else the old one's.
place shown_place(const map_diff& d, const change& c) {
  place p = where(d.after, c, true);
  if (p.file.empty()) p = where(d.before, c, false);
  return p;
}

// Where in the new version a change is best shown: its own place there, or
// for what is gone, the place of the claim it was under (or, for a relation,
// of its target); no line when there is none.
place anchor_after(const map_diff& d, const change& c) {
  place p = where(d.after, c, true);
  if (!p.file.empty() || !d.after.present) return p;
  const engine::argument_graph& a = d.before.map.graph;
  std::int64_t near = -1;
  if (c.kind == change_kind::claim_removed && c.before >= 0) {
    std::int32_t parent = a.claims[static_cast<std::size_t>(c.before)].outline_parent;
    if (parent >= 0) near = d.comparison.after_of[static_cast<std::size_t>(parent)];
  } else if (!about_section(c.kind) && c.before >= 0) {
    near = d.comparison.after_of[static_cast<std::size_t>(c.before)];
  }
  if (near >= 0) {
    const source_range& r = d.after.map.graph.claims[static_cast<std::size_t>(near)].range();
    return {d.after.map.map.sources.files[r.file].name, r.line};
  }
  return {
      d.after.map.map.sources.files.empty() ? d.after.name : d.after.map.map.sources.files[0].name,
      0};
}

}  // namespace

std::string format_diff_human(const std::vector<map_diff>& diffs, const diff_style& style) {
  auto paint = [&](const char* code, const std::string& text) {
    return style.colour ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
  };
  std::string out;
  for (const map_diff& d : diffs) {
    if (d.same()) continue;
    out += paint("1", "--- " + (d.before.present ? d.before.name : "/dev/null")) + "\n";
    out += paint("1", "+++ " + (d.after.present ? d.after.name : "/dev/null")) + "\n";
    const char* groups[] = {"sections", "claims", "relations"};
    for (int group = 0; group < 3; ++group) {
      bool header = false;
      for (const change& c : d.comparison.changes) {
        const int g = about_section(c.kind) ? 0 : about_relation(c.kind) ? 2 : 1;
        if (g != group) continue;
        if (!header) out += paint("1", groups[group]) + "\n", header = true;
        const char m = mark(c.kind);
        const std::string line = fmt::format("  {} {}", m, say(d, c, 100));
        out += paint(m == '+' ? "32" : m == '-' ? "31" : "33", line);
        const place p = shown_place(d, c);
        if (!p.file.empty()) out += paint("2", "  " + shown(p));
        out += "\n";
      }
    }
    if (!d.statuses.empty()) {
      out += paint("1", "evaluation (" + style.semantics + ")") + "\n";
      for (const status_change& s : d.statuses)
        out += paint("35", fmt::format("  ! {}{}: {} -> {}", s.thesis ? "thesis " : "",
                                       claim_text(d.after.map.graph, s.after, 80), s.was, s.is)) +
               "\n";
    }
  }
  std::vector<const map_diff*> all;
  all.reserve(diffs.size());
  for (const map_diff& d : diffs) all.push_back(&d);
  out += counts(all) + "\n";
  return out;
}

std::string format_diff_json(const std::vector<map_diff>& diffs, const diff_style& style) {
  auto claim = [](const diff_side& s, std::int64_t c, const place& p) -> json {
    if (c < 0 || !s.present) return nullptr;
    const engine::claim_node& n = s.map.graph.claims[static_cast<std::size_t>(c)];
    return {{"id", n.id},
            {"user_id", n.user_id},
            {"text", n.text()},
            {"file", p.file},
            {"line", p.line}};
  };
  auto section = [](const diff_side& s, std::int64_t i, const place& p) -> json {
    if (i < 0) return nullptr;
    return {{"title", s.map.graph.sections[static_cast<std::size_t>(i)].title},
            {"file", p.file},
            {"line", p.line}};
  };
  json maps = json::array();
  bool same = true;
  for (const map_diff& d : diffs) {
    same = same && d.same();
    json changes = json::array();
    std::map<std::string, std::size_t> n;
    for (const change& c : d.comparison.changes) {
      ++n[engine::name_of(c.kind)];
      json j = {{"kind", engine::name_of(c.kind)}, {"detail", c.detail}, {"summary", say(d, c, 0)}};
      const place pb = where(d.before, c, false), pa = where(d.after, c, true);
      if (about_section(c.kind)) {
        j["before"] = section(d.before, c.before, pb);
        j["after"] = section(d.after, c.after, pa);
      } else {
        j["before"] = claim(d.before, c.before, pb);
        j["after"] = claim(d.after, c.after, pa);
      }
      if (about_relation(c.kind)) {
        j["relation_before"] =
            c.before_inference < 0
                ? json(nullptr)
                : json(relation_text(d.before.map.graph, c.before_inference, c.contradiction));
        j["relation_after"] =
            c.after_inference < 0
                ? json(nullptr)
                : json(relation_text(d.after.map.graph, c.after_inference, c.contradiction));
      }
      changes.push_back(std::move(j));
    }
    json statuses = json::array();
    for (const status_change& s : d.statuses)
      statuses.push_back({{"id", d.after.map.graph.claims[s.after].id},
                          {"text", d.after.map.graph.claims[s.after].text()},
                          {"thesis", s.thesis},
                          {"before", s.was},
                          {"after", s.is}});
    json m = {{"before", d.before.present ? json(d.before.name) : json(nullptr)},
              {"after", d.after.present ? json(d.after.name) : json(nullptr)},
              {"same", d.same()},
              {"counts", n},
              {"changes", changes}};
    if (!style.semantics.empty())
      m["evaluation"] = {{"semantics", style.semantics}, {"changes", statuses}};
    maps.push_back(std::move(m));
  }
  json all = {{"same", same}, {"maps", maps}};
  return all.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string format_diff_markdown(const std::vector<map_diff>& diffs, const diff_style& style) {
  // Markdown table cells: no pipe, no line break, no markup from claim text.
  auto cell = [](const std::string& s) {
    std::string out;
    for (char ch : s) {
      if (ch == '|' || ch == '*' || ch == '_' || ch == '`' || ch == '[' || ch == ']' || ch == '<' ||
          ch == '>' || ch == '#' || ch == '~' || ch == '\\')
        out += '\\';
      out += ch == '\n' ? ' ' : ch;
    }
    return out;
  };
  auto link = [&](const place& p) {
    if (p.file.empty()) return std::string();
    std::string text = cell(shown(p));
    if (style.link.empty()) return text;
    return fmt::format("[{}]({}/{}{})", text, style.link, p.file,
                       p.line ? fmt::format("#L{}", p.line) : std::string());
  };
  auto rank = [](change_kind k) {
    switch (k) {
      case change_kind::claim_removed:
        return 0;
      case change_kind::claim_added:
        return 1;
      case change_kind::relation_kind_changed:
        return 2;
      case change_kind::relation_removed:
        return 3;
      case change_kind::relation_added:
        return 4;
      case change_kind::premises_joined:
      case change_kind::premises_split:
        return 5;
      case change_kind::text_changed:
        return 6;
      case change_kind::moved:
        return 7;
      default:
        return 8;
    }
  };
  static const std::map<change_kind, const char*> label = {
      {change_kind::section_added, "section added"},
      {change_kind::section_removed, "section removed"},
      {change_kind::section_renamed, "section renamed"},
      {change_kind::claim_added, "added"},
      {change_kind::claim_removed, "removed"},
      {change_kind::text_changed, "text"},
      {change_kind::id_changed, "id"},
      {change_kind::moved, "moved"},
      {change_kind::attributes_changed, "attributes"},
      {change_kind::tags_changed, "tags"},
      {change_kind::relation_added, "relation added"},
      {change_kind::relation_removed, "relation removed"},
      {change_kind::relation_kind_changed, "relation changed"},
      {change_kind::premises_joined, "reasons joined"},
      {change_kind::premises_split, "reason split"}};
  constexpr std::size_t most_rows = 30;
  std::string out = "### argmap diff\n\n";
  bool any = false;
  for (const map_diff& d : diffs) {
    if (d.same()) continue;
    any = true;
    out += fmt::format("**{}**: {}\n\n", cell(title_of(d)), counts({&d}));
    if (!d.statuses.empty()) {
      out += fmt::format("| | claim | {} |\n|---|---|---|\n", cell(style.semantics));
      for (const status_change& st : d.statuses)
        out +=
            fmt::format("| {} | {} | {} → {} |\n", st.thesis ? "⚠️ **thesis**" : "evaluation",
                        cell(claim_text(d.after.map.graph, st.after, 120)), st.was, st.is);
      out += "\n";
    }
    std::vector<const change*> order;
    for (const change& c : d.comparison.changes) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(), [&](const change* x, const change* y) {
      return rank(x->kind) < rank(y->kind);
    });
    out += "| | change | where |\n|---|---|---|\n";
    for (std::size_t k = 0; k < order.size() && k < most_rows; ++k) {
      const change& c = *order[k];
      const place was = where(d.before, c, false);
      const std::string at = mark(c.kind) == '-' && !was.file.empty() ? "was " + cell(shown(was))
                                                                      : link(shown_place(d, c));
      out += fmt::format("| {} | {} | {} |\n", label.at(c.kind), cell(say(d, c, 120)), at);
    }
    if (order.size() > most_rows)
      out += fmt::format("| | … and {} more (`argmap diff` lists them all) | |\n",
                         order.size() - most_rows);
    out += "\n";
  }
  if (!any) out += "No change in the argument.\n";
  return out;
}

std::string format_diff_github(const std::vector<map_diff>& diffs, const diff_style& style) {
  std::vector<diagnostic> notes;
  auto note = [&](std::string code, std::string message, const place& p) {
    diagnostic n;
    n.level = severity::note;
    n.code = std::move(code);
    n.message = std::move(message);
    n.file = p.file;
    n.range.line = p.line;
    n.range.col = p.line ? 1 : 0;
    notes.push_back(std::move(n));
  };
  for (const map_diff& d : diffs) {
    for (const change& c : d.comparison.changes) {
      const place was = where(d.before, c, false);
      std::string message = say(d, c, 200);
      if (mark(c.kind) == '-' && !was.file.empty()) message += " (was " + shown(was) + ")";
      note(engine::name_of(c.kind), message, anchor_after(d, c));
    }
    for (const status_change& st : d.statuses) {
      const source_range& r = d.after.map.graph.claims[st.after].range();
      note(
          "evaluation",
          fmt::format("{}{} under {}: {} -> {}", st.thesis ? "thesis " : "",
                      claim_text(d.after.map.graph, st.after, 120), style.semantics, st.was, st.is),
          {d.after.map.map.sources.files[r.file].name, r.line});
    }
  }
  return engine::format_github(notes);
}

}  // namespace argmap::cli
