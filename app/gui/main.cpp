// mlrig: the desktop app. Opens the catalog (installed file, else the embedded image), shows
// the main window and, with the hidden --screenshot DIR option, renders documentation
// screenshots offscreen and exits.

#include <QApplication>
#include <QPlainTextEdit>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QLocale>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <optional>

#include "ui/common/AppPaths.h"
#include "ui/common/Translations.h"
#include "ui/session/BuildSession.h"
#include "ui/wizard/BuildWizard.h"
#include "ui/compare/GpuComparisonDialog.h"
#include "db/embedded/EmbeddedCatalog.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/importer/ImportDialog.h"
#include "ui/picker/PartPickerDialog.h"
#include "ui/panels/PowerPanel.h"
#include "ui/panels/ValueChartPanel.h"
#include "core/model/Build.h"
#include "core/catalog/CatalogStore.h"

using namespace mlrig;

namespace {

// A realistic two-GPU LLM box for the documentation screenshots.
Build screenshotBuild(const Catalog& catalog)
{
    Build build;
    build.name = "2x3090 LLM box";
    // Parts are looked up by words, so the build survives catalog name changes; a priced
    // match is preferred.
    const auto add = [&](Category category, const std::string& words, int quantity = 1,
                         std::optional<double> price = {}, std::optional<double> limit = {}) {
        auto found = catalog.search(category, words);
        if (const AnyPart* exact = catalog.find(category, words))
            found.insert(found.begin(), exact);
        if (found.empty()) {
            std::fprintf(stderr, "screenshot build: no %s matches \"%s\"\n",
                         std::string(categoryId(category)).c_str(), words.c_str());
            return;
        }
        const AnyPart* part = found.front();
        for (const AnyPart* p : found) {
            if (part == found.front() && infoOf(*part).priceUsd)
                break;
            if (infoOf(*p).priceUsd) {
                part = p;
                break;
            }
        }
        BuildItem item;
        item.category = category;
        item.ref = infoOf(*part).id;
        item.quantity = quantity;
        item.price = price;
        item.powerLimitW = limit;
        if (price)
            item.condition = Condition::Used;
        build.items.push_back(item);
    };
    add(Category::Cpu, "Ryzen 9 7900X");
    add(Category::Motherboard, "X670E ProArt-CREATOR");
    add(Category::Memory, "Vengeance 64GB 2 x 32GB DDR5-6000");
    add(Category::Gpu, "GeForce RTX 3090", 2, 700.0, 280.0);
    add(Category::Psu, "RM1200x SHIFT");
    add(Category::Case, "Meshify 2 XL");
    add(Category::Cooler, "Peerless Assassin 120 SE");
    add(Category::Storage, "Samsung 990 Pro 2TB");
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = "llama-3.1-70b";
    w.quant = "q4_k_m";
    w.context = 8192;
    build.workload = w;
    return build;
}

int renderScreenshots(ui::MainWindow& window, const Catalog& catalog, const QString& dir)
{
    QDir().mkpath(dir);
    int failures = 0;
    const auto save = [&](QWidget* w, const QString& name) {
        const QString path = QDir(dir).filePath(name);
        if (!w->grab().save(path)) {
            std::fprintf(stderr, "could not write %s\n", qPrintable(path));
            ++failures;
        }
    };
    window.setInteractive(false);
    window.resize(1560, 980);
    window.show();
    QApplication::processEvents();
    save(&window, QStringLiteral("empty-build.png"));

    window.session()->reset(screenshotBuild(catalog));
    QApplication::processEvents();
    save(&window, QStringLiteral("main-window.png"));

    // A 1366x768 laptop: what is left of the screen after a 48-pixel task bar and the title bar.
    window.resize(1366, 768 - 48 - 32);
    QApplication::processEvents();
    save(&window, QStringLiteral("main-window-1366x768.png"));
    // Dark mode: the desktop's dark palette, which every panel and chart follows.
    {
        const QPalette light = QApplication::palette();
        QPalette dark(QColor(0x3c, 0x3f, 0x41), QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Mid, QColor(0x5a, 0x5a, 0x5a));
        dark.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        QApplication::setPalette(dark);
        window.resize(1560, 980);
        QApplication::processEvents();
        save(&window, QStringLiteral("main-window-dark.png"));
        QApplication::setPalette(light);
    }
    window.resize(1560, 980);
    QApplication::processEvents();

    {
        int gpuItem = -1;
        for (size_t i = 0; i < window.session()->build().items.size(); ++i)
            if (window.session()->build().items[i].category == Category::Gpu)
                gpuItem = static_cast<int>(i);
        ui::PartPickerDialog picker(catalog, Category::Gpu, window.session()->build(), gpuItem, window.session()->options(),
                                    &window);
        picker.searchField()->setText(QStringLiteral("rtx 3090"));
        picker.resize(1100, 600);
        picker.show();
        QApplication::processEvents();
        save(&picker, QStringLiteral("picker.png"));
    }
    window.valuePanel()->resize(1100, 460);
    QApplication::processEvents();
    save(window.valuePanel(), QStringLiteral("charts.png"));
    save(window.powerPanel(), QStringLiteral("power.png"));

    // The build wizard, one picture per step: a 70B model on two GPUs within $4,000.
    {
        ui::BuildWizard* wizard = window.createBuildWizard();
        BuildGoal goal = wizard->goal();
        goal.workload.kind = WorkloadKind::LlmInference;
        goal.workload.model = "llama-3.1-70b";
        goal.budget = 4000;
        goal.gpuCount = 2;
        wizard->setGoal(goal);
        wizard->resize(1100, 760);
        wizard->show();
        const char* names[] = {"wizard-1-workload.png", "wizard-2-budget.png", "wizard-3-gpu.png",
                               "wizard-4-platform.png", "wizard-5-rest.png", "wizard-6-review.png"};
        for (const char* name : names) {
            QApplication::processEvents();
            save(wizard, QString::fromLatin1(name));
            wizard->next();
        }
        wizard->discard();
    }
    // GPU comparison of the build's 3090 against a 4090 and a 4060 Ti 16GB.
    {
        ui::GpuComparisonDialog* dialog = window.openGpuComparison();
        dialog->setGpu(1, QStringLiteral("GeForce RTX 4090"));
        dialog->setGpu(2, QStringLiteral("GeForce RTX 4060 Ti 16GB"));
        dialog->resize(1400, 820);
        QApplication::processEvents();
        save(dialog, QStringLiteral("comparison.png"));
        QString error;
        if (!dialog->exportPdf(QDir(dir).filePath(QStringLiteral("comparison.pdf")), &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            ++failures;
        }
        dialog->close();
    }
    // File > Import PCPartPicker List with a European two-GPU list (tests/data/import/
    // pcpp-two-gpu-eur.txt): close matches, one case the catalog lacks, a repeated GPU line.
    {
        ui::ImportDialog* dialog = window.createImportDialog();
        dialog->textBox()->setPlainText(QStringLiteral(
            "PCPartPicker Part List: https://de.pcpartpicker.com/list/Qw3rTz\n\n"
            "CPU: AMD Ryzen 9 7950X 4.5 GHz 16-Core Processor  (€ 529,00 @ Mindfactory)\n"
            "CPU Cooler: Noctua NH-D15 chromax.black 82.52 CFM CPU Cooler  (Purchased For € 99,90)\n"
            "Motherboard: Asus ProArt X670E-CREATOR WIFI ATX AM5 Motherboard  (€ 449,90 @ Alternate)\n"
            "Memory: Corsair Vengeance RGB 64 GB (2 x 32 GB) DDR5-6000 CL30 Memory  (€ 219,90 @ Caseking)\n"
            "Video Card: Zotac GAMING Trinity GeForce RTX 3090 24 GB Video Card  (€ 749,00 @ eBay)\n"
            "Video Card: Zotac GAMING Trinity GeForce RTX 3090 24 GB Video Card  (€ 749,00 @ eBay)\n"
            "Case: Phanteks Enthoo Pro 2 Server Edition „Big Tower“ Gehäuse – Schwarz\n"
            "Power Supply: be quiet! Dark Power Pro 13 1600 W 80+ Titanium Certified Fully Modular ATX Power "
            "Supply  (€ 1.049,00 @ Alternate)\n"
            "Total: € 3.845,70\n"));
        if (!dialog->readText()) {
            std::fprintf(stderr, "import screenshot: %s\n", qPrintable(dialog->problem()));
            ++failures;
        }
        dialog->resize(1200, 640);
        dialog->show();
        QApplication::processEvents();
        save(dialog, QStringLiteral("import.png"));
        dialog->reject();
    }
    // The workload panel for a QLoRA fine-tune and for image generation on the same build.
    {
        Workload tune;
        tune.kind = WorkloadKind::LlmFineTune;
        tune.model = "llama-3.1-8b";
        tune.method = FineTuneMethod::Qlora;
        tune.context = 512;
        tune.batch = 4;
        window.session()->setWorkload(tune, -1);
        QApplication::processEvents();
        save(&window, QStringLiteral("workload-finetune.png"));
        Workload image;
        image.kind = WorkloadKind::ImageGeneration;
        image.model = "sdxl";
        window.session()->setWorkload(image, -1);
        QApplication::processEvents();
        save(&window, QStringLiteral("workload-image.png"));
    }
    // The main window in German, as a German desktop shows it (language and number formats).
    {
        const QLocale locale;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        ui::installTranslations(*QApplication::instance(), QStringLiteral("de"));
        ui::MainWindow german(catalog);
        german.setInteractive(false);
        german.session()->reset(screenshotBuild(catalog));
        german.resize(1560, 980);
        german.show();
        QApplication::processEvents();
        save(&german, QStringLiteral("main-window-de.png"));
        ui::installTranslations(*QApplication::instance());
        QLocale::setDefault(locale);
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer startup;
    startup.start();
    timespec cpuAtStart{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuAtStart);
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(mlrig);
    QApplication::setApplicationName(QStringLiteral("mlrig"));
    QApplication::setOrganizationName(QStringLiteral("mlrig"));
    QApplication::setApplicationVersion(QStringLiteral(MLRIG_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/mlrig/icons/mlrig.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral(MLRIG_APP_ID));
    ui::installTranslations(app);  // "1 error", "2 errors"

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plan a local machine-learning workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption catalogOption(QStringLiteral("catalog"), QStringLiteral("Use the parts catalog at PATH."),
                                     QStringLiteral("PATH"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QStringLiteral("Render screenshots to DIR."),
                                        QStringLiteral("DIR"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption timingOption(QStringLiteral("timing"), QStringLiteral("Print startup timing."));
    timingOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(catalogOption);
    parser.addOption(screenshotOption);
    parser.addOption(timingOption);
    parser.addPositionalArgument(QStringLiteral("build"), QStringLiteral("A .mlrig file to open."), QStringLiteral("[build]"));
    parser.process(app);

    OpenedCatalog opened;
    try {
        if (parser.isSet(catalogOption)) {
            const QString path = parser.value(catalogOption);
            try {
                // The user's own file is never moved: damage found later falls back to the
                // built-in parts for this run and is reported.
                CatalogRecovery recovery;
                recovery.staticFallbackImage = embeddedCatalogImage();
                opened.catalog = Catalog::loadFileGpusFirst(path.toStdString(), std::move(recovery));
                opened.path = path.toStdString();
            } catch (const CatalogError& e) {
                opened.catalog = Catalog::loadStaticBytesGpusFirst(embeddedCatalogImage());
                opened.notice = QObject::tr("The catalog %1 could not be read (%2); using the built-in catalog instead.")
                                    .arg(path, QString::fromUtf8(e.what()))
                                    .toStdString();
            }
        } else {
            const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            QDir().mkpath(dir);
            // GPU models first, the parts on a background thread: the first window needs only the
            // models (an empty build's charts), and reading all 26,000 parts took 170 of the
            // 195 ms to it.
            opened = openCatalog((dir + QStringLiteral("/parts.sqlite")).toStdString(), embeddedCatalogImage(),
                                 CatalogLoading::GpusFirst);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "mlrig: no usable parts catalog: %s\n", e.what());
        return 2;
    }
    const qint64 catalogMs = startup.elapsed();

    ui::MainWindow window(opened.catalog);
    const auto stats = opened.catalog.stats();
    window.setCatalogInfo(QObject::tr("Catalog: %1 parts, %2 GPU models%3. Prices: GPU market prices to %4 (%5 "
                                      "dated, sourced figures), retail snapshot %6, launch MSRPs only where neither "
                                      "is known.")
                              .arg(opened.catalog.size())
                              .arg(stats.gpuModels)
                              .arg(opened.path.empty() ? QObject::tr(" (built-in)")
                                                       : QStringLiteral(" (%1)").arg(QString::fromStdString(opened.path.string())))
                              .arg(stats.marketPriceMonth.empty() ? QObject::tr("(none)")
                                                                  : QString::fromStdString(stats.marketPriceMonth))
                              .arg(stats.marketPriceRows)
                              .arg(stats.retailPriceMonth.empty() ? QObject::tr("(undated)")
                                                                  : QString::fromStdString(stats.retailPriceMonth)));

    if (parser.isSet(screenshotOption))
        return renderScreenshots(window, opened.catalog, parser.value(screenshotOption));

    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    window.show();
    window.showNotice(QString::fromStdString(opened.notice));
    // Your prices and custom parts (a damaged file is moved aside and reported), then an unsaved
    // build left by a session that did not end cleanly is offered for restore.
    window.openUserData(QDir(ui::appDataDir()).filePath(QStringLiteral("user.sqlite")));
    QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    if (parser.isSet(timingOption)) {
        QTimer::singleShot(0, &window, [&] {
            // The main thread's own CPU time since main() beside the wall clock: on a busy
            // machine the wall clock also counts waiting for a core.
            timespec cpu{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
            const long long cpuMs = (cpu.tv_sec - cpuAtStart.tv_sec) * 1000 + (cpu.tv_nsec - cpuAtStart.tv_nsec) / 1000000;
            std::fprintf(stderr, "catalog opened: %lld ms, first window shown: %lld ms (main thread CPU %lld ms)\n",
                         static_cast<long long>(catalogMs), static_cast<long long>(startup.elapsed()), cpuMs);
            if (qEnvironmentVariableIsSet("MLRIG_EXIT_AFTER_START"))
                QApplication::quit();
        });
    }
    // The rest of the catalog is read once the first window is up (started after the timing
    // report below, so the two do not compete); damage found on the way is reported once.
    QTimer::singleShot(0, &window, [&] { opened.catalog.readRestInBackground(); });
    auto* catalogWatch = new QTimer(&window);
    catalogWatch->setInterval(25);
    QObject::connect(catalogWatch, &QTimer::timeout, &window, [&, catalogWatch] {
        if (!opened.catalog.loadedCompletely())
            return;
        catalogWatch->stop();
        if (parser.isSet(timingOption))
            std::fprintf(stderr, "whole catalog in memory: %lld ms\n", static_cast<long long>(startup.elapsed()));
        if (const std::string notice = opened.catalog.completionNotice(); !notice.empty())
            window.showNotice(QString::fromStdString(notice));
    });
    catalogWatch->start();
    return QApplication::exec();
}
