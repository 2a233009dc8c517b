// Golden test runner for the parser: `golden_parse CASE.arg [--update]`, run in
// the folder holding the case. A case named error-*.arg must fail, and its
// diagnostics must equal CASE.diag byte for byte. Any other case must parse
// without errors; its AST dump must equal CASE.ast and its warnings CASE.diag
// (no .diag file: no warnings). --update rewrites the expected files instead.

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "grammar/ast_printer.hpp"
#include "grammar/load.hpp"

namespace {

std::string read_or_empty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool exists(const std::string& path) { return std::ifstream(path).good(); }

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

bool compare(const std::string& what, const std::string& path, const std::string& actual,
             bool update) {
  if (update) {
    if (actual.empty() && what == "diagnostics") {
      std::remove(path.c_str());
    } else {
      write(path, actual);
    }
    return true;
  }
  std::string expected = read_or_empty(path);
  if (expected == actual) return true;
  std::cerr << "FAIL: " << what << " differ from " << path << "\n--- expected\n"
            << expected << "--- actual\n"
            << actual << "---\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: golden_parse CASE.arg [--update]\n";
    return 2;
  }
  std::string name = argv[1];
  bool update = argc > 2 && std::string(argv[2]) == "--update";
  std::string stem = name.substr(0, name.size() - 4);
  bool error_case = name.rfind("error-", 0) == 0;

  argmap::grammar::disk_loader loader;
  argmap::grammar::loaded_map map = argmap::grammar::load_map(name, loader);
  std::string diags = argmap::format_human(map.diagnostics);
  bool failed = !map.ok();

  if (error_case && !failed) {
    std::cerr << "FAIL: " << name << " should have errors but parsed cleanly\n";
    return 1;
  }
  if (!error_case && failed) {
    std::cerr << "FAIL: " << name << " should parse without errors:\n" << diags;
    return 1;
  }
  bool ok = compare("diagnostics", stem + ".diag", diags, update);
  if (!error_case)
    ok = compare("AST dump", stem + ".ast", argmap::grammar::dump(map), update) && ok;
  if (!update && !error_case && !diags.empty() && !exists(stem + ".diag")) ok = false;
  return ok ? 0 : 1;
}
