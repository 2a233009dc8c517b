#include "engine/report.hpp"

#include "engine/diagnostic_json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/utf8.hpp"

namespace argmap::engine {

namespace {

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
  const source_range& r = d.range;
  if (r.line > 0) {
    out += fmt::format(",line={},col={}", r.line, r.col);
    if (r.end_line > 0) out += fmt::format(",endLine={},endColumn={}", r.end_line, r.end_col);
  }
  out += fmt::format(",title={}::{}\n", escape_property("argmap(" + d.code + ")"),
                     utf8::visible(escape_data(d.message)));
  for (const diagnostic& n : d.notes) github_one(out, n);
}

nlohmann::ordered_json json_of(const diagnostic& d, bool with_notes) {
  nlohmann::ordered_json j;
  j["file"] = d.file;
  j["line"] = d.range.line;
  j["column"] = d.range.col;
  j["end_line"] = d.range.end_line;
  j["end_column"] = d.range.end_col;
  j["severity"] = std::string(to_string(d.level));
  j["code"] = d.code;
  j["message"] = d.message;
  j["source_line"] = d.line_text;
  if (with_notes) {
    j["notes"] = nlohmann::ordered_json::array();
    for (const diagnostic& n : d.notes) j["notes"].push_back(json_of(n, false));
  }
  return j;
}

severity severity_named(const std::string& name) {
  for (severity s : {severity::error, severity::warning, severity::note})
    if (to_string(s) == name) return s;
  throw nlohmann::json::other_error::create(501, "unknown severity '" + name + "'", nullptr);
}

}  // namespace

nlohmann::ordered_json to_json(const diagnostic& d) {
  return json_of(d, true);
}

diagnostic diagnostic_from_json(const nlohmann::json& j) {
  diagnostic d;
  d.file = j.at("file").get<std::string>();
  d.range.line = j.at("line").get<std::uint32_t>();
  d.range.col = j.at("column").get<std::uint32_t>();
  d.range.end_line = j.at("end_line").get<std::uint32_t>();
  d.range.end_col = j.at("end_column").get<std::uint32_t>();
  d.level = severity_named(j.at("severity").get<std::string>());
  d.code = j.at("code").get<std::string>();
  d.message = j.at("message").get<std::string>();
  d.line_text = j.at("source_line").get<std::string>();
  if (j.contains("notes"))
    for (const auto& n : j.at("notes")) d.notes.push_back(diagnostic_from_json(n));
  return d;
}

std::string format_json(const std::vector<diagnostic>& ds) {
  nlohmann::ordered_json j;
  j["diagnostics"] = nlohmann::ordered_json::array();
  for (const diagnostic& d : ds) j["diagnostics"].push_back(to_json(d));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string format_github(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const diagnostic& d : ds) github_one(out, d);
  return out;
}

}  // namespace argmap::engine
