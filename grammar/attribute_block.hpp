#pragma once
/// \file
/// Rule declarations of the attribute-block grammar, shared with other grammar TUs.

#include <vector>

#include "grammar/config.hpp"
#include "grammar/error_handler.hpp"
#include "grammar/line_syntax.hpp"

namespace argmap::grammar::parser {

/// ID of the `{key: value, ...}` rule.
struct attribute_block_class : annotate_offsets {};
/// ID of the `"quoted string"` rule.
struct quoted_value_class : annotate_offsets {};

/// `{key: value, ...}`: zero or more pairs between braces.
using attribute_block_type = x3::rule<attribute_block_class, std::vector<syntax::pair>>;
/// A double-quoted string with `\"` and `\\` escapes.
using quoted_value_type = x3::rule<quoted_value_class, syntax::value>;

BOOST_SPIRIT_DECLARE(attribute_block_type, quoted_value_type)

}  // namespace argmap::grammar::parser

namespace argmap::grammar {

/// The attribute-block rule.
parser::attribute_block_type const& attribute_block();
/// The quoted-string rule.
parser::quoted_value_type const& quoted_value();

}  // namespace argmap::grammar
