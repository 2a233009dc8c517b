#pragma once
/// \file
/// Rule declaration of the include-line grammar (`include "path"`).

#include "grammar/config.hpp"
#include "grammar/error_handler.hpp"
#include "grammar/line_syntax.hpp"

namespace argmap::grammar::parser {

/// ID of the include-line rule; expectation failures below it are reported.
struct include_line_class : report_failure {};

/// `include "path"` alone on the line; yields the quoted path.
using include_line_type = x3::rule<include_line_class, syntax::value>;

BOOST_SPIRIT_DECLARE(include_line_type)

}  // namespace argmap::grammar::parser
