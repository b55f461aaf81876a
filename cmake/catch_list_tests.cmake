# Script mode: writes CTEST_FILE with one add_test per test case of TEST_EXECUTABLE and its tags
# as LABELS. Invoked by cloudbox_discover_tests (cmake/catch_discover.cmake).
execute_process(COMMAND "${TEST_EXECUTABLE}" --list-test-names-only
                OUTPUT_VARIABLE names_output RESULT_VARIABLE rc)
if(rc LESS 0)
    message(FATAL_ERROR "cannot list tests of ${TEST_EXECUTABLE}: ${rc}")
endif()
string(REPLACE "\n" ";" names "${names_output}")

execute_process(COMMAND "${TEST_EXECUTABLE}" --list-tags OUTPUT_VARIABLE tags_output)
string(REGEX MATCHALL "\\[[^]\n]+\\]" tags "${tags_output}")
list(REMOVE_DUPLICATES tags)
foreach(tag IN LISTS tags)
    if(tag STREQUAL "[.]")
        continue()
    endif()
    string(REGEX REPLACE "^\\[(.*)\\]$" "\\1" label "${tag}")
    execute_process(COMMAND "${TEST_EXECUTABLE}" "${tag}" --list-test-names-only
                    OUTPUT_VARIABLE tagged_output)
    string(REPLACE "\n" ";" tagged "${tagged_output}")
    foreach(name IN LISTS tagged)
        if(name STREQUAL "")
            continue()
        endif()
        string(MD5 key "${name}")
        list(APPEND labels_${key} "${label}")
    endforeach()
endforeach()

set(script "")
foreach(name IN LISTS names)
    if(name STREQUAL "")
        continue()
    endif()
    # Catch's command line treats ',' and '[' as syntax: escape them in the test spec.
    string(REPLACE "," "\\," spec "${name}")
    string(REPLACE "[" "\\[" spec "${spec}")
    string(MD5 key "${name}")
    set(labels "${labels_${key}}")
    string(APPEND script "add_test([==[${name}]==] [==[${TEST_EXECUTABLE}]==] [==[${spec}]==])\n")
    string(APPEND script "set_tests_properties([==[${name}]==] PROPERTIES LABELS [==[${labels}]==] "
                         "TIMEOUT ${TEST_TIMEOUT})\n")
endforeach()
file(WRITE "${CTEST_FILE}" "${script}")
