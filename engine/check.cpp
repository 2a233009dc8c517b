#include "engine/check.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/lint.hpp"

namespace argmap {

std::size_t checked_map::errors() const { return count(diagnostics, severity::error); }

std::size_t checked_map::warnings() const { return count(diagnostics, severity::warning); }

namespace {

// Warnings switched off by the named file's front matter (`lint: no-orphan, ...`);
// unknown names become warnings themselves.
std::set<std::string> front_matter_switches(checked_map& m) {
  std::set<std::string> off;
  if (m.map.documents.empty()) return off;
  for (const ast::attribute& a : m.map.documents[0].meta.entries) {
    if (a.key != "lint") continue;
    std::vector<std::string> unknown;
    off = disabled_by_front_matter(a.value, unknown);
    for (const std::string& u : unknown) {
      std::string known;
      for (std::string_view n : warning_names()) known += (known.empty() ? "no-" : ", no-") + std::string(n);
      m.diagnostics.push_back(make_diagnostic(
          m.map.sources, a.value_range, severity::warning, "unknown-lint",
          fmt::format("'{}' is not a warning that lint can switch off (known: {})", u, known)));
    }
  }
  return off;
}

void finish(checked_map& m, const check_options& options) {
  if (m.map.documents.empty()) {
    m.unreadable = true;
    m.diagnostics = m.map.diagnostics;
    return;
  }
  build_result built = build_graph(m.map);
  m.graph = std::move(built.graph);
  m.diagnostics = m.map.diagnostics;
  for (diagnostic& d : built.diagnostics) m.diagnostics.push_back(std::move(d));
  bool clean = count(m.diagnostics, severity::error) == 0;
  if (clean) {
    for (diagnostic& d : lint(m.graph, m.map.sources)) m.diagnostics.push_back(std::move(d));
  }
  std::set<std::string> off = front_matter_switches(m);
  off.insert(options.disabled.begin(), options.disabled.end());
  std::erase_if(m.diagnostics, [&](const diagnostic& d) {
    return d.level == severity::warning && off.count(d.code);
  });
  std::unordered_map<std::string, std::size_t> file_order;
  for (std::size_t i = 0; i < m.map.sources.files.size(); ++i)
    file_order.emplace(m.map.sources.files[i].name, i);
  auto key = [&](const diagnostic& d) {
    auto it = file_order.find(d.file);
    return std::make_tuple(it == file_order.end() ? 0 : it->second, d.line, d.col);
  };
  // The "too many errors" notes stay last; everything else goes in source order.
  auto notes = std::stable_partition(m.diagnostics.begin(), m.diagnostics.end(),
                                     [](const diagnostic& d) { return d.code != "too-many-errors"; });
  std::stable_sort(m.diagnostics.begin(), notes,
                   [&](const diagnostic& a, const diagnostic& b) { return key(a) < key(b); });
}

}  // namespace

checked_map check_file(const std::string& path, file_loader& loader,
                       const check_options& options) {
  checked_map m;
  m.map = load_map(path, loader, options.parse);
  finish(m, options);
  return m;
}

checked_map check_text(const std::string& name, std::string text, file_loader& loader,
                       const check_options& options) {
  checked_map m;
  m.map = load_map_from_text(name, std::move(text), loader, options.parse);
  finish(m, options);
  return m;
}

}  // namespace argmap
