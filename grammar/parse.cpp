// The outline pass: splits the file into lines, handles front matter, comments,
// headings, includes and indentation, and hands each line's content to the X3
// line grammars (line_syntax.hpp).

#include "grammar/parse.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "grammar/attributes.hpp"
#include "grammar/line_syntax.hpp"
#include "grammar/suggest.hpp"
#include "grammar/utf8.hpp"

namespace argmap {

namespace {

using syntax_failure = grammar::syntax::failure;
namespace syntax = grammar::syntax;

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view trim(std::string_view s) {
  s = rtrim(s);
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}

bool is_marker_char(char c) {
  return c == '+' || c == '-' || c == '~' || c == '!' || c == '&';
}

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

// Describes the input at a failure point for "found ..." in messages.
std::string describe_found(std::string_view rest) {
  if (rest.empty()) return "the end of the line";
  char c = rest[0];
  if (c == ' ') return "a space";
  if (c == '\t') return "a tab";
  if (static_cast<unsigned char>(c) < 0x80) return fmt::format("'{}'", c);
  const char* p = rest.data();
  utf8::decode(p, rest.data() + rest.size());
  return fmt::format("'{}'", rest.substr(0, static_cast<std::size_t>(p - rest.data())));
}

// One open outline level: a claim and the indentation of its line.
struct open_level {
  ast::claim* node;
  std::uint32_t indent;
};

class outline_parser {
 public:
  outline_parser(const source_set& sources, std::uint32_t file, const parse_options& options)
      : sources_(sources), file_(file), options_(options), text_(sources.files[file].text) {
    result_.doc.file = file;
  }

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
  // Claims are checked when their last continuation line has been read, so a
  // few errors are found out of order; report them in source order.
  void sort_diagnostics() {
    auto& ds = result_.diagnostics;
    auto tail = ds.end();
    if (stopped_ && !ds.empty()) --tail;  // "too many errors" stays last
    std::stable_sort(ds.begin(), tail, [](const diagnostic& a, const diagnostic& b) {
      return a.line != b.line ? a.line < b.line : a.col < b.col;
    });
  }

  // ---- lines ---------------------------------------------------------------

  // Advances to the next line; sets line_ (without terminator) and line_no_.
  bool next_line() {
    if (pos_ >= text_.size()) return false;
    const char* base = text_.data();
    const void* nl = std::memchr(base + pos_, '\n', text_.size() - pos_);
    std::size_t end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : text_.size();
    line_start_ = pos_;
    line_ascii_ = false;
    line_ = std::string_view(base + pos_, end - pos_);
    if (!line_.empty() && line_.back() == '\r') line_.remove_suffix(1);
    pos_ = nl ? end + 1 : text_.size() + 1;
    ++line_no_;
    return true;
  }

  std::uint32_t col_at(std::size_t offset_in_line) const {
    if (line_ascii_) return static_cast<std::uint32_t>(offset_in_line + 1);
    return utf8::column(line_, offset_in_line);
  }

  // Range on the current line from byte offset `b` to byte offset `e`.
  source_range span(std::size_t b, std::size_t e) const {
    std::uint32_t c = col_at(b);
    std::uint32_t ce = line_ascii_
                           ? c + static_cast<std::uint32_t>(e - b)
                           : c + static_cast<std::uint32_t>(utf8::length(line_.substr(b, e - b)));
    if (ce == c) ce = c + 1;
    return {file_, line_no_, c, line_no_, ce};
  }

  // ---- diagnostics ---------------------------------------------------------

  void error(source_range r, std::string code, std::string message) {
    if (stopped_) return;
    r.file = file_;
    result_.diagnostics.push_back(
        make_diagnostic(sources_, r, severity::error, std::move(code), std::move(message)));
    if (++errors_ >= options_.max_errors) {
      result_.diagnostics.push_back(make_diagnostic(
          sources_, r, severity::note, "too-many-errors",
          fmt::format("too many errors; stopped after {} (the rest of the file is not checked)",
                      options_.max_errors)));
      stopped_ = true;
    }
  }

  void warning(source_range r, std::string code, std::string message) {
    if (stopped_) return;
    r.file = file_;
    result_.diagnostics.push_back(
        make_diagnostic(sources_, r, severity::warning, std::move(code), std::move(message)));
  }

  // Reports a line-grammar failure at byte `base + why.offset` of the current line.
  void grammar_error(std::size_t base, const syntax_failure& why) {
    namespace expect = syntax::expect;
    std::size_t at = base + why.offset;
    std::string found = describe_found(line_.substr(std::min(at, line_.size())));
    std::string what = fmt::format("expected {}, found {}", why.expected, found);
    std::string code = "syntax";
    std::string message;
    if (why.expected == expect::close_string) {
      code = "unterminated-string";
      message = "unterminated string: " + what;
    } else if (why.expected == expect::close_block) {
      code = at >= line_.size() ? "unterminated-attributes" : "bad-attribute";
      message = (at >= line_.size() ? "unterminated attribute block: " : "") + what;
      std::string hint = attribute_hint(at);
      message += hint.empty() ? " (write \\{ for a literal '{' in the text)" : hint;
    } else if (why.expected == expect::attribute_key || why.expected == expect::colon ||
               why.expected == expect::value) {
      code = "bad-attribute";
      std::string hint = attribute_hint(at);
      message = "malformed attribute: " + what +
                (hint.empty() ? " (write \\{ for a literal '{' in the text)" : hint);
    } else if (why.expected == expect::close_label) {
      code = "malformed-id";
      message = "malformed id: " + what + " (write \\[ to start the text with '[')";
    } else if (why.expected == expect::reference || why.expected == expect::reference_end) {
      code = "malformed-reference";
      message =
          "a reference is '@' followed by an id, alone on its line (write \\@ to start the text "
          "with '@'): " +
          what;
    } else if (why.expected == expect::fm_key || why.expected == expect::fm_colon ||
               why.expected == expect::fm_end) {
      code = "bad-front-matter";
      message = "front matter lines are 'key: value': " + what;
    } else if (why.expected == expect::include_path || why.expected == expect::include_end) {
      code = "bad-include";
      message = "an include is 'include \"path/to/file.arg\"': " + what;
    } else {
      message = what;
    }
    error(span(std::min(at, line_.size()), std::min(at + 1, line_.size())), std::move(code),
          std::move(message));
  }

  // For a failure at byte `at` inside an attribute block: when an unquoted
  // value before it holds a ',' or a '"' (the block's pieces then stop making
  // sense), "; ..." naming that attribute and showing it quoted; else "".
  std::string attribute_hint(std::size_t at) const {
    std::size_t open = std::string_view::npos;
    for (std::size_t i = std::min(at, line_.size()); i-- > 0;) {
      if (line_[i] == '{' && (i == 0 || line_[i - 1] != '\\')) {
        open = i;
        break;
      }
    }
    if (open == std::string_view::npos) return {};
    std::size_t close = line_.find('}', at);
    std::string_view inside = line_.substr(open + 1, (close == std::string_view::npos ? line_.size() : close) - open - 1);
    std::size_t failed = at - open - 1;
    // The key of the pair the failure is in or after: the last 'key:' before it.
    std::size_t colon = inside.rfind(':', failed > 0 ? failed - 1 : 0);
    while (colon != std::string_view::npos && colon > 0 && inside[colon] == ':') {
      std::size_t k = colon;
      while (k > 0 && (std::isalnum(static_cast<unsigned char>(inside[k - 1])) || inside[k - 1] == '_' ||
                       inside[k - 1] == '-'))
        --k;
      bool starts_pair = k < colon && (k == 0 || inside[k - 1] == ',' || is_blank(inside[k - 1]));
      if (starts_pair && (k == 0 || trim(inside.substr(0, k)).empty() || trim(inside.substr(0, k)).back() == ','))
        break;
      colon = colon == 0 ? std::string_view::npos : inside.rfind(':', colon - 1);
    }
    if (colon == std::string_view::npos) return {};
    std::size_t key_start = colon;
    while (key_start > 0 && (std::isalnum(static_cast<unsigned char>(inside[key_start - 1])) ||
                             inside[key_start - 1] == '_' || inside[key_start - 1] == '-'))
      --key_start;
    std::string_view key = inside.substr(key_start, colon - key_start);
    std::string_view value = trim(inside.substr(colon + 1));
    // The value ends before a ', key:' that starts the next attribute.
    for (std::size_t c = value.find(','); c != std::string_view::npos; c = value.find(',', c + 1)) {
      std::size_t k = c + 1;
      while (k < value.size() && is_blank(value[k])) ++k;
      std::size_t name = k;
      while (k < value.size() && (std::isalnum(static_cast<unsigned char>(value[k])) || value[k] == '_' ||
                                  value[k] == '-'))
        ++k;
      while (k < value.size() && is_blank(value[k])) ++k;
      if (k > name && k < value.size() && value[k] == ':') {
        value = trim(value.substr(0, c));
        break;
      }
    }
    if (key.empty() || value.empty() || value.front() == '"') return {};
    bool comma = value.find(',') != std::string_view::npos, quote = value.find('"') != std::string_view::npos;
    if (!comma && !quote) return {};
    std::string quoted = "\"";
    for (char c : value) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    quoted += '"';
    return fmt::format("; the value of '{}' holds {}: quote the whole value, as {}: {}", key,
                       comma ? "a ',' (which would end it)" : "a '\"'", key, quoted);
  }

  // ---- encoding ------------------------------------------------------------

  bool looks_like_utf16() const {
    if (text_.size() < 2) return false;
    unsigned char b0 = static_cast<unsigned char>(text_[0]);
    unsigned char b1 = static_cast<unsigned char>(text_[1]);
    if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) return true;
    // Without a BOM: text whose every other byte is NUL (ASCII in UTF-16).
    std::size_t n = std::min<std::size_t>(text_.size(), 256) & ~std::size_t{1};
    std::size_t even_nul = 0, odd_nul = 0;
    for (std::size_t i = 0; i < n; ++i) (i % 2 ? odd_nul : even_nul) += text_[i] == '\0';
    std::size_t half = n / 2;
    return half >= 2 && ((odd_nul == half && even_nul == 0) || (even_nul == half && odd_nul == 0));
  }

  // Reports invalid UTF-8 or a NUL byte on the current line; true when the line is unusable.
  bool bad_bytes() {
    std::size_t bad = utf8::find_invalid(line_, line_ascii_);
    if (bad != std::string_view::npos) {
      error(span(bad, bad + 1), "invalid-utf8",
            fmt::format("invalid UTF-8: byte 0x{:02X} at byte offset {} of the file cannot start "
                        "a character here (argmap reads UTF-8 text)",
                        static_cast<unsigned char>(line_[bad]), line_start_ + bad));
      return true;
    }
    const void* nul = std::memchr(line_.data(), '\0', line_.size());
    if (nul) {
      std::size_t at = static_cast<std::size_t>(static_cast<const char*>(nul) - line_.data());
      error(span(at, at + 1), "nul-byte",
            fmt::format("NUL byte at byte offset {} of the file (is this a binary file?)",
                        line_start_ + at));
      return true;
    }
    return unholdable();
  }

  // Reports a code point no output can hold: a control character other than
  // tab (it would act on a terminal or a CI log) or a Unicode noncharacter
  // (XML refuses it); true when the line has one.
  bool unholdable() {
    utf8::forbidden f = utf8::find_forbidden(line_);
    if (f.offset == std::string_view::npos) return false;
    if (f.code_point == '\r') {
      error(span(f.offset, f.offset + 1), "control-character",
            "carriage return inside a line; argmap reads lines ending in LF or CRLF (convert "
            "old Mac line ends, e.g. with 'tr \"\\r\" \"\\n\"')");
    } else if (utf8::is_noncharacter(f.code_point)) {
      error(span(f.offset, f.offset + f.length), "noncharacter",
            fmt::format("U+{:04X} is a Unicode noncharacter, which no output can hold (XML "
                        "refuses it); remove it",
                        static_cast<unsigned>(f.code_point)));
    } else {
      error(span(f.offset, f.offset + f.length), "control-character",
            fmt::format("control character U+{:04X}{} in the text; argmap text holds no control "
                        "characters but tab (they would act on terminals and CI logs); remove it",
                        static_cast<unsigned>(f.code_point), utf8::control_name(f.code_point)));
    }
    return true;
  }

  // Reports a line longer than max_line_bytes; true when it is (the line is
  // then skipped: a claim that long could not be drawn or read anyway).
  bool too_long() {
    if (line_.size() <= options_.max_line_bytes) return false;
    error(span(options_.max_line_bytes, options_.max_line_bytes + 1), "line-too-long",
          fmt::format("line too long: {} bytes; argmap reads lines of at most {} bytes",
                      line_.size(), options_.max_line_bytes));
    last_ = nullptr;
    return true;
  }

  // Counts a claim about to be added; past max_claims reports it and stops
  // parsing, so that memory stays bounded by the limit, not by the input.
  bool take_claim(std::size_t col, bool reference) {
    if (reference) {
      std::size_t most = options_.max_claims * parse_options::references_per_claim;
      if (options_.references_before + ++references_ <= most) return true;
      error(span(col, col + 1), "too-many-claims",
            fmt::format("too many references: argmap reads at most {} reference lines in a map "
                        "({} times --max-nodes), counting every file it includes",
                        most, parse_options::references_per_claim));
      stopped_ = true;
      return false;
    }
    if (options_.claims_before + ++claims_ <= options_.max_claims) return true;
    error(span(col, col + 1), "too-many-claims",
          fmt::format("too many claims: argmap reads at most {} claims in a map, counting every "
                      "file it includes; reference lines do not count (--max-nodes sets another "
                      "limit)",
                      options_.max_claims));
    stopped_ = true;
    return false;
  }

  // Whether a claim line's content (after its marker) is a reference.
  static bool is_reference_line(std::string_view content) {
    while (!content.empty() && is_blank(content.front())) content.remove_prefix(1);
    return !content.empty() && content.front() == '@';
  }

  // ---- front matter --------------------------------------------------------

  void read_front_matter() {
    std::size_t save_pos = pos_;
    if (!next_line()) return;
    if (rtrim(line_) != "---") {
      pos_ = save_pos;
      line_no_ = 0;
      return;
    }
    source_range open = span(0, 3);
    // Find the closing line first: without one, the block is reported once and
    // the rest of the file is read as the outline.
    const char* base = text_.data();
    std::size_t scan = pos_;
    bool closed = false;
    while (scan < text_.size()) {
      const void* nl = std::memchr(base + scan, '\n', text_.size() - scan);
      std::size_t end =
          nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : text_.size();
      if (rtrim(std::string_view(base + scan, end - scan)) == "---") {
        closed = true;
        break;
      }
      scan = end + 1;
    }
    if (!closed) {
      error(open, "unterminated-front-matter",
            "the front matter opened here is never closed with a '---' line");
      return;
    }
    result_.doc.has_front_matter = true;
    result_.doc.meta.range = open;
    while (next_line()) {
      if (bad_bytes() || too_long()) continue;
      std::string_view content = trim(line_);
      if (content == "---") break;
      if (content.empty()) continue;
      if (content.starts_with("//")) {
        // Kept, like every comment, so that the formatter loses nothing.
        std::size_t at = static_cast<std::size_t>(content.data() - line_.data());
        result_.doc.comments.push_back(
            {span(at, at + content.size()), false, std::string(content)});
        continue;
      }
      std::size_t lead = static_cast<std::size_t>(content.data() - line_.data());
      syntax::pair p;
      syntax_failure why;
      if (!syntax::parse_front_matter_line(content, p, why)) {
        grammar_error(lead, why);
        continue;
      }
      ast::attribute a = to_attribute(p, lead);
      if (!a.quoted) a.value = std::string(trim(a.value));
      for (const ast::attribute& prev : result_.doc.meta.entries) {
        if (prev.key == a.key) {
          error(a.range, "duplicate-key",
                fmt::format("'{}' is set twice in the front matter (first on line {})", a.key,
                            prev.range.line));
        }
      }
      result_.doc.meta.entries.push_back(std::move(a));
    }
    result_.doc.meta.range.end_line = line_no_;
    result_.doc.meta.range.end_col = 4;
  }

  ast::attribute to_attribute(const syntax::pair& p, std::size_t base) const {
    ast::attribute a;
    a.key = p.key;
    a.quoted = p.val.quoted;
    a.value = p.val.quoted ? syntax::unescape_string(p.val.raw) : p.val.raw;
    std::size_t end = p.val.end, pair_end = p.end;
    if (!a.quoted) {
      // An unquoted value ends at ',' or '}': blanks before those are not part of it.
      std::size_t trimmed = rtrim(a.value).size();
      end -= a.value.size() - trimmed;
      if (pair_end > end) pair_end = end;
      a.value.resize(trimmed);
    }
    a.range = span(base + p.begin, base + pair_end);
    a.value_range = span(base + p.val.begin, base + end);
    return a;
  }

  // ---- one line ------------------------------------------------------------

  void handle_line() {
    if (in_block_comment_ && line_.size() <= options_.max_line_bytes) {
      continue_block_comment();
      return;
    }
    if (bad_bytes() || too_long()) return;
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
    if (is_marker_char(rest[0]) && (rest.size() == 1 || is_blank(rest[1]))) {
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

  void indented_line(std::uint32_t indent, std::string_view rest) {
    bool outgoing = outgoing_marker(rest);
    bool marker = outgoing || (is_marker_char(rest[0]) && (rest.size() == 1 || is_blank(rest[1])));
    if (!marker) {
      if (is_marker_char(rest[0])) {
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
    if (m == '&') {
      // `&` joins the reason of the sibling above it at the same indentation or,
      // as the first line under a claim, the reason of that claim.
      const ast::claim* joined = sibling ? sibling : stack_.back().node;
      if (joined->rel == ast::relation::root) {
        error(span(indent, indent + 1), "orphan-co-premise",
              "'&' adds a co-premise to a reason, but there is no reason here: put it at the "
              "indentation of a '+', '-' or '~' line, or directly under one");
        last_ = nullptr;
        return;
      }
      if (joined->rel == ast::relation::contradiction) {
        error(span(indent, indent + 1), "orphan-co-premise",
              "'&' cannot join a contradiction ('!'): contradictions have no premises");
        last_ = nullptr;
        return;
      }
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

  // Fills a claim from its content, which starts at byte `base` of the line.
  void fill_claim(ast::claim& c, std::size_t base, std::string_view content) {
    c.range.end_line = line_no_;
    c.range.end_col = col_at(base + content.size());
    c.range.file = file_;
    if (content.empty()) {
      error(span(base > 0 ? base - 1 : 0, base), "empty-claim",
            "expected the claim text after the relation marker");
      c.text = "?";
      return;
    }
    syntax_failure why;
    if (content[0] == '@') {
      c.is_reference = true;
      c.label_col = col_at(base);
      if (!syntax::parse_reference(content, c.id, why)) {
        grammar_error(base, why);
      } else if (c.id.size() > options_.max_id_bytes) {
        id_too_long(base, c.id.size() + 1, c.id.size());
        c.id.clear();
      }
      return;
    }
    syntax::claim_content cc;
    if (!syntax::parse_claim_content(content, cc, why)) {
      grammar_error(base, why);
      c.text = "?";  // keep the node so its children attach where the author meant
      return;
    }
    if (cc.label) {
      c.label_col = col_at(base);
      if (cc.label->size() > options_.max_id_bytes) {
        id_too_long(base, cc.label->size() + 2, cc.label->size());
      } else if (!ast::is_valid_id(*cc.label)) {
        error(span(base, base + cc.label->size() + 2), "malformed-id",
              fmt::format("malformed id '[{}]': an id starts with a letter or '_' and has only "
                          "letters, digits, '_', '.' and '-' (write \\[ to start the text with "
                          "'[')",
                          *cc.label));
      } else {
        c.id = std::move(*cc.label);
      }
    }
    add_content(c, base, cc);
  }

  void id_too_long(std::size_t base, std::size_t width, std::size_t length) {
    error(span(base, base + width), "id-too-long",
          fmt::format("id too long: {} characters; an id has at most {}", length,
                      options_.max_id_bytes));
  }

  void add_content(ast::claim& c, std::size_t base, syntax::claim_content& cc) {
    std::string_view raw(cc.raw_text.begin(), cc.raw_text.size());
    if (!raw.empty() && c.text.size() + raw.size() > options_.max_line_bytes) {
      error(span(base, base + 1), "text-too-long",
            fmt::format("claim text too long: a claim's text may have at most {} bytes, counting "
                        "its continuation lines",
                        options_.max_line_bytes));
      raw = {};
    }
    if (!raw.empty()) {
      if (!c.text.empty()) c.text += ' ';
      syntax::append_unescaped_text(raw, c.text);
    }
    for (std::string& t : cc.tags) c.extras().tags.push_back(std::move(t));
    for (const syntax::pair& p : cc.attributes) {
      ast::attribute a = to_attribute(p, base);
      check_attribute(c, a);
      c.extras().attributes.push_back(std::move(a));
    }
  }

  void check_attribute(const ast::claim& c, const ast::attribute& a) {
    for (const ast::attribute& prev : c.attributes()) {
      if (prev.key == a.key) {
        error(a.range, "duplicate-attribute",
              fmt::format("attribute '{}' is given twice for this claim", a.key));
        return;
      }
    }
    if (!is_known_attribute(a.key)) {
      static const std::vector<std::string> known = {"weight", "status", "basis", "source", "url",
                                                     "quote",  "note",   "color", "scheme"};
      auto near = closest(a.key, known);
      warning(a.range, "unknown-attribute",
              fmt::format("unknown attribute '{}'{} (known: weight, status, basis, source, url, "
                          "quote, note, color, scheme); it is kept but has no effect",
                          a.key, near ? fmt::format("; did you mean '{}'?", *near) : ""));
      return;
    }
    if (auto problem = check_attribute_value(a.key, a.value)) {
      error(a.value_range, "bad-attribute", *problem);
    }
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

  const source_set& sources_;
  std::uint32_t file_;
  const parse_options& options_;
  std::string_view text_;
  parse_result result_;

  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  std::uint32_t line_no_ = 0;
  std::string_view line_;
  bool line_ascii_ = false;  // the current line is all ASCII: columns are byte offsets + 1

  std::size_t errors_ = 0;
  bool stopped_ = false;
  std::size_t claims_ = 0;
  std::size_t references_ = 0;
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

}  // namespace argmap
