// The tree layout: its geometry on hand-made and random forests, and the
// drawing of a generated 10,000-claim map, read back from Graphviz's
// laid-out DOT: no two nodes overlap, every edge ends at its two nodes.

#include <doctest/doctest.h>
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "../engine/helpers.hpp"
#include "render/render.hpp"
#include "render/tree_layout.hpp"

namespace render = argmap::render;

namespace {

struct box {
  double x0, y0, x1, y1;
};

bool overlap(const box& a, const box& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// Pairs of overlapping boxes, by a sweep over the boxes sorted by left edge.
std::size_t overlaps(std::vector<box> boxes) {
  std::sort(boxes.begin(), boxes.end(), [](const box& a, const box& b) { return a.x0 < b.x0; });
  std::size_t found = 0;
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size() && boxes[j].x0 < boxes[i].x1; ++j)
      found += overlap(boxes[i], boxes[j]);
  return found;
}

std::vector<box> node_boxes(const render::tree_input& in, const render::tree_result& r) {
  std::vector<box> boxes;
  for (std::size_t i = 0; i < in.parent.size(); ++i)
    boxes.push_back({r.b[i] - in.breadth[i] / 2, r.d[i] - in.depth[i] / 2,
                     r.b[i] + in.breadth[i] / 2, r.d[i] + in.depth[i] / 2});
  return boxes;
}

// A random forest: each node's parent is an earlier node (or none), sizes vary.
render::tree_input random_forest(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  render::tree_input in;
  for (std::size_t i = 0; i < n; ++i) {
    bool root = i == 0 || rng() % 10 == 0;
    in.parent.push_back(root ? -1 : static_cast<std::int32_t>(rng() % i));
    in.breadth.push_back(5 + rng() % 200);
    in.depth.push_back(5 + rng() % 60);
    in.block.push_back(-1);
  }
  return in;
}

}  // namespace

TEST_CASE("tree layout: parents are centred over their children, in order, a layer apart") {
  render::tree_input in;
  in.parent = {-1, 0, 0, 0};
  in.breadth = {100, 50, 80, 50};
  in.depth = {40, 20, 30, 20};
  in.block.assign(4, -1);
  render::tree_spacing s;
  render::tree_result r = render::tree_layout(in, s);
  CHECK(r.b[1] < r.b[2]);
  CHECK(r.b[2] < r.b[3]);
  CHECK(r.b[0] == doctest::Approx((r.b[1] + r.b[3]) / 2));
  // Neighbouring siblings are exactly the sibling gap apart, edge to edge.
  CHECK(r.b[2] - r.b[1] == doctest::Approx((50 + 80) / 2.0 + s.siblings));
  // Layer 1 starts one gap below the root's layer and is as tall as its tallest node.
  CHECK(r.d[0] == doctest::Approx(20));
  CHECK(r.d[2] == doctest::Approx(40 + s.layers + 15));
  CHECK(r.d[1] == r.d[2]);
}

TEST_CASE("tree layout: a small subtree between two deep ones is spread, not squeezed") {
  // Walker's case: the middle child of three moves to the middle of the gap.
  render::tree_input in;
  in.parent = {-1, 0, 0, 0, 1, 1, 1, 3, 3, 3};
  in.breadth.assign(10, 40);
  in.depth.assign(10, 20);
  in.block.assign(10, -1);
  render::tree_result r = render::tree_layout(in);
  CHECK(r.b[2] - r.b[1] == doctest::Approx(r.b[3] - r.b[2]));
  CHECK(overlaps(node_boxes(in, r)) == 0);
}

TEST_CASE("tree layout: random forests never overlap and keep parents over their children") {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    render::tree_input in = random_forest(300, seed);
    render::tree_result r = render::tree_layout(in);
    CAPTURE(seed);
    CHECK(overlaps(node_boxes(in, r)) == 0);
    std::vector<double> lo(in.parent.size(), 1e18), hi(in.parent.size(), -1e18);
    for (std::size_t i = 0; i < in.parent.size(); ++i) {
      if (in.parent[i] < 0) continue;
      auto p = static_cast<std::size_t>(in.parent[i]);
      lo[p] = std::min(lo[p], r.b[i]);
      hi[p] = std::max(hi[p], r.b[i]);
      CHECK(r.d[i] > r.d[p]);  // children below their parent
    }
    for (std::size_t p = 0; p < in.parent.size(); ++p)
      if (hi[p] >= lo[p]) CHECK(r.b[p] == doctest::Approx((lo[p] + hi[p]) / 2));
  }
}

TEST_CASE("tree layout: a parent cycle is cut instead of looping") {
  render::tree_input in;
  in.parent = {2, 0, 1, -1, 3};  // 0 -> 2 -> 1 -> 0 is a cycle
  in.breadth.assign(5, 30);
  in.depth.assign(5, 10);
  in.block.assign(5, -1);
  render::tree_result r = render::tree_layout(in);
  REQUIRE(r.b.size() == 5);
  CHECK(overlaps(node_boxes(in, r)) == 0);
}

TEST_CASE("tree layout: blocks frame their trees, nest, and do not overlap each other") {
  render::tree_input in = random_forest(400, 7);
  // Blocks 0 and 1 at the top, block 2 inside block 0, block 3 leading at the top.
  in.blocks = {{-1, false, 20, 0, 120, 0},
               {-1, false, 20, 0, 60, 0},
               {0, false, 16, 0, 0, 0},
               {-1, true, 0, 0, 0, 0}};
  std::vector<std::int32_t> block_of_tree;
  for (std::size_t i = 0; i < in.parent.size(); ++i) {
    // Roots go to blocks in runs; a node's block is its root's.
    std::size_t root = i;
    while (in.parent[root] >= 0) root = static_cast<std::size_t>(in.parent[root]);
    in.block[i] = static_cast<std::int32_t>((root / 100) % 4) - 1;  // -1, 0, 1, 2
  }
  in.block[0] = 3;
  render::tree_result r = render::tree_layout(in);
  CHECK(overlaps(node_boxes(in, r)) == 0);
  std::vector<box> frames;
  for (const render::tree_box& f : r.frames) frames.push_back({f.b0, f.d0, f.b1, f.d1});
  // Top-level frames (0, 1, 3) are disjoint; block 2 lies inside block 0.
  CHECK_FALSE(overlap(frames[0], frames[1]));
  CHECK_FALSE(overlap(frames[0], frames[3]));
  CHECK_FALSE(overlap(frames[1], frames[3]));
  CHECK(frames[2].x0 >= frames[0].x0);
  CHECK(frames[2].x1 <= frames[0].x1);
  CHECK(frames[2].y0 >= frames[0].y0 + 20);  // below block 0's label room
  CHECK(frames[2].y1 <= frames[0].y1);
  CHECK(frames[0].x1 - frames[0].x0 >= 120);  // wide enough for its label
  // The leading block comes first: at the top left.
  for (std::size_t k : {0, 1})
    CHECK((frames[3].x0 <= frames[k].x0 && frames[3].y0 <= frames[k].y0));
  // Every node lies in the frame of its tree's block, and in no other top-level frame.
  for (std::size_t i = 0; i < in.parent.size(); ++i) {
    std::size_t root = i;
    while (in.parent[root] >= 0) root = static_cast<std::size_t>(in.parent[root]);
    std::int32_t b = in.block[root];
    box node = node_boxes(in, r)[i];
    if (b >= 0) {
      const box& f = frames[static_cast<std::size_t>(b)];
      CHECK((node.x0 >= f.x0 && node.x1 <= f.x1 && node.y0 >= f.y0 && node.y1 <= f.y1));
    } else {
      for (std::size_t k : {0, 1, 3}) CHECK_FALSE(overlap(node, frames[k]));
    }
  }
}

namespace {

// A generated map: trees of reasons and objections up to five deep, linked
// premises, undercuts, contradictions, references to earlier claims, and a
// section every 500 claims.
std::string generated_map(std::size_t claims) {
  std::mt19937 rng(42);
  std::string text;
  std::size_t written = 0, ids = 0;
  auto line = [&](std::size_t level, const std::string& marker) {
    text += std::string(level * 2, ' ') + marker;
    ++written;
  };
  std::size_t part = 1;
  while (written < claims) {
    if (written / 500 + 1 != part || written == 0) {
      part = written / 500 + 1;
      text += "\n# Part " + std::to_string(part) + "\n";
    }
    std::size_t thesis = ids;  // references point into earlier trees only
    line(0, "");
    text += "[c" + std::to_string(ids++) + "] Thesis " + std::to_string(written) + " holds.\n";
    std::size_t level = 1;
    for (int k = 0; k < 25 && written < claims; ++k) {
      unsigned pick = rng() % 20;
      if (pick < 8) {
        line(level, "+ ");
      } else if (pick < 12) {
        line(level, "- ");
      } else if (pick < 13 && level > 1) {
        line(level, "~ ");
      } else if (pick < 14 && thesis > 0) {
        line(level, "+ @c" + std::to_string(rng() % thesis) + "\n");
        continue;
      } else if (pick < 15) {
        line(level, "! ");
      } else {
        line(level, "+ ");
        text += "A reason with a longer text that wraps over two lines " + std::to_string(written) +
                ".\n";
        line(level, "& ");
      }
      text += "[c" + std::to_string(ids++) + "] Claim " + std::to_string(written) + ".\n";
      if (pick < 12 && level < 5 && rng() % 2)
        ++level;
      else if (level > 1 && rng() % 3 == 0)
        --level;
    }
  }
  return text;
}

box node_box(Agnode_t* n) {
  double x = 0, y = 0;
  std::sscanf(agget(n, const_cast<char*>("pos")), "%lf,%lf", &x, &y);
  double w = std::atof(agget(n, const_cast<char*>("width"))) * 72;
  double h = std::atof(agget(n, const_cast<char*>("height"))) * 72;
  return {x - w / 2, y - h / 2, x + w / 2, y + h / 2};
}

// How far p is from the boundary of b (0 on it).
double off_boundary(const box& b, double x, double y) {
  double dx = std::max({b.x0 - x, 0.0, x - b.x1}), dy = std::max({b.y0 - y, 0.0, y - b.y1});
  double outside = std::hypot(dx, dy);
  if (outside > 0) return outside;
  return std::min({x - b.x0, b.x1 - x, y - b.y0, b.y1 - y});
}

}  // namespace

TEST_CASE("a 10,000-claim map drawn with the tree layout: no overlaps, edges end at their nodes") {
  auto m = argmap::test::check(generated_map(10000));
  REQUIRE(m.errors() == 0);
  REQUIRE(m.graph.claims.size() >= 9000);
  render::renderer renderer;
  render::options o;
  o.output = render::format::dot;
  o.layout = render::layout_engine::tree;
  render::result r = renderer.render(m.graph, o);
  REQUIRE(r.ok());
  CHECK(r.layout == render::layout_engine::tree);
  Agraph_t* g = agmemread(r.bytes.c_str());
  REQUIRE(g);
  std::vector<box> boxes;
  std::size_t nodes = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    boxes.push_back(node_box(n));
    ++nodes;
  }
  CHECK(nodes > m.graph.claims.size());  // claims, junction points and the legend
  CHECK(overlaps(boxes) == 0);
  std::size_t edges = 0, bad = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      ++edges;
      // pos: [s,x,y] [e,x,y] then the spline's points.
      std::string pos = agget(e, const_cast<char*>("pos"));
      double sx = 0, sy = 0, ex = 0, ey = 0;
      bool start_arrow = false, end_arrow = false;
      std::vector<std::pair<double, double>> points;
      std::size_t at = 0;
      while (at < pos.size()) {
        std::size_t next = pos.find(' ', at);
        std::string item =
            pos.substr(at, next == std::string::npos ? std::string::npos : next - at);
        if (item.rfind("e,", 0) == 0) {
          end_arrow = std::sscanf(item.c_str() + 2, "%lf,%lf", &ex, &ey) == 2;
        } else if (item.rfind("s,", 0) == 0) {
          start_arrow = std::sscanf(item.c_str() + 2, "%lf,%lf", &sx, &sy) == 2;
        } else {
          double x, y;
          if (std::sscanf(item.c_str(), "%lf,%lf", &x, &y) == 2) points.emplace_back(x, y);
        }
        if (next == std::string::npos) break;
        at = next + 1;
      }
      REQUIRE(points.size() >= 4);
      if (!start_arrow) std::tie(sx, sy) = points.front();
      if (!end_arrow) std::tie(ex, ey) = points.back();
      // The tail end on the tail's boundary, the head end on the head's (2 pt slack).
      bool ok = off_boundary(node_box(agtail(e)), sx, sy) <= 2 &&
                off_boundary(node_box(aghead(e)), ex, ey) <= 2;
      if (!ok && bad++ < 5) MESSAGE(agnameof(agtail(e)), " -> ", agnameof(aghead(e)), ": ", pos);
    }
  }
  CHECK(edges > m.graph.inferences.size());
  CHECK(bad == 0);
  agclose(g);
}
