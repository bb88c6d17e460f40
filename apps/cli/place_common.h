// Shared by `classement` and `comparer`: reading the base situation and
// putting it in another place.
#ifndef CAPSANTE_APPS_CLI_PLACE_COMMON_H_
#define CAPSANTE_APPS_CLI_PLACE_COMMON_H_

#include <memory>
#include <string>
#include <string_view>

#include "capsante/catalog.h"
#include "capsante/geo.h"
#include "capsante/place.h"
#include "capsante/situation.h"
#include "common.h"

namespace capsante::cli {

struct PlaceContext {
  std::unique_ptr<Catalog> catalog;
  std::unique_ptr<geo::CommuneIndex> communes;
  Situation situation;
};

// Loads the catalog, the commune index and the situation file (--date wins),
// read as `capsante simulate` reads it.
Status LoadPlaceContext(const GlobalOptions& global, const std::string& situation_file, const std::string& date,
                        PlaceContext* out);

// A zone value in words (« très sous-dotée »), from the situation schema;
// the value itself when the schema has no label for it.
std::string ZoneWords(const Catalog& catalog, std::string_view field, const std::string& value);

}  // namespace capsante::cli

#endif  // CAPSANTE_APPS_CLI_PLACE_COMMON_H_
