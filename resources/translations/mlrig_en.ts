<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only: the source texts are English, but tr("%n error(s)", nullptr, n)
     needs a translation to say "1 error" and "2 errors" (Qt Linguist manual, "Handling Plurals").
     Compiled by lrelease into the resources (ui/CMakeLists.txt) and loaded before any other
     translation (ui/common/Translations). A new tr() with %n needs its entry here:
     `lupdate -pluralonly ui app/gui -ts /tmp/p.ts` lists them, but lupdate 6.4 does not read
     "namespace mlrig::ui {", so copy the entry with its context qualified as mlrig::ui::Class
     (the class name tr() uses at run time). -->
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
</TS>