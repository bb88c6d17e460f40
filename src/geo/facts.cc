// FactsFor and TerritoryFor: from a place and a date to the zone facts.
// The dating decisions are explained in docs/zonings.md.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capsante/geo.h"
#include "geo/rep.h"

namespace capsante::geo {

using internal::LayerData;

namespace {

using internal::RegionSpan;

// Where the doctors' user can check a zone the data cannot confirm.
constexpr std::string_view kRezone = "Rézone (https://rezone.ameli.fr/rezone)";

// When a layer's values hold for a commune of a region: from the text they
// reflect there until the next text (data/arretes_zonage.tsv), else the
// layer's own dates.
struct InForceSpan {
  std::optional<Date> from;
  std::optional<Date> to;
  const RegionSpan* span = nullptr;
};

// A span never outlives its layer: a nurses' export closed by the next
// export ends there even when the region's next decree comes later.
InForceSpan ValidityOf(const LayerData& layer, std::string_view region) {
  const RegionSpan* s = CommuneIndex::Rep::SpanFor(layer, region);
  if (s == nullptr) return {layer.info.from, layer.info.to, nullptr};
  std::optional<Date> to = s->to ? s->to : layer.info.to;
  if (s->to && layer.info.to && *layer.info.to < *s->to) to = layer.info.to;
  return {s->from ? s->from : layer.info.from, to, s};
}

// Whether the span's next text has replaced its values on `date`.
bool ReplacedOn(const InForceSpan& v, Date date) {
  return v.span != nullptr && v.span->next != nullptr && date >= *v.span->next->effective();
}

bool Contains(const InForceSpan& v, Date date) {
  return (!v.from || *v.from <= date) && (!v.to || date <= *v.to);
}

// "le 13 janvier 2022", "au plus tard le 10 février 2026 (date d'effet non
// trouvée)", "à une date non trouvée".
std::string WhenFrench(const Decree& d) {
  if (d.from) return "le " + d.from->ToFrench();
  if (d.from_at_latest) return "au plus tard le " + d.from_at_latest->ToFrench() + " (date d'effet non trouvée)";
  return "à une date non trouvée";
}

// "zonage du 13 janvier 2022 (ARS Centre-Val de Loire, arrêté n° 2022-DOS-DM-0003)".
std::string DecreeFrench(const Decree& d) {
  std::string out = "zonage";
  if (d.from) out += " du " + d.from->ToFrench();
  else if (d.from_at_latest) out += " en vigueur au plus tard le " + d.from_at_latest->ToFrench();
  return out + " (" + d.authority + ", " + d.reference + ")";
}

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
// "75101=hors_zone|75105=ZAC" → "75101 : hors zone, 75105 : ZAC": people
// read no enum value (geo does not know their labels; words are close enough).
std::string ReadableParts(std::string_view detail) {
  std::string out;
  for (char c : detail) {
    if (c == '=') out += " : ";
    else if (c == '|') out += ", ";
    else if (c == '_') out += " ";
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
  if (info.from && info.to) return "du " + (*info.from).ToFrench() + " au " + (*info.to).ToFrench();
  if (info.from) return "à partir du " + (*info.from).ToFrench();
  if (info.to) return "jusqu'au " + (*info.to).ToFrench();
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

// Sets *s to `v`; a reused fact usually holds it already (same field and
// layer from one place to the next), and comparing is cheaper than copying.
void Set(std::string& s, std::string_view v) {
  if (s != v) s.assign(v);
}

// Resets a (possibly reused) fact for `field`, keeping its strings' capacity.
// Every caller then sets the layer.
void Reset(PlaceFact& f, std::string_view field) {
  Set(f.field, field);
  f.value.clear();
  f.known = false;
  f.possible = false;
  f.note.clear();
  f.decree = nullptr;
  f.unconfirmed = false;
  f.replaced_by = nullptr;
  f.previous_value.clear();
}

class FactBuilder {
 public:
  FactBuilder(const CommuneIndex::Rep& rep, int index, Date date, bool notes)
      : rep_(rep), index_(index), date_(date), notes_(notes) {}

  bool notes() const { return notes_; }

  // The value of `layer` for the entry (see docs/zonings.md for the rules on
  // delegated communes, arrondissements and merged communes). `origin` is
  // only built when notes are wanted.
  Raw Resolve(const LayerData& layer) const {
    const Commune& c = rep_.entries[index_];
    const int p = rep_.parent[index_];
    if (c.kind == CommuneKind::kDeleguee || c.kind == CommuneKind::kAssociee) {
      Raw raw = Own(layer, p);
      if (!raw.present) return raw;
      if (raw.value == "mixte") {
        if (auto v = MixedPart(raw.detail(), c.code)) {
          Raw part;
          part.present = true;
          part.value = *v;
          if (notes_) part.origin = "valeur de l'ancienne commune " + c.name;
          return part;
        }
        return raw;
      }
      if (notes_) raw.origin = "valeur de la commune de rattachement " + rep_.entries[p].name;
      return raw;
    }
    Raw raw = Own(layer, index_);
    if (raw.present) return raw;
    if (c.kind == CommuneKind::kArrondissement) {
      raw = Own(layer, p);
      if (raw.present && notes_) raw.origin = "valeur de la commune de " + rep_.entries[p].name;
      return raw;
    }
    const auto& arr = rep_.arrondissements[index_];
    if (arr.empty()) return raw;
    std::string parts;
    bool all_present = true, same = true;
    std::optional<std::string_view> first;
    for (uint32_t a : arr) {
      Raw r = Own(layer, static_cast<int>(a));
      if (!r.present) { all_present = false; continue; }
      if (!first) first = r.value;
      else if (*first != r.value) same = false;
      if (!parts.empty()) parts += "|";
      parts += rep_.entries[a].code;
      parts += "=";
      parts += r.value;
    }
    if (!first) return raw;
    Raw out;
    out.present = true;
    if (all_present && same) {
      out.value = *first;
      if (notes_) out.origin = "identique dans tous les arrondissements";
      return out;
    }
    out.value = "par_arrondissement";
    out.detail_owned = std::move(parts);
    out.owns_detail = true;
    return out;
  }

  // An enum fact (zonage.medecin, zonage.profession) from the layers of
  // `candidates`, the one in force at the date.
  void Enum(PlaceFact& f, std::string_view field, const std::vector<const LayerData*>& candidates) const {
    Reset(f, field);
    const std::string& region = rep_.entries[index_].region;
    const LayerData* layer = nullptr;
    InForceSpan validity;
    for (const LayerData* l : candidates) {
      const InForceSpan v = ValidityOf(*l, region);
      if (Contains(v, date_)) {
        layer = l;
        validity = v;
      }
    }
    if (layer == nullptr) {
      // A newer text replaced the one a layer reflects, and no layer has
      // its values: the zone is to be confirmed.
      for (const LayerData* l : candidates) {
        const InForceSpan v = ValidityOf(*l, region);
        if (ReplacedOn(v, date_)) {
          Unconfirmed(f, *l, *v.span);
          return;
        }
      }
      Set(f.layer, candidates.empty() ? std::string_view() : std::string_view(candidates.back()->info.id));
      if (notes_) {
        f.note = "Aucun zonage connu au " + (date_).ToFrench() + " :";
        for (const LayerData* l : candidates) {
          // The dates for this region (its decree), else the layer's own.
          const InForceSpan v = ValidityOf(*l, region);
          LayerInfo dates;
          dates.from = v.from;
          dates.to = v.to;
          f.note += " " + LayerNote(l->info) + ", " + Validity(dates) + ";";
        }
        f.note.pop_back();
      }
      return;
    }
    Set(f.layer, layer->info.id);
    if (validity.span != nullptr) f.decree = validity.span->reflected;
    const Raw raw = Resolve(*layer);
    const std::string& source = layer->note;
    if (!raw.present) {
      if (notes_) f.note = source + " : la commune n'y figure pas";
    } else if (raw.value.empty()) {
      if (notes_) f.note = source + " : résultat non disponible pour la commune";
    } else if (raw.value == "mixte") {
      if (notes_) {
        f.note = source + " : la commune regroupe d'anciennes communes classées différemment (" +
                 ReadableParts(raw.detail()) + ") : précisez la commune déléguée";
      }
    } else if (raw.value == "par_arrondissement") {
      if (notes_) {
        f.note = source + " : le zonage varie selon l'arrondissement (" + ReadableParts(raw.detail()) +
                 ") : précisez l'arrondissement";
      }
    } else {
      f.known = true;
      f.value.assign(raw.value);
      if (notes_) f.note = source + (raw.origin.empty() ? "" : " ; " + raw.origin);
    }
    if (notes_ && validity.span != nullptr) {
      f.note += " ; " + DecreeFrench(*validity.span->reflected);
      const Decree* a = validity.span->announced;
      // Only a text with no date at all, and not one signed after the date.
      if (a != nullptr && !a->effective() && (!a->signed_on || date_ >= *a->signed_on)) {
        f.note += " ; un nouveau zonage (" + a->authority + ", " + a->reference +
                  ") est annoncé, date d'entrée en vigueur non trouvée : vérifiez auprès de l'ARS (" + a->url + ")";
      }
    }
  }

  // The value of `layer` was fixed by a text that a newer one, whose values
  // are not imported, replaced before the date: unknown, with the previous
  // value for information only.
  void Unconfirmed(PlaceFact& f, const LayerData& layer, const RegionSpan& span) const {
    Set(f.layer, layer.info.id);
    f.unconfirmed = true;
    f.decree = span.reflected;
    f.replaced_by = span.next;
    const Raw raw = Resolve(layer);
    const bool usable = raw.present && !raw.value.empty() && raw.value != "mixte" && raw.value != "par_arrondissement";
    if (usable) f.previous_value.assign(raw.value);
    if (!notes_) return;
    const Decree& next = *span.next;
    if (next.nature == "revision") {
      // No regional text found (or none dated early enough): say what the
      // national one requires and from when capsante stops presuming.
      f.note = "Zonage à confirmer : chaque ARS révise son zonage selon un texte national (" + next.reference +
               ") ; à partir du " + next.effective()->ToFrench() + ", le " + DecreeFrench(*span.reflected) +
               " n'est plus présenté comme en vigueur";
      if (const Decree* a = span.announced) {
        f.note += " : " + a->authority + " a adopté un nouveau zonage (" + a->reference + "), en vigueur " +
                  WhenFrench(*a) + ", dont les valeurs ne sont pas dans nos données. ";
      } else {
        f.note += " : la révision de la région n'a pas été trouvée. ";
      }
    } else {
      f.note = "Zonage à confirmer : " + next.authority + " a adopté un nouveau zonage (" + next.reference +
               "), en vigueur " + WhenFrench(next) + ", dont les valeurs ne sont pas dans nos données ; il remplace le " +
               DecreeFrench(*span.reflected) + ". ";
    }
    if (usable) {
      const Decree& previous = *span.reflected;
      f.note += "Selon le zonage " + (previous.from ? "du " + previous.from->ToFrench() : std::string("précédent")) +
                " : " + ReadableParts(raw.value) + " (à titre d'information seulement). ";
    }
    const Decree& where = next.nature == "revision" && span.announced ? *span.announced : next;
    f.note += (where.nature == "revision" ? "Vérifiez la zone auprès de l'ARS de la région"
                                          : "Vérifiez la zone sur la page de l'ARS (" + where.url + ")") +
              " ou sur " + std::string(kRezone) + ".";
  }

  // A classification read as a bool (FRR, ZRR), in force at the date.
  void Classification(PlaceFact& f, std::string_view field, const LayerData& layer,
                      Tri (*tri)(std::string_view), std::string (*label)(std::string_view)) const {
    Reset(f, field);
    Set(f.layer, layer.info.id);
    const std::string& source = layer.note;
    const Raw raw = Resolve(layer);
    if (!raw.present || raw.value.empty()) {
      if (notes_) f.note = source + " : la commune n'y figure pas";
      return;
    }
    Tri t;
    std::string what;
    if (raw.value == "mixte" || raw.value == "par_arrondissement") {
      bool any_true = false, any_false = false;
      const std::string_view detail = raw.detail();
      for (size_t pos = 0; pos <= detail.size();) {
        size_t end = detail.find('|', pos);
        if (end == std::string::npos) end = detail.size();
        const std::string_view part = detail.substr(pos, end - pos);
        const size_t eq = part.find('=');
        const Tri pt = tri(eq == std::string::npos ? part : part.substr(eq + 1));
        any_true = any_true || pt == Tri::kTrue || pt == Tri::kPartial;
        any_false = any_false || pt == Tri::kFalse;
        pos = end + 1;
      }
      t = any_true && !any_false ? Tri::kTrue : any_true ? Tri::kPartial : Tri::kFalse;
      if (notes_) what = "anciennes communes classées différemment (" + ReadableParts(detail) + ")";
    } else {
      t = tri(raw.value);
      if (notes_) what = label(raw.value);
    }
    if (notes_) f.note = source + " : " + what + (raw.origin.empty() ? "" : " ; " + raw.origin);
    switch (t) {
      case Tri::kTrue: f.known = true; f.value = "true"; break;
      case Tri::kFalse: f.known = true; f.value = "false"; break;
      case Tri::kPartial:
        f.possible = true;
        if (notes_) f.note += " : commune partiellement classée, à confirmer pour l'adresse";
        break;
      case Tri::kUnknown: break;
    }
  }

  // A part-of-commune layer (QPV, ZFU-TE): listed -> possible; not listed ->
  // false (the list covers all of France; its caveat is in the note).
  void Area(PlaceFact& f, std::string_view field, const LayerData& layer, const char* none) const {
    Reset(f, field);
    Set(f.layer, layer.info.id);
    const std::string& source = layer.note;
    const Raw raw = Resolve(layer);
    if (!raw.present) {
      f.known = true;
      f.value = "false";
      if (notes_) f.note = source + " : " + none;
      return;
    }
    f.possible = true;
    if (!notes_) return;
    std::string list(raw.detail());
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
  }

 private:
  const CommuneIndex::Rep& rep_;
  int index_;
  Date date_;
  bool notes_;
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
  return FactsFor(commune, date, profession, FactsOptions{});
}

std::vector<PlaceFact> CommuneIndex::FactsFor(const Commune& commune, Date date, std::string_view profession,
                                              const FactsOptions& options) const {
  std::vector<PlaceFact> facts;
  FactsFor(commune, date, profession, options, &facts);
  return facts;
}

void CommuneIndex::FactsFor(const Commune& commune, Date date, std::string_view profession,
                            const FactsOptions& options, std::vector<PlaceFact>* out) const {
  const Rep& r = *rep_;
  std::vector<PlaceFact>& facts = *out;
  const int index = IndexOf(r, commune);
  if (index < 0) {  // not from this index: nothing is known
    facts.clear();
    return;
  }
  const Commune& c = r.entries[index];
  const bool notes = options.notes;
  FactBuilder b(r, index, date, notes);

  // The facts are written over the elements already in *out (their strings
  // keep their capacity); the vector is cut to size at the end.
  size_t n = 0;
  auto next = [&]() -> PlaceFact& {
    if (n == facts.size()) facts.emplace_back();
    return facts[n++];
  };
  if (facts.capacity() < 9) facts.reserve(9);

  b.Enum(next(), "zonage.medecin", r.doctors);
  for (const auto& [p, layers] : r.by_profession) {
    if (p == profession) b.Enum(next(), "zonage.profession", layers);
  }

  if (const LayerData* qpv = r.qpv) {
    const InForceSpan v = ValidityOf(*qpv, c.region);
    if (v.from && date < *v.from) {
      PlaceFact& f = next();
      Reset(f, "zonage.qpv");
      Set(f.layer, qpv->info.id);
      if (v.span != nullptr) f.decree = v.span->reflected;
      if (notes) {
        f.note = "Les QPV en vigueur avant le " + v.from->ToFrench() +
                 " (génération 2015) ne sont pas dans nos données";
      }
    } else {
      b.Area(next(), "zonage.qpv", *qpv,
             "aucun QPV recensé dans la commune (la liste omet environ 90 des ~1 584 QPV : "
             "en cas de doute, vérifier l'adresse sur sig.ville.gouv.fr)");
    }
  }

  if (const LayerData* frr = r.frr) {
    PlaceFact& f = next();
    if (r.frr_start && date < *r.frr_start) {
      Reset(f, "zonage.frr");
      f.value = "false";
      f.known = true;
      Set(f.layer, frr->info.id);
      if (notes) f.note = "Le dispositif FRR n'existe qu'à partir du " + r.frr_start->ToFrench();
    } else if (!InForce(frr->info, date)) {
      b.Classification(f, "zonage.frr", *frr, FrrTri, FrrLabel);
      f.known = false;
      f.possible = false;
      f.value.clear();
      if (notes) {
        f.note = "Classement FRR en vigueur au " + (date).ToFrench() +
                 " non disponible ; à titre indicatif, " + f.note;
      }
    } else {
      b.Classification(f, "zonage.frr", *frr, FrrTri, FrrLabel);
    }
  }

  if (const LayerData* zrr = r.zrr) {
    PlaceFact& f = next();
    b.Classification(f, "zonage.zrr", *zrr, ZrrTri, ZrrLabel);
    if (!InForce(zrr->info, date)) {
      f.known = false;
      f.possible = false;
      f.value.clear();
      if (!notes) {
      } else if (r.zrr_end && date >= *r.zrr_end) {
        f.note = "Le dispositif ZRR a pris fin le " + r.zrr_end->AddDays(-1).ToFrench() +
                 " (remplacé par FRR) ; pour mémoire, " + f.note;
      } else {
        f.note = "Classement ZRR en vigueur au " + (date).ToFrench() + " non disponible (" +
                 LayerNote(zrr->info) + ", " + Validity(zrr->info) + ")";
      }
    }
  }

  if (const LayerData* zfu = r.zfu) {
    b.Area(next(), "zonage.zfu", *zfu,
           "aucune ZFU-TE recensée dans la commune (liste rapprochée par nom de commune)");
  }

  if (const LayerData* mountain = r.montagne) {
    PlaceFact& f = next();
    Reset(f, "zonage.montagne");
    Set(f.layer, mountain->info.id);
    const std::string& source = mountain->note;
    const Raw raw = b.Resolve(*mountain);
    const LayerData* density = r.densite;
    if (raw.present) {
      f.known = true;
      f.value = "true";
      if (notes) f.note = source + " : " + std::string(raw.detail()) + (raw.origin.empty() ? "" : " ; " + raw.origin);
    } else if (density != nullptr && b.Resolve(*density).present) {
      // The massif list covers the same communes as the density grid (same
      // producer and COG): a commune of that grid absent from it is outside.
      f.known = true;
      f.value = "false";
      if (notes) f.note = source + " : commune hors massif";
    } else {
      if (notes) f.note = source + " : la commune n'y figure pas";
    }
  }

  const bool com = IsOverseasCollectivity(c);
  static constexpr std::string_view kCog = "Code officiel géographique 2026 (INSEE)";
  static constexpr std::string_view kComNote = "Collectivité d'outre-mer : hors du champ des zonages";
  for (const auto& [field, value] : {std::pair<std::string_view, const std::string*>{"zonage.region", &c.region},
                                     {"zonage.departement", &c.departement}}) {
    PlaceFact& f = next();
    Reset(f, field);
    if (!com) f.value = *value;
    f.known = !com;
    Set(f.layer, "cog");
    if (notes) f.note = com ? kComNote : kCog;
  }
  facts.resize(n);
}

Territory CommuneIndex::TerritoryFor(const Commune& commune) const {
  const Rep& r = *rep_;
  Territory t;
  const int index = IndexOf(r, commune);
  if (index < 0) return t;
  t.population = r.entries[index].population;
  FactBuilder b(r, index, Date::FromCivil(2100, 1, 1), /*notes=*/false);
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
    if (raw.present) t.massif = std::string(raw.detail());
  }
  return t;
}

}  // namespace capsante::geo
