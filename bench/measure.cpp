// measure: runs a command several times and prints its wall time and peak
// memory, like GNU time but with repeats and no extra package.
//
//   measure [--runs N] [--quiet] -- COMMAND [ARGS...]
//
// Prints "best S  median S  peak-rss MB  exit C". The command's standard output
// goes to /dev/null with --quiet. Peak RSS comes from wait4's rusage.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
  int runs = 5;
  bool quiet = false;
  int i = 1;
  for (; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--quiet") == 0) {
      quiet = true;
    } else if (std::strcmp(argv[i], "--") == 0) {
      ++i;
      break;
    } else {
      break;
    }
  }
  if (i >= argc || runs < 1) {
    std::fprintf(stderr, "usage: measure [--runs N] [--quiet] -- COMMAND [ARGS...]\n");
    return 2;
  }
  std::vector<double> seconds;
  long peak_kib = 0;
  int status = 0;
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid < 0) {
      std::perror("fork");
      return 2;
    }
    if (pid == 0) {
      if (quiet) {
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, STDOUT_FILENO);
      }
      execvp(argv[i], argv + i);
      std::perror(argv[i]);
      _exit(127);
    }
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    auto t1 = std::chrono::steady_clock::now();
    seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
    peak_kib = std::max(peak_kib, usage.ru_maxrss);
  }
  std::sort(seconds.begin(), seconds.end());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::printf("best %.3f s  median %.3f s  peak-rss %.1f MB  exit %d\n", seconds.front(),
              seconds[seconds.size() / 2], static_cast<double>(peak_kib) * 1024 / 1e6, code);
  return 0;
}
