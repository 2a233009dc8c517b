#pragma once
/// \file
/// Declaring a subcommand's options without CLI11. Each `*_command.cpp`
/// declares its options through `command` and `option`; options.cpp alone
/// includes CLI11, so its large headers are compiled (and checked by
/// clang-tidy) once instead of once per command.

#include <cstddef>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace argmap::cli {

/// One declared option. Each call refines it and returns it, so calls chain.
class option {
 public:
  /// Wraps a CLI11 option (options.cpp makes them).
  explicit option(CLI::Option* o) : o_(o) {}
  /// The option (or positional argument) must be given.
  option& required();
  /// The value, or each value of a list, must be one of `names`.
  option& one_of(const std::vector<std::string>& names);
  /// The value must lie in [lo, hi].
  option& range(unsigned lo, unsigned hi);
  /// The value must lie in [lo, hi].
  option& range(std::size_t lo, std::size_t hi);
  /// A list's values may also come in one argument, separated by `separator`.
  option& delimiter(char separator);
  /// The word `--help` shows for the value.
  option& type_name(const std::string& name);

 private:
  CLI::Option* o_;
};

/// A subcommand whose options are being declared. Names follow CLI11's
/// syntax: "file" is positional, "-o,--output" has a short and a long name,
/// and for a flag "!--no-x" is the name that sets it false.
class command {
 public:
  /// Wraps the CLI11 subcommand (app.cpp makes them).
  explicit command(CLI::App& app) : app_(app) {}
  /// An option with one text value.
  option add(const std::string& name, std::string& into, const std::string& help);
  /// An option that collects every value given (or a positional list).
  option add(const std::string& name, std::vector<std::string>& into, const std::string& help);
  /// An option with a whole number.
  option add(const std::string& name, unsigned& into, const std::string& help);
  /// An option with a size.
  option add(const std::string& name, std::size_t& into, const std::string& help);
  /// A flag: true when given.
  option flag(const std::string& name, bool& into, const std::string& help);

 private:
  CLI::App& app_;
};

/// What shell completions need to know of one option or positional argument.
struct option_info {
  std::vector<std::string> names;   ///< "-o", "--output"; empty for a positional
  std::string help;                 ///< its line in `--help`
  bool takes_value = false;         ///< false for a flag
  std::vector<std::string> values;  ///< the values one_of() allows, if any
  bool path = false;                ///< the value names a file or folder
};

/// One subcommand as completions see it.
struct command_info {
  std::string name;                  ///< e.g. "render"
  std::string description;           ///< its line in `argmap --help`
  std::vector<option_info> options;  ///< in declaration order, `--help` included
};

/// Every subcommand of `app` with its options. A positional argument, `-o`,
/// `--output`, `--depfile`, `--assets`, `--include-root` and
/// `--stdin-filename` take file or folder names.
std::vector<command_info> describe(const CLI::App& app);

}  // namespace argmap::cli
