<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>Errors (%1)</source>
        <translation>Fehler (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Hinweise (%1)</translation>
    </message>
    <message>
        <source>an untitled build</source>
        <translation>einem unbenannten Build</translation>
    </message>
    <message>
        <source>Restore unsaved build?</source>
        <translation>Nicht gespeicherten Build wiederherstellen?</translation>
    </message>
    <message>
        <source>mlrig did not close normally last time. Unsaved changes to %1%2 were kept automatically on %3.</source>
        <translation>mlrig wurde beim letzten Mal nicht normal beendet. Nicht gespeicherte Änderungen an %1%2 wurden am %3 automatisch gesichert.</translation>
    </message>
    <message>
        <source>Restore opens them as an unsaved build. Discard deletes the automatic copy.</source>
        <translation>„Wiederherstellen“ öffnet sie als nicht gespeicherten Build. „Verwerfen“ löscht die automatische Kopie.</translation>
    </message>
    <message>
        <source>The automatic copy names its file only as “%1”, without a folder, so Restore opens it as an untitled build; use Save As to choose where it goes. Discard deletes the automatic copy.</source>
        <translation>Die automatische Kopie nennt ihre Datei nur „%1“, ohne Ordner; „Wiederherstellen“ öffnet sie daher als unbenannten Build. Wählen Sie mit „Speichern unter“, wohin er gespeichert wird. „Verwerfen“ löscht die automatische Kopie.</translation>
    </message>
    <message>
        <source>Restore opens them as unsaved changes to %1 if that is still the same file (otherwise as an untitled build); the file itself was not changed. Discard deletes the automatic copy.</source>
        <translation>„Wiederherstellen“ öffnet sie als nicht gespeicherte Änderungen an %1, sofern es noch dieselbe Datei ist (sonst als unbenannten Build); die Datei selbst wurde nicht verändert. „Verwerfen“ löscht die automatische Kopie.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Not Now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>old datacentre card</source>
        <translation>alte Rechenzentrumskarte</translation>
    </message>
    <message>
        <source>workstation card</source>
        <translation>Workstation-Karte</translation>
    </message>
    <message>
        <source>not NVIDIA (CUDA)</source>
        <translation>nicht NVIDIA (CUDA)</translation>
    </message>
    <message>
        <source>The catalog %1 could not be read (%2); using the built-in catalog instead.</source>
        <translation>Der Katalog %1 konnte nicht gelesen werden (%2); stattdessen wird der eingebaute Katalog verwendet.</translation>
    </message>
    <message>
        <source>Catalog: %1 parts, %2 GPU models%3. Prices: GPU market prices to %4 (%5 dated, sourced figures), retail snapshot %6, launch MSRPs only where neither is known.</source>
        <translation>Katalog: %1 Teile, %2 GPU-Modelle%3. Preise: GPU-Marktpreise bis %4 (%5 datierte Angaben mit Quelle), Handelspreise vom %6, Einführungspreise (UVP) nur, wo beides fehlt.</translation>
    </message>
    <message>
        <source> (built-in)</source>
        <translation> (eingebaut)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(undated)</source>
        <translation>(undatiert)</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::AboutDialog</name>
    <message>
        <source>About mlrig</source>
        <translation>Über mlrig</translation>
    </message>
    <message>
        <source>&lt;h2&gt;mlrig %1&lt;/h2&gt;&lt;p&gt;Plan a local machine-learning workstation: check that the parts fit, size the power supply, and see what the GPUs can run and what they cost.&lt;/p&gt;&lt;p&gt;mlrig is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h2&gt;mlrig %1&lt;/h2&gt;&lt;p&gt;Planen Sie eine lokale Workstation für maschinelles Lernen: Prüfen Sie, ob die Teile zusammenpassen, dimensionieren Sie das Netzteil und sehen Sie, was die GPUs ausführen können und was sie kosten.&lt;/p&gt;&lt;p&gt;mlrig ist freie Software unter der MIT-Lizenz.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Data sources</source>
        <translation>&amp;Datenquellen</translation>
    </message>
    <message>
        <source>&amp;Full attribution</source>
        <translation>&amp;Vollständige Quellenangaben</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::AutosaveManager</name>
    <message>
        <source>The autosave folder %1 cannot be locked for this window, so another mlrig window could take this window&apos;s autosave for a crash.</source>
        <translation>Der Autosave-Ordner %1 kann für dieses Fenster nicht gesperrt werden; ein anderes mlrig-Fenster könnte daher die automatische Sicherung dieses Fensters für die eines Absturzes halten.</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::BuildFileLock</name>
    <message>
        <source>%1 is in the way and is not a lock file</source>
        <translation>%1 ist im Weg und ist keine Sperrdatei</translation>
    </message>
    <message>
        <source>the folder %1 does not allow mlrig to create %2 there</source>
        <translation>der Ordner %1 erlaubt mlrig nicht, dort %2 anzulegen</translation>
    </message>
    <message>
        <source>%1 could not be created</source>
        <translation>%1 konnte nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::BuildOrBuyDialog</name>
    <message>
        <source>Build or Buy</source>
        <translation>Selbst bauen oder kaufen</translation>
    </message>
    <message>
        <source>&lt;b&gt;No workload yet.&lt;/b&gt; The table lists every machine; choose a workload in the Workload panel to see which of them run it, and how fast.</source>
        <translation>&lt;b&gt;Noch kein Einsatzzweck.&lt;/b&gt; Die Tabelle zeigt alle Rechner; wählen Sie im Bereich „Einsatzzweck“ einen aus, um zu sehen, welche ihn ausführen und wie schnell.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: your build beside machines whose GPU shares one large memory pool. Ranked by what runs the workload, then %2, then price.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: Ihr Build neben Rechnern, deren GPU einen großen gemeinsamen Speicher nutzt. Sortiert danach, was den Einsatzzweck ausführt, dann nach %2, dann nach Preis.</translation>
    </message>
    <message>
        <source>Only machines within my budget:</source>
        <translation>Nur Rechner innerhalb meines Budgets:</translation>
    </message>
    <message>
        <source>GPU memory: what the GPU may use of a machine&apos;s unified memory once its share is raised as the notes say (macOS, Linux), or the build&apos;s VRAM. Machine prices are US dollars with the month they were seen; power is measured under an LLM load where a source measured it, otherwise the machine&apos;s maximum rating.</source>
        <translation>GPU-Speicher: wie viel des gemeinsamen Speichers eines Rechners die GPU nutzen darf, wenn ihr Anteil wie in den Hinweisen beschrieben erhöht wird (macOS, Linux), bzw. der VRAM des Builds. Rechnerpreise sind US-Dollar mit dem Monat, in dem sie gesehen wurden; der Stromverbrauch ist unter LLM-Last gemessen, wo eine Quelle ihn gemessen hat, sonst die Maximalangabe des Rechners.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export Build or Buy as CSV</source>
        <translation>„Selbst bauen oder kaufen“ als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>Preis unbekannt</translation>
    </message>
    <message>
        <source>%1 GB for the GPU</source>
        <translation>%1 GB für die GPU</translation>
    </message>
    <message>
        <source>%1 W under load</source>
        <translation>%1 W unter Last</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Your build</source>
        <translation>Ihr Build</translation>
    </message>
    <message>
        <source>Price (US$)</source>
        <translation>Preis (US$)</translation>
    </message>
    <message>
        <source>Choose a workload to chart price against speed</source>
        <translation>Wählen Sie einen Einsatzzweck, um Preis gegen Geschwindigkeit aufzutragen</translation>
    </message>
    <message>
        <source>Nothing here runs the workload</source>
        <translation>Nichts hier führt den Einsatzzweck aus</translation>
    </message>
    <message>
        <source>Price against %1 (machines and builds that run the workload)</source>
        <translation>Preis gegen %1 (Rechner und Builds, die den Einsatzzweck ausführen)</translation>
    </message>
    <message>
        <source>No machine within this budget.</source>
        <translation>Kein Rechner innerhalb dieses Budgets.</translation>
    </message>
    <message>
        <source>Does not run it: %1</source>
        <translation>Führt ihn nicht aus: %1</translation>
    </message>
    <message>
        <source>Software: %1</source>
        <translation>Software: %1</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>Preis: %1</translation>
    </message>
    <message>
        <source>Power: %1</source>
        <translation>Stromverbrauch: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::BuildSession</name>
    <message>
        <source>Choose %1</source>
        <translation>%1 wählen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Change quantity</source>
        <translation>Anzahl ändern</translation>
    </message>
    <message>
        <source>Change price</source>
        <translation>Preis ändern</translation>
    </message>
    <message>
        <source>Set GPU power limit</source>
        <translation>GPU-Leistungslimit setzen</translation>
    </message>
    <message>
        <source>Change workload</source>
        <translation>Einsatzzweck ändern</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::BuildTableModel</name>
    <message>
        <source>Choose a CPU…</source>
        <translation>CPU wählen…</translation>
    </message>
    <message>
        <source>Choose a motherboard…</source>
        <translation>Mainboard wählen…</translation>
    </message>
    <message>
        <source>Choose memory…</source>
        <translation>Arbeitsspeicher wählen…</translation>
    </message>
    <message>
        <source>Choose a GPU…</source>
        <translation>Grafikkarte (GPU) wählen…</translation>
    </message>
    <message>
        <source>Choose a power supply…</source>
        <translation>Netzteil wählen…</translation>
    </message>
    <message>
        <source>Choose a case…</source>
        <translation>Gehäuse wählen…</translation>
    </message>
    <message>
        <source>Choose a CPU cooler…</source>
        <translation>CPU-Kühler wählen…</translation>
    </message>
    <message>
        <source>Choose storage…</source>
        <translation>Speicher (SSD) wählen…</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) without a price</source>
        <translation>
            <numerusform>%n Teil ohne Preis</numerusform>
            <numerusform>%n Teile ohne Preis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) priced in another currency, not in the total</source>
        <translation>
            <numerusform>%n Teil mit Preis in anderer Währung, nicht in der Summe</numerusform>
            <numerusform>%n Teile mit Preis in anderer Währung, nicht in der Summe</numerusform>
        </translation>
    </message>
    <message>
        <source>Parts without a price count as zero; enter a price to complete the total.</source>
        <translation>Teile ohne Preis zählen als null; geben Sie einen Preis ein, um die Summe zu vervollständigen.</translation>
    </message>
    <message>
        <source>%1 (not in the catalog)</source>
        <translation>%1 (nicht im Katalog)</translation>
    </message>
    <message>
        <source>Double-click or press Enter to choose a part</source>
        <translation>Doppelklicken oder Eingabetaste drücken, um ein Teil zu wählen</translation>
    </message>
    <message>
        <source>Your price</source>
        <translation>Ihr Preis</translation>
    </message>
    <message>
        <source>‡ %1. Edit to enter your own.</source>
        <translation>‡ %1. Bearbeiten, um einen eigenen Preis einzugeben.</translation>
    </message>
    <message>
        <source>* %1 (%2). Edit to enter your own.</source>
        <translation>* %1 (%2). Bearbeiten, um einen eigenen Preis einzugeben.</translation>
    </message>
    <message>
        <source>† %1. Edit to enter your own.</source>
        <translation>† %1. Bearbeiten, um einen eigenen Preis einzugeben.</translation>
    </message>
    <message>
        <source>No price known. Edit to enter one.</source>
        <translation>Kein Preis bekannt. Bearbeiten, um einen einzugeben.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Anz.</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Zeilensumme</translation>
    </message>
    <message>
        <source>A quantity is a whole number from 1 to %1.</source>
        <translation>Eine Anzahl ist eine ganze Zahl von 1 bis %1.</translation>
    </message>
    <message>
        <source>Price not changed: &quot;%1&quot; %2.</source>
        <translation>Preis nicht geändert: „%1“ %2.</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::BuildWizard</name>
    <message>
        <source>New Build Wizard</source>
        <translation>Assistent für neuen Build</translation>
    </message>
    <message>
        <source>Discard the Planned Build?</source>
        <translation>Geplanten Build verwerfen?</translation>
    </message>
    <message>
        <source>Close the wizard and discard your answers and the build it suggested?</source>
        <translation>Assistenten schließen und Ihre Antworten sowie den vorgeschlagenen Build verwerfen?</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::CustomPartDialog</name>
    <message>
        <source>Custom %1</source>
        <translation>Eigenes Teil: %1</translation>
    </message>
    <message>
        <source>Fill in what you know. Leave a value at “unknown” and mlrig will say which checks it could not make.</source>
        <translation>Tragen Sie ein, was Sie wissen. Lassen Sie einen Wert auf „unbekannt“, dann sagt mlrig, welche Prüfungen nicht möglich waren.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>comma separated, e.g. ATX, Micro ATX</source>
        <translation>durch Kommas getrennt, z. B. ATX, Micro ATX</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::DocumentController</name>
    <message>
        <source>process %1 on %2</source>
        <translation>Prozess %1 auf %2</translation>
    </message>
    <message>
        <source>an unknown host</source>
        <translation>einem unbekannten Rechner</translation>
    </message>
    <message>
        <source>a process mlrig could not identify</source>
        <translation>einen Prozess, den mlrig nicht erkennen konnte</translation>
    </message>
    <message>
        <source>%1 is open in another mlrig window (%2).</source>
        <translation>%1 ist in einem anderen mlrig-Fenster geöffnet (%2).</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

The current build was left as it was.</source>
        <translation>%1

Der aktuelle Build bleibt unverändert.</translation>
    </message>
    <message>
        <source>No lock file could be created for %1 (%2), so another mlrig window that opens it will not be warned that it is open here.</source>
        <translation>Für %1 konnte keine Sperrdatei angelegt werden (%2); ein anderes mlrig-Fenster, das die Datei öffnet, wird daher nicht gewarnt, dass sie hier geöffnet ist.</translation>
    </message>
    <message>
        <source>Opened %1 read-only</source>
        <translation>%1 schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>%1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 was opened read-only because another mlrig window has it open. Your changes are still open here; use File &gt; Save As to save them under another name.</source>
        <translation>%1 wurde schreibgeschützt geöffnet, weil ein anderes mlrig-Fenster die Datei geöffnet hat. Ihre Änderungen sind hier weiterhin offen; speichern Sie sie mit Datei &gt; Speichern unter unter einem anderen Namen.</translation>
    </message>
    <message>
        <source>%1

Saving here would replace the build that window is editing. Save it from that window, or choose another name. Your changes are still open here.</source>
        <translation>%1

Speichern würde hier den Build ersetzen, den jenes Fenster bearbeitet. Speichern Sie ihn in jenem Fenster oder wählen Sie einen anderen Namen. Ihre Änderungen sind hier weiterhin offen.</translation>
    </message>
    <message>
        <source>%1

Nothing was lost: %2 was not changed, and your changes are still open and kept by autosave. Try File &gt; Save As to save them somewhere else.</source>
        <translation>%1

Nichts ging verloren: %2 wurde nicht verändert, und Ihre Änderungen sind weiterhin offen und automatisch gesichert. Speichern Sie sie mit Datei &gt; Speichern unter an einem anderen Ort.</translation>
    </message>
    <message>
        <source>the folder</source>
        <translation>der Ordner</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>%1 was changed on disk since it was opened or saved here (by another program or mlrig window), so it was not overwritten. Your changes are still open here.</source>
        <translation>%1 wurde auf dem Datenträger geändert, seit die Datei hier geöffnet oder gespeichert wurde (von einem anderen Programm oder mlrig-Fenster); sie wurde daher nicht überschrieben. Ihre Änderungen sind hier weiterhin offen.</translation>
    </message>
    <message>
        <source>Could not restore the unsaved build</source>
        <translation>Der nicht gespeicherte Build konnte nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>%1

The automatic copy was kept as %2.</source>
        <translation>%1

Die automatische Kopie wurde als %2 aufbewahrt.</translation>
    </message>
    <message>
        <source>The automatic copy names its file only as “%1”, without a folder, so it cannot tell which file that was.</source>
        <translation>Die automatische Kopie nennt ihre Datei nur „%1“, ohne Ordner; daher lässt sich nicht sagen, welche Datei es war.</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>%1 is now a different file from the one this build was opened from.</source>
        <translation>%1 ist jetzt eine andere Datei als die, aus der dieser Build geöffnet wurde.</translation>
    </message>
    <message>
        <source>Restored the unsaved build from %1</source>
        <translation>Nicht gespeicherten Build aus %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored as an untitled build</source>
        <translation>Als unbenannter Build wiederhergestellt</translation>
    </message>
    <message>
        <source>%1

The unsaved build was restored as an untitled build, so saving it cannot replace another file. Use File &gt; Save As to choose where it goes.</source>
        <translation>%1

Der nicht gespeicherte Build wurde als unbenannter Build wiederhergestellt, damit Speichern keine andere Datei ersetzen kann. Wählen Sie mit Datei &gt; Speichern unter, wohin er gespeichert wird.</translation>
    </message>
    <message>
        <source>Your price could not be remembered: %1</source>
        <translation>Ihr Preis konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The custom part could not be remembered: %1</source>
        <translation>Das eigene Teil konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::FindingsModel</name>
    <message>
        <source>Rule: %1</source>
        <translation>Regel: %1</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::FindingsPanel</name>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Why this matters</source>
        <translation>Warum das wichtig ist</translation>
    </message>
    <message>
        <source>&lt;i&gt;Pick parts and mlrig checks that they fit together.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie Teile aus, und mlrig prüft, ob sie zusammenpassen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#3c9a5f&apos;&gt;✔&lt;/b&gt; No problems found%1.</source>
        <translation>&lt;b style=&apos;color:#3c9a5f&apos;&gt;✔&lt;/b&gt; Keine Probleme gefunden%1.</translation>
    </message>
    <message numerus="yes">
        <source>, %n note(s)</source>
        <translation>
            <numerusform>, %n Hinweis</numerusform>
            <numerusform>, %n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, &lt;b&gt;%2&lt;/b&gt;, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, &lt;b&gt;%2&lt;/b&gt;, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a finding to see why it matters.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie einen Befund aus, um zu sehen, warum er wichtig ist.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Warum es wichtig ist</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Regel: %1</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::GpuComparisonDialog</name>
    <message>
        <source>Compare GPUs</source>
        <translation>GPUs vergleichen</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>In your build: %1</source>
        <translation>In Ihrem Build: %1</translation>
    </message>
    <message>
        <source>Machines with unified memory</source>
        <translation>Rechner mit gemeinsamem Speicher</translation>
    </message>
    <message>
        <source>GPU comparison table</source>
        <translation>GPU-Vergleichstabelle</translation>
    </message>
    <message>
        <source>&amp;Add to Build</source>
        <translation>Zum Build &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>Workload rows are for the build&apos;s workload: %1. Winners in green; percentages against the first column. A machine&apos;s column is the whole machine: its price, its power, the memory its GPU may use.</source>
        <translation>Die Zeilen zum Einsatzzweck gelten für den Einsatzzweck des Builds: %1. Bestwerte in Grün; Prozentangaben relativ zur ersten Spalte. Die Spalte eines Rechners steht für den ganzen Rechner: seinen Preis, seinen Stromverbrauch, den Speicher, den seine GPU nutzen darf.</translation>
    </message>
    <message>
        <source>No workload in the build: set one in the Workload panel to compare speed and fit. Winners in green; percentages against the first column.</source>
        <translation>Kein Einsatzzweck im Build: Legen Sie im Bereich „Einsatzzweck“ einen fest, um Geschwindigkeit und Passform zu vergleichen. Bestwerte in Grün; Prozentangaben relativ zur ersten Spalte.</translation>
    </message>
    <message>
        <source>Cannot compare: %1.</source>
        <translation>Vergleich nicht möglich: %1.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Höher ist besser</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Niedriger ist besser</translation>
    </message>
    <message>
        <source>best</source>
        <translation>beste</translation>
    </message>
    <message>
        <source>%1% of the best</source>
        <translation>%1 % des Besten</translation>
    </message>
    <message>
        <source>(best)</source>
        <translation>(beste)</translation>
    </message>
    <message>
        <source>Relative to the best column (longer is better)</source>
        <translation>Relativ zur besten Spalte (länger ist besser)</translation>
    </message>
    <message>
        <source>Export Comparison as PDF</source>
        <translation>Vergleich als PDF exportieren</translation>
    </message>
    <message>
        <source>Export Comparison as CSV</source>
        <translation>Vergleich als CSV exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>PDF exported</source>
        <translation>PDF exportiert</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::ImportDialog</name>
    <message>
        <source>Import PCPartPicker List</source>
        <translation>PCPartPicker-Liste importieren</translation>
    </message>
    <message>
        <source>Choose a part list saved from PCPartPicker (text or Markdown), or paste it below. Every line is matched to the catalog; check the matches, change or drop a line, then OK opens the build as a new, unsaved build.</source>
        <translation>Wählen Sie eine von PCPartPicker gespeicherte Teileliste (Text oder Markdown) oder fügen Sie sie unten ein. Jede Zeile wird einem Katalogteil zugeordnet; prüfen Sie die Zuordnungen, ändern oder verwerfen Sie eine Zeile, dann öffnet OK die Liste als neuen, nicht gespeicherten Build.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <source>&amp;Choose File…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>CPU: AMD Ryzen 9 7950X 4.5 GHz 16-Core Processor  ($499.00 @ Amazon)
Video Card: …</source>
        <translation>CPU: AMD Ryzen 9 7950X 4.5 GHz 16-Core Processor  ($499.00 @ Amazon)
Video Card: …</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Put the clipboard&apos;s text in the box and read it</source>
        <translation>Den Text aus der Zwischenablage ins Feld übernehmen und lesen</translation>
    </message>
    <message>
        <source>&amp;Read List</source>
        <translation>Liste &amp;lesen</translation>
    </message>
    <message>
        <source>Read the text in the box (after typing or editing it)</source>
        <translation>Den Text im Feld lesen (nach dem Eintippen oder Bearbeiten)</translation>
    </message>
    <message>
        <source>Replace &amp;with:</source>
        <translation>Ersetzen &amp;mit:</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>Im Katalog suchen</translation>
    </message>
    <message>
        <source>&amp;Use Part</source>
        <translation>Teil &amp;übernehmen</translation>
    </message>
    <message>
        <source>&amp;Drop Line</source>
        <translation>Zeile &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Open as New Build</source>
        <translation>Als neuen Build ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Part lists (*.txt *.md *.markdown);;All files (*)</source>
        <translation>Teilelisten (*.txt *.md *.markdown);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 was not read: %2.</source>
        <translation>%1 wurde nicht gelesen: %2.</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>Der Text</translation>
    </message>
    <message>
        <source>The clipboard holds no text. Copy the list on PCPartPicker (the Markdown or text export) first.</source>
        <translation>Die Zwischenablage enthält keinen Text. Kopieren Sie zuerst die Liste auf PCPartPicker (den Markdown- oder Text-Export).</translation>
    </message>
    <message>
        <source> The table still shows the list read before.</source>
        <translation> Die Tabelle zeigt noch die zuvor gelesene Liste.</translation>
    </message>
    <message>
        <source>%1 is not a PCPartPicker part list: no lines like &quot;CPU: &lt;name&gt; ($499.00 @ Shop)&quot; or a &quot;Type|Item|Price&quot; table.</source>
        <translation>%1 ist keine PCPartPicker-Teileliste: keine Zeilen wie „CPU: &lt;name&gt; ($499.00 @ Shop)“ und keine „Type|Item|Price“-Tabelle.</translation>
    </message>
    <message>
        <source>%1 was not imported: %2.</source>
        <translation>%1 wurde nicht importiert: %2.</translation>
    </message>
    <message>
        <source>No list read yet.</source>
        <translation>Noch keine Liste gelesen.</translation>
    </message>
    <message>
        <source>Same part by name: %1</source>
        <translation>Gleiches Teil nach Name: %1</translation>
    </message>
    <message>
        <source>closest match: %1</source>
        <translation>nächste Übereinstimmung: %1</translation>
    </message>
    <message>
        <source>not matched (kept as custom parts): %1</source>
        <translation>nicht zugeordnet (als eigene Teile übernommen): %1</translation>
    </message>
    <message>
        <source>skipped types: %1</source>
        <translation>übersprungene Typen: %1</translation>
    </message>
    <message>
        <source>changed by you: %1</source>
        <translation>von Ihnen geändert: %1</translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation>Warnung: %1.</translation>
    </message>
    <message>
        <source>&amp;Keep Line</source>
        <translation>Zeile &amp;behalten</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::ImportLinesModel</name>
    <message>
        <source>— (mlrig does not plan a %1)</source>
        <translation>— (mlrig plant diesen Teiletyp nicht: %1)</translation>
    </message>
    <message>
        <source>Custom part: %1</source>
        <translation>Eigenes Teil: %1</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Dropped by you</source>
        <translation>Von Ihnen verworfen</translation>
    </message>
    <message>
        <source>Chosen by you</source>
        <translation>Von Ihnen gewählt</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exakt</translation>
    </message>
    <message>
        <source>Same name (spelling differs)</source>
        <translation>Gleicher Name (andere Schreibweise)</translation>
    </message>
    <message>
        <source>Closest match (%1% similar)</source>
        <translation>Nächste Übereinstimmung (%1 % ähnlich)</translation>
    </message>
    <message>
        <source>Not matched: closest is %1, differs in %2</source>
        <translation>Nicht zugeordnet: am nächsten ist %1, unterscheidet sich in %2</translation>
    </message>
    <message>
        <source>Not matched: no catalog part is close</source>
        <translation>Nicht zugeordnet: kein Katalogteil kommt nahe</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>Line %1 of the list: %2</source>
        <translation>Zeile %1 der Liste: %2</translation>
    </message>
    <message>
        <source>Line in the list</source>
        <translation>Zeile in der Liste</translation>
    </message>
    <message>
        <source>Catalog part</source>
        <translation>Katalogteil</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Anz.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::MainWindow</name>
    <message>
        <source>mlrig builds (*.mlrig);;All files (*)</source>
        <translation>mlrig-Builds (*.mlrig);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Start with the GPU: double-click a row or press Enter to choose a part. Prices marked * come from the catalog, † from the launch MSRP; type over them with your own. Everything else updates as you go.</source>
        <translation>Beginnen Sie mit der GPU: Doppelklicken Sie auf eine Zeile oder drücken Sie die Eingabetaste, um ein Teil zu wählen. Mit * markierte Preise stammen aus dem Katalog, mit † markierte aus der UVP zur Markteinführung; überschreiben Sie sie mit Ihren eigenen. Alles andere aktualisiert sich laufend.</translation>
    </message>
    <message>
        <source>Not sure where to start?</source>
        <translation>Sie wissen nicht, wo Sie anfangen sollen?</translation>
    </message>
    <message>
        <source>Plan a Build with the &amp;Wizard…</source>
        <translation>Build mit dem &amp;Assistenten planen…</translation>
    </message>
    <message>
        <source>Compare &amp;GPUs…</source>
        <translation>&amp;GPUs vergleichen…</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Einsatzzweck</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Stromverbrauch</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>&amp;Add another %1…</source>
        <translation>Weiteres Teil &amp;hinzufügen: %1…</translation>
    </message>
    <message>
        <source>Use the &amp;catalog price</source>
        <translation>&amp;Katalogpreis verwenden</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>New Build &amp;Wizard…</source>
        <translation>Neuer Build mit &amp;Assistent…</translation>
    </message>
    <message>
        <source>&amp;Import PCPartPicker List…</source>
        <translation>PCPartPicker-Liste &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export Build</source>
        <translation>Build exportieren</translation>
    </message>
    <message>
        <source>&amp;CSV Spreadsheet…</source>
        <translation>&amp;CSV-Tabelle…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Markdown for a Forum Post…</source>
        <translation>&amp;Markdown für einen Forenbeitrag…</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>&amp;PDF Report…</source>
        <translation>&amp;PDF-Bericht…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Choose Part…</source>
        <translation>&amp;Teil wählen…</translation>
    </message>
    <message>
        <source>Re&amp;move Part</source>
        <translation>Teil ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Compare GPUs…</source>
        <translation>GPUs &amp;vergleichen…</translation>
    </message>
    <message>
        <source>&amp;Build or Buy…</source>
        <translation>Selbst &amp;bauen oder kaufen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About mlrig</source>
        <translation>Ü&amp;ber mlrig</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Compatibility of %1 parts checked in %2 ms</source>
        <translation>Kompatibilität von %1 Teilen in %2 ms geprüft</translation>
    </message>
    <message>
        <source>Untitled build</source>
        <translation>Unbenannter Build</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>%1[*] — mlrig</source>
        <translation>%1[*] — mlrig</translation>
    </message>
    <message>
        <source>%1 · %2 · total %3</source>
        <translation>%1 · %2 · Summe %3</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Prices: GPU market prices up to %1, retail snapshot %2, launch MSRPs only where neither is known. Your own prices come first.</source>
        <translation>Preise: GPU-Marktpreise bis %1, Handelspreise vom %2, Einführungspreise (UVP) nur, wo beides fehlt. Ihre eigenen Preise haben Vorrang.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(undated)</source>
        <translation>(undatiert)</translation>
    </message>
    <message>
        <source>Parts catalog</source>
        <translation>Teilekatalog</translation>
    </message>
    <message>
        <source>%1 is a PCPartPicker part list, not an mlrig build. It can be imported: check how each line was matched, change or drop a line, then OK opens it as a new, unsaved build. Cancel leaves the open build as it is.</source>
        <translation>%1 ist eine PCPartPicker-Teileliste, kein mlrig-Build. Sie kann importiert werden: Prüfen Sie, wie jede Zeile zugeordnet wurde, ändern oder verwerfen Sie eine Zeile, dann öffnet OK sie als neuen, nicht gespeicherten Build. „Abbrechen“ lässt den geöffneten Build unverändert.</translation>
    </message>
    <message>
        <source>process %1 on %2</source>
        <translation>Prozess %1 auf %2</translation>
    </message>
    <message>
        <source>a process mlrig could not identify</source>
        <translation>einen Prozess, den mlrig nicht erkennen konnte</translation>
    </message>
    <message>
        <source>%1 is open in another mlrig window (%2).</source>
        <translation>%1 ist in einem anderen mlrig-Fenster geöffnet (%2).</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>It was not opened here.</source>
        <translation>Die Datei wurde hier nicht geöffnet.</translation>
    </message>
    <message>
        <source>Build already open</source>
        <translation>Build bereits geöffnet</translation>
    </message>
    <message>
        <source>Open Read-Only to look at it here and save a copy with Save As. Open Anyway lets both windows save it; each save first checks whether the other one changed the file and asks. If that window is no longer running, its lock was left by a crash on another computer: Open Anyway.</source>
        <translation>„Schreibgeschützt öffnen“ zeigt ihn hier an; eine Kopie speichern Sie mit „Speichern unter“. „Trotzdem öffnen“ lässt beide Fenster speichern; jedes Speichern prüft zuerst, ob das andere Fenster die Datei geändert hat, und fragt nach. Läuft jenes Fenster nicht mehr, stammt die Sperre von einem Absturz auf einem anderen Rechner: „Trotzdem öffnen“.</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation>&amp;Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Anyway</source>
        <translation>&amp;Trotzdem öffnen</translation>
    </message>
    <message>
        <source>%1 changed on disk</source>
        <translation>%1 wurde auf dem Datenträger geändert</translation>
    </message>
    <message>
        <source>%1 was changed by another program or another mlrig window since you opened or saved it here.</source>
        <translation>%1 wurde von einem anderen Programm oder mlrig-Fenster geändert, seit Sie die Datei hier geöffnet oder gespeichert haben.</translation>
    </message>
    <message>
        <source>Reload opens the file as it is now and discards your changes here. Overwrite replaces it with your build and discards the other changes. Save As keeps both.</source>
        <translation>„Neu laden“ öffnet die Datei im jetzigen Zustand und verwirft Ihre Änderungen hier. „Überschreiben“ ersetzt sie durch Ihren Build und verwirft die anderen Änderungen. „Speichern unter“ behält beides.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>Until this is resolved, unsaved changes are only in this window: File &gt; Save keeps them.</source>
        <translation>Bis das geklärt ist, gibt es nicht gespeicherte Änderungen nur in diesem Fenster: Datei &gt; Speichern sichert sie.</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>%1 is open read-only because another mlrig window has it open. File &gt; Save saves your changes under another name.</source>
        <translation>%1 ist schreibgeschützt geöffnet, weil ein anderes mlrig-Fenster die Datei geöffnet hat. Datei &gt; Speichern speichert Ihre Änderungen unter einem anderen Namen.</translation>
    </message>
    <message>
        <source>%1 was deleted or moved away by another program. Your build is still open here; File &gt; Save writes it again.</source>
        <translation>%1 wurde von einem anderen Programm gelöscht oder verschoben. Ihr Build ist hier weiterhin geöffnet; Datei &gt; Speichern schreibt ihn erneut.</translation>
    </message>
    <message>
        <source>%1 was changed by another program or mlrig window. Reload shows that version and discards your unsaved changes here; saving will ask before it replaces the other changes.</source>
        <translation>%1 wurde von einem anderen Programm oder mlrig-Fenster geändert. „Neu laden“ zeigt jene Fassung und verwirft Ihre nicht gespeicherten Änderungen hier; Speichern fragt nach, bevor es die anderen Änderungen ersetzt.</translation>
    </message>
    <message>
        <source>%1 was changed by another program or mlrig window. Reload to see that version.</source>
        <translation>%1 wurde von einem anderen Programm oder mlrig-Fenster geändert. Laden Sie neu, um jene Fassung zu sehen.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Reload %1 from disk and discard your unsaved changes here?</source>
        <translation>%1 neu vom Datenträger laden und Ihre nicht gespeicherten Änderungen hier verwerfen?</translation>
    </message>
    <message>
        <source>Save build</source>
        <translation>Build speichern</translation>
    </message>
    <message>
        <source>build</source>
        <translation>build</translation>
    </message>
    <message>
        <source>Open build</source>
        <translation>Build öffnen</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The build has changes that are not saved. Save them?</source>
        <translation>Der Build hat Änderungen, die nicht gespeichert sind. Speichern?</translation>
    </message>
    <message>
        <source>Your prices and custom parts</source>
        <translation>Ihre Preise und eigenen Teile</translation>
    </message>
    <message>
        <source>Build Wizard</source>
        <translation>Build-Assistent</translation>
    </message>
    <message>
        <source>The wizard&apos;s build</source>
        <translation>Der Build des Assistenten</translation>
    </message>
    <message>
        <source>Import PCPartPicker List</source>
        <translation>PCPartPicker-Liste importieren</translation>
    </message>
    <message>
        <source>The imported build</source>
        <translation>Der importierte Build</translation>
    </message>
    <message>
        <source>%1 was not opened; the open build is unchanged.</source>
        <translation>%1 wurde nicht geöffnet; der geöffnete Build ist unverändert.</translation>
    </message>
    <message>
        <source>%1 is open; Edit &gt; Undo takes it back.</source>
        <translation>%1 ist geöffnet; Bearbeiten &gt; Rückgängig nimmt das zurück.</translation>
    </message>
    <message>
        <source>%1 is open as a new, unsaved build; the previous one is unchanged.</source>
        <translation>%1 ist als neuer, nicht gespeicherter Build geöffnet; der vorherige ist unverändert.</translation>
    </message>
    <message>
        <source>GPU added to the build.</source>
        <translation>GPU zum Build hinzugefügt.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>A PDF report is still being written; wait for it or cancel it.</source>
        <translation>Ein PDF-Bericht wird noch geschrieben; warten Sie darauf oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Writing the PDF report of %1…</source>
        <translation>PDF-Bericht von %1 wird geschrieben…</translation>
    </message>
    <message>
        <source>PDF export cancelled; %1 was not changed.</source>
        <translation>PDF-Export abgebrochen; %1 wurde nicht verändert.</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::MemoryBar</name>
    <message>
        <source>GPU memory use</source>
        <translation>GPU-Speicherbelegung</translation>
    </message>
    <message>
        <source>Needs %1 GB of %2 GB: weights %3, KV cache %4, overhead %5</source>
        <translation>Benötigt %1 GB von %2 GB: Gewichte %3, KV-Cache %4, Overhead %5</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV-Cache</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Overhead</source>
        <translation>Overhead</translation>
    </message>
    <message>
        <source>| VRAM %1 GB</source>
        <translation>| VRAM %1 GB</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::MessageBanner</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::PartPickerDialog</name>
    <message>
        <source>Price (lowest first)</source>
        <translation>Preis (niedrigster zuerst)</translation>
    </message>
    <message>
        <source>Value (most per dollar)</source>
        <translation>Preis-Leistung (beste zuerst)</translation>
    </message>
    <message>
        <source>VRAM (most first)</source>
        <translation>VRAM (größter zuerst)</translation>
    </message>
    <message>
        <source>Wattage (most first)</source>
        <translation>Leistung in Watt (höchste zuerst)</translation>
    </message>
    <message>
        <source>Capacity (most first)</source>
        <translation>Kapazität (größte zuerst)</translation>
    </message>
    <message>
        <source>Speed (fastest first)</source>
        <translation>Geschwindigkeit (schnellste zuerst)</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>%1 wählen</translation>
    </message>
    <message>
        <source>Search %1 by name or model, e.g. %2</source>
        <translation>%1 nach Name oder Modell suchen, z. B. %2</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>&amp;Only compatible with my build</source>
        <translation>Nur mit meinem Build &amp;kompatible</translation>
    </message>
    <message>
        <source>Hide parts that would add an error to the build (wrong socket, does not fit, …). When off, they are listed with the reason in “Fits my build”.</source>
        <translation>Teile ausblenden, die dem Build einen Fehler hinzufügen würden (falscher Sockel, passt nicht, …). Ist das aus, werden sie mit dem Grund unter „Passt zu meinem Build“ aufgeführt.</translation>
    </message>
    <message>
        <source>So&amp;rt by</source>
        <translation>So&amp;rtieren nach</translation>
    </message>
    <message>
        <source>After relevance to the search: the order of equally relevant parts</source>
        <translation>Nach der Relevanz für die Suche: die Reihenfolge gleich relevanter Teile</translation>
    </message>
    <message>
        <source>Price&amp;d first</source>
        <translation>Mit Preis &amp;zuerst</translation>
    </message>
    <message>
        <source>List parts with a known price before those without one</source>
        <translation>Teile mit bekanntem Preis vor denen ohne Preis auflisten</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>&amp;My parts</source>
        <translation>&amp;Meine Teile</translation>
    </message>
    <message>
        <source>Custom parts you made before</source>
        <translation>Eigene Teile, die Sie früher angelegt haben</translation>
    </message>
    <message>
        <source>Com&amp;pare Selected…</source>
        <translation>Auswahl &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Select 2 to 4 GPUs (Ctrl-click) to compare them side by side</source>
        <translation>2 bis 4 GPUs auswählen (Strg+Klick), um sie nebeneinander zu vergleichen</translation>
    </message>
    <message>
        <source>C&amp;ustom part…</source>
        <translation>&amp;Eigenes Teil…</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>%1 hidden as incompatible</source>
        <translation>%1 als inkompatibel ausgeblendet</translation>
    </message>
    <message>
        <source>%1 duplicate listings merged</source>
        <translation>%1 doppelte Einträge zusammengeführt</translation>
    </message>
    <message>
        <source> — nothing compatible matches; untick “Only compatible” to see the rest</source>
        <translation> — nichts Kompatibles passt; entfernen Sie das Häkchen bei „Nur kompatible“, um den Rest zu sehen</translation>
    </message>
    <message>
        <source> — no part meets these filters; loosen them</source>
        <translation> — kein Teil erfüllt diese Filter; lockern Sie sie</translation>
    </message>
    <message>
        <source> — no %1 matches “%2”</source>
        <translation> — kein Treffer in %1 für „%2“</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::PartTableModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>VRAM GB</source>
        <translation>VRAM GB</translation>
    </message>
    <message>
        <source>GB/s</source>
        <translation>GB/s</translation>
    </message>
    <message>
        <source>Memory bandwidth: sets LLM decode speed</source>
        <translation>Speicherbandbreite: bestimmt die LLM-Decode-Geschwindigkeit</translation>
    </message>
    <message>
        <source>FP16 TFLOPS</source>
        <translation>FP16 TFLOPS</translation>
    </message>
    <message>
        <source>Dense FP16 tensor throughput with FP32 accumulate</source>
        <translation>Dichter FP16-Tensordurchsatz mit FP32-Akkumulation</translation>
    </message>
    <message>
        <source>TDP W</source>
        <translation>TDP W</translation>
    </message>
    <message>
        <source>Length mm</source>
        <translation>Länge mm</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Sockel</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>PCIe lanes</source>
        <translation>PCIe-Lanes</translation>
    </message>
    <message>
        <source>Form factor</source>
        <translation>Formfaktor</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Max GB</source>
        <translation>Max. GB</translation>
    </message>
    <message>
        <source>x16 slots</source>
        <translation>x16-Slots</translation>
    </message>
    <message>
        <source>x8/x8</source>
        <translation>x8/x8</translation>
    </message>
    <message>
        <source>Can split the CPU lanes into two x8 slots for two GPUs</source>
        <translation>Kann die CPU-Lanes für zwei GPUs auf zwei x8-Slots aufteilen</translation>
    </message>
    <message>
        <source>M.2</source>
        <translation>M.2</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Total GB</source>
        <translation>GB gesamt</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>MT/s</source>
        <translation>MT/s</translation>
    </message>
    <message>
        <source>CL</source>
        <translation>CL</translation>
    </message>
    <message>
        <source>Watts</source>
        <translation>Watt</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>Effizienz</translation>
    </message>
    <message>
        <source>ATX 3</source>
        <translation>ATX 3</translation>
    </message>
    <message>
        <source>PCIe 8-pin</source>
        <translation>PCIe 8-Pin</translation>
    </message>
    <message>
        <source>16-pin</source>
        <translation>16-Pin</translation>
    </message>
    <message>
        <source>Boards</source>
        <translation>Boards</translation>
    </message>
    <message>
        <source>GPU mm</source>
        <translation>GPU mm</translation>
    </message>
    <message>
        <source>Longest GPU that fits</source>
        <translation>Längste GPU, die passt</translation>
    </message>
    <message>
        <source>Cooler mm</source>
        <translation>Kühler mm</translation>
    </message>
    <message>
        <source>Tallest CPU cooler that fits</source>
        <translation>Höchster CPU-Kühler, der passt</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>Slots</translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation>Sockel</translation>
    </message>
    <message>
        <source>Height mm</source>
        <translation>Höhe mm</translation>
    </message>
    <message>
        <source>Liquid</source>
        <translation>Wasser</translation>
    </message>
    <message>
        <source>Radiator mm</source>
        <translation>Radiator mm</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>NVMe</source>
        <translation>NVMe</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>New price in US dollars: GPU market price, else the retail snapshot; † marks a launch MSRP. Hover a price to see where it comes from and its month.</source>
        <translation>Neupreis in US-Dollar: GPU-Marktpreis, sonst Handelspreis-Stichprobe; † kennzeichnet eine UVP zur Markteinführung. Zeigen Sie auf einen Preis, um Herkunft und Monat zu sehen.</translation>
    </message>
    <message>
        <source>TFLOPS/$1k</source>
        <translation>TFLOPS/1000 $</translation>
    </message>
    <message>
        <source>FP16 tensor TFLOPS per 1000 of price</source>
        <translation>FP16-Tensor-TFLOPS je 1000 des Preises</translation>
    </message>
    <message>
        <source>Fits my build</source>
        <translation>Passt zu meinem Build</translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation>nein: %1</translation>
    </message>
    <message>
        <source>Whether the part fits the rest of the build; if not, the error it would add</source>
        <translation>Ob das Teil zum restlichen Build passt; falls nicht, der Fehler, den es hinzufügen würde</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::PowerGauge</name>
    <message>
        <source>Power gauge</source>
        <translation>Leistungsanzeige</translation>
    </message>
    <message>
        <source>Sustained %1 W, transient peak %2 W</source>
        <translation>Dauerlast %1 W, Leistungsspitze %2 W</translation>
    </message>
    <message>
        <source>, power supply %1 W</source>
        <translation>, Netzteil %1 W</translation>
    </message>
    <message>
        <source>, recommended %1 W</source>
        <translation>, empfohlen %1 W</translation>
    </message>
    <message>
        <source>Transient peak</source>
        <translation>Leistungsspitze</translation>
    </message>
    <message>
        <source>Sustained</source>
        <translation>Dauerlast</translation>
    </message>
    <message>
        <source>your PSU %1 W</source>
        <translation>Ihr Netzteil %1 W</translation>
    </message>
    <message>
        <source>No power supply chosen</source>
        <translation>Kein Netzteil gewählt</translation>
    </message>
    <message>
        <source>recommended %1 W</source>
        <translation>empfohlen %1 W</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::PowerPanel</name>
    <message>
        <source>Add a GPU to set its power limit.</source>
        <translation>Fügen Sie eine GPU hinzu, um ihr Leistungslimit zu setzen.</translation>
    </message>
    <message>
        <source>Performance kept at a power limit</source>
        <translation>Verbleibende Leistung bei Leistungslimit</translation>
    </message>
    <message>
        <source>Power limit (W)</source>
        <translation>Leistungslimit (W)</translation>
    </message>
    <message>
        <source>% kept</source>
        <translation>% verbleibend</translation>
    </message>
    <message>
        <source>Retained performance chart</source>
        <translation>Diagramm der verbleibenden Leistung</translation>
    </message>
    <message>
        <source>your limit</source>
        <translation>Ihr Limit</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Your limit: %2 W&lt;br&gt;Performance kept: %3%</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Ihr Limit: %2 W&lt;br&gt;Verbleibende Leistung: %3%</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;At a %2 W limit&lt;br&gt;Performance kept: %3%</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Bei %2 W Limit&lt;br&gt;Verbleibende Leistung: %3%</translation>
    </message>
    <message>
        <source>Pick parts to see how much power the build draws.</source>
        <translation>Wählen Sie Teile aus, um den Stromverbrauch des Builds zu sehen.</translation>
    </message>
    <message>
        <source>Recommended power supply: &lt;b&gt;%1 W&lt;/b&gt;</source>
        <translation>Empfohlenes Netzteil: &lt;b&gt;%1 W&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · yours: %1 W%2</source>
        <translation> · Ihres: %1 W%2</translation>
    </message>
    <message>
        <source> (ATX 3)</source>
        <translation> (ATX 3)</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) estimated: a part gave no power rating.</source>
        <translation>
            <numerusform>%n Wert geschätzt: ein Teil hat keine Leistungsangabe.</numerusform>
            <numerusform>%n Werte geschätzt: einige Teile haben keine Leistungsangabe.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 limit:</source>
        <translation>Limit %1:</translation>
    </message>
    <message>
        <source>Power limit of %1</source>
        <translation>Leistungslimit von %1</translation>
    </message>
    <message>
        <source>The card&apos;s TDP is unknown, so no limit can be set</source>
        <translation>Die TDP der Karte ist unbekannt, daher kann kein Limit gesetzt werden</translation>
    </message>
    <message>
        <source>Power limit: the GPU&apos;s TDP is unknown</source>
        <translation>Leistungslimit: die TDP der GPU ist unbekannt</translation>
    </message>
    <message>
        <source>Add a GPU to see the effect of a power limit</source>
        <translation>Fügen Sie eine GPU hinzu, um die Wirkung eines Leistungslimits zu sehen</translation>
    </message>
    <message>
        <source>%1: performance kept at a power limit</source>
        <translation>%1: verbleibende Leistung bei Leistungslimit</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> %1 per kWh</source>
        <translation> %1 pro kWh</translation>
    </message>
    <message>
        <source> per kWh</source>
        <translation> pro kWh</translation>
    </message>
    <message>
        <source>Electricity price per kWh in %1</source>
        <translation>Strompreis pro kWh in %1</translation>
    </message>
    <message>
        <source>&amp;Electricity price:</source>
        <translation>&amp;Strompreis:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Hours at full load per day</source>
        <translation>Stunden unter Volllast pro Tag</translation>
    </message>
    <message>
        <source>&amp;Hours at full load per day:</source>
        <translation>Stu&amp;nden unter Volllast pro Tag:</translation>
    </message>
    <message>
        <source>&amp;Keep a backup of the previous version when saving (NAME.mlrig~)</source>
        <translation>Beim Speichern die vorherige Version &amp;behalten (NAME.mlrig~)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>A new language takes effect when mlrig is started again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von mlrig wirksam.</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::SpecFilterBar</name>
    <message>
        <source>&amp;VRAM at least</source>
        <translation>&amp;VRAM mindestens</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Only cards with at least this much memory</source>
        <translation>Nur Karten mit mindestens so viel Speicher</translation>
    </message>
    <message>
        <source>&amp;Length at most</source>
        <translation>&amp;Länge höchstens</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Only cards at most this long</source>
        <translation>Nur Karten, die höchstens so lang sind</translation>
    </message>
    <message>
        <source>&amp;At least</source>
        <translation>Minde&amp;stens</translation>
    </message>
    <message>
        <source> W</source>
        <translation> W</translation>
    </message>
    <message>
        <source>Only power supplies of at least this wattage</source>
        <translation>Nur Netzteile mit mindestens dieser Leistung</translation>
    </message>
    <message>
        <source>ATX &amp;3.x</source>
        <translation>ATX &amp;3.x</translation>
    </message>
    <message>
        <source>Only power supplies that state ATX 3.x (built for short GPU power spikes)</source>
        <translation>Nur Netzteile, die ATX 3.x angeben (ausgelegt für kurze Leistungsspitzen der GPU)</translation>
    </message>
    <message>
        <source>&amp;Socket</source>
        <translation>&amp;Sockel</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>&amp;Form factor</source>
        <translation>&amp;Formfaktor</translation>
    </message>
    <message>
        <source>Memor&amp;y</source>
        <translation>Arbeitsspei&amp;cher</translation>
    </message>
    <message>
        <source>&amp;Takes board</source>
        <translation>Für &amp;Board</translation>
    </message>
    <message>
        <source>&amp;GPU up to</source>
        <translation>&amp;GPU bis</translation>
    </message>
    <message>
        <source>Only cases that take a card at least this long</source>
        <translation>Nur Gehäuse, die eine mindestens so lange Karte aufnehmen</translation>
    </message>
    <message>
        <source>Only kits with at least this much memory in total</source>
        <translation>Nur Kits mit insgesamt mindestens so viel Speicher</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Typ</translation>
    </message>
    <message>
        <source>Only drives of at least this capacity</source>
        <translation>Nur Laufwerke mit mindestens dieser Kapazität</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::SystemComparisonModel</name>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>yes, raised limit</source>
        <translation>ja, erhöhtes Limit</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>The build&apos;s VRAM</source>
        <translation>Der VRAM des Builds</translation>
    </message>
    <message>
        <source>What the GPU may use of %1 GB unified memory (raised as the notes say)</source>
        <translation>Wie viel der GPU von %1 GB gemeinsamem Speicher zur Verfügung steht (erhöht wie in den Hinweisen beschrieben)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU-Speicher</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>Passt</translation>
    </message>
    <message>
        <source>Decode tok/s</source>
        <translation>Decode Token/s</translation>
    </message>
    <message>
        <source>Prefill tok/s</source>
        <translation>Prefill Token/s</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Stromverbrauch</translation>
    </message>
    <message>
        <source>Energy / year</source>
        <translation>Energie / Jahr</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::UiFormat</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Motherboard</source>
        <translation>Mainboard</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>Grafikkarte</translation>
    </message>
    <message>
        <source>Power supply</source>
        <translation>Netzteil</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Gehäuse</translation>
    </message>
    <message>
        <source>CPU cooler</source>
        <translation>CPU-Kühler</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher/SSD</translation>
    </message>
    <message>
        <source>CPU</source>
        <comment>category inside a sentence</comment>
        <translation>CPU</translation>
    </message>
    <message>
        <source>motherboard</source>
        <comment>category inside a sentence</comment>
        <translation>Mainboard</translation>
    </message>
    <message>
        <source>memory</source>
        <comment>category inside a sentence</comment>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>GPU</source>
        <comment>category inside a sentence</comment>
        <translation>Grafikkarte</translation>
    </message>
    <message>
        <source>power supply</source>
        <comment>category inside a sentence</comment>
        <translation>Netzteil</translation>
    </message>
    <message>
        <source>case</source>
        <comment>category inside a sentence</comment>
        <translation>Gehäuse</translation>
    </message>
    <message>
        <source>CPU cooler</source>
        <comment>category inside a sentence</comment>
        <translation>CPU-Kühler</translation>
    </message>
    <message>
        <source>storage</source>
        <comment>category inside a sentence</comment>
        <translation>Speicher/SSD</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::ValueChartPanel</name>
    <message>
        <source>Com&amp;pare GPUs by:</source>
        <translation>GPUs &amp;vergleichen nach:</translation>
    </message>
    <message>
        <source>FP16 tensor TFLOPS (training, image generation)</source>
        <translation>FP16-Tensor-TFLOPS (Training, Bildgenerierung)</translation>
    </message>
    <message>
        <source>Memory bandwidth GB/s (LLM decode speed)</source>
        <translation>Speicherbandbreite GB/s (LLM-Decode-Geschwindigkeit)</translation>
    </message>
    <message>
        <source>VRAM GB (largest model that fits)</source>
        <translation>VRAM GB (größtes Modell, das passt)</translation>
    </message>
    <message>
        <source>Value metric</source>
        <translation>Preis-Leistungs-Kennzahl</translation>
    </message>
    <message>
        <source>Price against performance chart</source>
        <translation>Diagramm Preis gegen Leistung</translation>
    </message>
    <message>
        <source>Value per dollar chart</source>
        <translation>Diagramm Preis-Leistung</translation>
    </message>
    <message>
        <source>GPU models</source>
        <translation>GPU-Modelle</translation>
    </message>
    <message>
        <source>With a warning</source>
        <translation>Mit Warnung</translation>
    </message>
    <message>
        <source>Your build</source>
        <translation>Ihr Build</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>Ihrer</translation>
    </message>
    <message>
        <source>&lt;i&gt;In your build&lt;/i&gt;&lt;br&gt;</source>
        <translation>&lt;i&gt;In Ihrem Build&lt;/i&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Value: &lt;b&gt;%1 %2&lt;/b&gt;</source>
        <translation>Preis-Leistung: &lt;b&gt;%1 %2&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Your build&lt;/b&gt;&lt;br&gt;%n GPU(s) for %1&lt;br&gt;%2 %3</source>
        <translation>
            <numerusform>&lt;b&gt;Ihr Build&lt;/b&gt;&lt;br&gt;%n GPU für %1&lt;br&gt;%2 %3</numerusform>
            <numerusform>&lt;b&gt;Ihr Build&lt;/b&gt;&lt;br&gt;%n GPUs für %1&lt;br&gt;%2 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Your workload: %1 (only GPUs that run it)</source>
        <translation>Ihr Einsatzzweck: %1 (nur GPUs, die ihn ausführen)</translation>
    </message>
    <message>
        <source>Your price: %1</source>
        <translation>Ihr Preis: %1</translation>
    </message>
    <message>
        <source>Catalog price: %1%2</source>
        <translation>Katalogpreis: %1%2</translation>
    </message>
    <message>
        <source> (launch MSRP)</source>
        <translation> (UVP zur Markteinführung)</translation>
    </message>
    <message>
        <source>VRAM: %1 GB</source>
        <translation>VRAM: %1 GB</translation>
    </message>
    <message>
        <source>Memory bandwidth: %1 GB/s</source>
        <translation>Speicherbandbreite: %1 GB/s</translation>
    </message>
    <message>
        <source>FP16 tensor: %1 TFLOPS</source>
        <translation>FP16-Tensor: %1 TFLOPS</translation>
    </message>
    <message>
        <source>Your workload: %1 %2</source>
        <translation>Ihr Einsatzzweck: %1 %2</translation>
    </message>
    <message>
        <source>Your workload: does not run on one card</source>
        <translation>Ihr Einsatzzweck: läuft nicht auf einer Karte</translation>
    </message>
    <message>
        <source>FP16 TFLOPS</source>
        <translation>FP16 TFLOPS</translation>
    </message>
    <message>
        <source>GB/s</source>
        <translation>GB/s</translation>
    </message>
    <message>
        <source>GB VRAM</source>
        <translation>GB VRAM</translation>
    </message>
    <message>
        <source>Price (%1)</source>
        <translation>Preis (%1)</translation>
    </message>
    <message>
        <source>Price against %1</source>
        <translation>Preis gegen %1</translation>
    </message>
    <message>
        <source>%1 per %2 1000</source>
        <translation>%1 je %2 1000</translation>
    </message>
    <message>
        <source>Best value per %1</source>
        <translation>Beste Preis-Leistung je %1</translation>
    </message>
    <message>
        <source>No GPU in the catalog runs this workload on one card.</source>
        <translation>Keine GPU im Katalog führt diesen Einsatzzweck auf einer Karte aus.</translation>
    </message>
    <message>
        <source>No priced GPU models in the catalog to compare.</source>
        <translation>Keine GPU-Modelle mit Preis im Katalog zum Vergleichen.</translation>
    </message>
    <message numerus="yes">
        <source>%n GPU model(s) at their new market price (dated), else launch MSRP.</source>
        <translation>
            <numerusform>%n GPU-Modell zum aktuellen Marktpreis (datiert), sonst UVP zur Markteinführung.</numerusform>
            <numerusform>%n GPU-Modelle zum aktuellen Marktpreis (datiert), sonst UVP zur Markteinführung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more cannot run the workload on one card and are left out.</source>
        <translation>
            <numerusform>%n weiteres kann den Einsatzzweck nicht auf einer Karte ausführen und fehlt hier.</numerusform>
            <numerusform>%n weitere können den Einsatzzweck nicht auf einer Karte ausführen und fehlen hier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hollow points and ⚠ mark cards the checks warn about; hover for details.</source>
        <translation>Hohle Punkte und ⚠ markieren Karten, vor denen die Prüfungen warnen; zeigen Sie darauf für Details.</translation>
    </message>
    <message>
        <source>Your build is the large square: all its GPUs at the price you pay.</source>
        <translation>Ihr Build ist das große Quadrat: alle seine GPUs zu dem Preis, den Sie zahlen.</translation>
    </message>
    <message>
        <source>Your GPU is the large square, at the price in your build.</source>
        <translation>Ihre GPU ist das große Quadrat, zum Preis in Ihrem Build.</translation>
    </message>
    <message>
        <source>Add a GPU to see where your choice sits.</source>
        <translation>Fügen Sie eine GPU hinzu, um zu sehen, wo Ihre Wahl liegt.</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::WizardBudgetPage</name>
    <message>
        <source>Budget and preferences</source>
        <translation>Budget und Vorlieben</translation>
    </message>
    <message>
        <source>The whole build must fit the budget: GPUs, platform, power supply, case and storage.</source>
        <translation>Der ganze Build muss ins Budget passen: GPUs, Plattform, Netzteil, Gehäuse und Speicher.</translation>
    </message>
    <message>
        <source>Budget in US dollars</source>
        <translation>Budget in US-Dollar</translation>
    </message>
    <message>
        <source>US dollars: GPU market prices (dated), else the July 2025 retail snapshot; launch prices (MSRP) only where neither is known.</source>
        <translation>US-Dollar: GPU-Marktpreise (datiert), sonst die Handelspreise vom Juli 2025; Einführungspreise (UVP) nur, wo beides fehlt.</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget:</translation>
    </message>
    <message>
        <source>&amp;One GPU</source>
        <translation>&amp;Eine GPU</translation>
    </message>
    <message>
        <source>&amp;Two identical GPUs</source>
        <translation>&amp;Zwei gleiche GPUs</translation>
    </message>
    <message>
        <source>Two cards add VRAM for larger models, but need a board that runs both at x8/x8, a bigger power supply and a case with room for both.</source>
        <translation>Zwei Karten bringen VRAM für größere Modelle, brauchen aber ein Mainboard, das beide mit x8/x8 betreibt, ein stärkeres Netzteil und ein Gehäuse mit Platz für beide.</translation>
    </message>
    <message>
        <source>GPUs:</source>
        <translation>GPUs:</translation>
    </message>
    <message>
        <source>I will buy a &amp;used GPU (used market price, or a price I enter)</source>
        <translation>Ich kaufe eine &amp;gebrauchte GPU (Gebrauchtmarktpreis oder ein Preis, den ich eingebe)</translation>
    </message>
    <message>
        <source>With this on, each GPU is priced at its used market price (with its month and source) where that is cheaper than new, and the GPU step lets you enter the price of a used card you have found.</source>
        <translation>Ist das an, wird jede GPU zu ihrem Gebrauchtmarktpreis (mit Monat und Quelle) angesetzt, wo er unter dem Neupreis liegt, und im GPU-Schritt können Sie den Preis einer gefundenen gebrauchten Karte eingeben.</translation>
    </message>
    <message>
        <source>Used parts:</source>
        <translation>Gebrauchte Teile:</translation>
    </message>
    <message>
        <source>Rank &amp;AMD and Intel cards with NVIDIA for training and images</source>
        <translation>&amp;AMD- und Intel-Karten für Training und Bilder mit NVIDIA gleichstellen</translation>
    </message>
    <message>
        <source>Training, fine-tuning and image tools are written for CUDA first, so by default AMD and Intel cards come after every NVIDIA card that fits. Tick this if you are ready to set up ROCm or oneAPI.</source>
        <translation>Werkzeuge für Training, Fine-Tuning und Bilder werden zuerst für CUDA geschrieben; deshalb stehen AMD- und Intel-Karten standardmäßig hinter jeder passenden NVIDIA-Karte. Setzen Sie das Häkchen, wenn Sie ROCm oder oneAPI einrichten wollen.</translation>
    </message>
    <message>
        <source>GPU vendors:</source>
        <translation>GPU-Hersteller:</translation>
    </message>
    <message>
        <source>Full power (fastest)</source>
        <translation>Volle Leistung (am schnellsten)</translation>
    </message>
    <message>
        <source>Balanced: GPUs limited to 85% (a little quieter, about 3% slower)</source>
        <translation>Ausgewogen: GPUs auf 85 % begrenzt (etwas leiser, etwa 3 % langsamer)</translation>
    </message>
    <message>
        <source>Quiet: GPUs limited to 70% (much cooler, about 11% slower)</source>
        <translation>Leise: GPUs auf 70 % begrenzt (deutlich kühler, etwa 11 % langsamer)</translation>
    </message>
    <message>
        <source>Noise and power preference</source>
        <translation>Vorliebe bei Lautstärke und Stromverbrauch</translation>
    </message>
    <message>
        <source>&amp;Noise and power:</source>
        <translation>&amp;Lautstärke und Strom:</translation>
    </message>
    <message>
        <source>Cannot plan this: %1.</source>
        <translation>Planung nicht möglich: %1.</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::WizardGpuPage</name>
    <message>
        <source>Choose the GPU</source>
        <translation>GPU wählen</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Fits the model</source>
        <translation>Passt das Modell</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Speed per $1,000</source>
        <translation>Geschwindigkeit je 1.000 $</translation>
    </message>
    <message>
        <source>GPU cost</source>
        <translation>GPU-Kosten</translation>
    </message>
    <message>
        <source>Cheapest build</source>
        <translation>Günstigster Build</translation>
    </message>
    <message>
        <source>Watch out</source>
        <translation>Achtung</translation>
    </message>
    <message>
        <source>GPUs ranked for your workload</source>
        <translation>GPUs nach Ihrem Einsatzzweck sortiert</translation>
    </message>
    <message>
        <source>Price of the used card I found (per card, 0 = use the market price):</source>
        <translation>Preis der gefundenen gebrauchten Karte (je Karte, 0 = Marktpreis verwenden):</translation>
    </message>
    <message>
        <source>No ready-made unified-memory machine runs this within your budget. &lt;a href=&quot;buildorbuy&quot;&gt;Compare them all&lt;/a&gt;</source>
        <translation>Kein fertiger Rechner mit gemeinsamem Speicher führt dies innerhalb Ihres Budgets aus. &lt;a href=&quot;buildorbuy&quot;&gt;Alle vergleichen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Or buy: &lt;b&gt;%1&lt;/b&gt; runs it at %2 %3 for %4%5. &lt;a href=&quot;buildorbuy&quot;&gt;Build or buy?&lt;/a&gt;</source>
        <translation>Oder kaufen: &lt;b&gt;%1&lt;/b&gt; schafft %2 %3 für %4%5. &lt;a href=&quot;buildorbuy&quot;&gt;Selbst bauen oder kaufen?&lt;/a&gt;</translation>
    </message>
    <message>
        <source> (with its GPU memory share raised)</source>
        <translation> (mit erhöhtem GPU-Speicheranteil)</translation>
    </message>
    <message>
        <source>  ★ best value</source>
        <translation>  ★ beste Preis-Leistung</translation>
    </message>
    <message>
        <source>With offload: %1 of %2 GB on the GPU, the rest in %3 GB of RAM</source>
        <translation>Mit Auslagerung: %1 von %2 GB auf der GPU, der Rest in %3 GB RAM</translation>
    </message>
    <message>
        <source>Yes: %1 of %2 GB</source>
        <translation>Ja: %1 von %2 GB</translation>
    </message>
    <message>
        <source>No: needs %1 GB, has %2</source>
        <translation>Nein: benötigt %1 GB, hat %2</translation>
    </message>
    <message>
        <source>llama.cpp %1%2</source>
        <translation>llama.cpp %1%2</translation>
    </message>
    <message>
        <source>; needs a platform with %1 GB of RAM</source>
        <translation>; braucht eine Plattform mit %1 GB RAM</translation>
    </message>
    <message>
        <source> used</source>
        <translation> gebraucht</translation>
    </message>
    <message>
        <source>%1 per card: %2</source>
        <translation>%1 je Karte: %2</translation>
    </message>
    <message>
        <source>no compatible platform</source>
        <translation>keine kompatible Plattform</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>fits the model within your budget</source>
        <translation>hält das Modell innerhalb Ihres Budgets</translation>
    </message>
    <message>
        <source>does not hold the model</source>
        <translation>fasst das Modell nicht</translation>
    </message>
    <message>
        <source>fits, but the cheapest build around it costs %1</source>
        <translation>passt, aber der günstigste Build damit kostet %1</translation>
    </message>
    <message>
        <source>no compatible platform in the catalog</source>
        <translation>keine kompatible Plattform im Katalog</translation>
    </message>
    <message>
        <source>Runs at a %1 W power limit per card (your noise and power choice).</source>
        <translation>Läuft mit %1 W Leistungslimit je Karte (Ihre Wahl bei Lautstärke und Strom).</translation>
    </message>
    <message numerus="yes">
        <source>Ranked by %1 for %n GPU(s). Recommended options come first; cards that do not fit or need more budget follow, so you can see what you would get for more.</source>
        <translation>
            <numerusform>Sortiert nach %1 für %n GPU. Empfohlene Optionen kommen zuerst; Karten, die nicht passen oder mehr Budget brauchen, folgen, damit Sie sehen, was Sie für mehr Geld bekämen.</numerusform>
            <numerusform>Sortiert nach %1 für %n GPUs. Empfohlene Optionen kommen zuerst; Karten, die nicht passen oder mehr Budget brauchen, folgen, damit Sie sehen, was Sie für mehr Geld bekämen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlrig::ui::WizardPartsPage</name>
    <message>
        <source>Platform: CPU, motherboard and memory</source>
        <translation>Plattform: CPU, Mainboard und Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Power supply, case, cooling and storage</source>
        <translation>Netzteil, Gehäuse, Kühlung und Speicher</translation>
    </message>
    <message>
        <source>Suggested to match the GPUs: same socket and memory generation, x8/x8 lanes for two cards, and at least as much system RAM as VRAM. Change any of them; the parts after it are suggested again.</source>
        <translation>Passend zu den GPUs vorgeschlagen: gleicher Sockel und gleiche Speichergeneration, x8/x8-Lanes für zwei Karten und mindestens so viel Arbeitsspeicher wie VRAM. Ändern Sie jedes davon; die folgenden Teile werden dann neu vorgeschlagen.</translation>
    </message>
    <message>
        <source>Sized from the power model (including the GPUs&apos; short power spikes) and from the physical fit of the cards and the cooler. Every choice listed fits this build.</source>
        <translation>Bemessen nach dem Leistungsmodell (einschließlich der kurzen Leistungsspitzen der GPUs) und danach, ob Karten und Kühler physisch passen. Jede aufgeführte Wahl passt zu diesem Build.</translation>
    </message>
    <message>
        <source>Build so far: &lt;b&gt;%1&lt;/b&gt; of your %2 budget.</source>
        <translation>Build bisher: &lt;b&gt;%1&lt;/b&gt; von Ihrem Budget %2.</translation>
    </message>
    <message>
        <source>%1 cores, socket %2. The GPUs do the ML work; the CPU feeds them and runs the system.</source>
        <translation>%1 Kerne, Sockel %2. Die GPUs erledigen die ML-Arbeit; die CPU versorgt sie und betreibt das System.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Socket %1, %2, %3%4.</source>
        <translation>Sockel %1, %2, %3%4.</translation>
    </message>
    <message>
        <source>, runs two GPUs at x8/x8</source>
        <translation>, betreibt zwei GPUs mit x8/x8</translation>
    </message>
    <message>
        <source>%1 GB in %2 modules; the GPUs have %3 GB of VRAM. Loading a model goes through system RAM, so it should be at least as large.</source>
        <translation>%1 GB in %2 Modulen; die GPUs haben %3 GB VRAM. Ein Modell wird über den Arbeitsspeicher geladen, daher sollte er mindestens so groß sein.</translation>
    </message>
    <message>
        <source>The build draws about %1 W under load and can spike to about %2 W for milliseconds; mlrig recommends at least %3 W.</source>
        <translation>Der Build zieht unter Last etwa %1 W und kann für Millisekunden auf etwa %2 W springen; mlrig empfiehlt mindestens %3 W.</translation>
    </message>
    <message>
        <source>Takes cards up to %1 mm%2.</source>
        <translation>Nimmt Karten bis %1 mm auf%2.</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source> (the GPU is %1 mm)</source>
        <translation> (die GPU misst %1 mm)</translation>
    </message>
    <message>
        <source>%1 mm tall; fits the case and the CPU socket.</source>
        <translation>%1 mm hoch; passt ins Gehäuse und auf den CPU-Sockel.</translation>
    </message>
    <message>
        <source>Fits the CPU socket.</source>
        <translation>Passt auf den CPU-Sockel.</translation>
    </message>
    <message>
        <source>%1 GB %2: models and datasets are large, and an SSD loads them quickly.</source>
        <translation>%1 GB %2: Modelle und Datensätze sind groß, und eine SSD lädt sie schnell.</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::WizardReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>The whole build with every check mlrig makes. Finish opens it in the main window, where you can change anything (Edit &gt; Undo brings back what was there before).</source>
        <translation>Der ganze Build mit allen Prüfungen von mlrig. „Fertigstellen“ öffnet ihn im Hauptfenster, wo Sie alles ändern können (Bearbeiten &gt; Rückgängig holt zurück, was vorher da war).</translation>
    </message>
    <message>
        <source>&lt;p&gt;No build to review: go back and choose a GPU with a compatible platform.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kein Build zum Überprüfen: Gehen Sie zurück und wählen Sie eine GPU mit einer kompatiblen Plattform.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>Total (budget %1)</source>
        <translation>Summe (Budget %1)</translation>
    </message>
    <message>
        <source>%1 over budget.</source>
        <translation>%1 über dem Budget.</translation>
    </message>
    <message>
        <source>Workload: %1</source>
        <translation>Einsatzzweck: %1</translation>
    </message>
    <message>
        <source>Fits: needs %1 GB of %2 GB VRAM.</source>
        <translation>Passt: benötigt %1 GB von %2 GB VRAM.</translation>
    </message>
    <message>
        <source>Does not fit: needs %1 GB, the GPUs have %2 GB.</source>
        <translation>Passt nicht: benötigt %1 GB, die GPUs haben %2 GB.</translation>
    </message>
    <message>
        <source>About %1 %2.</source>
        <translation>Etwa %1 %2.</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Stromverbrauch</translation>
    </message>
    <message>
        <source>About %1 W under load, transient peaks to about %2 W; power supply %3 W (recommended at least %4 W).</source>
        <translation>Etwa %1 W unter Last, Leistungsspitzen bis etwa %2 W; Netzteil %3 W (empfohlen mindestens %4 W).</translation>
    </message>
    <message>
        <source>Checks: %1, %2, %3</source>
        <translation>Prüfungen: %1, %2, %3</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>%1 warning</source>
        <translation>%1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>%1 note</source>
        <translation>%1 Hinweis</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 Hinweise</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::WizardWorkloadPage</name>
    <message>
        <source>Run LLMs (chat, coding, agents)</source>
        <translation>LLMs ausführen (Chat, Programmieren, Agenten)</translation>
    </message>
    <message>
        <source>VRAM decides which models fit; memory bandwidth decides tokens/s.</source>
        <translation>Der VRAM entscheidet, welche Modelle passen; die Speicherbandbreite entscheidet über Token/s.</translation>
    </message>
    <message>
        <source>Fine-tune LLMs (LoRA, QLoRA, full)</source>
        <translation>LLMs feinabstimmen (LoRA, QLoRA, vollständig)</translation>
    </message>
    <message>
        <source>Needs VRAM for weights, gradients and optimizer state; tensor throughput and bandwidth set the speed.</source>
        <translation>Braucht VRAM für Gewichte, Gradienten und Optimiererzustand; Tensordurchsatz und Bandbreite bestimmen das Tempo.</translation>
    </message>
    <message>
        <source>Generate images (Stable Diffusion, FLUX)</source>
        <translation>Bilder erzeugen (Stable Diffusion, FLUX)</translation>
    </message>
    <message>
        <source>12 GB holds SD 1.5, SDXL and SD 3.5 Medium; FLUX needs 16 GB in 8 bit. Tensor throughput sets images/min.</source>
        <translation>12 GB fassen SD 1.5, SDXL und SD 3.5 Medium; FLUX braucht 16 GB in 8 Bit. Der Tensordurchsatz bestimmt Bilder/min.</translation>
    </message>
    <message>
        <source>Train models from scratch</source>
        <translation>Modelle von Grund auf trainieren</translation>
    </message>
    <message>
        <source>Tensor throughput first, then memory bandwidth; a second card adds most over NVLink or x16.</source>
        <translation>Zuerst Tensordurchsatz, dann Speicherbandbreite; eine zweite Karte bringt am meisten über NVLink oder x16.</translation>
    </message>
    <message>
        <source>General ML, a bit of everything</source>
        <translation>Allgemeines ML, von allem etwas</translation>
    </message>
    <message>
        <source>Ranks GPUs by FP16 tensor throughput and VRAM.</source>
        <translation>Sortiert GPUs nach FP16-Tensordurchsatz und VRAM.</translation>
    </message>
    <message>
        <source>What will the machine do?</source>
        <translation>Wofür ist der Rechner gedacht?</translation>
    </message>
    <message>
        <source>Everything that follows is chosen for this: which GPU is worth its price depends on whether the work is limited by memory or by compute.</source>
        <translation>Alles Weitere wird danach gewählt: Welche GPU ihren Preis wert ist, hängt davon ab, ob die Arbeit vom Speicher oder von der Rechenleistung begrenzt wird.</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>%1  (%2 bits per weight)</source>
        <translation>%1  (%2 Bit pro Gewicht)</translation>
    </message>
    <message>
        <source>&amp;Quantization:</source>
        <translation>&amp;Quantisierung:</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>&amp;Kontext:</translation>
    </message>
    <message>
        <source>QLoRA (4-bit base, adapters)</source>
        <translation>QLoRA (4-Bit-Basis, Adapter)</translation>
    </message>
    <message>
        <source>LoRA (16-bit base, adapters)</source>
        <translation>LoRA (16-Bit-Basis, Adapter)</translation>
    </message>
    <message>
        <source>Full fine-tune (all weights)</source>
        <translation>Volles Fine-Tuning (alle Gewichte)</translation>
    </message>
    <message>
        <source>M&amp;ethod:</source>
        <translation>M&amp;ethode:</translation>
    </message>
    <message>
        <source>%1  (%2×%3, %4 steps)</source>
        <translation>%1  (%2×%3, %4 Schritte)</translation>
    </message>
    <message>
        <source>No particular model</source>
        <translation>Kein bestimmtes Modell</translation>
    </message>
    <message>
        <source>%1  (%2B parameters)</source>
        <translation>%1  (%2 Mrd. Parameter)</translation>
    </message>
    <message>
        <source>%1 at %2 needs about %3 GB for its weights alone, before the context cache.</source>
        <translation>%1 mit %2 braucht allein für seine Gewichte etwa %3 GB, noch vor dem Kontext-Cache.</translation>
    </message>
</context>
<context>
    <name>mlrig::ui::WorkloadPanel</name>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>LLM inference</source>
        <translation>LLM-Inferenz</translation>
    </message>
    <message>
        <source>LLM fine-tuning</source>
        <translation>LLM-Fine-Tuning</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>Bildgenerierung</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Workload kind</source>
        <translation>Art des Einsatzzwecks</translation>
    </message>
    <message>
        <source>&amp;Workload:</source>
        <translation>&amp;Einsatzzweck:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Add model from &amp;file...</source>
        <translation>Modell aus &amp;Datei hinzufügen…</translation>
    </message>
    <message>
        <source>A .gguf file (only its header is read) or a Hugging Face config.json</source>
        <translation>Eine .gguf-Datei (nur ihr Header wird gelesen) oder eine Hugging-Face-config.json</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>%1 (%2 bits)</source>
        <translation>%1 (%2 Bit)</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>KV %1</source>
        <translation>KV %1</translation>
    </message>
    <message>
        <source>KV cache type</source>
        <translation>KV-Cache-Typ</translation>
    </message>
    <message>
        <source>&amp;Quantization:</source>
        <translation>&amp;Quantisierung:</translation>
    </message>
    <message>
        <source>Context length in tokens</source>
        <translation>Kontextlänge in Token</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>&amp;Batch:</source>
        <translation>&amp;Batch:</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>&amp;Kontext:</translation>
    </message>
    <message>
        <source>Where the model lives</source>
        <translation>Wo das Modell liegt</translation>
    </message>
    <message>
        <source>Decode speed</source>
        <translation>Decode-Geschwindigkeit</translation>
    </message>
    <message>
        <source>Prefill speed</source>
        <translation>Prefill-Geschwindigkeit</translation>
    </message>
    <message>
        <source>Decode:</source>
        <translation>Decode:</translation>
    </message>
    <message>
        <source>Prefill:</source>
        <translation>Prefill:</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>Zuverlässigkeit:</translation>
    </message>
    <message>
        <source>Add Model from File</source>
        <translation>Modell aus Datei hinzufügen</translation>
    </message>
    <message>
        <source>Model files (*.gguf config.json *.json);;All files (*)</source>
        <translation>Modelldateien (*.gguf config.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not added:</source>
        <translation>Nicht hinzugefügt:</translation>
    </message>
    <message>
        <source>— Image models —</source>
        <translation>— Bildmodelle —</translation>
    </message>
    <message>
        <source>%1 — %2B, %3×%4, %5 steps</source>
        <translation>%1 — %2 Mrd., %3×%4, %5 Schritte</translation>
    </message>
    <message>
        <source>MoE, %1B total / %2B active</source>
        <translation>MoE, %1 Mrd. gesamt / %2 Mrd. aktiv</translation>
    </message>
    <message>
        <source>%1B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1k context</source>
        <translation>%1k Kontext</translation>
    </message>
    <message>
        <source>%1 context</source>
        <translation>%1 Kontext</translation>
    </message>
    <message>
        <source>%1 — same architecture as %2</source>
        <translation>%1 — gleiche Architektur wie %2</translation>
    </message>
    <message>
        <source>— My models —</source>
        <translation>— Meine Modelle —</translation>
    </message>
    <message>
        <source>Added from a file; quantization %1</source>
        <translation>Aus einer Datei hinzugefügt; Quantisierung %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose a workload to see whether it fits and how fast it runs.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie einen Einsatzzweck, um zu sehen, ob er passt und wie schnell er läuft.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Add a GPU to see what it can run.&lt;/i&gt; %1 needs about %2 GB of GPU memory.</source>
        <translation>&lt;i&gt;Fügen Sie eine GPU hinzu, um zu sehen, was sie ausführen kann.&lt;/i&gt; %1 braucht etwa %2 GB GPU-Speicher.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;◐ Runs with offload&lt;/b&gt; — %2 needs %3 GB; the GPUs hold %4 GB and the rest lives in system RAM</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;◐ Läuft mit Auslagerung&lt;/b&gt; — %2 braucht %3 GB; die GPUs fassen %4 GB, der Rest liegt im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Add a CPU and memory to the build for the offload speed.</source>
        <translation>Fügen Sie dem Build eine CPU und Arbeitsspeicher hinzu, um die Geschwindigkeit mit Auslagerung zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;✔ Fits&lt;/b&gt; — %2 needs %3 GB of %4 GB</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;✔ Passt&lt;/b&gt; — %2 braucht %3 GB von %4 GB</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;✘ Does not fit&lt;/b&gt; — %2 needs %3 GB of %4 GB</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;✘ Passt nicht&lt;/b&gt; — %2 braucht %3 GB von %4 GB</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where it lives:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Wo es liegt:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>llama.cpp: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>llama.cpp: &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Geschwindigkeit:</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>Token/s</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source> (hover for assumptions)</source>
        <translation> (Annahmen im Tooltip)</translation>
    </message>
</context>
</TS>
