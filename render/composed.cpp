// The dot layout in blocks: the drawing's graph is measured as the tree
// layout's is (render/pinned.cpp), then takes positions, splines and frames
// from the blocks dot laid out alone.

#include "render/composed.hpp"

#include <graphviz/pathplan.h>
#include <graphviz/types.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>

// Graphviz 2.42 functions its layout plugins use but its headers do not
// declare (lib/common); signatures checked against the 2.42 sources.
extern "C" {
bezier* new_spline(Agedge_t* e, int sz);
void compute_bb(Agraph_t* g);
void gv_postprocess(Agraph_t* g, int allow_translation);
void gv_free_splines(Agedge_t* e);
void setEdgeType(Agraph_t* g, int default_type);
void clip_and_install(Agedge_t* fe, Agnode_t* hn, pointf* ps, int pn, splineInfo* info);
extern int State;  // the last phase of layout done (lib/common/globals.h)
// lib/pathplan/vispath.h, which Debian does not install.
vconfig_t* Pobsopen(Ppoly_t** obstacles, int n_obstacles);
void Pobsclose(vconfig_t* config);
int Pobspath(vconfig_t* config, Ppoint_t p0, int poly0, Ppoint_t p1, int poly1,
             Ppolyline_t* output_route);
}

namespace argmap::render {

namespace {

void set(void* obj, const char* name, const char* value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value), const_cast<char*>(""));
}

pointf moved(pointf p, double dx, double dy) {
  return {p.x + dx, p.y + dy};
}

boxf moved(boxf b, double dx, double dy) {
  return {moved(b.LL, dx, dy), moved(b.UR, dx, dy)};
}

// Every subgraph of `g`, depth first.
template <class F>
void each_subgraph(Agraph_t* g, F&& f) {
  for (Agraph_t* s = agfstsubg(g); s; s = agnxtsubg(s)) {
    f(s);
    each_subgraph(s, f);
  }
}

}  // namespace

std::vector<corner> shelve(const std::vector<extent>& blocks, double gap) {
  double widest = 0, area = 0;
  for (const extent& b : blocks) {
    widest = std::max(widest, b.width);
    area += (b.width + gap) * (b.height + gap);
  }
  const double row_width = std::max(widest, std::sqrt(area * 1.5));
  std::vector<corner> at;
  double x = 0, y = 0, row_height = 0;
  for (const extent& b : blocks) {
    if (x > 0 && x + b.width > row_width) {
      y += row_height + gap;
      x = 0, row_height = 0;
    }
    at.push_back({x, y});
    x += b.width + gap;
    row_height = std::max(row_height, b.height);
  }
  return at;
}

composition::composition(GVC_t* gvc, Agraph_t* g) : g_(g) {
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) set(n, "pos", "0,0");
  each_subgraph(g, [](Agraph_t* s) {
    if (std::strncmp(agnameof(s), "cluster", 7) == 0) set(s, "bb", "0,0,0,0");
  });
  set(g, "splines", "");
  ok_ = gvLayout(gvc, g, "nop2") == 0 && agerrors() == 0;
}

Agraph_t* composition::cluster(const char* name) const {
  Agraph_t* found = nullptr;
  each_subgraph(g_, [&](Agraph_t* s) {
    if (!found && std::strcmp(agnameof(s), name) == 0) found = s;
  });
  return found;
}

namespace {

// Room inside a frame the composition draws: as dot leaves inside a
// cluster with margin=12, with the label above the content.
constexpr double frame_margin = 12;

double label_height(Agraph_t* frame) {
  return GD_label(frame) ? GD_label(frame)->dimen.y : 0;
}

}  // namespace

extent composition::framed_size(extent size, Agraph_t* frame) const {
  if (!frame) return size;
  const double label_width = GD_label(frame) ? GD_label(frame)->dimen.x : 0;
  return {std::max(size.width, label_width) + 2 * frame_margin,
          size.height + label_height(frame) + 2 * frame_margin};
}

void composition::place(Agraph_t* block, corner at, extent size, Agraph_t* frame) {
  const int id = static_cast<int>(frames_.size());
  frames_.push_back({{at.x, -at.y - size.height}, {at.x + size.width, -at.y}});
  double x = at.x, y = at.y;
  if (frame) {
    const double top = -at.y;
    GD_bb(frame) = {{at.x, top - size.height}, {at.x + size.width, top}};
    if (textlabel_t* label = GD_label(frame)) {
      label->pos = {at.x + frame_margin / 2 + label->dimen.x / 2, top - 2 - label->dimen.y / 2};
      label->set = true;
    }
    x += frame_margin;
    y += frame_margin + label_height(frame);
  }
  const boxf& bb = GD_bb(block);
  const double dx = x - bb.LL.x, dy = -y - bb.UR.y;
  for (Agnode_t* n = agfstnode(block); n; n = agnxtnode(block, n)) {
    Agnode_t* to = agnode(g_, agnameof(n), 0);
    if (!to) continue;
    put(to, moved(ND_coord(n), dx, dy));
    block_of_[to] = id;
    // The k-th edge from n to a head is the k-th from `to` to that head:
    // both graphs made their edges in the same order.
    std::map<std::string, Agedge_t*> next;
    for (Agedge_t* e = agfstout(block, n); e; e = agnxtout(block, e)) {
      const splines* spl = ED_spl(e);
      std::string head = agnameof(aghead(e));
      auto at = next.find(head);
      Agedge_t* te = at == next.end() ? agfstout(g_, to) : agnxtout(g_, at->second);
      while (te && head != agnameof(aghead(te))) te = agnxtout(g_, te);
      if (!te) continue;
      next[head] = te;
      if (!spl) continue;
      gv_free_splines(te);
      for (int k = 0; k < spl->size; ++k) {
        const bezier& from = spl->list[k];
        bezier* b = new_spline(te, from.size);
        for (int p = 0; p < from.size; ++p) b->list[p] = moved(from.list[p], dx, dy);
        b->sflag = from.sflag;
        b->eflag = from.eflag;
        b->sp = moved(from.sp, dx, dy);
        b->ep = moved(from.ep, dx, dy);
      }
      ED_spl(te)->bb = moved(spl->bb, dx, dy);
    }
  }
  each_subgraph(block, [&](Agraph_t* s) {
    if (std::strncmp(agnameof(s), "cluster", 7) != 0) return;
    Agraph_t* to = cluster(agnameof(s));
    if (!to) return;
    GD_bb(to) = moved(GD_bb(s), dx, dy);
    if (GD_label(to) && GD_label(s)) {
      GD_label(to)->pos = moved(GD_label(s)->pos, dx, dy);
      GD_label(to)->set = true;
    }
  });
}

extent composition::legend_size(Agraph_t* cluster, Agnode_t* node) const {
  const textlabel_t* label = GD_label(cluster);
  const double w = ND_width(node) * 72, h = ND_height(node) * 72;
  const double lw = label ? label->dimen.x : 0, lh = label ? label->dimen.y : 0;
  return {std::max(w, lw) + 16, h + lh + 16};
}

void composition::place_legend(Agraph_t* cluster, Agnode_t* node, double x, double y) {
  const extent size = legend_size(cluster, node);
  const double top = -y;
  textlabel_t* label = GD_label(cluster);
  const double lh = label ? label->dimen.y : 0;
  GD_bb(cluster) = {{x, top - size.height}, {x + size.width, top}};
  put(node, {x + size.width / 2, top - lh - 8 - ND_height(node) * 36});
  block_of_[node] = static_cast<int>(frames_.size());
  frames_.push_back(GD_bb(cluster));
  if (label) {
    label->pos = {x + size.width / 2, top - 4 - lh / 2};
    label->set = true;
  }
}

void composition::put(Agnode_t* n, pointf at) {
  ND_coord(n) = at;
  ND_pos(n)[0] = at.x / 72;
  ND_pos(n)[1] = at.y / 72;
  placed_.insert(n);
}

namespace {

// For clip_and_install: argmap's edges never swap ends nor pass through
// virtual nodes.
boolean never(Agedge_t*) {
  return false;
}
boolean never(Agnode_t*) {
  return false;
}

// A premise's line into a junction point has no arrowhead; an undercut's has.
bool is_premise(Agedge_t* e) {
  const char* head = agget(e, const_cast<char*>("arrowhead"));
  return head && std::strcmp(head, "none") == 0;
}

}  // namespace

void composition::join_blocks() {
  // What no block placed: the junction points of arrows between blocks,
  // halfway between their premises and what their arrow points to (made
  // after it, so an undercut's target is placed first).
  for (Agnode_t* n = agfstnode(g_); n; n = agnxtnode(g_, n)) {
    if (placed_.count(n)) continue;
    pointf from{0, 0}, to{0, 0};
    int premises = 0, heads = 0;
    for (Agedge_t* e = agfstin(g_, n); e; e = agnxtin(g_, e))
      if (placed_.count(agtail(e)) && is_premise(e)) {
        from.x += ND_coord(agtail(e)).x, from.y += ND_coord(agtail(e)).y;
        ++premises;
      }
    for (Agedge_t* e = agfstout(g_, n); e; e = agnxtout(g_, e))
      if (placed_.count(aghead(e))) to = ND_coord(aghead(e)), heads = 1;
    if (premises) from = {from.x / premises, from.y / premises};
    if (!premises) from = to;
    if (!heads) to = from;
    put(n, {(from.x + to.x) / 2, (from.y + to.y) / 2});
  }
  route_between_blocks();
}

namespace {

// An arrow between blocks goes around at most this many boxes and frames;
// with more (a block of a thousand claims), it is drawn straight.
constexpr std::size_t routed_up_to = 40;

// Rectangles an arrow goes around, as the clockwise polygons pathplan takes.
struct obstacles {
  std::vector<Ppoint_t> corners;  // four per rectangle
  std::vector<Ppoly_t> polygons;
  std::vector<Ppoly_t*> pointers;

  int add(boxf r) {
    corners.insert(corners.end(),
                   {{r.LL.x, r.LL.y}, {r.LL.x, r.UR.y}, {r.UR.x, r.UR.y}, {r.UR.x, r.LL.y}});
    return static_cast<int>(corners.size() / 4) - 1;
  }

  boxf rect(std::size_t k) const {
    return {{corners[4 * k].x, corners[4 * k].y}, {corners[4 * k + 2].x, corners[4 * k + 2].y}};
  }

  // Whether no two rectangles touch.
  bool disjoint() const {
    const std::size_t n = corners.size() / 4;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        const boxf a = rect(i), b = rect(j);
        if (a.LL.x <= b.UR.x && b.LL.x <= a.UR.x && a.LL.y <= b.UR.y && b.LL.y <= a.UR.y)
          return false;
      }
    return true;
  }

  // Whether `p` lies in or on a rectangle other than `own`.
  bool inside(pointf p, int own) const {
    const int n = static_cast<int>(corners.size() / 4);
    for (int k = 0; k < n; ++k) {
      const boxf r = rect(static_cast<std::size_t>(k));
      if (k != own && p.x >= r.LL.x && p.x <= r.UR.x && p.y >= r.LL.y && p.y <= r.UR.y) return true;
    }
    return false;
  }

  void close() {
    polygons.resize(corners.size() / 4);
    for (std::size_t k = 0; k < polygons.size(); ++k) polygons[k] = {&corners[4 * k], 4};
    for (Ppoly_t& p : polygons) pointers.push_back(&p);
  }

  // The sides of every rectangle but `a` and `b`: what a curve may not cross.
  std::vector<Pedge_t> barriers(int a, int b) const {
    std::vector<Pedge_t> out;
    for (int k = 0; k < static_cast<int>(polygons.size()); ++k) {
      if (k == a || k == b) continue;
      for (int i = 0; i < 4; ++i) out.push_back({corners[4 * k + i], corners[4 * k + (i + 1) % 4]});
    }
    return out;
  }
};

// A node's box with 4 points to spare.
boxf box_of(Agnode_t* n) {
  const double w = ND_width(n) * 36 + 4, h = ND_height(n) * 36 + 4;
  const pointf c = ND_coord(n);
  return {{c.x - w, c.y - h}, {c.x + w, c.y + h}};
}

bool is_point(Agnode_t* n) {
  const char* shape = agget(n, const_cast<char*>("shape"));
  return shape && std::strcmp(shape, "point") == 0;
}

}  // namespace

// The shortest way from tail to head around the boxes of the two blocks it
// joins and the frames of all other blocks, smoothed into a curve that
// crosses none of them; false if there are too many or pathplan finds none.
bool composition::route(Agedge_t* e) {
  Agnode_t* ends[2] = {agtail(e), aghead(e)};
  int block[2];
  for (int k = 0; k < 2; ++k) {
    auto it = block_of_.find(ends[k]);
    block[k] = it == block_of_.end() ? -1 : it->second;
  }
  // Only what lies near the straight line counts: the visibility graph
  // grows with the cube of the corners.
  const pointf a = ND_coord(ends[0]), b = ND_coord(ends[1]);
  const double spare = std::max(144.0, std::hypot(b.x - a.x, b.y - a.y) / 4);
  const boxf near{{std::min(a.x, b.x) - spare, std::min(a.y, b.y) - spare},
                  {std::max(a.x, b.x) + spare, std::max(a.y, b.y) + spare}};
  auto nearby = [&](const boxf& r) {
    return r.UR.x >= near.LL.x && r.LL.x <= near.UR.x && r.UR.y >= near.LL.y && r.LL.y <= near.UR.y;
  };
  obstacles o;
  int poly[2] = {-1111, -1111};  // POLYID_NONE in vispath.h
  for (std::size_t k = 0; k < frames_.size(); ++k)
    if (static_cast<int>(k) != block[0] && static_cast<int>(k) != block[1] && nearby(frames_[k]))
      o.add(frames_[k]);
  for (Agnode_t* n = agfstnode(g_); n; n = agnxtnode(g_, n)) {
    auto it = block_of_.find(n);
    if (it == block_of_.end() || (it->second != block[0] && it->second != block[1])) continue;
    if (is_point(n)) continue;
    const boxf box = box_of(n);
    if (n != ends[0] && n != ends[1] && !nearby(box)) continue;
    const int id = o.add(box);
    if (n == ends[0]) poly[0] = id;
    if (n == ends[1]) poly[1] = id;
    if (o.corners.size() / 4 > routed_up_to) return false;
  }
  // pathplan's search does not end when an end lies inside a rectangle
  // other than its own or rectangles overlap: such an arrow is drawn
  // straight.
  if (!o.disjoint() || o.inside(a, poly[0]) || o.inside(b, poly[1])) return false;
  o.close();
  vconfig_t* graph = Pobsopen(o.pointers.data(), static_cast<int>(o.pointers.size()));
  if (!graph) return false;
  Ppolyline_t path{}, curve{};
  bool done = false;
  if (Pobspath(graph, {a.x, a.y}, poly[0], {b.x, b.y}, poly[1], &path) && path.pn > 1) {
    std::vector<Pedge_t> walls = o.barriers(poly[0], poly[1]);
    Pvector_t slopes[2] = {{0, 0}, {0, 0}};
    if (Proutespline(walls.data(), static_cast<int>(walls.size()), path, slopes, &curve) == 0 &&
        curve.pn >= 4) {
      std::vector<pointf> points(static_cast<std::size_t>(curve.pn));
      for (int k = 0; k < curve.pn; ++k)
        points[static_cast<std::size_t>(k)] = {curve.ps[k].x, curve.ps[k].y};
      splineInfo clip{never, never, true, false};
      clip_and_install(e, ends[1], points.data(), static_cast<int>(points.size()), &clip);
      done = true;
    }
    std::free(path.ps);
  }
  Pobsclose(graph);
  return done;
}

void composition::route_between_blocks() {
  splineInfo clip{never, never, true, false};
  std::vector<Agedge_t*> rest;
  for (Agnode_t* n = agfstnode(g_); n; n = agnxtnode(g_, n))
    for (Agedge_t* e = agfstout(g_, n); e; e = agnxtout(g_, e))
      if (!ED_spl(e)) rest.push_back(e);
  for (Agedge_t* e : rest) {
    if (route(e)) continue;
    const pointf a = ND_coord(agtail(e)), b = ND_coord(aghead(e));
    pointf ps[4] = {a,
                    {a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3},
                    {a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3},
                    b};
    clip_and_install(e, aghead(e), ps, 4, &clip);
  }
}

bool composition::finish() {
  join_blocks();
  // The splines are dot's; the type tells the renderer there are some.
  constexpr int edge_type_spline = 5 << 1;  // ET_SPLINE in lib/common/const.h
  set(g_, "splines", "spline");
  setEdgeType(g_, edge_type_spline);
  constexpr int phase_splines = 1;  // GVSPLINES in lib/common/const.h: edges are routed
  State = phase_splines;
  if (GD_label(g_)) GD_label(g_)->set = false;
  compute_bb(g_);
  gv_postprocess(g_, true);
  return agerrors() == 0;
}

}  // namespace argmap::render
