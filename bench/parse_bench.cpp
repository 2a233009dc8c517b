// parse_bench FILE [ROUNDS]: parses FILE (with its includes) ROUNDS times and
// prints throughput and peak memory, for docs/performance.md.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/load.hpp"

namespace {

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_bench FILE [ROUNDS]\n");
    return 2;
  }
  std::string path = argv[1];
  int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  long rss_before = peak_rss_kib();
  std::vector<double> seconds;
  std::size_t bytes = 0, errors = 0, claims = 0;
  for (int r = 0; r < std::max(rounds, 1); ++r) {
    argmap::grammar::disk_loader loader;
    auto t0 = std::chrono::steady_clock::now();
    argmap::grammar::loaded_map map = argmap::grammar::load_map(path, loader);
    auto t1 = std::chrono::steady_clock::now();
    seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
    bytes = 0;
    for (const auto& f : map.sources.files) bytes += f.text.size();
    errors = argmap::count(map.diagnostics, argmap::severity::error);
    claims = 0;
    for (const auto& d : map.documents) claims += d.items.size();
  }
  std::sort(seconds.begin(), seconds.end());
  double best = seconds.front(), median = seconds[seconds.size() / 2];
  double mb = static_cast<double>(bytes) / 1e6;
  long peak = peak_rss_kib();
  std::printf("file           %s\n", path.c_str());
  std::printf("size           %.2f MB\n", mb);
  std::printf("top-level items %zu (roots, headings, includes), errors %zu\n", claims, errors);
  std::printf("parse (best)   %.4f s  %.0f MB/s\n", best, mb / best);
  std::printf("parse (median) %.4f s  %.0f MB/s  over %zu rounds\n", median, mb / median,
              seconds.size());
  double peak_mb = static_cast<double>(peak) * 1024 / 1e6;
  std::printf("peak RSS       %.1f MB (%.2fx the file; %.1f MB before parsing)\n", peak_mb,
              peak_mb / mb, static_cast<double>(rss_before) * 1024 / 1e6);
  return errors ? 1 : 0;
}
