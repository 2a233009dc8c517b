#pragma once
/// \file
/// Colours and line styles of the four themes.

#include <string>
#include <string_view>

namespace argmap::render {

/// How one relation kind is drawn.
struct stroke {
  std::string color;  ///< Graphviz colour, e.g. "#2e7d32"
  std::string style;  ///< "solid", "dashed", "dotted" or "bold"
  std::string words;  ///< how the legend describes the line ("green arrow")
};

/// Everything a theme decides.
struct theme {
  std::string name;            ///< default, dark, mono, colorblind
  std::string background;      ///< page colour
  std::string text;            ///< claim text
  std::string muted;           ///< footnotes, tags, section titles
  std::string thesis_fill;     ///< boxes of claims that are no premise
  std::string support_fill;    ///< boxes of reasons
  std::string attack_fill;     ///< boxes of objections
  std::string border;          ///< box outline
  std::string cluster_border;  ///< section frame
  std::string badge_fill;      ///< `basis` badge background
  std::string link;            ///< source links
  std::string defeated_fill;   ///< boxes of claims evaluated out
  std::string strength_bar;    ///< dfquad strength bars
  stroke support;              ///< `+`
  stroke attack;               ///< `-`
  stroke undercut;             ///< `~`
  stroke contradiction;        ///< `!`
};

/// The theme called `name`, or nothing when there is no such theme.
const theme* find_theme(std::string_view name);

}  // namespace argmap::render
