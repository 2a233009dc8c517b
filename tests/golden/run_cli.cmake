# Runs argmap with ARGS in WORKDIR and compares its standard output with the
# file EXPECTED and its exit code with EXPECTED_RC. With -DUPDATE=1 the
# expected file is rewritten instead.
#   cmake -DARGMAP=... -DWORKDIR=... "-DARGS=check;--format;json;x.arg"
#         -DEXPECTED=x.json -DEXPECTED_RC=0 -P run_cli.cmake
execute_process(
  COMMAND ${ARGMAP} ${ARGS}
  WORKING_DIRECTORY ${WORKDIR}
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(UPDATE)
  file(WRITE ${WORKDIR}/${EXPECTED} "${out}")
  return()
endif()
file(READ ${WORKDIR}/${EXPECTED} expected)
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "output of 'argmap ${ARGS}' differs from ${EXPECTED}\n--- expected\n${expected}--- actual\n${out}---\n${err}")
endif()
if(NOT rc EQUAL EXPECTED_RC)
  message(FATAL_ERROR "'argmap ${ARGS}' exited with ${rc}, expected ${EXPECTED_RC}\n${err}")
endif()
