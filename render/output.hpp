#pragma once
/// \file
/// Writing output files safely.

#include <string>

namespace argmap::render {

/// Writes `bytes` to `path` atomically: into a temporary file in the same
/// folder, flushed, then renamed over `path`. On failure returns false with
/// the reason in `error`; `path` is then untouched (an older file stays as it
/// was) and no temporary file is left behind.
bool write_atomically(const std::string& path, const std::string& bytes, std::string& error);

}  // namespace argmap::render
