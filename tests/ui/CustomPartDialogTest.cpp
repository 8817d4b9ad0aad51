// The "Custom part…" dialog builds its inputs from core's custom-part field table, so it offers
// what a .mlrig file may say: GPU cooling "water" and VRAM up to 4096 GB, which it once lacked.
// Set MLRIG_UI_SHOT_DIR to a folder to get a PNG of the GPU dialog.

#include <gtest/gtest.h>

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QTest>

#include "ui/picker/CustomPartDialog.h"
#include "core/io/BuildDocument.h"
#include "core/model/CustomPartFields.h"

using namespace mlrig;
using namespace mlrig::ui;

namespace {

template <typename W>
W* inputNamed(QWidget* dialog, const QString& accessibleName)
{
    for (W* w : dialog->findChildren<W*>())
        if (w->accessibleName() == accessibleName)
            return w;
    return nullptr;
}

// Types into a spin box the way a person does: select what is there, type, leave.
void typeInto(QDoubleSpinBox* spin, const QString& text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
    spin->interpretText();
}

}  // namespace

TEST(CustomPartDialog, GpuOffersWaterCoolingAndVramUpTo4096)
{
    CustomPartDialog dialog(Category::Gpu);
    dialog.show();
    QLineEdit* name = inputNamed<QLineEdit>(&dialog, QStringLiteral("Name"));
    ASSERT_NE(name, nullptr);
    QTest::keyClicks(name, QStringLiteral("My water-cooled card"));

    QComboBox* cooling = inputNamed<QComboBox>(&dialog, QStringLiteral("Cooling"));
    ASSERT_NE(cooling, nullptr);
    const int water = cooling->findData(QStringLiteral("water"));
    ASSERT_GE(water, 0) << "no water cooling on offer";
    cooling->setCurrentIndex(water);

    QDoubleSpinBox* vram = inputNamed<QDoubleSpinBox>(&dialog, QStringLiteral("VRAM (GB)"));
    ASSERT_NE(vram, nullptr);
    typeInto(vram, QStringLiteral("4096"));
    EXPECT_EQ(vram->value(), 4096);

    if (const QString dir = qEnvironmentVariable("MLRIG_UI_SHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        dialog.grab().save(QDir(dir).filePath(QStringLiteral("custom-gpu-dialog.png")));
    }

    const AnyPart part = dialog.part();
    const Gpu& gpu = std::get<Gpu>(part);
    EXPECT_EQ(gpu.info.name, "My water-cooled card");
    EXPECT_EQ(gpu.cooling, Cooling::Water);
    EXPECT_EQ(gpu.vramGb, 4096.0);
    // What the dialog makes, a .mlrig file can hold.
    EXPECT_EQ(parseCustomPart(Category::Gpu, serializeCustomPart(part)), part);
}

TEST(CustomPartDialog, OneInputPerTableFieldAllUnknownAtFirst)
{
    for (Category category : kAllCategories) {
        SCOPED_TRACE(std::string(categoryId(category)));
        CustomPartDialog dialog(category);
        for (const CustomPartField& field : customPartFields(category)) {
            const QString label = QString::fromUtf8(field.label.data(), static_cast<qsizetype>(field.label.size()));
            EXPECT_NE(inputNamed<QWidget>(&dialog, label), nullptr) << field.key;
        }
        const AnyPart part = dialog.part();
        for (const CustomPartField& field : customPartFields(category))
            EXPECT_TRUE(std::holds_alternative<std::monostate>(field.get(part))) << field.key;
    }
}
