// The line level of the outline pass: reading lines, columns and ranges,
// reporting diagnostics (grammar failures in the words a user reads), the
// encoding checks and the limits (line_reader.hpp).

#include "grammar/line_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "core/utf8.hpp"

namespace argmap::grammar {

using syntax_failure = syntax::failure;

namespace {

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

}  // namespace

line_reader::line_reader(const source_set& sources, std::uint32_t file,
                         const parse_options& options)
    : sources_(sources), file_(file), options_(options), text_(sources.files[file].text) {
  result_.doc.file = file;
}

// Claims are checked when their last continuation line has been read, so a
// few errors are found out of order; report them in source order.
void line_reader::sort_diagnostics() {
  auto& ds = result_.diagnostics;
  auto tail = ds.end();
  if (stopped_ && !ds.empty()) --tail;  // "too many errors" stays last
  std::stable_sort(ds.begin(), tail, [](const diagnostic& a, const diagnostic& b) {
    return a.range.line != b.range.line ? a.range.line < b.range.line : a.range.col < b.range.col;
  });
}

// Advances to the next line; sets line_ (without terminator) and line_no_.
bool line_reader::next_line() {
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

std::uint32_t line_reader::col_at(std::size_t offset_in_line) const {
  if (line_ascii_) return static_cast<std::uint32_t>(offset_in_line + 1);
  return utf8::column(line_, offset_in_line);
}

// Range on the current line from byte offset `b` to byte offset `e`.
source_range line_reader::span(std::size_t b, std::size_t e) const {
  std::uint32_t c = col_at(b);
  std::uint32_t ce = line_ascii_
                         ? c + static_cast<std::uint32_t>(e - b)
                         : c + static_cast<std::uint32_t>(utf8::length(line_.substr(b, e - b)));
  if (ce == c) ce = c + 1;
  return {file_, line_no_, c, line_no_, ce};
}

void line_reader::error(source_range r, std::string code, std::string message) {
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

void line_reader::warning(source_range r, std::string code, std::string message,
                          std::vector<fix> fixes) {
  if (stopped_) return;
  r.file = file_;
  for (fix& f : fixes) f.range.file = file_;
  diagnostic& d = result_.diagnostics.emplace_back(
      make_diagnostic(sources_, r, severity::warning, std::move(code), std::move(message)));
  d.fixes = std::move(fixes);
}

// Reports a line-grammar failure at byte `base + why.offset` of the current line.
void line_reader::grammar_error(std::size_t base, const syntax_failure& why) {
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
std::string line_reader::attribute_hint(std::size_t at) const {
  std::size_t open = std::string_view::npos;
  for (std::size_t i = std::min(at, line_.size()); i-- > 0;) {
    if (line_[i] == '{' && (i == 0 || line_[i - 1] != '\\')) {
      open = i;
      break;
    }
  }
  if (open == std::string_view::npos) return {};
  std::size_t close = line_.find('}', at);
  std::string_view inside =
      line_.substr(open + 1, (close == std::string_view::npos ? line_.size() : close) - open - 1);
  std::size_t failed = at - open - 1;
  // The key of the pair the failure is in or after: the last 'key:' before it.
  std::size_t colon = inside.rfind(':', failed > 0 ? failed - 1 : 0);
  while (colon != std::string_view::npos && colon > 0 && inside[colon] == ':') {
    std::size_t k = colon;
    while (k > 0 && (std::isalnum(static_cast<unsigned char>(inside[k - 1])) ||
                     inside[k - 1] == '_' || inside[k - 1] == '-'))
      --k;
    bool starts_pair = k < colon && (k == 0 || inside[k - 1] == ',' || is_blank(inside[k - 1]));
    if (starts_pair &&
        (k == 0 || trim(inside.substr(0, k)).empty() || trim(inside.substr(0, k)).back() == ','))
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
    while (k < value.size() && (std::isalnum(static_cast<unsigned char>(value[k])) ||
                                value[k] == '_' || value[k] == '-'))
      ++k;
    while (k < value.size() && is_blank(value[k])) ++k;
    if (k > name && k < value.size() && value[k] == ':') {
      value = trim(value.substr(0, c));
      break;
    }
  }
  if (key.empty() || value.empty() || value.front() == '"') return {};
  bool comma = value.find(',') != std::string_view::npos,
       quote = value.find('"') != std::string_view::npos;
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

bool line_reader::looks_like_utf16() const {
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
bool line_reader::bad_bytes() {
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
bool line_reader::unholdable() {
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
bool line_reader::too_long() {
  if (line_.size() <= options_.max_line_bytes) return false;
  error(span(options_.max_line_bytes, options_.max_line_bytes + 1), "line-too-long",
        fmt::format("line too long: {} bytes; argmap reads lines of at most {} bytes", line_.size(),
                    options_.max_line_bytes));
  return true;
}

// Counts a claim about to be added; past max_claims reports it and stops
// parsing, so that memory stays bounded by the limit, not by the input.
bool line_reader::take_claim(std::size_t col, bool reference) {
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
bool line_reader::is_reference_line(std::string_view content) {
  while (!content.empty() && is_blank(content.front())) content.remove_prefix(1);
  return !content.empty() && content.front() == '@';
}

}  // namespace argmap::grammar
