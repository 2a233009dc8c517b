// The names of formats, layouts and id displays, as the CLI and the docs use them.

#include "render/render.hpp"

namespace argmap::render {

std::optional<format> format_from_name(std::string_view name) {
  if (name == "svg") return format::svg;
  if (name == "png") return format::png;
  if (name == "pdf") return format::pdf;
  if (name == "dot") return format::dot;
  if (name == "html") return format::html;
  return std::nullopt;
}

std::optional<layout_engine> layout_from_name(std::string_view name) {
  if (name == "auto") return layout_engine::automatic;
  if (name == "dot") return layout_engine::dot;
  if (name == "tree") return layout_engine::tree;
  if (name == "flat") return layout_engine::flat;
  return std::nullopt;
}

std::optional<id_display> id_display_from_name(std::string_view name) {
  if (name == "referenced") return id_display::referenced;
  if (name == "all") return id_display::all;
  if (name == "none") return id_display::none;
  return std::nullopt;
}

const char* name_of(layout_engine l) {
  switch (l) {
    case layout_engine::automatic:
      return "auto";
    case layout_engine::dot:
      return "dot";
    case layout_engine::tree:
      return "tree";
    case layout_engine::flat:
      return "flat";
  }
  return "auto";
}

std::optional<page_size> page_from_name(std::string_view name) {
  if (name == "none") return page_size{};
  struct paper {
    std::string_view name;
    double width, height;  // portrait, points
  };
  static constexpr paper papers[] = {
      {"a4", 595.3, 841.9}, {"a3", 841.9, 1190.6}, {"letter", 612, 792}};
  for (const paper& p : papers) {
    if (name == p.name) return page_size{p.width, p.height, std::string(name)};
    if (name.size() == p.name.size() + 10 && name.substr(0, p.name.size()) == p.name &&
        name.substr(p.name.size()) == "-landscape")
      return page_size{p.height, p.width, std::string(name)};
  }
  return std::nullopt;
}

std::string node_name(std::size_t claim) {
  return "c" + std::to_string(claim);
}

const char* extension(format f) {
  switch (f) {
    case format::svg:
      return "svg";
    case format::png:
      return "png";
    case format::pdf:
      return "pdf";
    case format::dot:
      return "dot";
    case format::html:
      return "html";
  }
  return "svg";
}

}  // namespace argmap::render
