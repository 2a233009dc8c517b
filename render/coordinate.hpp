#pragma once
/// \file
/// Internal to render/: numbers in Graphviz's SVG, written faster.
///
/// Graphviz 2.42 writes every coordinate of an SVG through `gvprintdouble`:
/// values within 1e-8 of zero become 0, the rest `snprintf("%.02f")`, then
/// trailing zeros and a trailing point are cut ("12.50" -> "12.5", "3.00" ->
/// "3", "-0.004" -> "-0"). glibc's `%f` is slow, and a large map's SVG is
/// mostly numbers (a third of the time of rendering 10,000 claims).
/// render/coordinate.cpp defines `gvprintdouble` itself, with format_coordinate,
/// so the dynamic linker binds Graphviz's plugins to argmap's copy (ELF
/// symbol interposition). The output is the same, character for character:
/// tests compare format_coordinate with the snprintf formula on millions of
/// values, and the golden SVGs did not change.

#include <cstddef>

namespace argmap::render {

/// Writes `value` as Graphviz 2.42's gvprintdouble would into `out` (not
/// NUL-terminated); returns the length.
std::size_t format_coordinate(double value, char (&out)[64]);

}  // namespace argmap::render
