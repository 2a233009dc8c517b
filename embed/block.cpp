#include "embed/block.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "grammar/load.hpp"

namespace argmap::embed {

diagnostic on_fence(const fence& f, std::string_view line, std::size_t column, severity level,
                    std::string code, std::string message, const std::string& name) {
  return at(name, line, f.open_line, column, column + 1, level, std::move(code),
            std::move(message));
}

namespace {

bool whole_number(const std::string& text, unsigned lo, unsigned hi, unsigned& out) {
  unsigned v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) return false;
  out = v;
  return true;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Moves a diagnostic of the block's own text (file 0, lines counted from
// the block's first line) to the document's lines and columns: the block
// starts on the line after the fence, and each of its lines lost up to the
// fence's indentation.
void relocate(diagnostic& d, const fence& f, const std::vector<std::string_view>& lines) {
  if (d.range.file != 0 || d.range.line == 0 || d.range.line > f.removed.size() + 1) return;
  auto shift = [&](source_range& r) {
    std::size_t index = r.line - 1;
    auto removed = static_cast<std::uint32_t>(index < f.removed.size() ? f.removed[index] : 0);
    r.col += removed;
    if (r.end_line == r.line) r.end_col += removed;
    auto offset = static_cast<std::uint32_t>(f.open_line);
    r.line += offset;
    if (r.end_line != 0) r.end_line += offset;
  };
  shift(d.range);
  d.line_text = std::string(lines[d.range.line - 1]);
  for (fix& x : d.fixes)
    if (x.range.file == 0 && x.range.line != 0) shift(x.range);
  for (diagnostic& n : d.notes) relocate(n, f, lines);
}

}  // namespace

const std::vector<std::string>& block_option_names() {
  static const std::vector<std::string> names = {
      "file",      "alt",    "details", "focus", "depth", "section", "tags",      "theme",
      "direction", "legend", "layout",  "eval",  "wrap",  "ids",     "tag-colors"};
  return names;
}

block_settings read_settings(const fence& f, std::string_view fence_line,
                             const document_options& options, std::vector<diagnostic>& out) {
  block_settings s;
  s.drawing = options.drawing;
  s.details = options.details;
  for (const fence_option& o : f.options) {
    auto bad = [&](const std::string& why) {
      out.push_back(on_fence(f, fence_line, o.column, severity::error, "argmap-block-option",
                             fmt::format("{}: {}", o.key, why), options.name));
    };
    auto needs_value = [&] {
      if (o.flag || o.value.empty()) bad("needs a value (" + o.key + "=...)");
      return !o.flag && !o.value.empty();
    };
    auto one_of = [&](const std::vector<std::string>& allowed) {
      if (!needs_value()) return false;
      if (std::find(allowed.begin(), allowed.end(), o.value) != allowed.end()) return true;
      bad("'" + o.value + "' is not one of " + joined(allowed));
      return false;
    };
    s.key += o.key + "=" + o.value + (o.flag ? "!" : "") + "\n";
    if (o.key == "file") {
      if (needs_value()) s.file = o.value, s.file_column = o.column;
    } else if (o.key == "alt") {
      if (needs_value()) s.alt = o.value;
    } else if (o.key == "details") {
      if (o.flag || o.value == "true")
        s.details = true;
      else if (o.value == "false")
        s.details = false;
      else
        bad("write details, details=true or details=false");
    } else if (o.key == "focus") {
      if (needs_value()) s.drawing.focus = o.value;
    } else if (o.key == "depth") {
      if (needs_value() && !whole_number(o.value, 0, 1000, s.drawing.depth))
        bad("a whole number from 0 to 1000");
    } else if (o.key == "wrap") {
      if (needs_value() && !whole_number(o.value, 10, 200, s.drawing.wrap))
        bad("a whole number from 10 to 200");
    } else if (o.key == "section") {
      if (needs_value()) s.drawing.section = o.value;
    } else if (o.key == "tags") {
      if (!needs_value()) continue;
      s.drawing.tags.clear();
      for (std::size_t i = 0; i <= o.value.size();) {
        std::size_t comma = std::min(o.value.find(',', i), o.value.size());
        if (comma > i) s.drawing.tags.push_back(o.value.substr(i, comma - i));
        i = comma + 1;
      }
    } else if (o.key == "theme") {
      if (one_of(render::theme_names())) s.drawing.theme = o.value;
    } else if (o.key == "direction") {
      if (one_of({"TB", "BT", "LR", "RL"})) s.drawing.direction = o.value;
    } else if (o.key == "legend") {
      if (one_of({"auto", "on", "off"}))
        s.drawing.legend = o.value == "on"    ? render::legend_mode::on
                           : o.value == "off" ? render::legend_mode::off
                                              : render::legend_mode::automatic;
    } else if (o.key == "layout") {
      if (one_of({"auto", "dot", "tree", "flat"}))
        s.drawing.layout = *render::layout_from_name(o.value);
    } else if (o.key == "ids") {
      if (one_of({"referenced", "all", "none"}))
        s.drawing.ids = *render::id_display_from_name(o.value);
    } else if (o.key == "eval") {
      if (one_of({"grounded", "preferred", "stable", "dfquad"}))
        s.eval = engine::semantics_from_name(o.value);
    } else if (o.key == "tag-colors") {
      if (o.flag || o.value == "true")
        s.drawing.tag_colors = true;
      else if (o.value == "false")
        s.drawing.tag_colors = false;
      else
        bad("write tag-colors, tag-colors=true or tag-colors=false");
    } else {
      bad("unknown option; a block takes " + joined(block_option_names()));
    }
  }
  return s;
}

engine::checked_map check_block(const fence& f, const block_settings& settings,
                                const std::vector<std::string_view>& lines,
                                const document_options& options) {
  grammar::disk_loader loader(options.check.max_file_size, options.check.include_root);
  std::string_view fence_line = lines[f.open_line - 1];
  if (settings.file.empty()) {
    engine::checked_map m = engine::check_text(options.name, f.text, loader, options.check);
    for (diagnostic& d : m.diagnostics) relocate(d, f, lines);
    return m;
  }
  engine::checked_map m;
  auto refuse = [&](const std::string& why) {
    m.unreadable = true;
    m.diagnostics.push_back(on_fence(f, fence_line, settings.file_column, severity::error,
                                     "argmap-block-file", why, options.name));
    return std::move(m);
  };
  if (f.text.find_first_not_of(" \t\r\n") != std::string::npos)
    return refuse("a block with file= draws that file: leave the block empty");
  std::string path = options.name == "<stdin>"
                         ? grammar::resolve_include("./-", settings.file)
                         : grammar::resolve_include(options.name, settings.file);
  // file= obeys the rule includes do: nothing outside the include root
  // (the nearest folder above the document holding .git), so a document
  // cannot draw, and show lines of, a file from elsewhere on the machine.
  loader.start(options.name);
  diagnostic why;
  if (!loader.may_include(path, why))
    return refuse(fmt::format("cannot draw '{}': {}", settings.file, why.message));
  // check_file would look for the include root from the file itself: give
  // it the document's, so the file's own includes obey the same rule.
  engine::check_options same = options.check;
  same.include_root = loader.include_root();
  grammar::disk_loader rooted(same.max_file_size, same.include_root, false);
  m = engine::check_file(path, rooted, same);
  if (m.unreadable) {
    std::string message = m.diagnostics.empty() ? "cannot read it" : m.diagnostics.front().message;
    m.diagnostics.clear();
    return refuse(message);
  }
  return m;
}

}  // namespace argmap::embed
