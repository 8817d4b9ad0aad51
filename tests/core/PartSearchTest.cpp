// The picker's search (core/advise/PartSearch, core/catalog/SearchText), on the real built-in
// catalog: typed the way people type, the examples of issue 18 find their parts; relevance, the
// chosen sort and priced-first order the list; spec filters; one product listed once; and the
// picker's compatibility (PartFilter) names its reason and never passes an unknown socket.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "core/advise/PartFilter.h"
#include "core/advise/PartSearch.h"
#include "core/catalog/FormFactor.h"
#include "core/catalog/SearchQuery.h"
#include "core/catalog/SearchText.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Parts.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::partInfo;
using mlrig::testsupport::refItem;

namespace {

const PartSearch& searchOf(Category category)
{
    static std::map<Category, PartSearch> cache;
    auto it = cache.find(category);
    if (it == cache.end())
        it = cache.emplace(category, PartSearch(builtInCatalog(), category)).first;
    return it->second;
}

PartSearchResult find(Category category, const std::string& text, PartQuery query = {})
{
    query.text = text;
    return searchOf(category).run(query);
}

const AnyPart& partAt(Category category, size_t index)
{
    return builtInCatalog().parts(category)[index];
}

const Gpu& gpuAt(size_t index)
{
    return std::get<Gpu>(partAt(Category::Gpu, index));
}

std::string nameAt(Category category, size_t index)
{
    return infoOf(partAt(category, index)).name;
}

}  // namespace

TEST(SearchText, IgnoresCaseSpacesAndPunctuationBetweenLettersAndDigits)
{
    const SearchText card("ASUS ROG Strix GeForce RTX 3090 OC 24GB", "Asus", "GeForce RTX 3090");
    for (const char* typed : {"rtx3090", "rtx 3090", "RTX-3090", "Rtx 3090", "rog-strix", "3090 24gb", "24 gb", "asus 3090"})
        EXPECT_GT(card.relevance(SearchQuery(typed)), 0) << typed;
    for (const char* typed : {"rtx 3080", "3090 ti", "radeon", "strix3090", "asus3090"})
        EXPECT_EQ(card.relevance(SearchQuery(typed)), 0) << typed;
    EXPECT_EQ(SearchQuery("  RTX-3090 (24GB) ").tokens(), (std::vector<std::string>{"rtx3090", "24gb"}));
    EXPECT_TRUE(SearchQuery(" - / ").empty());
}

TEST(SearchText, WholeWordsBeatAWordsStartWhichBeatsItsInside)
{
    const SearchText cpu("AMD Ryzen 5 7600X3D", "AMD", "");
    const SearchText plain("AMD Ryzen 5 7600X", "AMD", "");
    const SearchQuery query("7600x");
    EXPECT_GT(plain.relevance(query), cpu.relevance(query));  // whole word vs a word's start
    EXPECT_GT(cpu.relevance(SearchQuery("7600x3d")), cpu.relevance(SearchQuery("600x3d")));
    EXPECT_GT(cpu.relevance(SearchQuery("600x3d")), 0);
}

TEST(SearchText, NamingTheWholeGpuModelBeatsALongerModel)
{
    const SearchText base("Card A 24GB", "Zotac", "GeForce RTX 3090");
    const SearchText ti("Card B 24GB", "Zotac", "GeForce RTX 3090 Ti");
    for (const char* typed : {"rtx 3090", "rtx3090", "3090", "3090 24gb"})
        EXPECT_GT(base.relevance(SearchQuery(typed)), ti.relevance(SearchQuery(typed))) << typed;
    EXPECT_GT(ti.relevance(SearchQuery("3090 ti")), 0);
    EXPECT_EQ(base.relevance(SearchQuery("3090 ti")), 0);
    // Non-Latin text is kept, so it still finds itself.
    EXPECT_GT(SearchText("Mémoire 显卡", "", "").relevance(SearchQuery("显卡")), 0);
}

TEST(PartSearch, TheIssueExamplesFindTheirParts)
{
    for (const char* typed : {"rtx3090", "rtx 3090", "RTX-3090", "RTX 3090"}) {
        const PartSearchResult r = find(Category::Gpu, typed);
        ASSERT_GE(r.rows.size(), 10u) << typed;
        for (size_t k = 0; k < 10; ++k)
            EXPECT_EQ(gpuAt(r.rows[k]).chipModel, "GeForce RTX 3090") << typed << ": " << nameAt(Category::Gpu, r.rows[k]);
        EXPECT_FALSE(builtInCatalog().search(Category::Gpu, typed).empty()) << typed;
    }
    const PartSearchResult ti16 = find(Category::Gpu, "4060ti 16gb");
    ASSERT_GE(ti16.rows.size(), 5u);
    for (size_t index : ti16.rows) {
        EXPECT_EQ(gpuAt(index).vramGb.value_or(0), 16) << nameAt(Category::Gpu, index);
        EXPECT_NE(gpuAt(index).chipModel.find("4060 Ti"), std::string::npos) << nameAt(Category::Gpu, index);
    }
    EXPECT_EQ(gpuAt(ti16.rows.front()).chipModel, "GeForce RTX 4060 Ti 16GB");

    const PartSearchResult x3d = find(Category::Cpu, "7800x3d");
    ASSERT_FALSE(x3d.rows.empty());
    for (size_t index : x3d.rows)
        EXPECT_NE(nameAt(Category::Cpu, index).find("7800X3D"), std::string::npos) << nameAt(Category::Cpu, index);
}

TEST(PartSearch, RanksThePlainModelBeforeItsTiAndPricedPartsFirst)
{
    const PartSearchResult r = find(Category::Gpu, "3090");
    size_t lastPlain = 0, firstTi = r.rows.size();
    for (size_t k = 0; k < r.rows.size(); ++k) {
        if (gpuAt(r.rows[k]).chipModel == "GeForce RTX 3090")
            lastPlain = k;
        else if (gpuAt(r.rows[k]).chipModel == "GeForce RTX 3090 Ti")
            firstTi = std::min(firstTi, k);
    }
    ASSERT_LT(firstTi, r.rows.size());
    EXPECT_LT(lastPlain, firstTi);
    // Among the plain 3090s (equally relevant), every priced card comes before every unpriced one.
    bool seenUnpriced = false;
    for (size_t k = 0; k <= lastPlain; ++k) {
        const bool priced = searchOf(Category::Gpu).priceOf(r.rows[k]).unitPrice.has_value();
        EXPECT_FALSE(priced && seenUnpriced) << nameAt(Category::Gpu, r.rows[k]);
        seenUnpriced = seenUnpriced || !priced;
    }
}

TEST(PartSearch, TheDefaultListDoesNotStartWithTheCheapestJunk)
{
    const PartSearchResult gpus = find(Category::Gpu, "");
    ASSERT_GE(gpus.rows.size(), 100u);
    for (size_t k = 0; k < 50; ++k) {
        EXPECT_EQ(gpuAt(gpus.rows[k]).chipModel.find("GT 710"), std::string::npos) << nameAt(Category::Gpu, gpus.rows[k]);
        EXPECT_TRUE(searchOf(Category::Gpu).priceOf(gpus.rows[k]).unitPrice.has_value());
    }
    // Value: most FP16 TFLOPS per dollar first among priced cards.
    const PartSearch& s = searchOf(Category::Gpu);
    for (size_t k = 1; k < 50; ++k)
        EXPECT_GE(s.sortFigure(gpus.rows[k - 1], PartSort::Value).value_or(-1),
                  s.sortFigure(gpus.rows[k], PartSort::Value).value_or(-1));

    // Memory: fastest first (bandwidth is what CPU offload of a model needs), so DDR5, not DDR2.
    const PartSearchResult memory = find(Category::Memory, "");
    for (size_t k = 0; k < 100; ++k) {
        const Memory& m = std::get<Memory>(partAt(Category::Memory, memory.rows[k]));
        EXPECT_EQ(m.memoryType, "DDR5") << m.info.name;
        EXPECT_TRUE(searchOf(Category::Memory).priceOf(memory.rows[k]).unitPrice.has_value()) << m.info.name;
    }
}

TEST(PartSearch, TheChosenSortOrdersEquallyRelevantParts)
{
    const PartSearch& s = searchOf(Category::Gpu);
    PartQuery byVram;
    byVram.sort = PartSort::Vram;
    byVram.pricedFirst = false;
    const PartSearchResult vram = find(Category::Gpu, "", byVram);
    // With no text every row is equally relevant: VRAM order, unknown last.
    for (size_t k = 1; k < vram.rows.size(); ++k)
        EXPECT_GE(s.sortFigure(vram.rows[k - 1], PartSort::Vram).value_or(-1),
                  s.sortFigure(vram.rows[k], PartSort::Vram).value_or(-1));

    PartQuery byPrice;
    byPrice.sort = PartSort::Price;
    const PartSearchResult price = find(Category::Psu, "", byPrice);
    for (size_t k = 1; k < price.rows.size(); ++k) {
        const auto prev = searchOf(Category::Psu).priceOf(price.rows[k - 1]).unitPrice;
        const auto next = searchOf(Category::Psu).priceOf(price.rows[k]).unitPrice;
        if (prev && next) {
            EXPECT_LE(*prev, *next);
        }
        EXPECT_FALSE(!prev && next);  // priced first
    }

    PartQuery byWatts;
    byWatts.sort = PartSort::Wattage;
    const PartSearchResult watts = find(Category::Psu, "corsair", byWatts);
    ASSERT_GE(watts.rows.size(), 10u);
    EXPECT_GE(std::get<Psu>(partAt(Category::Psu, watts.rows[0])).wattageW.value_or(0), 1500);
    EXPECT_EQ(partSortFromId("wattage"), PartSort::Wattage);
    EXPECT_EQ(partSortId(PartSort::Value), "value");
    EXPECT_FALSE(partSortFromId("cheapness").has_value());
}

TEST(PartSearch, SpecFiltersKeepOnlyPartsThatMeetThem)
{
    PartQuery q;
    q.criteria.minVramGb = 16;
    q.criteria.maxLengthMm = 300;
    const PartSearchResult gpus = find(Category::Gpu, "", q);
    ASSERT_GE(gpus.rows.size(), 20u);
    for (size_t index : gpus.rows) {
        EXPECT_GE(*gpuAt(index).vramGb, 16);
        EXPECT_LE(*gpuAt(index).lengthMm, 300);  // unknown lengths are not listed, so this has a value
    }

    PartQuery psu;
    psu.criteria.minWattageW = 850;
    psu.criteria.atx3Only = true;
    const PartSearchResult psus = find(Category::Psu, "", psu);
    ASSERT_GE(psus.rows.size(), 10u);
    for (size_t index : psus.rows) {
        const Psu& p = std::get<Psu>(partAt(Category::Psu, index));
        EXPECT_GE(*p.wattageW, 850);
        EXPECT_TRUE(*p.atx3);
    }

    PartQuery board;
    board.criteria.socket = "am5";  // any spelling
    board.criteria.formFactor = "mATX";
    const PartSearchResult boards = find(Category::Motherboard, "", board);
    ASSERT_GE(boards.rows.size(), 10u);
    for (size_t index : boards.rows) {
        const Motherboard& m = std::get<Motherboard>(partAt(Category::Motherboard, index));
        EXPECT_EQ(m.socket, "AM5");
        EXPECT_EQ(m.formFactor, "Micro ATX");
    }

    PartQuery memory;
    memory.criteria.minCapacityGb = 64;
    memory.criteria.memoryType = "DDR5";
    for (size_t index : find(Category::Memory, "", memory).rows) {
        const Memory& m = std::get<Memory>(partAt(Category::Memory, index));
        EXPECT_GE(*m.totalGb(), 64);
        EXPECT_EQ(m.memoryType, "DDR5");
    }

    PartQuery pcCase;
    pcCase.criteria.formFactor = "ATX";
    pcCase.criteria.minGpuClearanceMm = 350;
    const PartSearchResult cases = find(Category::Case, "", pcCase);
    ASSERT_GE(cases.rows.size(), 10u);
    for (size_t index : cases.rows) {
        const Case& c = std::get<Case>(partAt(Category::Case, index));
        EXPECT_GE(*c.maxGpuLengthMm, 350);
        EXPECT_TRUE(caseFitsBoard(c.motherboardFormFactors, "ATX")) << c.info.name;
    }
}

TEST(PartSearch, FilterChoicesAndBadFiltersAreNamed)
{
    const std::vector<std::string> sockets = socketChoices(builtInCatalog(), Category::Motherboard);
    ASSERT_GE(sockets.size(), 5u);
    EXPECT_NE(std::find(sockets.begin(), sockets.end(), "AM5"), sockets.end());
    EXPECT_NE(std::find(sockets.begin(), sockets.end(), "LGA 1700"), sockets.end());
    EXPECT_EQ(std::count(sockets.begin(), sockets.end(), "LGA1700"), 0);  // one spelling per socket
    const std::vector<std::string> forms = formFactorChoices(builtInCatalog(), Category::Case);
    EXPECT_NE(std::find(forms.begin(), forms.end(), "ATX"), forms.end());
    EXPECT_EQ(memoryTypeChoices(builtInCatalog(), Category::Memory).front(), "DDR5");

    PartCriteria c;
    c.minVramGb = 16;
    c.atx3Only = true;
    EXPECT_EQ(c.unusedFor(Category::Gpu), std::vector<std::string>{"ATX 3.x"});
    EXPECT_EQ(c.unusedFor(Category::Psu), std::vector<std::string>{"minimum VRAM"});
    EXPECT_EQ(c.invalidReason(), "");
    c.minVramGb = -4;
    EXPECT_EQ(c.invalidReason(), "minimum VRAM must be a positive number of GB, not -4");
    EXPECT_FALSE(c.empty());
    EXPECT_TRUE(PartCriteria{}.empty());
}

TEST(PartSearch, OneProductUnderTwoIdsIsListedOnceAsItsBetterRecord)
{
    // The built-in catalog has the Ryzen 5 7600X3D twice: OpenDB lists it under two ids.
    PartQuery all;
    all.mergeDuplicates = false;
    const PartSearchResult twice = find(Category::Cpu, "7600x3d", all);
    EXPECT_EQ(twice.rows.size(), 2u);
    const PartSearchResult once = find(Category::Cpu, "7600x3d");
    ASSERT_EQ(once.rows.size(), 1u);
    EXPECT_EQ(once.merged, 1u);
    EXPECT_EQ(nameAt(Category::Cpu, once.rows[0]), "AMD Ryzen 5 7600X3D");

    // Of two records of one name the priced one is kept, then the better described one.
    Cpu bare;
    bare.info = partInfo("cpu:a", "Test CPU 9000", std::nullopt);
    Cpu priced = bare;
    priced.info = partInfo("cpu:b", "Test CPU 9000", 199.0);
    Cpu described = bare;
    described.info = partInfo("cpu:c", "Test  CPU-9000", std::nullopt);
    described.socket = "AM5";
    described.cores = 8;
    const Catalog catalog = Catalog::fromParts({bare, described, priced}, {});
    const PartSearch search(catalog, Category::Cpu);
    const PartSearchResult r = search.run({});
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(infoOf(catalog.parts(Category::Cpu)[r.rows[0]]).id, "cpu:b");
    const Catalog unpriced = Catalog::fromParts({bare, described}, {});
    const PartSearchResult u = PartSearch(unpriced, Category::Cpu).run({});
    ASSERT_EQ(u.rows.size(), 1u);
    EXPECT_EQ(infoOf(unpriced.parts(Category::Cpu)[u.rows[0]]).id, "cpu:c");
}

TEST(PartFilter, AnAm4X370BoardIsNeverCompatibleWithAnLga1700Cpu)
{
    // Root cause of the report: OpenDB lists "ASRock X370 Killer SLI AM4" without a socket, so
    // cpu-socket could not check it and the picker called it compatible. The catalog source now
    // takes the socket its name states (db/tools/trim_catalog_source.py), and a board whose socket
    // stays unknown is "not checked", never "compatible".
    Build build;
    build.items.push_back(refItem(Category::Cpu, "Intel Core i7 13700K"));
    const PartFilter filter(builtInCatalog(), Category::Motherboard, build, -1);
    PartQuery q;
    q.text = "x370";
    q.onlyCompatible = true;
    const PartSearchResult shown = filter.run(q);
    EXPECT_TRUE(shown.rows.empty());
    EXPECT_GE(shown.hiddenIncompatible, 30u);
    q.onlyCompatible = false;
    const PartSearchResult all = filter.run(q);
    ASSERT_GE(all.rows.size(), 30u);
    for (size_t index : all.rows) {
        const PartFit& fit = filter.fitOf(index);
        EXPECT_EQ(fit.fit, Fit::Incompatible) << nameAt(Category::Motherboard, index);
        EXPECT_NE(fit.reason.find("socket AM4"), std::string::npos) << fit.reason;
    }
    const auto& boards = builtInCatalog().parts(Category::Motherboard);
    const AnyPart* killer = builtInCatalog().findById("7bd359b2-5558-49cd-b2b3-414941925720");
    ASSERT_NE(killer, nullptr);
    EXPECT_EQ(std::get<Motherboard>(*killer).socket, "AM4");
    EXPECT_EQ(filter.fitOf(static_cast<size_t>(killer - boards.data())).fit, Fit::Incompatible);

    // A stub whose name states no socket either: listed, but marked as not checked.
    size_t unknownSocket = 0;
    for (size_t i = 0; i < boards.size(); ++i) {
        if (!std::get<Motherboard>(boards[i]).socket.empty())
            continue;
        ++unknownSocket;
        EXPECT_EQ(filter.fitOf(i).fit, Fit::NotChecked) << infoOf(boards[i]).name;
        EXPECT_NE(filter.fitOf(i).reason.find("socket"), std::string::npos) << filter.fitOf(i).reason;
    }
    EXPECT_GE(unknownSocket, 1u);
    // A matching LGA 1700 board is compatible.
    q.text = "z790";
    q.onlyCompatible = true;
    const PartSearchResult z790 = filter.run(q);
    ASSERT_FALSE(z790.rows.empty());
    EXPECT_EQ(filter.fitOf(z790.rows.front()).fit, Fit::Compatible);
}
