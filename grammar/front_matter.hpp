#pragma once
/// \file
/// Rule declaration of the front-matter line grammar (`key: value`).

#include "grammar/config.hpp"
#include "grammar/error_handler.hpp"
#include "grammar/line_syntax.hpp"

namespace argmap::grammar::parser {

/// ID of the front-matter line rule; expectation failures below it are reported.
struct front_matter_line_class : report_failure {};

/// `key: value` where value is a quoted string or the rest of the line.
using front_matter_line_type = x3::rule<front_matter_line_class, syntax::pair>;

BOOST_SPIRIT_DECLARE(front_matter_line_type)

}  // namespace argmap::grammar::parser
