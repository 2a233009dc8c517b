// Fuzz target: `argmap serve`'s request handling on any bytes. The bytes are
// parsed as an HTTP request with the server's limits (Boost.Beast's parser),
// and a request that parses is answered from a site serving examples/.
// Invariants: nothing crashes; the answer is one of the statuses the server
// gives; a 200 page is the index or a served map's page, never anything read
// from elsewhere; a target decode_path accepts never holds a '..' segment.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "serve/http.hpp"
#include "serve/site.hpp"

#ifndef ARGMAP_EXAMPLES
#define ARGMAP_EXAMPLES "examples"
#endif

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static argmap::serve::site site(ARGMAP_EXAMPLES, {});
  if (!site.ok()) std::abort();
  static const std::vector<std::string> names = {"127.0.0.1", "localhost", "[::1]"};
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto path = argmap::serve::decode_path(bytes)) {
    if (path->find("/../") != std::string::npos || path->find("/./") != std::string::npos ||
        (path->size() >= 3 && path->compare(path->size() - 3, 3, "/..") == 0))
      std::abort();
  }
  http::request_parser<http::empty_body> parser;
  parser.header_limit(8192);
  parser.body_limit(1024);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
  if (ec || !parser.is_header_done()) return 0;
  const auto& req = parser.get();
  auto host = req[http::field::host];
  argmap::serve::reply r = argmap::serve::answer(
      site, std::string_view(req.method_string().data(), req.method_string().size()),
      std::string_view(req.target().data(), req.target().size()),
      std::string_view(host.data(), host.size()), names, 8123);
  switch (r.status) {
    case 200:
    case 400:
    case 403:
    case 404:
    case 405:
      break;
    default:
      std::abort();
  }
  if (r.status == 200 && !r.events && req.method() == http::verb::get) {
    bool known = r.body == site.index_page();
    for (auto& [name, m] : site.maps()) known = known || r.body == m.page;
    if (!known) std::abort();
  }
  return 0;
}
