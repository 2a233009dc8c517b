#include "render/render.hpp"

#include <memory>

#include <nlohmann/json.hpp>

#include "core/percent.hpp"
#include "engine/explain.hpp"
#include "grammar/attributes.hpp"
#include "render/html_assets.hpp"
#include "render/label.hpp"

namespace argmap::render {

namespace {

using json = nlohmann::json;

// JSON that can stand inside <script>: no '<', '>' or '&' at all (each only
// ever occurs inside a string, where its \u escape means the same).
std::string script_safe(const json& j) {
  std::string text = j.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

// The drawing without its XML declaration and DOCTYPE, which HTML does not take.
std::string_view svg_element(std::string_view svg) {
  std::size_t at = svg.find("<svg");
  return at == std::string_view::npos ? svg : svg.substr(at);
}

const char* kind_name(engine::inference_kind k) {
  return k == engine::inference_kind::support  ? "support"
         : k == engine::inference_kind::attack ? "attack"
                                               : "undercut";
}

json claims_json(const engine::argument_graph& g, const engine::evaluation* eval,
                 const options& opts) {
  std::unique_ptr<engine::explainer> why;
  if (eval) why = std::make_unique<engine::explainer>(g, *eval);
  json claims = json::array();
  for (std::size_t i = 0; i < g.claims.size(); ++i) {
    const engine::claim_node& n = g.claims[i];
    json attributes = json::array();
    for (const ast::attribute& a : n.attributes()) {
      // [key, value, whether the page may make it a link]
      const bool link = a.key == "url" && grammar::is_safe_url(a.value);
      attributes.push_back({a.key, a.value, link});
    }
    json c = {{"node", node_name(i)},   {"id", n.id},
              {"user", n.user_id},      {"text", n.text()},
              {"tags", n.tags()},       {"attributes", std::move(attributes)},
              {"section", n.section},   {"file", n.range().file},
              {"line", n.range().line}, {"parent", n.outline_parent}};
    if (eval && !eval->claim_labels.empty()) c["label"] = engine::name_of(eval->claim_labels[i]);
    if (eval && !eval->claim_strengths.empty()) c["strength"] = eval->claim_strengths[i];
    if (why) {
      auto index = static_cast<engine::claim_index>(i);
      c["why"] = engine::explanation_text(why->explain(index, 3, 4), opts.files);
    }
    claims.push_back(std::move(c));
  }
  return claims;
}

json page_data(const engine::argument_graph& g, const engine::evaluation* eval,
               const options& opts) {
  json inferences = json::array();
  for (std::size_t i = 0; i < g.inferences.size(); ++i) {
    const engine::inference& inf = g.inferences[i];
    inferences.push_back({{"node", "i" + std::to_string(i)},
                          {"kind", kind_name(inf.kind)},
                          {"premises", inf.premises},
                          {"target", inf.target}});
  }
  json contradictions = json::array();
  for (const engine::contradiction& c : g.contradictions) contradictions.push_back({c.a, c.b});
  json sections = json::array();
  for (const engine::section& s : g.sections) sections.push_back(s.title);
  json files = json::array();
  for (const std::string& f : opts.files) files.push_back(f);
  json data = {{"title", opts.title},
               {"semantics", eval ? json(engine::name_of(eval->used)) : json(nullptr)},
               {"files", std::move(files)},
               {"sections", std::move(sections)},
               {"claims", claims_json(g, eval, opts)},
               {"inferences", std::move(inferences)},
               {"contradictions", std::move(contradictions)}};
  if (!opts.live.empty()) data["live"] = opts.live;
  return data;
}

// The page's Content-Security-Policy: nothing fetched from anywhere; a
// served page (`live`) may also connect to its own server's event stream.
std::string policy(bool live = false) {
  return std::string(
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ") +
         (live ? "connect-src 'self'; " : "") +
         "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
         "base-uri 'none'; form-action 'none'\">\n";
}

}  // namespace

std::string html_update(const engine::argument_graph& graph, std::string_view svg,
                        const engine::evaluation* eval, const options& opts) {
  json j = {{"svg", std::string(svg_element(svg))}, {"data", page_data(graph, eval, opts)}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string html_index(const std::vector<index_entry>& maps, std::string_view title) {
  const std::string heading = escape_markup(title);
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += policy();
  page += "<meta name=\"generator\" content=\"argmap\">\n<title>" + heading + "</title>\n";
  page +=
      "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:50em;padding:0 1em;"
      "color:#1d2330}li{margin:.2em 0}.failed{color:#a50e0e}</style>\n</head>\n<body>\n<h1>" +
      heading + "</h1>\n<ul>\n";
  for (const index_entry& m : maps) {
    if (m.ok)
      page += "<li><a href=\"" + escape_markup(percent_encode(m.href)) + "\">" +
              escape_markup(m.name) + "</a></li>\n";
    else
      page += "<li class=\"failed\">" + escape_markup(m.name) + " (has errors; no page)</li>\n";
  }
  page += "</ul>\n<p>" + std::to_string(maps.size()) + (maps.size() == 1 ? " map" : " maps") +
          ", drawn by argmap.</p>\n</body>\n</html>\n";
  return page;
}

std::string html_page(const engine::argument_graph& graph, std::string_view svg,
                      const engine::evaluation* eval, const options& opts) {
  const std::string title = escape_markup(opts.title.empty() ? "argmap" : opts.title);
  std::string page;
  page.reserve(svg.size() + assets::page_js.size() + assets::page_css.size() + 4096);
  page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // Nothing may be fetched: no script, style, font, image or connection
  // from anywhere; the page's own inline script and style only.
  page += policy(!opts.live.empty());
  page += "<meta name=\"generator\" content=\"argmap\">\n<title>" + title + "</title>\n<style>\n";
  page += assets::page_css;
  page += "</style>\n</head>\n<body>\n<div id=\"toolbar\"><h1>" + title + "</h1>";
  page +=
      "<button id=\"zoom-out\" title=\"Zoom out (-)\">&#8722;</button>"
      "<button id=\"zoom-in\" title=\"Zoom in (+)\">+</button>"
      "<button id=\"fit\" title=\"Fit the map to the window (0)\">Fit</button>"
      "<span id=\"zoom\"></span>"
      "<input id=\"search\" type=\"search\" placeholder=\"Search claims (Enter: next)\" "
      "aria-label=\"Search claims\"><span id=\"found\"></span></div>\n"
      "<ul id=\"errors\" hidden></ul>\n";
  page += "<div id=\"main\"><div id=\"viewport\" tabindex=\"0\"><div id=\"stage\">\n";
  page += svg_element(svg);
  page += "</div></div><aside id=\"panel\" hidden></aside></div>\n";
  page += "<script type=\"application/json\" id=\"argmap-data\">";
  page += script_safe(page_data(graph, eval, opts));
  page += "</script>\n<script>\n";
  page += assets::page_js;
  page += "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace argmap::render
