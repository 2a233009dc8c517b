#include "render/theme.hpp"

#include <array>

#include "render/render.hpp"

namespace argmap::render {

namespace {

// Colours: Rationale-style green reasons and red objections on light boxes;
// the colour-blind theme uses the Okabe-Ito palette; mono tells relations
// apart by line style alone.
const std::array<theme, 4> themes = {{
    {"default", "white", "#1a1a1a", "#5f6368", "#e8f0fe", "#e6f4ea", "#fce8e6", "#5f6368",
     "#9aa0a6", "#fef7e0", "#1a56c4", "#f1f3f4", "#1a73e8",
     {"#188038", "solid", "green arrow"},
     {"#c5221f", "solid", "red arrow"},
     {"#e37400", "dashed", "dashed orange arrow onto the inference"},
     {"#c5221f", "bold", "bold red double arrow"}},
    {"dark", "#202124", "#e8eaed", "#9aa0a6", "#283a5b", "#1e3a2a", "#4a2424", "#9aa0a6",
     "#5f6368", "#4d4420", "#8ab4f8", "#303134", "#8ab4f8",
     {"#81c995", "solid", "green arrow"},
     {"#f28b82", "solid", "red arrow"},
     {"#fdd663", "dashed", "dashed yellow arrow onto the inference"},
     {"#f28b82", "bold", "bold red double arrow"}},
    {"mono", "white", "black", "#555555", "white", "white", "#eeeeee", "black", "#777777",
     "#dddddd", "black", "#eeeeee", "#555555",
     {"black", "solid", "solid arrow"},
     {"black", "dashed", "dashed arrow"},
     {"black", "dotted", "dotted arrow onto the inference"},
     {"black", "bold", "bold double arrow"}},
    {"colorblind", "white", "#1a1a1a", "#555555", "#e8f1f8", "#e0eef7", "#fbe6d9", "#555555",
     "#999999", "#f9efd6", "#0072b2", "#eeeeee", "#0072b2",
     {"#0072b2", "solid", "blue arrow"},
     {"#d55e00", "solid", "vermilion arrow"},
     {"#e69f00", "dashed", "dashed orange arrow onto the inference"},
     {"#cc79a7", "bold", "bold purple double arrow"}},
}};

}  // namespace

const theme* find_theme(std::string_view name) {
  for (const theme& t : themes)
    if (t.name == name) return &t;
  return nullptr;
}

const std::vector<std::string>& theme_names() {
  static const std::vector<std::string> names = {"default", "dark", "mono", "colorblind"};
  return names;
}

}  // namespace argmap::render
