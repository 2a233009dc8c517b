#pragma once
/// \file
/// Internal to render/: what a drawing says, without Graphviz. The boxes'
/// attributes and HTML-like labels, the arrows' strokes and the legend, as
/// text the Graphviz adapter (graphviz.cpp) sets on its objects.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/evaluate.hpp"
#include "engine/graph.hpp"
#include "render/plan.hpp"
#include "render/render.hpp"
#include "render/theme.hpp"
#include "render/view.hpp"

namespace argmap::render {

/// One Graphviz attribute: its name and its value.
using attribute = std::pair<const char*, std::string>;

/// The words and markup of one drawing of `g` (as `v` shows it, with `e`'s
/// evaluation when `e` is not null). Holds references to its arguments.
class markup {
 public:
  /// Prepares the drawing's markup: the claims' roles and the tags' colours.
  markup(const engine::argument_graph& g, const options& o, const theme& t, const view& v,
         const engine::evaluation* e);

  /// The attributes of claim `claim`'s box beyond the defaults, in the order
  /// to set them (a later one overrides an earlier one of the same name).
  std::vector<attribute> claim_attributes(std::size_t claim) const;

  /// Claim `claim`'s HTML-like label: mark, id, badge, text, strength bar,
  /// scheme, quote, tags and source, all user text escaped.
  std::string claim_label(std::size_t claim) const;

  /// How inference `inference`'s arrow is drawn: its kind's stroke, grey when
  /// the evaluation has the inference out.
  stroke inference_stroke(std::size_t inference) const;

  /// The legend's HTML-like table, or nothing when the drawing has no legend
  /// (`legend_mode` and what `arrows` draws decide).
  std::optional<std::string> legend(const std::vector<arrow>& arrows) const;

 private:
  bool labelled() const;
  bool strengths() const;
  std::string mark(engine::label l) const;
  std::string header_row(std::size_t index) const;
  std::string strength_row(double strength) const;
  std::string evidence_rows(const engine::claim_node& c) const;
  std::string href(std::string_view url) const;
  std::string tag_colour(const std::string& tag) const;
  bool tag_border(const engine::claim_node& c) const;
  std::string drawing_legend(const std::vector<arrow>& arrows) const;
  std::string evaluation_legend() const;
  engine::presence change_of(std::size_t claim) const;
  std::string change_badge(std::size_t claim) const;
  std::string change_legend() const;

  const engine::argument_graph& g_;
  const options& o_;
  const theme& t_;
  const view& v_;
  const engine::evaluation* e_;
  std::vector<int> roles_;
  std::map<std::string, std::size_t> tag_order_;
};

}  // namespace argmap::render
