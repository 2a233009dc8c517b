#pragma once
/// \file
/// Shell completion scripts made from the command table itself (`argmap
/// completion bash|zsh|fish`), so they offer exactly the subcommands,
/// options and option values `--help` lists.

#include <string>
#include <vector>

#include "cli/options.hpp"

namespace argmap::cli {

/// The completion script for `shell` ("bash", "zsh" or "fish") of the
/// commands `commands`, with `top_level` the options of `argmap` itself.
std::string completion_script(const std::string& shell, const std::vector<command_info>& commands,
                              const std::vector<std::string>& top_level);

}  // namespace argmap::cli
