#pragma once

// Whether a motherboard's chipset runs a CPU out of the box, only after a firmware (BIOS/UEFI)
// update, or not at all. The socket says whether a CPU fits; the chipset and the board's firmware
// say whether it starts. A B450 board sold in 2019 does not boot a Ryzen 5000 CPU until its BIOS
// is updated, and flashing it needs an older CPU or a flashback button. Used by the cpu-bios rule
// and by the optimizer's platform search, so a suggested platform never needs an update the user
// was not told about.

#include <string>
#include <string_view>

namespace mlrig {

enum class ChipsetCpuSupport {
    Unknown,     // a chipset or microarchitecture the table does not cover: nothing is claimed
    Native,      // every board of this chipset runs the CPU with the firmware it shipped with
    MayNeedBios, // boards made after the CPU's launch run it; older stock needs a BIOS update
    NeedsBios,   // runs only after a BIOS update (not offered for every board)
    Unsupported, // the chipset does not support this CPU generation at all
};

struct ChipsetCpuVerdict {
    ChipsetCpuSupport support = ChipsetCpuSupport::Unknown;
    std::string cpuGeneration;  // "Ryzen 5000 (Zen 3)"
    std::string chipsetSeries;  // "AMD 400 series (B450, X470)"
    const char* source = "";    // where the support matrix comes from
};

// `chipset` as the catalog spells it ("AMD B450", "Intel Z690", "B850"); `microarchitecture`
// as the CPU table does ("Zen 3", "Raptor Lake Refresh").
ChipsetCpuVerdict chipsetCpuSupport(std::string_view chipset, std::string_view microarchitecture);

}  // namespace mlrig
