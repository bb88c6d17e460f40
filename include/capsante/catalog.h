// The catalog of aids: one YAML file per aid, validated at load.
//
// Contract: Catalog::Load reads <home>/catalog (situation.yaml,
// definitions.yaml, contacts.yaml, aides/*.yaml) and <home>/sources, parses
// and binds every expression, and refuses a broken catalog with
// InvalidCatalog("file:line:column: message"). A loaded Catalog is immutable
// and safe to share between threads. Lint() runs the slower consistency
// checks of `capsante lint`.
#ifndef CAPSANTE_CATALOG_H_
#define CAPSANTE_CATALOG_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capsante/date.h"
#include "capsante/scale.h"
#include "capsante/schema.h"
#include "capsante/status.h"

namespace capsante {

namespace internal { struct CompiledAid; struct CompiledCatalog; }

// One of the documents kept in sources/, as described in catalog/sources.yaml:
// what a user can look up (title, issuer, date, address) and whether it is an
// official publication (an ameli.fr, ARS or PAPS page) or not (a blog).
struct SourceDocument {
  std::string file;    // file name in sources/ (never shown to users)
  std::string title;   // French title, shown instead of the file name
  std::string issuer;  // who published it
  std::optional<Date> date;  // publication or last update, when the document says
  std::string url;     // where it can be read, when known
  bool official = false;
};

struct SourceRef {
  std::string document;  // file name in sources/ (or empty with url)
  std::string url;       // for official texts outside the five documents
  std::string excerpt;   // the quoted sentence
  std::string where;     // file:line of the citation in the catalog
  std::optional<Date> read_on;           // "lu_le": when a URL source was read
  const SourceDocument* doc = nullptr;   // the registry entry of `document`
  // An official text: a URL source (official publishers only) or an official document.
  bool official() const { return doc ? doc->official : !url.empty(); }
};

struct ParameterValue {
  std::optional<Date> since;  // nullopt: in force before any date the sources cover
  double value = 0;
  std::vector<Bracket> scale;  // non-empty for a step scale
  SourceRef source;
  std::vector<SourceRef> more_sources;  // "autres_sources": e.g. one per step of a scale
  // "non_cite": why the quotes do not state this value (computed, from a
  // table…); empty when they must (lint checks every number and date).
  std::string not_quoted;
};

struct Parameter {
  std::string name;
  std::string label;
  std::string unit;
  std::vector<ParameterValue> values;  // by increasing `since`
  // The value in force on `date`, nullptr if none yet.
  const ParameterValue* At(Date date) const;
};

struct Condition {
  std::string text;        // French
  std::string expression;  // as written
  SourceRef source;
  std::string not_quoted;  // "non_cite": why the quote does not state its literal numbers
};

struct Payment {
  int months_after = 0;
  int repeat = 1;          // number of payments
  int every_months = 12;   // between repeated payments
  std::string expression;
  std::string label;       // may hold {n}
};

struct Commitment {
  std::string text;
  SourceRef source;
};

struct Info {
  std::string text;
  SourceRef source;
};

enum class Periodicity { kOnce, kYearly, kMonthly };
const char* PeriodicityCode(Periodicity p);  // "unique", "annuel", "mensuel"

// The ten-year rule (décret n° 2025-231): an aid of `category` cannot be
// granted again within `years` after a previous one of the same category;
// it applies to requests made from `applies_from`.
struct WaitingPeriod {
  std::string category;
  int years = 0;
  std::optional<Date> applies_from;
  SourceRef source;
};

struct Aid {
  std::string id;
  std::string file;  // catalog/aides/<id>.yaml
  std::string name;
  std::string payer;
  std::string family;
  std::vector<std::string> professions;  // individual aids: the professions it is for
  bool for_structure = false;            // "demandeur: structure": applied for by an ESP, MSP, CDS or CPTS
  std::string region;                     // INSEE code, empty = national
  std::vector<std::string> departements;  // empty = all
  std::string convention;
  std::string summary;

  std::optional<Date> opens;   // first day of subscription
  std::optional<Date> closes;  // last day of subscription
  std::vector<std::string> replaced_by;
  std::optional<SourceRef> window_source;
  std::string window_not_quoted;    // "fenetre.non_cite": why its quote does not state the dates
  // "fenetre.ouverture_motif": why the window has no opening date, or why its
  // opening is the earliest date an official text proves rather than the date
  // of the text that created the aid (lint: an aid without an opening date
  // must say why).
  std::string opening_reason;
  int duration_months = 0;
  std::string duration_not_quoted;  // "duree_mois_non_cite": why no quote of the aid states it
  std::string renewal;
  // "reconduction_tacite": a running contract without an end date goes on
  // past duration_months (renewed by tacit agreement).
  bool tacit_renewal = false;
  std::optional<WaitingPeriod> waiting_period;  // "delai_carence"
  std::optional<Date> checked_on;  // "verifie_le": official text last checked

  std::vector<Parameter> parameters;
  std::vector<Condition> conditions;
  // "conditions_partielles: true": the sources name the scheme but not all its
  // conditions, so meeting the listed ones is never called "eligible".
  bool partial_conditions = false;

  Periodicity periodicity = Periodicity::kOnce;
  bool amount_not_quantified = false;  // "non_chiffre": the sources give no amount
  std::string amount_explanation;
  std::vector<Payment> schedule;
  std::optional<SourceRef> schedule_source;

  std::vector<Commitment> commitments;
  std::string clawback;
  bool clawback_prorata = false;
  std::optional<SourceRef> clawback_source;
  std::vector<std::string> incompatible_with;
  std::vector<std::string> may_follow;  // "suites_autorisees": aids that may be signed after this one
  std::vector<SourceRef> incompatibility_sources;
  std::string contact;  // organisation id
  std::vector<SourceRef> sources;
  std::vector<Info> informations;

  std::shared_ptr<const internal::CompiledAid> compiled;

  bool OpenOn(Date d) const { return (!opens || *opens <= d) && (!closes || d <= *closes); }
};

struct ContactEntry {
  std::string name;
  std::string email;
  std::string phone;
  std::string website;
  std::string address;
  std::string note;
  std::optional<SourceRef> source;
};

struct Organisation {
  std::string id;
  ContactEntry general;
  std::map<std::string, ContactEntry> by_departement;
  std::map<std::string, ContactEntry> by_region;
};

struct LintIssue {
  std::string where;    // file:line or file
  std::string message;  // French
  bool blocking = true;  // false: listed for the reader, lint still passes
};

class Catalog {
 public:
  ~Catalog();
  // `home` holds catalog/ and sources/.
  static Status Load(const std::string& home, std::unique_ptr<Catalog>* out);

  const SituationSchema& schema() const { return *schema_; }
  const std::vector<Aid>& aids() const { return aids_; }
  const Aid* FindAid(std::string_view id) const;
  const Organisation* FindOrganisation(std::string_view id) const;
  // The text of a source document, nullptr if unknown.
  const std::string* SourceText(std::string_view document) const;
  // The local copy of an official page cited by url (sources/officiels/),
  // nullptr when none is kept.
  const std::string* OfficialCopy(std::string_view url) const;
  // The registry entry of a source document (catalog/sources.yaml), nullptr if unknown.
  const SourceDocument* FindDocument(std::string_view document) const;
  const std::vector<SourceDocument>& documents() const { return documents_; }
  const std::string& home() const { return home_; }

  // Checks a situation against the catalog (contract ids exist).
  Status CheckSituation(const class Situation& situation) const;

  // The extra checks of `capsante lint`; scenario counting is done by the
  // caller, which knows where tests live.
  std::vector<LintIssue> Lint() const;
  // Every parameter value backed only by non-official documents (blogs):
  // listed by `capsante lint` as information, not as a failure.
  std::vector<LintIssue> UnofficialAmounts() const;

  const internal::CompiledCatalog& compiled() const { return *compiled_; }

 private:
  friend class CatalogLoader;
  Catalog();
  std::string home_;
  std::unique_ptr<SituationSchema> schema_;
  std::vector<Aid> aids_;
  std::map<std::string, Organisation, std::less<>> organisations_;
  std::map<std::string, std::string, std::less<>> sources_;
  std::map<std::string, std::string, std::less<>> official_copies_;  // url → text
  std::vector<SourceDocument> documents_;
  std::unique_ptr<internal::CompiledCatalog> compiled_;
};

}  // namespace capsante

#endif  // CAPSANTE_CATALOG_H_
