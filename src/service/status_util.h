// Internal helpers of the service library.
#ifndef CAPSANTE_SRC_SERVICE_STATUS_UTIL_H_
#define CAPSANTE_SRC_SERVICE_STATUS_UTIL_H_

#include <string>
#include <string_view>

#include "capsante/status.h"

namespace capsante::service {

// The same error with its field named inside an envelope ("situation.age").
inline Status Prefixed(Status st, std::string_view prefix) {
  if (st.ok() || prefix.empty() || st.field().empty()) return st;
  const std::string field = std::string(prefix) + st.field();
  switch (st.code()) {
    case Status::Code::kInvalidInput: return Status::InvalidInput(st.message(), field);
    case Status::Code::kNotFound: return Status::NotFound(st.message(), field);
    default: return st;
  }
}

}  // namespace capsante::service

#endif  // CAPSANTE_SRC_SERVICE_STATUS_UTIL_H_
