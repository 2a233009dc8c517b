// Fuzz target: the language server's requests on any document and any
// positions. The input is a document's text, a NUL, then groups of four
// bytes, each a message: which one, a line, a character and a spare byte
// (an edit's length, a rename's name, a completion's context). Invariants:
// nothing crashes, every request gets exactly one answer, every message the
// server sends is one framed JSON object.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "lsp/server.hpp"
#include "lsp/transport.hpp"

namespace {

using json = nlohmann::json;

const char* const uri = "file:///nonexistent-argmap-fuzz/map.arg";

json position(std::uint8_t line, std::uint8_t character) {
  return {{"line", line % 48}, {"character", character % 96}};
}

json message(int id, const std::uint8_t* g) {
  const json doc = {{"uri", uri}};
  const json pos = position(g[1], g[2]);
  static const char* const names[] = {"w", "new_id", "9bad", "", "a-b.c"};
  switch (g[0] % 13) {
    case 0: {  // an incremental edit: replace up to g[3] % 8 characters with one
      json end = position(g[1], static_cast<std::uint8_t>(g[2] + g[3] % 8));
      std::string text(1, "@[]{}: \n#+-~!&\"x"[g[3] % 16]);
      json change = {{"range", {{"start", pos}, {"end", end}}}, {"text", text}};
      json params = {{"textDocument", {{"uri", uri}, {"version", id}}},
                     {"contentChanges", json::array({change})}};
      return {{"method", "textDocument/didChange"}, {"params", params}};
    }
    case 1:
      return {{"method", "textDocument/definition"},
              {"params", {{"textDocument", doc}, {"position", pos}}}};
    case 2:
      return {{"method", "textDocument/references"},
              {"params", {{"textDocument", doc}, {"position", pos}}}};
    case 3:
      return {{"method", "textDocument/documentHighlight"},
              {"params", {{"textDocument", doc}, {"position", pos}}}};
    case 4:
      return {{"method", "textDocument/prepareRename"},
              {"params", {{"textDocument", doc}, {"position", pos}}}};
    case 5:
      return {{"method", "textDocument/rename"},
              {"params", {{"textDocument", doc}, {"position", pos}, {"newName", names[g[3] % 5]}}}};
    case 6:
      return {{"method", "textDocument/hover"},
              {"params", {{"textDocument", doc}, {"position", pos}}}};
    case 7:
      return {{"method", "textDocument/completion"},
              {"params", {{"textDocument", doc}, {"position", pos}}}};
    case 8:
      return {{"method", "textDocument/documentSymbol"}, {"params", {{"textDocument", doc}}}};
    case 9:
      return {{"method", "textDocument/foldingRange"}, {"params", {{"textDocument", doc}}}};
    case 10:
      return {{"method", "textDocument/formatting"},
              {"params", {{"textDocument", doc}, {"options", json::object()}}}};
    case 11: {
      json end = position(static_cast<std::uint8_t>(g[1] + g[3] % 4), 0);
      return {{"method", "textDocument/codeAction"},
              {"params",
               {{"textDocument", doc},
                {"range", {{"start", pos}, {"end", end}}},
                {"context", {{"diagnostics", json::array()}}}}}};
    }
    default:
      return {{"method", "textDocument/didSave"}, {"params", {{"textDocument", doc}}}};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  if (nul == std::string_view::npos || size - nul - 1 > 4 * 64) return 0;
  int answers = 0;
  argmap::lsp::server_options options;
  options.check.parse.max_claims = 2000;
  argmap::lsp::server s(options, [&](std::string_view bytes) {
    argmap::lsp::message_reader reader;
    reader.feed(bytes);
    auto f = reader.next();
    if (!f || !f->ok || reader.next()) std::abort();
    json m = json::parse(f->body);  // throws, and so fails, on anything but JSON
    if (!m.is_object()) std::abort();
    if (m.contains("id") && !m.contains("method")) ++answers;
  });
  auto send = [&](json m, int id) {
    m["jsonrpc"] = "2.0";
    if (id) m["id"] = id;
    // A client sends JSON, so valid UTF-8: the text's invalid bytes become U+FFFD.
    if (s.handle(m.dump(-1, ' ', false, json::error_handler_t::replace))) std::abort();
  };
  send({{"method", "initialize"}, {"params", {{"capabilities", json::object()}}}}, 1);
  send({{"method", "textDocument/didOpen"},
        {"params",
         {{"textDocument",
           {{"uri", uri},
            {"languageId", "argmap"},
            {"version", 1},
            {"text", std::string(input.substr(0, nul))}}}}}},
       0);
  int requests = 1;
  for (std::size_t at = nul + 1; at + 4 <= size; at += 4) {
    json m = message(requests + 1, data + at);
    const bool notification = m["method"].get<std::string>().rfind("textDocument/did", 0) == 0;
    send(m, notification ? 0 : ++requests);
    if (s.pending() && data[at + 3] % 3 == 0) s.publish_pending();
  }
  s.publish_pending();
  if (answers != requests) std::abort();
  return 0;
}
