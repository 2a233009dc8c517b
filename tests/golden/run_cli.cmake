# Runs argmap with ARGS in WORKDIR and compares its standard output with the
# file EXPECTED (when given), its standard error with EXPECTED_STDERR (when
# given) and its exit code with EXPECTED_RC. INPUT, when
# given, is fed to standard input. With -DUPDATE=1 the expected file is
# rewritten instead.
#   cmake -DARGMAP=... -DWORKDIR=... "-DARGS=check;--format;json;x.arg"
#         -DEXPECTED=x.json -DEXPECTED_RC=0 [-DINPUT=x.arg] -P run_cli.cmake
set(input_args)
if(INPUT)
  set(input_args INPUT_FILE ${WORKDIR}/${INPUT})
endif()
execute_process(
  COMMAND ${ARGMAP} ${ARGS}
  WORKING_DIRECTORY ${WORKDIR}
  ${input_args}
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(UPDATE AND EXPECTED)
  file(WRITE ${WORKDIR}/${EXPECTED} "${out}")
  return()
endif()
if(EXPECTED)
  file(READ ${WORKDIR}/${EXPECTED} expected)
  if(NOT out STREQUAL expected)
    message(FATAL_ERROR "output of 'argmap ${ARGS}' differs from ${EXPECTED}\n--- expected\n${expected}--- actual\n${out}---\n${err}")
  endif()
endif()
if(EXPECTED_STDERR)
  file(READ ${WORKDIR}/${EXPECTED_STDERR} expected)
  if(NOT err STREQUAL expected)
    message(FATAL_ERROR "standard error of 'argmap ${ARGS}' differs from ${EXPECTED_STDERR}\n--- expected\n${expected}--- actual\n${err}---\n")
  endif()
endif()
if(NO_STDERR AND NOT err STREQUAL "")
  message(FATAL_ERROR "'argmap ${ARGS}' printed to standard error:\n${err}")
endif()
if(NOT rc EQUAL EXPECTED_RC)
  message(FATAL_ERROR "'argmap ${ARGS}' exited with ${rc}, expected ${EXPECTED_RC}\n${out}\n${err}")
endif()
