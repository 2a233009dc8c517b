#pragma once
/// \file
/// Definition of the claim-line grammar. Included by claim_line.cpp only.

#include "grammar/ast_adapted.hpp"
#include "grammar/attribute_block.hpp"
#include "grammar/claim_line.hpp"
#include "grammar/primitives.hpp"

namespace argmap::grammar::parser {

using primitives::blanks;
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

/// A backslash and the character it escapes (resolved later by unescape_text).
auto const escape = x3::lit('\\') >> -x3::char_;
/// A run of characters that are neither blank, `{` nor a backslash (a table
/// lookup per byte: this loop is most of the parser's time).
struct word_parser : x3::parser<word_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    Iterator p = first;
    while (p != last && !stops(*p)) ++p;
    if (p == first) return false;
    first = p;
    return true;
  }

  static bool stops(char c) { return c == ' ' || c == '\t' || c == '{' || c == '\\'; }
};
auto const word = word_parser{};
/// What may follow the text: trailing tags, then the end of the line or an attribute block.
auto const tail = ws >> -(tag >> *(blanks >> tag)) >> ws >> (x3::eoi | '{');
/// Claim text up to its trailing tags or attribute block, escapes unresolved.
auto const text = x3::raw[*(!tail >> (escape | blanks | word))];
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
