// Lookup, search and selection of places.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "capsante/geo.h"
#include "geo/rep.h"

namespace capsante::geo {

namespace {

// "2a004" -> "2A004"; other characters unchanged. Codes are 5 characters.
std::string NormalizeCode(std::string_view code) {
  std::string s;
  for (char c : code) {
    if (c == ' ' || c == '\t') continue;
    s.push_back(c == 'a' ? 'A' : c == 'b' ? 'B' : c);
  }
  return s;
}

bool LooksLikeCode(std::string_view s) {
  if (s.size() != 5) return false;
  for (size_t i = 0; i < 5; ++i) {
    const char c = s[i];
    const bool digit = c >= '0' && c <= '9';
    if (!digit && !(i == 1 && (c == 'A' || c == 'B'))) return false;
  }
  return true;
}

bool HasLetter(std::string_view s) {
  for (char c : s) if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80)) return true;
  return false;
}

int Rank(SearchHit::Match m) {
  switch (m) {
    // Five digits are more often a postal code than an INSEE code ("13001"
    // is Marseille 1er's postal code and Aix-en-Provence's INSEE code): both
    // are returned, postal codes first. A former code comes last: "75013" is
    // also Le Bourget's pre-1968 code.
    case SearchHit::Match::kPostalCode: return 0;
    case SearchHit::Match::kCode: return 1;
    case SearchHit::Match::kExactName: return 2;
    case SearchHit::Match::kFormerCode: return 3;
    case SearchHit::Match::kNamePrefix: return 4;
    case SearchHit::Match::kWordPrefix: return 5;
  }
  return 6;
}

}  // namespace

Lookup CommuneIndex::Find(std::string_view raw_code) const {
  const Rep& r = *rep_;
  const std::string code = NormalizeCode(raw_code);
  Lookup out;
  if (auto it = r.current.find(code); it != r.current.end()) {
    out.commune = out.current = &r.entries[it->second];
    return out;
  }
  if (auto it = r.secondary.find(code); it != r.secondary.end()) {
    const Commune& c = r.entries[it->second];
    const Commune& p = r.entries[r.parent[it->second]];
    out.commune = &c;
    out.current = &p;
    out.former_code = true;
    out.note = "Le code " + code + " est celui de " + c.name + ", aujourd'hui commune " +
               (c.kind == CommuneKind::kDeleguee ? "déléguée" : "associée") + " de " + p.name +
               " (" + p.code + ")";
    return out;
  }
  if (auto it = r.former.find(code); it != r.former.end()) {
    const Commune& p = r.entries[r.current.at(it->second)];
    out.commune = out.current = &p;
    out.former_code = true;
    out.note = "Le code " + code + " est un ancien code : la commune fait aujourd'hui partie de " +
               p.name + " (" + p.code + ")";
  }
  return out;
}

std::vector<SearchHit> CommuneIndex::Search(std::string_view query, size_t limit) const {
  const Rep& r = *rep_;
  std::vector<SearchHit> hits;
  if (limit == 0) return hits;
  const std::string code = NormalizeCode(query);
  if (LooksLikeCode(code)) {
    const Lookup l = Find(code);
    if (l.commune != nullptr) {
      hits.push_back({l.commune, l.former_code ? SearchHit::Match::kFormerCode : SearchHit::Match::kCode,
                      l.note});
    }
    if (auto it = r.by_postal_code.find(code); it != r.by_postal_code.end()) {
      for (uint32_t i : it->second) {
        // Paris for 75013: its arrondissement is the more precise answer.
        bool child_matches = false;
        for (uint32_t a : r.arrondissements[i]) {
          if (std::find(it->second.begin(), it->second.end(), a) != it->second.end()) child_matches = true;
        }
        if (!child_matches) hits.push_back({&r.entries[i], SearchHit::Match::kPostalCode, {}});
      }
    }
  }
  if (HasLetter(query)) {
    const std::string folded = FoldName(query);
    std::string compact;
    for (char c : folded) if (c != ' ') compact.push_back(c);
    if (!compact.empty()) {
      const std::string word = " " + folded;
      for (size_t i = 0; i < r.entries.size(); ++i) {
        const std::string& name = r.compact[i];
        SearchHit::Match m;
        if (name == compact) m = SearchHit::Match::kExactName;
        else if (name.compare(0, compact.size(), compact) == 0) m = SearchHit::Match::kNamePrefix;
        else if (r.folded[i].find(word) != std::string::npos) m = SearchHit::Match::kWordPrefix;
        else continue;
        hits.push_back({&r.entries[i], m, {}});
      }
    }
  }
  auto population = [&](const Commune* c) {
    if (c->population >= 0) return c->population;
    return int64_t{-1};  // delegated/associated communes rank after the others
  };
  std::stable_sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    const int ra = Rank(a.match), rb = Rank(b.match);
    if (ra != rb) return ra < rb;
    const int64_t pa = population(a.commune), pb = population(b.commune);
    if (pa != pb) return pa > pb;
    if (a.commune->code != b.commune->code) return a.commune->code < b.commune->code;
    return a.commune->kind < b.commune->kind;
  });
  // One hit per entry, the best one.
  std::vector<SearchHit> out;
  for (SearchHit& h : hits) {
    bool seen = false;
    for (const SearchHit& o : out) seen = seen || o.commune == h.commune;
    if (seen) continue;
    out.push_back(std::move(h));
    if (out.size() == limit) break;
  }
  return out;
}

std::vector<const Commune*> CommuneIndex::AllPlaces() const {
  std::vector<const Commune*> out;
  out.reserve(rep_->places.size());
  for (uint32_t i : rep_->places) out.push_back(&rep_->entries[i]);
  return out;
}

std::vector<const Commune*> CommuneIndex::PlacesInDepartement(std::string_view departement) const {
  std::vector<const Commune*> out;
  const std::string dep = NormalizeCode(departement);
  for (uint32_t i : rep_->places) {
    if (rep_->entries[i].departement == dep) out.push_back(&rep_->entries[i]);
  }
  return out;
}

std::vector<const Commune*> CommuneIndex::PlacesInRegion(std::string_view region) const {
  std::vector<const Commune*> out;
  for (uint32_t i : rep_->places) {
    if (rep_->entries[i].region == region) out.push_back(&rep_->entries[i]);
  }
  return out;
}

Status CommuneIndex::PlacesWithin(const Commune& center, double radius_km, std::vector<Nearby>* out,
                                  std::vector<const Commune*>* without_coordinates) const {
  if (!std::isfinite(radius_km) || radius_km < 0) {
    return Status::InvalidInput("rayon invalide : il doit être un nombre positif de kilomètres",
                                "rayon-km");
  }
  if (!center.has_coordinates) {
    return Status::InvalidInput("coordonnées inconnues pour " + center.name + " (" + center.code +
                                    ") : impossible de calculer des distances",
                                "autour");
  }
  out->clear();
  if (without_coordinates != nullptr) without_coordinates->clear();
  for (uint32_t i : rep_->places) {
    const Commune& c = rep_->entries[i];
    if (!c.has_coordinates) {
      if (without_coordinates != nullptr) without_coordinates->push_back(&c);
      continue;
    }
    const double d = HaversineKm(center.latitude, center.longitude, c.latitude, c.longitude);
    if (d <= radius_km) out->push_back({&c, d});
  }
  std::sort(out->begin(), out->end(), [](const Nearby& a, const Nearby& b) {
    if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
    return a.commune->code < b.commune->code;
  });
  return Status::Ok();
}

const Commune* CommuneIndex::Parent(const Commune& commune) const {
  if (commune.parent_code.empty()) return nullptr;
  const int p = rep_->CurrentIndex(commune.parent_code);
  return p < 0 ? nullptr : &rep_->entries[p];
}

const std::vector<LayerInfo>& CommuneIndex::layers() const { return rep_->infos; }

const std::vector<Decree>& CommuneIndex::decrees() const { return rep_->decrees; }

std::vector<const Decree*> CommuneIndex::DecreesFor(std::string_view field, std::string_view profession,
                                                    std::string_view region) const {
  // A national revision concerns every region, with or without rows of its own.
  std::vector<const Decree*> own, star, national;
  for (const Decree& d : rep_->decrees) {
    if (d.field != field || d.profession != profession) continue;
    if (d.region == region) own.push_back(&d);
    else if (d.region == "*") (d.nature == "revision" ? national : star).push_back(&d);
  }
  std::vector<const Decree*> out = own.empty() ? star : own;
  out.insert(out.end(), national.begin(), national.end());
  return out;
}
const std::vector<Commune>& CommuneIndex::entries() const { return rep_->entries; }

std::string CommuneIndex::DepartementName(std::string_view code) const {
  auto it = rep_->departement_names.find(std::string(code));
  return it == rep_->departement_names.end() ? std::string() : it->second;
}

std::string CommuneIndex::RegionName(std::string_view code) const {
  auto it = rep_->region_names.find(std::string(code));
  return it == rep_->region_names.end() ? std::string() : it->second;
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0088;  // mean radius (IUGG)
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

const char* CommuneKindCode(CommuneKind kind) {
  switch (kind) {
    case CommuneKind::kCommune: return "commune";
    case CommuneKind::kArrondissement: return "arrondissement";
    case CommuneKind::kDeleguee: return "commune_deleguee";
    case CommuneKind::kAssociee: return "commune_associee";
  }
  return "commune";
}

const char* MatchCode(SearchHit::Match match) {
  switch (match) {
    case SearchHit::Match::kCode: return "code_insee";
    case SearchHit::Match::kFormerCode: return "ancien_code";
    case SearchHit::Match::kExactName: return "nom_exact";
    case SearchHit::Match::kPostalCode: return "code_postal";
    case SearchHit::Match::kNamePrefix: return "debut_du_nom";
    case SearchHit::Match::kWordPrefix: return "mot_du_nom";
  }
  return "nom_exact";
}

}  // namespace capsante::geo
