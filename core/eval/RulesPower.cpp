// Power supply rules: wattage against sustained and transient load, and GPU power connectors.
// The thresholds and their reasoning are in PowerModel.cpp.
#include <fmt/format.h>

#include <algorithm>

#include "core/eval/PowerModel.h"
#include "core/eval/Rules.h"

namespace mlrig::rules {
namespace {

// 8-pin leads an adapter uses to feed one 12VHPWR input: four for cards above 450 W, else three.
constexpr double kAdapterFourPinAboveW = 450;

void psuWattage(Context& c)
{
    if (!c.psu)
        return;
    if (!c.psu->wattageW) {
        c.unchecked(fmt::format("wattage of {} unknown: PSU load not checked", c.psu->info.name));
        return;
    }
    const double rating = *c.psu->wattageW;
    const double sustained = c.power.sustainedW;
    const double peak = c.power.peakW;
    const bool atx3 = c.psu->atx3.value_or(false);

    // Whether there is a finding, and how bad, is the power model's one verdict; the rest of
    // this function only explains it.
    const PsuVerdict verdict = psuVerdict(sustained, peak, rating, atx3);
    if (verdict == PsuVerdict::Ok)
        return;
    const double recommended = recommendedPsuW(sustained, peak, atx3);

    std::optional<Severity> sustainedSeverity;
    if (sustained > rating)
        sustainedSeverity = Severity::Error;
    else if (sustained > power::kSustainedLoadTarget * rating)
        sustainedSeverity = Severity::Warning;

    std::optional<Severity> peakSeverity;
    const double peakError = atx3 ? power::kAtx3PeakError : power::kAtx2PeakError;
    const double peakWarn = atx3 ? power::kAtx3PeakWarn : power::kAtx2PeakWarn;
    if (peak > peakError * rating)
        peakSeverity = Severity::Error;
    else if (peak > peakWarn * rating)
        peakSeverity = Severity::Warning;

    std::string message = fmt::format("Power supply {} ({} W, {}): ", c.psu->info.name, num(rating),
                                      atx3 ? "ATX 3.x" : "not stated as ATX 3.x, treated as ATX 2.x");
    if (sustainedSeverity)
        message += fmt::format("the sustained load of about {} W is {}% of its rating{}", num(sustained),
                               num(100 * sustained / rating),
                               *sustainedSeverity == Severity::Error ? ", more than it can deliver"
                                                                     : ", leaving too little headroom");
    if (!sustainedSeverity && !peakSeverity)  // only short of the 50 W step the advice rounds to
        message += fmt::format("the sustained load of about {} W and spikes of about {} W leave less headroom than advised",
                               num(sustained), num(peak));
    if (peakSeverity) {
        message += sustainedSeverity ? "; " : "";
        message += fmt::format("GPU power spikes can reach about {} W, {}% of its rating ({} allows about {}%)",
                               num(peak), num(100 * peak / rating), atx3 ? "ATX 3.x" : "an ATX 2.x unit",
                               num(100 * peakWarn));
        if (*peakSeverity == Severity::Error)
            message += ", enough to trip its protection and switch the machine off under load";
    }
    message += fmt::format(". Use at least a {} W{} unit", num(recommended), atx3 ? " ATX 3.x" : "");
    if (const double atx3Size = recommendedPsuW(sustained, peak, true); !atx3 && atx3Size < recommended)
        message += fmt::format(" (or {} W if it is ATX 3.x)", num(atx3Size));
    message += ", or set a GPU power limit.";
    c.add("psu-wattage", verdict == PsuVerdict::Overloaded ? Severity::Error : Severity::Warning, std::move(message),
          {Category::Psu, Category::Gpu});
}

void psuConnectors(Context& c)
{
    if (!c.psu || c.gpus.empty())
        return;
    int need8 = 0;
    int need12 = 0;
    std::vector<int> adapterLeads;  // 8-pin leads per 12VHPWR input, if it must be adapted
    for (const GpuLine& line : c.gpus) {
        const Gpu& g = *line.gpu;
        if (!g.pcie8pin && !g.pcie6pin && !g.pcie12vhpwr) {
            c.unchecked(fmt::format("power connectors of {} unknown: PSU cables not checked", g.info.name));
            return;
        }
        const int q = line.item->quantity;
        need8 += (g.pcie8pin.value_or(0) + g.pcie6pin.value_or(0)) * q;
        const int inputs12 = g.pcie12vhpwr.value_or(0);
        need12 += inputs12 * q;
        if (inputs12 > 0) {
            const double perInput = g.tdpW ? *g.tdpW / inputs12 : 600;
            for (int i = 0; i < inputs12 * q; ++i)
                adapterLeads.push_back(perInput > kAdapterFourPinAboveW ? 4 : 3);
        }
    }
    // An unknown count of a connector the GPUs need means the check cannot run (unknown is not 0).
    if ((need12 > 0 && !c.psu->pcie12vhpwr) ||
        (!c.psu->pcie8pin && (need8 > 0 || need12 > c.psu->pcie12vhpwr.value_or(0)))) {
        c.unchecked(fmt::format("PCIe power connectors of {} unknown: GPU cables not checked", c.psu->info.name));
        return;
    }
    const int have8 = c.psu->pcie8pin.value_or(0);
    const int have12 = c.psu->pcie12vhpwr.value_or(0);
    const int adapted = std::max(need12 - have12, 0);
    // Adapt the most demanding inputs last: native 16-pin cables go to the first ones.
    std::sort(adapterLeads.begin(), adapterLeads.end());
    int adapter8 = 0;
    for (int i = 0; i < adapted; ++i)
        adapter8 += adapterLeads[static_cast<size_t>(i)];
    const int total8 = need8 + adapter8;
    if (total8 > have8) {
        c.add("psu-connectors", Severity::Error,
              fmt::format("The GPUs need {} PCIe 8-pin connectors{}, but power supply {} has {} (and {} 12VHPWR). "
                          "Do not split one lead across two inputs of a high-power card; choose a PSU with more "
                          "connectors.",
                          total8,
                          adapter8 ? fmt::format(" ({} of them for {} 12VHPWR adapter{})", adapter8, adapted,
                                                 adapted == 1 ? "" : "s")
                                   : std::string(),
                          c.psu->info.name, have8, have12),
              {Category::Psu, Category::Gpu});
    } else if (adapted > 0) {
        c.add("psu-connectors", Severity::Note,
              fmt::format("Power supply {} has {} native 12VHPWR connector{} for {} GPU input{}; {} will be fed by an "
                          "adapter from {} PCIe 8-pin leads. That works on an ATX 2.x supply: push the 16-pin plug "
                          "fully home and do not bend the cable right at the connector.",
                          c.psu->info.name, have12, have12 == 1 ? "" : "s", need12, need12 == 1 ? "" : "s",
                          adapted == 1 ? "one" : fmt::format("{}", adapted), adapter8),
              {Category::Psu, Category::Gpu});
    }
}

}  // namespace

void checkPower(Context& context)
{
    psuWattage(context);
    psuConnectors(context);
}

}  // namespace mlrig::rules
