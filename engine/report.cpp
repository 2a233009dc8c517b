#include "engine/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "grammar/utf8.hpp"

namespace argmap {

namespace {

nlohmann::ordered_json to_json(const diagnostic& d, bool with_notes) {
  nlohmann::ordered_json j;
  j["file"] = d.file;
  j["line"] = d.line;
  j["column"] = d.col;
  j["end_line"] = d.end_line;
  j["end_column"] = d.end_col;
  j["severity"] = std::string(to_string(d.level));
  j["code"] = d.code;
  j["message"] = d.message;
  if (with_notes) {
    j["notes"] = nlohmann::ordered_json::array();
    for (const diagnostic& n : d.notes) j["notes"].push_back(to_json(n, false));
  }
  return j;
}

// Workflow-command escaping: data escapes %, CR and LF; property values also ':' and ','.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

void github_one(std::string& out, const diagnostic& d) {
  const char* command = d.level == severity::error     ? "error"
                        : d.level == severity::warning ? "warning"
                                                       : "notice";
  out += fmt::format("::{} file={}", command, utf8::visible(escape_property(d.file)));
  if (d.line > 0) {
    out += fmt::format(",line={},col={}", d.line, d.col);
    if (d.end_line > 0) out += fmt::format(",endLine={},endColumn={}", d.end_line, d.end_col);
  }
  out += fmt::format(",title={}::{}\n", escape_property("argmap(" + d.code + ")"),
                     utf8::visible(escape_data(d.message)));
  for (const diagnostic& n : d.notes) github_one(out, n);
}

}  // namespace

std::string format_json(const std::vector<diagnostic>& ds) {
  nlohmann::ordered_json j;
  j["diagnostics"] = nlohmann::ordered_json::array();
  for (const diagnostic& d : ds) j["diagnostics"].push_back(to_json(d, true));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string format_github(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const diagnostic& d : ds) github_one(out, d);
  return out;
}

}  // namespace argmap
