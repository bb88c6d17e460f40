// The loaded index, shared by the files of src/geo (not part of the API).
#ifndef CAPSANTE_SRC_GEO_REP_H_
#define CAPSANTE_SRC_GEO_REP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "capsante/geo.h"

namespace capsante::geo {

namespace internal {

// One layer's values: per entry index a slot into `values` (-1: absent).
// Only current communes and arrondissements have slots of their own; the
// other entries are resolved through them (see facts.cc).
// Where a layer's values hold in one region: from the text they reflect
// until the next text of the same zoning (see facts.cc).
struct RegionSpan {
  std::string region;  // or "*"
  const Decree* reflected = nullptr;
  std::optional<Date> from;  // nullopt: the layer's own start
  std::optional<Date> to;    // last day; nullopt: open-ended
  const Decree* next = nullptr;       // the dated text that ends it
  const Decree* announced = nullptr;  // a newer text without any date
};

struct LayerData {
  LayerInfo info;
  std::vector<RegionSpan> spans;  // empty: the layer's dates hold everywhere
  std::vector<int32_t> slot;
  std::vector<std::pair<std::string, std::string>> values;  // (valeur, detail)
  std::string note;  // "label, vintage (producer)", built once for FactsFor
};

}  // namespace internal

struct CommuneIndex::Rep {
  std::vector<Commune> entries;       // sorted by code, then kind
  std::vector<std::string> folded;    // FoldName(name) per entry
  std::vector<std::string> compact;   // folded without spaces per entry
  std::vector<int32_t> parent;        // entry index of the parent, -1 for a commune
  std::vector<std::vector<uint32_t>> arrondissements;  // per entry (Paris, Lyon, Marseille)
  std::unordered_map<std::string, uint32_t> current;    // commune or arrondissement
  std::vector<uint32_t> current_sorted;                 // the same, in code order
  std::unordered_map<std::string, uint32_t> secondary;  // delegated/associated, own code
  std::unordered_map<std::string, std::string> former;  // former code -> current code
  std::unordered_map<std::string, std::vector<uint32_t>> by_postal_code;
  std::unordered_map<std::string, std::string> departement_names;
  std::unordered_map<std::string, std::string> region_names;
  std::vector<Decree> decrees;  // sorted as the file
  std::vector<internal::LayerData> layers;
  std::vector<LayerInfo> infos;
  std::vector<uint32_t> places;  // AllPlaces(), as entry indexes
  // Layers by role, resolved once at load (FactsFor runs 35,000 times per
  // ranking of France).
  std::vector<const internal::LayerData*> doctors;
  std::vector<std::pair<std::string, std::vector<const internal::LayerData*>>> by_profession;
  const internal::LayerData* qpv = nullptr;
  const internal::LayerData* frr = nullptr;
  const internal::LayerData* zrr = nullptr;
  const internal::LayerData* zfu = nullptr;
  const internal::LayerData* montagne = nullptr;
  const internal::LayerData* densite = nullptr;
  // Scheme bounds from the texts ("creation", "fin"), absent when no text.
  std::optional<Date> frr_start;
  std::optional<Date> zrr_end;  // first day after the ZRR scheme

  // The span of `layer` for a commune of `region`, or null.
  static const internal::RegionSpan* SpanFor(const internal::LayerData& layer, std::string_view region) {
    const internal::RegionSpan* star = nullptr;
    for (const auto& s : layer.spans) {
      if (s.region == region) return &s;
      if (s.region == "*") star = &s;
    }
    return star;
  }

  int Index(const Commune& c) const {
    const Commune* base = entries.data();
    if (&c < base || &c >= base + entries.size()) return -1;
    return static_cast<int>(&c - base);
  }
  int CurrentIndex(std::string_view code) const {
    auto it = current.find(std::string(code));
    return it == current.end() ? -1 : static_cast<int>(it->second);
  }
};

}  // namespace capsante::geo

#endif  // CAPSANTE_SRC_GEO_REP_H_
