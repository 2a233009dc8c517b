// The outline pass: splits the file into lines, handles front matter, comments,
// headings, includes and indentation, and hands each line's content to the X3
// line grammars (line_syntax.hpp).

#include "grammar/parse.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "grammar/lexical.hpp"
#include "grammar/line_reader.hpp"

namespace argmap::grammar {

namespace {

using grammar::is_blank;
using grammar::rtrim;
using grammar::trim;
using syntax_failure = grammar::syntax::failure;
namespace syntax = grammar::syntax;

using grammar::lexical::is_marker;

ast::relation relation_of(char c) {
  switch (c) {
    case '+':
      return ast::relation::support;
    case '-':
      return ast::relation::attack;
    case '~':
      return ast::relation::undercut;
    case '!':
      return ast::relation::contradiction;
    default:
      return ast::relation::co_premise;
  }
}

// One open outline level: a claim and the indentation of its line.
struct open_level {
  ast::claim* node;
  std::uint32_t indent;
};

// The outline: indentation, comments, headings and includes, over the
// line-level steps of line_reader.
class outline_parser : grammar::line_reader {
 public:
  outline_parser(const source_set& sources, std::uint32_t file, const parse_options& options)
      : line_reader(sources, file, options) {}

  parse_result run() {
    if (looks_like_utf16()) {
      diagnostic d = make_diagnostic(sources_, {file_, 1, 1, 1, 2}, severity::error, "utf16",
                                     "file looks like UTF-16; argmap reads UTF-8 (convert it, "
                                     "e.g. with 'iconv -f UTF-16 -t UTF-8')");
      d.line_text.clear();  // the bytes would print as noise
      result_.diagnostics.push_back(std::move(d));
      return std::move(result_);
    }
    if (text_.size() >= 3 && std::memcmp(text_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
    read_front_matter();
    while (!stopped_ && next_line()) handle_line();
    finish_node();
    close_all();
    result_.claims = claims_;
    result_.references = references_;
    if (in_block_comment_ && !stopped_) {
      error(block_comment_.range, "unterminated-comment",
            "this '/*' comment is never closed with '*/'");
    }
    sort_diagnostics();
    return std::move(result_);
  }

 private:
  // ---- one line ------------------------------------------------------------

  void handle_line() {
    if (in_block_comment_ && line_.size() <= options_.max_line_bytes) {
      continue_block_comment();
      return;
    }
    if (bad_bytes()) return;
    if (too_long()) {
      last_ = nullptr;
      return;
    }
    std::size_t indent = 0;
    while (indent < line_.size() && line_[indent] == ' ') ++indent;
    std::string_view rest = rtrim(line_.substr(indent));
    if (rest.empty()) return;  // blank line
    if (rest[0] == '\t') {
      if (trim(rest).empty()) return;
      error(span(indent, indent + 1), "tab-indent",
            "tab used for indentation; argmap indents with spaces only");
      return;
    }
    if (rest.starts_with("//")) {
      result_.doc.comments.push_back(
          {span(indent, indent + rest.size()), false, std::string(rest)});
      return;
    }
    if (rest.starts_with("/*")) {
      start_block_comment(indent, rest);
      return;
    }
    if (indent > UINT32_MAX / 2) indent = UINT32_MAX / 2;
    auto ind = static_cast<std::uint32_t>(indent);
    if (ind == 0) {
      top_level_line(rest);
    } else {
      indented_line(ind, rest);
    }
  }

  void start_block_comment(std::size_t indent, std::string_view rest) {
    block_comment_ = {span(indent, indent + 2), true, std::string(rest)};
    std::size_t close = rest.find("*/", 2);
    if (close == std::string_view::npos) {
      in_block_comment_ = true;
      return;
    }
    end_block_comment(indent + close + 2);
  }

  void continue_block_comment() {
    std::size_t close = line_.find("*/");
    block_comment_.text += '\n';
    block_comment_.text +=
        trim(close == std::string_view::npos ? line_ : line_.substr(0, close + 2));
    if (close == std::string_view::npos) return;
    in_block_comment_ = false;
    end_block_comment(close + 2);
  }

  void end_block_comment(std::size_t after) {
    block_comment_.range.end_line = line_no_;
    block_comment_.range.end_col = col_at(after);
    result_.doc.comments.push_back(block_comment_);
    std::string_view trailing = trim(line_.substr(after));
    if (!trailing.empty()) {
      std::size_t at = static_cast<std::size_t>(trailing.data() - line_.data());
      error(span(at, at + trailing.size()), "syntax",
            "unexpected text after the end of a '/* */' comment; start it on a new line");
    }
  }

  void top_level_line(std::string_view rest) {
    if (rest[0] == '#') {
      heading_line(rest);
      return;
    }
    if (rest.starts_with("include") && rest.size() > 7 && is_blank(rest[7]) &&
        trim(rest.substr(7)).starts_with('"')) {
      include_line(rest);
      return;
    }
    if (rest == "---") {
      error(span(0, 3), "bad-front-matter",
            "front matter ('---') must be the first thing in the file");
      return;
    }
    if (outgoing_marker(rest)) {
      error(span(0, 2), "root-marker",
            fmt::format("a top-level claim takes no relation marker: '{}' says how the claim above "
                        "relates to this line's claim, so indent it under that claim",
                        rest.substr(0, 2)));
      return;
    }
    if (is_marker(rest[0]) && (rest.size() == 1 || is_blank(rest[1]))) {
      error(span(0, 1), "root-marker",
            fmt::format("a top-level claim takes no relation marker; indent this line under the "
                        "claim it relates to (or write \\{} to start the text with '{}')",
                        rest[0], rest[0]));
      return;
    }
    finish_node();
    close_all();
    if (!take_claim(0, is_reference_line(rest))) return;
    result_.doc.items.emplace_back(ast::claim{});
    ast::claim& c = std::get<ast::claim>(result_.doc.items.back());
    c.rel = ast::relation::root;
    fill_claim(c, 0, rest);
    c.range.line = line_no_;
    c.range.col = 1;
    stack_.push_back({&c, 0});
    last_ = &c;
    last_indent_ = 0;
  }

  void heading_line(std::string_view rest) {
    std::size_t level = 0;
    while (level < rest.size() && rest[level] == '#') ++level;
    if (level < rest.size() && !is_blank(rest[level])) {
      error(span(level, level + 1), "syntax",
            "expected a space after '#' in a heading (write \\# to start a claim with '#')");
      return;
    }
    std::string_view title = trim(rest.substr(level));
    if (title.empty()) {
      error(span(0, level), "empty-heading", "a heading needs a title after the '#'");
      return;
    }
    finish_node();
    close_all();
    last_ = nullptr;
    ast::heading h;
    h.range = span(0, rest.size());
    h.level = static_cast<unsigned>(std::min<std::size_t>(level, 1000));
    h.title = std::string(title);
    result_.doc.items.emplace_back(std::move(h));
  }

  void include_line(std::string_view rest) {
    syntax::pair p;
    syntax_failure why;
    if (!syntax::parse_include_line(rest, p, why)) {
      grammar_error(0, why);
      return;
    }
    std::string path = syntax::unescape_string(p.val.raw);
    if (path.empty()) {
      error(span(p.val.begin, p.val.end), "bad-include", "the include path is empty");
      return;
    }
    finish_node();
    close_all();
    last_ = nullptr;
    result_.doc.items.emplace_back(ast::include{span(0, rest.size()), std::move(path)});
  }

  // `+>`, `->`, `~>` followed by a blank or the end: an outgoing marker.
  static bool outgoing_marker(std::string_view rest) {
    return rest.size() >= 2 && (rest[0] == '+' || rest[0] == '-' || rest[0] == '~') && rest[1] == '>' &&
           (rest.size() == 2 || is_blank(rest[2]));
  }

  // An indented line without a marker: the continuation of the claim above,
  // or an error saying what is missing.
  void unmarked_line(std::uint32_t indent, std::string_view rest) {
    if (is_marker(rest[0])) {
      error(span(indent, indent + 1), "syntax",
            fmt::format("expected a space after the relation marker '{}' (write \\{} to start "
                        "the text with '{}')",
                        rest[0], rest[0], rest[0]));
    } else if (last_ && indent > last_indent_) {
      continuation_line(indent, rest);
    } else if (!last_) {
      error(span(indent, indent + 1), "no-parent",
            "this line is indented, but there is no claim above it to belong to");
    } else {
      error(span(indent, indent + 1), "missing-marker",
            "expected a relation marker (+, -, ~, !, &, or +>, ->, ~>) before the claim text");
    }
  }

  // `&` joins the reason of the sibling above it at the same indentation or,
  // as the first line under a claim, the reason of that claim; false (with
  // an error) when there is no reason there to join.
  bool joins_a_reason(std::uint32_t indent, const ast::claim* sibling) {
    const ast::claim* joined = sibling ? sibling : stack_.back().node;
    if (joined->rel == ast::relation::root) {
      error(span(indent, indent + 1), "orphan-co-premise",
            "'&' adds a co-premise to a reason, but there is no reason here: put it at the "
            "indentation of a '+', '-' or '~' line, or directly under one");
      return false;
    }
    if (joined->rel == ast::relation::contradiction) {
      error(span(indent, indent + 1), "orphan-co-premise",
            "'&' cannot join a contradiction ('!'): contradictions have no premises");
      return false;
    }
    return true;
  }

  void indented_line(std::uint32_t indent, std::string_view rest) {
    bool outgoing = outgoing_marker(rest);
    bool marker = outgoing || (is_marker(rest[0]) && (rest.size() == 1 || is_blank(rest[1])));
    if (!marker) {
      unmarked_line(indent, rest);
      return;
    }
    if (stack_.empty()) {
      error(span(indent, indent + 1), "no-parent",
            "this line is indented, but there is no claim above it to relate to");
      return;
    }
    finish_node();
    // Close the levels this line is not inside of.
    std::string levels_before = open_levels();
    bool dedented = false;
    while (stack_.back().indent > indent) {
      close_level();
      dedented = true;
    }
    ast::claim* sibling = nullptr;
    if (stack_.back().indent == indent) {
      sibling = stack_.back().node;
      close_level();
    } else if (dedented) {
      error(span(indent, indent + 1), "inconsistent-dedent",
            fmt::format("inconsistent dedent: this line is indented by {} spaces, which matches "
                        "no enclosing level (open levels: {})",
                        indent, levels_before));
      last_ = nullptr;
      return;
    }
    char m = rest[0];
    if (stack_.size() > options_.max_depth) {
      error(span(indent, indent + 1), "too-deep",
            fmt::format("nesting too deep: argmap accepts at most {} levels below a top-level "
                        "claim",
                        options_.max_depth));
      last_ = nullptr;
      return;
    }
    if (!sibling && over_indented(indent)) {
      last_ = nullptr;
      return;
    }
    if (m == '&' && !joins_a_reason(indent, sibling)) {
      last_ = nullptr;
      return;
    }
    std::size_t marker_width = outgoing ? 2 : 1;
    if (!take_claim(indent, is_reference_line(rest.substr(marker_width)))) return;
    ast::claim* parent = stack_.back().node;
    parent->children.emplace_back();
    ast::claim& c = parent->children.back();
    c.rel = relation_of(m);
    c.outgoing = outgoing;
    std::size_t content = marker_width;
    while (content < rest.size() && is_blank(rest[content])) ++content;
    c.range.line = line_no_;
    c.range.col = col_at(indent);
    fill_claim(c, indent + content, rest.substr(content));
    stack_.push_back({&c, indent});
    last_ = &c;
    last_indent_ = indent;
  }

  // A new level must be one step deeper than its parent: the step is set by
  // the file's first indented claim line. A line deeper than that would
  // silently become the child of the line above when it was meant as a
  // sibling, so it is an error that says both indentations that would work.
  bool over_indented(std::uint32_t indent) {
    const open_level& parent = stack_.back();
    if (step_ == 0) {
      step_ = indent - parent.indent;
      return false;
    }
    std::uint32_t child = parent.indent + step_;
    if (indent <= child) return false;
    std::string sibling =
        parent.node->rel == ast::relation::root
            ? "a top-level claim is not indented"
            : fmt::format("a sibling of it is indented {}", parent.indent);
    error(span(indent, indent + 1), "over-indented",
          fmt::format("this line is indented {} spaces, more than one level below the claim on "
                      "line {}: a child of that claim is indented {} (this file indents {} "
                      "space{} a level), and {}",
                      indent, parent.node->range.line, child, step_, step_ == 1 ? "" : "s", sibling));
    return true;
  }

  // Closes the innermost open level. Its children are complete, so their
  // vector gives back the capacity it grew into (a quarter of the AST's memory).
  void close_level() {
    std::vector<ast::claim>& kids = stack_.back().node->children;
    if (kids.capacity() > kids.size()) kids.shrink_to_fit();
    stack_.pop_back();
  }

  void close_all() {
    while (!stack_.empty()) close_level();
  }

  std::string open_levels() const {
    std::string out;
    for (const open_level& l : stack_) {
      if (!out.empty()) out += ", ";
      out += std::to_string(l.indent);
    }
    return out;
  }

  void continuation_line(std::uint32_t indent, std::string_view rest) {
    if (last_->is_reference) {
      error(span(indent, indent + 1), "syntax",
            "a reference (@id) stands alone: it cannot be continued with more text");
      return;
    }
    looks_like_marker(indent, rest);
    syntax::claim_content cc;
    syntax_failure why;
    if (!syntax::parse_continuation(rest, cc, why)) {
      grammar_error(indent, why);
      return;
    }
    add_content(*last_, indent, cc);
    last_->range.end_line = line_no_;
    last_->range.end_col = col_at(indent + rest.size());
  }

  // A continuation line that starts like a bullet or a list item from another
  // outline syntax (`* `, `= `, `> `, `• `, `– `, `— `, `1. `, `a) `) is glued
  // onto the text above it, which is rarely what its author meant.
  void looks_like_marker(std::uint32_t indent, std::string_view rest) {
    std::size_t len = 0;
    for (std::string_view bullet : {"* ", "= ", "> ", "\u2022 ", "\u2013 ", "\u2014 ", "\u00b7 ", "\u25e6 "})
      if (rest.starts_with(bullet)) len = bullet.size() - 1;
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 4 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits > 0 && rest.size() > digits + 1 && (rest[digits] == '.' || rest[digits] == ')') &&
        rest[digits + 1] == ' ')
      len = digits + 1;
    if (len == 0) return;
    warning(span(indent, indent + len), "looks-like-marker",
            fmt::format("'{}' starts a continuation line, so this text is joined to the claim "
                        "above; did you mean a relation marker, '+' (supports) or '-' (attacks)? "
                        "(if the text is meant: --no-warn looks-like-marker)",
                        rest.substr(0, len)));
  }

  // Checks the claim that has just been completed (its continuation lines read).
  void finish_node() {
    if (!last_) return;
    if (!last_->is_reference && last_->text.empty()) {
      source_range r = last_->range;
      r.end_line = r.line;
      r.end_col = r.col + 1;
      error(r, "empty-claim",
            last_->id.empty() ? "this claim has no text" : "this claim has an id but no text");
    }
    last_ = nullptr;
  }

  std::uint32_t step_ = 0;  // spaces a level, from the first indented claim line

  bool in_block_comment_ = false;
  ast::comment block_comment_;

  std::vector<open_level> stack_;
  ast::claim* last_ = nullptr;  // the claim continuation lines extend
  std::uint32_t last_indent_ = 0;
};

}  // namespace

parse_result parse(const source_set& sources, std::uint32_t file, const parse_options& options) {
  return outline_parser(sources, file, options).run();
}

}  // namespace argmap::grammar
