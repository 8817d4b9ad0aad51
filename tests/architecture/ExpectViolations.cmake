# Runs the include-edge checker on the fixture and checks its report line by line: the two
# forbidden includes are named with their reason, the allowed ones are not, and the count is 2.
execute_process(
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${SOURCE_DIR} -DRULES=${RULES}
            -P ${CMAKE_CURRENT_LIST_DIR}/../../cmake/CheckIncludeEdges.cmake
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(report "${out}${err}")
set(expected
    "forbidden include: core/util/ReachesUp.h: \"core/eval/Evaluate.h\": core/util may not include core/eval"
    "forbidden include: core/optimize/Optimizer.h: \"core/eval/Internal.h\": core/eval/Internal.h is private to core/eval"
    "2 forbidden include\\(s\\)")
foreach(line IN LISTS expected)
    if(NOT report MATCHES "${line}")
        message(FATAL_ERROR "the checker's report lacks: ${line}\n--- report ---\n${report}")
    endif()
endforeach()
foreach(allowed "Panel.h" "core/eval/Evaluate.h: \"core/util" "Internal.h: \"core/eval/Evaluate.h")
    if(report MATCHES "forbidden include: [^\n]*${allowed}")
        message(FATAL_ERROR "the checker flagged an allowed include (${allowed})\n--- report ---\n${report}")
    endif()
endforeach()
if(result EQUAL 0)
    message(FATAL_ERROR "the checker exited 0 on a tree with forbidden includes")
endif()
