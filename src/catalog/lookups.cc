// What a loaded catalog answers: its aids, organisations and source texts by
// name, a parameter's value on a date, and the check of a situation's
// contracts against the catalog.
#include "capsante/catalog.h"
#include "capsante/situation.h"
#include "capsante/text.h"
#include "compiled/compiled_aid.h"

namespace capsante {

const char* PeriodicityCode(Periodicity p) {
  switch (p) {
    case Periodicity::kOnce: return "unique";
    case Periodicity::kYearly: return "annuel";
    case Periodicity::kMonthly: return "mensuel";
  }
  return "unique";
}

const ParameterValue* Parameter::At(Date date) const {
  const ParameterValue* found = nullptr;
  for (const auto& v : values) {
    if (!v.since || *v.since <= date) found = &v;
  }
  return found;
}

Catalog::Catalog() : compiled_(std::make_unique<internal::CompiledCatalog>()) {}
Catalog::~Catalog() = default;

const Aid* Catalog::FindAid(std::string_view id) const {
  for (const auto& a : aids_) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

const Organisation* Catalog::FindOrganisation(std::string_view id) const {
  auto it = organisations_.find(id);
  return it == organisations_.end() ? nullptr : &it->second;
}

const std::string* Catalog::SourceText(std::string_view document) const {
  auto it = sources_.find(document);
  return it == sources_.end() ? nullptr : &it->second;
}

const std::string* Catalog::OfficialCopy(std::string_view url) const {
  auto it = official_copies_.find(url);
  return it == official_copies_.end() ? nullptr : &it->second;
}

const SourceDocument* Catalog::FindDocument(std::string_view document) const {
  for (const auto& d : documents_) {
    if (d.file == document) return &d;
  }
  return nullptr;
}

Status Catalog::CheckSituation(const Situation& situation) const {
  const FieldSpec* contracts = schema_->Find("contrats");
  if (!contracts) return Status::Ok();
  const FieldSpec* id_field = schema_->FindChild(*contracts, "id");
  if (!id_field) return Status::Ok();
  const auto& records = situation.records(contracts->slot);
  for (size_t i = 0; i < records.size(); ++i) {
    const Fact& id = records[i][static_cast<size_t>(id_field->slot)];
    if (id.known() && !FindAid(id.text)) {
      const std::string where = "contrats[" + std::to_string(i) + "].id";
      return Status::InvalidInput(schema_->InWords(where) + " : aide inconnue « " + text::Truncate(id.text, 64) + " » (voir la liste des aides)", where);
    }
  }
  return Status::Ok();
}

}  // namespace capsante
