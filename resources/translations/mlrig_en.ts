<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mlrig::ui::BuildTableModel</name>
    <message numerus="yes">
        <source>%n part(s) without a price</source>
        <translation>
            <numerusform>%n part without a price</numerusform>
            <numerusform>%n parts without a price</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) priced in another currency, not in the total</source>
        <translation>
            <numerusform>%n part priced in another currency, not in the total</numerusform>
            <numerusform>%n parts priced in another currency, not in the total</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlrig::ui::FindingsPanel</name>
    <message numerus="yes">
        <source>, %n note(s)</source>
        <translation>
            <numerusform>, %n note</numerusform>
            <numerusform>, %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlrig::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlrig::ui::PowerPanel</name>
    <message numerus="yes">
        <source>%n figure(s) estimated: a part gave no power rating.</source>
        <translation>
            <numerusform>%n figure estimated: a part gave no power rating.</numerusform>
            <numerusform>%n figures estimated: some parts gave no power rating.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlrig::ui::ValueChartPanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;Your build&lt;/b&gt;&lt;br&gt;%n GPU(s) for %1&lt;br&gt;%2 %3</source>
        <translation>
            <numerusform>&lt;b&gt;Your build&lt;/b&gt;&lt;br&gt;%n GPU for %1&lt;br&gt;%2 %3</numerusform>
            <numerusform>&lt;b&gt;Your build&lt;/b&gt;&lt;br&gt;%n GPUs for %1&lt;br&gt;%2 %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GPU model(s) at their new market price (dated), else launch MSRP.</source>
        <translation>
            <numerusform>%n GPU model at its new market price (dated), else launch MSRP.</numerusform>
            <numerusform>%n GPU models at their new market price (dated), else launch MSRP.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more cannot run the workload on one card and are left out.</source>
        <translation>
            <numerusform>%n more cannot run the workload on one card and is left out.</numerusform>
            <numerusform>%n more cannot run the workload on one card and are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlrig::ui::WizardGpuPage</name>
    <message numerus="yes">
        <source>Ranked by %1 for %n GPU(s). Recommended options come first; cards that do not fit or need more budget follow, so you can see what you would get for more.</source>
        <translation>
            <numerusform>Ranked by %1 for %n GPU. Recommended options come first; cards that do not fit or need more budget follow, so you can see what you would get for more.</numerusform>
            <numerusform>Ranked by %1 for %n GPUs. Recommended options come first; cards that do not fit or need more budget follow, so you can see what you would get for more.</numerusform>
        </translation>
    </message>
</context>
</TS>
