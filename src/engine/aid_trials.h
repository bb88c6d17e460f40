// Evaluating the aids of one situation one at a time, while some of its facts
// change between evaluations: what FindAlternatives (what_if.cc) does for
// each value it tries. What Evaluate computes once per situation (running
// contracts, scratch lists, the fields read every time) is computed once here
// too, rather than once per value tried. Internal to the engine.
#ifndef CAPSANTE_ENGINE_AID_TRIALS_H_
#define CAPSANTE_ENGINE_AID_TRIALS_H_

#include <memory>

#include "capsante/catalog.h"
#include "capsante/result.h"
#include "capsante/situation.h"

namespace capsante::internal {

class AidTrials {
 public:
  // `situation` is read at each Run and must outlive this object. Between
  // two runs its scalar facts may change, but not the profession, region,
  // département, date or lists: the running contracts and the situation's
  // profession are read once, here.
  AidTrials(const Catalog& catalog, const Situation& situation);
  ~AidTrials();
  AidTrials(const AidTrials&) = delete;
  AidTrials& operator=(const AidTrials&) = delete;

  // `aid` evaluated alone, without explanations, as Evaluate with
  // EvalOptions::only = {aid.id} and explanations off would give it; but
  // only its status is filled unless it is eligible (then all of it).
  void Run(const Aid& aid, AidResult* out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace capsante::internal

#endif  // CAPSANTE_ENGINE_AID_TRIALS_H_
