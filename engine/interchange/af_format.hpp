#pragma once
/// \file
/// Abstract frameworks in the standard exchange formats: TGF, ASPARTIX APX and
/// ICCMA 2023 (`p af N`), in and out.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/framework.hpp"
#include "engine/interchange/import_result.hpp"
#include "grammar/parse.hpp"

namespace argmap::engine {

/// The formats.
enum class af_format { tgf, apx, i23 };

/// Parses "tgf", "apx" or "i23".
std::optional<af_format> af_format_from_name(std::string_view name);

/// A framework with a name per argument.
struct named_framework {
  std::vector<std::string> names;  ///< argument names, by index
  framework af;                    ///< the attacks
};

/// Writes `f`. TGF: one name per line, `#`, one `attacker attacked` per line.
/// APX: `arg(name).` and `att(a,b).`, names reduced to letters, digits and '_'
/// (made unique). i23: `p af N`, then `i j` with arguments numbered from 1 in
/// order (names are not part of the format).
std::string write_af(const named_framework& f, af_format format);

/// Reads a framework. On a syntax error returns nothing and sets `error` to
/// "line N: what is wrong".
std::optional<named_framework> read_af(std::string_view text, af_format format, diagnostic& error);

/// An argument map with one claim per argument and one attack per attack:
/// `[name] Argument name.` with `- @attacker` lines under it. Names that are
/// valid ids are kept; others become `a_...`. A self-attack cannot be written
/// as a map: it is an error; so is a framework of more arguments than a map
/// may have claims (`limits.max_claims`). The map is checked as `argmap
/// check` would before it is returned (finish_import).
std::optional<std::string> framework_to_map(const named_framework& f, diagnostic& error,
                                            const grammar::parse_options& limits = {});

}  // namespace argmap::engine
