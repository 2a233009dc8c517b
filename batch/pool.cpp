#include "batch/pool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace argmap::batch {

namespace {

bool write_exactly(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool read_exactly(int fd, void* data, std::size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    ssize_t n = read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

struct worker {
  pid_t pid = -1;
  int to = -1;    // parent writes job numbers
  int from = -1;  // parent reads results: 8-byte length, then the bytes
  std::optional<std::size_t> job;
  std::string buffer;
};

[[noreturn]] void worker_main(int in, int out, pid_t parent, const pool_tasks& tasks) {
  // Die with the parent: a killed build leaves no worker rendering on.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(0);
  // A crash is reported by the parent, per map; the default action keeps it a crash.
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) signal(sig, SIG_DFL);
  std::uint64_t k = 0;
  while (read_exactly(in, &k, sizeof k)) {
    std::string result = tasks.work(static_cast<std::size_t>(k));
    std::uint64_t size = result.size();
    if (!write_exactly(out, &size, sizeof size) ||
        !write_exactly(out, result.data(), result.size()))
      _exit(1);
  }
  _exit(0);
}

std::string death_of(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char* name = strsignal(sig);
    return fmt::format("the process rendering it was stopped by signal {} ({}){}", sig,
                       name ? name : "unknown",
                       sig == SIGKILL ? ", perhaps by the kernel because memory ran out" : "");
  }
  if (WIFEXITED(status))
    return fmt::format("the process rendering it exited with status {} before it finished",
                       WEXITSTATUS(status));
  return "the process rendering it stopped before it finished";
}

class pool {
 public:
  pool(const std::vector<std::size_t>& jobs, const pool_tasks& tasks)
      : jobs_(jobs), tasks_(tasks) {}

  std::vector<std::size_t> run(unsigned count) {
    count = std::max(1u, std::min<unsigned>(count, static_cast<unsigned>(jobs_.size())));
    if (jobs_.empty()) return {};
    // A worker that dies must not kill the parent with SIGPIPE.
    struct sigaction ignore {
    }, old{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &old);
    workers_.resize(count);
    for (worker& w : workers_) start(w);
    while (busy() > 0) wait_for_results();
    for (worker& w : workers_) retire(w);
    sigaction(SIGPIPE, &old, nullptr);
    std::vector<std::size_t> unstarted(jobs_.begin() + static_cast<std::ptrdiff_t>(next_),
                                       jobs_.end());
    return unstarted;
  }

 private:
  bool spawn(worker& w) {
    int to[2], from[2];
    if (pipe2(to, O_CLOEXEC) != 0) return false;
    if (pipe2(from, O_CLOEXEC) != 0) {
      close(to[0]);
      close(to[1]);
      return false;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
      close(to[1]);
      close(from[0]);
      for (worker& other : workers_) {  // the parent's ends of the others' pipes
        if (other.to >= 0) close(other.to);
        if (other.from >= 0) close(other.from);
      }
      worker_main(to[0], from[1], parent, tasks_);
    }
    close(to[0]);
    close(from[1]);
    if (pid < 0) {
      close(to[1]);
      close(from[0]);
      return false;
    }
    w = worker{pid, to[1], from[0], std::nullopt, {}};
    return true;
  }

  // Starts a process in the empty slot `w` and hands it the next job; a job
  // no process could be started for fails.
  void start(worker& w) {
    while (!stopped_ && next_ < jobs_.size()) {
      if (spawn(w)) {
        hand_out(w);
        return;
      }
      std::size_t k = jobs_[next_++];
      ++ended_;
      if (!tasks_.died(
              k, fmt::format("no process could be started to render it: {}", std::strerror(errno))))
        stopped_ = true;
    }
  }

  void hand_out(worker& w) {
    if (stopped_ || next_ >= jobs_.size()) {
      retire(w);
      return;
    }
    std::uint64_t k = jobs_[next_];
    w.job = jobs_[next_++];
    w.buffer.clear();
    if (!write_exactly(w.to, &k, sizeof k)) {
      // It died already; its reading end reports it.
    }
    report_progress();
  }

  // Ends a worker that has no more work: closing its job pipe ends its loop.
  void retire(worker& w) {
    if (w.pid < 0) return;
    close(w.to);
    close(w.from);
    int status = 0;
    while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    w = worker{};
  }

  std::size_t busy() const {
    std::size_t n = 0;
    for (const worker& w : workers_) n += w.job.has_value();
    return n;
  }

  void report_progress() {
    if (!tasks_.progress) return;
    std::vector<std::optional<std::size_t>> running;
    for (const worker& w : workers_) running.push_back(w.job);
    tasks_.progress(running, ended_);
  }

  void wait_for_results() {
    std::vector<pollfd> fds;
    std::vector<worker*> owners;
    for (worker& w : workers_) {
      if (!w.job) continue;
      fds.push_back({w.from, POLLIN, 0});
      owners.push_back(&w);
    }
    int ready = poll(fds.data(), fds.size(), -1);
    if (ready < 0) return;  // EINTR: poll again
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      worker& w = *owners[i];
      char chunk[1 << 16];
      ssize_t n = read(w.from, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n > 0) {
        w.buffer.append(chunk, static_cast<std::size_t>(n));
        finish_if_complete(w);
        continue;
      }
      // End of file: the worker died while doing its job.
      std::size_t k = *w.job;
      close(w.to);
      close(w.from);
      int status = 0;
      while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
      }
      w = worker{};
      ++ended_;
      if (!tasks_.died(k, death_of(status))) stopped_ = true;
      start(w);
      report_progress();
    }
  }

  void finish_if_complete(worker& w) {
    if (w.buffer.size() < sizeof(std::uint64_t)) return;
    std::uint64_t size = 0;
    std::memcpy(&size, w.buffer.data(), sizeof size);
    if (w.buffer.size() < sizeof size + size) return;
    std::string result = w.buffer.substr(sizeof size, size);
    std::size_t k = *w.job;
    w.job.reset();
    ++ended_;
    if (!tasks_.done(k, result)) stopped_ = true;
    hand_out(w);
  }

  const std::vector<std::size_t>& jobs_;
  const pool_tasks& tasks_;
  std::vector<worker> workers_;
  std::size_t next_ = 0;
  std::size_t ended_ = 0;
  bool stopped_ = false;
};

}  // namespace

std::vector<std::size_t> run_pool(const std::vector<std::size_t>& jobs, unsigned workers,
                                  const pool_tasks& tasks) {
  return pool(jobs, tasks).run(workers);
}

}  // namespace argmap::batch
