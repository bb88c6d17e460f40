// The plan as JSON (shared spec api-v1 section 6, plus the additions listed
// in docs/api.md): one writer for the CLI and the server.
#include "capsante/plan.h"
#include "util/json_writer.h"

namespace capsante {

std::string PlanToJson(const PlanResult& result, int indent) {
  std::string out;
  json::Writer w(&out, indent);
  w.BeginObject();
  w.Field("date", result.date.ToString());
  w.Field("horizon", result.horizon_years);
  w.Key("plans").BeginArray();
  for (const Plan& plan : result.plans) {
    w.BeginObject();
    w.FieldNumber("total", plan.total);
    w.FieldNumber("total_certain", plan.certain_total);
    w.Field("total_partiel", plan.partial);
    w.Key("etapes").BeginArray();
    for (const PlanStep& s : plan.steps) {
      w.BeginObject();
      w.Field("id", s.aid->id);
      w.Field("nom", s.aid->name);
      w.Field("debut", s.start.ToString());
      w.Field("fin", s.end.ToString());
      if (s.open_ended) w.Field("sans_duree", true);
      if (s.total) w.FieldNumber("total", *s.total);
      else w.Key("total").Null();
      w.Key("versements").BeginArray();
      for (const PlanPayment& p : s.payments) {
        w.BeginObject().Field("date", p.date.ToString()).FieldNumber("montant", p.amount).EndObject();
      }
      w.EndArray();
      if (s.renewed) w.Field("reconduit", true);
      if (s.follows) w.Field("suite_de", s.follows->id);
      w.Key("engagements").BeginArray();
      for (const Commitment& c : s.aid->commitments) w.String(c.text);
      w.EndArray();
      w.StringArray("depend_de", s.depends_on);
      w.EndObject();
    }
    w.EndArray();
    w.Key("par_annee").BeginArray();
    for (const YearAmount& y : plan.by_year) {
      w.BeginObject().Field("annee", y.year).FieldNumber("montant", y.amount).EndObject();
    }
    w.EndArray();
    w.StringArray("hypotheses", plan.hypotheses);
    w.StringArray("depend_de", plan.depends_on);
    w.EndObject();
  }
  w.EndArray();
  w.Key("decisions").BeginArray();
  for (const PlanDecision& d : result.decisions) {
    w.BeginObject();
    w.Field("texte", d.text);
    w.FieldNumber("ecart", d.gap);
    if (d.before) w.Field("avant", d.before->ToString());
    else w.Key("avant").Null();
    w.Field("plan", static_cast<int>(d.other_plan) + 1);
    w.EndObject();
  }
  w.EndArray();
  if (result.search_capped) w.Field("recherche_limitee", true);
  w.EndObject();
  return out;
}

}  // namespace capsante
