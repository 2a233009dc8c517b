# argmap_add_diagrams(TARGET SOURCES a.arg ... [FORMATS svg png ...] [OUTPUT_DIR dir]
#                     [OPTIONS --theme dark ...])
#
# Adds a target TARGET (built by default) that renders each source map into
# OUTPUT_DIR (default: ${CMAKE_CURRENT_BINARY_DIR}/diagrams) in each format
# (default: svg). Each diagram is rebuilt when its map or any file the map
# includes changes: argmap writes a depfile listing them.
function(argmap_add_diagrams target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR" "SOURCES;FORMATS;OPTIONS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "argmap_add_diagrams(${target}): give SOURCES")
  endif()
  if(NOT ARG_FORMATS)
    set(ARG_FORMATS svg)
  endif()
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/diagrams)
  endif()
  set(outputs)
  foreach(source ${ARG_SOURCES})
    get_filename_component(source_path ${source} ABSOLUTE)
    get_filename_component(stem ${source} NAME_WE)
    foreach(format ${ARG_FORMATS})
      set(output ${ARG_OUTPUT_DIR}/${stem}.${format})
      set(depfile ${CMAKE_CURRENT_BINARY_DIR}/argmap-deps/${stem}.${format}.d)
      add_custom_command(
        OUTPUT ${output}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${ARG_OUTPUT_DIR}
                ${CMAKE_CURRENT_BINARY_DIR}/argmap-deps
        COMMAND argmap::argmap render ${source_path} -f ${format} -o ${output}
                --depfile ${depfile} ${ARG_OPTIONS}
        DEPENDS ${source_path} argmap::argmap
        DEPFILE ${depfile}
        COMMENT "argmap: ${stem}.${format}"
        VERBATIM)
      list(APPEND outputs ${output})
    endforeach()
  endforeach()
  add_custom_target(${target} ALL DEPENDS ${outputs})
endfunction()
