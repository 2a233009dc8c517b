# The Debian package: `cpack -G DEB` in the build folder makes
# argmap_VERSION_amd64.deb (docs/install.md). Its dependencies are derived by
# dpkg-shlibdeps from what the binary links; the manual pages and shell
# completions are made from the built argmap (scripts/make-package-files.sh),
# so they say what --help says.
find_program(ARGMAP_HELP2MAN help2man)
set(package_files ${CMAKE_BINARY_DIR}/package-files)
if(ARGMAP_HELP2MAN AND NOT ARGMAP_SANITIZE AND NOT ARGMAP_FUZZ)
  add_custom_command(
    OUTPUT ${package_files}/man/argmap.1.gz ${package_files}/completions/argmap
    COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/make-package-files.sh $<TARGET_FILE:argmap>
            ${package_files}
    DEPENDS argmap ${PROJECT_SOURCE_DIR}/scripts/make-package-files.sh
    COMMENT "Writing argmap's manual pages and shell completions")
  add_custom_target(argmap_package_files ALL
                    DEPENDS ${package_files}/man/argmap.1.gz ${package_files}/completions/argmap)
  install(DIRECTORY ${package_files}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${package_files}/completions/argmap
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
  install(FILES ${package_files}/completions/_argmap
          DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
  install(FILES ${package_files}/completions/argmap.fish
          DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
endif()

# Debian's copyright and changelog files, and the README, beside the docs.
string(TIMESTAMP package_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${PROJECT_SOURCE_DIR}/cmake/debian/copyright ${package_files}/copyright COPYONLY)
file(WRITE ${package_files}/changelog
     "argmap (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
     "  * Built with CMake and CPack from the argmap source tree.\n\n"
     " -- argmap maintainers <maintainers@argmap.org>  ${package_date}\n")
add_custom_command(OUTPUT ${package_files}/changelog.gz
                   COMMAND gzip -9nf -k ${package_files}/changelog
                   DEPENDS ${package_files}/changelog)
add_custom_target(argmap_changelog ALL DEPENDS ${package_files}/changelog.gz)
install(FILES ${package_files}/copyright ${package_files}/changelog.gz ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/cmake/debian/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME argmap)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME argmap)
set(CPACK_PACKAGE_VENDOR "argmap")
set(CPACK_PACKAGE_CONTACT "argmap maintainers <maintainers@argmap.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "argument-mapping engine: parse, check, evaluate and draw arguments")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "argmap reads argument files written as outlines (a thesis, reasons,
co-premises, objections, rebuttals, undercuts, evidence with sources),
reports compiler-style diagnostics, evaluates which claims stand under
formal semantics (grounded, preferred, stable, DF-QuAD) and draws argument
maps as SVG, PNG, PDF, DOT or an interactive HTML page through Graphviz.
It also serves live previews, compares two versions of an argument, draws
maps inside Markdown documents and speaks the Language Server Protocol.

This package holds the argmap program, its manual pages, bash, zsh and
fish completions, its libraries' headers and CMake package, and the
documentation with examples.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://argmap.org/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
