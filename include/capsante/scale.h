// A step scale of the rule language: `bareme(x, param.TABLE)` is the value of
// the last bracket whose threshold is at most x (0 below the first). Owned by
// the expression language (capsante::expr); the catalog's parameters hold
// their scales in this form.
#ifndef CAPSANTE_SCALE_H_
#define CAPSANTE_SCALE_H_

namespace capsante {

// One bracket of a step scale: from `threshold` upwards, `value`.
struct Bracket {
  double threshold = 0;
  double value = 0;
};

}  // namespace capsante

#endif  // CAPSANTE_SCALE_H_
