// The slower consistency checks of `capsante lint`, reported all at once.
#include <algorithm>
#include <map>

#include "capsante/catalog.h"
#include "capsante/text.h"
#include "catalog/quoted_facts.h"
#include "expr/lexer.h"

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
  // A missing date of checking or reading (verifie_le, lu_le) or opening date
  // is a failure: the catalog says when each fact was read and when each aid
  // opened (docs/catalog-format.md).
  void Missing(const std::string& where, std::string message) { Issue(where, "manquant : " + std::move(message)); }

  const std::string& Folded(const std::string& document) {
    auto it = folded_.find(document);
    if (it != folded_.end()) return it->second;
    const std::string* text = c_.SourceText(document);
    return folded_[document] = text ? text::FoldSpace(*text) : std::string();
  }

  void CheckSource(const SourceRef& s, const std::string& fallback_where) {
    if (s.document.empty()) {  // an official text outside the documents: cited by URL, with its reading date
      CheckUrlSource(s, fallback_where);
      return;
    }
    const std::string needle = text::FoldSpace(s.excerpt);
    if (Folded(s.document).find(needle) == std::string::npos) {
      Issue(s.where.empty() ? fallback_where : s.where,
            "extrait introuvable tel quel dans " + s.document + " : « " + text::Truncate(s.excerpt, 120) + " »");
    }
  }

  // An official page cited by url: the date it was read, and the excerpt in
  // the local copy when one is kept in sources/officiels/.
  void CheckUrlSource(const SourceRef& s, const std::string& fallback_where) {
    const std::string& where = s.where.empty() ? fallback_where : s.where;
    if (!s.read_on) Missing(where, "source en ligne sans « lu_le » (date de lecture) : " + s.url);
    const std::string* copy = c_.OfficialCopy(s.url);
    if (!copy) return;
    auto [it, fresh] = folded_copies_.try_emplace(s.url);
    if (fresh) it->second = text::FoldSpace(*copy);
    if (it->second.find(text::FoldSpace(s.excerpt)) == std::string::npos) {
      Issue(where, "extrait introuvable dans la copie locale de " + s.url + " (sources/officiels/) : « " +
                       text::Truncate(s.excerpt, 120) + " »");
    }
  }

  static std::string Show(double x) { return text::Number(x); }

  // What a value's quotes state: every number of a parameter value (each
  // step of a scale) and its start date must appear there, unless the value
  // says why not ("non_cite").
  void CheckParameterValue(const Aid& aid, const Parameter& p, const ParameterValue& v) {
    internal::QuotedFacts facts(v.source.excerpt);
    for (const auto& more : v.more_sources) facts.Add(more.excerpt);
    const bool percent = p.unit == "%";
    std::vector<std::string> missing;
    // A percentage is stored as a ratio (0.10) and quoted as "10 %"; the
    // thresholds of a scale are in their own unit.
    auto need = [&](double x, const char* what, bool as_percent) {
      const bool found = as_percent ? (facts.HasNumber(x * 100) || facts.HasNumber(x))
                                    : facts.HasNumber(x) || ((p.unit == "mois") && facts.HasMonths(static_cast<int>(x)));
      if (!found) missing.push_back(std::string(what) + " " + (as_percent ? Show(x * 100) + " %" : Show(x)));
    };
    if (v.scale.empty()) {
      need(v.value, "valeur", percent);
    } else {
      for (const auto& b : v.scale) {
        need(b.threshold, "seuil", false);
        need(b.value, "valeur", percent);
      }
    }
    if (v.since && !facts.HasDate(*v.since)) missing.push_back("date « depuis » " + v.since->ToFrench());
    const std::string where = v.source.where.empty() ? aid.file : v.source.where;
    if (!v.not_quoted.empty()) {
      if (missing.empty()) Issue(where, "paramètre « " + p.name + " » : « non_cite » inutile, les extraits donnent déjà toutes ses valeurs");
      return;
    }
    for (const auto& m : missing) {
      Issue(where, "paramètre « " + p.name + " » : " + m + " absente de l'extrait cité (corrigez la valeur, citez la phrase qui la donne, "
                   "ou expliquez avec « non_cite »)");
    }
  }

  // The window's dates must be in its quote.
  void CheckWindowDates(const Aid& aid) {
    if (!aid.window_source) return;
    const internal::QuotedFacts facts(aid.window_source->excerpt);
    std::vector<std::string> missing;
    if (aid.opens && !facts.HasDate(*aid.opens)) missing.push_back("date d'ouverture " + aid.opens->ToFrench());
    if (aid.closes && !facts.HasDate(*aid.closes)) missing.push_back("date de fermeture " + aid.closes->ToFrench());
    const std::string& where = aid.window_source->where.empty() ? aid.file : aid.window_source->where;
    if (!aid.window_not_quoted.empty()) {
      if (missing.empty() && (aid.opens || aid.closes)) Issue(where, "fenêtre : « non_cite » inutile, l'extrait donne déjà ses dates");
      return;
    }
    for (const auto& m : missing) Issue(where, "fenêtre : " + m + " absente de l'extrait cité (ou expliquez avec « non_cite »)");
  }

  // The commitment length must be stated by one of the aid's quotes (in
  // months or years).
  void CheckDuration(const Aid& aid) {
    if (aid.duration_months <= 0) return;
    internal::QuotedFacts facts;
    auto add = [&](const SourceRef& s) { facts.Add(s.excerpt); };
    for (const auto& s : aid.sources) add(s);
    if (aid.window_source) add(*aid.window_source);
    if (aid.schedule_source) add(*aid.schedule_source);
    if (aid.clawback_source) add(*aid.clawback_source);
    for (const auto& c : aid.conditions) add(c.source);
    for (const auto& c : aid.commitments) add(c.source);
    for (const auto& p : aid.parameters) {
      for (const auto& v : p.values) add(v.source);
    }
    const bool found = facts.HasMonths(aid.duration_months);
    if (!aid.duration_not_quoted.empty()) {
      if (found) Issue(aid.file, "« duree_mois_non_cite » inutile : un extrait de l'aide donne déjà la durée");
      return;
    }
    if (!found) {
      Issue(aid.file, "durée de " + std::to_string(aid.duration_months) +
                          " mois (« duree_mois ») donnée par aucun extrait de l'aide (ou expliquez avec « duree_mois_non_cite »)");
    }
  }

  // The literal numbers, durations and dates of a condition must be in its
  // quote ("2,5 jours", "moins d'un an"). Zero is exempt ("> 0": some).
  void CheckConditionLiterals(const Aid& aid, const Condition& c) {
    const internal::QuotedFacts facts(c.source.excerpt);
    const std::vector<expr::Token> tokens = expr::Lex(c.expression);
    std::vector<std::string> missing;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const expr::Token& t = tokens[i];
      const bool call = i + 2 < tokens.size() && tokens[i + 1].kind == expr::TokenKind::kLeftParen;
      if (t.kind == expr::TokenKind::kIdentifier && call && tokens[i + 2].kind == expr::TokenKind::kNumber &&
          (t.text == "years" || t.text == "months")) {
        const int months = static_cast<int>(tokens[i + 2].number) * (t.text == "years" ? 12 : 1);
        if (!facts.HasMonths(months)) missing.push_back("durée " + t.text + "(" + tokens[i + 2].text + ")");
        i += 2;
      } else if (t.kind == expr::TokenKind::kIdentifier && call && t.text == "date" && tokens[i + 2].kind == expr::TokenKind::kString) {
        auto d = Date::Parse(tokens[i + 2].text);
        if (d && !facts.HasDate(*d)) missing.push_back("date " + d->ToFrench());
        i += 2;
      } else if (t.kind == expr::TokenKind::kNumber && t.number != 0) {
        const bool percent = !t.text.empty() && t.text.back() == '%';
        if (!facts.HasNumber(percent ? t.number * 100 : t.number)) missing.push_back("nombre " + t.text);
      }
    }
    const std::string& where = c.source.where.empty() ? aid.file : c.source.where;
    if (!c.not_quoted.empty()) {
      if (missing.empty()) Issue(where, "condition « " + c.text + " » : « non_cite » inutile, l'extrait donne déjà ses nombres");
      return;
    }
    for (const auto& m : missing) {
      Issue(where, "condition « " + c.text + " » : " + m + " absent de l'extrait cité (ou expliquez avec « non_cite »)");
    }
  }

  void CheckAid(const Aid& aid) {
    CheckWindowDates(aid);
    CheckDuration(aid);
    for (const auto& c : aid.conditions) CheckConditionLiterals(aid, c);
    for (const auto& p : aid.parameters) {
      for (const auto& v : p.values) CheckParameterValue(aid, p, v);
    }
    if (aid.sources.empty()) Issue(aid.file, "aucune source");
    if (!aid.checked_on) Missing(aid.file, "« verifie_le » : date de la dernière vérification du texte officiel");
    // Issue 14: no date before an aid opened may give "eligible"; an aid with
    // no known opening date must say why (fenetre.ouverture_motif).
    if (!aid.opens && aid.opening_reason.empty()) {
      Missing(aid.file, "date d'ouverture (« fenetre.ouverture ») : citez le texte qui a créé l'aide, ou expliquez son absence avec « ouverture_motif »");
    }
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
  std::map<std::string, std::string> folded_copies_;
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
