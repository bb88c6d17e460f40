// "What would change it": one fact or one choice that alone would make an aid
// eligible, found by evaluating that aid again with each other value of the
// enum or yes/no fields its deciding condition reads (capsante/engine.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capsante/engine.h"
#include "engine/aid_trials.h"

namespace capsante {

namespace {

// Fields that describe another person, another time or another place rather
// than a fact or a choice of this one.
bool Varied(const FieldSpec& f) {
  if (!f.is_scalar() || f.in_list) return false;
  if (f.type != FieldType::kEnum && f.type != FieldType::kBool) return false;
  return f.path != "profession" && f.path != "zonage.region" && f.path != "zonage.departement";
}

// The fields worth varying for one aid: those of its one failed condition, or
// those it misses.
std::vector<std::string_view> Candidates(const AidResult& r) {
  std::vector<std::string_view> out;
  auto add = [&out](std::string_view f) {
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  };
  if (r.status == AidStatus::kNotEligible) {
    if (!r.blocked_by.empty() || r.possible_from) return out;
    const ConditionResult* failed = nullptr;
    for (const auto& c : r.conditions) {
      if (c.status != ConditionStatus::kNotMet) continue;
      if (failed) return out;  // two conditions fail: one fact is not enough
      failed = &c;
    }
    if (failed && failed->fields) {
      for (std::string_view f : *failed->fields) add(f);
    }
  } else if (r.status == AidStatus::kToSpecify) {
    // Only one unknown fact may stand between the aid and eligibility: with
    // two, answering one leaves it to be specified.
    for (const auto& c : r.conditions) {
      for (std::string_view f : c.missing) add(f);
    }
    if (out.size() > 1) out.clear();
  }
  return out;
}

std::string InWords(const FieldSpec& f, std::string_view value) {
  std::string text = "si " + f.label + " : ";
  if (f.type == FieldType::kBool) return text + (value == "true" ? "oui" : "non");
  const std::string_view label = f.ValueLabel(value);
  return text + std::string(label.empty() ? value : label);
}

}  // namespace

void FindAlternatives(const Catalog& catalog, const Situation& situation, Result* result) {
  const SituationSchema& schema = catalog.schema();
  static const std::vector<std::string> kYesNo = {"true", "false"};
  // Made on the first value to try (most situations have none): one copy of
  // the situation, where each value is set, tried, then undone, and what
  // evaluating it needs once (running contracts, scratch lists).
  std::optional<Situation> s;
  std::optional<internal::AidTrials> trials;
  for (AidResult& r : result->aids) {
    if (r.scope != AidScope::kConcerns || !r.error.empty()) continue;
    for (std::string_view path : Candidates(r)) {
      const FieldSpec* f = schema.Find(path);
      if (!f || !Varied(*f)) continue;
      if (!s) {
        s.emplace(situation);
        trials.emplace(catalog, *s);
      }
      const Fact& current = situation.fact(f->slot);
      const std::vector<std::string>& values = f->type == FieldType::kBool ? kYesNo : f->values;
      for (const std::string& value : values) {
        if (current.known() && current.ToString() == value) continue;
        if (!s->SetFromText(f->path, value, FactOrigin::kUser).ok()) continue;
        AidResult again;
        trials->Run(*r.aid, &again);
        if (again.status == AidStatus::kEligible) {
          r.alternatives.push_back({f->path, value, InWords(*f, value), again.amount.total});
        }
      }
      *s->mutable_fact(f->slot) = current;
      s->set_origin(f->slot, situation.origin(f->slot));
    }
  }
}

}  // namespace capsante
