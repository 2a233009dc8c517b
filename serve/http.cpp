#include "serve/http.hpp"

#include "core/percent.hpp"

namespace argmap::serve {

namespace {

reply text(unsigned status, std::string body) {
  reply r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body) + "\n";
  return r;
}

reply html(std::string body) {
  reply r;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  return r;
}

}  // namespace

std::optional<std::string> decode_path(std::string_view target) {
  if (target.empty() || target[0] != '/') return std::nullopt;  // not origin-form
  target = target.substr(0, target.find_first_of("?#"));
  std::optional<std::string> decoded = percent_decode(target);
  if (!decoded) return std::nullopt;
  std::string out = std::move(*decoded);
  for (char c : out) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == '\\') return std::nullopt;
  }
  // Segments: none may be '.' or '..' (after decoding); an empty one only last.
  std::size_t start = 1;
  while (start <= out.size()) {
    std::size_t end = out.find('/', start);
    if (end == std::string::npos) end = out.size();
    std::string_view seg(out.data() + start, end - start);
    if (seg == "." || seg == "..") return std::nullopt;
    if (seg.empty() && end != out.size()) return std::nullopt;  // '//'
    start = end + 1;
  }
  return out;
}

bool host_allowed(std::string_view host, const std::vector<std::string>& names, unsigned port) {
  const std::string with_port = ":" + std::to_string(port);
  for (const std::string& n : names) {
    if (host == n) return true;
    if (host.size() == n.size() + with_port.size() && host.substr(0, n.size()) == n &&
        host.substr(n.size()) == with_port)
      return true;
  }
  return false;
}

reply answer(site& s, std::string_view method, std::string_view target, std::string_view host,
             const std::vector<std::string>& names, unsigned port) {
  reply r;
  if (method != "GET" && method != "HEAD") {
    r = text(405, "argmap serve answers GET and HEAD only");
    r.allow = "GET, HEAD";
  } else if (!host_allowed(host, names, port)) {
    // A page from another site, reaching this server through a DNS name
    // rebound to 127.0.0.1, names that other site in Host.
    r = text(403, "this server answers requests for its own address only");
  } else if (std::optional<std::string> path = decode_path(target); !path) {
    r = text(400, "malformed path");
  } else if (*path == "/") {
    if (s.is_folder()) {
      r = html(s.index_page());
    } else {
      r = html(s.maps().begin()->second.page);
    }
  } else if (path->rfind("/_argmap/events/", 0) == 0) {
    map_state* m = s.find(path->substr(16));
    if (!m) {
      r = text(404, "no such map");
    } else {
      r.content_type = "text/event-stream";
      r.events = m;
    }
  } else if (path->size() > 6 && path->compare(path->size() - 5, 5, ".html") == 0) {
    map_state* m = s.find(path->substr(1, path->size() - 6));
    r = m ? html(m->page) : text(404, "no such map");
  } else {
    r = text(404, "not found");
  }
  r.content_length = r.body.size();
  if (method == "HEAD") r.body.clear();
  return r;
}

}  // namespace argmap::serve
