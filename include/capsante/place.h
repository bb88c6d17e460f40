// From a place to the rules: fills a situation's zoning from its commune, and
// ranks or compares places for one situation.
//
// Contract: explicit `zonage` fields given by the user always win over the
// commune's layers; the result says which facts came from where (Result::
// facts). A fact a layer does not know stays unknown (the aids that need it
// are `a_preciser`); QPV and ZFU-TE, parts of communes, stay unknown with a
// note "à confirmer pour l'adresse" unless the user answers. Thread-safe:
// the catalog and the index are only read.
#ifndef CAPSANTE_PLACE_H_
#define CAPSANTE_PLACE_H_

#include <string>
#include <vector>

#include "capsante/catalog.h"
#include "capsante/engine.h"
#include "capsante/geo.h"
#include "capsante/result.h"
#include "capsante/situation.h"

namespace capsante {

// What ResolvePlace did, to be shown in the result.
struct PlaceResolution {
  bool resolved = false;
  CommuneSummary commune;
  std::vector<FactNote> facts;
};

// True when the situation names a commune (or a secondary practice's commune).
bool NeedsPlace(const Situation& situation);

// Fills the zone facts of `situation` from its `commune` at its date. An
// unknown INSEE code is InvalidInput naming `commune`.
Status ResolvePlace(const geo::CommuneIndex& index, Situation* situation, PlaceResolution* out);

// Copies the resolution into the result (commune summary and fact notes).
void ApplyPlace(const PlaceResolution& place, Result* result);

// `base` moved to the commune `code`: its zone facts are forgotten and
// replaced by the commune's (what `comparer` shows side by side).
Status SituationAt(const geo::CommuneIndex& index, const Situation& base, const std::string& code, Situation* out,
                   PlaceResolution* place);

// Which places a ranking covers: exactly one of a département, a region,
// France, or a radius around a commune.
struct PlaceScope {
  std::string departement;
  std::string region;
  bool france = false;
  std::string around;       // INSEE code
  double radius_km = -1;    // with `around`, 0 to 1000
};

struct SelectedPlaces {
  std::vector<const geo::Commune*> places;
  std::vector<geo::Nearby> nearby;                     // with `around`: distances
  std::vector<const geo::Commune*> without_coordinates;  // with `around`: could not be placed
};

// InvalidInput naming the scope key ("departement", "region", "autour",
// "rayon_km") on a bad or ambiguous scope; front ends add their own prefix.
Status SelectPlaces(const geo::CommuneIndex& index, const PlaceScope& scope, SelectedPlaces* out);

// One place in a ranking: what the situation would receive there.
struct RankedPlace {
  const geo::Commune* commune = nullptr;
  double distance_km = -1;      // for --autour
  double total = 0;             // euros over the horizon, best compatible set of eligible aids
  std::vector<std::pair<std::string, double>> main_aids;  // (aid id, euros over the horizon), best first
  int eligible = 0;
  int to_specify = 0;
  std::string zone_medecin;     // "ZIP", ... or empty when unknown
  std::string zone_profession;  // the profession's own zoning, or empty
  geo::Territory territory;
  // A zone of the place is unconfirmed at the date (a newer decree whose
  // values are not imported): `total` and `main_aids` are then computed
  // with the previous decree's values ("sous réserve"), and
  // `unconfirmed_zones` lists (field, previous value).
  bool unconfirmed = false;
  std::vector<std::pair<std::string, std::string>> unconfirmed_zones;
};

struct RankOptions {
  int years = 5;          // horizon
  size_t limit = 50;      // rows kept (0 = all)
  // Rank by the best legal plan's certain total over the horizon
  // (capsante/plan.h) instead of today's best compatible set.
  bool by_plan = false;
};

// Evaluates `base` in each place (its zoning replaced by the place's) and
// ranks places by total, highest first (ties: by population, then code).
// Places with identical zone facts share one evaluation.
// Places whose zone is unconfirmed at the date are never ranked with the
// others: they go to *unconfirmed (when not null), ranked by their total
// under the previous decree, shown "sous réserve". `options.limit` applies
// to each list.
Status Rank(const Catalog& catalog, const geo::CommuneIndex& index, const Situation& base,
            const std::vector<const geo::Commune*>& places, const RankOptions& options,
            std::vector<RankedPlace>* out, std::vector<RankedPlace>* unconfirmed = nullptr);

// The ranking as JSON, the same for `capsante classement --json` and
// POST /api/v1/classement; `unconfirmed` goes to "communes_a_confirmer".
std::string RankingToJson(Date date, int years, const SelectedPlaces& selection, const std::vector<RankedPlace>& ranked,
                          int indent = -1, const std::vector<RankedPlace>& unconfirmed = {});

// The same situation in a place whose zone is unconfirmed, evaluated with
// the previous decree's values (the "sous réserve" answer of `comparer`).
// *applies is false (and *out untouched) when every zone fact is confirmed
// or no previous value is known.
struct ProvisionalAnswer {
  bool applies = false;
  double total = 0;  // euros over the horizon: best compatible set, or best plan
  std::vector<std::pair<std::string, std::string>> assumed;  // (field, previous value)
};
// `by_plan`: the total is the best plan's over the horizon, as the confirmed
// places of the same comparison (TotalWithin).
ProvisionalAnswer Provisional(const Catalog& catalog, const Situation& at_place, const PlaceResolution& place,
                              int years, bool by_plan = false);

// Euros an aid result brings within `years` from the simulation date
// (payments inside the horizon; 0 when not eligible or not quantified).
double AmountWithin(const AidResult& aid, Date from, int years);

// What a place brings within `years` (what `comparer` shows): the best
// compatible set of today's eligible aids in `result`, or with `by_plan` the
// best legal plan's certain total for `situation` (capsante/plan.h).
double TotalWithin(const Catalog& catalog, const Situation& situation, const Result& result, int years, bool by_plan);

// The best set of eligible aids that may be combined (incompatible aids
// excluded), greedily by amount within the horizon.
std::vector<const AidResult*> BestCompatibleSet(const Result& result, int years);

}  // namespace capsante

#endif  // CAPSANTE_PLACE_H_
