// One aid file (catalog/aides/<id>.yaml): its identity, window, duration,
// commitments, clawback, links and contact, in the order of the format
// (docs/catalog-format.md); the other sections have their own readers
// (catalog_loader.h).
#include <filesystem>
#include <set>

#include "catalog/catalog_loader.h"

namespace capsante {

namespace fs = std::filesystem;

Status CatalogLoader::LoadAid(const std::string& file, Aid* aid) {
  yamlutil::Document doc;
  CAPSANTE_RETURN_IF_ERROR(yamlutil::LoadFile(file, &doc));
  const yamlutil::Node root = doc.root();
  Map m(&file, root, "");
  if (!root.IsMap()) return Status::InvalidCatalog(file + ": une aide est un dictionnaire YAML", file);
  auto compiled = std::make_shared<internal::CompiledAid>();
  compiled->index = static_cast<int>(c_->aids_.size());

  CAPSANTE_RETURN_IF_ERROR(m.String("id", &aid->id));
  if (fs::path(file).stem().string() != aid->id) return m.Error(m.Get("id"), "l'id doit être le nom du fichier (" + fs::path(file).stem().string() + ")");
  if (c_->FindAid(aid->id)) return m.Error(m.Get("id"), "id en double « " + aid->id + " »");
  CAPSANTE_RETURN_IF_ERROR(m.String("nom", &aid->name));
  CAPSANTE_RETURN_IF_ERROR(m.String("financeur", &aid->payer));
  CAPSANTE_RETURN_IF_ERROR(m.String("famille", &aid->family));
  static const std::set<std::string> kFamilies = {"installation", "maintien", "transition", "solidarite", "etudes",
                                                  "exercice_salarie", "fiscal", "collectif", "remuneration"};
  if (!kFamilies.count(aid->family)) return m.Error(m.Get("famille"), "famille inconnue « " + aid->family + " »");
  std::string applicant = "individu";
  CAPSANTE_RETURN_IF_ERROR(m.String("demandeur", &applicant, false));
  if (applicant != "individu" && applicant != "structure") {
    return m.Error(m.Get("demandeur"), "« demandeur » vaut individu ou structure, pas « " + applicant + " »");
  }
  aid->for_structure = applicant == "structure";
  CAPSANTE_RETURN_IF_ERROR(m.StringList("professions", &aid->professions, !aid->for_structure));
  const FieldSpec* profession = c_->schema_->Find("profession");
  for (const auto& p : aid->professions) {
    if (profession && profession->EnumIndex(p) < 0) return m.Error(m.Get("professions"), "profession inconnue « " + p + " »");
  }
  CAPSANTE_RETURN_IF_ERROR(m.String("region", &aid->region, false));
  CAPSANTE_RETURN_IF_ERROR(m.StringList("departements", &aid->departements));
  CAPSANTE_RETURN_IF_ERROR(m.String("convention", &aid->convention, false));
  CAPSANTE_RETURN_IF_ERROR(m.String("resume", &aid->summary));

  CAPSANTE_RETURN_IF_ERROR(ReadWindow(m, aid));
  CAPSANTE_RETURN_IF_ERROR(m.Int("duree_mois", &aid->duration_months));
  CAPSANTE_RETURN_IF_ERROR(m.String("duree_mois_non_cite", &aid->duration_not_quoted, false));
  CAPSANTE_RETURN_IF_ERROR(m.String("renouvellement", &aid->renewal, false));
  CAPSANTE_RETURN_IF_ERROR(m.Bool("reconduction_tacite", &aid->tacit_renewal));
  if (aid->tacit_renewal && aid->duration_months <= 0) {
    return m.Error(m.Get("reconduction_tacite"), "« reconduction_tacite » demande « duree_mois » (la durée de chaque période)");
  }
  CAPSANTE_RETURN_IF_ERROR(m.OptionalDate("verifie_le", &aid->checked_on));
  CAPSANTE_RETURN_IF_ERROR(ReadWaitingPeriod(m, aid));

  CAPSANTE_RETURN_IF_ERROR(ReadParameters(m, aid));
  DefinitionTable local;
  CAPSANTE_RETURN_IF_ERROR(ReadDefinitions(file, m.Get("definitions"), &local));
  for (const auto& [name, def] : local) {
    if (global_defs_.count(name)) return Status::InvalidCatalog(file + ": la définition « " + name + " » existe déjà dans definitions.yaml", file);
  }

  // Amount first: `par_periode` becomes a definition the schedule can read.
  LoaderScope scope(*c_->schema_, &aid->parameters, &local, &global_defs_);
  Map amount(&file, yamlutil::Node(), "");
  CAPSANTE_RETURN_IF_ERROR(m.Child("montant", &amount));
  CAPSANTE_RETURN_IF_ERROR(ReadAmount(amount, scope, &local, aid, compiled.get()));
  CAPSANTE_RETURN_IF_ERROR(ReadConditions(m, scope, aid, compiled.get()));
  CAPSANTE_RETURN_IF_ERROR(ReadSchedule(m, scope, aid, compiled.get()));
  // Every local definition must bind, even if nothing reads it.
  for (const auto& [name, def] : local) {
    expr::BindError err;
    if (!scope.FindDefinition(name, &err)) return Status::InvalidCatalog(file + ": " + err.message, file);
  }

  CAPSANTE_RETURN_IF_ERROR(ReadTextList(m, "engagements", &aid->commitments));
  Map clawback(&file, yamlutil::Node(), "");
  CAPSANTE_RETURN_IF_ERROR(m.Child("remboursement", &clawback, false));
  if (clawback.node().size() > 0) {
    CAPSANTE_RETURN_IF_ERROR(clawback.String("texte", &aid->clawback));
    CAPSANTE_RETURN_IF_ERROR(clawback.Bool("prorata", &aid->clawback_prorata));
    CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(clawback, "source", &aid->clawback_source, true));
    CAPSANTE_RETURN_IF_ERROR(clawback.CheckNoUnknownKeys());
  }
  CAPSANTE_RETURN_IF_ERROR(m.StringList("incompatible_avec", &aid->incompatible_with));
  CAPSANTE_RETURN_IF_ERROR(m.StringList("suites_autorisees", &aid->may_follow));
  CAPSANTE_RETURN_IF_ERROR(ReadSourceList(m, "incompatibilites_sources", &aid->incompatibility_sources, !aid->incompatible_with.empty()));
  CAPSANTE_RETURN_IF_ERROR(m.String("contact", &aid->contact));
  if (!c_->FindOrganisation(aid->contact)) return m.Error(m.Get("contact"), "organisme inconnu « " + aid->contact + " » (voir contacts.yaml)");
  CAPSANTE_RETURN_IF_ERROR(ReadSourceList(m, "sources", &aid->sources, true));
  std::vector<Commitment> infos;
  CAPSANTE_RETURN_IF_ERROR(ReadTextList(m, "informations", &infos));
  for (auto& i : infos) aid->informations.push_back({std::move(i.text), std::move(i.source)});
  CAPSANTE_RETURN_IF_ERROR(m.CheckNoUnknownKeys());
  CAPSANTE_RETURN_IF_ERROR(WriteGateTexts(m, *aid, compiled.get()));
  CollectAmountParameters(compiled.get());
  for (const auto& c : compiled->conditions) expr::CollectNodes(*c.expression, &compiled->condition_nodes);
  aid->compiled = compiled;
  return Status::Ok();
}

// fenetre: {ouverture, fermeture, remplacee_par, source, non_cite, ouverture_motif}
Status CatalogLoader::ReadWindow(const Map& m, Aid* aid) {
  Map window(&m.file(), yamlutil::Node(), "");
  CAPSANTE_RETURN_IF_ERROR(m.Child("fenetre", &window));
  bool present = false;
  CAPSANTE_RETURN_IF_ERROR(window.OptionalDate("ouverture", &aid->opens, &present));
  if (!present) return window.Error(window.node(), "« ouverture » est requis (null si ouverte avant toute date couverte)");
  CAPSANTE_RETURN_IF_ERROR(window.OptionalDate("fermeture", &aid->closes, &present));
  if (!present) return window.Error(window.node(), "« fermeture » est requis (null si toujours ouverte)");
  if (aid->opens && aid->closes && *aid->closes < *aid->opens) return window.Error(window.node(), "la fermeture précède l'ouverture");
  CAPSANTE_RETURN_IF_ERROR(window.StringList("remplacee_par", &aid->replaced_by));
  CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(window, "source", &aid->window_source, aid->opens.has_value() || aid->closes.has_value()));
  CAPSANTE_RETURN_IF_ERROR(window.String("non_cite", &aid->window_not_quoted, false));
  CAPSANTE_RETURN_IF_ERROR(window.String("ouverture_motif", &aid->opening_reason, false));
  CAPSANTE_RETURN_IF_ERROR(window.CheckNoUnknownKeys());
  return Status::Ok();
}

Status CatalogLoader::ReadTextList(const Map& m, const std::string& key, std::vector<Commitment>* out) {
  yamlutil::Node seq;
  CAPSANTE_RETURN_IF_ERROR(m.Sequence(key, &seq, false));
  for (const auto& n : seq) {
    Map em(&m.file(), n, key);
    if (!n.IsMap()) return em.Error(n, "chaque élément est { texte, source }");
    Commitment c;
    CAPSANTE_RETURN_IF_ERROR(em.String("texte", &c.text));
    std::optional<SourceRef> source;
    CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(em, "source", &source, true));
    c.source = *source;
    CAPSANTE_RETURN_IF_ERROR(em.CheckNoUnknownKeys());
    out->push_back(std::move(c));
  }
  return Status::Ok();
}

Status CatalogLoader::CompileAt(const Map& m, const std::string& key, expr::BindScope& scope, const expr::Type* expected,
                 expr::BoundPtr* out, std::string* text_out, bool required) {
  yamlutil::Node n = m.Get(key);
  if (!n || n.IsNull()) {
    if (required) return m.Error(m.node(), "clé « " + key + " » manquante");
    return Status::Ok();
  }
  if (!n.IsScalar()) return m.Error(n, "« " + key + " » doit être une expression");
  if (text_out) *text_out = n.Scalar();
  // A quoted scalar starts one column after its mark.
  yamlutil::Mark mark = n.GetMark();
  if (n.Quoted()) mark.column += 1;
  return LoaderScope::Compile(n.Scalar(), m.file(), mark, scope, expected, out);
}

}  // namespace capsante
