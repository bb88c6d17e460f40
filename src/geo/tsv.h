// Reading the data files: whole-file reads and tab-separated lines, with
// string_views into the buffer (no per-cell allocation: the load budget is
// 100 ms for about 8 MB).
#ifndef CAPSANTE_SRC_GEO_TSV_H_
#define CAPSANTE_SRC_GEO_TSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "capsante/status.h"

namespace capsante::geo::internal {

// Reads `path` entirely into *out; IoError naming the path otherwise.
Status ReadWholeFile(const std::string& path, std::string* out);

// Iterates the lines of a TSV buffer. The first line is the header, checked
// against the expected column names; every row must have exactly that many
// cells.
class TsvReader {
 public:
  TsvReader(std::string_view text, std::string path) : text_(text), path_(std::move(path)) {}

  // InvalidCatalog unless the header is exactly `columns`.
  Status ExpectHeader(const std::vector<std::string_view>& columns);
  // Next row into *cells; false at the end. *error is set (and false
  // returned) on a malformed row.
  bool Next(std::vector<std::string_view>* cells, Status* error);
  int line() const { return line_; }

 private:
  bool NextLine(std::string_view* line);

  std::string_view text_;
  std::string path_;
  size_t pos_ = 0;
  int line_ = 0;
  size_t columns_ = 0;
};

}  // namespace capsante::geo::internal

#endif  // CAPSANTE_SRC_GEO_TSV_H_
