#include "capsante/place.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "capsante/plan.h"

namespace capsante {

bool NeedsPlace(const Situation& situation) {
  const Fact* commune = situation.Find("commune");
  const Fact* secondary = situation.Find("cabinet_secondaire.commune");
  return (commune && commune->known()) || (secondary && secondary->known());
}

namespace {

const char* OriginFrench(FactOrigin o) {
  switch (o) {
    case FactOrigin::kUser: return "utilisateur";
    case FactOrigin::kCommune: return "commune";
    case FactOrigin::kNone: return "inconnu";
  }
  return "inconnu";
}

int SlotOf(const Situation& s, const std::string& path) {
  const FieldSpec* f = s.schema().Find(path);
  return f && f->is_scalar() && !f->in_list ? f->slot : -1;
}

// Copies what a zone fact needs of its text ("ARS Centre-Val de Loire,
// 13/01/2022" for display).
FactDecree ToFactDecree(const geo::Decree& d) {
  FactDecree out;
  out.authority = d.authority;
  out.reference = d.reference;
  if (d.from) out.from = d.from->ToString();
  if (d.from_at_latest) out.from_at_latest = d.from_at_latest->ToString();
  out.url = d.url;
  out.label = geo::DecreeLabel(d);
  return out;
}

// The decree and confirmation state of a layer fact, into a result note.
void CopyDecrees(const geo::PlaceFact& f, FactNote* note) {
  if (f.decree) note->decree = ToFactDecree(*f.decree);
  if (!f.unconfirmed) return;
  note->unconfirmed = true;
  if (f.replaced_by) note->replaced_by = ToFactDecree(*f.replaced_by);
  note->previous_value = f.previous_value;
}

std::string ProfessionOf(const Situation& s) {
  const Fact* p = s.Find("profession");
  return p && p->known() ? p->text : std::string();
}

}  // namespace

Status ResolvePlace(const geo::CommuneIndex& index, Situation* situation, PlaceResolution* out) {
  const Fact* code = situation->Find("commune");
  if (code && code->known()) {
    const geo::Lookup lookup = index.Find(code->text);
    if (!lookup.commune) {
      return Status::InvalidInput(situation->schema().InWords("commune") + " : code INSEE inconnu « " + code->text +
                                      " » (cherchez-le avec « capsante communes NOM »)",
                                  "commune");
    }
    const geo::Commune& place = *lookup.commune;
    out->resolved = true;
    out->commune.code = place.code;
    out->commune.name = place.name;
    out->commune.departement = place.departement;
    out->commune.region = place.region;
    out->commune.note = lookup.note;
    for (const geo::PlaceFact& f : index.FactsFor(place, situation->date(), ProfessionOf(*situation))) {
      const int slot = SlotOf(*situation, f.field);
      if (slot < 0) continue;
      FactNote note;
      note.field = f.field;
      note.layer = f.layer;
      note.note = f.note;
      if (situation->origin(slot) == FactOrigin::kUser) {
        note.value = situation->fact(slot).ToString();
        note.origin = OriginFrench(FactOrigin::kUser);
        note.note = "donné par l'utilisateur" + std::string(f.known && f.value != note.value ? " (la couche indique « " + f.value + " »)" : "") +
                    (f.note.empty() ? "" : " ; " + f.note);
      } else if (f.known) {
        CAPSANTE_RETURN_IF_ERROR(situation->SetFromText(f.field, f.value, FactOrigin::kCommune));
        note.value = f.value;
        note.origin = OriginFrench(FactOrigin::kCommune);
      } else {
        note.origin = f.possible || f.unconfirmed ? "a_confirmer" : "inconnu";
      }
      CopyDecrees(f, &note);
      out->facts.push_back(std::move(note));
    }
  }
  // A secondary practice's commune gives its doctors' zoning.
  const Fact* secondary = situation->Find("cabinet_secondaire.commune");
  const int zone_slot = SlotOf(*situation, "cabinet_secondaire.zonage_medecin");
  if (secondary && secondary->known() && zone_slot >= 0 && situation->origin(zone_slot) != FactOrigin::kUser) {
    const geo::Lookup lookup = index.Find(secondary->text);
    if (!lookup.commune) {
      return Status::InvalidInput("« cabinet_secondaire.commune » : code INSEE inconnu « " + secondary->text + " »", "cabinet_secondaire.commune");
    }
    for (const geo::PlaceFact& f : index.FactsFor(*lookup.commune, situation->date(), "")) {
      if (f.field != "zonage.medecin") continue;
      FactNote note{"cabinet_secondaire.zonage_medecin", f.known ? f.value : "",
                    f.known ? "commune" : f.unconfirmed ? "a_confirmer" : "inconnu", f.layer, f.note};
      CopyDecrees(f, &note);
      if (f.known) CAPSANTE_RETURN_IF_ERROR(situation->SetFromText("cabinet_secondaire.zonage_medecin", f.value, FactOrigin::kCommune));
      out->facts.push_back(std::move(note));
    }
  }
  return Status::Ok();
}

Status SituationAt(const geo::CommuneIndex& index, const Situation& base, const std::string& code, Situation* out,
                   PlaceResolution* place) {
  Situation s = base;
  // The place decides the zoning: forget the zone facts of the base situation.
  for (const char* f : {"zonage.medecin", "zonage.profession", "zonage.qpv", "zonage.frr", "zonage.zrr", "zonage.zfu",
                        "zonage.montagne", "zonage.region", "zonage.departement"}) {
    s.Clear(f);
  }
  CAPSANTE_RETURN_IF_ERROR(s.SetFromText("commune", code, FactOrigin::kUser));
  CAPSANTE_RETURN_IF_ERROR(ResolvePlace(index, &s, place));
  *out = std::move(s);
  return Status::Ok();
}

Status SelectPlaces(const geo::CommuneIndex& index, const PlaceScope& scope, SelectedPlaces* out) {
  const int scopes = !scope.departement.empty() + !scope.region.empty() + scope.france + !scope.around.empty();
  if (scopes != 1) {
    return Status::InvalidInput("choisissez une seule zone : département, région, France entière ou autour d'une commune", "departement");
  }
  if (!scope.departement.empty()) {
    out->places = index.PlacesInDepartement(scope.departement);
    if (out->places.empty()) return Status::InvalidInput("département inconnu « " + scope.departement.substr(0, 8) + " »", "departement");
  } else if (!scope.region.empty()) {
    out->places = index.PlacesInRegion(scope.region);
    if (out->places.empty()) return Status::InvalidInput("région inconnue « " + scope.region.substr(0, 8) + " »", "region");
  } else if (scope.france) {
    out->places = index.AllPlaces();
  } else {
    if (!(scope.radius_km >= 0) || scope.radius_km > 1000) {
      return Status::InvalidInput("le rayon est requis autour d'une commune (de 0 à 1000 km)", "rayon_km");
    }
    const geo::Lookup center = index.Find(scope.around);
    if (!center.commune) return Status::InvalidInput("code INSEE inconnu « " + scope.around.substr(0, 16) + " »", "autour");
    CAPSANTE_RETURN_IF_ERROR(index.PlacesWithin(*center.current, scope.radius_km, &out->nearby, &out->without_coordinates));
    for (const auto& n : out->nearby) out->places.push_back(n.commune);
  }
  return Status::Ok();
}

void ApplyPlace(const PlaceResolution& place, Result* result) {
  if (place.resolved) result->commune = place.commune;
  result->facts.insert(result->facts.end(), place.facts.begin(), place.facts.end());
}

double AmountWithin(const AidResult& r, Date from, int years) {
  (void)from;
  if (r.status != AidStatus::kEligible || !r.amount.quantified) return 0;
  const Aid& aid = *r.aid;
  const int horizon_months = years * 12;
  double sum = 0;
  if (!r.amount.schedule.empty()) {
    for (const auto& p : r.amount.schedule) {
      if (p.amount && p.months_after < horizon_months) sum += *p.amount;
    }
    return sum;
  }
  if (!r.amount.per_period) return 0;
  const double per = *r.amount.per_period;
  switch (aid.periodicity) {
    case Periodicity::kOnce: sum = r.amount.total.value_or(per); break;
    case Periodicity::kYearly: {
      const double periods = aid.duration_months > 0 ? std::min(years * 1.0, aid.duration_months / 12.0) : years;
      sum = per * periods;
      break;
    }
    case Periodicity::kMonthly: {
      const double periods = aid.duration_months > 0 ? std::min(horizon_months, aid.duration_months) : horizon_months;
      sum = per * periods;
      break;
    }
  }
  if (r.amount.total && *r.amount.total < sum) sum = *r.amount.total;
  return sum;
}

double TotalWithin(const Catalog& catalog, const Situation& situation, const Result& result, int years, bool by_plan) {
  if (by_plan) return BestCertainPlan(catalog, situation, years).certain_total;
  double total = 0;
  for (const AidResult* a : BestCompatibleSet(result, years)) total += AmountWithin(*a, result.date, years);
  return total;
}

std::vector<const AidResult*> BestCompatibleSet(const Result& result, int years) {
  std::vector<std::pair<double, const AidResult*>> candidates;
  for (const auto& a : result.aids) {
    const double amount = AmountWithin(a, result.date, years);
    if (amount > 0) candidates.push_back({amount, &a});
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<const AidResult*> chosen;
  for (const auto& [amount, a] : candidates) {
    bool compatible = true;
    for (const AidResult* c : chosen) {
      const auto& mine = a->aid->incompatible_with;
      const auto& theirs = c->aid->incompatible_with;
      if (std::find(mine.begin(), mine.end(), c->aid->id) != mine.end() ||
          std::find(theirs.begin(), theirs.end(), a->aid->id) != theirs.end()) {
        compatible = false;
        break;
      }
    }
    if (compatible) chosen.push_back(a);
  }
  return chosen;
}

ProvisionalAnswer Provisional(const Catalog& catalog, const Situation& at_place, const PlaceResolution& place,
                              int years, bool by_plan) {
  ProvisionalAnswer answer;
  Situation s = at_place;
  for (const FactNote& f : place.facts) {
    if (!f.unconfirmed || f.previous_value.empty()) continue;
    const int slot = SlotOf(s, f.field);
    if (slot < 0 || s.origin(slot) == FactOrigin::kUser) continue;  // the user's answer decides
    if (!s.SetFromText(f.field, f.previous_value, FactOrigin::kCommune).ok()) continue;
    answer.assumed.push_back({f.field, f.previous_value});
  }
  if (answer.assumed.empty()) return answer;
  EvalOptions eval;
  eval.explanations = false;
  const Result result = Evaluate(catalog, s, eval);
  answer.applies = true;
  answer.total = TotalWithin(catalog, s, result, years, by_plan);
  return answer;
}

Status Rank(const Catalog& catalog, const geo::CommuneIndex& index, const Situation& base,
            const std::vector<const geo::Commune*>& places, const RankOptions& options, std::vector<RankedPlace>* out,
            std::vector<RankedPlace>* unconfirmed) {
  // One evaluation per distinct set of zone facts. The zone columns of a row
  // (known medecin/profession zonings) are part of that set, so they are
  // kept with the summary.
  struct Summary {
    double total = 0;
    std::vector<std::pair<std::string, double>> main;
    int eligible = 0;
    int to_specify = 0;
    std::string zone_medecin;
    std::string zone_profession;
    bool unconfirmed = false;
    std::vector<std::pair<std::string, std::string>> unconfirmed_zones;
  };
  std::vector<Summary> summaries;
  std::unordered_map<std::string, uint32_t> cache;  // key of the zone facts -> summaries index
  const std::string profession = ProfessionOf(base);
  EvalOptions eval;
  eval.explanations = false;
  // What the sort needs of a place; the full rows are only built for the
  // places kept (a RankedPlace is large and costly to move).
  struct Entry {
    double total;
    int64_t population;
    const geo::Commune* commune;
    uint32_t summary;
    uint32_t position;  // in `places`: the order of equal places, as a stable sort
  };
  std::vector<Entry> entries;
  std::vector<Entry> apart;  // unconfirmed zone: ranked separately
  entries.reserve(places.size());
  std::string key;
  geo::FactsOptions facts_options;
  facts_options.notes = false;  // only values count here
  std::vector<geo::PlaceFact> facts;  // reused: no allocation once grown
  for (const geo::Commune* place : places) {
    index.FactsFor(*place, base.date(), profession, facts_options, &facts);
    key.clear();
    for (const auto& f : facts) {
      key += f.field;
      key += '=';
      key += f.known ? std::string_view(f.value) : (f.possible ? std::string_view("?") : std::string_view());
      if (f.unconfirmed) {
        key += '!';
        key += f.previous_value;
      }
      key += ';';
    }
    auto it = cache.find(key);
    if (it == cache.end()) {
      Situation s = base;
      Summary summary;
      for (const auto& f : facts) {
        s.Clear(f.field);
        if (f.known) CAPSANTE_RETURN_IF_ERROR(s.SetFromText(f.field, f.value, FactOrigin::kCommune));
        // An unconfirmed zone is ranked apart, with the previous decree's
        // value ("sous réserve").
        if (f.unconfirmed) {
          summary.unconfirmed = true;
          summary.unconfirmed_zones.push_back({f.field, f.previous_value});
          if (!f.previous_value.empty()) {
            CAPSANTE_RETURN_IF_ERROR(s.SetFromText(f.field, f.previous_value, FactOrigin::kCommune));
          }
        }
      }
      const Result result = Evaluate(catalog, s, eval);
      if (options.by_plan) {
        const Plan best = BestCertainPlan(catalog, s, options.years);
        summary.total = best.certain_total;
        for (const PlanStep& step : best.steps) summary.main.push_back({step.aid->id, step.total.value_or(0)});
        std::stable_sort(summary.main.begin(), summary.main.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
      } else {
        for (const AidResult* a : BestCompatibleSet(result, options.years)) {
          const double amount = AmountWithin(*a, result.date, options.years);
          summary.total += amount;
          summary.main.push_back({a->aid->id, amount});
        }
      }
      for (const auto& a : result.aids) {
        summary.eligible += a.status == AidStatus::kEligible;
        summary.to_specify += a.status == AidStatus::kToSpecify;
      }
      for (const auto& f : facts) {
        if (f.field == "zonage.medecin" && f.known) summary.zone_medecin = f.value;
        if (f.field == "zonage.profession" && f.known) summary.zone_profession = f.value;
      }
      summaries.push_back(std::move(summary));
      it = cache.emplace(key, static_cast<uint32_t>(summaries.size() - 1)).first;
    }
    const Summary& summary = summaries[it->second];
    (summary.unconfirmed ? apart : entries)
        .push_back({summary.total, place->population, place, it->second, static_cast<uint32_t>(entries.size() + apart.size())});
  }
  // Highest total first, then by population, then by code; places still
  // equal keep their input order. A strict total order: a partial sort of
  // the first `limit` gives exactly the head of the stable sort.
  auto before = [](const Entry& a, const Entry& b) {
    if (a.total != b.total) return a.total > b.total;
    if (a.population != b.population) return a.population > b.population;
    if (const int c = a.commune->code.compare(b.commune->code); c != 0) return c < 0;
    return a.position < b.position;
  };
  auto rows = [&](std::vector<Entry>& list) {
    if (options.limit > 0 && list.size() > options.limit) {
      std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(options.limit), list.end(), before);
      list.resize(options.limit);
    } else {
      std::sort(list.begin(), list.end(), before);
    }
    std::vector<RankedPlace> ranked(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      const Summary& summary = summaries[list[i].summary];
      RankedPlace& row = ranked[i];
      row.commune = list[i].commune;
      row.total = summary.total;
      row.main_aids = summary.main;
      row.eligible = summary.eligible;
      row.to_specify = summary.to_specify;
      row.zone_medecin = summary.zone_medecin;
      row.zone_profession = summary.zone_profession;
      row.unconfirmed = summary.unconfirmed;
      row.unconfirmed_zones = summary.unconfirmed_zones;
      row.territory = index.TerritoryFor(*row.commune);
    }
    return ranked;
  };
  *out = rows(entries);
  if (unconfirmed != nullptr) *unconfirmed = rows(apart);
  return Status::Ok();
}

}  // namespace capsante
