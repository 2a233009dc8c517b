#include "grammar/attribute_block_def.hpp"

namespace argmap::grammar {

namespace parser {
BOOST_SPIRIT_INSTANTIATE(attribute_block_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(quoted_value_type, iterator_type, context_type)
}  // namespace parser

parser::attribute_block_type const& attribute_block() { return parser::attribute_block; }
parser::quoted_value_type const& quoted_value() { return parser::quoted_value; }

}  // namespace argmap::grammar
