// What a drawing says: box attributes, HTML-like labels, strokes and the
// legend. All user text is escaped here (render/label.hpp); nothing here
// knows Graphviz, so it is tested as plain strings.

#include "render/markup.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

#include <fmt/format.h>

#include "render/label.hpp"

namespace argmap::render {

namespace {

// The role that colours a claim's box: a reason (support) or an objection
// (attack or undercut), from the line that defines the claim; a co-premise
// or a top-level claim used elsewhere takes the kind of the first reason it
// is a premise of; a claim that is no premise is a thesis (-1).
std::vector<int> roles_of(const engine::argument_graph& g, const view& v) {
  std::vector<int> first(g.claims.size(), -1);
  for (std::size_t i = 0; i < g.inferences.size(); ++i) {
    if (!v.inferences[i]) continue;
    for (engine::claim_index p : g.inferences[i].premises)
      if (first[p] < 0) first[p] = static_cast<int>(g.inferences[i].kind);
  }
  std::vector<int> role(g.claims.size(), -1);
  for (std::size_t c = 0; c < g.claims.size(); ++c) {
    switch (g.claims[c].source->rel) {
      case ast::relation::support:
        role[c] = static_cast<int>(engine::inference_kind::support);
        break;
      case ast::relation::attack:
      case ast::relation::undercut:
      case ast::relation::contradiction:
        role[c] = static_cast<int>(engine::inference_kind::attack);
        break;
      default:
        role[c] = first[c];
    }
  }
  return role;
}

constexpr const char* table_start =
    "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
    "CELLPADDING=\"0\"><TR>";

}  // namespace

markup::markup(const engine::argument_graph& g, const options& o, const theme& t, const view& v,
               const engine::evaluation* e)
    : g_(g), o_(o), t_(t), v_(v), e_(e), roles_(roles_of(g, v)) {
  std::set<std::string> all_tags;
  for (const engine::claim_node& c : g_.claims) all_tags.insert(c.tags().begin(), c.tags().end());
  for (const std::string& tag : all_tags) tag_order_.emplace(tag, tag_order_.size());
}

bool markup::labelled() const {
  return e_ && !e_->claim_labels.empty();
}

bool markup::strengths() const {
  return e_ && !e_->claim_strengths.empty();
}

bool markup::tag_border(const engine::claim_node& c) const {
  return o_.tag_colors && !c.tags().empty() && t_.name != "mono";
}

std::vector<attribute> markup::claim_attributes(std::size_t claim) const {
  const engine::claim_node& c = g_.claims[claim];
  int role = roles_[claim];
  std::string fill = role < 0                                                    ? t_.thesis_fill
                     : role == static_cast<int>(engine::inference_kind::support) ? t_.support_fill
                                                                                 : t_.attack_fill;
  if (auto colour = c.attribute("color")) fill = std::string(*colour);
  std::vector<attribute> out{{"fillcolor", fill}, {"tooltip", escape_esc_string(c.id)}};
  if (tag_border(c)) {
    out.emplace_back("color", tag_colour(c.tags().front()));
    out.emplace_back("penwidth", "2");
  }
  if (labelled() && e_->claim_labels[claim] == engine::label::out) {
    out.emplace_back("fillcolor", t_.defeated_fill);
    out.emplace_back("fontcolor", t_.muted);
  } else if (labelled() && e_->claim_labels[claim] == engine::label::undec) {
    // Undecided must show at page zoom: a thick dashed border in the
    // undercut colour (unless tags colour the borders) and a '?' mark.
    out.emplace_back("style", "rounded,filled,dashed");
    out.emplace_back("penwidth", "2.6");
    if (!tag_border(c)) out.emplace_back("color", t_.undercut.color);
  }
  switch (change_of(claim)) {
    case engine::presence::added:
      out.emplace_back("color", t_.support.color);
      out.emplace_back("penwidth", "3");
      break;
    case engine::presence::changed:
      out.emplace_back("color", t_.undercut.color);
      out.emplace_back("penwidth", "3");
      break;
    case engine::presence::removed:
      out.emplace_back("style", "rounded,filled,dashed");
      out.emplace_back("fillcolor", t_.background);
      out.emplace_back("fontcolor", t_.muted);
      out.emplace_back("color", t_.muted);
      out.emplace_back("penwidth", "1.5");
      break;
    case engine::presence::same:
      break;
  }
  return out;
}

engine::presence markup::change_of(std::size_t claim) const {
  return claim < o_.claim_changes.size() ? o_.claim_changes[claim] : engine::presence::same;
}

// The badge of a claim in a drawing of a change: new, changed or removed.
std::string markup::change_badge(std::size_t claim) const {
  const char* word = nullptr;
  const std::string* colour = &t_.muted;
  switch (change_of(claim)) {
    case engine::presence::added:
      word = "new", colour = &t_.support.color;
      break;
    case engine::presence::changed:
      word = "changed", colour = &t_.undercut.color;
      break;
    case engine::presence::removed:
      word = "removed";
      break;
    case engine::presence::same:
      return "";
  }
  return fmt::format("<FONT POINT-SIZE=\"8\" COLOR=\"{}\"><B>{}</B></FONT>", *colour, word);
}

// The mark an evaluated claim carries: it stands, it is defeated, it is open.
std::string markup::mark(engine::label l) const {
  switch (l) {
    case engine::label::in:
      return fmt::format("<FONT COLOR=\"{}\"><B>\u2713 stands</B></FONT>", t_.support.color);
    case engine::label::out:
      return fmt::format("<FONT COLOR=\"{}\"><B>\u2717 defeated</B></FONT>", t_.muted);
    case engine::label::undec:
      return fmt::format("<FONT COLOR=\"{}\"><B>? undecided</B></FONT>", t_.undercut.color);
  }
  return "";
}

std::string markup::claim_label(std::size_t index) const {
  const engine::claim_node& c = g_.claims[index];
  std::string rows = header_row(index);
  bool defeated = (labelled() && e_->claim_labels[index] == engine::label::out) ||
                  change_of(index) == engine::presence::removed;
  std::string text;
  for (const std::string& line : wrap(c.text(), o_.wrap)) {
    // Defeated claims are struck through, line by line.
    text += (defeated ? "<S>" + escape_html(line) + "</S>" : escape_html(line)) +
            "<BR ALIGN=\"LEFT\"/>";
  }
  rows += fmt::format("<TR><TD ALIGN=\"LEFT\">{}</TD></TR>", text);
  if (strengths()) rows += strength_row(e_->claim_strengths[index]);
  rows += evidence_rows(c);
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">" + rows +
         "</TABLE>";
}

// The row above the text: the evaluation's mark, the id (as --ids says) and
// the basis badge; nothing when none of them is drawn.
std::string markup::header_row(std::size_t index) const {
  const engine::claim_node& c = g_.claims[index];
  std::string mark_text = labelled() ? mark(e_->claim_labels[index]) : change_badge(index);
  bool show_id = c.user_id && (o_.ids == id_display::all ||
                               (o_.ids == id_display::referenced && c.references > 0));
  std::string id_text = show_id ? "<B>" + escape_html(c.id) + "</B>" : "";
  // The mark and the id in cells of their own, a gap between: Graphviz
  // places each piece of text by its estimate of the font, and a browser's
  // bold font can run wider than that estimate.
  std::string header = mark_text.empty() || id_text.empty()
                           ? mark_text + id_text
                           : mark_text + "</TD><TD WIDTH=\"8\"></TD><TD ALIGN=\"LEFT\">" + id_text;
  std::string badge;
  if (auto basis = c.attribute("basis")) {
    badge = fmt::format(
        "<TD BGCOLOR=\"{}\" CELLPADDING=\"2\"><FONT POINT-SIZE=\"8\" COLOR=\"{}\">{}</FONT></TD>",
        t_.badge_fill, t_.text, escape_html(*basis));
  }
  if (header.empty() && badge.empty()) return "";
  // The id on the left, the basis badge after it, in a row of their own.
  std::string cells = fmt::format("<TD ALIGN=\"LEFT\">{}</TD>", header);
  if (!badge.empty()) cells += "<TD WIDTH=\"6\"></TD>" + badge;
  return fmt::format("{}{}</TR></TABLE></TD></TR>", table_start, cells);
}

// DF-QuAD's strength as a bar of 60 points and a number.
std::string markup::strength_row(double strength) const {
  int filled = static_cast<int>(std::lround(strength * 60));
  std::string bar = fmt::format("<TD BGCOLOR=\"{}\" WIDTH=\"{}\" HEIGHT=\"5\"></TD>",
                                t_.strength_bar, std::max(filled, 1));
  if (filled < 60)
    bar += fmt::format("<TD BGCOLOR=\"{}\" WIDTH=\"{}\" HEIGHT=\"5\"></TD>", t_.defeated_fill,
                       60 - filled);
  return fmt::format(
      "{}{}<TD WIDTH=\"4\"></TD><TD><FONT "
      "POINT-SIZE=\"8\">{:.2f}</FONT></TD></TR></TABLE></TD></TR>",
      table_start, bar, strength);
}

// The rows below the text: scheme, quote, tags, and the source (a link when
// its url is one argmap trusts).
std::string markup::evidence_rows(const engine::claim_node& c) const {
  std::string rows;
  if (auto scheme = c.attribute("scheme")) {
    rows += fmt::format(
        "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"{}\"><I>scheme: "
        "{}</I></FONT></TD></TR>",
        t_.muted, escape_html(*scheme));
  }
  if (auto quote = c.attribute("quote")) {
    std::string q;
    for (const std::string& line : wrap("\u201c" + std::string(*quote) + "\u201d", o_.wrap + 4))
      q += escape_html(line) + "<BR ALIGN=\"LEFT\"/>";
    rows += fmt::format(
        "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"{}\"><I>{}</I></FONT></TD></TR>",
        t_.muted, q);
  }
  if (!c.tags().empty()) {
    std::string tags;
    for (const std::string& tag : c.tags()) {
      tags += fmt::format("<FONT COLOR=\"{}\">{}#{}</FONT>", tag_colour(tag),
                          tags.empty() ? "" : " ", escape_html(tag));
    }
    rows += fmt::format("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\">{}</FONT></TD></TR>", tags);
  }
  auto source = c.attribute("source");
  auto url = c.attribute("url");
  if (source || url) {
    std::string words = source ? std::string(*source) : std::string(*url);
    std::string note;
    for (const std::string& line : wrap("Source: " + words, o_.wrap + 8))
      note += escape_html(line) + "<BR ALIGN=\"LEFT\"/>";
    if (url && is_safe_url(*url)) {
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\" HREF=\"{}\" TITLE=\"{}\"><FONT POINT-SIZE=\"8\" "
          "COLOR=\"{}\"><U>{}</U></FONT></TD></TR>",
          href(*url), escape_html(*url), t_.link, note);
    } else {
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"{}\">{}</FONT></TD></TR>",
          t_.muted, note);
    }
  }
  return rows;
}

// A link target for an HREF attribute. Graphviz 2.42 copies HREF into the
// SVG's xlink:href without XML-escaping it, so for SVG the '&' of a query
// string is escaped twice: once for the label parser, once for the SVG.
std::string markup::href(std::string_view url) const {
  std::string once = escape_html(url);
  if (o_.output != format::svg) return once;
  std::string twice;
  for (char c : once) twice += c == '&' ? std::string("&amp;") : std::string(1, c);
  return twice;
}

// With --tag-colors, each tag gets a colour of the Okabe-Ito palette, by
// the tag's place in the sorted list of the map's tags (so the same map
// always gives the same colours); otherwise tags are muted text.
std::string markup::tag_colour(const std::string& tag) const {
  static const char* palette[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                  "#e69f00", "#56b4e9", "#b8a000"};
  if (!o_.tag_colors || t_.name == "mono") return t_.muted;
  auto it = tag_order_.find(tag);
  if (it == tag_order_.end()) return t_.muted;
  return palette[it->second % std::size(palette)];
}

stroke markup::inference_stroke(std::size_t inference) const {
  const stroke* s = &t_.support;
  if (g_.inferences[inference].kind == engine::inference_kind::attack) s = &t_.attack;
  if (g_.inferences[inference].kind == engine::inference_kind::undercut) s = &t_.undercut;
  if (inference < o_.inference_changes.size()) {
    switch (o_.inference_changes[inference]) {
      case engine::presence::added:
      case engine::presence::changed:
        return {s->color, "bold", s->words};
      case engine::presence::removed:
        return {t_.muted, "dotted", s->words};
      case engine::presence::same:
        break;
    }
  }
  // An inference evaluated out is drawn grey: it does not carry its premises.
  if (!labelled() || e_->inference_labels[inference] != engine::label::out) return *s;
  return {t_.muted, s->style == "bold" ? "solid" : s->style, s->words};
}

std::optional<std::string> markup::legend(const std::vector<arrow>& arrows) const {
  bool kinds[4] = {false, false, false, false};
  for (std::size_t i = 0; i < g_.inferences.size(); ++i)
    if (v_.inferences[i]) kinds[static_cast<int>(g_.inferences[i].kind)] = true;
  for (std::size_t i = 0; i < g_.contradictions.size(); ++i)
    if (v_.contradictions[i]) kinds[3] = true;
  int used = kinds[0] + kinds[1] + kinds[2] + kinds[3];
  bool show =
      o_.legend == legend_mode::on || (o_.legend == legend_mode::automatic &&
                                       (used > 1 || e_ != nullptr || !o_.claim_changes.empty()));
  if (!show) return std::nullopt;
  struct entry {
    bool used;
    const stroke* s;
    const char* what;
  };
  const entry entries[] = {{kinds[0], &t_.support, "supports"},
                           {kinds[1], &t_.attack, "attacks"},
                           {kinds[2], &t_.undercut, "undercuts an inference"},
                           {kinds[3], &t_.contradiction, "contradicts"}};
  std::string rows;
  for (const entry& e : entries) {
    if (!e.used && o_.legend != legend_mode::on) continue;
    rows += fmt::format(
        "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\"><B>{}</B></FONT></TD>"
        "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD></TR>",
        e.s->color, escape_html(e.what), t_.text, escape_html(e.s->words));
  }
  rows += drawing_legend(arrows);
  rows += change_legend();
  rows += evaluation_legend();
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">" + rows +
         "</TABLE>";
}

// Rows for what the boxes show: their fills, the basis badge, a box's own
// colour, tag borders, and the dot where a linked reason's premises meet;
// only what this drawing uses.
std::string markup::drawing_legend(const std::vector<arrow>& arrows) const {
  auto row = [&](const std::string& what, const std::string& fill, const std::string& words) {
    return fmt::format(
        "<TR><TD ALIGN=\"LEFT\"{}><FONT COLOR=\"{}\">{}</FONT></TD>"
        "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD></TR>",
        fill.empty() ? "" : fmt::format(" BGCOLOR=\"{}\"", fill), t_.text, what, t_.text,
        escape_html(words));
  };
  bool fills[3] = {false, false, false};  // thesis, reason, objection
  bool badge = false, own_colour = false, tagged = false;
  for (std::size_t i = 0; i < g_.claims.size(); ++i) {
    if (!v_.claims[i]) continue;
    const engine::claim_node& c = g_.claims[i];
    if (c.attribute("color"))
      own_colour = true;
    else
      fills[roles_[i] < 0                                                    ? 0
            : roles_[i] == static_cast<int>(engine::inference_kind::support) ? 1
                                                                             : 2] = true;
    badge = badge || c.attribute("basis").has_value();
    tagged = tagged || !c.tags().empty();
  }
  bool dots = std::find(arrows.begin(), arrows.end(), arrow::junction) != arrows.end();
  std::string rows;
  if (fills[0]) rows += row("thesis", t_.thesis_fill, "a claim that is no premise of another");
  if (fills[1]) rows += row("reason", t_.support_fill, "a claim given as a reason for another");
  if (fills[2]) rows += row("objection", t_.attack_fill, "a claim given against another");
  if (own_colour) rows += row("own colour", "", "a box coloured by its color attribute");
  if (badge)
    rows += row("<FONT POINT-SIZE=\"8\">basis</FONT>", t_.badge_fill,
                "badge: the kind of evidence (basis)");
  if (o_.tag_colors && tagged && t_.name != "mono")
    rows += row("tag colours", "", "a thick border: the colour of the claim's first tag");
  if (dots) rows += row("\u25CF", "", "where a reason's premises meet, or an undercut lands");
  return rows;
}

// Rows for a drawing of a change: what the outlines and arrows mean.
std::string markup::change_legend() const {
  if (o_.claim_changes.empty()) return "";
  auto row = [&](const std::string& what, const std::string& words) {
    return fmt::format(
        "<TR><TD ALIGN=\"LEFT\">{}</TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD></TR>",
        what, t_.text, escape_html(words));
  };
  auto coloured = [&](const std::string& colour, const char* words) {
    return fmt::format("<FONT COLOR=\"{}\"><B>{}</B></FONT>", colour, words);
  };
  return fmt::format(
             "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT "
             "COLOR=\"{}\"><I>changes</I></FONT></TD></TR>",
             t_.muted) +
         row(coloured(t_.support.color, "new"),
             "a claim the old version lacks: thick green outline") +
         row(coloured(t_.undercut.color, "changed"),
             "its text, id, place, attributes or tags changed: thick orange outline") +
         row(coloured(t_.muted, "removed"),
             "a claim the new version lacks, where it was: dashed, struck through") +
         row(coloured(t_.text, "bold arrow"),
             "a new reason, or one whose kind or premises changed") +
         row(coloured(t_.muted, "dotted arrow"), "a reason the new version lacks");
}

std::string markup::evaluation_legend() const {
  if (!e_) return "";
  auto row = [&](const std::string& what, const std::string& words) {
    return fmt::format(
        "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\"><B>{}</B></FONT></TD>"
        "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD></TR>",
        t_.text, escape_html(what), t_.text, escape_html(words));
  };
  std::string title = fmt::format(
      "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT COLOR=\"{}\"><I>evaluated: "
      "{}</I></FONT></TD></TR>",
      t_.muted, name_of(e_->used));
  if (strengths())
    return title + row("strength", "bar and number: 0 (defeated) to 1 (fully accepted)");
  bool sets = e_->used == engine::semantics::preferred || e_->used == engine::semantics::stable;
  auto marked = [&](engine::label l, const std::string& words) {
    return fmt::format(
        "<TR><TD ALIGN=\"LEFT\">{}</TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD></TR>",
        mark(l), t_.text, escape_html(words));
  };
  return title + marked(engine::label::in, sets ? "accepted in every extension" : "accepted: in") +
         marked(engine::label::out, sets ? "in no extension: grey, struck through"
                                         : "defeated: out, grey, struck through") +
         marked(engine::label::undec, sets ? "in some extensions only: thick dashed border"
                                           : "undecided: undec, thick dashed border") +
         row("grey arrow", sets ? "a reason in no extension" : "a reason that is out");
}

}  // namespace argmap::render
