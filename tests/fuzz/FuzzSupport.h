#pragma once

// Shared by the libFuzzer harnesses in tests/fuzz. A harness defines LLVMFuzzerTestOneInput and
// states what must hold for every input with FUZZ_CHECK; a broken property aborts with a
// message, which libFuzzer reports as a crash (and the corpus replay test as a failure).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/catalog/Catalog.h"

#define FUZZ_CHECK(condition, what)                                                                     \
    do {                                                                                                \
        if (!(condition)) {                                                                             \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s (%s)\n", __FILE__, __LINE__, #condition, \
                         what);                                                                         \
            std::abort();                                                                               \
        }                                                                                               \
    } while (false)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace mlrig::fuzz {

inline std::string_view asText(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace mlrig::fuzz
