#include "cli/process.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <streambuf>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "io/write.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define ARGMAP_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARGMAP_UNDER_ASAN 1
#endif
#endif

namespace argmap::cli {

namespace {

// Standard output's buffer: writes to descriptor 1 and keeps the first error
// (errno), which stdio would lose by the time argmap ends. On a terminal it
// is flushed at each newline, so that it interleaves with standard error.
class stdout_buffer : public std::streambuf {
 public:
  explicit stdout_buffer(bool line_buffered) : line_buffered_(line_buffered) {
    setp(buf_, buf_ + sizeof buf_);
  }
  int error() const { return error_; }

 protected:
  int overflow(int c) override {
    if (c != traits_type::eof()) {
      if (pptr() == epptr() && !drain()) return traits_type::eof();
      *pptr() = static_cast<char>(c);
      pbump(1);
      if (line_buffered_ && c == '\n' && !drain()) return traits_type::eof();
      return c;
    }
    return drain() ? 0 : traits_type::eof();
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::streamsize done = 0;
    while (done < n) {
      if (pptr() == epptr() && !drain()) return done;
      std::streamsize room = std::min<std::streamsize>(epptr() - pptr(), n - done);
      std::memcpy(pptr(), s + done, static_cast<std::size_t>(room));
      pbump(static_cast<int>(room));
      done += room;
    }
    if (line_buffered_ && std::memchr(s, '\n', static_cast<std::size_t>(n)) != nullptr && !drain())
      return n;
    return n;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* p = pbase();
    while (p < pptr()) {
      ssize_t n = write(STDOUT_FILENO, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (error_ == 0) error_ = n < 0 ? errno : EIO;
        break;
      }
      p += n;
    }
    setp(buf_, buf_ + sizeof buf_);
    return error_ == 0;
  }
  char buf_[1 << 16];
  bool line_buffered_;
  int error_ = 0;
};

stdout_buffer* output = nullptr;

// Async-signal-safe: write(2), unlinkat(2) and _exit(2) only.
extern "C" void on_fatal_signal(int sig) {
  io::restore_stderr_on_crash();
  io::remove_temporaries_on_crash();
  const char* what = sig == SIGSEGV  ? "11, a segmentation fault"
                     : sig == SIGBUS ? "7, a bus error"
                     : sig == SIGFPE ? "8, an arithmetic fault"
                     : sig == SIGILL ? "4, an illegal instruction"
                                     : "6, an abort";
  const char* head = "argmap: error: stopped by signal ";
  const char* tail =
      " (most often memory ran out inside Graphviz; render a smaller part with --focus, --section "
      "or --tags, or raise the memory limit); no output was written\n";
  auto put = [](const char* s) {
    if (write(STDERR_FILENO, s, std::strlen(s)) < 0) { /* nothing more can be done */
    }
  };
  put(head);
  put(what);
  put(tail);
  _exit(exit_io);
}

}  // namespace

void install_crash_handlers() {
#ifndef ARGMAP_UNDER_ASAN
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND | SA_ONSTACK;
  // An alternate stack, so that a stack overflow can still be reported.
  static char stack[1 << 16];
  stack_t ss{};
  ss.ss_sp = stack;
  ss.ss_size = sizeof stack;
  sigaltstack(&ss, nullptr);
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) sigaction(sig, &sa, nullptr);
#endif
}

void install_standard_output() {
  // Never destroyed: std::cout is flushed by the library's own clean-up at
  // exit, after function-local statics are gone.
  output = new stdout_buffer(isatty(STDOUT_FILENO) == 1);
  std::cout.rdbuf(output);
}

int finish_standard_output(int code) {
  std::cout.flush();
  int err = output ? output->error() : 0;
  if (err == 0 && std::cout.good()) return code;
  say(severity::error, std::string("cannot write to standard output: ") +
                           (err != 0 ? std::strerror(err) : "write error"));
  return exit_io;
}

}  // namespace argmap::cli
