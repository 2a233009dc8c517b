// The one translation unit of the option declarations that includes CLI11
// (options.hpp says why).

#include "cli/options.hpp"

#include <CLI/CLI.hpp>

namespace argmap::cli {

option& option::required() {
  o_->required();
  return *this;
}

option& option::one_of(const std::vector<std::string>& names) {
  o_->check(CLI::IsMember(names));
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

}  // namespace argmap::cli
