#include "lsp/workspace.hpp"

#include "grammar/load.hpp"
#include "lsp/text.hpp"

namespace argmap::lsp {

namespace {

// Reads through the editor's open buffers first, then the disk: an include
// of a file open in the editor sees what the author typed, saved or not.
class overlay_loader : public grammar::file_loader {
 public:
  overlay_loader(const std::map<std::string, document>& open, const engine::check_options& o)
      : open_(open), disk_(o.max_file_size, o.include_root) {}

  bool read(const std::string& path, std::string& contents, diagnostic& problem) override {
    std::string id = disk_.identity(path);
    reads.insert(id);
    if (const document* d = find(id)) {
      contents = d->text;
      return true;
    }
    return disk_.read(path, contents, problem);
  }
  std::string identity(const std::string& path) override { return disk_.identity(path); }
  void start(const std::string& top_level) override { disk_.start(top_level); }
  bool may_include(const std::string& path, diagnostic& refusal) override {
    return find(disk_.identity(path)) != nullptr || disk_.may_include(path, refusal);
  }
  std::vector<std::string> neighbours(const std::string& path) override {
    return disk_.neighbours(path);
  }

  std::set<std::string> reads;  // identities of the files read

 private:
  const document* find(const std::string& id) const {
    for (const auto& [uri, d] : open_)
      if (d.identity == id) return &d;
    return nullptr;
  }

  const std::map<std::string, document>& open_;
  grammar::disk_loader disk_;
};

}  // namespace

document& workspace::open(const std::string& uri, std::string text, std::int64_t version) {
  std::optional<std::string> path = path_of_uri(uri);
  std::string where = path ? *path : uri;
  std::string identity = grammar::disk_loader().identity(where);
  touch();
  document& d = documents_[uri];
  d = {uri, std::move(where), std::move(text), std::move(identity), version, {}};
  return d;
}

void workspace::close(const std::string& uri) {
  documents_.erase(uri);
  analyses_.erase(uri);
  touch();
}

document* workspace::find(const std::string& uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

std::vector<std::string> workspace::dependants(const std::string& uri) const {
  std::vector<std::string> out;
  auto it = documents_.find(uri);
  if (it == documents_.end()) return out;
  for (const auto& [other, d] : documents_)
    if (other != uri && d.reads.count(it->second.identity)) out.push_back(other);
  return out;
}

std::vector<std::string> workspace::uris() const {
  std::vector<std::string> out;
  for (const auto& [uri, d] : documents_) out.push_back(uri);
  return out;
}

analysis& workspace::analyse(const std::string& uri) {
  cached& c = analyses_[uri];
  if (c.result && c.generation == generation_) return *c.result;
  document& d = documents_.at(uri);
  overlay_loader loader(documents_, options_);
  c.result = std::make_unique<analysis>();
  c.result->checked = engine::check_text(d.path, d.text, loader, options_);
  c.generation = generation_;
  d.reads = std::move(loader.reads);
  return *c.result;
}

const engine::evaluation* workspace::evaluated(const std::string& uri, engine::semantics s) {
  analysis& a = analyse(uri);
  if (a.checked.errors() > 0) return nullptr;
  auto it = a.evaluations.find(s);
  if (it == a.evaluations.end())
    it = a.evaluations.emplace(s, engine::evaluate(a.checked.graph, s)).first;
  return it->second.ok() ? &it->second : nullptr;
}

}  // namespace argmap::lsp
