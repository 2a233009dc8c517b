#pragma once
/// \file
/// Reading Argdown (`argmap import --from argdown`).

#include <optional>
#include <string>

#include "engine/interchange/aif_import.hpp"

namespace argmap::engine {

/// Converts the Argdown used in practice: front matter `===` (title),
/// headings, statements `[T]: text #tags` (and `#(tags with spaces)`),
/// arguments `<A>: text`, relation trees with `+ - _` and `<+ <- <_`
/// (incoming), `+> -> _>` (outgoing) and `><` (contradiction), plain-text
/// statements, comments, and arguments in premise–conclusion form (their
/// premises become co-premises of one reason for the conclusion; an undercut
/// of such an argument undercuts that reason). Every statement and argument
/// becomes a claim (id from its title) and relations are written by
/// reference. Flat `{key: value}` data with argmap's attribute keys becomes
/// attributes. Constructs argmap does not keep (other data, stray indented text,
/// undercuts of arguments without premise–conclusion form) are reported in
/// the notes with their line. A syntax error gives nothing and "line N: ...".
/// `limits` bound the map it writes, as for `argmap check`.
std::optional<import_result> import_argdown(const std::string& text, diagnostic& error,
                                            const grammar::parse_options& limits = {});

}  // namespace argmap::engine
