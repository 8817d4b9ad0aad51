// The PDF build report: written offscreen, checked as a file and, with poppler's pdftotext, as text.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>

#include "ui/report/BuildReport.h"
#include "tests/support/Catalogs.h"
#include "tests/support/Estimates.h"
#include "tests/support/qt/OffscreenApp.h"
#include "tests/support/qt/PdfText.h"
#include "core/io/ExportLines.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::ioCatalog;
using mlrig::testsupport::pdfText;

namespace {

struct Sample {
    Build build;
    Evaluation evaluation;
};

Sample sample(int extraFindings = 0)
{
    Sample s;
    s.build.name = "Quiet 2x3090 box";
    BuildItem cpu;
    cpu.category = Category::Cpu;
    cpu.ref = "cpu-7950x";
    s.build.items.push_back(cpu);
    BuildItem gpu;
    gpu.category = Category::Gpu;
    gpu.ref = "gpu-3090-zotac";
    gpu.quantity = 2;
    gpu.price = 700;
    s.build.items.push_back(gpu);
    BuildItem box;
    box.category = Category::Case;
    Case c;
    c.info.name = "Phanteks Enthoo Pro 2 Geh\xC3\xA4use";
    box.custom = c;
    s.build.items.push_back(box);
    BuildItem psu;
    psu.category = Category::Psu;
    psu.ref = "psu-rm1000x-2024";
    s.build.items.push_back(psu);

    Evaluation& e = s.evaluation;
    e.cost.lines = {{Category::Cpu, "AMD Ryzen 9 7950X", 1, 449.96, PriceSource::Catalog, 449.96},
                    {Category::Gpu, "Zotac GAMING Trinity GeForce RTX 3090 24GB GDDR6X Black", 2, 700.0, PriceSource::User, 1400.0},
                    {Category::Case, "Phanteks Enthoo Pro 2 Geh\xC3\xA4use", 1, std::nullopt, PriceSource::Unknown, 0},
                    {Category::Psu, "Corsair RM1000x (2024) Black ATX 1000W Fully Modular", 1, 189.99, PriceSource::Catalog, 189.99}};
    e.cost.total = 2039.95;
    e.cost.missingPrices = 1;
    e.findings = {{"missing-part", Severity::Error, "No motherboard chosen yet.", {Category::Motherboard}},
                  {"psu-wattage", Severity::Error, "Transient peaks of 1,380 W exceed the 1000 W supply.", {Category::Psu}},
                  {"gpu-length", Severity::Warning, "Only 4 mm to spare for the second card.", {Category::Gpu}},
                  {"nvlink", Severity::Note, "The pair can share an NVLink bridge.", {Category::Gpu}}};
    for (int i = 0; i < extraFindings; ++i)
        e.findings.push_back({"not-checked", Severity::Note,
                              "Filler finding number " + std::to_string(i) + " that makes the report run over several pages "
                              "so page breaks and page numbers are exercised as well.", {Category::Gpu}});
    e.power.sustainedW = 910;
    e.power.peakW = 1380;
    e.power.recommendedPsuW = 1300;
    e.power.psuW = 1000;
    e.workload = testsupport::llama70bOnTwo24GbCards();
    GpuValue v;
    v.name = "GeForce RTX 3090";
    v.price = 700;
    v.tflopsPerDollar = 71.0 / 700;
    v.vramGbPerDollar = 24.0 / 700;
    e.value.gpus.push_back(v);
    return s;
}

QByteArray head(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(5) : QByteArray();
}

}  // namespace

TEST(ReportPdf, WritesAPdfWithEveryPartTotalAndError)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Sample s = sample();
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    ReportOptions options;
    options.date = QDateTime(QDate(2025, 7, 14), QTime(10, 30));
    QString error;
    ASSERT_TRUE(writeBuildReportPdf(s.build, s.evaluation, ioCatalog(), path, &error, options)) << error.toStdString();
    EXPECT_EQ(head(path), QByteArray("%PDF-"));

    const QString text = pdfText(path);
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) not available";
    // Names may wrap inside their table cell: compare with whitespace folded.
    const QString folded = text.simplified();
    for (const CostLine& line : s.evaluation.cost.lines)
        EXPECT_TRUE(folded.contains(QString::fromStdString(line.name))) << line.name;
    EXPECT_TRUE(folded.contains(QString::fromStdString(formatMoney(s.evaluation.cost.total, "USD"))));
    for (const Finding& f : s.evaluation.findings) {
        if (f.severity == Severity::Error) {
            EXPECT_TRUE(folded.contains(QString::fromStdString(f.message))) << f.message;
        }
    }
    EXPECT_TRUE(folded.contains(QStringLiteral("14 July 2025")));
    EXPECT_TRUE(folded.contains(QStringLiteral("Page 1 of 2")));
    EXPECT_TRUE(folded.contains(QStringLiteral("1,380 W")));
    EXPECT_TRUE(folded.contains(QStringLiteral("Llama 3.1 70B")));
    EXPECT_TRUE(folded.contains(QStringLiteral("Performance per dollar")));
}

TEST(ReportPdf, FindingsReadAsMessagesWithoutRuleIdsAndCountsArePlural)
{
    // Rule ids are for scripts (mlrig-cli's JSON); a reader sees the message alone. One line
    // without a price is "1 line has", not "1 line(s) have".
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Sample s = sample();
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    QString error;
    ASSERT_TRUE(writeBuildReportPdf(s.build, s.evaluation, ioCatalog(), path, &error)) << error.toStdString();
    const QString text = pdfText(path);
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext not available";
    const QString folded = text.simplified();
    for (const Finding& f : s.evaluation.findings) {
        EXPECT_TRUE(folded.contains(QString::fromStdString(f.message))) << f.message;
        EXPECT_FALSE(folded.contains(QString::fromStdString(f.rule))) << f.rule;
    }
    EXPECT_TRUE(folded.contains(QStringLiteral("1 line has no price and is not in the total."))) << folded.toStdString();
    EXPECT_FALSE(folded.contains(QStringLiteral("(s)")));
}

TEST(ReportPdf, WholeBuildFiguresAreThoseOfTheWholeBuild)
{
    QTemporaryDir dir;
    Sample s = sample();
    // Two 3090s at $700 and a $2,040 build: per $1,000 of GPU price 101.4 TFLOPS, of the whole
    // build 69.6. The report used to print the GPU-only figure under the whole-build label.
    s.evaluation.value.gpusTflopsPerDollar = 142.0 / 1400;
    s.evaluation.value.gpusVramGbPerDollar = 48.0 / 1400;
    s.evaluation.value.wholeBuildTflopsPerDollar = 142.0 / 2040;
    s.evaluation.value.wholeBuildVramGbPerDollar = 48.0 / 2040;
    const QString path = dir.filePath(QStringLiteral("value.pdf"));
    QString error;
    ASSERT_TRUE(writeBuildReportPdf(s.build, s.evaluation, ioCatalog(), path, &error)) << error.toStdString();
    const QString text = pdfText(path);
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext not available";
    const QString folded = text.simplified();
    EXPECT_TRUE(folded.contains(QStringLiteral("of the whole build: 69.6 FP16 TFLOPS, 23.5 GB VRAM"))) << folded.toStdString();
    EXPECT_FALSE(folded.contains(QStringLiteral("101.4 FP16 TFLOPS")));
    // One chart per unit: each metric has its own title and axis.
    EXPECT_TRUE(folded.contains(QStringLiteral("FP16 tensor TFLOPS")));
    EXPECT_TRUE(folded.contains(QStringLiteral("GB of VRAM")));
    EXPECT_EQ(folded.count(QStringLiteral("of GPU price")), 3) << "one title per chart, plus the caption";
}

TEST(ReportPdf, LongReportsBreakPagesAndNumberThem)
{
    QTemporaryDir dir;
    const Sample s = sample(40);
    const QString path = dir.filePath(QStringLiteral("long.pdf"));
    ReportOptions options;
    options.pageSize = QPageSize::Letter;
    QString error;
    ASSERT_TRUE(writeBuildReportPdf(s.build, s.evaluation, ioCatalog(), path, &error, options)) << error.toStdString();
    const QString text = pdfText(path);
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext not available";
    const int pages = static_cast<int>(text.count(QChar(u'\f')));
    ASSERT_GE(pages, 3);
    EXPECT_TRUE(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
    EXPECT_TRUE(text.simplified().contains(QStringLiteral("Filler finding number 39")));
}

TEST(ReportPdf, UnwritablePathGivesAnError)
{
    const Sample s = sample();
    QString error;
    EXPECT_FALSE(
        writeBuildReportPdf(s.build, s.evaluation, ioCatalog(), QStringLiteral("/nonexistent-dir/r.pdf"), &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("cannot save /nonexistent-dir/r.pdf"))) << error.toStdString();
}

int main(int argc, char** argv)
{
    mlrig::testsupport::preferOffscreenPlatform();
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
