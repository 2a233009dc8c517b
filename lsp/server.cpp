#include "lsp/server.hpp"

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "core/utf8.hpp"
#include "grammar/load.hpp"
#include "grammar/parse.hpp"
#include "lsp/folding.hpp"
#include "lsp/navigate.hpp"
#include "lsp/text.hpp"
#include "lsp/transport.hpp"

namespace argmap::lsp {

namespace {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
constexpr int parse_error = -32700, invalid_request = -32600, method_not_found = -32601,
              invalid_params = -32602, server_not_initialized = -32002;

struct document {
  std::string path;  // as the URI names it
  std::string text;
  std::string identity;  // the path as the disk loader identifies files, found once at open
};

// Reads through the editor's open buffers first, then the disk: an include
// of a file open in the editor sees what the author typed, saved or not.
class overlay_loader : public grammar::file_loader {
 public:
  overlay_loader(const std::map<std::string, document>& open, const engine::check_options& o)
      : open_(open), disk_(o.max_file_size, o.include_root) {}

  bool read(const std::string& path, std::string& contents, diagnostic& problem) override {
    if (const document* d = find(path)) {
      contents = d->text;
      return true;
    }
    return disk_.read(path, contents, problem);
  }
  std::string identity(const std::string& path) override { return disk_.identity(path); }
  void start(const std::string& top_level) override { disk_.start(top_level); }
  bool may_include(const std::string& path, diagnostic& refusal) override {
    return find(path) != nullptr || disk_.may_include(path, refusal);
  }
  std::vector<std::string> neighbours(const std::string& path) override {
    return disk_.neighbours(path);
  }

 private:
  const document* find(const std::string& path) {
    std::string id = disk_.identity(path);
    for (const auto& [uri, d] : open_)
      if (d.identity == id) return &d;
    return nullptr;
  }

  const std::map<std::string, document>& open_;
  grammar::disk_loader disk_;
};

json position(const diagnostic& d, std::uint32_t line, std::uint32_t col) {
  if (line == 0) return {{"line", 0}, {"character", 0}};
  // The source line is known for the diagnostic's own line only.
  std::string_view text = line == d.range.line ? std::string_view(d.line_text) : std::string_view();
  return {{"line", line - 1}, {"character", utf16_column(text, col)}};
}

json range_of(const diagnostic& d) {
  const source_range& r = d.range;
  std::uint32_t end_line = r.end_line ? r.end_line : r.line;
  std::uint32_t end_col = r.end_line ? r.end_col : r.col + 1;
  return {{"start", position(d, r.line, r.col)}, {"end", position(d, end_line, end_col)}};
}

json lsp_diagnostic(const diagnostic& d, const std::string& uri_of_file) {
  json j = {{"range", range_of(d)},
            {"severity", d.level == severity::error     ? 1
                         : d.level == severity::warning ? 2
                                                        : 3},
            {"code", d.code},
            {"source", "argmap"},
            {"message", d.message}};
  if (!d.notes.empty()) {
    j["relatedInformation"] = json::array();
    for (const diagnostic& n : d.notes) {
      std::string uri = n.file.empty() ? uri_of_file : uri_of_path(n.file);
      j["relatedInformation"].push_back(
          {{"location", {{"uri", uri}, {"range", range_of(n)}}}, {"message", n.message}});
    }
  }
  return j;
}

class session {
 public:
  session(int out, const server_options& options) : out_(out), options_(options) {}

  // Handles one message; an exit code when the session ends.
  std::optional<int> handle(const std::string& body) {
    json m;
    try {
      m = json::parse(body);
    } catch (const json::exception&) {
      reply_error(nullptr, parse_error, "the message is not JSON");
      return std::nullopt;
    }
    if (!m.is_object() || !m.contains("method") || !m["method"].is_string()) {
      if (m.is_object() && (m.contains("result") || m.contains("error"))) return std::nullopt;
      reply_error(m.is_object() && m.contains("id") ? m["id"] : json(nullptr), invalid_request,
                  "a request needs a string \"method\"");
      return std::nullopt;
    }
    const std::string method = m["method"];
    const bool request = m.contains("id");
    const json id = request ? m["id"] : json(nullptr);
    const json params = m.value("params", json::object());
    if (method == "exit") return shut_down_ ? 0 : 1;
    if (!initialized_ && method != "initialize") {
      if (request) reply_error(id, server_not_initialized, "the server is not initialized yet");
      return std::nullopt;
    }
    if (shut_down_ && request) {
      reply_error(id, invalid_request, "the server is shut down; only 'exit' is accepted");
      return std::nullopt;
    }
    try {
      dispatch(method, request, id, params);
    } catch (const json::exception& e) {
      if (request) reply_error(id, invalid_params, std::string("malformed params: ") + e.what());
    }
    return std::nullopt;
  }

 private:
  void dispatch(const std::string& method, bool request, const json& id, const json& params) {
    if (method == "initialize") {
      initialized_ = true;
      reply(id, {{"capabilities",
                  {{"textDocumentSync",
                    {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
                   {"definitionProvider", true},
                   {"referencesProvider", true},
                   {"documentHighlightProvider", true},
                   {"foldingRangeProvider", true}}},
                 {"serverInfo", {{"name", "argmap"}, {"version", ARGMAP_VERSION}}}});
    } else if (method == "shutdown") {
      shut_down_ = true;
      reply(id, nullptr);
    } else if (method == "textDocument/didOpen") {
      const json& doc = params.at("textDocument");
      open(doc.at("uri").get<std::string>(), doc.at("text").get<std::string>());
    } else if (method == "textDocument/didChange") {
      change(params.at("textDocument").at("uri").get<std::string>(), params.at("contentChanges"));
    } else if (method == "textDocument/didSave") {
      std::string uri = params.at("textDocument").at("uri").get<std::string>();
      if (documents_.count(uri)) publish(uri);
    } else if (method == "textDocument/didClose") {
      std::string uri = params.at("textDocument").at("uri").get<std::string>();
      documents_.erase(uri);
      notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
    } else if (method == "textDocument/definition" || method == "textDocument/references" ||
               method == "textDocument/documentHighlight") {
      reply(id, navigate(method, params));
    } else if (method == "textDocument/foldingRange") {
      reply(id, folding(params.at("textDocument").at("uri").get<std::string>()));
    } else if (request) {
      reply_error(id, method_not_found, "argmap does not serve '" + method + "'");
    }  // other notifications ($/cancelRequest, initialized, ...) need nothing
  }

  void open(const std::string& uri, std::string text) {
    std::optional<std::string> path = path_of_uri(uri);
    std::string where = path ? *path : uri;
    std::string identity = grammar::disk_loader().identity(where);
    documents_[uri] = {std::move(where), std::move(text), std::move(identity)};
    publish(uri);
  }

  void change(const std::string& uri, const json& changes) {
    auto it = documents_.find(uri);
    if (it == documents_.end()) return;
    std::string& text = it->second.text;
    for (const json& c : changes) {
      if (!c.contains("range")) {
        text = c.at("text").get<std::string>();
        continue;
      }
      const json& s = c["range"].at("start");
      const json& e = c["range"].at("end");
      std::size_t from = offset_of(text, s.at("line"), s.at("character"));
      std::size_t to = offset_of(text, e.at("line"), e.at("character"));
      if (to < from) std::swap(from, to);
      text.replace(from, to - from, c.at("text").get<std::string>());
    }
    publish(uri);
  }

  // Definition, references and highlights of the id under the cursor.
  json navigate(const std::string& method, const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    auto it = documents_.find(uri);
    if (it == documents_.end()) return nullptr;
    const document& d = it->second;
    const json& pos = params.at("position");
    const std::uint32_t line = pos.at("line"), character = pos.at("character");
    // The cursor as argmap counts: 1-based line, code-point column.
    const std::size_t start = offset_of(d.text, line, 0), at = offset_of(d.text, line, character);
    const std::uint32_t col = utf8::column(std::string_view(d.text).substr(start), at - start);
    overlay_loader loader(documents_, options_.check);
    grammar::loaded_map m =
        grammar::load_map_from_text(d.path, d.text, loader, options_.check.parse);
    std::optional<std::string> name = id_at(m, line + 1, col);
    if (!name) return method == "textDocument/definition" ? json(nullptr) : json::array();
    id_places places = places_of(m, *name);
    if (method == "textDocument/definition")
      return places.definition ? location(m, *places.definition, uri) : json(nullptr);
    json out = json::array();
    if (method == "textDocument/references") {
      bool declaration = params.value("context", json::object()).value("includeDeclaration", true);
      if (declaration && places.definition) out.push_back(location(m, *places.definition, uri));
      for (const source_range& r : places.references) out.push_back(location(m, r, uri));
      return out;
    }
    // Highlights: the places in this document; the definition as a write.
    if (places.definition && places.definition->file == 0)
      out.push_back({{"range", range_in(m, *places.definition)}, {"kind", 3}});
    for (const source_range& r : places.references)
      if (r.file == 0) out.push_back({{"range", range_in(m, r)}, {"kind", 2}});
    return out;
  }

  // The document's foldable regions (its own text only, not its includes).
  json folding(const std::string& uri) {
    json out = json::array();
    auto it = documents_.find(uri);
    if (it == documents_.end()) return out;
    const std::string& text = it->second.text;
    source_set sources;
    sources.files.emplace_back(it->second.path, text);
    grammar::parse_result r = grammar::parse(sources, 0, options_.check.parse);
    std::vector<bool> blank{false};  // [line], 1-based
    for (std::size_t pos = 0; pos <= text.size();) {
      std::size_t nl = std::min(text.find('\n', pos), text.size());
      blank.push_back(text.find_first_not_of(" \t\r", pos) >= nl);
      pos = nl + 1;
    }
    for (const fold& f : folds_of(r.doc, blank))
      out.push_back({{"startLine", f.first - 1}, {"endLine", f.last - 1}, {"kind", f.kind}});
    return out;
  }

  static json range_in(const grammar::loaded_map& m, const source_range& r) {
    std::string_view line = m.sources.files.at(r.file).line_text(r.line);
    return {{"start", {{"line", r.line - 1}, {"character", utf16_column(line, r.col)}}},
            {"end", {{"line", r.line - 1}, {"character", utf16_column(line, r.end_col)}}}};
  }

  // A range in `m` as an LSP location; file 0 is the document `uri` itself.
  static json location(const grammar::loaded_map& m, const source_range& r,
                       const std::string& uri) {
    std::string where = r.file == 0 ? uri : uri_of_path(absolute(m.sources.files.at(r.file).name));
    return {{"uri", where}, {"range", range_in(m, r)}};
  }

  static std::string absolute(const std::string& path) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
  }

  // Checks an open document as `argmap check` would and sends what it found
  // in the document itself.
  void publish(const std::string& uri) {
    const document& d = documents_.at(uri);
    overlay_loader loader(documents_, options_.check);
    engine::checked_map m = engine::check_text(d.path, d.text, loader, options_.check);
    json list = json::array();
    for (const diagnostic& x : m.diagnostics)
      if (x.range.file == 0) list.push_back(lsp_diagnostic(x, uri));
    notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", list}});
  }

  void reply(const json& id, json result) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  }
  void reply_error(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void send(const json& message) {
    std::string bytes = frame_message(message.dump(-1, ' ', false, json::error_handler_t::replace));
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = write(out_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;  // the client is gone; reading ends the session
      done += static_cast<std::size_t>(n);
    }
  }

  int out_;
  const server_options& options_;
  bool initialized_ = false, shut_down_ = false;
  std::map<std::string, document> documents_;  // by URI
};

}  // namespace

int serve(int in, int out, const server_options& options) {
  message_reader reader(options.max_message);
  session s(out, options);
  char chunk[1 << 16];
  for (;;) {
    while (std::optional<frame> f = reader.next()) {
      if (!f->ok) {  // no telling where the next message begins
        std::cerr << format_human(unplaced(severity::error, "lsp", {}, "argmap lsp: " + f->error));
        return 1;
      }
      if (std::optional<int> code = s.handle(f->body)) return *code;
    }
    ssize_t n = read(in, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 1;  // the input ended without 'exit'
    reader.feed(std::string_view(chunk, static_cast<std::size_t>(n)));
  }
}

}  // namespace argmap::lsp
