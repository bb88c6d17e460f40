// Internal: the catalog loader, one reader per file and per YAML section.
// Catalog::Load (loader.cc) runs it; each reader lives in the file named
// after what it reads:
//   loader.cc          the order of loading, the date horizon, cross-aid links
//   read_sources.cc    sources/ (texts, official copies), sources.yaml, source references
//   definitions.cc     definitions.yaml and the scope expressions bind in
//   read_contacts.cc   contacts.yaml
//   read_aid.cc        one aid file: identity, window, commitments, links, contact
//   read_parameters.cc its `parametres` and `delai_carence`
//   read_amount.cc     its `montant` and `echeancier`
//   read_conditions.cc its `conditions`
//   gate_texts.cc      the texts of the built-in checks (profession, region, …)
#ifndef CAPSANTE_SRC_CATALOG_CATALOG_LOADER_H_
#define CAPSANTE_SRC_CATALOG_CATALOG_LOADER_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "capsante/catalog.h"
#include "catalog/definitions.h"
#include "compiled/compiled_aid.h"
#include "util/yaml_util.h"

namespace capsante {

class CatalogLoader {
 public:
  using Map = yamlutil::Map;

  explicit CatalogLoader(Catalog* catalog) : c_(catalog) {}

  Status Run(const std::string& home);

 private:
  // loader.cc
  void SetDateHorizon();
  Status Link();

  // read_sources.cc
  Status LoadSources(const std::string& dir);
  Status LoadOfficialCopies(const std::string& dir);
  Status LoadSourceRegistry(const std::string& file);
  Status ReadSource(const Map& m, const yamlutil::Node& node, SourceRef* out);
  Status ReadSourceKey(const Map& m, const std::string& key, std::optional<SourceRef>* out, bool required);
  Status ReadSourceList(const Map& m, const std::string& key, std::vector<SourceRef>* out, bool required);

  // definitions.cc
  Status LoadDefinitions(const std::string& file);

  // read_contacts.cc
  Status ReadContactEntry(const Map& m, ContactEntry* out);
  Status LoadContacts(const std::string& file);

  // read_aid.cc
  Status LoadAid(const std::string& file, Aid* aid);
  Status ReadWindow(const Map& m, Aid* aid);
  Status ReadTextList(const Map& m, const std::string& key, std::vector<Commitment>* out);
  Status CompileAt(const Map& m, const std::string& key, expr::BindScope& scope, const expr::Type* expected,
                   expr::BoundPtr* out, std::string* text_out, bool required);

  // read_parameters.cc
  Status ReadParameters(const Map& aid_map, Aid* aid);
  Status ReadWaitingPeriod(const Map& aid_map, Aid* aid);

  // read_amount.cc (`par_periode` is added to `local`: the schedule reads it)
  Status ReadAmount(const Map& amount, LoaderScope& scope, DefinitionTable* local, Aid* aid,
                    internal::CompiledAid* compiled);
  Status ReadSchedule(const Map& aid_map, LoaderScope& scope, Aid* aid, internal::CompiledAid* compiled);
  static void CollectAmountParameters(internal::CompiledAid* compiled);

  // read_conditions.cc
  Status ReadConditions(const Map& aid_map, LoaderScope& scope, Aid* aid, internal::CompiledAid* compiled);

  // gate_texts.cc
  Status WriteGateTexts(const Map& aid_map, const Aid& aid, internal::CompiledAid* compiled) const;

  Catalog* c_;
  DefinitionTable global_defs_;
  std::unordered_map<std::string, std::string> region_names_;
};

}  // namespace capsante

#endif  // CAPSANTE_SRC_CATALOG_CATALOG_LOADER_H_
