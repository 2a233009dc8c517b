#include "engine/diff.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace argmap::engine {

std::vector<text_line> split_lines(std::string_view text) {
  std::vector<text_line> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      lines.push_back({text.substr(pos), false});
      break;
    }
    lines.push_back({text.substr(pos, nl - pos), true});
    pos = nl + 1;
  }
  return lines;
}

namespace {

// Myers' greedy forward search over a[0..n) and b[0..m), remembering the
// furthest-reaching x of every diagonal after each number of differences so
// that the path can be traced back. False when more than `max_d` are needed.
bool myers(const text_line* a, std::size_t n, const text_line* b, std::size_t m, std::size_t max_d,
           std::vector<edit>& out) {
  const long N = static_cast<long>(n), M = static_cast<long>(m);
  const long limit = std::min<long>(N + M, static_cast<long>(max_d));
  const long offset = limit + 1;
  std::vector<int> v(static_cast<std::size_t>(2 * limit + 3), 0);
  std::vector<std::vector<int>> trace;  // trace[d][k + d]: v[k] before step d
  auto at = [&](long k) -> int& { return v[static_cast<std::size_t>(k + offset)]; };
  for (long d = 0; d <= limit; ++d) {
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < N && y < M && a[x] == b[y]) ++x, ++y;
      at(k) = static_cast<int>(x);
      if (x < N || y < M) continue;
      // Found: walk back from (N, M).
      std::vector<edit> steps;
      long cx = N, cy = M;
      for (long e = d; e > 0; --e) {
        const std::vector<int>& t = trace[static_cast<std::size_t>(e)];
        auto tv = [&](long kk) { return static_cast<long>(t[static_cast<std::size_t>(kk + e)]); };
        long ck = cx - cy;
        long pk = (ck == -e || (ck != e && tv(ck - 1) < tv(ck + 1))) ? ck + 1 : ck - 1;
        long px = tv(pk), py = px - pk;
        while (cx > px && cy > py) {
          steps.push_back(edit::keep);
          --cx, --cy;
        }
        steps.push_back(pk == ck + 1 ? edit::insert : edit::remove);
        cx = px;
        cy = py;
      }
      while (cx > 0 && cy > 0) {
        steps.push_back(edit::keep);
        --cx, --cy;
      }
      out.insert(out.end(), steps.rbegin(), steps.rend());
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<edit> diff_lines(const std::vector<text_line>& a, const std::vector<text_line>& b,
                             std::size_t max_differences) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::vector<edit> out(prefix, edit::keep);
  std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  if (!myers(a.data() + prefix, n, b.data() + prefix, m, max_differences, out)) {
    out.insert(out.end(), n, edit::remove);
    out.insert(out.end(), m, edit::insert);
  }
  out.insert(out.end(), suffix, edit::keep);
  return out;
}

std::string unified_diff(const std::string& name, const std::string& before,
                         const std::string& after) {
  if (before == after) return "";
  std::vector<text_line> a = split_lines(before), b = split_lines(after);
  std::vector<edit> ops = diff_lines(a, b);
  // Where each op's lines are in a and b.
  std::vector<std::size_t> ai(ops.size() + 1), bi(ops.size() + 1);
  for (std::size_t q = 0; q < ops.size(); ++q) {
    ai[q + 1] = ai[q] + (ops[q] != edit::insert);
    bi[q + 1] = bi[q] + (ops[q] != edit::remove);
  }
  constexpr std::size_t context = 3;
  auto range = [](std::size_t start, std::size_t count) {
    // GNU's form: a count of 1 is left out; an empty range names the line before it.
    if (count == 1) return fmt::format("{}", start + 1);
    return fmt::format("{},{}", count == 0 ? start : start + 1, count);
  };
  auto line = [](char mark, const text_line& l) {
    std::string s(1, mark);
    s.append(l.text);
    s += '\n';
    if (!l.newline) s += "\\ No newline at end of file\n";
    return s;
  };
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", name, name);
  std::size_t q = 0;
  while (q < ops.size()) {
    if (ops[q] == edit::keep) {
      ++q;
      continue;
    }
    // A hunk: this change, and the next ones separated by at most 2 * context kept lines.
    std::size_t first = q >= context ? q - context : 0;  // earlier changes are in earlier hunks
    std::size_t last = q;                                // one past the last change
    for (;;) {
      while (last < ops.size() && ops[last] != edit::keep) ++last;
      std::size_t run = 0;
      while (last + run < ops.size() && ops[last + run] == edit::keep) ++run;
      if (last + run == ops.size() || run > 2 * context) break;
      last += run;
    }
    std::size_t end = std::min(ops.size(), last + context);
    while (end > last && ops[end - 1] != edit::keep) --end;
    out += fmt::format("@@ -{} +{} @@\n", range(ai[first], ai[end] - ai[first]),
                       range(bi[first], bi[end] - bi[first]));
    for (std::size_t k = first; k < end; ++k) {
      if (ops[k] == edit::keep)
        out += line(' ', a[ai[k]]);
      else if (ops[k] == edit::remove)
        out += line('-', a[ai[k]]);
      else
        out += line('+', b[bi[k]]);
    }
    q = end;
  }
  return out;
}

}  // namespace argmap::engine
