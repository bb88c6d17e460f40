// Runtime values of the rule language. A Value is small and trivially
// copyable: texts are views into the situation or the bound tree, which
// outlive one evaluation.
#ifndef CAPSANTE_EXPR_VALUE_H_
#define CAPSANTE_EXPR_VALUE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capsante/scale.h"

namespace capsante::expr {

enum class Type : std::uint8_t { kBool, kNumber, kText, kDate, kDuration, kRecords, kSet, kScale };

const char* TypeFrench(Type t);

using capsante::Bracket;  // capsante/scale.h: public because catalog parameters hold scales

struct Value {
  enum class Kind : std::uint8_t { kUnknown, kBool, kNumber, kText, kDate, kDuration, kRecords, kScale };
  Kind kind = Kind::kUnknown;
  bool b = false;
  std::int32_t i = 0;  // date: days since 1970-01-01; duration: months
  std::int32_t j = 0;  // duration: days
  double n = 0;
  std::string_view s;
  const void* p = nullptr;  // records: const std::vector<Record>*; scale: const std::vector<Bracket>*

  bool known() const { return kind != Kind::kUnknown; }
  static Value Unknown() { return {}; }
  static Value Bool(bool v) { Value x; x.kind = Kind::kBool; x.b = v; return x; }
  static Value Number(double v) { Value x; x.kind = Kind::kNumber; x.n = v; return x; }
  static Value Text(std::string_view v) { Value x; x.kind = Kind::kText; x.s = v; return x; }
  static Value DateDays(std::int32_t days) { Value x; x.kind = Kind::kDate; x.i = days; return x; }
  static Value Duration(std::int32_t months, std::int32_t days) {
    Value x; x.kind = Kind::kDuration; x.i = months; x.j = days; return x;
  }
};

}  // namespace capsante::expr

#endif  // CAPSANTE_EXPR_VALUE_H_
