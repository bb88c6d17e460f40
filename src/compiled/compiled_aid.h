// The executable half of the catalog: bound expressions per aid. Written by
// catalog/ when it loads, read by engine/ when it evaluates, so that neither
// includes the other's internals. Internal to the library; the public Aid
// holds a shared_ptr to its CompiledAid.
#ifndef CAPSANTE_COMPILED_COMPILED_AID_H_
#define CAPSANTE_COMPILED_COMPILED_AID_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "expr/bound.h"

namespace capsante {
struct Organisation;  // capsante/catalog.h
}

namespace capsante::internal {

struct CompiledCondition {
  expr::BoundPtr expression;
  std::vector<std::string_view> fields;  // paths it reads, for explanations
};

// What the engine reads of every aid (most are only gated: for another
// profession or place) comes first, within the first two cache lines, which
// it prefetches an aid ahead.
struct CompiledAid {
  int index = -1;  // in Catalog::aids()
  // Found once at load, so that evaluating compares bits and pointers rather
  // than texts: the professions as bits of their indexes among the
  // `profession` field's enum values (those past the 64th are compared as
  // texts), and the contact's organisation (null if unknown).
  std::uint64_t profession_mask = 0;
  const Organisation* organisation = nullptr;
  std::string profession_gate;   // "Profession concernée : Médecin"
  std::vector<CompiledCondition> conditions;
  expr::BoundPtr per_period;  // may be null (non_chiffre)
  expr::BoundPtr total;       // may be null: sum of the schedule, else per_period
  expr::BoundPtr cap;         // plafond_par_periode, may be null
  expr::BoundPtr rate;        // taux, may be null
  expr::BoundPtr schedule_base;
  std::vector<expr::BoundPtr> payments;  // parallel to Aid::schedule
  std::vector<int> amount_params;        // parameters the amounts read, sorted
  std::vector<int> incompatible;         // indexes of incompatible aids
  // Every node of the conditions' trees (definitions included), in the
  // order the evaluator first reads them: asked for all at once when the
  // aid's gates pass, rather than one cache miss after another.
  std::vector<const void*> condition_nodes;
  // The built-in checks' texts, made once at load.
  std::string region_gate;       // "Exercer en région Occitanie (76)"
  std::string departement_gate;  // "Exercer dans l'un des départements 09, 32, 65"
  std::string waiting_period_gate;  // "Aucune aide de la même catégorie reçue depuis moins de 10 ans"
};

struct CompiledCatalog {
  std::map<std::string, std::shared_ptr<const expr::BoundExpr>, std::less<>> definitions;
};

}  // namespace capsante::internal

#endif  // CAPSANTE_COMPILED_COMPILED_AID_H_
