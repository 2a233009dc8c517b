#pragma once
/// \file
/// Definition of the claim-line grammar. Included by claim_line.cpp only.

#include "grammar/ast_adapted.hpp"
#include "grammar/attribute_block.hpp"
#include "grammar/claim_line.hpp"
#include "grammar/lexical.hpp"
#include "grammar/primitives.hpp"

namespace argmap::grammar::parser {

using primitives::id_name;
using primitives::tag;
using primitives::ws;
namespace expect = syntax::expect;

claim_content_type const claim_content = "a claim";
continuation_type const continuation = "claim text";
reference_line_type const reference_line = "a reference";
x3::rule<struct close_label_class> const close_label = expect::close_label;
x3::rule<struct line_end_class> const line_end = expect::line_end;
x3::rule<struct reference_id_class, std::string> const reference_id = expect::reference;
x3::rule<struct reference_end_class> const reference_end = expect::reference_end;

auto const close_label_def = x3::lit(']');
auto const line_end_def = x3::eoi;
auto const reference_id_def = id_name;
auto const reference_end_def = x3::eoi;

/// Claim text: everything up to the first unescaped `{` (an attribute block)
/// or the end of the line, less its trailing blanks and trailing `#tag`s
/// (lexical::text_end, which the formatter's escaping shares). Escapes stay
/// in (unescape_text resolves them). Written as one primitive so that it runs
/// in linear time: finding "trailing tags" with an X3 lookahead at every word
/// is quadratic on a line of many `#words`.
struct text_parser : x3::parser<text_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    Iterator end = first;
    while (end != last && *end != '{') {
      if (*end == '\\' && end + 1 != last) ++end;  // an escaped character is text
      ++end;
    }
    first += lexical::text_end(std::string_view(first, static_cast<std::size_t>(end - first)));
    return true;
  }
};
/// Claim text up to its trailing tags or attribute block, escapes unresolved.
auto const text = x3::raw[text_parser{}];
/// `[...]` at the start of a claim; the id itself is checked by the outline pass.
auto const label = x3::lit('[') >> x3::raw[*~x3::char_(']')] > close_label;
/// Text, tags and attributes, shared by claim and continuation lines.
auto const body = ws >> text >> ws >> *(tag >> ws) >> -attribute_block() >> ws > line_end;

auto const claim_content_def = -label >> body;
auto const continuation_def = x3::attr(boost::optional<std::string>()) >> body;
auto const reference_line_def = x3::lit('@') > reference_id > ws > reference_end;

BOOST_SPIRIT_DEFINE(close_label, line_end, reference_id, reference_end)
BOOST_SPIRIT_DEFINE(claim_content, continuation, reference_line)

}  // namespace argmap::grammar::parser
