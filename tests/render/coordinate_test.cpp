// argmap's gvprintdouble (render/coordinate.hpp) writes exactly what
// Graphviz 2.42's would, and is the one Graphviz's plugins call.

#include <dlfcn.h>
#include <doctest/doctest.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "render/coordinate.hpp"

extern "C" void gvprintdouble(GVJ_t* job, double num);

namespace {

// Graphviz 2.42's formula, as its lib/gvc/gvdevice.c has it.
std::string graphviz_formula(double num) {
  if (num > -1e-8 && num < 1e-8) num = 0;
  char buf[50];
  std::snprintf(buf, 50, "%.02f", num);
  if (char* dot = std::strchr(buf, '.')) {
    char* end = dot + std::strlen(dot);
    while (end[-1] == '0') *--end = '\0';
    if (end[-1] == '.') end[-1] = '\0';
  }
  return buf;
}

std::string ours(double num) {
  char out[64];
  return std::string(out, argmap::render::format_coordinate(num, out));
}

}  // namespace

TEST_CASE("coordinates are written exactly as Graphviz's snprintf formula writes them") {
  for (double v :
       {0.0,   -0.0,  1e-9,  -1e-9,  1e-8,   -1e-8,     0.004,      -0.004,   0.005,    -0.005,
        0.015, 0.125, 0.375, -2.675, 1.005,  12.5,      3.0,        100.0,    72.0 / 7, 1e15,
        -1e15, 1e49,  1e60,  1e300,  -1e300, 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0})
    CHECK_MESSAGE(ours(v) == graphviz_formula(v), v);
  std::mt19937_64 rng(7);
  std::size_t differ = 0;
  for (int i = 0; i < 200000; ++i) {
    // Coordinates of all sizes, exact ties (multiples of 1/8) and near-ties.
    double scale = std::ldexp(1.0, static_cast<int>(rng() % 80) - 30);
    double values[] = {(static_cast<double>(rng() % 2000001) - 1e6) / 1e6 * scale,
                       (static_cast<double>(rng() % 2000000) - 1e6) / 8,
                       (static_cast<double>(rng() % 20000000) - 1e7) / 1000};
    for (double v : values)
      if (ours(v) != graphviz_formula(v) && differ++ < 5)
        MESSAGE(v, ": ", ours(v), " vs ", graphviz_formula(v));
  }
  CHECK(differ == 0);
}

TEST_CASE("Graphviz's plugins resolve gvprintdouble to argmap's copy") {
  // The executable exports its definition, which comes first in the lookup
  // order; the SVG plugin therefore calls it.
  CHECK(dlsym(RTLD_DEFAULT, "gvprintdouble") == reinterpret_cast<void*>(&gvprintdouble));
}
