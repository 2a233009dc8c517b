// argmap render FILE [-o OUT] [-f FORMAT] [--direction D] [--theme T] [--legend L]
//                    [--focus ID] [--depth N] [--section S] [--tags a,b] [--wrap N]
//                    [--layout auto|dot|tree]

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "render/render.hpp"

namespace argmap::cli {

namespace {

struct render_args {
  std::string file;
  engine::check_options input;
  std::string output;
  std::string format;
  std::string direction = "BT";
  std::string theme = "default";
  std::string legend = "auto";
  std::string focus;
  unsigned depth = 2;
  std::string section;
  std::vector<std::string> tags;
  unsigned wrap = 36;
  bool tag_colors = false;
  std::string eval;
  std::string depfile;
  std::string layout = "auto";
  std::string ids = "referenced";
  std::string page = "none";
};

// A Make-style depfile: the output depends on the map and every file it includes.
std::string depfile_text(const std::string& output, const engine::checked_map& m) {
  auto escape = [](const std::string& path) {
    std::string out;
    for (char c : path) {
      if (c == ' ' || c == '#') out += '\\';
      if (c == '$') out += '$';
      out += c;
    }
    return out;
  };
  std::string text = escape(output) + ":";
  for (const source_file& f : m.map.sources.files)
    text += " " + escape(std::filesystem::absolute(f.name).lexically_normal().string());
  return text + "\n";
}

int run_render(const render_args& args) {
  // The format: -f, else the output's extension, else SVG.
  render::format fmt = render::format::svg;
  if (!args.format.empty()) {
    fmt = *render::format_from_name(args.format);
  } else if (!args.output.empty() && args.output != "-") {
    std::string ext = std::filesystem::path(args.output).extension().string();
    if (!ext.empty()) {
      auto from_ext = render::format_from_name(ext.substr(1));
      if (!from_ext) {
        say(severity::error,
            "cannot tell the format from '" + args.output + "'; use -f svg|png|pdf|dot");
        return exit_usage;
      }
      fmt = *from_ext;
    }
  }
  engine::checked_map m = check_input(args.file, args.input);
  if (int code = report_unusable(m)) return code;
  render::options opts;
  opts.output = fmt;
  opts.direction = args.direction;
  opts.theme = args.theme;
  opts.legend = args.legend == "on"    ? render::legend_mode::on
                : args.legend == "off" ? render::legend_mode::off
                                       : render::legend_mode::automatic;
  opts.focus = args.focus;
  opts.depth = args.depth;
  opts.section = args.section;
  opts.tags = args.tags;
  opts.wrap = args.wrap;
  opts.tag_colors = args.tag_colors;
  opts.layout = *render::layout_from_name(args.layout);
  opts.ids = *render::id_display_from_name(args.ids);
  opts.page = *render::page_from_name(args.page);
  for (const ast::attribute& a : m.graph.metadata)
    if (a.key == "title") opts.title = a.value;
  for (const source_file& f : m.map.sources.files) opts.files.push_back(f.name);
  std::optional<engine::evaluation> e;
  if (!evaluate_option(args.eval, m.graph, e)) return exit_problems;
  render::renderer r(fmt == render::format::png || fmt == render::format::pdf);
  render::result out = r.render(m.graph, opts, e ? &*e : nullptr);
  std::cerr << format_human(out.diagnostics);
  if (!out.ok()) return exit_problems;
  if (args.output == "-") {
    std::cout.write(out.bytes.data(), static_cast<std::streamsize>(out.bytes.size()));
    return exit_ok;  // a failed write is reported when argmap ends
  }
  std::string path = args.output;
  if (path.empty()) {
    if (args.file == "-") {
      say(severity::error, "reading standard input: give -o FILE (or -o - for standard output)");
      return exit_usage;
    }
    path = std::filesystem::path(args.file).replace_extension(render::extension(fmt)).string();
  }
  std::vector<std::string> inputs;
  for (const source_file& f : m.map.sources.files) inputs.push_back(f.name);
  if (refuse_overwriting_input(path, inputs) || refuse_overwriting_input(args.depfile, inputs))
    return exit_usage;
  if (!write_output_file(path, out.bytes)) return exit_io;
  if (!args.depfile.empty() && !write_output_file(args.depfile, depfile_text(path, m)))
    return exit_io;
  if (stdout_is_terminal()) std::cout << "wrote " << path << "\n";
  return exit_ok;
}

}  // namespace

action setup_render(command& cmd) {
  auto args = std::make_shared<render_args>();
  cmd.add("file", args->file, "argument file ('-' reads standard input)").required();
  add_input_options(cmd, args->input);
  cmd.add("-o,--output", args->output,
          "output file ('-' for standard output); default: FILE with the format's "
          "extension");
  cmd.add("-f,--format", args->format,
          "svg, png, pdf, dot or html (an interactive page; default: from -o, else svg)")
      .one_of({"svg", "png", "pdf", "dot", "html"});
  cmd.add("--direction", args->direction,
          "where arrows point: BT (default: conclusions on top), TB, LR or RL")
      .one_of({"TB", "BT", "LR", "RL"});
  cmd.add("--theme", args->theme, "default, dark, mono (print) or colorblind")
      .one_of(render::theme_names());
  cmd.add("--layout", args->layout,
          "dot (layered, section by section, in rows in reading order: best for small maps), "
          "tree (linear time, for large maps), flat (one dot layout of the whole map) or auto "
          "(default: tree above " +
              std::to_string(render::tree_threshold) + " drawn claims, else dot)")
      .one_of({"auto", "dot", "tree", "flat"});
  cmd.add("--legend", args->legend,
          "auto (default: when the map uses more than one relation kind), on or off")
      .one_of({"auto", "on", "off"});
  cmd.add("--focus", args->focus, "draw only the neighbourhood of the claim with this id");
  cmd.add("--depth", args->depth, "with --focus: how many relations away (default 2)")
      .range(0u, 1000u);
  cmd.add("--section", args->section, "draw only this section (and its subsections)");
  cmd.add("--tags", args->tags,
          "draw only claims with one of these tags (comma-separated), and what connects "
          "them")
      .delimiter(',');
  cmd.add("--eval", args->eval,
          "show an evaluation: grounded, preferred, stable (sceptical view) or dfquad")
      .one_of({"grounded", "preferred", "stable", "dfquad"});
  cmd.add("--depfile", args->depfile,
          "also write a Make-style depfile: the output depends on the map and its includes");
  cmd.flag("--tag-colors", args->tag_colors,
           "give each tag a colour, and tagged claims a border in their first tag's colour");
  cmd.add("--page", args->page,
          "PDF and PNG: shrink the drawing to fit a4, a3 or letter (each also -landscape), "
          "and say how small its text comes out (default none)")
      .one_of({"none", "a4", "a4-landscape", "a3", "a3-landscape", "letter", "letter-landscape"});
  cmd.add("--ids", args->ids,
          "which claims show their id: referenced (default: those a reference names), all "
          "or none")
      .one_of({"referenced", "all", "none"});
  cmd.add("--wrap", args->wrap, "characters per line of claim text (default 36)").range(10u, 200u);
  return [args] { return run_render(*args); };
}

}  // namespace argmap::cli
