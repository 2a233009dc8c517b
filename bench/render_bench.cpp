// render_bench [--layout dot|tree|auto] FILE...: for each map, checks it and
// renders it to SVG (dot layout unless told), printing where the time goes.

#include <chrono>
#include <cstdio>
#include <string>

#include "engine/check.hpp"
#include "render/render.hpp"

int main(int argc, char** argv) {
  argmap::render::options opts;
  opts.layout = argmap::render::layout_engine::dot;
  int first = 1;
  if (argc > 2 && std::string(argv[1]) == "--layout") {
    auto l = argmap::render::layout_from_name(argv[2]);
    if (!l) {
      std::fprintf(stderr, "render_bench: unknown layout %s\n", argv[2]);
      return 2;
    }
    opts.layout = *l;
    first = 3;
  }
  if (argc <= first) {
    std::fprintf(stderr, "usage: render_bench [--layout dot|tree|auto] FILE...\n");
    return 2;
  }
  argmap::render::renderer renderer;
  std::printf("%-28s %7s %8s %8s %8s %9s %7s %8s %8s\n", "map", "claims", "total s", "check s",
              "build s", "layout s", "svg s", "free s", "layout%");
  for (int i = first; i < argc; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    argmap::grammar::disk_loader loader;
    argmap::engine::checked_map m = argmap::engine::check_file(argv[i], loader, {});
    auto t1 = std::chrono::steady_clock::now();
    if (m.errors() > 0) {
      std::fprintf(stderr, "%s has errors\n", argv[i]);
      return 1;
    }
    argmap::render::result r = renderer.render(m.graph, opts);
    auto t2 = std::chrono::steady_clock::now();
    if (!r.ok()) {
      std::fprintf(stderr, "%s: %s\n", argv[i], argmap::format_human(r.diagnostics).c_str());
      return 1;
    }
    double check = std::chrono::duration<double>(t1 - t0).count();
    double total = std::chrono::duration<double>(t2 - t0).count();
    // "free": releasing Graphviz's layout and graph, and selecting the view.
    double rest = total - check - r.build_seconds - r.layout_seconds - r.output_seconds;
    std::printf("%-28s %7zu %8.3f %8.3f %8.3f %9.3f %7.3f %8.3f %7.1f%%\n", argv[i],
                m.graph.claims.size(), total, check, r.build_seconds, r.layout_seconds,
                r.output_seconds, rest, 100 * r.layout_seconds / total);
  }
  return 0;
}
