// Counts the claims of a map with argmap's engine library.
#include <cstdio>

#include "engine/check.hpp"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  argmap::grammar::disk_loader loader;
  argmap::engine::checked_map m = argmap::engine::check_file(argv[1], loader, {});
  std::printf("%zu claims, %zu errors\n", m.graph.claims.size(), m.errors());
  return m.errors() == 0 ? 0 : 1;
}
