// Issue 18, fast start: the main window's first paint needs only what a GpusFirst load reads
// before it returns (GPU models, prices, counts). If anything on the way to the first window
// asked for a CPU, a board or a GPU card, the catalog would read all 26,000 parts first and the
// start-up budget (BM_AppStartupFirstWindow) would be lost; this test says where.

#include <gtest/gtest.h>

#include <QApplication>
#include <QStatusBar>

#include "db/embedded/EmbeddedCatalog.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/panels/ValueChartPanel.h"
#include "ui/session/BuildSession.h"

using namespace mlrig;
using namespace mlrig::ui;

TEST(FastStart, TheFirstWindowIsShownBeforeThePartsAreRead)
{
    const Catalog catalog = Catalog::loadStaticBytesGpusFirst(embeddedCatalogImage());
    ASSERT_FALSE(catalog.loadedCompletely());
    {
        MainWindow window(catalog);
        window.resize(1366, 688);
        window.show();
        QApplication::processEvents();
        const QImage firstPaint = window.grab().toImage();
        EXPECT_FALSE(firstPaint.isNull());
        EXPECT_FALSE(catalog.loadedCompletely()) << "something on the way to the first window waited for the parts";
        // The charts of the empty build are there: every GPU model at its price.
        EXPECT_FALSE(catalog.gpuModelParts().empty());

        // Once the parts are in, the window works on them as on a whole catalog.
        catalog.readRestInBackground();
        EXPECT_EQ(catalog.completionNotice(), "");
        EXPECT_TRUE(catalog.loadedCompletely());
        EXPECT_GT(catalog.parts(Category::Memory).size(), 1000u);
        const AnyPart* card = catalog.find(Category::Gpu, "GeForce RTX 3090");
        ASSERT_NE(card, nullptr);
        window.choosePart(Category::Gpu, -1, *card);
        QApplication::processEvents();
        EXPECT_EQ(window.session()->build().items.size(), 1u);
    }
}
