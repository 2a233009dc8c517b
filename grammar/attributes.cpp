#include "grammar/attributes.hpp"

#include <cctype>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace argmap::grammar {

namespace {

constexpr std::array<std::string_view, 9> known_keys = {
    "weight", "status", "basis", "source", "url", "quote", "note", "color", "scheme"};

constexpr std::array<std::string_view, 3> statuses = {"accepted", "rejected", "assumed"};

constexpr std::array<std::string_view, 12> bases = {
    "assertion", "expert",    "quote", "statistic",  "data",       "document",
    "case-study", "law",      "definition", "common-knowledge", "personal-experience",
    "assumption"};

std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

bool contains(std::span<const std::string_view> words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool valid_color(std::string_view v) {
  if (!v.empty() && v[0] == '#') {
    std::string_view h = v.substr(1);
    if (h.size() != 3 && h.size() != 6 && h.size() != 8) return false;
    return std::all_of(h.begin(), h.end(), is_hex);
  }
  return !v.empty() && v.size() <= 32 &&
         std::all_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

bool is_known_attribute(std::string_view key) { return contains(known_keys, key); }

std::span<const std::string_view> known_attributes() {
  return known_keys;
}

std::span<const std::string_view> status_values() { return statuses; }

std::span<const std::string_view> basis_values() { return bases; }

std::optional<std::string> check_attribute_value(std::string_view key, std::string_view value) {
  if (key == "weight") {
    double w = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), w);
    if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(w) || w < 0 ||
        w > 1) {
      return fmt::format("weight must be a number from 0 to 1, not '{}'", value);
    }
  } else if (key == "status") {
    if (!contains(statuses, value)) {
      return fmt::format("status must be {}, not '{}'", join(statuses), value);
    }
  } else if (key == "basis") {
    if (!contains(bases, value)) {
      return fmt::format("basis must be one of {}; not '{}'", join(bases), value);
    }
  } else if (key == "color") {
    if (!valid_color(value)) {
      return fmt::format(
          "color must be a colour name in lower case (e.g. 'orange') or '#rgb', '#rrggbb' or "
          "'#rrggbbaa', not '{}'",
          value);
    }
  } else if (key == "source" || key == "url" || key == "quote" || key == "note" || key == "scheme") {
    if (value.empty()) return fmt::format("{} must not be empty", key);
  }
  return std::nullopt;
}

bool is_safe_url(std::string_view url) {
  auto starts = [&](std::string_view scheme) {
    if (url.size() <= scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
    return true;
  };
  if (!starts("http://") && !starts("https://") && !starts("mailto:")) return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>')
      return false;
  return true;
}

}  // namespace argmap::grammar
