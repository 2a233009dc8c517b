#pragma once
/// \file
/// A pool of forked worker processes (Graphviz is not thread-safe, and a
/// process that crashes takes only its own map down).

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace argmap::batch {

/// What the pool asks of its user.
struct pool_tasks {
  /// Runs in a worker: does job `k` and returns its result, a string sent
  /// back to the parent.
  std::function<std::string(std::size_t k)> work;
  /// Runs in the parent as each job finishes, in the order they finish.
  /// Returns false to start no further job (jobs under way still finish).
  std::function<bool(std::size_t k, const std::string& result)> done;
  /// Runs in the parent when the worker doing job `k` died before it
  /// finished: `why` says how ("stopped by signal 11 (Segmentation
  /// fault)"). Returns false to start no further job.
  std::function<bool(std::size_t k, const std::string& why)> died;
  /// Runs in the parent whenever a job starts or ends, with the job each
  /// worker is doing now and how many have ended; may be empty.
  std::function<void(const std::vector<std::optional<std::size_t>>& running, std::size_t ended)>
      progress;
};

/// Runs `jobs` (values passed to `work`) in order on up to `workers`
/// processes, handing each worker its next job as it finishes one. A worker
/// that dies is replaced, and only the job it was doing fails. Workers end
/// with the parent (they are killed if it is). Returns the jobs never started
/// because `done` or `died` returned false.
std::vector<std::size_t> run_pool(const std::vector<std::size_t>& jobs, unsigned workers,
                                  const pool_tasks& tasks);

}  // namespace argmap::batch
