#include "embed/document.hpp"

#include <fmt/format.h>

#include "core/percent.hpp"
#include "embed/block.hpp"
#include "io/folder.hpp"

namespace argmap::embed {

namespace {

constexpr std::string_view begin_marker = "<!-- argmap-md ";
constexpr std::string_view end_marker = "<!-- /argmap-md -->";
constexpr std::string_view details_open = "<details><summary>argmap source</summary>";
constexpr std::string_view details_close = "</details>";

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A drawing's hash: argmap's version, the block's options, and every file
// of its map (the block itself by its text alone, so moving a
// block in the document does not change its drawing).
std::string drawing_hash(const document_options& options, const block_settings& settings,
                         const fence& f, const engine::checked_map& m) {
  std::string key = options.version + "\n" + settings.key;
  auto add = [&key](std::string_view part) {
    key += std::to_string(part.size());
    key += ':';
    key += part;
  };
  add(options.drawing.theme);
  add(options.drawing.direction);
  add(options.assets_link);
  add(options.stem);
  add(std::to_string(static_cast<int>(options.where)));
  for (std::size_t i = 0; i < m.map.sources.files.size(); ++i) {
    const source_file& file = m.map.sources.files[i];
    add(file.name);
    add(i == 0 && settings.file.empty() ? std::string_view(f.text) : std::string_view(file.text));
  }
  return fmt::format("{:016x}", io::content_hash(key));
}

std::string alt_text(const block_settings& settings, const engine::checked_map& m) {
  std::string alt = settings.alt;
  if (alt.empty())
    for (const ast::attribute& a : m.graph.metadata)
      if (a.key == "title") alt = a.value;
  if (alt.empty()) alt = "argument map";
  std::string out;
  for (char c : alt) {
    if (c == '\n' || c == '\r') c = ' ';
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The SVG as raw HTML in Markdown: from `<svg` on, no blank line (which
// would end the HTML block), its ids made unique in the page.
std::string inline_svg(std::string_view svg, const std::string& hash) {
  std::size_t start = svg.find("<svg");
  if (start == std::string_view::npos) start = 0;
  std::string out = "<div class=\"argmap\" style=\"max-width:100%;overflow:auto\">\n";
  std::string prefix = " id=\"argmap-" + hash.substr(0, 8) + "-";
  for (auto [b, e] : split_lines(svg.substr(start))) {
    std::string_view line = svg.substr(start + b, e - b);
    if (blank(line)) continue;
    for (std::size_t i = 0; i < line.size();) {
      std::size_t at = line.find(" id=\"", i);
      if (at == std::string_view::npos) {
        out += line.substr(i);
        break;
      }
      out += line.substr(i, at - i);
      out += prefix;
      i = at + 5;
    }
    out += '\n';
  }
  return out + "</div>\n";
}

// An earlier run's drawing of a block (--in-place): the marked region above
// the fence, and the <details> wrapped around it.
struct earlier {
  std::size_t begin = 0;  // byte offset where the replaced part starts
  std::size_t end = 0;    // byte offset where it ends
  std::string hash;       // the hash the region was drawn from
  std::string region;     // the region's text (marker lines included)
};

earlier find_earlier(std::string_view md,
                     const std::vector<std::pair<std::size_t, std::size_t>>& lines, const fence& f,
                     std::size_t floor_line) {
  earlier e{f.begin, f.end, {}, {}};
  auto text = [&](std::size_t i) {
    return md.substr(lines[i].first, lines[i].second - lines[i].first);
  };
  auto line_end = [&](std::size_t i) {
    return i + 1 < lines.size() ? lines[i + 1].first : md.size();
  };
  std::size_t i = f.open_line - 1;  // the fence's line (0-based)
  auto back_over_blanks = [&](std::size_t k) {
    while (k > floor_line && blank(text(k - 1))) --k;
    return k;  // the line after the last non-blank one above
  };
  std::size_t k = back_over_blanks(i);
  bool wrapped = k > floor_line && trimmed(text(k - 1)) == details_open;
  std::size_t above = wrapped ? back_over_blanks(k - 1) : k;
  if (above == floor_line || trimmed(text(above - 1)) != end_marker) return e;
  std::size_t start = above - 1;
  while (start > floor_line && text(start).substr(0, begin_marker.size()) != begin_marker) --start;
  if (text(start).substr(0, begin_marker.size()) != begin_marker) return e;
  std::string_view rest = text(start).substr(begin_marker.size());
  e.hash = std::string(rest.substr(0, std::min(rest.find_first_of(" :"), rest.size())));
  e.begin = lines[start].first;
  e.region = std::string(md.substr(e.begin, line_end(above - 1) - e.begin));
  if (wrapped) {
    std::size_t after = f.close_line;  // 0-based index of the line after the fence
    while (after < lines.size() && blank(text(after))) ++after;
    if (after < lines.size() && trimmed(text(after)) == details_close)
      e.end = line_end(after);
    else
      e.end = f.end;  // not ours after all: the region alone is replaced
  }
  return e;
}

}  // namespace

bool document::ok() const {
  return count(diagnostics, severity::error) == 0;
}

document draw_document(std::string_view markdown, const document_options& options,
                       const std::function<bool(const std::string& name)>& asset_exists) {
  document out;
  scan found = find_fences(markdown, options.name);
  out.diagnostics = std::move(found.diagnostics);
  out.blocks = found.fences.size();
  auto ranges = split_lines(markdown);
  std::vector<std::string_view> lines;
  lines.reserve(ranges.size());
  for (auto [b, e] : ranges) lines.push_back(markdown.substr(b, e - b));
  std::optional<render::renderer> renderer;
  std::size_t copied = 0;      // markdown bytes handled so far
  std::size_t floor_line = 0;  // lines above this belong to an earlier block
  for (const fence& f : found.fences) {
    std::string_view fence_line = lines[f.open_line - 1];
    std::size_t errors_before = count(out.diagnostics, severity::error);
    block_settings settings = read_settings(f, fence_line, options, out.diagnostics);
    earlier old = options.keep_blocks ? find_earlier(markdown, ranges, f, floor_line)
                                      : earlier{f.begin, f.end, {}, {}};
    floor_line = f.close_line;
    if (count(out.diagnostics, severity::error) > errors_before) continue;
    engine::checked_map m = check_block(f, settings, lines, options);
    for (diagnostic& d : m.diagnostics) out.diagnostics.push_back(std::move(d));
    if (m.unreadable || m.errors() > 0) continue;
    std::string hash = drawing_hash(options, settings, f, m);
    std::string name = options.stem + "-" + hash + ".svg";
    std::string drawing;
    bool files = options.where == placement::files;
    if (files) out.referenced.push_back(name);
    if (old.hash == hash && (!files || asset_exists(name))) {
      ++out.reused;
      drawing = old.region;  // the earlier run's region, kept as it is (+ a blank line)
    } else if (files && asset_exists(name)) {
      ++out.reused;
    } else {
      std::optional<engine::evaluation> e;
      if (settings.eval) {
        e = engine::evaluate(m.graph, *settings.eval);
        if (!e->ok()) {
          out.diagnostics.push_back(on_fence(f, fence_line, 1, severity::error, "argmap-block-eval",
                                             e->problem->message, options.name));
          continue;
        }
      }
      render::options opts = settings.drawing;
      opts.output = render::format::svg;
      for (const ast::attribute& a : m.graph.metadata)
        if (a.key == "title") opts.title = a.value;
      if (!renderer) renderer.emplace(false);
      render::result r = renderer->render(m.graph, opts, e ? &*e : nullptr);
      for (diagnostic d : r.diagnostics) {
        if (d.range.line == 0) {  // about the block as a whole: place it on the fence
          d.file = options.name;
          d.line_text = std::string(fence_line);
          d.range = {0, static_cast<std::uint32_t>(f.open_line), 1,
                     static_cast<std::uint32_t>(f.open_line),
                     static_cast<std::uint32_t>(fence_line.size() + 1)};
        }
        out.diagnostics.push_back(std::move(d));
      }
      if (!r.ok()) continue;
      ++out.drawn;
      if (files)
        out.assets.push_back({name, std::string(r.bytes.begin(), r.bytes.end())});
      else
        drawing = inline_svg(std::string_view(r.bytes.data(), r.bytes.size()), hash);
    }
    if (files && drawing.empty()) {
      std::string link = options.assets_link.empty() ? name : options.assets_link + "/" + name;
      drawing = fmt::format("![{}]({})\n", alt_text(settings, m), percent_encode(link));
    }
    bool region_kept = !old.region.empty() && drawing == old.region;
    // What replaces [old.begin, old.end): blank lines kept around a block.
    std::string part;
    if (old.begin >= 2) {
      std::size_t prev = markdown.rfind('\n', old.begin - 2);
      prev = prev == std::string_view::npos ? 0 : prev + 1;
      if (!blank(markdown.substr(prev, old.begin - 1 - prev))) part += '\n';
    }
    if (options.keep_blocks && !region_kept)
      part += fmt::format("{}{}: drawn by argmap md from the block below -->\n{}{}\n", begin_marker,
                          hash, drawing, end_marker);
    else
      part += drawing;
    std::string_view block = markdown.substr(f.begin, f.end - f.begin);
    std::string_view newline = !block.empty() && block.back() == '\n' ? "" : "\n";
    if (settings.details)
      part += fmt::format("\n{}\n\n{}{}\n{}\n", details_open, block, newline, details_close);
    else if (options.keep_blocks)
      part += fmt::format("\n{}{}", block, newline);
    if (old.end < markdown.size()) {
      std::size_t nl = std::min(markdown.find('\n', old.end), markdown.size());
      if (!blank(markdown.substr(old.end, nl - old.end))) part += '\n';
    }
    out.markdown.append(markdown.substr(copied, old.begin - copied));
    out.markdown += part;
    copied = old.end;
  }
  out.markdown.append(markdown.substr(copied));
  return out;
}

}  // namespace argmap::embed
