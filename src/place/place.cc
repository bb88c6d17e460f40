#include "capsante/place.h"

#include <algorithm>
#include <unordered_map>

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
      return Status::InvalidInput("« commune » : code INSEE inconnu « " + code->text + " » (cherchez-le avec « capsante communes NOM »)", "commune");
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
        note.origin = f.possible ? "a_confirmer" : "inconnu";
      }
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
      FactNote note{"cabinet_secondaire.zonage_medecin", f.known ? f.value : "", f.known ? "commune" : "inconnu", f.layer, f.note};
      if (f.known) CAPSANTE_RETURN_IF_ERROR(situation->SetFromText("cabinet_secondaire.zonage_medecin", f.value, FactOrigin::kCommune));
      out->facts.push_back(std::move(note));
    }
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

Status Rank(const Catalog& catalog, const geo::CommuneIndex& index, const Situation& base,
            const std::vector<const geo::Commune*>& places, const RankOptions& options, std::vector<RankedPlace>* out) {
  struct Summary {
    double total = 0;
    std::vector<std::pair<std::string, double>> main;
    int eligible = 0;
    int to_specify = 0;
  };
  std::unordered_map<std::string, Summary> cache;
  const std::string profession = ProfessionOf(base);
  EvalOptions eval;
  eval.explanations = false;
  std::vector<RankedPlace> ranked;
  ranked.reserve(places.size());
  std::string key;
  for (const geo::Commune* place : places) {
    const std::vector<geo::PlaceFact> facts = index.FactsFor(*place, base.date(), profession);
    key.clear();
    RankedPlace row;
    row.commune = place;
    for (const auto& f : facts) {
      key += f.field;
      key += '=';
      key += f.known ? f.value : (f.possible ? "?" : "");
      key += ';';
      if (f.field == "zonage.medecin" && f.known) row.zone_medecin = f.value;
      if (f.field == "zonage.profession" && f.known) row.zone_profession = f.value;
    }
    auto it = cache.find(key);
    if (it == cache.end()) {
      Situation s = base;
      for (const auto& f : facts) {
        s.Clear(f.field);
        if (f.known) CAPSANTE_RETURN_IF_ERROR(s.SetFromText(f.field, f.value, FactOrigin::kCommune));
      }
      const Result result = Evaluate(catalog, s, eval);
      Summary summary;
      for (const AidResult* a : BestCompatibleSet(result, options.years)) {
        const double amount = AmountWithin(*a, result.date, options.years);
        summary.total += amount;
        summary.main.push_back({a->aid->id, amount});
      }
      for (const auto& a : result.aids) {
        summary.eligible += a.status == AidStatus::kEligible;
        summary.to_specify += a.status == AidStatus::kToSpecify;
      }
      it = cache.emplace(key, std::move(summary)).first;
    }
    row.total = it->second.total;
    row.main_aids = it->second.main;
    row.eligible = it->second.eligible;
    row.to_specify = it->second.to_specify;
    ranked.push_back(std::move(row));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedPlace& a, const RankedPlace& b) {
    if (a.total != b.total) return a.total > b.total;
    if (a.commune->population != b.commune->population) return a.commune->population > b.commune->population;
    return a.commune->code < b.commune->code;
  });
  if (options.limit > 0 && ranked.size() > options.limit) ranked.resize(options.limit);
  for (auto& row : ranked) row.territory = index.TerritoryFor(*row.commune);
  *out = std::move(ranked);
  return Status::Ok();
}

}  // namespace capsante
