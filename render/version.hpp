#pragma once
/// \file
/// The Graphviz version argmap is built with (for `argmap --version`).

#include <string>

namespace argmap::render {

/// The version of the Graphviz headers argmap was compiled against, e.g. "2.43.0".
std::string graphviz_version();

}  // namespace argmap::render
