// eval_bench: grounded labelling of a generated 1,000,000-argument,
// 3,000,000-attack framework, and preferred semantics on small ICCMA-style
// generated instances. Prints the figures for docs/performance.md.

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <vector>

#include "engine/framework.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

struct lcg {
  std::uint64_t s;
  std::uint32_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(s >> 33);
  }
};

// Erdős–Rényi-style: `m` attacks between uniformly chosen arguments.
argmap::engine::framework random_af(std::uint32_t n, std::uint64_t m, std::uint64_t seed) {
  lcg r{seed};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks;
  attacks.reserve(m);
  for (std::uint64_t k = 0; k < m; ++k) attacks.emplace_back(r.next() % n, r.next() % n);
  return argmap::engine::framework(n, std::move(attacks));
}

// Grid frameworks (as in ICCMA's GridGenerator): arguments on a w x h grid,
// each attacking its right and lower neighbour, some attacks both ways.
argmap::engine::framework grid_af(std::uint32_t w, std::uint32_t h, int mutual_percent,
                                  std::uint64_t seed) {
  lcg r{seed};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks;
  auto id = [w](std::uint32_t x, std::uint32_t y) { return y * w + x; };
  for (std::uint32_t y = 0; y < h; ++y)
    for (std::uint32_t x = 0; x < w; ++x) {
      auto link = [&](std::uint32_t a, std::uint32_t b) {
        attacks.emplace_back(a, b);
        if (static_cast<int>(r.next() % 100) < mutual_percent) attacks.emplace_back(b, a);
      };
      if (x + 1 < w) link(id(x, y), id(x + 1, y));
      if (y + 1 < h) link(id(x, y), id(x, y + 1));
    }
  return argmap::engine::framework(static_cast<std::size_t>(w) * h, std::move(attacks));
}

void count(const std::vector<argmap::engine::label>& l, std::size_t& in, std::size_t& out,
           std::size_t& undec) {
  in = out = undec = 0;
  for (argmap::engine::label x : l)
    (x == argmap::engine::label::in ? in : x == argmap::engine::label::out ? out : undec)++;
}

}  // namespace

int main() {
  auto t0 = clock_type::now();
  argmap::engine::framework big = random_af(1'000'000, 3'000'000, 7);
  double build = since(t0);
  t0 = clock_type::now();
  std::vector<argmap::engine::label> l = argmap::engine::grounded(big);
  double g = since(t0);
  std::size_t in, out, undec;
  count(l, in, out, undec);
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  std::printf("grounded: %zu arguments, %zu attacks: build %.3f s, labelling %.3f s "
              "(in %zu, out %zu, undec %zu), peak RSS %.0f MB\n",
              big.size(), big.attack_count(), build, g, in, out, undec,
              static_cast<double>(u.ru_maxrss) * 1024 / 1e6);

  // Sparse random frameworks leave few arguments undecided; each labelling
  // is searched exactly.
  std::printf("%-28s %6s %8s %8s %10s %10s\n", "preferred instance", "args", "attacks", "open",
              "exts", "time s");
  struct instance {
    const char* name;
    argmap::engine::framework af;
  };
  std::vector<instance> instances;
  instances.push_back({"random n=1000 m=1400", random_af(1000, 1400, 2)});
  instances.push_back({"random n=60 m=90", random_af(60, 90, 11)});
  instances.push_back({"random n=60 m=120", random_af(60, 120, 12)});
  instances.push_back({"random n=64 m=160", random_af(64, 160, 13)});
  instances.push_back({"grid 5x5, 40% mutual", grid_af(5, 5, 40, 4)});
  instances.push_back({"grid 6x6, 30% mutual", grid_af(6, 6, 30, 5)});
  instances.push_back({"grid 8x8, 20% mutual", grid_af(8, 8, 20, 6)});
  instances.push_back({"grid 30x30, 10% mutual", grid_af(30, 30, 10, 7)});
  for (const instance& inst : instances) {
    t0 = clock_type::now();
    argmap::engine::search_result r = argmap::engine::preferred(inst.af);
    double s = since(t0);
    std::vector<argmap::engine::label> gl = argmap::engine::grounded(inst.af);
    count(gl, in, out, undec);
    if (r.too_large) {
      std::printf("%-28s %6zu %8zu %8zu %10s %10.3f\n", inst.name, inst.af.size(),
                  inst.af.attack_count(), undec, "too large", s);
    } else {
      std::printf("%-28s %6zu %8zu %8zu %10zu %10.3f\n", inst.name, inst.af.size(),
                  inst.af.attack_count(), undec, r.labellings.size(), s);
    }
  }
  return 0;
}
