# cloudbox_discover_tests(target): registers every Catch2 TEST_CASE of `target` as one ctest test,
# with its tags as ctest labels (Catch2 v2's catch_discover_tests cannot set labels from tags).
# Discovery runs after each build of the target, so new test cases need no CMake re-run.
function(cloudbox_discover_tests target)
    set(ctest_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_tests.cmake")
    add_custom_command(
        TARGET ${target} POST_BUILD
        COMMAND ${CMAKE_COMMAND} -D TEST_EXECUTABLE=$<TARGET_FILE:${target}>
                -D CTEST_FILE=${ctest_file} -D TEST_TIMEOUT=300
                -P ${PROJECT_SOURCE_DIR}/cmake/catch_list_tests.cmake
        VERBATIM)
    # ctest reads the list through a guard, so a target not built yet hides only its own tests.
    set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_include.cmake")
    file(WRITE "${include_file}" "if(EXISTS \"${ctest_file}\")\n  include(\"${ctest_file}\")\nendif()\n")
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()
