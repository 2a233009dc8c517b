#pragma once
/// \file
/// Text for Graphviz: escaping for each context, wrapping, and safe links.

#include <string>
#include <string_view>
#include <vector>

namespace argmap::render {

/// Escapes text for HTML and XML: `&`, `<`, `>`, `"` and `'` become
/// entities, control characters (which XML cannot hold) spaces.
std::string escape_markup(std::string_view text);

/// Escapes text for a Graphviz HTML-like label: `&`, `<`, `>`, `"` and `'`
/// become entities, so user text can never become markup, and backslashes
/// are doubled, since Graphviz expands `\N`, `\G`, ... there too.
std::string escape_html(std::string_view text);

/// Escapes text for a Graphviz escString attribute (tooltip, URL, plain
/// label): backslashes are doubled, so `\N` or `\G` stay literal text.
std::string escape_esc_string(std::string_view text);

/// Splits `text` into lines of at most `width` characters (code points),
/// breaking at spaces; a word longer than `width` is cut.
std::vector<std::string> wrap(std::string_view text, unsigned width);

/// True for the URLs argmap turns into links: http, https and mailto (case
/// insensitive), with no control characters or spaces. Anything else
/// (javascript:, data:, file:, relative paths) is shown as text only.
bool is_safe_url(std::string_view url);

}  // namespace argmap::render
