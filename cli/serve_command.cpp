// argmap serve [FILE|DIR] [--host ADDR] [--port N] [--open] [--eval S] [--theme T] [input options]
// The interactive page of a map, or of each map in a folder, served to a
// browser and redrawn whenever a file it reads is saved (serve/).

#include <spawn.h>
#include <sys/wait.h>

#include <csignal>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "render/render.hpp"
#include "serve/server.hpp"
#include "serve/site.hpp"

extern char** environ;

namespace argmap::cli {

namespace {

struct serve_args {
  std::string target = ".";
  std::string host = "127.0.0.1";
  unsigned port = 8123;
  bool open = false;
  std::string eval;
  std::string theme = "default";
  engine::check_options input;
};

// Starts the desktop's browser on `url`, without waiting for it.
void open_browser(const std::string& url) {
  std::signal(SIGCHLD, SIG_IGN);  // the browser's launcher is reaped by the system
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
    say(severity::warning, "cannot start a browser (xdg-open); open " + url + " yourself");
}

int run_serve(const serve_args& a) {
  serve::site_options so;
  so.check = a.input;
  so.eval = a.eval;
  so.theme = a.theme;
  serve::site s(a.target, so);
  if (!s.ok()) {
    std::cerr << format_human(s.problem());
    return exit_usage;
  }
  serve::server_options o;
  o.host = a.host;
  o.port = a.port;
  o.on_listening = [&](const std::string& url) {
    std::cout << "argmap: serving " << (s.is_folder() ? s.maps().size() : 1)
              << (s.is_folder() && s.maps().size() != 1 ? " maps" : " map") << " from " << s.root()
              << " at " << url << " (Ctrl+C stops)" << std::endl;
    if (a.open) open_browser(url);
  };
  diagnostic problem;
  int code = serve::run(s, o, problem);
  if (code != 0) std::cerr << format_human(problem);
  return code;
}

}  // namespace

action setup_serve(command& cmd) {
  auto args = std::make_shared<serve_args>();
  cmd.add("target", args->target, "a map, or a folder whose maps to serve (default: .)");
  cmd.add("--host", args->host,
          "the address to listen on (default 127.0.0.1; another only when you mean it)");
  cmd.add("--port", args->port, "the port (default 8123; 0 picks a free one, printed)")
      .range(0u, 65535u);
  cmd.flag("--open", args->open, "open the page in the desktop's browser");
  cmd.add("--eval", args->eval, "show an evaluation in the pages")
      .one_of({"grounded", "preferred", "stable", "dfquad"});
  cmd.add("--theme", args->theme, "default, dark, mono or colorblind")
      .one_of(render::theme_names());
  add_input_options(cmd, args->input);
  return [args] { return run_serve(*args); };
}

}  // namespace argmap::cli
