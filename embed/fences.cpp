#include "embed/fences.hpp"

#include <optional>

namespace argmap::embed {

diagnostic at(const std::string& name, std::string_view line_text, std::size_t line,
              std::size_t col, std::size_t end_col, severity level, std::string code,
              std::string message) {
  diagnostic d;
  d.level = level;
  d.code = std::move(code);
  d.message = std::move(message);
  d.file = name;
  d.line_text = std::string(line_text);
  d.range = {0, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col),
             static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(end_col)};
  return d;
}

namespace {

using line_range = std::pair<std::size_t, std::size_t>;

std::size_t leading_spaces(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] == ' ') ++n;
  return n;
}

// An opening fence on `line`: its indentation, characters and info string.
struct opener {
  std::size_t indent = 0;
  std::string chars;
  std::string_view info;
  std::size_t info_column = 0;  // 1-based
};

std::optional<opener> opening_fence(std::string_view line) {
  std::size_t indent = leading_spaces(line);
  if (indent > 3 || indent >= line.size()) return std::nullopt;
  char c = line[indent];
  if (c != '`' && c != '~') return std::nullopt;
  std::size_t n = indent;
  while (n < line.size() && line[n] == c) ++n;
  if (n - indent < 3) return std::nullopt;
  std::string_view info = line.substr(n);
  if (c == '`' && info.find('`') != std::string_view::npos) return std::nullopt;
  std::size_t lead = 0;
  while (lead < info.size() && (info[lead] == ' ' || info[lead] == '\t')) ++lead;
  std::size_t trail = info.size();
  while (trail > lead && (info[trail - 1] == ' ' || info[trail - 1] == '\t')) --trail;
  return opener{indent, std::string(n - indent, c), info.substr(lead, trail - lead), n + lead + 1};
}

bool closes(std::string_view line, const std::string& chars) {
  std::size_t indent = leading_spaces(line);
  if (indent > 3) return false;
  std::size_t n = indent;
  while (n < line.size() && line[n] == chars[0]) ++n;
  if (n - indent < chars.size()) return false;
  for (; n < line.size(); ++n)
    if (line[n] != ' ' && line[n] != '\t') return false;
  return true;
}

bool key_char(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (!first && ((c >= '0' && c <= '9') || c == '-' || c == '_'));
}

// Splits `text` (starting at 1-based `column` of its line) into options.
// Pandoc's attribute forms `.class` and `#id` are skipped.
bool parse_options(std::string_view text, std::size_t column, std::vector<fence_option>& out,
                   std::string& why, std::size_t& where) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    std::size_t start = i;
    if (text[i] == '.' || text[i] == '#') {  // {.class #id}
      while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
      continue;
    }
    fence_option o;
    o.column = column + start;
    while (i < text.size() && key_char(text[i], i == start)) o.key += text[i++];
    if (o.key.empty() || (i < text.size() && text[i] != '=' && text[i] != ' ' && text[i] != '\t')) {
      why = "malformed option: write key=value, key=\"a value\" or a bare key";
      where = column + start;
      return false;
    }
    if (i < text.size() && text[i] == '=') {
      ++i;
      if (i < text.size() && text[i] == '"') {
        std::size_t close = text.find('"', i + 1);
        if (close == std::string_view::npos) {
          why = "this quoted value has no closing '\"'";
          where = column + i;
          return false;
        }
        o.value = std::string(text.substr(i + 1, close - i - 1));
        i = close + 1;
        if (i < text.size() && text[i] != ' ' && text[i] != '\t') {
          why = "put a space after the closing '\"'";
          where = column + i;
          return false;
        }
      } else {
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') o.value += text[i++];
      }
    } else {
      o.flag = true;
    }
    out.push_back(std::move(o));
  }
  return true;
}

// When `info` names an argmap block, the part holding its options (and the
// column it starts at); else nothing.
std::optional<std::pair<std::string_view, std::size_t>> argmap_options(std::string_view info,
                                                                       std::size_t column) {
  constexpr std::string_view word = "argmap";
  if (info.substr(0, word.size()) == word &&
      (info.size() == word.size() || info[word.size()] == ' ' || info[word.size()] == '\t'))
    return std::pair{info.substr(word.size()), column + word.size()};
  if (!info.empty() && info.front() == '{' && info.back() == '}') {
    std::string_view inner = info.substr(1, info.size() - 2);
    for (std::size_t i = 0; i < inner.size();) {
      std::size_t end = inner.find_first_of(" \t", i);
      if (end == std::string_view::npos) end = inner.size();
      if (inner.substr(i, end - i) == ".argmap") return std::pair{inner, column + 1};
      i = end + 1;
    }
  }
  return std::nullopt;
}

// A line that looks like an argmap fence but is not one: indented four
// spaces or more, or inside a block quote.
bool lost_fence(std::string_view line) {
  std::size_t i = 0;
  bool quoted = false;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) {
    quoted = quoted || line[i] == '>';
    ++i;
  }
  std::string_view rest = line.substr(i);
  bool fence = rest.substr(0, 3) == "```" || rest.substr(0, 3) == "~~~";
  if (!fence) return false;
  std::size_t n = 0;
  while (n < rest.size() && rest[n] == rest[0]) ++n;
  std::string_view info = rest.substr(n);
  while (!info.empty() && info.front() == ' ') info.remove_prefix(1);
  return (quoted || leading_spaces(line) >= 4) && argmap_options(info, 1).has_value();
}

}  // namespace

std::vector<line_range> split_lines(std::string_view text) {
  std::vector<line_range> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::size_t content_end = end > start && text[end - 1] == '\r' ? end - 1 : end;
    lines.emplace_back(start, content_end);
    start = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  return lines;
}

scan find_fences(std::string_view markdown, const std::string& name) {
  scan result;
  std::vector<line_range> lines = split_lines(markdown);
  auto line_at = [&](std::size_t i) {
    return markdown.substr(lines[i].first, lines[i].second - lines[i].first);
  };
  auto line_end = [&](std::size_t i) {  // offset after line i's newline
    return i + 1 < lines.size() ? lines[i + 1].first : markdown.size();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = line_at(i);
    std::optional<opener> open = opening_fence(line);
    if (!open) {
      if (lost_fence(line))
        result.diagnostics.push_back(at(
            name, line, i + 1, 1, line.size() + 1, severity::warning, "argmap-block-not-rendered",
            "this argmap block is indented four spaces or more, or quoted, so Markdown "
            "reads it as plain text: argmap md renders fences at most three spaces in"));
      continue;
    }
    std::size_t close = i + 1;
    while (close < lines.size() && !closes(line_at(close), open->chars)) ++close;
    auto options = argmap_options(open->info, open->info_column);
    if (!options) {
      i = close;  // another language's block: skipped whole
      continue;
    }
    fence f;
    f.open_line = i + 1;
    f.indent = open->indent;
    f.begin = lines[i].first;
    f.opening = open->chars;
    f.info = std::string(open->info);
    std::string why;
    std::size_t where = 0;
    if (!parse_options(options->first, options->second, f.options, why, where))
      result.diagnostics.push_back(
          at(name, line, i + 1, where, where + 1, severity::error, "argmap-block-option", why));
    if (close == lines.size()) {
      result.diagnostics.push_back(at(name, line, i + 1, open->indent + 1,
                                      open->indent + open->chars.size() + 1, severity::error,
                                      "argmap-block-unclosed",
                                      "this argmap block is never closed: end it with a line "
                                      "of " +
                                          open->chars));
      break;
    }
    for (std::size_t k = i + 1; k < close; ++k) {
      std::string_view content = line_at(k);
      std::size_t removed = std::min(leading_spaces(content), f.indent);
      if (k > i + 1) f.text += '\n';
      f.text += content.substr(removed);
      f.removed.push_back(removed);
    }
    if (close > i + 1) f.text += '\n';
    f.close_line = close + 1;
    f.end = line_end(close);
    result.fences.push_back(std::move(f));
    i = close;
  }
  return result;
}

}  // namespace argmap::embed
