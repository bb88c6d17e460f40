// capsante aides: the catalog as a table (or JSON).
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "capsante/catalog.h"
#include "common.h"

namespace capsante::cli {
namespace {

struct AidesOptions {
  bool json = false;
  std::string profession;
};

std::string Window(const Aid& aid) {
  std::string from = aid.opens ? "du " + aid.opens->ToString() : "";
  std::string to = aid.closes ? "au " + aid.closes->ToString() : "";
  if (from.empty() && to.empty()) return "ouverte";
  return from + (from.empty() || to.empty() ? "" : " ") + to;
}

std::string Join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

int RunAides(const AidesOptions& o, const GlobalOptions& global) {
  std::unique_ptr<Catalog> catalog;
  if (Status st = LoadCatalog(global, &catalog); !st.ok()) return ReportError(st);
  const FieldSpec* profession = catalog->schema().Find("profession");
  if (!o.profession.empty() && profession && profession->EnumIndex(o.profession) < 0) {
    return ReportError(Status::InvalidInput("--profession : profession inconnue « " + o.profession + " »", "--profession"));
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Aid& aid : catalog->aids()) {
    if (!o.profession.empty() &&
        std::find(aid.professions.begin(), aid.professions.end(), o.profession) == aid.professions.end()) {
      continue;
    }
    if (o.json) {
      out.push_back({{"id", aid.id},
                     {"nom", aid.name},
                     {"financeur", aid.payer},
                     {"famille", aid.family},
                     {"professions", aid.professions},
                     {"region", aid.region.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(aid.region)},
                     {"ouverture", aid.opens ? nlohmann::ordered_json(aid.opens->ToString()) : nlohmann::ordered_json(nullptr)},
                     {"fermeture", aid.closes ? nlohmann::ordered_json(aid.closes->ToString()) : nlohmann::ordered_json(nullptr)},
                     {"resume", aid.summary}});
      continue;
    }
    std::cout << aid.id << "\n  " << aid.name << "\n  Financeur : " << aid.payer << "\n  Professions : " << Join(aid.professions)
              << "\n  Région : " << (aid.region.empty() ? "toute la France" : aid.region) << "\n  Souscription : " << Window(aid)
              << "\n\n";
  }
  if (o.json) std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace

void RegisterAides(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<AidesOptions>();
  CLI::App* sub = app.add_subcommand("aides", "Liste les aides du catalogue");
  sub->add_flag("--json", opts->json, "Sortie JSON");
  sub->add_option("--profession", opts->profession, "Seulement les aides de cette profession");
  sub->callback([opts, &global, exit_code] { *exit_code = RunAides(*opts, global); });
}

}  // namespace capsante::cli
