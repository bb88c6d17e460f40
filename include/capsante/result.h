// The result of a simulation: one entry per aid of the catalog, with its
// status, amount, schedule, conditions, commitments, sources and contact.
//
// Contract: ToJson follows shared spec api-v1 section 2 (field names in
// French) plus the additions documented in docs/api.md. Amounts are numbers
// in euros, never strings; an amount that cannot be computed is null.
//
// Speed (bench/engine_bench): an aid's conditions are a small vector (Boost's
// small_vector, header-only, from libboost-dev): most aids are for another
// profession or place and hold only their one or two built-in checks, which
// then need no heap allocation. It reads and grows like a std::vector; only
// moving an AidResult moves the conditions themselves, so that
// `one_fact_away` (pointers into them) stays valid as long as the AidResult
// stays where Evaluate built it (results are never reordered). The result
// types have constructors that do not zero their storage first, for the same
// reason: Evaluate builds 50-odd of them per call.
#ifndef CAPSANTE_RESULT_H_
#define CAPSANTE_RESULT_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "capsante/catalog.h"
#include "capsante/date.h"

namespace capsante {

enum class AidStatus { kEligible, kNotEligible, kToSpecify, kClosed };
const char* AidStatusCode(AidStatus s);    // "eligible", "non_eligible", "a_preciser", "ferme"

enum class ConditionStatus { kMet, kNotMet, kUnknown };
const char* ConditionStatusCode(ConditionStatus s);  // "remplie", "non_remplie", "inconnue"

// Whether an aid concerns the situation. The default (lean) answer lists the
// aids that do and only counts the others.
enum class AidScope {
  kConcerns,
  kOtherApplicant,  // for another profession, or for a structure when the situation is an individual's
  kOtherPlace,      // for another region or other départements
};

// Texts and field paths are views into the catalog and its schema, which
// outlive every result.
struct ConditionResult {
  ConditionResult() {}  // user-provided: value-initialising one does not zero it first
  std::string_view text;
  ConditionStatus status = ConditionStatus::kUnknown;
  std::vector<std::string_view> missing;  // fields whose absence left it unknown
  const std::vector<std::string_view>* fields = nullptr;  // fields it reads (explanations)
  const SourceRef* source = nullptr;  // null for the built-in checks (profession, region)
  std::string note;                   // e.g. the running contract that blocks
};

struct PaymentResult {
  std::optional<Date> date;  // unknown when the contract start is unknown
  int months_after = 0;
  std::optional<double> amount;
  std::string label;
};

struct ParameterUse {
  const Parameter* parameter = nullptr;
  const ParameterValue* value = nullptr;  // in force on the date
};

struct AmountResult {
  bool quantified = true;  // false: the sources give no amount ("non_chiffre")
  std::optional<double> total;
  std::optional<double> per_period;
  std::optional<double> cap_per_period;
  std::optional<double> rate;
  std::vector<PaymentResult> schedule;
  std::vector<ParameterUse> parameters;
  std::vector<std::string_view> missing;           // fields the amount needs
  std::vector<std::string_view> possible_bonuses;  // optional facts that could raise it (declared(x))
  // Parameters in force whose value only non-official documents give
  // ("montant issu d'une source non officielle").
  std::vector<const Parameter*> unofficial;
};

struct RunningContract {
  Date start;
  Date end;  // exclusive; meaningless when renewed
  bool renewed = false;  // tacitly renewed, no end date
  std::vector<PaymentResult> remaining;
};

struct ContactResult {
  const ContactEntry* entry = nullptr;
  const ContactEntry* general = nullptr;  // the national entry, when entry is local
};

// One fact, or one choice, that alone would make an aid out of reach (or
// still to be specified) eligible, and what it would then give: the aid
// evaluated again with that value (FindAlternatives, capsante/engine.h).
struct Alternative {
  std::string_view field;  // "zonage.medecin"
  std::string value;       // "ZIP"
  std::string text;        // French: « si zonage médecins : zone d'intervention prioritaire (ZIP) »
  std::optional<double> amount;  // its total then (null when not quantified)
};

// An aid's conditions: up to two (the built-in checks of an aid for another
// profession or place) are held inline.
using ConditionList = boost::container::small_vector<ConditionResult, 2>;

struct AidResult {
  AidResult() {}  // user-provided: value-initialising one does not zero it first
  const Aid* aid = nullptr;
  AidStatus status = AidStatus::kToSpecify;
  AmountResult amount;
  ConditionList conditions;
  std::vector<std::string_view> missing;  // union, in order of first appearance
  std::vector<std::string_view> blocked_by;  // running incompatible contracts (ids)
  std::optional<RunningContract> running;
  // Ten-year rule: a previous aid of the same category keeps this one out of
  // reach until this date (non_eligible), or may do so (a_preciser).
  std::optional<Date> possible_from;
  ContactResult contact;
  // Conditions which alone keep the aid out of reach (one fact away).
  std::vector<const ConditionResult*> one_fact_away;
  std::string error;  // an evaluation error (a catalog bug), French
  AidScope scope = AidScope::kConcerns;
  std::vector<Alternative> alternatives;  // filled by FindAlternatives only
};

// The best legal combination of eligible aids (place.h BestCompatibleSet,
// the one the ranking uses) and what it brings within `years`. Filled by the
// simulate use case (service::Simulate).
struct Combination {
  std::vector<std::pair<std::string_view, double>> aids;  // (aid id, euros within the horizon), best first
  double total = 0;
  int years = 5;
};

// The legal text a zone fact comes from (copied from the commune index).
struct FactDecree {
  std::string authority;       // "ARS Centre-Val de Loire"
  std::string reference;       // "arrêté n° 2022-DOS-DM-0003"
  std::string from;            // first day in force, YYYY-MM-DD; empty when not found
  std::string from_at_latest;  // when `from` is not found: in force by then
  std::string url;
  std::string label;           // French, for display: "ARS Centre-Val de Loire, 13/01/2022"
};

struct FactNote {
  std::string field;   // "zonage.medecin"
  std::string value;   // as text, empty when unknown
  std::string origin;  // "utilisateur", "commune", "a_confirmer", "inconnu"
  std::string layer;
  std::string note;
  std::optional<FactDecree> decree;       // the text the (previous) value reflects
  bool unconfirmed = false;               // a newer text, not imported, applies
  std::optional<FactDecree> replaced_by;  // that newer text
  std::string previous_value;             // the value under `decree`, information only
};

struct CommuneSummary {
  std::string code;
  std::string name;
  std::string departement;
  std::string region;
  std::string note;  // e.g. "ancien code de la commune fusionnée …"
};

struct Result {
  const Catalog* catalog = nullptr;
  Date date;
  bool date_given = true;
  std::optional<CommuneSummary> commune;
  std::vector<FactNote> facts;  // facts that came from the commune, and unknown zone facts
  std::vector<AidResult> aids;
  std::optional<Combination> combination;
};

// One French sentence summing up an aid's status ("Fermé : souscription
// possible jusqu'au 31 décembre 2025 seulement. Remplacé par : ...").
std::string AidMessage(const Result& result, const AidResult& aid);

// What the JSON answer explains. By default it is lean: the aids that concern
// the situation (its profession or structure, its region), each with what a
// person reads first (status, amount and schedule, missing fields with their
// labels, a one-line reason, the conditions that decided the status,
// commitments, incompatibilities, its main source, contact); aids for other
// applicants or places are only counted. `details` (or `details_for`, some
// aid ids) adds the full explanation: every condition with its fields and
// source, the parameters with their dates, every source, the facts one step
// away, and every aid.
struct JsonOptions {
  bool details = false;
  std::vector<std::string> details_for;  // aid ids explained in full
  int indent = -1;                       // -1: compact
  bool Detailed(std::string_view id) const;
  bool AnyDetail() const { return details || !details_for.empty(); }
};

std::string ToJson(const Result& result, const JsonOptions& options = {});
// The same document written into `out` (emptied first, its capacity kept: a
// server reuses one buffer from answer to answer).
void ToJson(const Result& result, const JsonOptions& options, std::string* out);

// "Montant issu d'une source non officielle : <labels>." when some amount in
// force is only given by a blog, else empty.
std::string UnofficialAmountNote(const AidResult& aid);

// A readable French table for the terminal.
std::string ToTable(const Result& result);

}  // namespace capsante

#endif  // CAPSANTE_RESULT_H_
