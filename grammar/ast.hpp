#pragma once
/// \file
/// The abstract syntax tree of one argument file. Plain structs: usable without Spirit.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/source.hpp"

namespace argmap::ast {

/// How a claim line relates to its parent, from its marker.
enum class relation : std::uint8_t {
  root,           ///< a top-level line (no marker)
  support,        ///< `+`
  attack,         ///< `-`
  undercut,       ///< `~` attacks the inference from the parent to the grandparent
  contradiction,  ///< `!` symmetric
  co_premise,     ///< `&` joins the preceding sibling's reason
};

/// The marker character of a relation (`'\0'` for roots).
char marker_of(relation r);

/// The marker as written: `+`, `-`, `~`, `!`, `&`, or for an outgoing line
/// `+>`, `->`, `~>`; empty for roots.
std::string marker_text(relation r, bool outgoing);

/// A lower-case name for a relation: "root", "support", "attack", "undercut",
/// "contradiction", "co-premise".
const char* name_of(relation r);

/// One `key: value` pair, in an attribute block or in the front matter.
struct attribute {
  std::string key;           ///< as written
  std::string value;         ///< unquoted, escapes resolved
  bool quoted = false;       ///< written as a double-quoted string
  source_range range;        ///< `key: value`
  source_range value_range;  ///< the value alone
};

/// The parts of a claim that most claims lack, kept out of line so that a
/// claim stays small (a 10 MB map has 150,000 of them).
struct claim_extras {
  std::vector<std::string> tags;      ///< `#tag` words at the end of the text, without `#`
  std::vector<attribute> attributes;  ///< `{key: value, ...}`, in written order
};

/// One claim line (with its continuation lines) and the lines indented under it.
struct claim {
  claim() = default;
  claim(claim&&) noexcept = default;
  claim& operator=(claim&&) noexcept = default;
  /// Deep copy, extras included.
  claim(const claim& other);
  /// Deep copy, extras included.
  claim& operator=(const claim& other);

  source_range range;  ///< from the marker (or first character of a root) to the end of its text
  std::uint32_t label_col = 0;    ///< column of the `[id]` or `@id` on range.line; 0: none
  relation rel = relation::root;  ///< relation to the parent claim
  bool is_reference = false;      ///< the line is `@id`: `id` names an existing claim
  /// The marker points away from the parent (`+>`, `->`, `~>`): the parent
  /// supports, attacks or undercuts this line's claim, not the other way.
  bool outgoing = false;
  std::string id;                 ///< the author's id, the referenced id, or empty
  std::string text;               ///< the claim text, escapes resolved, continuation lines joined
  std::vector<claim> children;    ///< indented lines, in written order

  /// `#tag` words at the end of the text, without `#`.
  const std::vector<std::string>& tags() const;
  /// `{key: value, ...}` pairs, in written order.
  const std::vector<attribute>& attributes() const;
  /// The tags and attributes, created on first use.
  claim_extras& extras();

 private:
  std::unique_ptr<claim_extras> extras_;  // null while the claim has no tags or attributes
};

/// A `#`, `##`, ... heading.
struct heading {
  source_range range;  ///< the whole heading line
  unsigned level = 1;  ///< number of `#`
  std::string title;   ///< text after the `#`s, trimmed
};

/// An `include "path"` line.
struct include {
  source_range range;      ///< the whole line
  std::string path;        ///< as written, relative to the including file
  std::int32_t target = -1;  ///< document this include loaded (set by load_map); -1: none
};

/// A `//` line comment or a `/* ... */` block comment, kept for the formatter.
struct comment {
  source_range range;  ///< the comment's lines
  bool block = false;  ///< `/* */` rather than `//`
  std::string text;    ///< the comment's lines as written, without indentation, joined by '\n'
};

/// The optional `---` block at the top of a file.
struct front_matter {
  source_range range;              ///< from the opening to the closing `---`
  std::vector<attribute> entries;  ///< `key: value` lines in written order
};

/// A top-level line of a file, in the order written.
using item = std::variant<heading, claim, include>;

/// One parsed file.
struct document {
  std::uint32_t file = 0;            ///< index into the source_set
  bool has_front_matter = false;     ///< a `---` block was present
  front_matter meta;                 ///< its entries, when present
  std::vector<item> items;           ///< headings, root claims and includes in order
  std::vector<comment> comments;     ///< every comment, in order
};

/// The longest id the parser accepts (parse_options::max_id_bytes).
inline constexpr std::size_t max_id_length = 256;

/// True when `id` is a valid author id: `[A-Za-z_][A-Za-z0-9_.-]*`.
bool is_valid_id(std::string_view id);

/// Where the claim's `[id]` or `@id` is written (line 0 when it has neither).
source_range label_range(const claim& c);

/// The id the engine gives an unlabelled claim: its outline path, e.g. "3.1.2"
/// for the second child of the first child of the third root. Paths start with
/// a digit, so they never collide with an author's id (which starts with a
/// letter or '_').
std::string auto_id(const std::vector<std::uint32_t>& path);

}  // namespace argmap::ast
