// CommuneIndex::Load: reads data/ (format: docs/data-formats.md).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "capsante/geo.h"
#include "geo/rep.h"
#include "geo/tsv.h"

namespace capsante::geo {

using internal::LayerData;
using internal::ReadWholeFile;
using internal::TsvReader;

namespace {

Status BadCell(const std::string& path, int line, const std::string& what) {
  return Status::InvalidCatalog("donnée invalide : " + what, path + ":" + std::to_string(line));
}

bool ParseInt(std::string_view s, int64_t* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseDouble(std::string_view s, double* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out);
}

bool ParseKind(std::string_view s, CommuneKind* kind) {
  if (s == "commune") *kind = CommuneKind::kCommune;
  else if (s == "arrondissement") *kind = CommuneKind::kArrondissement;
  else if (s == "deleguee") *kind = CommuneKind::kDeleguee;
  else if (s == "associee") *kind = CommuneKind::kAssociee;
  else return false;
  return true;
}

std::string Compact(const std::string& folded) {
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) if (c != ' ') out.push_back(c);
  return out;
}

Status LoadCommunes(const std::string& dir, CommuneIndex::Rep* rep) {
  const std::string path = dir + "/communes.tsv";
  std::string text;
  CAPSANTE_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  TsvReader r(text, path);
  CAPSANTE_RETURN_IF_ERROR(r.ExpectHeader({"code", "type", "parent", "nom", "departement", "region",
                                           "population", "codes_postaux", "latitude", "longitude"}));
  std::vector<std::string_view> f;
  Status error;
  rep->entries.reserve(38000);
  while (r.Next(&f, &error)) {
    Commune c;
    if (f[0].size() != 5) return BadCell(path, r.line(), "code INSEE");
    c.code = f[0];
    if (!ParseKind(f[1], &c.kind)) return BadCell(path, r.line(), "type");
    c.parent_code = f[2];
    if ((c.kind == CommuneKind::kCommune) != c.parent_code.empty()) {
      return BadCell(path, r.line(), "parent");
    }
    c.name = f[3];
    c.departement = f[4];
    c.region = f[5];
    if (!f[6].empty() && !ParseInt(f[6], &c.population)) return BadCell(path, r.line(), "population");
    for (size_t start = 0; start < f[7].size();) {
      size_t comma = f[7].find(',', start);
      if (comma == std::string_view::npos) comma = f[7].size();
      c.postal_codes.emplace_back(f[7].substr(start, comma - start));
      start = comma + 1;
    }
    if (!f[8].empty() || !f[9].empty()) {
      if (!ParseDouble(f[8], &c.latitude) || !ParseDouble(f[9], &c.longitude) ||
          std::fabs(c.latitude) > 90 || std::fabs(c.longitude) > 180) {
        return BadCell(path, r.line(), "coordonnées");
      }
      c.has_coordinates = true;
    }
    rep->entries.push_back(std::move(c));
  }
  if (!error.ok()) return error;
  if (rep->entries.empty()) return Status::InvalidCatalog("aucune commune", path);

  const size_t n = rep->entries.size();
  rep->folded.resize(n);
  rep->compact.resize(n);
  rep->parent.assign(n, -1);
  rep->arrondissements.resize(n);
  rep->current.reserve(n);
  rep->current_sorted.reserve(n);
  rep->by_postal_code.reserve(8192);
  for (uint32_t i = 0; i < n; ++i) {
    const Commune& c = rep->entries[i];
    rep->folded[i] = FoldName(c.name);
    rep->compact[i] = Compact(rep->folded[i]);
    if (c.kind == CommuneKind::kCommune || c.kind == CommuneKind::kArrondissement) {
      if (!rep->current_sorted.empty() && rep->entries[rep->current_sorted.back()].code >= c.code) {
        return Status::InvalidCatalog("communes non triées par code : " + c.code, path);
      }
      rep->current_sorted.push_back(i);
      if (!rep->current.emplace(c.code, i).second) {
        return Status::InvalidCatalog("code INSEE en double : " + c.code, path);
      }
      for (const std::string& cp : c.postal_codes) rep->by_postal_code[cp].push_back(i);
    } else if (!rep->current.count(c.code)) {
      rep->secondary.emplace(c.code, i);  // first one wins; entries are sorted
    }
  }
  for (uint32_t i = 0; i < n; ++i) {
    const Commune& c = rep->entries[i];
    if (c.parent_code.empty()) continue;
    const int p = rep->CurrentIndex(c.parent_code);
    if (p < 0) return Status::InvalidCatalog("commune de rattachement inconnue : " + c.parent_code, path);
    rep->parent[i] = p;
    if (c.kind == CommuneKind::kArrondissement) rep->arrondissements[p].push_back(i);
  }
  for (uint32_t i = 0; i < n; ++i) {
    const Commune& c = rep->entries[i];
    // Overseas collectivities (975, 977, 978, 98x) are outside every layer.
    const bool com = c.departement.size() == 3 &&
                     (c.departement >= "975" && c.departement != "976");
    if (com) continue;
    if ((c.kind == CommuneKind::kCommune && rep->arrondissements[i].empty()) ||
        c.kind == CommuneKind::kArrondissement) {
      rep->places.push_back(i);
    }
  }
  return Status::Ok();
}

Status LoadFormerCodes(const std::string& dir, CommuneIndex::Rep* rep) {
  const std::string path = dir + "/anciens_codes.tsv";
  std::string text;
  CAPSANTE_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  TsvReader r(text, path);
  CAPSANTE_RETURN_IF_ERROR(r.ExpectHeader({"ancien_code", "code_actuel"}));
  std::vector<std::string_view> f;
  Status error;
  while (r.Next(&f, &error)) {
    if (rep->CurrentIndex(f[1]) < 0) return BadCell(path, r.line(), "code actuel inconnu");
    rep->former.emplace(std::string(f[0]), std::string(f[1]));
  }
  return error;
}

Status LoadNames(const std::string& path, size_t name_column,
                 const std::vector<std::string_view>& header,
                 std::unordered_map<std::string, std::string>* out) {
  std::string text;
  CAPSANTE_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  TsvReader r(text, path);
  CAPSANTE_RETURN_IF_ERROR(r.ExpectHeader(header));
  std::vector<std::string_view> f;
  Status error;
  while (r.Next(&f, &error)) out->emplace(std::string(f[0]), std::string(f[name_column]));
  return error;
}

Status ParseOptionalDate(std::string_view s, const std::string& where, std::optional<Date>* out) {
  if (s.empty()) return Status::Ok();
  *out = Date::Parse(s);
  if (!*out) return Status::InvalidCatalog("date invalide : " + std::string(s), where);
  return Status::Ok();
}

Status LoadLayer(const std::string& dir, CommuneIndex::Rep* rep, LayerData* layer) {
  const std::string path = dir + "/layers/" + layer->info.id + ".tsv";
  std::string text;
  CAPSANTE_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  TsvReader r(text, path);
  CAPSANTE_RETURN_IF_ERROR(r.ExpectHeader({"code", "valeur", "detail"}));
  layer->slot.assign(rep->entries.size(), -1);
  std::vector<std::string_view> f;
  Status error;
  size_t rows = 0;
  // Layer rows and entries are both sorted by code: a merge walk is much
  // cheaper than hashing every code (it keeps Load under its budget).
  const std::vector<uint32_t>& sorted = rep->current_sorted;
  size_t cursor = 0;
  std::string_view previous;
  while (r.Next(&f, &error)) {
    if (f[0] <= previous) return BadCell(path, r.line(), "codes non triés");
    previous = f[0];
    while (cursor < sorted.size() && rep->entries[sorted[cursor]].code < f[0]) ++cursor;
    if (cursor == sorted.size() || rep->entries[sorted[cursor]].code != f[0]) {
      return BadCell(path, r.line(), "code INSEE inconnu " + std::string(f[0]));
    }
    const int i = static_cast<int>(sorted[cursor]);
    // Few distinct (valeur, detail) pairs in most layers: a short linear
    // search beats hashing here; unique details (QPV lists) are appended.
    int32_t slot = -1;
    const size_t scan = layer->values.size() < 64 ? layer->values.size() : 0;
    for (size_t k = 0; k < scan; ++k) {
      if (layer->values[k].first == f[1] && layer->values[k].second == f[2]) {
        slot = static_cast<int32_t>(k);
        break;
      }
    }
    if (slot < 0) {
      slot = static_cast<int32_t>(layer->values.size());
      layer->values.emplace_back(std::string(f[1]), std::string(f[2]));
    }
    layer->slot[i] = slot;
    ++rows;
  }
  if (!error.ok()) return error;
  if (rows != layer->info.rows) {
    return Status::InvalidCatalog("nombre de lignes différent de layers.tsv", path);
  }
  return Status::Ok();
}

Status LoadLayers(const std::string& dir, CommuneIndex::Rep* rep) {
  const std::string path = dir + "/layers.tsv";
  std::string text;
  CAPSANTE_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  TsvReader r(text, path);
  CAPSANTE_RETURN_IF_ERROR(r.ExpectHeader({"id", "champ", "profession", "debut", "fin", "libelle",
                                           "producteur", "millesime", "provenance",
                                           "avertissement", "lignes"}));
  std::vector<std::string_view> f;
  Status error;
  std::unordered_set<std::string> ids;
  while (r.Next(&f, &error)) {
    LayerData layer;
    LayerInfo& info = layer.info;
    info.id = f[0];
    // The id names a file: keep it to a safe alphabet.
    if (info.id.empty() || info.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") !=
                               std::string::npos || !ids.insert(info.id).second) {
      return BadCell(path, r.line(), "identifiant de couche");
    }
    info.field = f[1];
    info.profession = f[2];
    const std::string where = path + ":" + std::to_string(r.line());
    CAPSANTE_RETURN_IF_ERROR(ParseOptionalDate(f[3], where, &info.from));
    CAPSANTE_RETURN_IF_ERROR(ParseOptionalDate(f[4], where, &info.to));
    info.label = f[5];
    info.producer = f[6];
    info.vintage = f[7];
    info.provenance = f[8];
    info.caveat = f[9];
    int64_t rows = 0;
    if (!ParseInt(f[10], &rows) || rows < 0) return BadCell(path, r.line(), "lignes");
    info.rows = static_cast<size_t>(rows);
    rep->layers.push_back(std::move(layer));
  }
  if (!error.ok()) return error;
  for (LayerData& layer : rep->layers) {
    CAPSANTE_RETURN_IF_ERROR(LoadLayer(dir, rep, &layer));
    rep->infos.push_back(layer.info);
    const LayerInfo& i = layer.info;
    layer.note = i.label + ", " + i.vintage + " (" + i.producer + ")";
  }
  // rep->layers does not change from here on: pointers into it are stable.
  for (const LayerData& layer : rep->layers) {
    const std::string& field = layer.info.field;
    if (field == "zonage.medecin") rep->doctors.push_back(&layer);
    else if (field == "zonage.profession") {
      auto it = std::find_if(rep->by_profession.begin(), rep->by_profession.end(),
                             [&](const auto& p) { return p.first == layer.info.profession; });
      if (it == rep->by_profession.end()) {
        rep->by_profession.push_back({layer.info.profession, {}});
        it = rep->by_profession.end() - 1;
      }
      it->second.push_back(&layer);
    } else if (field == "zonage.qpv" && !rep->qpv) rep->qpv = &layer;
    else if (field == "zonage.frr" && !rep->frr) rep->frr = &layer;
    else if (field == "zonage.zrr" && !rep->zrr) rep->zrr = &layer;
    else if (field == "zonage.zfu" && !rep->zfu) rep->zfu = &layer;
    else if (field == "zonage.montagne" && !rep->montagne) rep->montagne = &layer;
    else if (field == "territoire.densite" && !rep->densite) rep->densite = &layer;
  }
  return Status::Ok();
}

Status LoadDecrees(const std::string& dir, CommuneIndex::Rep* rep) {
  const std::string path = dir + "/arretes_zonage.tsv";
  std::string text;
  CAPSANTE_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  TsvReader r(text, path);
  CAPSANTE_RETURN_IF_ERROR(r.ExpectHeader({"id", "champ", "profession", "region", "nature", "autorite", "reference",
                                           "signe_le", "debut", "au_plus_tard", "couche", "url", "extrait", "lu_le",
                                           "remarque"}));
  std::vector<std::string_view> f;
  Status error;
  while (r.Next(&f, &error)) {
    Decree d;
    d.id = f[0];
    d.field = f[1];
    d.profession = f[2];
    d.region = f[3];
    d.nature = f[4];
    if (d.nature != "zonage" && d.nature != "creation" && d.nature != "fin" && d.nature != "revision") {
      return BadCell(path, r.line(), "nature");
    }
    if (d.region != "*" && !rep->region_names.count(d.region)) return BadCell(path, r.line(), "région inconnue");
    d.authority = f[5];
    d.reference = f[6];
    const std::string where = path + ":" + std::to_string(r.line());
    CAPSANTE_RETURN_IF_ERROR(ParseOptionalDate(f[7], where, &d.signed_on));
    CAPSANTE_RETURN_IF_ERROR(ParseOptionalDate(f[8], where, &d.from));
    CAPSANTE_RETURN_IF_ERROR(ParseOptionalDate(f[9], where, &d.from_at_latest));
    d.layer = f[10];
    d.url = f[11];
    d.quote = f[12];
    d.read_on = f[13];
    d.remark = f[14];
    if (d.nature == "revision" && (d.region != "*" || !d.layer.empty() || !d.effective() || !d.signed_on)) {
      return BadCell(path, r.line(), "révision nationale : région '*', sans couche, avec signature et date");
    }
    rep->decrees.push_back(std::move(d));
  }
  return error;
}

// A layer whose text is a '*' row (an export of every region's zonings,
// such as CartoSanté's) reflects, in a region without a row of its own, the
// zoning in force there at the export. A regional text of the same zoning
// dated after the layer's start replaced it there: such a region gets a span
// of its own, with the '*' text as reflected and the regional one as next
// (or, undated, as announced). No profession is special-cased: the rows say
// which regions changed.
void AddRegionsOfStarSpans(const std::vector<Decree>& decrees, internal::LayerData* layer) {
  const internal::RegionSpan* star = nullptr;
  for (const auto& s : layer->spans) {
    if (s.region == "*") star = &s;
  }
  if (star == nullptr) return;
  const Decree& reflected = *star->reflected;
  const std::optional<Date> after = star->from ? star->from : layer->info.from;
  std::vector<internal::RegionSpan> added;
  for (const Decree& n : decrees) {
    if (n.region == "*" || n.field != reflected.field || n.profession != reflected.profession ||
        n.nature != "zonage") {
      continue;
    }
    const bool own = std::any_of(layer->spans.begin(), layer->spans.end(),
                                 [&](const internal::RegionSpan& s) { return s.region == n.region; });
    if (own) continue;
    auto it = std::find_if(added.begin(), added.end(),
                           [&](const internal::RegionSpan& s) { return s.region == n.region; });
    const std::optional<Date> when = n.effective();
    if (when && after && *when <= *after) continue;  // in force at the export: reflected
    if (!when && !n.layer.empty()) continue;          // undated but imported by another layer
    if (it == added.end()) {
      internal::RegionSpan span;
      span.region = n.region;
      span.reflected = star->reflected;
      span.from = star->from;
      added.push_back(std::move(span));
      it = added.end() - 1;
    }
    if (!when) {
      if (it->announced == nullptr) it->announced = &n;
    } else if (it->next == nullptr || *when < *it->next->effective()) {
      it->next = &n;
    }
  }
  for (internal::RegionSpan& s : added) {
    if (s.next != nullptr) s.to = s.next->effective()->AddDays(-1);
  }
  std::sort(added.begin(), added.end(),
            [](const internal::RegionSpan& a, const internal::RegionSpan& b) { return a.region < b.region; });
  for (internal::RegionSpan& s : added) layer->spans.push_back(std::move(s));
}

// A national text that makes every region re-issue a zoning (nature
// "revision": the arrêté of 9 May 2025 for doctors) ends, from its date, the
// values of a region whose newest known text predates it and that no dated
// regional text already ends: that region's revision was not found, so its
// old values cannot be presented as current any more (docs/zonings.md,
// "National revision"). A region whose revision is announced without a date
// (`announced`) is covered the same way, and so is one whose revision is
// only known to be in force by a later day (`au_plus_tard`): between the
// national date and that day its zoning is not known either; the regional
// text is then kept as announced.
void ApplyNationalRevisions(const std::vector<Decree>& decrees, internal::LayerData* layer) {
  for (const Decree& n : decrees) {
    if (n.nature != "revision") continue;
    const Date national = *n.effective();
    for (internal::RegionSpan& s : layer->spans) {
      const Decree& reflected = *s.reflected;
      if (reflected.field != n.field || reflected.profession != n.profession) continue;
      const std::optional<Date> since = s.from ? s.from : layer->info.from;
      if (since && *since >= *n.signed_on) continue;  // already under the new method
      if (s.next != nullptr) {
        const bool exact = s.next->from.has_value();
        if (exact || *s.next->effective() <= national) continue;  // its own end comes first, or is proven
        if (s.announced == nullptr) s.announced = s.next;
      }
      s.next = &n;
      s.to = national.AddDays(-1);
    }
  }
}

// Per layer and region: the text its values reflect, and until when they
// hold (the next dated text of the same zoning). Run after both the layers
// and the decrees are loaded; rep->decrees no longer changes.
Status BuildSpans(CommuneIndex::Rep* rep, const std::string& dir) {
  const std::string path = dir + "/arretes_zonage.tsv";
  for (const Decree& d : rep->decrees) {
    if (d.nature == "creation" && d.field == "zonage.frr" && d.region == "*") rep->frr_start = d.effective();
    if (d.nature == "fin" && d.field == "zonage.zrr" && d.region == "*") rep->zrr_end = d.effective();
    if (d.layer.empty()) continue;
    internal::LayerData* layer = nullptr;
    for (auto& l : rep->layers) {
      if (l.info.id == d.layer) layer = &l;
    }
    if (layer == nullptr) return Status::InvalidCatalog("couche inconnue « " + d.layer + " » (texte " + d.id + ")", path);
    internal::RegionSpan span;
    span.region = d.region;
    span.reflected = &d;
    span.from = d.effective();
    // The next text: the earliest dated one after the reflected text (or,
    // when that has no date, after the layer's own start: it was in force
    // at the export). Undated newer texts are only announced.
    const std::optional<Date> after = span.from ? span.from : layer->info.from;
    for (const Decree& n : rep->decrees) {
      if (&n == &d || n.field != d.field || n.profession != d.profession || n.region != d.region ||
          n.nature != "zonage") {
        continue;
      }
      const std::optional<Date> when = n.effective();
      if (!when) {
        // An undated text another layer reflects is imported, not announced.
        if (span.announced == nullptr && n.layer.empty()) span.announced = &n;
        continue;
      }
      if (after && *when <= *after) continue;
      if (span.next == nullptr || *when < *span.next->effective()) span.next = &n;
    }
    if (span.next != nullptr) span.to = span.next->effective()->AddDays(-1);
    layer->spans.push_back(std::move(span));
  }
  for (internal::LayerData& layer : rep->layers) {
    AddRegionsOfStarSpans(rep->decrees, &layer);
    ApplyNationalRevisions(rep->decrees, &layer);
  }
  return Status::Ok();
}

}  // namespace

Status LoadRegionNames(const std::string& data_dir, std::unordered_map<std::string, std::string>* out) {
  return LoadNames(data_dir + "/regions.tsv", 1, {"code", "nom"}, out);
}

CommuneIndex::CommuneIndex(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
CommuneIndex::~CommuneIndex() = default;

Status CommuneIndex::Load(const std::string& data_dir, std::unique_ptr<CommuneIndex>* out) {
  auto rep = std::make_unique<Rep>();
  CAPSANTE_RETURN_IF_ERROR(LoadCommunes(data_dir, rep.get()));
  CAPSANTE_RETURN_IF_ERROR(LoadFormerCodes(data_dir, rep.get()));
  CAPSANTE_RETURN_IF_ERROR(LoadNames(data_dir + "/departements.tsv", 2, {"code", "region", "nom"},
                                     &rep->departement_names));
  CAPSANTE_RETURN_IF_ERROR(LoadRegionNames(data_dir, &rep->region_names));
  CAPSANTE_RETURN_IF_ERROR(LoadLayers(data_dir, rep.get()));
  CAPSANTE_RETURN_IF_ERROR(LoadDecrees(data_dir, rep.get()));
  CAPSANTE_RETURN_IF_ERROR(BuildSpans(rep.get(), data_dir));
  out->reset(new CommuneIndex(std::move(rep)));
  return Status::Ok();
}

}  // namespace capsante::geo
