// Reported (not asserted) timings on the full catalog built in this tree: pick -> repaint,
// search-as-you-type per keystroke, the picker's compatibility precompute. Skipped when the
// catalog has not been built (db/parts.sqlite in the build tree).

#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "ui/session/BuildSession.h"
#include "ui/mainwindow/MainWindow.h"
#include "core/advise/PartFilter.h"
#include "ui/picker/PartFilterProxy.h"
#include "ui/picker/PartPickerDialog.h"

using namespace mlrig;
using namespace mlrig::ui;

namespace {

double medianOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

const AnyPart* firstMatch(const Catalog& c, Category cat, const char* words)
{
    const auto found = c.search(cat, words, 1);
    return found.empty() ? nullptr : found.front();
}

}  // namespace

TEST(PerfReport, FullCatalog)
{
    const QString path = QStringLiteral(MLRIG_BINARY_DIR "/db/parts.sqlite");
    if (!QFileInfo::exists(path))
        GTEST_SKIP() << "catalog not built";
    QElapsedTimer t;
    t.start();
    const Catalog catalog = Catalog::loadFile(path.toStdString());
    const double loadMs = static_cast<double>(t.nsecsElapsed()) / 1e6;

    MainWindow window(catalog);
    window.setInteractive(false);
    window.resize(1560, 980);
    window.show();
    QApplication::processEvents();

    // Build a 2-GPU box, timing each pick to the window fully repainted.
    const struct {
        Category category;
        const char* words;
    } picks[] = {{Category::Cpu, "Ryzen 9 7900X"},      {Category::Motherboard, "X670E"},
                 {Category::Memory, "DDR5 64GB"},        {Category::Gpu, "GeForce RTX 3090"},
                 {Category::Psu, "1600W"},               {Category::Case, "Meshify 2 XL"},
                 {Category::Cooler, "Peerless Assassin"}, {Category::Storage, "990 Pro 2TB"}};
    std::vector<double> pickMs;
    for (const auto& p : picks) {
        const AnyPart* part = firstMatch(catalog, p.category, p.words);
        if (!part)
            continue;
        t.restart();
        window.choosePart(p.category, -1, *part);
        window.repaint();
        pickMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    window.session()->setQuantity(3, 2);
    std::vector<double> limitMs;
    for (int w = 340; w >= 220; w -= 20) {
        t.restart();
        window.session()->setPowerLimit(3, w);
        window.repaint();
        limitMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }

    // Picker over the two largest categories: precompute + per keystroke.
    std::vector<double> keyMs;
    double gpuOpenMs = 0, memOpenMs = 0;
    for (Category category : {Category::Gpu, Category::Memory}) {
        t.restart();
        PartPickerDialog dialog(catalog, category, window.session()->build(), -1, window.session()->options());
        (category == Category::Gpu ? gpuOpenMs : memOpenMs) = static_cast<double>(t.nsecsElapsed()) / 1e6;
        for (bool compatible : {true, false}) {
            dialog.compatibleCheck()->setChecked(compatible);
            dialog.searchField()->clear();
            const QString text = category == Category::Gpu ? QStringLiteral("geforce rtx 4090 oc") : QStringLiteral("corsair ddr5 2 x 32");
            for (QChar ch : text) {
                t.restart();
                QTest::keyClick(dialog.searchField(), ch.toLatin1());
                keyMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
            }
        }
    }

    std::printf("[perf] catalog load %.1f ms (%zu parts)\n", loadMs, catalog.size());
    std::printf("[perf] evaluate() last %.1f us\n", static_cast<double>(window.session()->lastEvaluationNs()) / 1e3);
    std::printf("[perf] pick -> full window repaint: median %.1f ms, max %.1f ms (%zu picks)\n", medianOf(pickMs),
                pickMs.empty() ? 0 : *std::max_element(pickMs.begin(), pickMs.end()), pickMs.size());
    std::printf("[perf] power-limit step -> repaint: median %.1f ms\n", medianOf(limitMs));
    std::printf("[perf] picker open incl. compatibility: GPU %.0f ms (%zu parts), memory %.0f ms (%zu parts)\n", gpuOpenMs,
                catalog.parts(Category::Gpu).size(), memOpenMs, catalog.parts(Category::Memory).size());
    std::printf("[perf] search-as-you-type per keystroke: median %.2f ms, max %.2f ms\n", medianOf(keyMs),
                keyMs.empty() ? 0 : *std::max_element(keyMs.begin(), keyMs.end()));
    RecordProperty("pick_repaint_median_ms", static_cast<int>(medianOf(pickMs) * 1000));
    RecordProperty("keystroke_median_us", static_cast<int>(medianOf(keyMs) * 1000));
}
