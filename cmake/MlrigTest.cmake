include(GoogleTest)

# mlrig_add_test(NAME name SOURCES a.cpp b.cpp LIBS mlrig_core [OFFSCREEN])
# Adds one GoogleTest executable and registers its cases with CTest. OFFSCREEN runs it with
# the offscreen Qt platform so GUI tests need no display. Test data lives in tests/data and
# is reachable through the MLRIG_TEST_DATA_DIR definition.
function(mlrig_add_test)
    cmake_parse_arguments(ARG "OFFSCREEN" "NAME" "SOURCES;LIBS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE mlrig_settings ${ARG_LIBS} GTest::gtest GTest::gtest_main)
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
