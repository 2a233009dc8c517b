// The one translation unit of the option declarations that includes CLI11
// (options.hpp says why).

#include "cli/options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

namespace argmap::cli {

namespace {

// The values each one_of() option allows, for describe(): CLI11's IsMember
// validator does not give them back.
std::map<const CLI::Option*, std::vector<std::string>>& allowed_values() {
  static std::map<const CLI::Option*, std::vector<std::string>> values;
  return values;
}

}  // namespace

option& option::required() {
  o_->required();
  return *this;
}

option& option::one_of(const std::vector<std::string>& names) {
  o_->check(CLI::IsMember(names));
  allowed_values()[o_] = names;
  return *this;
}

option& option::range(unsigned lo, unsigned hi) {
  o_->check(CLI::Range(lo, hi));
  return *this;
}

option& option::range(std::size_t lo, std::size_t hi) {
  o_->check(CLI::Range(lo, hi));
  return *this;
}

option& option::delimiter(char separator) {
  o_->delimiter(separator);
  return *this;
}

option& option::type_name(const std::string& name) {
  o_->type_name(name);
  return *this;
}

option command::add(const std::string& name, std::string& into, const std::string& help) {
  return option(app_.add_option(name, into, help));
}

option command::add(const std::string& name, std::vector<std::string>& into,
                    const std::string& help) {
  return option(app_.add_option(name, into, help));
}

option command::add(const std::string& name, unsigned& into, const std::string& help) {
  return option(app_.add_option(name, into, help));
}

option command::add(const std::string& name, std::size_t& into, const std::string& help) {
  return option(app_.add_option(name, into, help));
}

option command::flag(const std::string& name, bool& into, const std::string& help) {
  return option(app_.add_flag(name, into, help));
}

std::vector<command_info> describe(const CLI::App& app) {
  static const std::vector<std::string> path_options = {"--output", "--depfile", "--assets",
                                                        "--include-root", "--stdin-filename"};
  std::vector<command_info> out;
  for (const CLI::App* sub : app.get_subcommands({})) {
    command_info c{sub->get_name(), sub->get_description(), {}};
    for (const CLI::Option* o : sub->get_options()) {
      option_info i;
      for (const std::string& s : o->get_snames()) i.names.push_back("-" + s);
      for (const std::string& l : o->get_lnames()) i.names.push_back("--" + l);
      i.help = o->get_description();
      i.takes_value = o->get_type_size() != 0;
      if (auto v = allowed_values().find(o); v != allowed_values().end()) i.values = v->second;
      i.path =
          o->get_positional() ||
          std::any_of(i.names.begin(), i.names.end(), [](const std::string& n) {
            return std::find(path_options.begin(), path_options.end(), n) != path_options.end();
          });
      if (o->get_positional()) i.names.clear();
      c.options.push_back(std::move(i));
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace argmap::cli
