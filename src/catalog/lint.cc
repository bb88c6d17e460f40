// The slower consistency checks of `capsante lint`, reported all at once.
#include <algorithm>
#include <map>

#include "capsante/catalog.h"
#include "capsante/text.h"

namespace capsante {
namespace {

class Linter {
 public:
  explicit Linter(const Catalog& c) : c_(c) {}

  std::vector<LintIssue> Run() {
    for (const auto& aid : c_.aids()) CheckAid(aid);
    return std::move(issues_);
  }

 private:
  void Issue(const std::string& where, std::string message) { issues_.push_back({where, std::move(message)}); }
  // Dates of checking and reading (verifie_le, lu_le) are being filled in across
  // the catalog: reported, not yet failures (docs/catalog-format.md).
  void ToComplete(const std::string& where, std::string message) {
    issues_.push_back({where, "à compléter : " + std::move(message), false});
  }

  const std::string& Folded(const std::string& document) {
    auto it = folded_.find(document);
    if (it != folded_.end()) return it->second;
    const std::string* text = c_.SourceText(document);
    return folded_[document] = text ? text::FoldSpace(*text) : std::string();
  }

  void CheckSource(const SourceRef& s, const std::string& fallback_where) {
    if (s.document.empty()) {  // an official text outside the documents: cited by URL, with its reading date
      if (!s.read_on) ToComplete(s.where.empty() ? fallback_where : s.where, "source en ligne sans « lu_le » (date de lecture) : " + s.url);
      return;
    }
    const std::string needle = text::FoldSpace(s.excerpt);
    if (Folded(s.document).find(needle) == std::string::npos) {
      Issue(s.where.empty() ? fallback_where : s.where,
            "extrait introuvable tel quel dans " + s.document + " : « " + text::Truncate(s.excerpt, 120) + " »");
    }
  }

  void CheckAid(const Aid& aid) {
    if (aid.sources.empty()) Issue(aid.file, "aucune source");
    if (!aid.checked_on) ToComplete(aid.file, "« verifie_le » manquant : date de la dernière vérification du texte officiel");
    if (aid.waiting_period) CheckSource(aid.waiting_period->source, aid.file);
    for (const auto& s : aid.sources) CheckSource(s, aid.file);
    if (aid.window_source) CheckSource(*aid.window_source, aid.file);
    if (aid.schedule_source) CheckSource(*aid.schedule_source, aid.file);
    if (aid.clawback_source) CheckSource(*aid.clawback_source, aid.file);
    for (const auto& s : aid.incompatibility_sources) CheckSource(s, aid.file);
    for (const auto& c : aid.conditions) CheckSource(c.source, aid.file);
    for (const auto& c : aid.commitments) CheckSource(c.source, aid.file);
    for (const auto& i : aid.informations) CheckSource(i.source, aid.file);
    for (const auto& p : aid.parameters) {
      for (const auto& v : p.values) {
        CheckSource(v.source, aid.file);
        for (const auto& more : v.more_sources) CheckSource(more, aid.file);
      }
    }
    if (const Organisation* org = c_.FindOrganisation(aid.contact)) {
      if (!checked_orgs_.count(org->id)) {
        checked_orgs_[org->id] = true;
        if (org->general.source) CheckSource(*org->general.source, "catalog/contacts.yaml");
        for (const auto* table : {&org->by_departement, &org->by_region}) {
          for (const auto& [code, entry] : *table) {
            if (entry.source) CheckSource(*entry.source, "catalog/contacts.yaml");
          }
        }
      }
    }
    for (const auto& other_id : aid.incompatible_with) {
      if (other_id == aid.id) Issue(aid.file, "une aide ne peut être incompatible avec elle-même");
      const Aid* other = c_.FindAid(other_id);
      if (!other) continue;  // refused at load
      if (std::find(other->incompatible_with.begin(), other->incompatible_with.end(), aid.id) == other->incompatible_with.end()) {
        Issue(aid.file, "incompatibilité non symétrique : " + aid.id + " exclut " + other_id + " mais " + other->file +
                            " n'exclut pas " + aid.id);
      }
    }
    if (!aid.region.empty() && aid.region.size() != 2) Issue(aid.file, "code région invalide « " + aid.region + " »");
    if (aid.conditions.empty()) Issue(aid.file, "aucune condition");
  }

  const Catalog& c_;
  std::vector<LintIssue> issues_;
  std::map<std::string, std::string> folded_;
  std::map<std::string, bool> checked_orgs_;
};

}  // namespace

std::vector<LintIssue> Catalog::Lint() const { return Linter(*this).Run(); }

std::vector<LintIssue> Catalog::UnofficialAmounts() const {
  std::vector<LintIssue> out;
  for (const auto& aid : aids_) {
    for (const auto& p : aid.parameters) {
      for (const auto& v : p.values) {
        bool official = v.source.official();
        for (const auto& more : v.more_sources) official |= more.official();
        if (official) continue;
        std::string titles;
        for (const SourceRef* s : {&v.source}) titles += s->doc ? s->doc->title : s->url;
        for (const auto& more : v.more_sources) titles += " ; " + (more.doc ? more.doc->title : more.url);
        out.push_back({v.source.where.empty() ? aid.file : v.source.where,
                       "montant issu d'une source non officielle : " + aid.id + " — " + p.label +
                           (v.since ? " (depuis le " + v.since->ToString() + ")" : std::string()) + " ; " + titles,
                       false});
      }
    }
  }
  return out;
}

}  // namespace capsante
