#include "grammar/load.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include <fmt/format.h>

#include "grammar/suggest.hpp"
#include "grammar/walk.hpp"
#include "io/read.hpp"

namespace argmap::grammar {

namespace fs = std::filesystem;

bool disk_loader::read(const std::string& path, std::string& contents, diagnostic& problem) {
  return io::read_file(path, contents, problem, {.max_bytes = max_bytes_});
}

bool disk_loader::read_named(const std::string& path, std::string& contents, diagnostic& problem) {
  return io::read_file(path, contents, problem,
                       {.max_bytes = max_bytes_, .allow_streams = named_streams_});
}

void disk_loader::start(const std::string& top_level) {
  std::error_code ec;
  if (root_given_) {
    fs::path given = fs::weakly_canonical(fs::absolute(root_, ec), ec);
    if (!ec) root_ = given.string();
    return;
  }
  fs::path from = top_level == "<stdin>"
                      ? fs::current_path(ec)
                      : fs::weakly_canonical(fs::absolute(top_level, ec), ec).parent_path();
  root_ = from.string();
  for (fs::path p = from; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) {
      root_ = p.string();
      break;
    }
    if (p == p.parent_path()) break;
  }
}

bool disk_loader::may_include(const std::string& path, diagnostic& refusal) {
  auto refuse = [&](std::string why) {
    refusal = unplaced(severity::error, "include-refused", path, std::move(why));
    return false;
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return true;  // read() says what is wrong
  if (S_ISDIR(st.st_mode)) {
    return refuse("it is a directory");
  }
  if (!S_ISREG(st.st_mode)) {
    // Reading a FIFO could block for ever, a device could be endless.
    return refuse("it is not a regular file (a FIFO, device or socket)");
  }
  std::error_code ec;
  fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path root(root_);
  auto [r, p] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (root_.empty() || r != root.end()) {
    return refuse(
        fmt::format("it is outside the include root '{}' (argmap includes only files inside it; "
                    "--include-root sets another)",
                    root_));
  }
  return true;
}

std::vector<std::string> disk_loader::neighbours(const std::string& path) {
  std::vector<std::string> names;
  fs::path dir = fs::path(path).parent_path();
  std::error_code ec;
  fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end;
  // Bounded: a suggestion is not worth reading a huge folder.
  for (std::size_t seen = 0; !ec && it != end && seen < 10000; it.increment(ec), ++seen) {
    std::string name = it->path().filename().string();
    if (name.ends_with(".arg")) names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> memory_loader::neighbours(const std::string& path) {
  std::vector<std::string> names;
  fs::path dir = fs::path(path).lexically_normal().parent_path();
  for (const auto& [name, text] : files) {
    fs::path p(name);
    if (p.parent_path() == dir && name.ends_with(".arg")) names.push_back(p.filename().string());
  }
  return names;
}

std::string disk_loader::identity(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  if (ec) return fs::path(path).lexically_normal().string();
  return p.string();
}

bool memory_loader::read(const std::string& path, std::string& contents, diagnostic& problem) {
  auto it = files.find(fs::path(path).lexically_normal().string());
  if (it == files.end()) {
    problem = unplaced(severity::error, "io", path, "No such file or directory");
    return false;
  }
  contents = it->second;
  return true;
}

std::string memory_loader::identity(const std::string& path) {
  return fs::path(path).lexically_normal().string();
}

std::string resolve_include(const std::string& including, const std::string& path) {
  fs::path p(path);
  if (p.is_absolute()) return p.lexically_normal().string();
  fs::path dir = fs::path(including).parent_path();
  return (dir / p).lexically_normal().string();
}

bool loaded_map::ok() const {
  for (const diagnostic& d : diagnostics)
    if (d.level == severity::error) return false;
  return true;
}

namespace {

class map_loader {
 public:
  map_loader(file_loader& loader, const parse_options& options)
      : loader_(loader), options_(options) {}

  loaded_map run(const std::string& name, std::string text) {
    loader_.start(name);
    load_file(name, std::move(text));
    check_duplicate_ids();
    return std::move(map_);
  }

 private:
  // Parses one file and, depth first, the files it includes.
  void load_file(const std::string& name, std::string text) {
    auto index = static_cast<std::uint32_t>(map_.sources.files.size());
    map_.sources.files.push_back({name, std::move(text)});
    std::string id = loader_.identity(name);
    loaded_[id] = index;
    chain_.push_back({id, name});
    parse_options counted = options_;
    counted.claims_before = claims_;
    counted.references_before = references_;
    parse_result r = parse(map_.sources, index, counted);
    claims_ += r.claims;
    references_ += r.references;
    map_.documents.push_back(std::move(r.doc));
    for (diagnostic& d : r.diagnostics) map_.diagnostics.push_back(std::move(d));
    // Copy the include list first: loading appends to map_.documents.
    std::vector<std::pair<std::size_t, ast::include>> includes;
    const auto& items = map_.documents[index].items;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (const auto* inc = std::get_if<ast::include>(&items[i])) includes.emplace_back(i, *inc);
    for (auto& [item, inc] : includes) {
      std::int32_t target = load_include(index, inc);
      std::get<ast::include>(map_.documents[index].items[item]).target = target;
    }
    chain_.pop_back();
  }

  std::int32_t load_include(std::uint32_t from, const ast::include& inc) {
    std::string path = resolve_include(map_.sources.files[from].name, inc.path);
    std::string id = loader_.identity(path);
    for (std::size_t i = 0; i < chain_.size(); ++i) {
      if (chain_[i].first != id) continue;
      std::string cycle;
      for (std::size_t k = i; k < chain_.size(); ++k)
        cycle += fmt::format("'{}' includes ", chain_[k].second);
      cycle += fmt::format("'{}'", chain_[i].second);
      error(inc.range, "include-cycle", "include cycle: " + cycle);
      return -1;
    }
    if (loaded_.count(id)) return -1;  // each file is included once
    // The claim limit is reported once, where it was hit; no further file is read.
    if (claims_ > options_.max_claims ||
        references_ > options_.max_claims * parse_options::references_per_claim)
      return -1;
    if (chain_.size() >= options_.max_include_depth) {
      error(
          inc.range, "include-too-deep",
          fmt::format("cannot include '{}': includes nest at most {} files deep (the chain starts "
                      "at '{}')",
                      inc.path, options_.max_include_depth, chain_.front().second));
      return -1;
    }
    std::string text;
    diagnostic why;
    if (!loader_.may_include(path, why)) {
      error(inc.range, "include-refused",
            fmt::format("cannot include '{}': {}", inc.path, why.message));
      return -1;
    }
    if (!loader_.read(path, text, why)) {
      std::string looked = path == inc.path ? "" : fmt::format(" (looked for '{}')", path);
      std::string hint;
      if (auto near = closest(fs::path(path).filename().string(), loader_.neighbours(path))) {
        fs::path written = fs::path(inc.path).parent_path() / *near;
        hint = fmt::format("; did you mean '{}'?", written.generic_string());
      }
      error(inc.range, "include-not-found",
            fmt::format("cannot include '{}'{}: {}{}", inc.path, looked, why.message, hint));
      return -1;
    }
    auto target = static_cast<std::int32_t>(map_.documents.size());
    load_file(path, std::move(text));
    return target;
  }

  void error(const source_range& r, std::string code, std::string message) {
    map_.diagnostics.push_back(
        make_diagnostic(map_.sources, r, severity::error, std::move(code), std::move(message)));
  }

  void check_duplicate_ids() {
    std::unordered_map<std::string_view, const ast::claim*> first;
    for_each_claim(map_.documents, [&](const ast::claim& c, const auto&, std::uint32_t) {
      if (c.is_reference || c.id.empty()) return;
      auto [it, fresh] = first.emplace(c.id, &c);
      if (fresh) return;
      diagnostic d = make_diagnostic(map_.sources, ast::label_range(c), severity::error,
                                     "duplicate-id", fmt::format("duplicate id '{}'", c.id));
      d.notes.push_back(make_diagnostic(map_.sources, ast::label_range(*it->second), severity::note,
                                        "duplicate-id",
                                        fmt::format("'{}' is first defined here", c.id)));
      map_.diagnostics.push_back(std::move(d));
    });
  }

  file_loader& loader_;
  const parse_options& options_;
  loaded_map map_;
  std::unordered_map<std::string, std::uint32_t> loaded_;
  std::size_t claims_ = 0;      // claims read so far, in every file
  std::size_t references_ = 0;  // reference lines read so far
  std::vector<std::pair<std::string, std::string>> chain_;  // identity, name
};

}  // namespace

loaded_map load_map(const std::string& path, file_loader& loader, const parse_options& options) {
  std::string text;
  diagnostic why;
  if (!loader.read_named(path, text, why)) {
    loaded_map failed;
    failed.diagnostics.push_back(unplaced(severity::error, "io", path,
                                          fmt::format("cannot read '{}': {}", path, why.message)));
    return failed;
  }
  return map_loader(loader, options).run(path, std::move(text));
}

loaded_map load_map_from_text(const std::string& name, std::string text, file_loader& loader,
                              const parse_options& options) {
  return map_loader(loader, options).run(name, std::move(text));
}

}  // namespace argmap::grammar
