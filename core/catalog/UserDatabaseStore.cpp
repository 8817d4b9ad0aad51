#include "core/catalog/UserDatabaseStore.h"

#include <array>
#include <system_error>

namespace mlrig {
namespace {

std::filesystem::path withSuffix(const std::filesystem::path& path, const std::string& suffix)
{
    std::filesystem::path out = path;
    out += suffix;
    return out;
}

std::filesystem::path asideName(const std::filesystem::path& path)
{
    for (int n = 1;; ++n) {
        const std::filesystem::path candidate = withSuffix(path, ".corrupt-" + std::to_string(n));
        if (!std::filesystem::exists(candidate))
            return candidate;
    }
}

// Moves the database and its sidecar files (a hot journal belongs to the file it was written
// for) to `aside`. Returns false, with the reason, when the main file could not be moved.
bool moveAside(const std::filesystem::path& path, const std::filesystem::path& aside, std::string& reason)
{
    std::error_code ec;
    std::filesystem::rename(path, aside, ec);
    if (ec) {
        reason = ec.message();
        return false;
    }
    for (const char* sidecar : {"-journal", "-wal", "-shm"}) {
        const std::filesystem::path from = withSuffix(path, sidecar);
        if (std::filesystem::exists(from, ec))
            std::filesystem::rename(from, withSuffix(aside, sidecar), ec);
    }
    return true;
}

OpenedUserDatabase inMemory(std::string notice)
{
    OpenedUserDatabase out;
    out.database = std::make_unique<UserDatabase>(":memory:");
    out.notice = std::move(notice) +
                 " Prices and custom parts you enter in this session will not be kept after mlrig closes.";
    return out;
}

// The notice's account of what came back from a damaged file.
std::string salvagedText(const SalvageCounts& counts)
{
    if (!counts.readable)
        return "nothing in it could be read";
    if (counts.total() == 0)
        return "no price, custom part or model in it could be read";
    const auto n = [](int count, const char* one, const char* many) {
        return std::to_string(count) + " " + (count == 1 ? one : many);
    };
    return "mlrig recovered " + n(counts.prices, "price", "prices") + ", " +
           n(counts.customParts, "custom part", "custom parts") + " and " + n(counts.models, "model", "models") +
           " from it (the rows that could still be read)";
}

// A 0-byte user.sqlite is not a database mlrig wrote (the first open writes the schema): a copy
// or a sync that was cut short. SQLite would take it as a new, empty database and the loss would
// go unnoticed. Unless a write-ahead log beside it holds the data.
bool isEmptyFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) != 0 || ec)
        return false;
    const std::filesystem::path wal = withSuffix(path, "-wal");
    return !(std::filesystem::is_regular_file(wal, ec) && std::filesystem::file_size(wal, ec) > 0);
}

}  // namespace

OpenedUserDatabase openUserDatabase(const std::filesystem::path& path)
{
    std::error_code ec;
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);
    const std::string name = path.filename().string();
    std::string damage;  // why the file counts as damaged
    if (isEmptyFile(path)) {
        damage = "it is empty (0 bytes)";
    } else {
        try {
            OpenedUserDatabase out;
            out.database = std::make_unique<UserDatabase>(path.string());
            out.path = path;
            return out;
        } catch (const UserDatabaseError& e) {
            switch (e.kind()) {
            case UserDatabaseError::Kind::Newer:
                return inMemory("Your prices and custom parts (" + path.string() +
                                ") were saved by a newer version of mlrig. This version leaves that file "
                                "untouched, so the newer version will still find everything in it.");
            case UserDatabaseError::Kind::Unavailable:
            case UserDatabaseError::Kind::Invalid:
                return inMemory("Your prices and custom parts could not be opened (" + std::string(e.what()) +
                                "). The file was left as it is.");
            case UserDatabaseError::Kind::Damaged: break;
            }
            damage = e.what();
        }
    }
    const std::filesystem::path aside = asideName(path);
    std::string reason;
    if (!moveAside(path, aside, reason))
        return inMemory("Your prices and custom parts (" + path.string() + ") are damaged and could not be "
                        "moved aside (" + reason + "). The file was left as it is.");
    const std::string kept = "Your prices and custom parts could not be read: " + name + " is damaged (" + damage +
                             "). It was kept as " + aside.filename().string() + " in " +
                             aside.parent_path().string() + ", not deleted";
    try {
        OpenedUserDatabase out;
        out.database = std::make_unique<UserDatabase>(path.string());
        out.path = path;
        out.movedAside = aside;
        out.salvaged = salvageUserDatabase(aside, path);
        out.notice = kept + ", and mlrig started a new " + name + ": " + salvagedText(out.salvaged) + ".";
        if (out.salvaged.total() > 0)
            out.notice += " Anything else you had entered is still in " + aside.filename().string() +
                          ", for a copy of it or an expert.";
        return out;
    } catch (const UserDatabaseError& again) {
        OpenedUserDatabase out = inMemory(kept + ". A new one could not be created (" + again.what() + ").");
        out.movedAside = aside;
        return out;
    }
}

}  // namespace mlrig
