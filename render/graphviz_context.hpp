#pragma once
/// \file
/// Internal to render/: what every use of Graphviz needs around it. Its
/// messages collected into the current render's result, standard error
/// captured while it works, its plugins linked in, and object ids in
/// creation order. Includes Graphviz: not for use outside render/.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <string>
#include <vector>

#include "render/render.hpp"

namespace argmap::render {

/// The render whose Graphviz messages collect_message() gathers; null between renders.
extern result* collecting;

/// Graphviz's error function (agseterrf): adds a "Warning: …" to the
/// warnings and an "Error: …" to the errors of `collecting`, as
/// "graphviz: …"; a piece without a prefix continues the previous message.
int collect_message(char* message);

/// While it lives, descriptor 2 points at an in-memory file: Graphviz and the
/// libraries under it (cairo, Pango, fontconfig) print some messages straight
/// to standard error ("(null): graph is too large for cairo-renderer
/// bitmaps..."), and those become warnings of the render.
class stderr_capture {
 public:
  /// Starts capturing (does nothing if the memory file cannot be made).
  stderr_capture();
  stderr_capture(const stderr_capture&) = delete;
  stderr_capture& operator=(const stderr_capture&) = delete;
  /// Restores standard error if finish() did not.
  ~stderr_capture();

  /// Restores standard error and returns each line written meanwhile (at
  /// most 64 KB of them).
  std::vector<std::string> finish();

 private:
  void release();
  int saved_ = -1;
  int mem_ = -1;
};

/// The linked-in plugins for gvContextPlugins: core, dot and neato layouts,
/// cairo. Without `font_metrics`, cairo's text-layout api is left out, so
/// text is measured with Graphviz's built-in metrics (the same SVG on every
/// machine) while PNG and PDF are still drawn by cairo.
const lt_symlist_t* builtins(bool font_metrics);

/// A cgraph id discipline that numbers objects in creation order, so
/// subgraphs (and clusters) come out in the order they were made rather than
/// in heap-address order.
extern Agiddisc_t creation_order_ids;

}  // namespace argmap::render
