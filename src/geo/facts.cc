// FactsFor and TerritoryFor: from a place and a date to the zone facts.
// The dating decisions are explained in docs/zonings.md.
#include <optional>
#include <string>
#include <vector>

#include "capsante/geo.h"
#include "geo/civil.h"
#include "geo/rep.h"

namespace capsante::geo {

using internal::FrenchDate;
using internal::LayerData;
using internal::MakeDate;

namespace {

// Legal dates that are not in any layer file.
constexpr Date kFrrStart = MakeDate(2024, 7, 1);      // loi de finances 2024, art. 73
constexpr Date kZrrEnd = MakeDate(2024, 6, 30);       // last day of the ZRR scheme
constexpr Date kQpv2024Metro = MakeDate(2024, 1, 1);  // décret 2023-1314
constexpr Date kQpv2024Overseas = MakeDate(2025, 1, 1);  // décret 2024-1211

// A layer value resolved for one entry, possibly through another entry.
// `value` and the detail view point into the layer's storage (or a literal),
// so that resolving allocates nothing in the common case.
struct Raw {
  bool present = false;
  std::string_view value;
  std::string_view detail_view;
  std::string detail_owned;  // the detail when built (par_arrondissement)
  bool owns_detail = false;
  std::string origin;  // French: where the value comes from, when not the entry itself (notes only)

  std::string_view detail() const { return owns_detail ? std::string_view(detail_owned) : detail_view; }
};

Raw Own(const LayerData& layer, int i) {
  Raw raw;
  if (i < 0 || layer.slot[i] < 0) return raw;
  raw.present = true;
  const auto& v = layer.values[layer.slot[i]];
  raw.value = v.first;
  raw.detail_view = v.second;
  return raw;
}

// The value of `code` inside a "mixte" detail ("25303=intermediaire|..."),
// a view into `detail`.
std::optional<std::string_view> MixedPart(std::string_view detail, std::string_view code) {
  size_t pos = 0;
  while (pos < detail.size()) {
    size_t end = detail.find('|', pos);
    if (end == std::string::npos) end = detail.size();
    const std::string_view part = detail.substr(pos, end - pos);
    if (part.size() > code.size() && part.substr(0, code.size()) == code && part[code.size()] == '=') {
      return part.substr(code.size() + 1);
    }
    pos = end + 1;
  }
  return std::nullopt;
}

// "25303=intermediaire|25347=sous_dotee" -> "25303 : intermediaire, 25347 : sous_dotee".
std::string ReadableParts(std::string_view detail) {
  std::string out;
  for (char c : detail) {
    if (c == '=') out += " : ";
    else if (c == '|') out += ", ";
    else out.push_back(c);
  }
  return out;
}

std::string LayerNote(const LayerInfo& info) {
  return info.label + ", " + info.vintage + " (" + info.producer + ")";
}

bool InForce(const LayerInfo& info, Date date) {
  return (!info.from || *info.from <= date) && (!info.to || date <= *info.to);
}

std::string Validity(const LayerInfo& info) {
  if (info.from && info.to) return "du " + FrenchDate(*info.from) + " au " + FrenchDate(*info.to);
  if (info.from) return "à partir du " + FrenchDate(*info.from);
  if (info.to) return "jusqu'au " + FrenchDate(*info.to);
  return "sans limite de date";
}

// Three-valued reading of a classification for bool facts.
enum class Tri { kTrue, kFalse, kPartial, kUnknown };

Tri FrrTri(std::string_view v) {
  if (v == "socle" || v == "plus" || v == "beneficiaire") return Tri::kTrue;
  if (v == "non_classee") return Tri::kFalse;
  if (v == "partielle" || v == "beneficiaire_partielle") return Tri::kPartial;
  return Tri::kUnknown;
}

Tri ZrrTri(std::string_view v) {
  if (v == "classee") return Tri::kTrue;
  if (v == "non_classee") return Tri::kFalse;
  if (v == "partielle") return Tri::kPartial;
  return Tri::kUnknown;
}

std::string FrrLabel(std::string_view v) {
  if (v == "socle") return "FRR socle";
  if (v == "plus") return "FRR+";
  if (v == "beneficiaire") return "FRR bénéficiaire";
  if (v == "beneficiaire_partielle") return "FRR bénéficiaire partiellement";
  if (v == "partielle") return "Classée FRR partiellement";
  if (v == "non_classee") return "Non classée";
  return std::string(v);
}

std::string ZrrLabel(std::string_view v) {
  if (v == "classee") return "classée";
  if (v == "non_classee") return "non classée";
  if (v == "partielle") return "partiellement classée";
  return std::string(v);
}

const char* DensityLabel(std::string_view level) {
  static const char* const kLabels[] = {"Grands centres urbains", "Centres urbains intermédiaires",
                                        "Ceintures urbaines", "Petites villes", "Bourgs ruraux",
                                        "Rural à habitat dispersé", "Rural à habitat très dispersé"};
  if (level.size() == 1 && level[0] >= '1' && level[0] <= '7') return kLabels[level[0] - '1'];
  return "";
}

bool IsOverseasCollectivity(const Commune& c) {
  return c.departement.size() == 3 && c.departement >= "975" && c.departement != "976";
}

class FactBuilder {
 public:
  FactBuilder(const CommuneIndex::Rep& rep, int index, Date date)
      : rep_(rep), index_(index), date_(date) {}

  // The value of `layer` for the entry (see docs/zonings.md for the rules on
  // delegated communes, arrondissements and merged communes).
  Raw Resolve(const LayerData& layer) const {
    const Commune& c = rep_.entries[index_];
    const int p = rep_.parent[index_];
    if (c.kind == CommuneKind::kDeleguee || c.kind == CommuneKind::kAssociee) {
      Raw raw = Own(layer, p);
      if (!raw.present) return raw;
      if (raw.value == "mixte") {
        if (auto v = MixedPart(raw.detail, c.code)) {
          return Computed(*v, {}, "valeur de l'ancienne commune " + c.name);
        }
        return raw;
      }
      raw.origin = "valeur de la commune de rattachement " + rep_.entries[p].name;
      return raw;
    }
    Raw raw = Own(layer, index_);
    if (raw.present) return raw;
    if (c.kind == CommuneKind::kArrondissement) {
      raw = Own(layer, p);
      if (raw.present) raw.origin = "valeur de la commune de " + rep_.entries[p].name;
      return raw;
    }
    const auto& arr = rep_.arrondissements[index_];
    if (arr.empty()) return raw;
    std::string parts;
    bool all_present = true, same = true;
    std::optional<std::string> first;
    for (uint32_t a : arr) {
      Raw r = Own(layer, static_cast<int>(a));
      if (!r.present) { all_present = false; continue; }
      if (!first) first = r.value;
      else if (*first != r.value) same = false;
      if (!parts.empty()) parts += "|";
      parts += rep_.entries[a].code + "=" + std::string(r.value);
    }
    if (!first) return raw;
    if (all_present && same) return Computed(*first, {}, "identique dans tous les arrondissements");
    return Computed("par_arrondissement", parts, {});
  }

  // An enum fact (zonage.medecin, zonage.profession) from the layers of
  // `candidates`, the one in force at the date.
  PlaceFact Enum(const std::string& field, const std::vector<const LayerData*>& candidates) const {
    PlaceFact f;
    f.field = field;
    const LayerData* layer = nullptr;
    for (const LayerData* l : candidates) if (InForce(l->info, date_)) layer = l;
    if (layer == nullptr) {
      f.layer = candidates.empty() ? "" : candidates.back()->info.id;
      f.note = "Aucun zonage connu au " + FrenchDate(date_) + " :";
      for (const LayerData* l : candidates) {
        f.note += " " + LayerNote(l->info) + ", " + Validity(l->info) + ";";
      }
      f.note.pop_back();
      return f;
    }
    f.layer = layer->info.id;
    const Raw raw = Resolve(*layer);
    const std::string& source = layer->note;
    if (!raw.present) {
      f.note = source + " : la commune n'y figure pas";
    } else if (raw.value.empty()) {
      f.note = source + " : résultat non disponible pour la commune";
    } else if (raw.value == "mixte") {
      f.note = source + " : la commune regroupe d'anciennes communes classées différemment (" +
               ReadableParts(raw.detail) + ") : précisez la commune déléguée";
    } else if (raw.value == "par_arrondissement") {
      f.note = source + " : le zonage varie selon l'arrondissement (" + ReadableParts(raw.detail) +
               ") : précisez l'arrondissement";
    } else {
      f.known = true;
      f.value = std::string(raw.value);
      f.note = source + (raw.origin.empty() ? "" : " ; " + raw.origin);
    }
    return f;
  }

  // A classification read as a bool (FRR, ZRR), in force at the date.
  PlaceFact Classification(const std::string& field, const LayerData& layer, Tri (*tri)(std::string_view),
                           std::string (*label)(std::string_view)) const {
    PlaceFact f;
    f.field = field;
    f.layer = layer.info.id;
    const std::string& source = layer.note;
    const Raw raw = Resolve(layer);
    if (!raw.present || raw.value.empty()) {
      f.note = source + " : la commune n'y figure pas";
      return f;
    }
    Tri t;
    std::string what;
    if (raw.value == "mixte" || raw.value == "par_arrondissement") {
      bool any_true = false, any_false = false;
      std::string parts = ReadableParts(raw.detail);
      for (size_t pos = 0; pos <= raw.detail.size();) {
        size_t end = raw.detail.find('|', pos);
        if (end == std::string::npos) end = raw.detail.size();
        const std::string_view part = std::string_view(raw.detail).substr(pos, end - pos);
        const size_t eq = part.find('=');
        const Tri pt = tri(eq == std::string::npos ? part : part.substr(eq + 1));
        any_true = any_true || pt == Tri::kTrue || pt == Tri::kPartial;
        any_false = any_false || pt == Tri::kFalse;
        pos = end + 1;
      }
      t = any_true && !any_false ? Tri::kTrue : any_true ? Tri::kPartial : Tri::kFalse;
      what = "anciennes communes classées différemment (" + parts + ")";
    } else {
      t = tri(raw.value);
      what = label(raw.value);
    }
    f.note = source + " : " + what + (raw.origin.empty() ? "" : " ; " + raw.origin);
    switch (t) {
      case Tri::kTrue: f.known = true; f.value = "true"; break;
      case Tri::kFalse: f.known = true; f.value = "false"; break;
      case Tri::kPartial:
        f.possible = true;
        f.note += " : commune partiellement classée, à confirmer pour l'adresse";
        break;
      case Tri::kUnknown: break;
    }
    return f;
  }

  // A part-of-commune layer (QPV, ZFU-TE): listed -> possible; not listed ->
  // false (the list covers all of France; its caveat is in the note).
  PlaceFact Area(const std::string& field, const LayerData& layer, const std::string& none) const {
    PlaceFact f;
    f.field = field;
    f.layer = layer.info.id;
    const std::string& source = layer.note;
    const Raw raw = Resolve(layer);
    if (!raw.present) {
      f.known = true;
      f.value = "false";
      f.note = source + " : " + none;
      return f;
    }
    f.possible = true;
    std::string list(raw.detail);
    for (char& c : list) if (c == '|') c = ';';
    if (field == "zonage.qpv") {
      f.note = "La commune contient " + std::string(raw.value) + " QPV (" + list + ") : à confirmer pour l'adresse";
    } else if (raw.value == "ambigu") {
      f.note = "Une ZFU-TE porte le nom de cette commune, mais aussi celui d'homonymes (" + list +
               ") : rapprochement incertain, à confirmer pour l'adresse";
    } else {
      f.note = "La commune contient une ZFU-TE (" + list + ") : à confirmer pour l'adresse";
    }
    f.note += " — " + source + (raw.origin.empty() ? "" : " ; " + raw.origin);
    return f;
  }

 private:
  const CommuneIndex::Rep& rep_;
  int index_;
  Date date_;
};

int IndexOf(const CommuneIndex::Rep& rep, const Commune& c) {
  int i = rep.Index(c);
  if (i >= 0) return i;
  // A copy: find the entry by code and kind.
  auto it = rep.current.find(c.code);
  if (it != rep.current.end() && rep.entries[it->second].kind == c.kind) return static_cast<int>(it->second);
  for (size_t k = 0; k < rep.entries.size(); ++k) {
    if (rep.entries[k].code == c.code && rep.entries[k].kind == c.kind) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

bool ProfessionHasZoning(std::string_view p) {
  return p == "infirmier" || p == "masseur_kinesitherapeute" || p == "sage_femme" ||
         p == "orthophoniste" || p == "chirurgien_dentiste";
}

std::vector<PlaceFact> CommuneIndex::FactsFor(const Commune& commune, Date date,
                                              std::string_view profession) const {
  const Rep& r = *rep_;
  std::vector<PlaceFact> facts;
  const int index = IndexOf(r, commune);
  if (index < 0) return facts;  // not from this index: nothing is known
  const Commune& c = r.entries[index];
  FactBuilder b(r, index, date);

  facts.reserve(9);
  facts.push_back(b.Enum("zonage.medecin", r.doctors));
  for (const auto& [p, layers] : r.by_profession) {
    if (p == profession) facts.push_back(b.Enum("zonage.profession", layers));
  }

  if (const LayerData* qpv = r.qpv) {
    const Date start = c.departement.rfind("97", 0) == 0 ? kQpv2024Overseas : kQpv2024Metro;
    if (date < start) {
      PlaceFact f{"zonage.qpv", "", false, false, qpv->info.id,
                  "Les QPV en vigueur avant le " + FrenchDate(start) +
                      " (génération 2015) ne sont pas dans nos données"};
      facts.push_back(f);
    } else {
      facts.push_back(b.Area("zonage.qpv", *qpv,
                             "aucun QPV recensé dans la commune (la liste omet environ 90 des ~1 584 QPV : "
                             "en cas de doute, vérifier l'adresse sur sig.ville.gouv.fr)"));
    }
  }

  if (const LayerData* frr = r.frr) {
    if (date < kFrrStart) {
      facts.push_back({"zonage.frr", "false", true, false, frr->info.id,
                       "Le dispositif FRR n'existe qu'à partir du " + FrenchDate(kFrrStart)});
    } else if (!InForce(frr->info, date)) {
      PlaceFact f = b.Classification("zonage.frr", *frr, FrrTri, FrrLabel);
      f.known = false;
      f.possible = false;
      f.value.clear();
      f.note = "Classement FRR en vigueur au " + FrenchDate(date) +
               " non disponible ; à titre indicatif, " + f.note;
      facts.push_back(f);
    } else {
      facts.push_back(b.Classification("zonage.frr", *frr, FrrTri, FrrLabel));
    }
  }

  if (const LayerData* zrr = r.zrr) {
    PlaceFact f = b.Classification("zonage.zrr", *zrr, ZrrTri, ZrrLabel);
    if (!InForce(zrr->info, date)) {
      f.known = false;
      f.possible = false;
      f.value.clear();
      if (date > kZrrEnd) {
        f.note = "Le dispositif ZRR a pris fin le " + FrenchDate(kZrrEnd) +
                 " (remplacé par FRR) ; pour mémoire, " + f.note;
      } else {
        f.note = "Classement ZRR en vigueur au " + FrenchDate(date) + " non disponible (" +
                 LayerNote(zrr->info) + ", " + Validity(zrr->info) + ")";
      }
    }
    facts.push_back(f);
  }

  if (const LayerData* zfu = r.zfu) {
    facts.push_back(b.Area("zonage.zfu", *zfu,
                           "aucune ZFU-TE recensée dans la commune (liste rapprochée par nom de commune)"));
  }

  if (const LayerData* mountain = r.montagne) {
    PlaceFact f;
    f.field = "zonage.montagne";
    f.layer = mountain->info.id;
    const std::string& source = mountain->note;
    const Raw raw = b.Resolve(*mountain);
    const LayerData* density = r.densite;
    if (raw.present) {
      f.known = true;
      f.value = "true";
      f.note = source + " : " + std::string(raw.detail) + (raw.origin.empty() ? "" : " ; " + raw.origin);
    } else if (density != nullptr && b.Resolve(*density).present) {
      // The massif list covers the same communes as the density grid (same
      // producer and COG): a commune of that grid absent from it is outside.
      f.known = true;
      f.value = "false";
      f.note = source + " : commune hors massif";
    } else {
      f.note = source + " : la commune n'y figure pas";
    }
    facts.push_back(f);
  }

  const bool com = IsOverseasCollectivity(c);
  const std::string cog = "Code officiel géographique 2026 (INSEE)";
  const std::string com_note = "Collectivité d'outre-mer : hors du champ des zonages";
  facts.push_back({"zonage.region", com ? "" : c.region, !com, false, "cog", com ? com_note : cog});
  facts.push_back({"zonage.departement", com ? "" : c.departement, !com, false, "cog", com ? com_note : cog});
  return facts;
}

Territory CommuneIndex::TerritoryFor(const Commune& commune) const {
  const Rep& r = *rep_;
  Territory t;
  const int index = IndexOf(r, commune);
  if (index < 0) return t;
  t.population = r.entries[index].population;
  FactBuilder b(r, index, MakeDate(2100, 1, 1));
  if (const LayerData* d = r.densite) {
    const Raw raw = b.Resolve(*d);
    if (raw.present && raw.value != "mixte" && raw.value != "par_arrondissement") {
      t.density_level = std::string(raw.value);
      t.density_label = DensityLabel(raw.value);
    }
  }
  if (const LayerData* f = r.frr) {
    const Raw raw = b.Resolve(*f);
    if (raw.present) t.frr_class = raw.value == "mixte" ? "Variable selon la commune déléguée" : FrrLabel(raw.value);
  }
  if (const LayerData* m = r.montagne) {
    const Raw raw = b.Resolve(*m);
    if (raw.present) t.massif = std::string(raw.detail);
  }
  return t;
}

}  // namespace capsante::geo
