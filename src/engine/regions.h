// Names of the French regions by INSEE code (COG), for messages.
#ifndef CAPSANTE_ENGINE_REGIONS_H_
#define CAPSANTE_ENGINE_REGIONS_H_

#include <string>

namespace capsante {

// "24" → "Centre-Val de Loire (24)"; an unknown code is returned as is.
std::string RegionName(const std::string& code);

}  // namespace capsante

#endif  // CAPSANTE_ENGINE_REGIONS_H_
