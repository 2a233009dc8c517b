// The table of exchange formats (formats.hpp).

#include "engine/interchange/formats.hpp"

#include "engine/interchange/af_format.hpp"
#include "engine/interchange/aif.hpp"
#include "engine/interchange/aif_import.hpp"
#include "engine/interchange/argdown.hpp"
#include "engine/interchange/argdown_import.hpp"
#include "engine/interchange/graphml.hpp"
#include "engine/interchange/json.hpp"
#include "engine/interchange/kialo.hpp"
#include "engine/interchange/markdown.hpp"
#include "engine/translate.hpp"

namespace argmap::engine {

namespace {

// A framework read as the map `argmap import` writes: one claim per
// argument, one attack per attack.
template <af_format F>
std::optional<import_result> read_framework(const std::string& text, diagnostic& error,
                                            const grammar::parse_options& limits) {
  auto f = read_af(text, F, error);
  if (!f) return std::nullopt;
  auto map = framework_to_map(*f, error, limits);
  if (!map) return std::nullopt;
  return import_result{std::move(*map), {}};
}

// A map written as the framework it translates to (docs/evaluation.md).
template <af_format F>
std::string write_framework(const export_input& in) {
  translation t = translate(in.graph);
  return write_af(named_framework{t.names, std::move(t.af)}, F);
}

template <std::string (*Export)(const argument_graph&)>
std::string write_graph(const export_input& in) {
  return Export(in.graph);
}

std::string write_json(const export_input& in) {
  return export_json(in.graph, in.map, in.eval);
}

// Whether argmap reads (`importable`) or writes `f`.
bool handles(const exchange_format& f, bool importable) {
  return importable ? f.read != nullptr : f.write != nullptr;
}

}  // namespace

const std::vector<exchange_format>& exchange_formats() {
  static const std::vector<exchange_format> table = {
      {"json", "JSON", false, true, import_json, write_json},
      {"aif", "AIF", false, false, import_aif, write_graph<export_aif>},
      {"argdown", "Argdown", false, false, import_argdown, write_graph<export_argdown>},
      {"kialo", "Kialo", false, false, import_kialo, nullptr},
      {"markdown", "Markdown", false, false, nullptr, write_graph<export_markdown>},
      {"graphml", "GraphML", false, false, nullptr, write_graph<export_graphml>},
      {"tgf", "TGF", true, false, read_framework<af_format::tgf>, write_framework<af_format::tgf>},
      {"apx", "APX", true, false, read_framework<af_format::apx>, write_framework<af_format::apx>},
      {"i23", "ICCMA i23", true, false, read_framework<af_format::i23>,
       write_framework<af_format::i23>},
  };
  return table;
}

const exchange_format* find_exchange_format(std::string_view name) {
  for (const exchange_format& f : exchange_formats())
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<std::string> exchange_format_names(bool importable) {
  std::vector<std::string> names;
  for (const exchange_format& f : exchange_formats())
    if (handles(f, importable)) names.emplace_back(f.name);
  return names;
}

std::string exchange_format_list(bool importable) {
  std::vector<std::string> titles;
  std::string frameworks;
  for (const exchange_format& f : exchange_formats()) {
    if (!handles(f, importable)) continue;
    if (f.framework)
      frameworks += (frameworks.empty() ? "" : ", ") + std::string(f.name);
    else
      titles.emplace_back(f.title);
  }
  if (!frameworks.empty()) titles.push_back("a framework (" + frameworks + ")");
  std::string out;
  for (std::size_t k = 0; k < titles.size(); ++k)
    out += (k == 0 ? "" : k + 1 == titles.size() ? " or " : ", ") + titles[k];
  return out;
}

std::optional<import_result> import_from(const exchange_format& format, const source_file& input,
                                         diagnostic& error, const grammar::parse_options& limits) {
  auto imported = format.read(input.text, error, limits);
  if (!imported) place_in(error, input);
  return imported;
}

}  // namespace argmap::engine
