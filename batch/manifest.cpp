#include "batch/manifest.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "io/folder.hpp"

namespace argmap::batch {

namespace {

constexpr int version = 2;
const char* const formats[] = {"svg", "png", "pdf", "dot", "html"};

bool is_hash(const std::string& s) {
  if (s.size() != 16) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// An entry as this argmap writes it; else why not.
std::optional<std::string> invalid(const std::string& map, const nlohmann::json& e,
                                   manifest_entry& out) {
  if (!io::is_plain_relative(map) || !map.ends_with(".arg") ||
      utf8::find_invalid(map) != std::string::npos)
    return "its map is not a plain relative path to a .arg file";
  // build never finds a map in a hidden folder, so no entry names one.
  for (std::size_t slash = map.find('/'), start = 0; slash != std::string::npos;
       start = slash + 1, slash = map.find('/', start))
    if (map[start] == '.') return "its map is inside a hidden folder";
  if (!e.is_object() || !e.contains("key") || !e["key"].is_string() ||
      !is_hash(e["key"].get<std::string>()))
    return "it has no valid key";
  out.key = e["key"].get<std::string>();
  if (!e.contains("outputs") || !e["outputs"].is_object()) return "it has no outputs object";
  for (const auto& [path, hash] : e["outputs"].items()) {
    bool own = false;
    for (const char* f : formats) own = own || path == output_name(map, f);
    if (!own) return "it lists an output that is not the map's own";
    if (!hash.is_string() || !is_hash(hash.get<std::string>()))
      return "an output has no valid hash";
    out.outputs[path] = std::stoull(hash.get<std::string>(), nullptr, 16);
  }
  return std::nullopt;
}

}  // namespace

std::string output_name(const std::string& relative, const std::string& format) {
  std::size_t slash = relative.rfind('/');
  std::size_t dot = relative.rfind('.');
  std::string stem = dot == std::string::npos || (slash != std::string::npos && dot < slash)
                         ? relative
                         : relative.substr(0, dot);
  return stem + "." + format;
}

manifest parse_manifest(const std::string& text, std::vector<std::string>& warnings) {
  manifest m;
  // Bounded depth before parsing: a manifest nested a million deep is not one.
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{' || c == '[')
      deepest = std::max(deepest, ++depth);
    else if (c == '}' || c == ']')
      --depth;
  }
  nlohmann::json j = deepest > 8 ? nlohmann::json() : nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("argmap_manifest") ||
      !j["argmap_manifest"].is_number_integer() ||
      j["argmap_manifest"].get<long long>() != version || !j.contains("maps") ||
      !j["maps"].is_object()) {
    warnings.push_back(fmt::format(
        "the manifest is not one this argmap writes (version {}); it was discarded and every map "
        "is rendered",
        version));
    return m;
  }
  std::size_t dropped = 0;
  for (const auto& [map, e] : j["maps"].items()) {
    manifest_entry entry;
    if (auto why = invalid(map, e, entry)) {
      if (dropped++ == 0)
        warnings.push_back(fmt::format("the manifest entry '{}' was discarded: {}",
                                       utf8::sanitize(map).substr(0, 200), *why));
      continue;
    }
    m.maps[map] = std::move(entry);
  }
  if (dropped > 1)
    warnings.push_back(fmt::format("{} more manifest entries were discarded", dropped - 1));
  return m;
}

std::string manifest_text(const manifest& m) {
  nlohmann::ordered_json j;
  j["argmap_manifest"] = version;
  j["maps"] = nlohmann::ordered_json::object();
  for (const auto& [map, e] : m.maps) {
    nlohmann::ordered_json outputs = nlohmann::ordered_json::object();
    for (const auto& [path, hash] : e.outputs) outputs[path] = fmt::format("{:016x}", hash);
    j["maps"][map] = {{"key", e.key}, {"outputs", outputs}};
  }
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace argmap::batch
