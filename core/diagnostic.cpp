#include "core/diagnostic.hpp"

#include <fmt/format.h>

#include "core/utf8.hpp"

namespace argmap {

std::string_view to_string(severity s) {
  switch (s) {
    case severity::error:
      return "error";
    case severity::warning:
      return "warning";
    case severity::note:
      return "note";
  }
  return "error";
}

diagnostic make_diagnostic(const source_set& sources, const source_range& range, severity level,
                           std::string code, std::string message) {
  diagnostic d;
  d.level = level;
  d.code = std::move(code);
  d.message = std::move(message);
  if (range.file < sources.files.size()) {
    const source_file& f = sources.files[range.file];
    d.file = f.name;
    d.line_text = std::string(f.line_text(range.line));
  }
  d.range = range;
  return d;
}

diagnostic unplaced(severity level, std::string code, std::string file, std::string message) {
  diagnostic d;
  d.level = level;
  d.code = std::move(code);
  d.file = std::move(file);
  d.message = std::move(message);
  return d;
}

namespace {

const char* colour_of(severity s) {
  switch (s) {
    case severity::error:
      return "\x1b[1;31m";
    case severity::warning:
      return "\x1b[1;35m";
    case severity::note:
      return "\x1b[1;36m";
  }
  return "";
}

// Replaces control characters (tabs, NULs, ...) by one space each so that the
// caret line, which counts code points, stays aligned with what is printed.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    unsigned char u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 || u == 0x7f ? ' ' : c);
  }
  return out;
}

void format_one(std::string& out, const diagnostic& d, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const char* sev = color ? colour_of(d.level) : "";
  // File names and messages can quote the input: control characters in them
  // are written out, so that nothing a map holds acts on the terminal.
  std::string file = utf8::visible(d.file);
  std::string message = utf8::visible(d.message);
  if (d.range.line > 0) {
    out += fmt::format("{}{}:{}:{}: {}{}:{} {}{}\n", bold, file, d.range.line, d.range.col, sev,
                       to_string(d.level), reset, message, reset);
  } else if (!d.file.empty()) {
    out += fmt::format("{}{}: {}{}:{} {}\n", bold, file, sev, to_string(d.level), reset, message);
  } else {
    out += fmt::format("{}argmap: {}{}:{} {}\n", bold, sev, to_string(d.level), reset, message);
  }
  if (d.range.line > 0 && !d.line_text.empty()) {
    // Long lines are shown as a window around the column, so that a 1 MB line
    // does not flood the terminal.
    std::string text = printable(utf8::sanitize(d.line_text));
    std::size_t chars = utf8::length(text);
    std::size_t first_col = 1;  // column of the first character shown
    constexpr std::size_t window = 120;
    bool cut_left = false, cut_right = false;
    if (chars > window) {
      std::size_t want = d.range.col > 40 ? d.range.col - 40 : 1;
      if (want + window > chars + 1) want = chars + 1 > window ? chars + 1 - window : 1;
      first_col = want;
      cut_left = first_col > 1;
      cut_right = first_col + window <= chars;
      text = utf8::substr(text, first_col - 1, window);
    }
    std::string gutter = fmt::format("{:>5}", d.range.line);
    std::string pad(gutter.size(), ' ');
    out +=
        fmt::format("{} | {}{}{}\n", gutter, cut_left ? "..." : "", text, cut_right ? "..." : "");
    std::size_t caret_at = d.range.col >= first_col ? d.range.col - first_col : 0;
    if (cut_left) caret_at += 3;
    std::size_t width = 1;
    if (d.range.end_line == d.range.line && d.range.end_col > d.range.col + 1)
      width = d.range.end_col - d.range.col;
    if (width > window) width = window;
    std::string marks(width, '~');
    marks[0] = '^';
    out += fmt::format("{} | {}{}{}{}\n", pad, std::string(caret_at, ' '), color ? sev : "", marks,
                       reset);
  }
  for (const diagnostic& n : d.notes) format_one(out, n, color);
}

}  // namespace

std::string format_human(const diagnostic& d, bool color) {
  std::string out;
  format_one(out, d, color);
  return out;
}

std::string format_human(const std::vector<diagnostic>& ds, bool color) {
  std::string out;
  for (const diagnostic& d : ds) format_one(out, d, color);
  return out;
}

std::size_t count(const std::vector<diagnostic>& ds, severity level) {
  std::size_t n = 0;
  for (const diagnostic& d : ds) n += d.level == level;
  return n;
}

}  // namespace argmap
