#pragma once
// An importer's error as the tests compare it: "line L, column C: message",
// "line L: message" (column unknown) or the message alone (no place).

#include <string>

#include <fmt/format.h>

#include "core/diagnostic.hpp"

inline std::string text_of(const argmap::diagnostic& d) {
  if (d.range.line == 0) return d.message;
  if (d.range.col == 0) return fmt::format("line {}: {}", d.range.line, d.message);
  return fmt::format("line {}, column {}: {}", d.range.line, d.range.col, d.message);
}
