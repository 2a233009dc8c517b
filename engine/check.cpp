#include "engine/check.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/lint.hpp"

namespace argmap::engine {

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

// "@a (m.arg:3), @b (m.arg:9) and 2 more" for undefined-reference errors.
std::string reference_list(const std::vector<diagnostic>& refs) {
  std::string out;
  constexpr std::size_t shown = 5;
  for (std::size_t k = 0; k < refs.size() && k < shown; ++k) {
    std::string_view m = refs[k].message;  // "undefined reference '@id'..."
    std::size_t open = m.find('\''), close = m.find('\'', open + 1);
    std::string id(open == std::string_view::npos ? m : m.substr(open + 1, close - open - 1));
    out += fmt::format("{}{} ({}:{})", k == 0 ? "" : ", ", id, refs[k].file, refs[k].range.line);
  }
  if (refs.size() > shown) out += fmt::format(" and {} more", refs.size() - shown);
  return out;
}

// Undefined references that follow from another problem are not reported one
// by one: when an include could not be read, the ids it would have defined
// are missing (one note on the include's error says how many references were
// left unchecked); when the named file is a partial (`_name.arg`), its
// references usually point into the map that includes it (one error says so).
void fold_follow_on_errors(checked_map& m) {
  auto undefined = [](const diagnostic& d) { return d.code == "undefined-reference"; };
  std::vector<diagnostic> refs;
  for (const diagnostic& d : m.diagnostics)
    if (undefined(d)) refs.push_back(d);
  if (refs.empty()) return;
  std::erase_if(m.diagnostics, undefined);
  auto failed = std::find_if(m.diagnostics.begin(), m.diagnostics.end(), [](const diagnostic& d) {
    return d.code == "include-not-found" || d.code == "include-refused" || d.code == "include-too-deep";
  });
  const std::string& top = m.map.sources.files.front().name;
  bool partial = std::filesystem::path(top).filename().string().starts_with("_");
  if (failed == m.diagnostics.end() && !partial) {
    m.diagnostics.insert(m.diagnostics.end(), refs.begin(), refs.end());  // nothing to fold into
    return;
  }
  if (failed != m.diagnostics.end()) {
    diagnostic note;
    note.level = severity::note;
    note.code = "undefined-reference";
    note.file = failed->file;
    note.message = fmt::format(
        "{} reference{} to ids defined nowhere in what was read {} not checked: {}; they may be "
        "defined in the file that could not be read",
        refs.size(), refs.size() == 1 ? "" : "s", refs.size() == 1 ? "is" : "are", reference_list(refs));
    failed->notes.push_back(std::move(note));
    return;
  }
  m.diagnostics.push_back(unplaced(
      severity::error, "undefined-reference", top,
      fmt::format(
          "'{}' is a partial (its name starts with '_'), meant to be included: its {} reference{} "
          "to ids "
          "defined elsewhere ({}) are resolved in the map that includes it; check that map instead",
          top, refs.size(), refs.size() == 1 ? "" : "s", reference_list(refs))));
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
  fold_follow_on_errors(m);
  bool clean = count(m.diagnostics, severity::error) == 0;
  if (clean) {
    for (diagnostic& d : lint(m.graph, m.map.sources)) m.diagnostics.push_back(std::move(d));
  }
  std::set<std::string> off = front_matter_switches(m);
  off.insert(options.disabled.begin(), options.disabled.end());
  std::erase_if(m.diagnostics, [&](const diagnostic& d) {
    return d.level == severity::warning && off.count(d.code);
  });
  auto key = [](const diagnostic& d) {
    return std::make_tuple(d.range.file, d.range.line, d.range.col);
  };
  // The "too many errors" notes stay last; everything else goes in source order.
  auto notes = std::stable_partition(m.diagnostics.begin(), m.diagnostics.end(),
                                     [](const diagnostic& d) { return d.code != "too-many-errors"; });
  std::stable_sort(m.diagnostics.begin(), notes,
                   [&](const diagnostic& a, const diagnostic& b) { return key(a) < key(b); });
}

}  // namespace

checked_map check_file(const std::string& path, grammar::file_loader& loader,
                       const check_options& options) {
  checked_map m;
  m.map = grammar::load_map(path, loader, options.parse);
  finish(m, options);
  return m;
}

checked_map check_text(const std::string& name, std::string text, grammar::file_loader& loader,
                       const check_options& options) {
  checked_map m;
  m.map = grammar::load_map_from_text(name, std::move(text), loader, options.parse);
  finish(m, options);
  return m;
}

}  // namespace argmap::engine
