// Batch: CSV input to situations, and one answer per input line.
#include "capsante/batch.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/result_json.h"
#include "util/json_writer.h"

namespace capsante::service {

namespace {

// A number as the CSV column "total" shows it: euros to the cent, empty when unknown.
void CsvEuros(std::string* out, const std::optional<double>& v) {
  if (!v) return;
  char buf[32];
  const double cents = std::round(*v * 100) / 100;
  if (cents == std::floor(cents)) std::snprintf(buf, sizeof buf, "%.0f", cents);
  else std::snprintf(buf, sizeof buf, "%.2f", cents);
  out->append(buf);
}

// A CSV cell, quoted when it holds a comma, a quote or a line break.
void CsvCell(std::string* out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

bool IsJsonNumber(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  const std::string text(s);
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  if (*end != '\0') return false;
  // JSON has no leading '+', no leading dot, no hex, no inf/nan.
  const char c = s[0];
  return (c == '-' || (c >= '0' && c <= '9')) && text.find_first_of("xXnN") == std::string::npos;
}

}  // namespace

Status SplitCsv(std::string_view line, std::vector<std::string>* cells) {
  cells->clear();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string cell;
  size_t i = 0;
  for (;;) {
    cell.clear();
    if (i < line.size() && line[i] == '"') {
      ++i;
      for (;;) {
        if (i >= line.size()) return Status::InvalidInput("guillemet non refermé dans la cellule " + std::to_string(cells->size() + 1));
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell.push_back(line[i++]);
      }
      if (i < line.size() && line[i] != ',') {
        return Status::InvalidInput("texte après un guillemet fermant dans la cellule " + std::to_string(cells->size() + 1));
      }
    } else {
      const size_t end = line.find(',', i);
      cell.assign(line.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
      i = end == std::string_view::npos ? line.size() : end;
    }
    cells->push_back(cell);
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return Status::Ok();
}

Status CsvHeader::Read(const SituationSchema& schema, std::string_view header, CsvHeader* out) {
  std::vector<std::string> cells;
  CAPSANTE_RETURN_IF_ERROR(SplitCsv(header, &cells));
  out->columns_.clear();
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string name = cells[i];
    if (i == 0 && name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);  // byte order mark
    const FieldSpec* f = schema.Find(name);
    if (!f || f->in_list || f->type == FieldType::kObject) {
      return Status::InvalidInput("en-tête CSV, colonne " + std::to_string(i + 1) + " : champ inconnu « " + name.substr(0, 80) +
                                      " » (un chemin de champ comme zonage.medecin ; une liste se donne entière, en JSON)",
                                  name.substr(0, 80));
    }
    for (const Column& c : out->columns_) {
      if (c.name == name) return Status::InvalidInput("en-tête CSV : colonne « " + name + " » en double", name);
    }
    Column c;
    c.name = name;
    c.type = f->type;
    size_t start = 0;
    for (;;) {
      const size_t dot = name.find('.', start);
      c.path.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    out->columns_.push_back(std::move(c));
  }
  return Status::Ok();
}

Status CsvHeader::RowToJson(std::string_view row, std::string* json) const {
  std::vector<std::string> cells;
  CAPSANTE_RETURN_IF_ERROR(SplitCsv(row, &cells));
  if (cells.size() > columns_.size()) {
    return Status::InvalidInput("la ligne a " + std::to_string(cells.size()) + " cellules pour " +
                                std::to_string(columns_.size()) + " colonnes dans l'en-tête");
  }
  // Columns sharing a parent object are written inside one nested object:
  // collect them per top-level name, in header order.
  json->clear();
  json->push_back('{');
  std::vector<bool> done(cells.size(), false);
  bool first = true;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (done[i] || cells[i].empty()) continue;
    if (!first) json->push_back(',');
    first = false;
    const std::string& top = columns_[i].path[0];
    auto value = [&](size_t k) {
      const Column& c = columns_[k];
      const std::string& v = cells[k];
      const bool raw = c.type == FieldType::kList ||
                       ((c.type == FieldType::kNumber || c.type == FieldType::kInteger) && IsJsonNumber(v)) ||
                       (c.type == FieldType::kBool && (v == "true" || v == "false"));
      if (raw) {
        json->append(v);
      } else {
        std::string quoted;
        json::Writer(&quoted).String(v);
        json->append(quoted);
      }
    };
    std::string quoted_top;
    json::Writer(&quoted_top).String(top);
    json->append(quoted_top).push_back(':');
    if (columns_[i].path.size() == 1) {
      value(i);
      done[i] = true;
      continue;
    }
    // Nested: {"medecin": ..., "qpv": ...} for every column under `top`
    // (two levels at most in the schema's objects).
    json->push_back('{');
    bool inner_first = true;
    for (size_t k = i; k < cells.size(); ++k) {
      if (done[k] || cells[k].empty() || columns_[k].path.size() != 2 || columns_[k].path[0] != top) continue;
      if (!inner_first) json->push_back(',');
      inner_first = false;
      std::string quoted;
      json::Writer(&quoted).String(columns_[k].path[1]);
      json->append(quoted).push_back(':');
      value(k);
      done[k] = true;
    }
    json->push_back('}');
  }
  json->push_back('}');
  return Status::Ok();
}

bool AnswerLotError(size_t line, const Status& st, LotFormat format, std::string* out, std::string* error) {
  if (format == LotFormat::kCsv) {
    *error = "ligne " + std::to_string(line) + " : " + st.message();
    if (!st.field().empty() && st.message().find(st.field()) == std::string::npos) *error += " (champ : " + st.field() + ")";
    return false;
  }
  json::Writer w(out);
  w.BeginObject().Key("ligne").Int(static_cast<long long>(line)).Field("erreur", st.message()).Key("champ");
  w.StringOrNull(st.field());
  w.EndObject();
  out->push_back('\n');
  return false;
}

bool AnswerLotLine(const Env& env, size_t line, std::string_view situation_json, LotFormat format,
                   const JsonOptions& answer, std::string* out, std::string* error) {
  SimulateRequest request;
  request.answer = answer;
  Result result;
  Status st = ReadSimulateRequest(*env.catalog, situation_json, &request);
  if (st.ok()) st = Simulate(env, request, &result);
  if (!st.ok()) return AnswerLotError(line, st, format, out, error);
  if (format == LotFormat::kJsonLines) {
    json::Writer w(out);
    w.BeginObject().Key("ligne").Int(static_cast<long long>(line)).Key("resultat");
    WriteResult(w, result, request.answer);
    w.EndObject();
    out->push_back('\n');
    return true;
  }
  const std::string number = std::to_string(line);
  for (const AidResult& a : result.aids) {
    if (a.scope != AidScope::kConcerns && !request.answer.Detailed(a.aid->id)) continue;
    out->append(number).push_back(',');
    CsvCell(out, a.aid->id);
    out->push_back(',');
    out->append(AidStatusCode(a.status)).push_back(',');
    const bool amount = a.status == AidStatus::kEligible || a.status == AidStatus::kToSpecify || a.running;
    if (amount) CsvEuros(out, a.amount.total);
    out->push_back(',');
    if (amount) CsvEuros(out, a.amount.per_period);
    out->push_back(',');
    out->append(amount ? PeriodicityCode(a.aid->periodicity) : "").push_back(',');
    std::string missing;
    for (std::string_view m : a.missing) {
      if (!missing.empty()) missing.push_back(';');
      missing.append(m);
    }
    CsvCell(out, missing);
    out->push_back('\n');
  }
  return true;
}

}  // namespace capsante::service
