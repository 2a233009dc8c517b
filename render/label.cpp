#include "render/label.hpp"

#include "grammar/attributes.hpp"

#include <cctype>

#include "core/utf8.hpp"

namespace argmap::render {

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // Control characters cannot be written in XML; show a space instead.
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    }
  }
  return out;
}

std::string escape_html(std::string_view text) {
  // Graphviz expands \N, \G, ... even inside HTML-like labels; a doubled
  // backslash comes out as one.
  std::string out;
  for (char c : escape_markup(text)) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string escape_esc_string(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out += '\\';
    out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  }
  return out;
}

std::vector<std::string> wrap(std::string_view text, unsigned width) {
  if (width == 0) width = 1;
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_chars = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    std::string_view word = text.substr(start, i - start);
    if (word.empty()) break;
    std::size_t chars = utf8::length(word);
    // Cut words that cannot fit on any line.
    while (chars > width) {
      if (line_chars > 0) {
        lines.push_back(std::move(line));
        line.clear();
        line_chars = 0;
      }
      std::string head = utf8::substr(word, 0, width);
      lines.push_back(head);
      word.remove_prefix(head.size());
      chars -= width;
    }
    if (line_chars > 0 && line_chars + 1 + chars > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_chars = 0;
    }
    if (line_chars > 0) {
      line += ' ';
      ++line_chars;
    }
    line += word;
    line_chars += chars;
  }
  if (line_chars > 0 || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

bool is_safe_url(std::string_view url) {
  return argmap::grammar::is_safe_url(url);
}

}  // namespace argmap::render
