#include "cli/completion.hpp"

#include <fmt/format.h>

namespace argmap::cli {

namespace {

std::string joined(const std::vector<std::string>& list, const std::string& separator) {
  std::string out;
  for (const std::string& w : list) out += (out.empty() ? "" : separator) + w;
  return out;
}

std::string words(const std::vector<std::string>& list) {
  return joined(list, " ");
}

// A description on one line, without the characters a shell or zsh's
// _arguments would read, at most 70 characters.
std::string short_help(std::string help) {
  for (char& c : help)
    if (c == '\n' || c == '\t') c = ' ';
  if (help.size() > 70) help = help.substr(0, 67) + "...";
  std::string out;
  for (char c : help) {
    if (c == '\'' || c == '"' || c == '`' || c == '$' || c == '\\') continue;
    if (c == '[' || c == ']' || c == ':') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

std::string bash(const std::vector<command_info>& commands, const std::vector<std::string>& top) {
  std::vector<std::string> names;
  names.reserve(commands.size());
  for (const command_info& c : commands) names.push_back(c.name);
  std::string cases;
  for (const command_info& c : commands) {
    std::string value_cases;
    std::vector<std::string> flags;
    bool positional_path = false;
    for (const option_info& o : c.options) {
      if (o.names.empty()) {
        positional_path = positional_path || o.path;
        continue;
      }
      for (const std::string& n : o.names) flags.push_back(n);
      if (!o.takes_value) continue;
      std::string reply =
          !o.values.empty()
              ? fmt::format("COMPREPLY=($(compgen -W '{}' -- \"$cur\"))", words(o.values))
          : o.path ? "COMPREPLY=($(compgen -f -- \"$cur\")); compopt -o filenames 2>/dev/null"
                   : "COMPREPLY=()";
      value_cases += fmt::format("      {}) {}; return ;;\n", joined(o.names, "|"), reply);
    }
    cases += fmt::format(
        "    {})\n"
        "      case $prev in\n{}"
        "      esac\n"
        "      if [[ $cur == -* ]]; then\n"
        "        COMPREPLY=($(compgen -W '{}' -- \"$cur\"))\n"
        "      else\n"
        "        {}\n"
        "      fi ;;\n",
        c.name, value_cases, words(flags),
        positional_path ? "COMPREPLY=($(compgen -f -- \"$cur\")); compopt -o filenames 2>/dev/null"
                        : "COMPREPLY=()");
  }
  return fmt::format(
      "# bash completion for argmap (made by `argmap completion bash`)\n"
      "_argmap() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}} sub= i\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case ${{COMP_WORDS[i]}} in -*) ;; *) sub=${{COMP_WORDS[i]}}; break ;; esac\n"
      "  done\n"
      "  if [[ -z $sub ]]; then\n"
      "    COMPREPLY=($(compgen -W '{} {}' -- \"$cur\"))\n"
      "    return\n"
      "  fi\n"
      "  case $sub in\n{}"
      "  esac\n"
      "}}\n"
      "complete -F _argmap argmap\n",
      words(names), words(top), cases);
}

std::string zsh(const std::vector<command_info>& commands, const std::vector<std::string>& top) {
  std::string described, cases;
  for (const command_info& c : commands) {
    described += fmt::format("    '{}:{}'\n", c.name, short_help(c.description));
    std::string specs;
    int position = 0;
    for (const option_info& o : c.options) {
      std::string action = !o.values.empty() ? "(" + words(o.values) + ")"
                           : o.path          ? "_files"
                                             : " ";
      if (o.names.empty()) {
        specs += fmt::format("      '{}:{}:{}' \\\n", ++position == 1 ? "1" : "*",
                             short_help(o.help), action);
        continue;
      }
      std::string exclusive = o.names.size() > 1 ? "(" + words(o.names) + ")" : "";
      std::string name_part =
          o.names.size() > 1 ? "{" + joined(o.names, ",") + "}" : o.names.front();
      std::string value = o.takes_value ? fmt::format(":{}:{}", "value", action) : "";
      specs +=
          fmt::format("      '{}'{}'[{}]{}' \\\n", exclusive, name_part, short_help(o.help), value);
    }
    cases +=
        fmt::format("    {})\n      _arguments -s \\\n{}      && return 0 ;;\n", c.name, specs);
  }
  std::string top_specs;
  for (const std::string& t : top) top_specs += "'" + t + "' ";
  return fmt::format(
      "#compdef argmap\n"
      "# zsh completion for argmap (made by `argmap completion zsh`)\n"
      "_argmap() {{\n"
      "  local -a subcommands\n"
      "  subcommands=(\n{}  )\n"
      "  if (( CURRENT == 2 )); then\n"
      "    _describe -t commands 'argmap command' subcommands\n"
      "    compadd -- {}\n"
      "    return\n"
      "  fi\n"
      "  local sub=$words[2]\n"
      "  shift words\n"
      "  (( CURRENT-- ))\n"
      "  case $sub in\n{}"
      "  esac\n"
      "  return 1\n"
      "}}\n"
      "_argmap \"$@\"\n",
      described, top_specs, cases);
}

std::string fish(const std::vector<command_info>& commands, const std::vector<std::string>& top) {
  std::string out =
      "# fish completion for argmap (made by `argmap completion fish`)\n"
      "complete -c argmap -f\n";
  for (const std::string& t : top)
    out += fmt::format("complete -c argmap -n __fish_use_subcommand -l {}\n", t.substr(2));
  for (const command_info& c : commands)
    out += fmt::format("complete -c argmap -n __fish_use_subcommand -a {} -d '{}'\n", c.name,
                       short_help(c.description));
  for (const command_info& c : commands) {
    std::string when = "-n '__fish_seen_subcommand_from " + c.name + "'";
    for (const option_info& o : c.options) {
      if (o.names.empty()) {
        if (o.path) out += fmt::format("complete -c argmap {} -F\n", when);
        continue;
      }
      std::string names_part;
      for (const std::string& n : o.names)
        names_part += n.size() == 2 ? " -s " + n.substr(1) : " -l " + n.substr(2);
      std::string value;
      if (!o.values.empty())
        value = " -x -a '" + words(o.values) + "'";
      else if (o.path)
        value = " -r -F";
      else if (o.takes_value)
        value = " -x";
      out += fmt::format("complete -c argmap {}{}{} -d '{}'\n", when, names_part, value,
                         short_help(o.help));
    }
  }
  return out;
}

}  // namespace

std::string completion_script(const std::string& shell, const std::vector<command_info>& commands,
                              const std::vector<std::string>& top_level) {
  if (shell == "bash") return bash(commands, top_level);
  if (shell == "zsh") return zsh(commands, top_level);
  return fish(commands, top_level);
}

}  // namespace argmap::cli
