# `cmake --install`: the binary, a man page per command, shell completions and
# the documentation. Man pages and completions are written at build time by
# the binary itself (`jianfu help-gen`, cli/cmd_help_gen.cpp) from the same
# CLI11 definitions that print `--help`, so they cannot fall out of date.
include(GNUInstallDirs)

set(JIANFU_GENERATED_DOCS ${CMAKE_BINARY_DIR}/generated/install)
# Debian's zsh reads vendor-completions; upstream zsh reads site-functions.
set(JIANFU_ZSH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions
    CACHE STRING "Where the zsh completion (_jianfu) is installed, relative to the prefix")

add_custom_command(
  OUTPUT ${JIANFU_GENERATED_DOCS}/stamp
  # Start from an empty man1/, so a removed command leaves no stale page.
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${JIANFU_GENERATED_DOCS}/man1
  COMMAND jianfu help-gen man --dir ${JIANFU_GENERATED_DOCS}/man1
  COMMAND jianfu help-gen completion bash -o ${JIANFU_GENERATED_DOCS}/jianfu.bash
  COMMAND jianfu help-gen completion zsh -o ${JIANFU_GENERATED_DOCS}/_jianfu
  COMMAND jianfu help-gen completion fish -o ${JIANFU_GENERATED_DOCS}/jianfu.fish
  COMMAND ${CMAKE_COMMAND} -E touch ${JIANFU_GENERATED_DOCS}/stamp
  DEPENDS jianfu
  COMMENT "Generating man pages and shell completions"
  VERBATIM)
add_custom_target(jianfu_install_files ALL DEPENDS ${JIANFU_GENERATED_DOCS}/stamp)

install(TARGETS jianfu RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${JIANFU_GENERATED_DOCS}/man1/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${JIANFU_GENERATED_DOCS}/jianfu.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME jianfu)
install(FILES ${JIANFU_GENERATED_DOCS}/_jianfu DESTINATION ${JIANFU_ZSH_COMPLETION_DIR})
install(FILES ${JIANFU_GENERATED_DOCS}/jianfu.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
# TextMate grammars and the VS Code extension (docs/editors.md); editors/vscode/syntaxes stays a link.
# editors/vscode/schemas is a link to docs/schema in the checkout, which is
# installed elsewhere: the extension gets the schema files themselves.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/editors/ DESTINATION ${CMAKE_INSTALL_DATADIR}/jianfu/editors
        REGEX "/vscode/schemas$" EXCLUDE)
install(FILES ${CMAKE_SOURCE_DIR}/docs/schema/scheme.schema.json ${CMAKE_SOURCE_DIR}/docs/schema/config.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/jianfu/editors/vscode/schemas)

include(${CMAKE_CURRENT_LIST_DIR}/package.cmake)
