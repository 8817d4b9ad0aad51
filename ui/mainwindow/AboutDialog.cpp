#include "ui/mainwindow/AboutDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mlrig::ui {

QString AboutDialog::attributionHtml()
{
    return QStringLiteral(
        "<h3>Parts data</h3>"
        "<p>Contains information from BuildCores OpenDB (https://github.com/buildcores/buildcores-open-db), which is "
        "made available under the ODC Attribution License (https://opendatacommons.org/licenses/by/1-0/).</p>"
        "<h3>Price snapshot</h3>"
        "<p>US prices from the PC Part Dataset (https://github.com/docyx/pc-part-dataset), MIT licence:<br>"
        "Copyright (c) 2021-2025 Doc Oliver</p>"
        "<p>Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
        "associated documentation files (the \"Software\"), to deal in the Software without restriction, including "
        "without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell "
        "copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the "
        "following conditions: The above copyright notice and this permission notice shall be included in all "
        "copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF "
        "ANY KIND.</p>"
        "<h3>GPU market prices</h3>"
        "<p>New and used GPU prices, 2025-03 to 2026-09, each with its month and source: GPU Poet monthly market "
        "reports (gpupoet.com, Scott Willeke), the Silicon Value Index Newegg price pull "
        "(github.com/SiliconValueIndex/siliconvalueindex), Amazon Buy Box history recorded by "
        "United-Compute/gpu-price-tracker, the PC Part Dataset (MIT, above), and dated articles and buying guides "
        "named per row. The figures are facts quoted with attribution; mlrig-cli catalog show GPU lists every "
        "row with its source URL. US dollars, asking prices, not a live feed.</p>"
        "<h3>GPU figures</h3>"
        "<p>Epoch AI, 'Data on Machine Learning Hardware'. Published online at epoch.ai. Retrieved from "
        "'https://epoch.ai/data/machine-learning-hardware' [online resource]. Licensed under CC BY 4.0 "
        "(https://creativecommons.org/licenses/by/4.0/); values were selected per GPU model and converted to "
        "mlrig's units.</p>");
}

AboutDialog::AboutDialog(const QString& catalogInfo, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About mlrig"));
    auto* layout = new QVBoxLayout(this);
    auto* head = new QLabel(this);
    head->setTextFormat(Qt::RichText);
    head->setText(tr("<h2>mlrig %1</h2><p>Plan a local machine-learning workstation: check that the parts fit, "
                     "size the power supply, and see what the GPUs can run and what they cost.</p>"
                     "<p>mlrig is free software under the MIT licence.</p><p>%2</p>")
                      .arg(QStringLiteral(MLRIG_VERSION), catalogInfo.toHtmlEscaped()));
    head->setWordWrap(true);
    layout->addWidget(head);

    auto* tabs = new QTabWidget(this);
    auto* notices = new QTextBrowser(tabs);
    notices->setOpenExternalLinks(false);
    notices->setHtml(attributionHtml());
    tabs->addTab(notices, tr("&Data sources"));
    QFile full(QStringLiteral(":/mlrig/ATTRIBUTION.md"));
    if (full.open(QIODevice::ReadOnly)) {
        auto* md = new QTextBrowser(tabs);
        md->setMarkdown(QString::fromUtf8(full.readAll()));
        tabs->addTab(md, tr("&Full attribution"));
    }
    layout->addWidget(tabs, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 560);
}

}  // namespace mlrig::ui
