#pragma once
/// \file
/// Visiting every claim of a loaded map in reading order, includes spliced in.

#include <cstdint>
#include <vector>

#include "grammar/ast.hpp"

namespace argmap::grammar {

namespace detail {

template <typename F>
void walk_claim(const ast::claim& c, std::vector<std::uint32_t>& path, std::uint32_t depth, F& f) {
  f(c, path, depth);
  std::uint32_t n = 0;
  for (const ast::claim& child : c.children) {
    path.push_back(++n);
    walk_claim(child, path, depth + 1, f);
    path.pop_back();
  }
}

template <typename F>
void walk_document(const std::vector<ast::document>& docs, std::size_t doc,
                   std::vector<std::uint32_t>& path, std::uint32_t& roots, F& f) {
  for (const ast::item& it : docs[doc].items) {
    if (const auto* c = std::get_if<ast::claim>(&it)) {
      path.assign(1, ++roots);
      walk_claim(*c, path, 0, f);
    } else if (const auto* inc = std::get_if<ast::include>(&it)) {
      if (inc->target >= 0 && static_cast<std::size_t>(inc->target) < docs.size())
        walk_document(docs, static_cast<std::size_t>(inc->target), path, roots, f);
    }
  }
}

}  // namespace detail

/// Calls `f(const ast::claim&, const std::vector<std::uint32_t>& path, std::uint32_t depth)`
/// for every claim line of the map in reading order, an included file's claims
/// taking the place of its `include` line. `path` is the claim's outline
/// position: the root's number, counted over the whole map from 1, then the
/// 1-based position among its parent's children (ast::auto_id turns it into
/// an id). `depth` is 0 for roots.
template <typename F>
void for_each_claim(const std::vector<ast::document>& docs, F&& f) {
  if (docs.empty()) return;
  std::vector<std::uint32_t> path;
  std::uint32_t roots = 0;
  detail::walk_document(docs, 0, path, roots, f);
}

}  // namespace argmap::grammar
