#include "core/catalog/CatalogStore.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <vector>

namespace mlrig {
namespace {

// "<name>.corrupt-N" copies beside `path`, newest (highest N) first.
std::vector<std::pair<long, std::filesystem::path>> asideCopies(const std::filesystem::path& path)
{
    const std::string prefix = path.filename().string() + ".corrupt-";
    std::vector<std::pair<long, std::filesystem::path>> copies;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(path.parent_path().empty() ? "." : path.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix))
            continue;
        const std::string number = name.substr(prefix.size());
        if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos || number.size() > 9)
            continue;
        copies.emplace_back(std::stol(number), entry.path());
    }
    std::sort(copies.begin(), copies.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return copies;
}

// One past the highest N in use, so numbers keep rising after older copies were pruned.
std::filesystem::path asideName(const std::filesystem::path& path)
{
    const auto copies = asideCopies(path);
    std::filesystem::path candidate = path;
    candidate += ".corrupt-" + std::to_string(copies.empty() ? 1 : copies.front().first + 1);
    return candidate;
}

// The schema version a catalog file says it has, when it is a readable SQLite file at all.
std::optional<int> fileSchemaVersion(const std::filesystem::path& path)
{
    try {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        return db.execAndGet("PRAGMA user_version").getInt();
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// Copies moved aside accumulate when something keeps damaging the catalog; only the newest
// kKeptAsideCopies are worth keeping (each is the size of the whole catalog).
constexpr int kKeptAsideCopies = 3;

void pruneAsideCopies(const std::filesystem::path& path)
{
    const auto copies = asideCopies(path);
    std::error_code ec;
    for (size_t i = kKeptAsideCopies; i < copies.size(); ++i)
        std::filesystem::remove(copies[i].second, ec);
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

// Moves a damaged catalog file aside and writes the embedded image in its place; returns the
// sentences saying what was done, and whether the file at `path` is now the embedded image.
std::string setAsideAndRestore(const std::filesystem::path& path, std::span<const std::byte> embeddedImage,
                               bool& restored)
{
    restored = false;
    std::error_code ec;
    const std::filesystem::path aside = asideName(path);
    std::filesystem::rename(path, aside, ec);
    if (ec)
        return "It could not be moved aside (" + ec.message() + ").";
    pruneAsideCopies(path);
    std::string done = "It was kept as " + aside.filename().string() + ".";
    std::string writeError;
    if (writeImage(path, embeddedImage, writeError)) {
        restored = true;
        done += " mlrig restored the built-in catalog to " + path.string() + ".";
    } else {
        done += " The built-in catalog could not be written in its place (" + writeError + ").";
    }
    return done;
}

Catalog loadImage(std::span<const std::byte> embeddedImage, CatalogLoading loading)
{
    return loading == CatalogLoading::GpusFirst ? Catalog::loadStaticBytesGpusFirst(embeddedImage)
                                                : Catalog::loadBytes(embeddedImage);
}

Catalog loadCatalogFile(const std::filesystem::path& path, std::span<const std::byte> embeddedImage,
                        CatalogLoading loading)
{
    if (loading == CatalogLoading::Whole)
        return Catalog::loadFile(path);
    CatalogRecovery recovery;
    recovery.staticFallbackImage = embeddedImage;
    // Damage found by the background integrity check is handled as at start: the file is set
    // aside and restored, so the next start reads a sound catalog.
    recovery.whenDamaged = [path, embeddedImage](const std::string&) {
        bool restored = false;
        return setAsideAndRestore(path, embeddedImage, restored);
    };
    return Catalog::loadFileGpusFirst(path, std::move(recovery));
}

}  // namespace

OpenedCatalog openCatalog(const std::filesystem::path& path, std::span<const std::byte> embeddedImage,
                          CatalogLoading loading)
{
    if (path.empty())
        return {loadImage(embeddedImage, loading), {}, {}};

    std::string problem;
    const bool existed = std::filesystem::exists(path);
    if (existed) {
        try {
            return {loadCatalogFile(path, embeddedImage, loading), path, {}};
        } catch (const CatalogError& e) {
            problem = e.what();
        }
    }

    Catalog embedded = loadImage(embeddedImage, loading);
    // A catalog from a newer mlrig (installed beside this one, or run from another version's
    // data folder) is not damaged: it is left exactly as it is for that version, and this one
    // runs on its built-in catalog. Moving it aside on every start would pile up copies.
    if (existed) {
        const std::optional<int> version = fileSchemaVersion(path);
        if (version && *version > embedded.stats().schemaVersion) {
            const std::string notice = "The parts catalog " + path.string() + " was written by a newer mlrig (schema " +
                                       std::to_string(*version) + "; this version reads schema " +
                                       std::to_string(embedded.stats().schemaVersion) +
                                       "). mlrig left it untouched and is using its built-in catalog.";
            return {std::move(embedded), {}, notice};
        }
        bool restored = false;
        const std::string done = setAsideAndRestore(path, embeddedImage, restored);
        std::string notice = "The parts catalog could not be used (" + problem + "). " + done;
        if (!restored)
            notice += " mlrig is using its built-in catalog.";
        return {std::move(embedded), restored ? path : std::filesystem::path(), notice};
    }
    std::string writeError;
    if (writeImage(path, embeddedImage, writeError))
        return {std::move(embedded), path, {}};
    return {std::move(embedded), {},
            "The parts catalog " + path.string() + " was missing. mlrig is using its built-in catalog (" + writeError + ")."};
}

}  // namespace mlrig
