#include "engine/interchange/af_format.hpp"

#include "engine/format.hpp"
#include "engine/interchange/import_result.hpp"

#include "core/utf8.hpp"
#include "grammar/ast.hpp"
#include "grammar/parse.hpp"

#include <charconv>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

namespace argmap::engine {

std::optional<af_format> af_format_from_name(std::string_view name) {
  if (name == "tgf") return af_format::tgf;
  if (name == "apx") return af_format::apx;
  if (name == "i23") return af_format::i23;
  return std::nullopt;
}

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Names reduced to [A-Za-z0-9_], starting with a letter, unique.
std::vector<std::string> apx_names(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  id_maker unique;
  for (const std::string& n : names) {
    std::string s;
    for (char c : n) s += word_char(c) ? c : '_';
    if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
      s.insert(0, "a");
    out.push_back(unique.make(std::move(s)));
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Splits into lines, calling f(line_number, line) until it returns false.
template <typename F>
bool each_line(std::string_view text, F f) {
  std::size_t line = 0, pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    ++line;
    if (!f(line, trim(text.substr(pos, nl - pos)))) return false;
    pos = nl + 1;
  }
  return true;
}

struct builder {
  std::vector<std::string> names;
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks;

  std::uint32_t add(std::string_view name) {
    auto [it, fresh] = index.emplace(std::string(name), static_cast<std::uint32_t>(names.size()));
    if (fresh) names.emplace_back(name);
    return it->second;
  }
  named_framework done() {
    named_framework f;
    f.af = framework(names.size(), std::move(attacks));
    f.names = std::move(names);
    return f;
  }
};

std::optional<named_framework> read_tgf(std::string_view text, diagnostic& error) {
  builder b;
  bool edges = false;
  bool ok = each_line(text, [&](std::size_t line, std::string_view s) {
    if (s.empty()) return true;
    if (s == "#") {
      edges = true;
      return true;
    }
    std::size_t space = s.find_first_of(" \t");
    std::string_view first = s.substr(0, space);
    if (!edges) {
      b.add(first);  // the rest of the line is a label, which argmap ignores
      return true;
    }
    if (space == std::string_view::npos) {
      error = at_line(line, "expected 'attacker attacked'");
      return false;
    }
    std::string_view second = trim(s.substr(space));
    second = second.substr(0, second.find_first_of(" \t"));
    auto from = b.index.find(std::string(first));
    auto to = b.index.find(std::string(second));
    if (from == b.index.end() || to == b.index.end()) {
      error = at_line(line, "'{}' is not an argument listed before '#'",
                      from == b.index.end() ? first : second);
      return false;
    }
    b.attacks.emplace_back(from->second, to->second);
    return true;
  });
  if (!ok) return std::nullopt;
  return b.done();
}

// Parses `functor(x).` or `functor(x,y).`; `args` receives the names inside.
bool apx_term(std::string_view s, std::string_view functor, std::vector<std::string_view>& args) {
  if (!s.starts_with(functor)) return false;
  s = trim(s.substr(functor.size()));
  if (s.empty() || s.front() != '(') return false;
  std::size_t close = s.find(')');
  if (close == std::string_view::npos || trim(s.substr(close + 1)) != ".") return false;
  std::string_view inside = s.substr(1, close - 1);
  args.clear();
  std::size_t start = 0;
  for (;;) {
    std::size_t comma = inside.find(',', start);
    std::string_view arg = trim(inside.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (arg.empty()) return false;
    args.push_back(arg);
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

std::optional<named_framework> read_apx(std::string_view text, diagnostic& error) {
  builder b;
  std::vector<std::string_view> args;
  struct pending {
    std::size_t line;
    std::string from, to;
  };
  std::vector<pending> atts;
  bool ok = each_line(text, [&](std::size_t line, std::string_view s) {
    if (s.empty() || s.starts_with("%")) return true;
    if (apx_term(s, "arg", args) && args.size() == 1) {
      b.add(args[0]);
      return true;
    }
    if (apx_term(s, "att", args) && args.size() == 2) {
      atts.push_back({line, std::string(args[0]), std::string(args[1])});
      return true;
    }
    error = at_line(line, "expected 'arg(name).' or 'att(name,name).'");
    return false;
  });
  if (!ok) return std::nullopt;
  for (const pending& p : atts) {
    auto from = b.index.find(p.from), to = b.index.find(p.to);
    if (from == b.index.end() || to == b.index.end()) {
      error = at_line(p.line, "'{}' is not declared with arg(...)",
                      from == b.index.end() ? p.from : p.to);
      return std::nullopt;
    }
    b.attacks.emplace_back(from->second, to->second);
  }
  return b.done();
}

bool number(std::string_view s, std::size_t& n) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return ec == std::errc() && end == s.data() + s.size();
}

std::optional<named_framework> read_i23(std::string_view text, diagnostic& error) {
  std::size_t n = 0;
  bool header = false;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks;
  bool ok = each_line(text, [&](std::size_t line, std::string_view s) {
    if (s.empty() || s.starts_with("#")) return true;
    std::size_t space = s.find_first_of(" \t");
    std::string_view a = s.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? "" : trim(s.substr(space));
    if (!header) {
      if (a != "p" || !rest.starts_with("af") || !number(trim(rest.substr(2)), n)) {
        error = at_line(line, "expected the header 'p af N'");
        return false;
      }
      // The header alone declares the arguments: refuse before making them
      // (found by fuzz_import: 'p af 22906166' took 10 s).
      if (n > grammar::parse_options{}.max_claims) {
        error = at_line(line, "{} arguments: a map holds at most {} claims", n,
                        grammar::parse_options{}.max_claims);
        return false;
      }
      header = true;
      return true;
    }
    std::size_t i = 0, j = 0;
    if (!number(a, i) || !number(rest, j) || i < 1 || j < 1 || i > n || j > n) {
      error = at_line(line, "expected two argument numbers from 1 to {}", n);
      return false;
    }
    attacks.emplace_back(static_cast<std::uint32_t>(i - 1), static_cast<std::uint32_t>(j - 1));
    return true;
  });
  if (!ok) return std::nullopt;
  if (!header) {
    error = at_line(1, "expected the header 'p af N'");
    return std::nullopt;
  }
  named_framework f;
  for (std::size_t k = 1; k <= n; ++k) f.names.push_back(std::to_string(k));
  f.af = framework(n, std::move(attacks));
  return f;
}

}  // namespace

std::string write_af(const named_framework& f, af_format format) {
  std::string out;
  switch (format) {
    case af_format::tgf:
      for (const std::string& n : f.names) out += n + "\n";
      out += "#\n";
      for (auto [a, b] : f.af.attacks()) out += f.names[a] + " " + f.names[b] + "\n";
      break;
    case af_format::apx: {
      std::vector<std::string> names = apx_names(f.names);
      for (const std::string& n : names) out += "arg(" + n + ").\n";
      for (auto [a, b] : f.af.attacks()) out += "att(" + names[a] + "," + names[b] + ").\n";
      break;
    }
    case af_format::i23:
      out += fmt::format("p af {}\n", f.names.size());
      for (auto [a, b] : f.af.attacks()) out += fmt::format("{} {}\n", a + 1, b + 1);
      break;
  }
  return out;
}

std::optional<named_framework> read_af(std::string_view text, af_format format, diagnostic& error) {
  if (auto bad = unreadable_text(text)) {
    error = *bad;
    return std::nullopt;
  }
  switch (format) {
    case af_format::tgf:
      return read_tgf(text, error);
    case af_format::apx:
      return read_apx(text, error);
    case af_format::i23:
      return read_i23(text, error);
  }
  return std::nullopt;
}

std::optional<std::string> framework_to_map(const named_framework& f, diagnostic& error,
                                            const grammar::parse_options& limits) {
  // An i23 header alone ('p af 20000000') declares any number of arguments:
  // a map that large could not be read back (found by fuzz_import).
  if (f.names.size() > limits.max_claims) {
    error = import_problem(
        fmt::format("{} arguments: a map holds at most {} claims (--max-nodes sets another limit)",
                    f.names.size(), limits.max_claims));
    return std::nullopt;
  }
  std::vector<std::string> ids;
  id_maker unique;
  for (const std::string& n : f.names) {
    std::string id = n;
    if (!ast::is_valid_id(id)) {
      id = "a_";
      for (char c : n) id += (word_char(c) || c == '.' || c == '-') ? c : '_';
    }
    ids.push_back(unique.make(std::move(id)));
  }
  map_builder out;
  out.comment("Imported abstract argumentation framework: one claim per argument,");
  out.comment("one attack per attack.");
  for (std::uint32_t a = 0; a < f.af.size(); ++a) {
    out.claim(0, ast::relation::root, ids[a], "Argument " + f.names[a] + ".");
    for (std::uint32_t b : f.af.attackers(a)) out.reference(1, ast::relation::attack, ids[b]);
  }
  auto checked = finish_import(out, {}, error, limits);
  if (!checked) return std::nullopt;
  return std::move(checked->map);
}

}  // namespace argmap::engine
