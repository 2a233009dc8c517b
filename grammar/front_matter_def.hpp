#pragma once
/// \file
/// Definition of the front-matter line grammar. Included by front_matter.cpp only.

#include "grammar/ast_adapted.hpp"
#include "grammar/attribute_block.hpp"
#include "grammar/front_matter.hpp"
#include "grammar/primitives.hpp"

namespace argmap::grammar::parser {

using primitives::key_name;
using primitives::ws;
namespace expect = syntax::expect;

struct fm_value_class : annotate_offsets {};

front_matter_line_type const front_matter_line = "a front matter line";
x3::rule<struct fm_key_class, std::string> const fm_key = expect::fm_key;
x3::rule<struct fm_colon_class> const fm_colon = expect::fm_colon;
x3::rule<struct fm_end_class> const fm_end = expect::fm_end;
x3::rule<fm_value_class, syntax::value> const fm_value = "a value";

auto const fm_key_def = key_name;
auto const fm_colon_def = x3::lit(':');
auto const fm_end_def = x3::eoi;
auto const fm_value_def = (quoted_value() >> ws > fm_end) | (x3::attr(false) >> x3::raw[*x3::char_]);
auto const front_matter_line_def = fm_key >> ws > fm_colon > ws > fm_value;

BOOST_SPIRIT_DEFINE(fm_key, fm_colon, fm_end, fm_value, front_matter_line)

}  // namespace argmap::grammar::parser
