#pragma once
/// \file
/// Definition of the attribute-block grammar. Included by attribute_block.cpp only.

#include "grammar/ast_adapted.hpp"
#include "grammar/attribute_block.hpp"
#include "grammar/primitives.hpp"

namespace argmap::grammar::parser {

using primitives::key_name;
using primitives::ws;
namespace expect = syntax::expect;

struct pair_class : annotate_offsets {};
struct bare_value_class : annotate_offsets {};
struct value_class : annotate_offsets {};

attribute_block_type const attribute_block = "an attribute block";
quoted_value_type const quoted_value = "a quoted string";
x3::rule<pair_class, syntax::pair> const pair = expect::attribute_key;
x3::rule<value_class, syntax::value> const value = expect::value;
x3::rule<bare_value_class, syntax::value> const bare_value = "a word";
x3::rule<struct close_string_class> const close_string = expect::close_string;
x3::rule<struct close_block_class> const close_block = expect::close_block;
x3::rule<struct colon_class> const colon = expect::colon;
x3::rule<struct key_class, std::string> const key = expect::attribute_key;

auto const close_string_def = x3::lit('"');
auto const close_block_def = x3::lit('}');
auto const colon_def = x3::lit(':');
auto const key_def = key_name;

auto const quoted_value_def =
    x3::lit('"') >> x3::attr(true) >> x3::raw[*((x3::lit('\\') >> x3::char_) | ~x3::char_('"'))] >
    close_string;

// An unquoted value runs to the next ',' or '}': it may hold spaces
// (`source: Federalist No. 10`); its trailing blanks are trimmed afterwards.
// (lexical::is_bare_value says which values can be written this way.)
auto const bare_value_def =
    x3::attr(false) >> x3::raw[~x3::char_(" \t,{}\"") >> *~x3::char_(lexical::bare_value_stops)];

auto const value_def = quoted_value | bare_value;

auto const pair_def = key >> ws > colon > ws > value;

auto const attribute_block_def =
    x3::lit('{') >> ws >> -(((!x3::lit('}')) > pair) >> *(ws >> ',' >> ws > pair)) >> ws >
    close_block;

BOOST_SPIRIT_DEFINE(close_string, close_block, colon, key, quoted_value, bare_value, value, pair)
BOOST_SPIRIT_DEFINE(attribute_block)

}  // namespace argmap::grammar::parser
