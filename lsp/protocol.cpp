#include "lsp/protocol.hpp"

#include <filesystem>

#include "core/utf8.hpp"
#include "lsp/text.hpp"

namespace argmap::lsp {

namespace {

json position(std::string_view line_text, std::uint32_t line, std::uint32_t col) {
  if (line == 0) return {{"line", 0}, {"character", 0}};
  return {{"line", line - 1}, {"character", utf16_column(line_text, col)}};
}

std::string absolute(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

// The range of a diagnostic, which knows the text of its own line only.
json range_of(const diagnostic& d) {
  const source_range& r = d.range;
  std::uint32_t end_line = r.end_line ? r.end_line : r.line;
  std::uint32_t end_col = r.end_line ? r.end_col : r.col + 1;
  std::string_view end_text = end_line == r.line ? std::string_view(d.line_text) : "";
  return {{"start", position(d.line_text, r.line, r.col)},
          {"end", position(end_text, end_line, end_col)}};
}

}  // namespace

cursor cursor_at(std::string_view text, const json& position) {
  const std::uint32_t line = position.at("line"), character = position.at("character");
  const std::size_t start = offset_of(text, line, 0), at = offset_of(text, line, character);
  return {line + 1, utf8::column(text.substr(start), at - start), at};
}

json range_json(const source_set& sources, const source_range& r) {
  const source_file* f = r.file < sources.files.size() ? &sources.files[r.file] : nullptr;
  auto text_of = [&](std::uint32_t line) { return f ? f->line_text(line) : std::string_view(); };
  std::uint32_t end_line = r.end_line ? r.end_line : r.line;
  std::uint32_t end_col = r.end_line ? r.end_col : r.col + 1;
  return {{"start", position(text_of(r.line), r.line, r.col)},
          {"end", position(text_of(end_line), end_line, end_col)}};
}

std::string uri_of_file(const grammar::loaded_map& m, std::uint32_t file, const std::string& uri) {
  if (file == 0 || file >= m.sources.files.size()) return uri;
  return uri_of_path(absolute(m.sources.files[file].name));
}

json location_json(const grammar::loaded_map& m, const source_range& r, const std::string& uri) {
  return {{"uri", uri_of_file(m, r.file, uri)}, {"range", range_json(m.sources, r)}};
}

json diagnostic_json(const grammar::loaded_map& m, const diagnostic& d, const std::string& uri) {
  json j = {{"range", range_of(d)},
            {"severity", d.level == severity::error     ? 1
                         : d.level == severity::warning ? 2
                                                        : 3},
            {"code", d.code},
            {"source", "argmap"},
            {"message", d.message}};
  // Unnecessary (editors fade it): text that has no effect on the map.
  if (d.code == "unknown-attribute" || d.code == "empty-section") j["tags"] = {1};
  if (!d.notes.empty()) {
    j["relatedInformation"] = json::array();
    for (const diagnostic& n : d.notes)
      j["relatedInformation"].push_back(
          {{"location", {{"uri", uri_of_file(m, n.range.file, uri)}, {"range", range_of(n)}}},
           {"message", n.message}});
  }
  return j;
}

bool shares_a_line(const source_range& r, const json& lsp_range) {
  const std::uint32_t first = lsp_range.at("start").at("line"),
                      last = lsp_range.at("end").at("line");
  const std::uint32_t end_line = r.end_line ? r.end_line : r.line;
  return r.line != 0 && r.line <= last + 1 && first + 1 <= end_line;
}

}  // namespace argmap::lsp
