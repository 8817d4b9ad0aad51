// mlrig-cli models [--format json|text]: the model library (README, "LLM models").
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"
#include "core/catalog/UserDatabase.h"
#include "core/eval/ImageModelPresets.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig::cli {
namespace {

using ojson = nlohmann::ordered_json;

ojson modelJson(const ModelSpec& m)
{
    ojson aliases = ojson::array();
    for (const ModelAlias* a : aliasesOf(m.id))
        aliases.push_back({{"id", a->id}, {"name", a->displayName}, {"source", a->source}});
    ojson o = {{"id", m.id},
               {"name", m.displayName},
               {"family", m.family},
               {"params_b", m.paramsB},
               {"active_params_b", m.activeParamsB},
               {"moe", m.isMoe()},
               {"layers", m.layers},
               {"context", m.maxContext > 0 ? ojson(m.maxContext) : ojson(nullptr)}};
    if (m.isMoe()) {
        o["experts"] = m.expertCount;
        o["experts_per_token"] = m.expertsPerToken;
    }
    if (m.slidingWindow > 0) {
        o["sliding_window"] = m.slidingWindow;
        o["sliding_layers"] = m.slidingLayers;
    }
    if (m.mlaKvRank > 0)
        o["mla_kv_rank"] = m.mlaKvRank;
    o["aliases"] = std::move(aliases);
    o["source"] = m.source;
    return o;
}

std::string contextText(int context)
{
    if (context <= 0)
        return "?";
    if (context % 1024 == 0 && context >= 1024)
        return fmt::format("{}k", context / 1024);
    return fmt::format("{}", context);
}

}  // namespace

nlohmann::json customModelFromFile(const std::string& path, CliContext& context);

void addModelsCommand(CLI::App& app, CliContext& context)
{
    static std::string format = "json";
    static std::string addPath;
    static std::string addName;
    static std::string removeId;
    auto* outputFormat = &format;
    CLI::App* models = app.add_subcommand("models", "List the models mlrig knows (ids for --model and .mlrig files)");
    models->add_option("--format", *outputFormat, "json (default) or text")->check(CLI::IsMember({"json", "text"}));
    models->require_subcommand(0, 1);
    CLI::App* add = models->add_subcommand("add", "Save a model of your own from a .gguf file (header only) or a config.json");
    add->add_option("file", addPath, "The .gguf or config.json file")->required();
    add->add_option("--name", addName, "Name to save it under (default: the file's own)");
    add->callback([&context] {
        nlohmann::json json = customModelFromFile(addPath, context);
        const std::string quant = json.value("quant", std::string());
        json.erase("quant");
        if (!addName.empty())
            json["name"] = addName;
        const std::string name = json.value("name", std::string("Custom model"));
        const std::string id = context.openUserDatabase(true)->saveModel(name, json.dump(), quant);
        std::cout << ojson{{"id", id}, {"name", name}, {"quant", quant.empty() ? ojson(nullptr) : ojson(quant)},
                           {"model", ojson::parse(json.dump())}}.dump(2)
                  << '\n';
    });
    CLI::App* remove = models->add_subcommand("remove", "Delete a saved model");
    remove->add_option("id", removeId, "Its id (my:...)")->required();
    remove->callback([&context] {
        const auto db = context.openUserDatabase(false);
        if (!db || !db->removeModel(removeId))
            throw InputError("no saved model with id '" + removeId + "'");
    });
    models->callback([outputFormat, &context, add, remove] {
        if (add->parsed() || remove->parsed())
            return;
        std::vector<ModelSpec> saved;
        if (const auto db = context.openUserDatabase(false)) {
            for (const UserModelRecord& r : db->models()) {
                try {
                    ModelSpec m = modelFromJson(nlohmann::json::parse(r.json));
                    m.id = r.id;
                    m.family = "My models";
                    saved.push_back(std::move(m));
                } catch (const std::exception&) {
                    // a damaged record is skipped, the rest still lists
                }
            }
        }
        if (*outputFormat == "json") {
            ojson list = ojson::array();
            for (const ModelSpec& m : modelPresets())
                list.push_back(modelJson(m));
            for (const ModelSpec& m : saved)
                list.push_back(modelJson(m));
            ojson images = ojson::array();
            for (const ImageModelSpec& m : imageModelPresets())
                images.push_back(ojson{{"id", m.id},
                                       {"name", m.displayName},
                                       {"denoiser_params_b", m.denoiserParamsB},
                                       {"text_encoder_params_b", m.textEncoderParamsB},
                                       {"bytes_per_param", m.bytesPerParam},
                                       {"width", m.width},
                                       {"height", m.height},
                                       {"steps", m.steps},
                                       {"source", m.source}});
            std::cout << ojson{{"models", std::move(list)}, {"image_models", std::move(images)}}.dump(2) << '\n';
            return;
        }
        std::cout << fmt::format("{:<24} {:<28} {:<9} {:>18} {:>6} {:>7}  {}\n", "id", "name", "family",
                                 "parameters", "layers", "context", "aliases");
        for (const ModelSpec& m : modelPresets()) {
            const std::string params = m.isMoe() ? fmt::format("{:g}B / {:g}B active", m.paramsB, m.activeParamsB)
                                                 : fmt::format("{:g}B", m.paramsB);
            std::string aliases;
            for (const ModelAlias* a : aliasesOf(m.id))
                aliases += (aliases.empty() ? "" : ", ") + a->id;
            std::cout << fmt::format("{:<24} {:<28} {:<9} {:>18} {:>6} {:>7}  {}\n", m.id, m.displayName, m.family,
                                     params, m.layers, contextText(m.maxContext), aliases);
        }
        for (const ModelSpec& m : saved)
            std::cout << fmt::format("{:<24} {:<28} {:<9} {:>18} {:>6} {:>7}\n", m.id, m.displayName.substr(0, 28),
                                     "My models", fmt::format("{:.2f}B", m.paramsB), m.layers,
                                     contextText(m.maxContext));
        std::cout << fmt::format("\nImage models (--kind image-generation --model ID)\n{:<24} {:<36} {:>10} {:>13} "
                                 "{:>9} {:>5}\n",
                                 "id", "name", "denoiser", "text encoders", "size", "steps");
        for (const ImageModelSpec& m : imageModelPresets())
            std::cout << fmt::format("{:<24} {:<36} {:>9.2f}B {:>12.2f}B {:>9} {:>5}\n", m.id, m.displayName,
                                     m.denoiserParamsB, m.textEncoderParamsB, fmt::format("{}x{}", m.width, m.height),
                                     m.steps);
    });
}

}  // namespace mlrig::cli
