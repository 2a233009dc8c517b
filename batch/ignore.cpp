#include "batch/ignore.hpp"

#include <fmt/format.h>

#include "core/utf8.hpp"

namespace argmap::batch {

namespace {

using token = glob_pattern::token;
using segment = glob_pattern::segment;

// Decodes `s` into code points; a byte that starts no valid sequence stands
// for itself (U+DC00 + byte, as Python's surrogateescape), so any bytes match.
std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t bad = utf8::find_invalid(s.substr(i, std::min<std::size_t>(4, s.size() - i)));
    const char* p = s.data() + i;
    const char* end = s.data() + s.size();
    if (bad == 0) {
      out.push_back(0xDC00 + static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    out.push_back(utf8::decode(p, end));
    i = static_cast<std::size_t>(p - s.data());
  }
  return out;
}

bool class_matches(const token& t, char32_t c) {
  bool in = false;
  for (const auto& [lo, hi] : t.ranges) in = in || (c >= lo && c <= hi);
  return in != t.negated;
}

bool single_matches(const token& t, char32_t c) {
  switch (t.kind) {
    case token::literal:
      return c == t.ch;
    case token::any_char:
      return true;
    case token::char_class:
      return class_matches(t, c);
    case token::star:
      break;
  }
  return false;
}

// Wildcard match of one segment: the classic two-pointer walk that goes back
// only to the last '*', O(|tokens| * |text|) whatever the pattern.
bool segment_matches(const std::vector<token>& tokens, const std::u32string& text) {
  std::size_t t = 0, s = 0;
  std::size_t star = std::string::npos, star_s = 0;
  while (s < text.size()) {
    if (t < tokens.size() && tokens[t].kind == token::star) {
      star = t++;
      star_s = s;
    } else if (t < tokens.size() && single_matches(tokens[t], text[s])) {
      ++t;
      ++s;
    } else if (star != std::string::npos) {
      t = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (t < tokens.size() && tokens[t].kind == token::star) ++t;
  return t == tokens.size();
}

struct posix_class {
  const char* name;
  std::vector<std::pair<char32_t, char32_t>> ranges;
};

const std::vector<posix_class>& posix_classes() {
  static const std::vector<posix_class> classes = {
      {"alpha", {{'a', 'z'}, {'A', 'Z'}}},
      {"digit", {{'0', '9'}}},
      {"alnum", {{'a', 'z'}, {'A', 'Z'}, {'0', '9'}}},
      {"upper", {{'A', 'Z'}}},
      {"lower", {{'a', 'z'}}},
      {"space", {{' ', ' '}, {'\t', '\r'}}},
      {"punct", {{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}}},
      {"xdigit", {{'0', '9'}, {'a', 'f'}, {'A', 'F'}}},
  };
  return classes;
}

class compiler {
 public:
  compiler(std::string_view glob, std::string& error, std::size_t& at)
      : text_(decode(glob)), glob_(glob), error_(error), at_(at) {}

  bool run(glob_pattern& out) {
    segment current;
    bool segment_start = true;
    while (i_ < text_.size()) {
      char32_t c = text_[i_];
      if (c == '/') {
        out.segments.push_back(std::move(current));
        current = {};
        segment_start = true;
        ++i_;
        continue;
      }
      // A whole segment of '**'.
      if (segment_start && c == '*' && i_ + 1 < text_.size() && text_[i_ + 1] == '*' &&
          (i_ + 2 == text_.size() || text_[i_ + 2] == '/')) {
        current.globstar = true;
        i_ += 2;
        segment_start = false;
        continue;
      }
      segment_start = false;
      token t;
      if (c == '\\') {
        if (i_ + 1 == text_.size())
          return fail("a pattern cannot end with '\\' (write '\\\\' for a backslash)");
        t.ch = text_[++i_];
        ++i_;
      } else if (c == '*') {
        t.kind = token::star;
        while (i_ < text_.size() && text_[i_] == '*') ++i_;  // '**' inside a segment is '*'
      } else if (c == '?') {
        t.kind = token::any_char;
        ++i_;
      } else if (c == '[') {
        if (!bracket(t)) return false;
      } else {
        t.ch = c;
        ++i_;
      }
      current.tokens.push_back(std::move(t));
    }
    out.segments.push_back(std::move(current));
    return true;
  }

 private:
  bool fail(std::string message) {
    error_ = std::move(message);
    at_ = byte_offset(start_ != npos ? start_ : i_);
    return false;
  }

  std::size_t byte_offset(std::size_t cp) const {
    // Code points back to bytes (the glob is short).
    std::size_t bytes = 0, seen = 0;
    while (bytes < glob_.size() && seen < cp) {
      ++bytes;
      while (bytes < glob_.size() && (static_cast<unsigned char>(glob_[bytes]) & 0xC0) == 0x80)
        ++bytes;
      ++seen;
    }
    return bytes;
  }

  // '[' ... ']' at i_.
  bool bracket(token& t) {
    start_ = i_;
    t.kind = token::char_class;
    ++i_;
    if (i_ < text_.size() && (text_[i_] == '!' || text_[i_] == '^')) {
      t.negated = true;
      ++i_;
    }
    bool first = true;
    for (;;) {
      if (i_ >= text_.size() || text_[i_] == '/')
        return fail("'[' is never closed with ']' (write '\\[' for a literal '[')");
      char32_t c = text_[i_];
      if (c == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (c == '[' && i_ + 1 < text_.size() && text_[i_ + 1] == ':') {
        std::size_t close = i_ + 2;
        while (close + 1 < text_.size() && !(text_[close] == ':' && text_[close + 1] == ']'))
          ++close;
        if (close + 1 >= text_.size()) return fail("'[:' is never closed with ':]'");
        std::string name;
        for (std::size_t k = i_ + 2; k < close; ++k)
          name += static_cast<char>(text_[k] < 0x80 ? text_[k] : '?');
        const posix_class* found = nullptr;
        for (const posix_class& pc : posix_classes())
          if (name == pc.name) found = &pc;
        if (!found) {
          start_ = i_;
          return fail(
              fmt::format("unknown character class '[:{}:]' (known: alpha, digit, alnum, upper, "
                          "lower, space, punct, xdigit)",
                          name));
        }
        t.ranges.insert(t.ranges.end(), found->ranges.begin(), found->ranges.end());
        i_ = close + 2;
        continue;
      }
      if (c == '\\') {
        if (i_ + 1 >= text_.size())
          return fail("a pattern cannot end with '\\' (write '\\\\' for a backslash)");
        c = text_[++i_];
      }
      ++i_;
      char32_t hi = c;
      if (i_ + 1 < text_.size() && text_[i_] == '-' && text_[i_ + 1] != ']') {
        hi = text_[i_ + 1];
        i_ += 2;
        if (hi == '\\' && i_ < text_.size()) hi = text_[i_++];
        if (hi < c) {
          start_ = npos;
          return fail("a range in '[...]' must go upwards, as 'a-z'");
        }
      }
      t.ranges.emplace_back(c, hi);
    }
    start_ = npos;
    return true;
  }

  static constexpr std::size_t npos = std::string::npos;
  std::u32string text_;
  std::string_view glob_;
  std::string& error_;
  std::size_t& at_;
  std::size_t i_ = 0;
  std::size_t start_ = npos;
};

// Splits a '/'-separated path into decoded segments.
std::vector<std::u32string> segments_of(std::string_view path) {
  std::vector<std::u32string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t slash = path.find('/', start);
    out.push_back(decode(path.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start)));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

// Strips a line's unescaped trailing spaces (and a CR).
std::string_view trim_line(std::string_view line) {
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && line.back() == ' ') {
    std::size_t backslashes = 0;
    for (std::size_t k = line.size() - 1; k > 0 && line[k - 1] == '\\'; --k) ++backslashes;
    if (backslashes % 2 == 1) break;  // "\ " keeps its space
    line.remove_suffix(1);
  }
  return line;
}

// Compiles a gitignore glob (no leading `!`, no trailing `/`): `*` and `?`
// within a segment, `[abc]`, `[a-z]`, `[!a]`/`[^a]` and the POSIX classes
// `[[:alpha:]]`, `[[:digit:]]`, `[[:alnum:]]`, `[[:upper:]]`, `[[:lower:]]`,
// `[[:space:]]`, `[[:punct:]]`, `[[:xdigit:]]`; `\x` for a literal x; a whole
// segment `**` for any number of segments. On a syntax error (an unclosed
// `[`, an unknown class, a trailing `\`) returns false with the message and
// the 0-based byte offset of the problem.
bool compile_glob(std::string_view glob, glob_pattern& out, std::string& error, std::size_t& at) {
  out = {};
  return compiler(glob, error, at).run(out);
}

// Whether `path` ('/'-separated) matches `p`. Time is bounded by the product
// of the pattern's and the path's lengths, whatever their shape.
bool glob_match(const glob_pattern& p, std::string_view path) {
  std::vector<std::u32string> s = segments_of(path);
  const std::size_t P = p.segments.size(), S = s.size();
  // dp[i][j]: pattern segments i.. match path segments j..; rows built from
  // the last pattern segment up, so time is O(P * S * segment match).
  std::vector<char> next(S + 1, 0), cur(S + 1, 0);
  next[S] = 1;
  for (std::size_t i = P; i-- > 0;) {
    const segment& seg = p.segments[i];
    if (seg.globstar) {
      // '**' as the last of several segments ('a/**') needs at least one
      // segment; elsewhere it may match none.
      bool at_least_one = i + 1 == P && P > 1;
      char any = 0;  // OR of next[j'] for j' >= j (+1 when at_least_one)
      for (std::size_t j = S + 1; j-- > 0;) {
        if (at_least_one) {
          cur[j] = any;
          any = any || next[j];
        } else {
          any = any || next[j];
          cur[j] = any;
        }
      }
    } else {
      cur[S] = 0;
      for (std::size_t j = 0; j < S; ++j) cur[j] = next[j + 1] && segment_matches(seg.tokens, s[j]);
    }
    std::swap(cur, next);
  }
  return next[0] != 0;
}

}  // namespace

ignore_list::ignore_list(std::string_view text, const std::string& name,
                         std::vector<diagnostic>& problems) {
  std::size_t pos = 0;
  std::uint32_t line_no = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    std::string_view line = trim_line(raw);
    if (line.empty() || line.front() == '#') continue;
    auto report = [&](std::size_t offset, const std::string& message) {
      diagnostic d;
      d.code = "bad-ignore-pattern";
      d.file = name;
      const auto col = static_cast<std::uint32_t>(utf8::column(raw, offset));
      d.range = {0, line_no, col, line_no, col + 1};
      d.line_text = std::string(raw);
      d.message = message;
      problems.push_back(std::move(d));
    };
    if (utf8::find_invalid(line) != std::string_view::npos) {
      report(utf8::find_invalid(line), "not valid UTF-8; an ignore file is UTF-8 text");
      continue;
    }
    constexpr std::size_t max_pattern = 4096;
    if (line.size() > max_pattern) {
      report(max_pattern, fmt::format("pattern too long: {} bytes; a pattern has at most {}",
                                      line.size(), max_pattern));
      continue;
    }
    std::size_t offset = 0;
    rule r;
    if (line.front() == '!') {
      r.negate = true;
      line.remove_prefix(1);
      offset = 1;
    }
    if (line.size() > 1 && line.back() == '/') {
      r.directory_only = true;
      line.remove_suffix(1);
    }
    bool anchored = line.starts_with("/");
    if (anchored) {
      line.remove_prefix(1);
      ++offset;
    }
    // A slash inside the pattern anchors it too.
    anchored = anchored || line.find('/') != std::string_view::npos;
    std::string error;
    std::size_t at = 0;
    if (!compile_glob(line, r.glob, error, at)) {
      report(offset + at, error);
      continue;
    }
    if (r.glob.segments.empty() || (r.glob.segments.size() == 1 && !r.glob.segments[0].globstar &&
                                    r.glob.segments[0].tokens.empty()))
      continue;
    // Unanchored: a name at any depth, as if written '**/name'.
    if (!anchored) r.glob.segments.insert(r.glob.segments.begin(), segment{true, {}});
    rules_.push_back(std::move(r));
  }
}

bool ignore_list::matches(std::string_view path, bool directory) const {
  bool result = false;
  for (const rule& r : rules_) {
    if (r.directory_only && !directory) continue;
    if (result == !r.negate) continue;  // cannot change the answer
    if (glob_match(r.glob, path)) result = !r.negate;
  }
  return result;
}

bool ignore_list::ignored(std::string_view path, bool directory) const {
  // Each folder on the way, then the path: depth * patterns matches, no recursion.
  std::size_t slash = 0;
  while ((slash = path.find('/', slash)) != std::string_view::npos) {
    if (matches(path.substr(0, slash), true)) return true;
    ++slash;
  }
  return matches(path, directory);
}

}  // namespace argmap::batch
