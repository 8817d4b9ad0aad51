include(GoogleTest)

# mlrig_add_test(NAME name SOURCES a.cpp b.cpp LIBS mlrig_core [OFFSCREEN] [NO_GTEST_MAIN])
# Adds one GoogleTest executable and registers its cases with CTest. OFFSCREEN runs it with
# the offscreen Qt platform so GUI tests need no display. Test data lives in tests/data and
# is reachable through the MLRIG_TEST_DATA_DIR definition. NO_GTEST_MAIN leaves main() to the
# test sources (GUI tests create their QApplication there).
function(mlrig_add_test)
    cmake_parse_arguments(ARG "OFFSCREEN;NO_GTEST_MAIN" "NAME" "SOURCES;LIBS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE mlrig_settings ${ARG_LIBS} GTest::gtest)
    if(NOT ARG_NO_GTEST_MAIN)
        target_link_libraries(${ARG_NAME} PRIVATE GTest::gtest_main)
    endif()
    target_compile_definitions(${ARG_NAME} PRIVATE
        MLRIG_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        MLRIG_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        MLRIG_BINARY_DIR="${PROJECT_BINARY_DIR}")
    set(env "")
    if(ARG_OFFSCREEN)
        set(env "QT_QPA_PLATFORM=offscreen")
    endif()
    gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60 PROPERTIES ENVIRONMENT "${env}")
endfunction()
