// argmap md IN.md [-o OUT.md | --in-place] [--assets DIR] [--inline] [--details] [--prune]
//                 [--theme T] [--direction D] [--diagnostics FORM] [input options]
// The `argmap` blocks of a Markdown document drawn (embed/, docs/documents.md).

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "commit.hpp"  // generated: ARGMAP_COMMIT
#include "embed/document.hpp"
#include "io/folder.hpp"
#include "io/write.hpp"

#ifndef ARGMAP_VERSION
#define ARGMAP_VERSION "unknown"
#endif

namespace argmap::cli {

namespace {

namespace fs = std::filesystem;

struct md_args {
  std::string input;
  std::string output;
  bool in_place = false;
  std::string assets;
  bool inline_svg = false;
  bool details = false;
  bool prune = false;
  std::string theme = "default";
  std::string direction = "BT";
  std::string diagnostics = "human";
  std::string stdin_name;
  engine::check_options check;
};

// Removes the drawings STEM-HASH.svg of the assets folder that the document
// no longer links to; never anything else (a link, a folder, another name).
void prune(const io::output_folder& folder, const std::string& stem,
           const std::vector<std::string>& referenced) {
  auto ours = [&](const std::string& name) {  // STEM-<16 hex>.svg
    std::size_t hex = stem.size() + 1;
    return name.size() == hex + 20 && name.compare(0, stem.size(), stem) == 0 &&
           name[stem.size()] == '-' && name.compare(hex + 16, 4, ".svg") == 0 &&
           name.find_first_not_of("0123456789abcdef", hex) == hex + 16;
  };
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(folder.path(), ec)) {
    std::string name = e.path().filename().string();
    if (!ours(name) || std::find(referenced.begin(), referenced.end(), name) != referenced.end())
      continue;
    std::string bytes;
    diagnostic problem;
    if (folder.read(name, bytes, problem, std::size_t{1} << 30))
      folder.remove_if_unchanged(name, io::content_hash(bytes));
  }
}

int run_md(const md_args& a) {
  if (a.in_place && !a.output.empty()) {
    say(severity::error, "give -o FILE or --in-place, not both");
    return exit_usage;
  }
  if (a.in_place && a.input == "-") {
    say(severity::error, "--in-place needs a file, not standard input");
    return exit_usage;
  }
  std::string output = a.in_place ? a.input : (a.output.empty() ? "-" : a.output);
  if (!a.in_place && output != "-" && io::same_file(output, a.input)) {
    // Writing the drawn document over its source would lose the blocks.
    say(severity::error, "'" + output +
                             "' is the input: the blocks would be lost; use --in-place to keep "
                             "them beside their drawings");
    return exit_usage;
  }
  std::string text;
  if (!read_input(a.input, a.check.max_file_size, text)) return exit_io;

  embed::document_options o;
  o.name = a.input != "-" ? a.input : a.stdin_name.empty() ? "<stdin>" : a.stdin_name;
  o.where = a.inline_svg ? embed::placement::inline_svg : embed::placement::files;
  o.keep_blocks = a.in_place;
  o.details = a.details;
  o.check = a.check;
  o.drawing.theme = a.theme;
  o.drawing.direction = a.direction;
  o.version = std::string(ARGMAP_VERSION) + " " + ARGMAP_COMMIT;
  fs::path out_dir = output == "-" ? fs::path(".") : fs::path(output).parent_path();
  if (out_dir.empty()) out_dir = ".";
  fs::path assets = a.assets.empty() ? out_dir / "diagrams" : fs::path(a.assets);
  std::error_code ec;
  o.assets_link = fs::relative(fs::absolute(assets, ec), fs::absolute(out_dir, ec), ec)
                      .lexically_normal()
                      .generic_string();
  if (o.assets_link == ".") o.assets_link.clear();
  if (!o.assets_link.empty() && o.assets_link.back() == '/') o.assets_link.pop_back();
  o.stem = o.name == "<stdin>" ? "stdin" : fs::path(o.name).stem().string();

  std::optional<io::output_folder> folder;
  diagnostic problem;
  auto open_folder = [&] {
    if (auto opened = io::output_folder::open(assets.string(), problem))
      folder.emplace(std::move(*opened));
  };
  if (fs::is_directory(assets, ec)) open_folder();  // drawings already there are kept
  auto exists = [&](const std::string& name) { return folder && folder->has_file(name); };
  embed::document d = embed::draw_document(text, o, exists);
  print_diagnostics(std::cerr, a.diagnostics, d.diagnostics, use_colour());
  if (!d.ok()) {
    if (a.diagnostics == "human")
      std::cerr << summary(count(d.diagnostics, severity::error),
                           count(d.diagnostics, severity::warning), 1)
                << "; nothing written\n";
    return exit_problems;
  }
  if (!d.assets.empty() || (a.prune && !a.inline_svg)) {
    if (!folder) open_folder();
    if (!folder) {
      std::cerr << format_human(problem);
      return exit_io;
    }
    std::vector<std::pair<std::string, std::string>> files;
    for (embed::asset& s : d.assets) files.emplace_back(s.name, std::move(s.bytes));
    if (!folder->write_together(files, problem)) {
      std::cerr << format_human(problem);
      return exit_io;
    }
  }
  if (output == "-") {
    std::cout << d.markdown;
  } else if (d.markdown != text || !a.in_place) {
    if (!write_output_file(output, d.markdown)) return exit_io;
  }
  if (a.prune && !a.inline_svg && folder) prune(*folder, o.stem, d.referenced);
  if (output != "-" && stdout_is_terminal())
    std::cout << fmt::format("wrote {} ({} block{}: {} drawn, {} unchanged)\n", output, d.blocks,
                             d.blocks == 1 ? "" : "s", d.drawn, d.reused);
  return exit_ok;
}

}  // namespace

action setup_md(command& cmd) {
  auto a = std::make_shared<md_args>();
  cmd.add("input", a->input, "the Markdown document ('-' reads standard input)").required();
  cmd.add("-o,--output", a->output,
          "write the drawn document here (default: standard output); each argmap block "
          "becomes its drawing");
  cmd.flag("--in-place", a->in_place,
           "keep the blocks and put each drawing just above its block, between marker "
           "comments the next run replaces");
  cmd.add("--assets", a->assets,
          "the folder for the drawings' SVG files, named DOCUMENT-HASH.svg (default: "
          "diagrams/ beside the output)");
  cmd.flag("--inline", a->inline_svg, "put each SVG in the Markdown itself, as HTML; no files");
  cmd.flag("--details", a->details,
           "show each block's source in a <details> element under its drawing");
  cmd.flag("--prune", a->prune,
           "remove this document's drawings in the assets folder that it no longer links to");
  cmd.add("--theme", a->theme, "default, dark, mono or colorblind (a block's theme= wins)")
      .one_of(render::theme_names());
  cmd.add("--direction", a->direction, "BT (default), TB, LR or RL (a block's direction= wins)")
      .one_of({"TB", "BT", "LR", "RL"});
  cmd.add("--diagnostics", a->diagnostics, "human (default), json or github")
      .one_of({"human", "json", "github"});
  cmd.add("--stdin-filename", a->stdin_name,
          "with '-': the document's path, for diagnostics and for finding includes and "
          "file= (default: the working folder)");
  add_input_options(cmd, a->check);
  return [a] { return run_md(*a); };
}

}  // namespace argmap::cli
