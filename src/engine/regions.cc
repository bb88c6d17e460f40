#include "engine/regions.h"

#include <map>

namespace capsante {

std::string RegionName(const std::string& code) {
  // Official geographic code (COG) of the 18 regions since 2016.
  static const std::map<std::string, std::string> kRegions = {
      {"01", "Guadeloupe"}, {"02", "Martinique"}, {"03", "Guyane"}, {"04", "La Réunion"}, {"06", "Mayotte"},
      {"11", "Île-de-France"}, {"24", "Centre-Val de Loire"}, {"27", "Bourgogne-Franche-Comté"},
      {"28", "Normandie"}, {"32", "Hauts-de-France"}, {"44", "Grand Est"}, {"52", "Pays de la Loire"},
      {"53", "Bretagne"}, {"75", "Nouvelle-Aquitaine"}, {"76", "Occitanie"}, {"84", "Auvergne-Rhône-Alpes"},
      {"93", "Provence-Alpes-Côte d'Azur"}, {"94", "Corse"}};
  auto it = kRegions.find(code);
  return it == kRegions.end() ? code : it->second + " (" + code + ")";
}

}  // namespace capsante
