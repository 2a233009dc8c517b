#pragma once
/// \file
/// Fusion adaptation of the line-syntax structs, so X3 can fill them.

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/line_syntax.hpp"

BOOST_FUSION_ADAPT_STRUCT(argmap::grammar::syntax::value, quoted, raw)
BOOST_FUSION_ADAPT_STRUCT(argmap::grammar::syntax::pair, key, val)
BOOST_FUSION_ADAPT_STRUCT(argmap::grammar::syntax::claim_content, label, raw_text, tags, attributes)
