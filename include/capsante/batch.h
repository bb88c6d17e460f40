// Batch simulation for advisers (shared spec api-v1 §5): many situations in,
// one answer per situation out, in input order. The CLI (`capsante simulate
// --lot`) and the server (POST /api/v1/lot) call these; the CLI spreads the
// lines over every core, the server answers one body at a time.
//
// Contract: a bad line never stops the others; its answer names its line and
// the field, in French. Input: JSON Lines (one situation per line) or CSV
// whose header names field paths (`zonage.medecin`), list fields holding JSON
// text (docs/api.md §Lot). Thread-safe: CsvHeader is read-only once built.
#ifndef CAPSANTE_BATCH_H_
#define CAPSANTE_BATCH_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "capsante/service.h"

namespace capsante::service {

enum class LotFormat { kJsonLines, kCsv };

// The columns of a CSV input, read from its header line.
class CsvHeader {
 public:
  // InvalidInput naming the column when a path is not a field of the schema
  // (or a field inside a list: give the list itself, as JSON).
  static Status Read(const SituationSchema& schema, std::string_view header, CsvHeader* out);
  // One data row as a situation in JSON; InvalidInput naming the column when
  // the row has more cells than the header or a cell is malformed.
  Status RowToJson(std::string_view row, std::string* json) const;
  size_t columns() const { return columns_.size(); }

 private:
  struct Column {
    std::vector<std::string> path;  // "zonage", "medecin"
    FieldType type = FieldType::kText;
    std::string name;               // "zonage.medecin"
  };
  std::vector<Column> columns_;
};

// Splits one CSV line into cells (RFC 4180 quoting; a cell may not span lines).
Status SplitCsv(std::string_view line, std::vector<std::string>* cells);

// Answers the situation of input line `line` (from 1): appends its JSON Lines
// record ({"ligne", "resultat"} or {"ligne", "erreur", "champ"}) or its CSV
// rows to `out`. Returns false when the line was invalid; then, for CSV,
// `error` receives the French message (CSV rows have no place for it).
bool AnswerLotLine(const Env& env, size_t line, std::string_view situation_json, LotFormat format,
                   const JsonOptions& answer, std::string* out, std::string* error);

// The answer to an invalid line (always returns false), as AnswerLotLine
// writes it: a JSON Lines error record, or for CSV the message in `error`.
bool AnswerLotError(size_t line, const Status& status, LotFormat format, std::string* out, std::string* error);

// The header of the CSV output.
constexpr std::string_view kLotCsvHeader = "ligne,id,statut,total,par_periode,periodicite,manquants\n";

}  // namespace capsante::service

#endif  // CAPSANTE_BATCH_H_
