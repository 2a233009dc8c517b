#include "grammar/ast_printer.hpp"

#include <fmt/format.h>

namespace argmap::grammar {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

namespace {

std::string where(const source_range& r) {
  return fmt::format("{}:{}-{}:{}", r.line, r.col, r.end_line, r.end_col);
}

std::string attributes(const std::vector<ast::attribute>& as) {
  if (as.empty()) return "";
  std::string out = " {";
  for (std::size_t i = 0; i < as.size(); ++i) {
    if (i) out += ", ";
    out += as[i].key + ": " + (as[i].quoted ? quote(as[i].value) : as[i].value);
  }
  return out + "}";
}

class printer {
 public:
  explicit printer(const loaded_map& map) : map_(map) {}

  std::string run() {
    if (!map_.documents.empty()) document(0);
    return std::move(out_);
  }

 private:
  void document(std::size_t index) {
    const ast::document& doc = map_.documents[index];
    out_ += fmt::format("file {}\n", quote(map_.sources.files[doc.file].name));
    if (doc.has_front_matter) {
      out_ += fmt::format("front-matter {}\n", where(doc.meta.range));
      for (const ast::attribute& a : doc.meta.entries)
        out_ += fmt::format("  {}: {}\n", a.key, quote(a.value));
    }
    for (const ast::comment& c : doc.comments)
      out_ += fmt::format("comment {} {}\n", where(c.range), quote(c.text));
    for (const ast::item& it : doc.items) {
      if (const auto* h = std::get_if<ast::heading>(&it)) {
        out_ += fmt::format("heading {} {} {}\n", h->level, where(h->range), quote(h->title));
      } else if (const auto* inc = std::get_if<ast::include>(&it)) {
        out_ += fmt::format("include {} {}{}\n", quote(inc->path), where(inc->range),
                            inc->target >= 0 ? "" : " (not loaded: missing, cyclic or already included)");
        if (inc->target >= 0) document(static_cast<std::size_t>(inc->target));
        out_ += fmt::format("end-include {}\n", quote(inc->path));
      } else {
        path_.assign(1, ++roots_);
        claim(std::get<ast::claim>(it), 0);
      }
    }
  }

  void claim(const ast::claim& c, std::size_t depth) {
    out_.append(depth * 2, ' ');
    out_ += fmt::format("{}{} {} ", ast::name_of(c.rel), c.outgoing ? ">" : "", ast::auto_id(path_));
    if (c.is_reference) {
      out_ += fmt::format("@{} {}\n", c.id, where(c.range));
    } else {
      if (!c.id.empty()) out_ += fmt::format("[{}] ", c.id);
      out_ += fmt::format("{} {}", where(c.range), quote(c.text));
      for (const std::string& t : c.tags()) out_ += " #" + t;
      out_ += attributes(c.attributes()) + "\n";
    }
    std::uint32_t n = 0;
    for (const ast::claim& child : c.children) {
      path_.push_back(++n);
      claim(child, depth + 1);
      path_.pop_back();
    }
  }

  const loaded_map& map_;
  std::string out_;
  std::vector<std::uint32_t> path_;
  std::uint32_t roots_ = 0;
};

}  // namespace

std::string dump(const loaded_map& map) { return printer(map).run(); }

}  // namespace argmap::grammar
