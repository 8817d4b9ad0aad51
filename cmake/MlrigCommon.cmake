# One INTERFACE target carries the compile settings shared by every mlrig target, so that no
# flag is appended to CMAKE_CXX_FLAGS and a target opts in by linking mlrig_settings.
add_library(mlrig_settings INTERFACE)
target_compile_features(mlrig_settings INTERFACE cxx_std_20)
# Every include names its file from the source root ("core/eval/Evaluate.h", "ui/panels/PowerPanel.h"),
# so a reader sees a file's layer in the include itself.
target_include_directories(mlrig_settings INTERFACE ${PROJECT_SOURCE_DIR})
set_target_properties(mlrig_settings PROPERTIES INTERFACE_CXX_EXTENSIONS OFF)
target_compile_options(mlrig_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
target_compile_definitions(mlrig_settings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CONTEXTLESS_CONNECT QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_STRICT_ITERATORS
    MLRIG_VERSION="${PROJECT_VERSION}")
if(MLRIG_WERROR)
    target_compile_options(mlrig_settings INTERFACE -Werror)
    # Bounds-checked standard containers in CI builds, as qBittorrent's CI does.
    target_compile_definitions(mlrig_settings INTERFACE _GLIBCXX_ASSERTIONS)
endif()
if(MLRIG_SANITIZERS)
    target_compile_options(mlrig_settings INTERFACE -fsanitize=${MLRIG_SANITIZERS} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(mlrig_settings INTERFACE -fsanitize=${MLRIG_SANITIZERS})
endif()
# libFuzzer (tests/fuzz): coverage instrumentation for every mlrig target, checked standard
# containers; the fuzzer executables link libFuzzer's main themselves (-fsanitize=fuzzer).
if(MLRIG_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "MLRIG_BUILD_FUZZERS needs clang (libFuzzer); use the fuzz preset")
    endif()
    target_compile_options(mlrig_settings INTERFACE -fsanitize=fuzzer-no-link)
    target_compile_definitions(mlrig_settings INTERFACE _GLIBCXX_ASSERTIONS)
endif()
