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
# Fails unless `actual` (what argmap wrote to `stream`) equals the file `expected_file`.
function(expect_same stream actual expected_file)
  file(READ ${WORKDIR}/${expected_file} expected)
  if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "${stream} of 'argmap ${ARGS}' differs from ${expected_file}\n--- expected\n${expected}--- actual\n${actual}---\n${err}")
  endif()
endfunction()
if(EXPECTED)
  expect_same("standard output" "${out}" ${EXPECTED})
endif()
if(EXPECTED_STDERR)
  expect_same("standard error" "${err}" ${EXPECTED_STDERR})
endif()
if(NO_STDERR AND NOT err STREQUAL "")
  message(FATAL_ERROR "'argmap ${ARGS}' printed to standard error:\n${err}")
endif()
if(NOT rc EQUAL EXPECTED_RC)
  message(FATAL_ERROR "'argmap ${ARGS}' exited with ${rc}, expected ${EXPECTED_RC}\n${out}\n${err}")
endif()
