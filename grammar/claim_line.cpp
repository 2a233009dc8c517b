#include "grammar/claim_line_def.hpp"

namespace argmap::grammar {

namespace parser {
BOOST_SPIRIT_INSTANTIATE(claim_content_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(continuation_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(reference_line_type, iterator_type, context_type)
}  // namespace parser

namespace syntax {

bool parse_claim_content(std::string_view line, claim_content& out, failure& why) {
  return run_line_rule(parser::claim_content, line, out, why, expect::line_end);
}

bool parse_continuation(std::string_view line, claim_content& out, failure& why) {
  return run_line_rule(parser::continuation, line, out, why, expect::line_end);
}

bool parse_reference(std::string_view line, std::string& out, failure& why) {
  return run_line_rule(parser::reference_line, line, out, why, expect::reference);
}

}  // namespace syntax

}  // namespace argmap::grammar
