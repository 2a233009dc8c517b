// Coordinates as Graphviz 2.42 prints them, without printf (coordinate.hpp).

#include "render/coordinate.hpp"

#include <graphviz/gvc.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace argmap::render {

std::size_t format_coordinate(double value, char (&out)[64]) {
  if (value > -1e-8 && value < 1e-8) value = 0;
  // Exactly as printf's "%.2f" rounds: value * 100 to the nearest integer,
  // ties to even, computed on the exact binary value (mantissa * 2^exponent)
  // in integers. Below 2^50 (any coordinate); the rest goes to snprintf.
  std::size_t length = 0;
  if (std::isfinite(value) && std::fabs(value) < 0x1p50) {
    int exponent = 0;
    double fraction = std::frexp(std::fabs(value), &exponent);  // value = fraction * 2^exponent
    auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));  // exact: 53 bits
    exponent -= 53;
    unsigned __int128 scaled = static_cast<unsigned __int128>(mantissa) * 100;
    std::uint64_t hundredths = 0;
    if (exponent >= 0) {
      hundredths = static_cast<std::uint64_t>(scaled << exponent);
    } else if (exponent > -120) {
      int shift = -exponent;
      unsigned __int128 whole = scaled >> shift;
      unsigned __int128 rest = scaled - (whole << shift);
      unsigned __int128 half = static_cast<unsigned __int128>(1) << (shift - 1);
      if (rest > half || (rest == half && (whole & 1) != 0)) ++whole;
      hundredths = static_cast<std::uint64_t>(whole);
    }
    char digits[32];
    int n = 0;
    for (std::uint64_t h = hundredths; n < 3 || h != 0; h /= 10)
      digits[n++] = static_cast<char>('0' + h % 10);
    if (std::signbit(value)) out[length++] = '-';
    while (n > 2) out[length++] = digits[--n];
    out[length++] = '.';
    out[length++] = digits[1];
    out[length++] = digits[0];
  } else {
    // Graphviz prints into 50 bytes: keep its truncation, and glibc's words
    // for infinities and NaNs.
    std::snprintf(out, 50, "%.02f", value);
    length = std::strlen(out);
  }
  if (std::memchr(out, '.', length)) {
    while (out[length - 1] == '0') --length;
    if (out[length - 1] == '.') --length;
  }
  return length;
}

}  // namespace argmap::render

// See render/coordinate.hpp: Graphviz's plugins call this instead of
// libgvc's own copy.
extern "C" std::size_t gvwrite(GVJ_t* job, const char* s, std::size_t len);
extern "C" void gvprintdouble(GVJ_t* job, double num) {
  char text[64];
  gvwrite(job, text, argmap::render::format_coordinate(num, text));
}
