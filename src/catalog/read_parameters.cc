// An aid's `parametres` (dated values or scales, each with its source) and
// its `delai_carence` (waiting period between two aids of one category).
#include "catalog/catalog_loader.h"

namespace capsante {

Status CatalogLoader::ReadParameters(const Map& aid_map, Aid* aid) {
  Map params(&aid_map.file(), yamlutil::Node(), "");
  CAPSANTE_RETURN_IF_ERROR(aid_map.Child("parametres", &params, false));
  for (const auto& kv : params.node()) {
    Parameter p;
    p.name = kv.first.Scalar();
    Map m(&aid_map.file(), kv.second, "parametres." + p.name);
    if (!kv.second.IsMap()) return m.Error(kv.first, "un paramètre est un dictionnaire");
    CAPSANTE_RETURN_IF_ERROR(m.String("libelle", &p.label));
    CAPSANTE_RETURN_IF_ERROR(m.String("unite", &p.unit, false));
    yamlutil::Node values;
    CAPSANTE_RETURN_IF_ERROR(m.Sequence("valeurs", &values));
    if (values.size() == 0) return m.Error(kv.second, "« valeurs » ne peut pas être vide");
    for (const auto& vn : values) {
      Map vm(&aid_map.file(), vn, "parametres." + p.name + ".valeurs");
      if (!vn.IsMap()) return vm.Error(vn, "une valeur est { depuis, valeur | bareme, source }");
      ParameterValue v;
      bool present = false;
      CAPSANTE_RETURN_IF_ERROR(vm.OptionalDate("depuis", &v.since, &present));
      if (!present) return vm.Error(vn, "« depuis » est requis (null pour « avant toute date couverte »)");
      std::optional<double> number;
      CAPSANTE_RETURN_IF_ERROR(vm.Number("valeur", &number));
      yamlutil::Node scale;
      CAPSANTE_RETURN_IF_ERROR(vm.Sequence("bareme", &scale, false));
      if (number.has_value() == (scale.size() > 0)) return vm.Error(vn, "une valeur a soit « valeur », soit « bareme »");
      if (number) v.value = *number;
      double last = -1e300;
      for (const auto& bn : scale) {
        Map bm(&aid_map.file(), bn, "bareme");
        std::optional<double> threshold, value;
        CAPSANTE_RETURN_IF_ERROR(bm.Number("seuil", &threshold));
        CAPSANTE_RETURN_IF_ERROR(bm.Number("valeur", &value));
        CAPSANTE_RETURN_IF_ERROR(bm.CheckNoUnknownKeys());
        if (!threshold || !value) return bm.Error(bn, "une tranche est { seuil, valeur }");
        if (*threshold <= last) return bm.Error(bn, "les seuils du barème doivent être croissants");
        last = *threshold;
        v.scale.push_back({*threshold, *value});
      }
      std::optional<SourceRef> source;
      CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(vm, "source", &source, true));
      v.source = *source;
      CAPSANTE_RETURN_IF_ERROR(ReadSourceList(vm, "autres_sources", &v.more_sources, false));
      CAPSANTE_RETURN_IF_ERROR(vm.String("non_cite", &v.not_quoted, false));
      CAPSANTE_RETURN_IF_ERROR(vm.CheckNoUnknownKeys());
      if (!p.values.empty()) {
        const ParameterValue& prev = p.values.back();
        if (!v.since) return vm.Error(vn, "seule la première valeur peut avoir « depuis: null »");
        if (prev.since && *prev.since >= *v.since) return vm.Error(vn, "les périodes se chevauchent : « depuis » doit croître");
        if (prev.scale.empty() != v.scale.empty()) return vm.Error(vn, "toutes les valeurs d'un paramètre sont du même genre (nombre ou barème)");
      }
      p.values.push_back(std::move(v));
    }
    CAPSANTE_RETURN_IF_ERROR(m.CheckNoUnknownKeys());
    aid->parameters.push_back(std::move(p));
  }
  return Status::Ok();
}

// delai_carence: {categorie, annees, applicable_depuis, source}
Status CatalogLoader::ReadWaitingPeriod(const Map& aid_map, Aid* aid) {
  Map m(&aid_map.file(), yamlutil::Node(), "");
  CAPSANTE_RETURN_IF_ERROR(aid_map.Child("delai_carence", &m, false));
  if (m.node().size() == 0) return Status::Ok();
  WaitingPeriod w;
  CAPSANTE_RETURN_IF_ERROR(m.String("categorie", &w.category));
  CAPSANTE_RETURN_IF_ERROR(m.Int("annees", &w.years));
  if (w.years < 1 || w.years > 50) return m.Error(m.node(), "« annees » va de 1 à 50");
  bool present = false;
  CAPSANTE_RETURN_IF_ERROR(m.OptionalDate("applicable_depuis", &w.applies_from, &present));
  if (!present) return m.Error(m.node(), "« applicable_depuis » est requis (date d'entrée en vigueur de la règle, ou null)");
  std::optional<SourceRef> source;
  CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(m, "source", &source, true));
  w.source = *source;
  CAPSANTE_RETURN_IF_ERROR(m.CheckNoUnknownKeys());
  aid->waiting_period = std::move(w);
  return Status::Ok();
}

}  // namespace capsante
