#include "render/version.hpp"

#include <graphviz/graphviz_version.h>

namespace argmap::render {

std::string graphviz_version() { return PACKAGE_VERSION; }

}  // namespace argmap::render
