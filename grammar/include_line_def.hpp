#pragma once
/// \file
/// Definition of the include-line grammar. Included by include_line.cpp only.

#include "grammar/ast_adapted.hpp"
#include "grammar/attribute_block.hpp"
#include "grammar/include_line.hpp"
#include "grammar/primitives.hpp"

namespace argmap::grammar::parser {

using primitives::blanks;
using primitives::ws;
namespace expect = syntax::expect;

struct include_path_class : annotate_offsets {};

include_line_type const include_line = "an include line";
x3::rule<include_path_class, syntax::value> const include_path = expect::include_path;
x3::rule<struct include_end_class> const include_end = expect::include_end;

auto const include_path_def = quoted_value();
auto const include_end_def = x3::eoi;
auto const include_line_def = x3::lit("include") >> blanks > include_path > ws > include_end;

BOOST_SPIRIT_DEFINE(include_path, include_end, include_line)

}  // namespace argmap::grammar::parser
