#pragma once
/// \file
/// Rule declarations of the claim-line grammar (claim content, continuation, reference).

#include <string>

#include "grammar/config.hpp"
#include "grammar/error_handler.hpp"
#include "grammar/line_syntax.hpp"

namespace argmap::grammar::parser {

/// ID of the claim-content rule; expectation failures below it are reported.
struct claim_content_class : report_failure {};
/// ID of the continuation-line rule.
struct continuation_class : report_failure {};
/// ID of the reference-line rule.
struct reference_line_class : report_failure {};

/// `[id]? text #tags {attributes}?` up to the end of the line.
using claim_content_type = x3::rule<claim_content_class, syntax::claim_content>;
/// `text #tags {attributes}?` up to the end of the line.
using continuation_type = x3::rule<continuation_class, syntax::claim_content>;
/// `@id` alone on the line.
using reference_line_type = x3::rule<reference_line_class, std::string>;

BOOST_SPIRIT_DECLARE(claim_content_type, continuation_type, reference_line_type)

}  // namespace argmap::grammar::parser
