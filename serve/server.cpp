#include "serve/server.hpp"

#include <unistd.h>

#include <csignal>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "serve/http.hpp"
#include "serve/watch.hpp"

namespace argmap::serve {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// Sent with every answer: the page may run its own inline script and
// connect to this server's event stream, nothing else; nothing is cached.
void secure(http::fields& h) {
  h.set(http::field::cache_control, "no-store");
  h.set("X-Content-Type-Options", "nosniff");
  h.set("Referrer-Policy", "no-referrer");
  h.set("Content-Security-Policy",
        "default-src 'none'; connect-src 'self'; script-src 'unsafe-inline'; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'");
}

class server;

class connection : public std::enable_shared_from_this<connection> {
 public:
  connection(tcp::socket socket, server& srv);
  ~connection();
  void start() { read(); }
  // Queues one event for a live page.
  void send_event(const std::string& update);
  // True once a live page's connection has closed.
  bool closed() const { return closed_; }

 private:
  void read();
  void on_read(beast::error_code ec);
  void respond(http::response<http::string_body> res, bool keep_alive);
  void start_events(map_state& m);
  void write_next();
  void close();

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::empty_body>> parser_;
  server& srv_;
  std::deque<std::string> outbox_;  // event stream: what is still to be written
  bool writing_ = false;
  bool closed_ = false;
  char sink_ = 0;  // a live page sends nothing; a read ends when it goes away
};

class server {
 public:
  server(site& s, const server_options& o) : site_(s), options_(o) {}

  int run(diagnostic& problem) {
    beast::error_code ec;
    auto address = asio::ip::make_address(options_.host, ec);
    if (ec) return fail(problem, "'" + options_.host + "' is not an IP address");
    tcp::endpoint at(address, static_cast<unsigned short>(options_.port));
    acceptor_.open(at.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(at, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
      return fail(problem, "cannot listen on " + options_.host + ":" +
                               std::to_string(options_.port) + ": " + ec.message());
    port_ = acceptor_.local_endpoint().port();
    names_ = {"127.0.0.1", "localhost", "[::1]", options_.host};
    if (address.is_v6()) names_.push_back("[" + options_.host + "]");
    for (auto& [name, m] : site_.maps())
      for (const std::string& f : m.files) watcher_.watch_folder_of(f);
    if (watcher_.fd() >= 0) {
      changes_.assign(dup(watcher_.fd()));
      wait_for_changes();
    }
    signals_.async_wait([this](beast::error_code, int) { io_.stop(); });
    accept();
    std::string host = address.is_v6() ? "[" + options_.host + "]" : options_.host;
    if (options_.on_listening)
      options_.on_listening("http://" + host + ":" + std::to_string(port_) + "/");
    io_.run();
    return 0;
  }

  site& served() { return site_; }
  const server_options& options() const { return options_; }
  const std::vector<std::string>& names() const { return names_; }
  unsigned port() const { return port_; }
  std::size_t& connections() { return connections_; }
  void subscribe(map_state& m, const std::shared_ptr<connection>& c) { live_[&m].push_back(c); }

 private:
  static int fail(diagnostic& problem, std::string message) {
    problem = unplaced(severity::error, "serve", {}, std::move(message));
    return 3;
  }

  void accept() {
    acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (!ec) {
        if (connections_ >= options_.max_connections) {
          socket.close(ec);  // too many at once: this one is turned away
        } else {
          std::make_shared<connection>(std::move(socket), *this)->start();
        }
      }
      if (acceptor_.is_open()) accept();
    });
  }

  void wait_for_changes() {
    changes_.async_wait(asio::posix::stream_descriptor::wait_read, [this](beast::error_code ec) {
      if (ec) return;
      for (const std::string& changed : watcher_.changes())
        for (auto& [name, m] : site_.maps())
          if (m.files.count(changed)) pending_.insert(&m);
      if (!pending_.empty()) {
        debounce_.expires_after(std::chrono::milliseconds(options_.debounce_ms));
        debounce_.async_wait([this](beast::error_code e) {
          if (!e) redraw();
        });
      }
      wait_for_changes();
    });
  }

  void redraw() {
    std::set<map_state*> maps;
    maps.swap(pending_);
    for (map_state* m : maps) {
      site_.rebuild(*m);
      for (const std::string& f : m->files) watcher_.watch_folder_of(f);
      auto& list = live_[m];
      std::erase_if(list, [](const std::shared_ptr<connection>& c) { return c->closed(); });
      for (auto& c : list) c->send_event(m->update);
    }
  }

  site& site_;
  server_options options_;
  asio::io_context io_;
  tcp::acceptor acceptor_{io_};
  asio::signal_set signals_{io_, SIGINT, SIGTERM};
  asio::posix::stream_descriptor changes_{io_};
  asio::steady_timer debounce_{io_};
  watcher watcher_;
  std::set<map_state*> pending_;
  // The live pages of each map: held here until their connection closes.
  std::map<map_state*, std::vector<std::shared_ptr<connection>>> live_;
  std::vector<std::string> names_;
  unsigned port_ = 0;
  std::size_t connections_ = 0;
};

connection::connection(tcp::socket socket, server& srv) : stream_(std::move(socket)), srv_(srv) {
  ++srv_.connections();
}

connection::~connection() {
  --srv_.connections();
}

void connection::read() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(srv_.options().max_header_bytes));
  parser_->body_limit(1024);  // GET and HEAD carry no body
  stream_.expires_after(srv_.options().read_timeout);
  http::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
}

void connection::on_read(beast::error_code ec) {
  if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
      ec == asio::error::operation_aborted) {
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    return;
  }
  http::response<http::string_body> res;
  if (ec) {  // a request that cannot be read: say so and close
    res.result(ec == http::error::header_limit ? http::status::request_header_fields_too_large
                                               : http::status::bad_request);
    res.set(http::field::content_type, "text/plain; charset=utf-8");
    res.body() =
        ec == http::error::header_limit ? "request header too large\n" : "malformed request\n";
    respond(std::move(res), false);
    return;
  }
  const auto& req = parser_->get();
  std::size_t fields = 0;
  for (auto it = req.begin(); it != req.end(); ++it) ++fields;
  if (fields > srv_.options().max_fields) {
    res.result(http::status::request_header_fields_too_large);
    res.set(http::field::content_type, "text/plain; charset=utf-8");
    res.body() = "too many header fields\n";
    respond(std::move(res), false);
    return;
  }
  std::string_view host(req[http::field::host].data(), req[http::field::host].size());
  reply r = answer(
      srv_.served(), std::string_view(req.method_string().data(), req.method_string().size()),
      std::string_view(req.target().data(), req.target().size()), host, srv_.names(), srv_.port());
  if (r.events && r.status == 200 && req.method() == http::verb::get) {
    start_events(*r.events);
    return;
  }
  res.result(r.status);
  res.version(req.version());
  res.set(http::field::content_type, r.content_type);
  if (!r.allow.empty()) res.set(http::field::allow, r.allow);
  res.body() = std::move(r.body);
  res.content_length(r.content_length);
  respond(std::move(res), req.keep_alive());
}

void connection::respond(http::response<http::string_body> res, bool keep_alive) {
  secure(res.base());
  res.keep_alive(keep_alive);
  auto shared = std::make_shared<http::response<http::string_body>>(std::move(res));
  stream_.expires_after(srv_.options().read_timeout);
  http::async_write(
      stream_, *shared,
      [self = shared_from_this(), shared, keep_alive](beast::error_code ec, std::size_t) {
        if (!ec && keep_alive) {
          self->read();
        } else {
          self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        }
      });
}

void connection::start_events(map_state& m) {
  stream_.expires_never();
  outbox_.push_back(
      "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
      "X-Content-Type-Options: nosniff\r\nConnection: keep-alive\r\n\r\n");
  srv_.subscribe(m, shared_from_this());
  send_event(m.update);  // what the page should show now, in case it changed since it loaded
  stream_.socket().async_read_some(asio::buffer(&sink_, 1),
                                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                     if (ec) self->close();
                                   });
}

void connection::close() {
  closed_ = true;
  outbox_.clear();
  beast::error_code ignored;
  stream_.socket().close(ignored);
}

void connection::send_event(const std::string& update) {
  outbox_.push_back("data: " + update + "\n\n");
  if (!writing_) write_next();
}

void connection::write_next() {
  if (outbox_.empty()) {
    writing_ = false;
    return;
  }
  writing_ = true;
  asio::async_write(stream_.socket(), asio::buffer(outbox_.front()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      if (ec) {  // the page went away
                        self->writing_ = false;
                        self->close();
                        return;
                      }
                      self->outbox_.pop_front();
                      self->write_next();
                    });
}

}  // namespace

int run(site& s, const server_options& options, diagnostic& problem) {
  server srv(s, options);
  return srv.run(problem);
}

}  // namespace argmap::serve
