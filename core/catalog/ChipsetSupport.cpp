#include "core/catalog/ChipsetSupport.h"

#include <array>

#include "core/util/TextUtil.h"

namespace mlrig {

namespace {

// Sources of the support matrix below:
// - AMD, "AMD Socket AM4 Platform" chipset pages and the 2020 statement on "Zen 3" for 400-series
//   boards (beta BIOSes, a one-way update; reported e.g. at
//   https://www.tech-critter.com/amd-confirms-zen-3-support-on-b450-x470/ ); AMD's AM4 chipset
//   chart of May 2020: X570 does not take Ryzen 1000 (Zen), B550/A520 take neither Zen nor Zen+
//   (https://pcguia.pt/?p=220777 reproduces it); Ryzen 5000 support on 300-series boards came
//   with AGESA 1.2.0.6b beta BIOSes in 2022, board by board.
// - AMD, "AMD Socket AM5 Platform": 600-series boards run Ryzen 9000 (Zen 5) after a BIOS
//   update (AGESA 1.2.0.0 and later, mid-2024); 800-series boards launched with Zen 5.
// - Intel, "Intel 600 Series Chipset Family" and 13th-gen compatibility notes: Z690/H670/B660/
//   H610 run 13th and 14th gen (Raptor Lake) after a BIOS update; 700-series ship with it.
// - Intel, "Intel 400 Series Chipset" / 11th-gen compatibility: Z490 and H470 (and Q470) run
//   11th gen (Rocket Lake) after a BIOS update; B460 and H410 do not support it.
constexpr const char* kAmdAm4 =
    "AMD AM4 chipset support matrix (AMD chipset chart of May 2020; AMD statement on Zen 3 beta BIOSes for "
    "400-series boards, 2020; AGESA 1.2.0.6b for 300-series boards, 2022)";
constexpr const char* kAmdAm5 = "AMD AM5 platform: Ryzen 9000 on 600-series boards needs AGESA 1.2.0.0 or later (2024)";
constexpr const char* kIntel1700 = "Intel 600-series chipsets: 13th/14th gen Core needs a BIOS update";
constexpr const char* kIntel1200 = "Intel 400-series chipsets: 11th gen Core on Z490/H470/Q470 after a BIOS update; "
                                   "not on B460/H410";

enum Series { Am4_300, Am4_400, Am4_500, Am5_600, Am5_800, Lga1700_600, Lga1700_700, Lga1200_400, Lga1200_400Low,
              Lga1200_500, NoSeries };

struct ChipsetRow {
    const char* chipset;  // folded spelling without the vendor
    Series series;
};

constexpr std::array kChipsets = {
    ChipsetRow{"a320", Am4_300},   ChipsetRow{"b350", Am4_300},   ChipsetRow{"x370", Am4_300},
    ChipsetRow{"b450", Am4_400},   ChipsetRow{"x470", Am4_400},   ChipsetRow{"a520", Am4_500},
    ChipsetRow{"b550", Am4_500},   ChipsetRow{"x570", Am4_500},   ChipsetRow{"a620", Am5_600},
    ChipsetRow{"a620a", Am5_600},  ChipsetRow{"b650", Am5_600},   ChipsetRow{"b650e", Am5_600},
    ChipsetRow{"x670", Am5_600},   ChipsetRow{"x670e", Am5_600},  ChipsetRow{"b840", Am5_800},
    ChipsetRow{"b850", Am5_800},   ChipsetRow{"x870", Am5_800},   ChipsetRow{"x870e", Am5_800},
    ChipsetRow{"h610", Lga1700_600}, ChipsetRow{"b660", Lga1700_600}, ChipsetRow{"h670", Lga1700_600},
    ChipsetRow{"z690", Lga1700_600}, ChipsetRow{"q670", Lga1700_600}, ChipsetRow{"b760", Lga1700_700},
    ChipsetRow{"h770", Lga1700_700}, ChipsetRow{"z790", Lga1700_700}, ChipsetRow{"h410", Lga1200_400Low},
    ChipsetRow{"b460", Lga1200_400Low}, ChipsetRow{"h470", Lga1200_400}, ChipsetRow{"z490", Lga1200_400},
    ChipsetRow{"q470", Lga1200_400}, ChipsetRow{"h510", Lga1200_500}, ChipsetRow{"b560", Lga1200_500},
    ChipsetRow{"h570", Lga1200_500}, ChipsetRow{"z590", Lga1200_500}, ChipsetRow{"q570", Lga1200_500},
};

const char* seriesName(Series s)
{
    switch (s) {
    case Am4_300: return "AMD 300-series (A320, B350, X370)";
    case Am4_400: return "AMD 400-series (B450, X470)";
    case Am4_500: return "AMD 500-series (A520, B550, X570)";
    case Am5_600: return "AMD 600-series (A620, B650, X670)";
    case Am5_800: return "AMD 800-series (B850, X870)";
    case Lga1700_600: return "Intel 600-series (H610, B660, H670, Z690)";
    case Lga1700_700: return "Intel 700-series (B760, H770, Z790)";
    case Lga1200_400: return "Intel 400-series (H470, Z490)";
    case Lga1200_400Low: return "Intel 400-series (H410, B460)";
    case Lga1200_500: return "Intel 500-series (H510, B560, Z590)";
    case NoSeries: break;
    }
    return "";
}

Series seriesOf(std::string_view chipset)
{
    std::string folded = foldName(chipset);
    for (const char* vendor : {"amd", "intel"})
        if (folded.starts_with(vendor))
            folded.erase(0, std::string_view(vendor).size());
    for (const ChipsetRow& row : kChipsets)
        if (folded == row.chipset)
            return row.series;
    return NoSeries;
}

using S = ChipsetCpuSupport;

ChipsetCpuVerdict verdict(S support, const char* generation, Series series, const char* source)
{
    return ChipsetCpuVerdict{support, generation, seriesName(series), source};
}

}  // namespace

ChipsetCpuVerdict chipsetCpuSupport(std::string_view chipset, std::string_view microarchitecture)
{
    const Series series = seriesOf(chipset);
    const std::string arch = foldName(microarchitecture);
    if (series == NoSeries || arch.empty())
        return {};
    switch (series) {
    case Am4_300:
    case Am4_400:
    case Am4_500: {
        const char* gen = arch == "zen" ? "Ryzen 1000 (Zen)"
                          : arch == "zen+" ? "Ryzen 2000 (Zen+)"
                          : arch == "zen2" ? "Ryzen 3000 (Zen 2)"
                          : arch == "zen3" ? "Ryzen 5000 (Zen 3)"
                                           : nullptr;
        if (!gen)
            return {};
        if (series == Am4_300) {
            if (arch == "zen")
                return verdict(S::Native, gen, series, kAmdAm4);
            if (arch == "zen+")
                return verdict(S::MayNeedBios, gen, series, kAmdAm4);
            return verdict(S::NeedsBios, gen, series, kAmdAm4);
        }
        if (series == Am4_400) {
            if (arch == "zen" || arch == "zen+")
                return verdict(S::Native, gen, series, kAmdAm4);
            return verdict(S::NeedsBios, gen, series, kAmdAm4);
        }
        // 500 series: X570 takes Zen+ but not Zen; B550/A520 take neither. Early boards need an
        // update for Zen 3 (they shipped before November 2020). X570 is the only one that takes Zen+.
        const bool x570 = foldName(chipset).ends_with("x570");
        if (arch == "zen")
            return verdict(S::Unsupported, gen, series, kAmdAm4);
        if (arch == "zen+")
            return verdict(x570 ? S::Native : S::Unsupported, gen, series, kAmdAm4);
        if (arch == "zen3")
            return verdict(S::MayNeedBios, gen, series, kAmdAm4);
        return verdict(S::Native, gen, series, kAmdAm4);
    }
    case Am5_600:
        if (arch == "zen4")
            return verdict(S::Native, "Ryzen 7000/8000 (Zen 4)", series, kAmdAm5);
        if (arch == "zen5")
            return verdict(S::MayNeedBios, "Ryzen 9000 (Zen 5)", series, kAmdAm5);
        return {};
    case Am5_800:
        if (arch == "zen4")
            return verdict(S::Native, "Ryzen 7000/8000 (Zen 4)", series, kAmdAm5);
        if (arch == "zen5")
            return verdict(S::Native, "Ryzen 9000 (Zen 5)", series, kAmdAm5);
        return {};
    case Lga1700_600:
        if (arch == "alderlake")
            return verdict(S::Native, "12th gen Core (Alder Lake)", series, kIntel1700);
        if (arch == "raptorlake" || arch == "raptorlakerefresh")
            return verdict(S::NeedsBios, "13th/14th gen Core (Raptor Lake)", series, kIntel1700);
        return {};
    case Lga1700_700:
        if (arch == "alderlake" || arch == "raptorlake" || arch == "raptorlakerefresh")
            return verdict(S::Native, arch == "alderlake" ? "12th gen Core (Alder Lake)" : "13th/14th gen Core (Raptor Lake)",
                           series, kIntel1700);
        return {};
    case Lga1200_400:
    case Lga1200_400Low:
        if (arch == "cometlake")
            return verdict(S::Native, "10th gen Core (Comet Lake)", series, kIntel1200);
        if (arch == "rocketlake")
            return verdict(series == Lga1200_400 ? S::NeedsBios : S::Unsupported, "11th gen Core (Rocket Lake)", series,
                           kIntel1200);
        return {};
    case Lga1200_500:
        if (arch == "cometlake" || arch == "rocketlake")
            return verdict(S::Native, arch == "cometlake" ? "10th gen Core (Comet Lake)" : "11th gen Core (Rocket Lake)",
                           series, kIntel1200);
        return {};
    case NoSeries:
        break;
    }
    return {};
}

}  // namespace mlrig
