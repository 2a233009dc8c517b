// The LSP base protocol: framing read from bytes however they arrive, and
// every malformed header refused once, with a reason.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lsp/transport.hpp"

using argmap::lsp::frame;
using argmap::lsp::frame_message;
using argmap::lsp::message_reader;

namespace {

// Every frame the reader gives for `bytes` fed `step` bytes at a time.
std::vector<frame> frames_of(const std::string& bytes, std::size_t step,
                             message_reader reader = message_reader()) {
  std::vector<frame> out;
  for (std::size_t i = 0; i < bytes.size(); i += step) {
    reader.feed(std::string_view(bytes).substr(i, step));
    while (auto f = reader.next()) out.push_back(*f);
  }
  return out;
}

}  // namespace

TEST_CASE("messages split anywhere, or many in one read, come out whole and in order") {
  std::string stream = frame_message(R"({"jsonrpc":"2.0","id":1,"method":"initialize"})") +
                       "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                       frame_message("{}") + frame_message("") + frame_message("[1,\"é\"]");
  for (std::size_t step : {1, 2, 3, 7, 64, 100000}) {
    auto frames = frames_of(stream, step);
    REQUIRE(frames.size() == 4);
    CHECK(frames[0].body == R"({"jsonrpc":"2.0","id":1,"method":"initialize"})");
    CHECK(frames[1].body == "{}");
    CHECK(frames[2].body.empty());
    CHECK(frames[3].body == "[1,\"é\"]");
    for (const frame& f : frames) CHECK(f.ok);
  }
  CHECK(frame_message("{}") == "Content-Length: 2\r\n\r\n{}");
}

TEST_CASE("header names are case-insensitive; values may have blanks around them") {
  auto frames = frames_of("content-length:  2 \r\n\r\n{}", 5);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].body == "{}");
}

TEST_CASE("a malformed header is one error, then nothing more is read") {
  struct bad {
    std::string stream, error;
  };
  const std::vector<bad> cases = {
      {"Content-Type: x\r\n\r\n{}", "no Content-Length header"},
      {"Content-Length: two\r\n\r\n{}", "Content-Length must be a number of bytes, not 'two'"},
      {"Content-Length: -1\r\n\r\n{}", "Content-Length must be a number of bytes, not '-1'"},
      {"Content-Length: \r\n\r\n{}", "Content-Length must be a number of bytes, not ''"},
      {"Content-Length: 99999999999999999999999\r\n\r\n",
       "Content-Length must be a number of bytes, not '99999999999999999999999'"},
      {"Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", "two Content-Length headers"},
      {"{\"jsonrpc\":\"2.0\"}\r\n\r\n",
       "a header line must be 'Name: value', not '{\"jsonrpc\":\"2.0\"}'"},
      {"Content-Length : 2\r\n\r\n{}",
       "a header line must be 'Name: value', not 'Content-Length : 2'"},
      {"Content-Length: 2000\r\n\r\n", "a message of 2000 bytes is over the limit of 1000"},
  };
  for (const bad& b : cases) {
    INFO(b.stream);
    auto frames = frames_of(b.stream + frame_message("{}"), 3, message_reader(1000));
    REQUIRE(frames.size() == 1);
    CHECK_FALSE(frames[0].ok);
    CHECK(frames[0].error == b.error);
  }
}

TEST_CASE("a header that never ends is refused at the limit, not held for ever") {
  message_reader reader(1000, 64);
  reader.feed(std::string(65, 'x'));
  auto f = reader.next();
  REQUIRE(f);
  CHECK(f->error == "no end of the header after 64 bytes");
  CHECK(reader.failed());
  reader.feed(frame_message("{}"));
  CHECK_FALSE(reader.next());
}

TEST_CASE("a stream that ends inside a message is known to be partial") {
  message_reader reader;
  reader.feed("Content-Length: 10\r\n\r\n{\"a\":");
  CHECK_FALSE(reader.next());
  CHECK(reader.partial());
  reader.feed("1}    ");
  auto f = reader.next();
  REQUIRE(f);
  CHECK(f->body == "{\"a\":1}   ");
  CHECK(reader.partial());  // one space of a next header
}

TEST_CASE("ten thousand small messages in one read are read in linear time") {
  std::string burst;
  for (int i = 0; i < 10000; ++i) burst += frame_message("{\"id\":" + std::to_string(i) + "}");
  auto frames = frames_of(burst, burst.size());
  REQUIRE(frames.size() == 10000);
  CHECK(frames.back().body == "{\"id\":9999}");
}
