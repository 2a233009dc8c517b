#include "lsp/server.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <iostream>
#include <optional>
#include <set>

#include "core/diagnostic.hpp"
#include "lsp/features.hpp"
#include "lsp/preview.hpp"
#include "lsp/protocol.hpp"
#include "lsp/text.hpp"
#include "lsp/transport.hpp"
#include "lsp/workspace.hpp"

namespace argmap::lsp {

namespace {

// JSON-RPC and LSP error codes.
constexpr int parse_error = -32700, invalid_request = -32600, method_not_found = -32601,
              server_not_initialized = -32002;

json capabilities() {
  return {{"textDocumentSync",
           {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
          {"definitionProvider", true},
          {"referencesProvider", true},
          {"documentHighlightProvider", true},
          {"renameProvider", {{"prepareProvider", true}}},
          {"hoverProvider", true},
          {"completionProvider", {{"triggerCharacters", {"@", "{", ",", ":", "\"", "/"}}}},
          {"documentSymbolProvider", true},
          {"foldingRangeProvider", true},
          {"documentFormattingProvider", true},
          {"codeActionProvider", {{"codeActionKinds", {"quickfix", "refactor.rewrite"}}}}};
}

}  // namespace

class server::session {
 public:
  session(const server_options& options, std::function<void(std::string_view)> send)
      : send_(std::move(send)), workspace_(options.check) {}

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
      if (std::optional<json> result = dispatch(method, params)) {
        if (request) reply(id, std::move(*result));
      } else if (request) {
        reply_error(id, method_not_found, "argmap does not serve '" + method + "'");
      }  // other notifications ($/cancelRequest, initialized, ...) need nothing
    } catch (const request_error& e) {
      if (request) reply_error(id, e.code, e.what());
    } catch (const json::exception& e) {
      if (request) reply_error(id, invalid_params, std::string("malformed params: ") + e.what());
    }
    return std::nullopt;
  }

  // True while some document's diagnostics wait to be published.
  bool pending() const { return !stale_.empty(); }

  // Publishes the diagnostics of every document that changed.
  void publish_pending() {
    std::set<std::string> uris = std::move(stale_);
    stale_.clear();
    for (const std::string& uri : uris) publish(uri);
  }

 private:
  // The result of `method`; none when the server does not serve it.
  std::optional<json> dispatch(const std::string& method, const json& params) {
    if (method == "initialize") {
      initialized_ = true;
      return json{{"capabilities", capabilities()},
                  {"serverInfo", {{"name", "argmap"}, {"version", ARGMAP_VERSION}}}};
    }
    if (method == "shutdown") {
      shut_down_ = true;
      return json(nullptr);
    }
    if (method.rfind("textDocument/did", 0) == 0 || method == "workspace/didChangeWatchedFiles") {
      sync(method, params);
      return json(nullptr);
    }
    using handler = json (*)(workspace&, const json&);
    static const std::map<std::string, handler> requests = {
        {"textDocument/definition", definition},
        {"textDocument/references", references},
        {"textDocument/documentHighlight", highlights},
        {"textDocument/prepareRename", prepare_rename},
        {"textDocument/rename", rename},
        {"textDocument/hover", hover},
        {"textDocument/completion", completion},
        {"textDocument/documentSymbol", document_symbols},
        {"textDocument/foldingRange", folding_ranges},
        {"textDocument/formatting", formatting},
        {"textDocument/codeAction", code_actions}};
    if (auto it = requests.find(method); it != requests.end())
      return it->second(workspace_, params);
    if (method == "argmap/render") return previewer_.render(workspace_, params);
    return std::nullopt;
  }

  // Text synchronisation and file changes: the buffers change now, their
  // diagnostics (and those of the documents reading them) once the input
  // pauses.
  void sync(const std::string& method, const json& params) {
    if (method == "workspace/didChangeWatchedFiles") {  // the disk under the buffers
      workspace_.touch();
      for (const std::string& uri : workspace_.uris()) stale_.insert(uri);
      return;
    }
    const json& doc = params.at("textDocument");
    const std::string uri = doc.at("uri").get<std::string>();
    if (method == "textDocument/didOpen") {
      workspace_.open(uri, doc.at("text").get<std::string>(), doc.value("version", 0));
    } else if (method == "textDocument/didChange") {
      document* d = workspace_.find(uri);
      if (!d) return;
      apply(d->text, params.at("contentChanges"));
      d->version = doc.value("version", d->version);
      workspace_.touch();
    } else if (method == "textDocument/didSave") {
      workspace_.touch();  // a file read from the disk may have been saved too
    } else if (method == "textDocument/didClose") {
      // Those reading it read the disk again; it shows no diagnostics any more.
      for (const std::string& other : workspace_.dependants(uri)) stale_.insert(other);
      workspace_.close(uri);
      stale_.erase(uri);
      notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
      return;
    } else {
      return;
    }
    if (!workspace_.find(uri)) return;
    stale_.insert(uri);
    for (const std::string& other : workspace_.dependants(uri)) stale_.insert(other);
  }

  static void apply(std::string& text, const json& changes) {
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
  }

  // Sends what checking found in the document itself, as `argmap check` gives it.
  void publish(const std::string& uri) {
    const document* d = workspace_.find(uri);
    if (!d) return;
    const engine::checked_map& m = workspace_.analyse(uri).checked;
    json list = json::array();
    for (const diagnostic& x : m.diagnostics)
      if (x.range.file == 0) list.push_back(diagnostic_json(m.map, x, uri));
    notify("textDocument/publishDiagnostics",
           {{"uri", uri}, {"version", d->version}, {"diagnostics", std::move(list)}});
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
    send_(frame_message(message.dump(-1, ' ', false, json::error_handler_t::replace)));
  }

  std::function<void(std::string_view)> send_;
  bool initialized_ = false, shut_down_ = false;
  workspace workspace_;
  previewer previewer_;
  std::set<std::string> stale_;  // documents whose diagnostics are to be published
};

server::server(const server_options& options, std::function<void(std::string_view)> send)
    : session_(std::make_unique<session>(options, std::move(send))) {}
server::~server() = default;
std::optional<int> server::handle(const std::string& body) {
  return session_->handle(body);
}
bool server::pending() const {
  return session_->pending();
}
void server::publish_pending() {
  session_->publish_pending();
}

namespace {

// Writes all of `bytes` to `fd`; a client that is gone is noticed by the next read.
void write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

// Waits up to `ms` milliseconds for input on `fd`; true when some came.
bool input_within(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  for (;;) {
    int n = poll(&p, 1, ms);
    if (n < 0 && errno == EINTR) continue;
    return n != 0;  // an error counts as input: the read says what it is
  }
}

}  // namespace

int serve(int in, int out, const server_options& options) {
  using clock = std::chrono::steady_clock;
  message_reader reader(options.max_message);
  server s(options, [out](std::string_view bytes) { write_all(out, bytes); });
  char chunk[1 << 16];
  std::optional<clock::time_point> waiting_since;  // diagnostics pending from then
  for (;;) {
    while (std::optional<frame> f = reader.next()) {
      if (!f->ok) {  // no telling where the next message begins
        std::cerr << format_human(unplaced(severity::error, "lsp", {}, "argmap lsp: " + f->error));
        return 1;
      }
      if (std::optional<int> code = s.handle(f->body)) return *code;
    }
    // Debouncing: diagnostics wait while changes keep coming, but never
    // longer than a few pauses' worth; they are computed from the newest
    // text, so none is stale.
    if (s.pending()) {
      if (!waiting_since) waiting_since = clock::now();
      const auto waited =
          std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - *waiting_since);
      if (waited.count() >= 4 * static_cast<long>(options.debounce_ms) ||
          !input_within(in, static_cast<int>(options.debounce_ms))) {
        s.publish_pending();
        waiting_since.reset();
        continue;
      }
    }
    ssize_t n = read(in, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 1;  // the input ended without 'exit'
    reader.feed(std::string_view(chunk, static_cast<std::size_t>(n)));
  }
}

}  // namespace argmap::lsp
