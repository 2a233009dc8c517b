// Fuzz target: the LSP message reader on any bytes, fed in pieces whose sizes
// the input's first byte picks. Invariants: it ends, never holds more than its
// limits allow, gives at most one framing error and nothing after it, and a
// body it gives, framed again, reads back as the same body.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lsp/transport.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t step = 1 + data[0] % 16;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  argmap::lsp::message_reader reader(4096, 256);
  std::size_t errors = 0;
  for (std::size_t i = 0; i < bytes.size(); i += step) {
    reader.feed(bytes.substr(i, step));
    while (auto f = reader.next()) {
      if (!f->ok) {
        if (++errors > 1 || !reader.failed() || f->error.empty()) std::abort();
        continue;
      }
      if (reader.failed() || f->body.size() > 4096) std::abort();
      argmap::lsp::message_reader again;
      again.feed(argmap::lsp::frame_message(f->body));
      auto back = again.next();
      if (!back || !back->ok || back->body != f->body) std::abort();
    }
  }
  return 0;
}
