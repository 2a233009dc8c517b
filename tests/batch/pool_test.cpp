// The worker pool: a crash fails one job, never the others.

#include <doctest/doctest.h>
#include <unistd.h>

#include <csignal>
#include <map>
#include <string>

#include "batch/pool.hpp"

using namespace argmap::batch;

TEST_CASE("every job runs once, on any number of workers") {
  for (unsigned workers : {1u, 2u, 5u}) {
    std::vector<std::size_t> jobs;
    for (std::size_t k = 0; k < 20; ++k) jobs.push_back(k);
    std::map<std::size_t, std::string> results;
    pool_tasks t;
    t.work = [](std::size_t k) { return std::string(k * 10000, 'x') + std::to_string(getpid()); };
    t.done = [&](std::size_t k, const std::string& r) {
      results[k] = r;
      return true;
    };
    t.died = [](std::size_t, const std::string&) { return true; };
    CHECK(run_pool(jobs, workers, t).empty());
    REQUIRE(results.size() == 20);
    for (const auto& [k, r] : results) CHECK(r.substr(0, k * 10000) == std::string(k * 10000, 'x'));
  }
}

TEST_CASE("a worker that crashes fails its job only, and a new worker does the others") {
  std::vector<std::size_t> jobs{0, 1, 2, 3, 4, 5};
  std::map<std::size_t, std::string> done, died;
  pool_tasks t;
  t.work = [](std::size_t k) {
    if (k == 2) raise(SIGSEGV);
    if (k == 4) abort();
    return std::string("ok");
  };
  t.done = [&](std::size_t k, const std::string& r) {
    done[k] = r;
    return true;
  };
  t.died = [&](std::size_t k, const std::string& why) {
    died[k] = why;
    return true;
  };
  for (unsigned workers : {1u, 2u}) {
    done.clear();
    died.clear();
    CHECK(run_pool(jobs, workers, t).empty());
    CHECK(done.size() == 4);
    REQUIRE(died.size() == 2);
    CHECK(died[2].find("signal 11") != std::string::npos);
    CHECK(died[4].find("signal 6") != std::string::npos);
  }
}

TEST_CASE("returning false stops handing out jobs") {
  std::vector<std::size_t> jobs{0, 1, 2, 3, 4, 5, 6, 7};
  pool_tasks t;
  t.work = [](std::size_t k) { return std::to_string(k); };
  t.done = [](std::size_t k, const std::string&) { return k != 1; };
  t.died = [](std::size_t, const std::string&) { return true; };
  std::vector<std::size_t> unstarted = run_pool(jobs, 1, t);
  CHECK(unstarted == std::vector<std::size_t>{2, 3, 4, 5, 6, 7});
}
