#include "core/catalog/CatalogStore.h"

#include <fstream>

namespace mlrig {
namespace {

std::filesystem::path asideName(const std::filesystem::path& path)
{
    for (int n = 1;; ++n) {
        std::filesystem::path candidate = path;
        candidate += ".corrupt-" + std::to_string(n);
        if (!std::filesystem::exists(candidate))
            return candidate;
    }
}

bool writeImage(const std::filesystem::path& path, std::span<const std::byte> image, std::string& error)
{
    std::error_code ec;
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);
    std::filesystem::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(image.data()), static_cast<std::streamsize>(image.size()));
        out.close();
        if (!out) {
            error = "cannot write " + temporary.string();
            std::filesystem::remove(temporary, ec);
            return false;
        }
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        error = "cannot replace " + path.string() + ": " + ec.message();
        std::filesystem::remove(temporary, ec);
        return false;
    }
    return true;
}

}  // namespace

OpenedCatalog openCatalog(const std::filesystem::path& path, std::span<const std::byte> embeddedImage)
{
    if (path.empty())
        return {Catalog::loadBytes(embeddedImage), {}, {}};

    std::string problem;
    const bool existed = std::filesystem::exists(path);
    if (existed) {
        try {
            return {Catalog::loadFile(path), path, {}};
        } catch (const CatalogError& e) {
            problem = e.what();
        }
    }

    Catalog embedded = Catalog::loadBytes(embeddedImage);
    std::string notice;
    std::error_code ec;
    if (existed) {
        const std::filesystem::path aside = asideName(path);
        std::filesystem::rename(path, aside, ec);
        notice = "The parts catalog could not be used (" + problem + "). ";
        notice += ec ? "It could not be moved aside (" + ec.message() + "). "
                     : "It was kept as " + aside.filename().string() + ". ";
    }
    std::string writeError;
    if (!ec && writeImage(path, embeddedImage, writeError)) {
        if (existed)
            notice += "mlrig restored the built-in catalog to " + path.string() + ".";
        return {std::move(embedded), path, notice};
    }
    if (!existed)
        notice = "The parts catalog " + path.string() + " was missing. ";
    notice += "mlrig is using its built-in catalog" + (writeError.empty() ? std::string(".") : " (" + writeError + ").");
    return {std::move(embedded), {}, notice};
}

}  // namespace mlrig
