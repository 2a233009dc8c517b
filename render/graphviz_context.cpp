// Graphviz's side of rendering: its messages collected per render, standard
// error captured while it works, its plugins linked in, and object ids in
// creation order (graphviz_context.hpp).

#include "render/graphviz_context.hpp"

#include <graphviz/gvplugin.h>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/write.hpp"

extern "C" {
extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;
}

namespace argmap::render {

namespace {
bool last_was_warning = false;  // where a message without a prefix belongs
}  // namespace

result* collecting = nullptr;

stderr_capture::stderr_capture() {
  std::fflush(stderr);
  mem_ = memfd_create("argmap-graphviz-stderr", MFD_CLOEXEC);
  saved_ = dup(STDERR_FILENO);
  if (mem_ < 0 || saved_ < 0 || dup2(mem_, STDERR_FILENO) < 0) {
    release();
    return;
  }
  io::set_stderr_backup(saved_);
}

stderr_capture::~stderr_capture() {
  release();
}

std::vector<std::string> stderr_capture::finish() {
  std::vector<std::string> lines;
  if (mem_ < 0) return lines;
  std::fflush(stderr);
  dup2(saved_, STDERR_FILENO);
  io::set_stderr_backup(-1);
  std::string text(1 << 16, '\0');
  ssize_t n = pread(mem_, text.data(), text.size(), 0);
  text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    if (line.rfind("(null): ", 0) == 0) line.erase(0, 8);  // Graphviz's unset command name
    if (!line.empty()) lines.push_back(std::move(line));
    pos = nl + 1;
  }
  release();
  return lines;
}

void stderr_capture::release() {
  if (saved_ >= 0) {
    dup2(saved_, STDERR_FILENO);
    io::set_stderr_backup(-1);
    close(saved_);
  }
  if (mem_ >= 0) close(mem_);
  saved_ = mem_ = -1;
}

int collect_message(char* message) {
  if (!collecting) return 0;
  std::string m = message;
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  if (m.empty()) return 0;
  auto starts = [&](const char* prefix) { return m.rfind(prefix, 0) == 0; };
  std::vector<diagnostic>& ds = collecting->diagnostics;
  auto add = [&](severity level, std::string_view text) {
    ds.push_back(unplaced(level, "graphviz", {}, "graphviz: " + std::string(text)));
  };
  if (starts("Warning: ")) {
    add(severity::warning, std::string_view(m).substr(9));
    last_was_warning = true;
  } else if (starts("Error: ")) {
    add(severity::error, std::string_view(m).substr(7));
    last_was_warning = false;
  } else {
    severity level = last_was_warning ? severity::warning : severity::error;
    auto last = std::find_if(ds.rbegin(), ds.rend(), [&](const diagnostic& d) {
      return d.level == level && d.code == "graphviz";
    });
    if (last == ds.rend())
      add(level, m);
    else
      last->message += " " + m;
  }
  return 0;
}

namespace {

// The cairo plugin library without its text-layout api, so that text is
// measured with Graphviz's built-in metrics (deterministic), while PNG and
// PDF are still drawn by cairo.
gvplugin_api_t pango_apis_without_text_layout[8];
gvplugin_library_t pango_without_text_layout = {const_cast<char*>("cairo"), nullptr};

}  // namespace

const lt_symlist_t* builtins(bool font_metrics) {
  static lt_symlist_t with_fonts[] = {
      {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
      {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
      {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
      {"gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library},
      {nullptr, nullptr}};
  static lt_symlist_t without_fonts[] = {
      {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
      {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
      {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
      {"gvplugin_pango_LTX_library", &pango_without_text_layout},
      {nullptr, nullptr}};
  if (font_metrics) return with_fonts;
  std::size_t n = 0;
  for (gvplugin_api_t* api = gvplugin_pango_LTX_library.apis; api->types && n < 7; ++api) {
    if (api->api != API_textlayout) pango_apis_without_text_layout[n++] = *api;
  }
  pango_apis_without_text_layout[n] = {static_cast<api_t>(0), nullptr};
  pango_without_text_layout.apis = pango_apis_without_text_layout;
  return without_fonts;
}

namespace {

// Object ids in creation order. cgraph's default discipline uses the address
// of the interned name as a named object's id and keeps subgraphs sorted by
// id, so clusters would come out in an order that depends on the heap. This
// discipline numbers names as they are first seen: even ids for names, odd
// ids for anonymous objects, as cgraph expects.
// Names are interned with agstrdup: cgraph reads a flag in front of the
// string to tell HTML labels from plain ones, so it must be a cgraph string.
struct id_state {
  Agraph_t* graph = nullptr;
  std::unordered_map<std::string, IDTYPE> ids;
  std::vector<char*> names;  // interned names, by id / 2 - 1
  IDTYPE anonymous = 1;
};

void* id_open(Agraph_t* g, Agdisc_t*) {
  auto* s = new id_state;
  s->graph = g;
  return s;
}

long id_map(void* state, int, char* str, IDTYPE* id, int create) {
  auto* s = static_cast<id_state*>(state);
  if (!str) {
    *id = s->anonymous;
    s->anonymous += 2;
    return 1;
  }
  auto it = s->ids.find(str);
  if (it != s->ids.end()) {
    *id = it->second;
  } else if (create) {
    s->names.push_back(agstrdup(s->graph, str));
    *id = static_cast<IDTYPE>(2 * s->names.size());
    s->ids.emplace(str, *id);
  } else {
    *id = 0;  // no object has id 0
  }
  return 1;
}

long id_alloc(void*, int, IDTYPE) {
  return 0;
}

void id_free(void*, int, IDTYPE) {}

char* id_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<id_state*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1];
}

void id_close(void* state) {
  delete static_cast<id_state*>(state);
}

void id_register(void*, int, void*) {}

}  // namespace

Agiddisc_t creation_order_ids = {id_open,  id_map,   id_alloc,   id_free,
                                 id_print, id_close, id_register};

}  // namespace argmap::render
