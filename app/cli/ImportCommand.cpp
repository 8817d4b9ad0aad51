// mlrig-cli import FILE          PCPartPicker list (text or Markdown) -> .mlrig JSON on stdout
// mlrig-cli import-prices FILE   CSV of local prices -> matched parts and prices on stdout
//
// stdout carries only the result, so `mlrig-cli import list.txt > build.mlrig` works; how each
// line was matched (and what was skipped) goes to stderr.
//
// Bad values (issue 16): a list with an unacceptable price, currency or quantity is not imported
// at all (exit 2, every such line named: the output is one build, and a build with a dropped
// price would be silently wrong). A price sheet's rows are independent prices: the good ones are
// printed, every refused row is named on stderr, and the exit code is 4 so a script notices.
#include <fmt/format.h>

#include <iostream>

#include "core/io/BuildDocument.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"
#include "core/io/ImportSource.h"
#include "core/io/PcPartPickerImport.h"
#include "core/io/PriceCsvImport.h"
#include "core/util/Plural.h"

namespace mlrig::cli {
namespace {

std::string readOrFail(const std::string& path)
{
    try {
        return readImportFile(path);
    } catch (const ImportError& e) {
        throw InputError(path + ": " + e.what());
    }
}

void report(const ImportResult& result)
{
    for (const ImportLine& l : result.lines) {
        const std::string quantity = l.quantity > 1 ? fmt::format("{} x ", l.quantity) : "";
        if (l.skipped) {
            std::cerr << fmt::format("skipped     {}: {}{} (mlrig does not plan this part type)\n", l.type, quantity,
                                     l.itemName);
        } else if (l.kind == MatchKind::Unmatched && !l.closestName.empty()) {
            std::string differs;
            for (const std::string& d : l.differsIn)
                differs += (differs.empty() ? "" : ", ") + d;
            std::cerr << fmt::format("custom      {}: {}{} (closest match {}, differs in: {}; kept as a custom part)\n",
                                     l.type, quantity, l.itemName, l.closestName, differs);
        } else if (l.kind == MatchKind::Unmatched) {
            std::cerr << fmt::format("custom      {}: {}{} (no catalog match; kept as a custom part)\n", l.type,
                                     quantity, l.itemName);
        } else {
            std::cerr << fmt::format("{:<10}  {}: {}{} -> {}{}\n", matchKindId(l.kind), l.type, quantity, l.itemName,
                                     l.matchedName, l.kind == MatchKind::Fuzzy ? fmt::format(" (score {:.2f})", l.score) : "");
        }
    }
    for (const std::string& w : result.warnings)
        std::cerr << "warning: " << w << '\n';
    std::cerr << fmt::format("{}: {} exact, {} normalised, {} fuzzy, {} custom; {} skipped\n",
                             countOf(static_cast<long long>(result.lines.size()) - result.skippedCount(), "part line",
                                     "part lines"),
                             result.count(MatchKind::Exact), result.count(MatchKind::Normalised),
                             result.count(MatchKind::Fuzzy), result.count(MatchKind::Unmatched), result.skippedCount());
}

}  // namespace

void addImportCommand(CLI::App& app, CliContext& context)
{
    static std::string listFile;
    auto* path = &listFile;
    CLI::App* importCmd = app.add_subcommand("import", "Turn a PCPartPicker part list (text or Markdown) into a .mlrig build");
    importCmd->add_option("file", *path, "The list as pasted from PCPartPicker")->required();
    importCmd->callback([&context, path] {
        const std::string text = readOrFail(*path);
        if (!looksLikePcPartPickerList(text)) {
            if (text.find(',') != std::string::npos && text.find(':') == std::string::npos)
                throw InputError(*path + ": looks like CSV, not a part list (use `mlrig-cli import-prices` for prices)");
            throw InputError(*path + ": no PCPartPicker part lines found (expected lines like \"CPU: <name> "
                                     "($499.00 @ Shop)\" or a \"Type|Item|Price\" table)");
        }
        ImportResult result;
        try {
            result = importPcPartPickerList(text, context.catalog());
        } catch (const ImportError& e) {
            throw InputError(*path + ": " + e.what());
        }
        report(result);
        const std::string document = serializeBuild(result.build);
        std::cout << document;
        if (!document.ends_with('\n'))
            std::cout << '\n';
    });

    static std::string priceFile;
    static std::string currency = "USD";
    auto* pricePath = &priceFile;
    auto* defaultCurrency = &currency;
    CLI::App* prices = app.add_subcommand("import-prices", "Match a CSV of local prices (name or id, price, currency) to catalog parts");
    prices->add_option("file", *pricePath, "CSV with a part column and a price column")->required();
    prices->add_option("--currency", *defaultCurrency, "Currency of rows that name none (default USD)");
    prices->callback([&context, pricePath, defaultCurrency] {
        const std::string text = readOrFail(*pricePath);
        PriceImportResult result;
        try {
            result = importPriceCsv(text, context.catalog(), *defaultCurrency);
        } catch (const ImportError& e) {
            throw InputError(*pricePath + ": " + e.what());
        }
        for (const PriceUpdate& u : result.updates)
            std::cout << fmt::format("{}\t{:.2f}\t{}\t{}\t{}\n", u.partId, u.price, u.currency, matchKindId(u.kind), u.partName);
        for (const UnmatchedPriceRow& r : result.unmatched)
            std::cerr << fmt::format("row {}: {}: {}\n", r.row, r.text, r.reason);
        for (const UnmatchedPriceRow& r : result.refused)
            std::cerr << fmt::format("row {}: {}: refused: {}\n", r.row, r.text, r.reason);
        std::cerr << result.summary() << '\n';
        if (!result.refused.empty())
            context.exitCode = 4;  // partial: the printed prices are good, the refused rows are not in them
    });
}

}  // namespace mlrig::cli
