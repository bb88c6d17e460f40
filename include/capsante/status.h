// Status: the result of an operation that can fail, as a value.
//
// Contract: an OK status carries nothing. An error carries a code, a French
// message meant for the user, and (when known) the field or location it is
// about: the situation field (`zonage.medecin`), or `file:line:column` for a
// catalog error. Functions return a Status early with context instead of
// throwing; exceptions never cross the public API.
#ifndef CAPSANTE_STATUS_H_
#define CAPSANTE_STATUS_H_

#include <string>
#include <utility>

namespace capsante {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,    // the user's situation or arguments (exit code 2, HTTP 400)
    kInvalidCatalog,  // the shipped catalog or data files (exit code 3)
    kNotFound,        // unknown aid, commune, file (HTTP 404)
    kIoError,         // a file could not be read
    kInternal,        // a bug: should never reach the user
  };

  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message, std::string field = {}) {
    return Status(Code::kInvalidInput, std::move(message), std::move(field));
  }
  static Status InvalidCatalog(std::string message, std::string where = {}) {
    return Status(Code::kInvalidCatalog, std::move(message), std::move(where));
  }
  static Status NotFound(std::string message, std::string field = {}) {
    return Status(Code::kNotFound, std::move(message), std::move(field));
  }
  static Status IoError(std::string message, std::string path = {}) {
    return Status(Code::kIoError, std::move(message), std::move(path));
  }
  static Status Internal(std::string message) {
    return Status(Code::kInternal, std::move(message), {});
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // French, one line, suitable for the user.
  const std::string& message() const { return message_; }
  // The situation field, the catalog location or the path the error is about;
  // empty when it is about nothing in particular.
  const std::string& field() const { return field_; }
  // "message (field)" or just "message".
  std::string ToString() const {
    if (field_.empty()) return message_;
    return message_ + " (" + field_ + ")";
  }

 private:
  Status(Code code, std::string message, std::string field)
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  Code code_ = Code::kOk;
  std::string message_;
  std::string field_;
};

// Returns early from the enclosing function when `expr` is not OK.
#define CAPSANTE_RETURN_IF_ERROR(expr)      \
  do {                                      \
    ::capsante::Status _st = (expr);        \
    if (!_st.ok()) return _st;              \
  } while (0)

}  // namespace capsante

#endif  // CAPSANTE_STATUS_H_
