// Communes and zonings: from a place to its zones.
//
// CommuneIndex holds the official commune list (COG 2026: current communes,
// Paris/Lyon/Marseille arrondissements, delegated and associated communes,
// former codes of merged communes) and every zoning layer, loaded once from
// the data files written by tools/import (see docs/data-formats.md).
//
// Contract:
//  - Load never throws and never crashes on a bad folder or file: it returns
//    an error Status (kIoError for a missing file, kInvalidCatalog for a
//    malformed one). Loading everything takes well under 100 ms and 50 MB.
//  - A loaded index is immutable: every const method is thread-safe and the
//    returned pointers live as long as the index.
//  - A layer that has no value for a commune at a date gives an unknown fact
//    (known = false), never a default. Parts of communes (QPV, ZFU-TE) and
//    partial classifications give possible = true: "to confirm for the
//    address". The dating rules are in docs/zonings.md.
#ifndef CAPSANTE_GEO_H_
#define CAPSANTE_GEO_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "capsante/date.h"
#include "capsante/status.h"

namespace capsante::geo {

enum class CommuneKind {
  kCommune,         // a current commune (commune actuelle)
  kArrondissement,  // municipal arrondissement of Paris, Lyon, Marseille
  kDeleguee,        // delegated commune of a commune nouvelle
  kAssociee,        // associated commune
};

struct Commune {
  std::string code;         // INSEE code ("36044", "2A004", "75113")
  std::string name;         // official name with accents ("Châteauroux")
  CommuneKind kind = CommuneKind::kCommune;
  // The commune this entry belongs to: the city of an arrondissement, the
  // chef-lieu of a delegated/associated commune; empty for a commune. A
  // delegated commune may share its code with its chef-lieu.
  std::string parent_code;
  std::string departement;  // "36", "2A", "971"
  std::string region;       // "24"
  // Legal population; -1 when unknown (delegated/associated communes).
  int64_t population = -1;
  std::vector<std::string> postal_codes;  // sorted; empty for delegated ones
  bool has_coordinates = false;
  double latitude = 0;   // degrees (WGS84), La Poste 2022 points
  double longitude = 0;
};

// The result of Find: `commune` is the most precise entry the code names (a
// delegated commune keeps its own entry, so its own zoning can be used),
// `current` the commune or arrondissement it belongs to today.
struct Lookup {
  const Commune* commune = nullptr;  // nullptr: unknown code
  const Commune* current = nullptr;
  bool former_code = false;  // the code is not (or no longer) a current one
  std::string note;          // French, set when former_code
};

struct SearchHit {
  enum class Match {
    kCode,        // the INSEE code of the entry
    kFormerCode,  // a former code leading to it
    kExactName,   // the whole (folded) name
    kPostalCode,  // one of its postal codes
    kNamePrefix,  // the start of its name
    kWordPrefix,  // the start of a word inside its name ("amand")
  };
  const Commune* commune = nullptr;
  Match match = Match::kExactName;
  std::string note;  // French; e.g. why a former code leads here
};

// A legal text behind a zoning (data/arretes_zonage.tsv): an ARS decree
// fixing one profession's zones in one region, or a national text opening
// or closing a scheme. Dates are those of the source; see docs/zonings.md.
struct Decree {
  std::string id;          // "medecin_24_2022"
  std::string field;       // "zonage.medecin"
  std::string profession;  // for zonage.profession texts
  std::string region;      // INSEE region code, "*" for every other region
  std::string nature;      // "zonage", "revision" (national: every region re-issues it),
                           // "creation" (scheme starts), "fin" (scheme ends)
  std::string authority;   // "ARS Centre-Val de Loire"
  std::string reference;   // "arrêté n° 2022-DOS-DM-0003"
  std::optional<Date> signed_on;
  std::optional<Date> from;            // first day in force, when found
  std::optional<Date> from_at_latest;  // when `from` is not found: in force by then
  std::string layer;       // the imported layer reflecting it here; empty: not imported
  std::string url;
  std::string quote;       // the source sentence
  std::string read_on;     // "2026-11-29"
  std::string remark;      // French: what is missing or inferred
  // The day it applies from for the library: `from`, else `from_at_latest`
  // (conservative); nullopt when no date is known.
  std::optional<Date> effective() const { return from ? from : from_at_latest; }
};

// One zone fact for the rules engine (paths of catalog/situation.yaml).
struct PlaceFact {
  std::string field;     // "zonage.medecin", "zonage.profession", "zonage.qpv", ...
  std::string value;     // enum text, "true"/"false" or a code; empty when unknown
  bool known = false;    // false: the fact stays unknown (never a default)
  bool possible = false; // the commune contains such an area: confirm for the address
  std::string layer;     // layer id ("medecins_2025_05"), "cog" for region/département
  std::string note;      // French: vintage and producer, and why unknown/possible
  // The text the value (or the previous value) reflects, when known; points
  // into the index.
  const Decree* decree = nullptr;
  // A newer text whose values are not imported applies at the date: the
  // fact is unknown ("à confirmer"); `previous_value` is the value under
  // `decree`, for information only, and `replaced_by` the newer text.
  bool unconfirmed = false;
  const Decree* replaced_by = nullptr;
  std::string previous_value;
};

// What FactsFor builds beyond the facts themselves.
struct FactsOptions {
  // False: `note` is left empty (and no other text is built); field, value,
  // known, possible and layer are exactly those of the full facts. For
  // callers that only read values, such as the ranking of ~35,000 places.
  bool notes = true;
};

// A layer's metadata, for display ("zonage infirmiers, mars 2026, ARS via
// CartoSanté").
struct LayerInfo {
  std::string id;          // "infirmiers_2026_03"
  std::string field;       // "zonage.profession", "territoire.densite", ...
  std::string profession;  // for zonage.profession layers, else empty
  std::optional<Date> from;  // first day in force (nullopt: no bound)
  std::optional<Date> to;    // last day in force (nullopt: open-ended)
  std::string label;
  std::string producer;
  std::string vintage;
  std::string provenance;
  std::string caveat;
  size_t rows = 0;
};

// Territory indicators shown beside the aids (not rules inputs).
struct Territory {
  int64_t population = -1;     // of the commune (or arrondissement); -1 unknown
  std::string density_level;   // "1".."7", empty when unknown
  std::string density_label;   // "Bourgs ruraux", ...
  std::string frr_class;       // "FRR socle", "FRR+", ..., "Non classée"; empty unknown
  std::string massif;          // "Massif Central"; empty when none or unknown
};

// One period of a commune's zoning history: the same fact from `from` to
// `to` (nullopt: unbounded).
struct HistoryPeriod {
  std::optional<Date> from;
  std::optional<Date> to;
  PlaceFact fact;  // as FactsFor gives it on any day of the period
};

// The successive values of one zoning for a commune (a field, and for
// zonage.profession a profession), with the texts of its region.
struct ZoningHistory {
  std::string field;
  std::string profession;
  std::string label;  // the layer's label ("Zonage médecins généralistes (ZIP, ZAC, ZAR)")
  std::vector<HistoryPeriod> periods;  // oldest first, contiguous
  std::vector<const Decree*> decrees;  // DecreesFor(field, profession, region)
};

struct Nearby {
  const Commune* commune = nullptr;
  double distance_km = 0;
};

class CommuneIndex {
 public:
  // Reads every file of `data_dir` (data/ of the source tree). On success
  // *out holds the index; on error *out is left untouched.
  static Status Load(const std::string& data_dir, std::unique_ptr<CommuneIndex>* out);

  CommuneIndex(const CommuneIndex&) = delete;
  CommuneIndex& operator=(const CommuneIndex&) = delete;
  ~CommuneIndex();

  // By INSEE code: a current commune, an arrondissement, a delegated or
  // associated commune, or a former code of a merged commune.
  Lookup Find(std::string_view code) const;

  // Accent-, case- and punctuation-insensitive search; "St"/"Ste" mean
  // "Saint"/"Sainte"; prefixes; 5-character queries also match INSEE codes
  // and postal codes (every commune sharing the postal code). Ranked: codes
  // and exact names first, then postal codes, prefixes, word prefixes; by
  // population within a rank. At most `limit` hits.
  std::vector<SearchHit> Search(std::string_view query, size_t limit) const;

  // Places where one can practise, for ranking: the current communes, with
  // Paris, Lyon and Marseille replaced by their arrondissements (zonings
  // differ between arrondissements). Sorted by code.
  std::vector<const Commune*> AllPlaces() const;
  std::vector<const Commune*> PlacesInDepartement(std::string_view departement) const;
  std::vector<const Commune*> PlacesInRegion(std::string_view region) const;
  // Places within `radius_km` of `center` (great-circle distance), nearest
  // first. Places without coordinates are not dropped silently: they go to
  // *without_coordinates (may be null). InvalidInput when `center` has no
  // coordinates or the radius is negative or not finite.
  Status PlacesWithin(const Commune& center, double radius_km, std::vector<Nearby>* out,
                      std::vector<const Commune*>* without_coordinates) const;

  // The zone facts of `commune` at `date` for `profession` (a situation
  // profession value, may be empty): zonage.medecin, zonage.profession (only
  // for professions that have one), zonage.qpv, zonage.frr, zonage.zrr,
  // zonage.zfu, zonage.montagne, zonage.region, zonage.departement.
  std::vector<PlaceFact> FactsFor(const Commune& commune, Date date,
                                  std::string_view profession) const;
  std::vector<PlaceFact> FactsFor(const Commune& commune, Date date, std::string_view profession,
                                  const FactsOptions& options) const;
  // The same into *out, whose elements are overwritten in place (their
  // strings keep their capacity): with notes off and *out reused from one
  // call to the next, nothing is allocated once it has grown. The fast path
  // of a ranking.
  void FactsFor(const Commune& commune, Date date, std::string_view profession,
                const FactsOptions& options, std::vector<PlaceFact>* out) const;

  Territory TerritoryFor(const Commune& commune) const;

  // The zoning history of `commune`: for every zoning layer field (and every
  // profession that has a zoning), the periods between the dates where a
  // layer or a text changes, each with the fact FactsFor gives then (known,
  // unknown or to be confirmed). Consecutive equal periods are merged.
  std::vector<ZoningHistory> HistoryFor(const Commune& commune) const;
  // The history as JSON, the same for `capsante communes CODE --historique
  // --json` and GET /api/v1/communes/{code}?historique=1 (shape:
  // docs/api.md); `date` marks the period in force ("en_cours").
  std::string HistoryToJson(const Commune& commune, Date date, int indent = -1) const;
  // Data freshness (`capsante donnees`): every layer with the texts it
  // reflects per region and, per region, the newer text that replaced it
  // (values not imported) or that is announced without a date. JSON shape:
  // docs/api.md; `date` decides which replacements are already in force.
  std::string FreshnessToJson(Date date, int indent = -1) const;
  // Professions with a zoning of their own, from the loaded layers.
  std::vector<std::string> ZonedProfessions() const;

  // The commune an arrondissement or a delegated commune belongs to, or null.
  const Commune* Parent(const Commune& commune) const;

  const std::vector<LayerInfo>& layers() const;
  // Every legal text of data/arretes_zonage.tsv, sorted by field,
  // profession, region and date.
  const std::vector<Decree>& decrees() const;
  // The texts of `field` (and `profession`) that apply in `region`, oldest
  // first: the region's own rows, else the "*" rows.
  std::vector<const Decree*> DecreesFor(std::string_view field, std::string_view profession,
                                        std::string_view region) const;
  // French names; empty when the code is unknown.
  std::string DepartementName(std::string_view code) const;
  std::string RegionName(std::string_view code) const;
  // Every entry (all kinds), sorted by code.
  const std::vector<Commune>& entries() const;

  // Opaque representation, defined in src/geo (public only so that the
  // implementation files can name it).
  struct Rep;

 private:
  explicit CommuneIndex(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// Stable codes for the API and the CLI's JSON: "commune", "arrondissement",
// "commune_deleguee", "commune_associee"; "code_insee", "ancien_code",
// "nom_exact", "code_postal", "debut_du_nom", "mot_du_nom".
const char* CommuneKindCode(CommuneKind kind);
const char* MatchCode(SearchHit::Match match);

// The names of the regions by INSEE code, from <data_dir>/regions.tsv, without
// loading the communes: the catalog names the region of a regional aid so.
Status LoadRegionNames(const std::string& data_dir, std::unordered_map<std::string, std::string>* out);

// Great-circle distance in kilometres (haversine, mean Earth radius).
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// The search key of a name: ASCII lower case without accents, every other
// character a single space, "st"/"ste" spelled out ("Saint-Étienne" and
// "st etienne" both give "saint etienne").
std::string FoldName(std::string_view name);

// French label of a text, to show beside a zone: "ARS Centre-Val de Loire,
// 13/01/2022" ("…, au plus tard le 10/02/2026", "…, date non trouvée").
std::string DecreeLabel(const Decree& decree);

// French: when a text applies, in words: "en vigueur le 13 janvier 2022",
// "en vigueur au plus tard le 10 février 2026", "date non trouvée"; for a
// national revision, "signé le 9 mai 2025 ; zonages régionaux non révisés à
// confirmer à partir du 1er janvier 2026".
std::string DecreeWhen(const Decree& decree);

// True when `profession` (a situation value) has its own zoning layer.
bool ProfessionHasZoning(std::string_view profession);

}  // namespace capsante::geo

#endif  // CAPSANTE_GEO_H_
