#include "app/cli/PdfWriterHandOff.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <system_error>
#include <vector>

#include "app/cli/CliContext.h"

namespace mlrig::cli {
namespace {

constexpr const char* kWriterName = "mlrig-pdf-writer";

bool isExecutableFile(const std::filesystem::path& path)
{
    std::error_code error;
    return std::filesystem::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::optional<std::filesystem::path> findPdfWriter()
{
    // /proc/self/exe rather than argv[0]: mlrig-cli may have been found through PATH or a link.
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error)
        return std::nullopt;
    const std::filesystem::path directory = self.parent_path();
    for (const std::filesystem::path& candidate :
         {directory / kWriterName, directory.parent_path() / "libexec" / "mlrig" / kWriterName}) {
        if (isExecutableFile(candidate))
            return candidate;
    }
    return std::nullopt;
}

void handOverToPdfWriter(const CliContext& context)
{
    const std::optional<std::filesystem::path> writer = findPdfWriter();
    if (!writer)
        throw InputError(std::string("PDF export needs the desktop build's mlrig-pdf-writer, which is not next to "
                                     "mlrig-cli nor in ../libexec/mlrig/ (build with MLRIG_BUILD_GUI=ON)"));
    std::vector<char*> arguments;
    std::string program = writer->string();
    arguments.push_back(program.data());
    for (int i = 1; i < context.argc; ++i)
        arguments.push_back(context.argv[i]);
    arguments.push_back(nullptr);
    // Nothing may be lost in a buffer that exec would discard.
    std::cout.flush();
    std::cerr.flush();
    ::execv(program.c_str(), arguments.data());
    throw InputError(program + ": cannot start the PDF writer: " + std::strerror(errno));
}

}  // namespace mlrig::cli
