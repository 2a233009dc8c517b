#pragma once
/// \file
/// The exchange formats: one table that `argmap import`, `argmap export`,
/// their `--help` and docs/interchange.md follow.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/evaluate.hpp"
#include "engine/graph.hpp"
#include "engine/interchange/import_result.hpp"
#include "grammar/load.hpp"

namespace argmap::engine {

/// What an export may use: the graph, the map it came from, an evaluation.
struct export_input {
  const argument_graph& graph;  ///< the checked map's graph
  const grammar::loaded_map& map;  ///< its files (JSON keeps the front matter and sources)
  const evaluation* eval;       ///< with `export --eval` (JSON only); may be null
};

/// One format argmap reads or writes.
struct exchange_format {
  std::string_view name;   ///< as `--from` and `--to` take it, e.g. "aif"
  std::string_view title;  ///< as help and docs name it, e.g. "AIF"
  bool framework;          ///< an abstract argumentation framework (TGF, APX, i23)
  bool evaluates;          ///< the export includes an evaluation with `--eval`
  /// The importer, or null when argmap only writes the format.
  std::optional<import_result> (*read)(const std::string& text, diagnostic& error,
                                       const grammar::parse_options& limits);
  /// The exporter, or null when argmap only reads the format.
  std::string (*write)(const export_input& in);
};

/// Reads `input` (a file, or standard input as "<stdin>") in `format`, which
/// must have a reader: the imported map, or nothing with `error` placed in
/// `input` (its name, and the line with a caret when the error has a place).
std::optional<import_result> import_from(const exchange_format& format, const source_file& input,
                                         diagnostic& error, const grammar::parse_options& limits);

/// Every format, in the order help and docs list them.
const std::vector<exchange_format>& exchange_formats();

/// The format called `name`, or null.
const exchange_format* find_exchange_format(std::string_view name);

/// The names of the formats argmap can read (`importable`) or write.
std::vector<std::string> exchange_format_names(bool importable);

/// The formats argmap can read (or write) for a one-line description, e.g.
/// "JSON, AIF, Argdown, Kialo or a framework (tgf, apx, i23)".
std::string exchange_format_list(bool importable);

}  // namespace argmap::engine
