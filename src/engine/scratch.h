// What one evaluation keeps from aid to aid, and a thread from evaluation to
// evaluation: scratch lists, each organisation's contact for the place, and
// the fields the engine reads every time. Internal to engine.cc.
#ifndef CAPSANTE_ENGINE_SCRATCH_H_
#define CAPSANTE_ENGINE_SCRATCH_H_

#include <optional>
#include <string_view>
#include <vector>

#include "capsante/result.h"
#include "capsante/schema.h"
#include "capsante/situation.h"
#include "expr/eval.h"

namespace capsante::internal {

// A field the engine reads on every evaluation, found by path once per
// thread rather than hashed each time. The id is checked against the path on
// each use, so that a schema loaded later (at the same address) is never
// misread.
class KnownField {
 public:
  explicit KnownField(std::string_view path) : path_(path) {}

  const FieldSpec* In(const SituationSchema& schema) {
    const std::vector<FieldSpec>& fields = schema.fields();
    if (id_ >= 0 && static_cast<size_t>(id_) < fields.size() && fields[static_cast<size_t>(id_)].path == path_) {
      return &fields[static_cast<size_t>(id_)];
    }
    const FieldSpec* f = schema.Find(path_);
    id_ = f ? f->id : -1;
    return f;
  }

  // The situation's fact for a scalar field outside lists (Situation::Find).
  const Fact* FactIn(const Situation& situation) {
    const FieldSpec* f = In(situation.schema());
    return f && f->is_scalar() && !f->in_list ? &situation.fact(f->slot) : nullptr;
  }

 private:
  std::string_view path_;
  int id_ = -1;
};

struct EngineFields {
  KnownField profession{"profession"};
  KnownField region{"zonage.region"};
  KnownField departement{"zonage.departement"};
  KnownField structure_type{"structure.type"};
  KnownField contracts{"contrats"};
  KnownField contract_id{"contrats.id"};
  KnownField contract_start{"contrats.date_debut"};
  KnownField contract_end{"contrats.date_fin"};
};

// An organisation's contact for the situation's place.
struct KnownContact {
  const Organisation* organisation;  // Aid::contact's, as found at load
  ContactResult contact;
};

// Buffers that one evaluation reuses from aid to aid. Kept per thread, so
// that a thread evaluating situation after situation (a server, a batch)
// does not grow them again each time.
struct Scratch {
  std::vector<expr::ParamSlot> params;
  std::vector<int> missing;
  std::vector<int> schedule_base;
  std::vector<int> optional;
  std::vector<int> params_read;
  std::vector<KnownContact> contacts;
  EngineFields fields;
  bool in_use = false;
};

// The scratch buffers of this thread, or fresh ones should an evaluation
// ever start inside another.
class ScratchLease {
 public:
  ScratchLease() {
    thread_local Scratch kept;
    scratch_ = kept.in_use ? &own_.emplace() : &kept;
    scratch_->in_use = true;
  }
  ~ScratchLease() { scratch_->in_use = false; }
  ScratchLease(const ScratchLease&) = delete;
  ScratchLease& operator=(const ScratchLease&) = delete;
  Scratch& get() { return *scratch_; }

 private:
  std::optional<Scratch> own_;
  Scratch* scratch_;
};

}  // namespace capsante::internal

#endif  // CAPSANTE_ENGINE_SCRATCH_H_
