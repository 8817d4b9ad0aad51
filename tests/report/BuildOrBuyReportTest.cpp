// The build report's "Build or buy" section: the build beside the unified-memory machines on its
// LLM workload, in compareSystems()'s order and figures, in the PDF the app and mlrig-cli both write.
#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>

#include "core/advise/SystemComparison.h"
#include "core/eval/Evaluate.h"
#include "core/util/Format.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/qt/PdfText.h"
#include "ui/report/BuildReport.h"
#include "ui/report/ReportPdfExport.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::pdfText;

namespace {

Build llmBuild()
{
    Build build;
    build.name = "Quiet 2x3090 box";
    const auto add = [&](Category category, const char* ref, int quantity = 1) {
        BuildItem item;
        item.category = category;
        item.ref = ref;
        item.quantity = quantity;
        build.items.push_back(item);
    };
    add(Category::Cpu, "AMD Ryzen 9 7950X");
    add(Category::Gpu, "GeForce RTX 3090", 2);
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = "llama-3.1-70b";
    w.quant = "q4_k_m";
    w.context = 8192;
    build.workload = w;
    return build;
}

// The text without spaces, line breaks and hyphens: Qt may wrap a cell after a hyphen ("40-" /
// "core"), which pdftotext reads as "40- core" or, at the end of a line, "40core".
QString compact(const QString& text)
{
    QString out = text;
    out.remove(QRegularExpression(QStringLiteral("[\\s-]+")));
    return out;
}

bool has(const QString& text, std::string_view what)
{
    return compact(text).contains(compact(QString::fromUtf8(what.data(), static_cast<qsizetype>(what.size()))));
}

QString writeAndRead(const Build& build, const QString& path, const EvaluationOptions& options = {})
{
    const Catalog& catalog = builtInCatalog();
    const Evaluation evaluation = evaluate(build, catalog, options);
    ReportOptions report;
    report.evaluation = options;
    QString error;
    EXPECT_TRUE(writeBuildReportPdf(build, evaluation, catalog, path, &error, report)) << error.toStdString();
    return pdfText(path);
}

}  // namespace

TEST(BuildOrBuyReport, ListsTheBuildAndEveryMachineRankedWithTheirFigures)
{
    QTemporaryDir dir;
    const Build build = llmBuild();
    EvaluationOptions options;
    options.electricityPricePerKwh = 0.4;
    options.hoursPerDay = 6;
    const QString text = writeAndRead(build, dir.filePath(QStringLiteral("r.pdf")), options);
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) not available";
    ASSERT_TRUE(has(text, "Build or buy")) << text.toStdString();
    EXPECT_TRUE(has(text, "Llama 3.1 70B, q4_k_m, 8k context"));

    // The counting pass and the real one agree: the last page says "Page N of N".
    const int pages = static_cast<int>(text.count(QChar(u'\f')));
    EXPECT_TRUE(text.contains(QStringLiteral("Page %1 of %1").arg(pages))) << pages;
    EXPECT_FALSE(text.contains(QStringLiteral("Page %1 of %2").arg(pages + 1).arg(pages)));

    // Every row, in the ranking's order, each with its own figures. The text in drawing order (-raw)
    // keeps a row's cells together, and a name wrapped in its cell stays in one piece.
    const QString raw = compact(pdfText(dir.filePath(QStringLiteral("r.pdf")), {QStringLiteral("-raw")}));
    const SystemComparison c = compareSystems(build, builtInCatalog(), evaluate(build, builtInCatalog(), options), options);
    ASSERT_TRUE(c.hasBuildRow);
    std::vector<qsizetype> at;
    qsizetype previous = raw.indexOf(compact(QStringLiteral("Build or buy")));
    ASSERT_GE(previous, 0);
    for (const SystemRow& row : c.rows) {
        const qsizetype found = raw.indexOf(compact(QString::fromStdString(row.name)), previous);
        EXPECT_GT(found, previous) << row.name << " missing or out of order";
        previous = std::max(previous, found);
        at.push_back(found);
    }
    at.push_back(raw.indexOf(compact(QStringLiteral("GPU memory:")), previous));  // the footnote ends the last row
    for (size_t i = 0; i < c.rows.size(); ++i) {
        const SystemRow& row = c.rows[i];
        if (at[i] < 0 || at[i + 1] < 0)
            continue;
        const QString cells = raw.mid(at[i], at[i + 1] - at[i]);
        if (row.decodeTokensPerS) {
            EXPECT_TRUE(cells.contains(QString::number(*row.decodeTokensPerS, 'f', 1))) << row.name;
        }
        if (row.price) {
            EXPECT_TRUE(cells.contains(QString::fromStdString(formatMoney(*row.price, row.currency)))) << row.name;
        }
        if (row.yearlyEnergyCost) {
            EXPECT_TRUE(cells.contains(QString::fromStdString(formatMoney(*row.yearlyEnergyCost, "USD")))) << row.name;
        }
        EXPECT_TRUE(cells.contains(compact(QString::fromStdString(row.platform)))) << row.name;
    }
    EXPECT_TRUE(has(text, "Your build: Quiet 2x3090 box"));
    EXPECT_TRUE(has(text, "NVIDIA DGX Spark (128 GB, 4 TB)"));
    EXPECT_TRUE(has(text, "Mac Studio (M3 Ultra 80-core, 256 GB)"));

    // The footnote: what the memory column is, the machine prices' currency and month, the energy basis.
    EXPECT_TRUE(has(text, "GPU memory: what the workload may use"));
    EXPECT_TRUE(has(text, "Machine prices are US dollars"));
    EXPECT_TRUE(has(text, "launch price, 2025-03"));
    EXPECT_TRUE(has(text, "6 hours a day and $0.40 per kWh"));
    // Two of the Ryzen AI Max machines fit only with the GPU's share raised: marked and explained.
    EXPECT_TRUE(has(text, "yes*"));
    EXPECT_TRUE(has(text, "* Fits only after raising the share of memory the GPU may use"));
}

TEST(BuildOrBuyReport, OnlyForAnLlmWorkloadAndSaysWhyNot)
{
    QTemporaryDir dir;
    Build image = llmBuild();
    image.workload->kind = WorkloadKind::ImageGeneration;
    image.workload->model = "sdxl";
    QString text = writeAndRead(image, dir.filePath(QStringLiteral("image.pdf")));
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext not available";
    EXPECT_TRUE(has(text, "Build or buy"));
    EXPECT_TRUE(has(text, "The build's workload is Image generation: SDXL 1.0."));
    EXPECT_TRUE(has(text, "compares the build with unified-memory machines on LLM inference")) << text.toStdString();
    EXPECT_FALSE(has(text, "NVIDIA DGX Spark (128"));

    Build none = llmBuild();
    none.workload.reset();
    text = writeAndRead(none, dir.filePath(QStringLiteral("none.pdf")));
    EXPECT_TRUE(has(text, "No workload chosen. Build or buy compares")) << text.toStdString();
    EXPECT_FALSE(has(text, "Mac Studio (M3 Ultra"));
}

// mlrig-cli export --to x.pdf goes through the headless entry point: the same section appears.
TEST(BuildOrBuyReport, TheHeadlessExportHasTheSectionToo)
{
    QTemporaryDir dir;
    const Build build = llmBuild();
    const Evaluation evaluation = evaluate(build, builtInCatalog());
    const std::string path = dir.filePath(QStringLiteral("cli.pdf")).toStdString();
    std::string error;
    ASSERT_TRUE(exportBuildReportPdfHeadless(build, evaluation, builtInCatalog(), path, &error)) << error;
    const QString text = pdfText(QString::fromStdString(path));
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext not available";
    EXPECT_TRUE(has(text, "Build or buy"));
    EXPECT_TRUE(has(text, "Your build: Quiet 2x3090 box"));
    EXPECT_TRUE(has(text, "NVIDIA DGX Spark (128 GB, 4 TB)"));
}
