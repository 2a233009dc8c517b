#pragma once
/// \file
/// Small parsers shared by the line grammars. Included only by `_def.hpp` files.

#include "core/utf8.hpp"
#include "grammar/config.hpp"
#include "grammar/lexical.hpp"

namespace argmap::grammar::primitives {

/// Zero or more spaces or tabs.
inline auto const ws = x3::omit[*x3::ascii::blank];

/// One or more spaces or tabs.
inline auto const blanks = x3::omit[+x3::ascii::blank];

/// An id: `[A-Za-z_][A-Za-z0-9_.-]*` (lexical::is_id), as a string.
inline auto const id_name =
    x3::raw[(x3::ascii::alpha | '_') >> *(x3::ascii::alnum | x3::char_(lexical::id_punctuation))];

/// An attribute or front-matter key: `[A-Za-z_][A-Za-z0-9_-]*` (lexical::is_key).
inline auto const key_name =
    x3::raw[(x3::ascii::alpha | '_') >> *(x3::ascii::alnum | x3::char_(lexical::key_punctuation))];

/// One non-ASCII code point allowed in a tag (see utf8::is_tag_code_point).
struct tag_code_point_parser : x3::parser<tag_code_point_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    if (first == last || static_cast<unsigned char>(*first) < 0x80) return false;
    const char* p = first;
    if (!utf8::is_tag_code_point(utf8::decode(p, last))) return false;
    first = p;
    return true;
  }
};

/// A character of a `#tag`: ASCII letter or digit, `-`, `_`, or a letter of another script.
inline auto const tag_char =
    x3::ascii::alnum | x3::char_(lexical::tag_punctuation) | tag_code_point_parser{};

/// `#name`, yielding the name.
inline auto const tag = x3::lit('#') >> x3::raw[+tag_char];

}  // namespace argmap::grammar::primitives
