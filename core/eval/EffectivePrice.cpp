#include "core/eval/EffectivePrice.h"

namespace mlrig {

EffectivePrice effectivePrice(const BuildItem& item, const AnyPart* part, const Catalog& catalog,
                              std::string_view buildCurrency)
{
    if (item.price) {
        EffectivePrice own;
        own.unitPrice = item.price;
        own.origin.kind = PriceSource::User;
        own.origin.condition = item.condition;
        own.origin.currency = buildCurrency.empty() ? std::string("USD") : std::string(buildCurrency);
        return own;
    }
    if (!part)
        return {};
    return effectivePrice(*part, item.condition, catalog);
}

EffectivePrice effectivePrice(const AnyPart& part, Condition condition, const Catalog& catalog)
{
    EffectivePrice out;
    out.origin.condition = condition;
    const PartInfo& info = infoOf(part);
    const Gpu* gpu = std::get_if<Gpu>(&part);
    if (gpu && !gpu->chipModel.empty()) {
        if (const MarketPrice* market = catalog.marketPrices().current(gpu->chipModel, condition)) {
            out.unitPrice = market->priceUsd;
            out.origin.kind = PriceSource::Market;
            out.origin.source = shortSourceName(market->sourceTitle);
            out.origin.sourceUrl = market->sourceUrl;
            out.origin.month = market->month;
            return out;
        }
    }
    if (info.priceUsd && !info.priceIsMsrp) {
        out.unitPrice = info.priceUsd;
        out.origin.kind = PriceSource::Catalog;
        out.origin.source = catalog.stats().retailPriceSource;
        out.origin.month = catalog.stats().retailPriceMonth;
        return out;
    }
    std::optional<double> msrp = info.priceIsMsrp ? info.priceUsd : std::nullopt;
    if (!msrp && gpu) {
        if (const GpuChip* chip = catalog.chip(gpu->chipModel))
            msrp = chip->msrpUsd;
    }
    if (msrp) {
        out.unitPrice = msrp;
        out.origin.kind = PriceSource::Msrp;
        out.origin.source = "launch MSRP";
    }
    return out;
}

}  // namespace mlrig
