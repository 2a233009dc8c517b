# Writes OUT, a C++ header holding the files in ASSETS (name=path pairs,
# separated by '|') as std::string_view constants, so that the interactive
# HTML page carries argmap's script and style without reading files at run
# time. Run by render/CMakeLists.txt whenever an asset changes.
set(text "// Generated from render/html/ by render/embed.cmake; do not edit.\n#pragma once\n#include <string_view>\nnamespace argmap::render::assets {\n")
string(REPLACE "|" ";" pairs "${ASSETS}")
foreach(pair ${pairs})
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 name)
  list(GET parts 1 path)
  file(READ "${path}" content)
  string(FIND "${content}" ")argmap_asset\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} holds the raw string's delimiter")
  endif()
  string(APPEND text "inline constexpr std::string_view ${name} = R\"argmap_asset(${content})argmap_asset\";\n")
endforeach()
string(APPEND text "}  // namespace argmap::render::assets\n")
file(WRITE "${OUT}.tmp" "${text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
