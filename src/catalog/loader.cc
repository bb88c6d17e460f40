// Loads and validates the catalog: situation schema, shared definitions,
// contacts, source documents and one YAML file per aid. Every expression is
// parsed and bound here, once.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

#include "capsante/catalog.h"
#include "capsante/geo.h"
#include "capsante/text.h"
#include "capsante/situation.h"
#include "compiled/compiled_aid.h"
#include "expr/binder.h"
#include "expr/parser.h"
#include "util/yaml_util.h"

namespace capsante {

namespace fs = std::filesystem;
using yamlutil::Map;

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

namespace {

// A named expression waiting to be bound (definitions are bound on first use,
// so they may refer to each other in any order; cycles are refused).
struct PendingDefinition {
  std::string text;
  std::string file;
  YAML::Mark mark;
  std::shared_ptr<const expr::BoundExpr> bound;
  bool binding = false;
};
using DefinitionTable = std::map<std::string, PendingDefinition, std::less<>>;

std::string ExprWhere(const std::string& file, const YAML::Mark& mark, const expr::Position& pos) {
  if (mark.is_null()) return file;
  const int line = mark.line + 1 + pos.line - 1;
  const int column = pos.line == 1 ? mark.column + pos.column : pos.column;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

class LoaderScope : public expr::BindScope {
 public:
  LoaderScope(const SituationSchema& schema, const std::vector<Parameter>* params, DefinitionTable* local,
              DefinitionTable* global)
      : schema_(schema), params_(params), local_(local), global_(global) {}

  const SituationSchema& schema() const override { return schema_; }

  int FindParam(std::string_view name, bool* is_scale) const override {
    if (!params_) return -1;
    for (size_t i = 0; i < params_->size(); ++i) {
      const Parameter& p = (*params_)[i];
      if (p.name == name) {
        *is_scale = !p.values.empty() && !p.values.front().scale.empty();
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  std::shared_ptr<const expr::BoundExpr> FindDefinition(std::string_view name, expr::BindError* error) override {
    if (local_) {
      auto it = local_->find(name);
      if (it != local_->end()) return Resolve(name, &it->second, *this, error);
    }
    if (global_) {
      auto it = global_->find(name);
      if (it != global_->end()) {
        LoaderScope global_scope(schema_, nullptr, nullptr, global_);
        return Resolve(name, &it->second, global_scope, error);
      }
    }
    return nullptr;
  }

  // Parses and binds `text` (found at `mark` in `file`).
  static Status Compile(const std::string& text, const std::string& file, const YAML::Mark& mark, expr::BindScope& scope,
                        const expr::Type* expected, expr::BoundPtr* out) {
    expr::ParseError perr;
    expr::NodePtr node = expr::Parse(text, &perr);
    if (!node) {
      const std::string where = ExprWhere(file, mark, perr.pos);
      return Status::InvalidCatalog(where + ": " + perr.message + " dans « " + text + " »", where);
    }
    expr::BindError berr;
    expr::BoundPtr bound = expr::Bind(*node, scope, &berr, expected);
    if (!bound) {
      const std::string where = ExprWhere(file, mark, berr.pos);
      return Status::InvalidCatalog(where + ": " + berr.message + " dans « " + text + " »", where);
    }
    *out = std::move(bound);
    return Status::Ok();
  }

 private:
  static std::shared_ptr<const expr::BoundExpr> Resolve(std::string_view name, PendingDefinition* d,
                                                        expr::BindScope& scope, expr::BindError* error) {
    if (d->bound) return d->bound;
    if (d->binding) {
      error->message = "définition circulaire « " + std::string(name) + " »";
      return nullptr;
    }
    d->binding = true;
    expr::BoundPtr bound;
    Status st = Compile(d->text, d->file, d->mark, scope, nullptr, &bound);
    d->binding = false;
    if (!st.ok()) {
      error->message = "dans la définition « " + std::string(name) + " » : " + st.message();
      return nullptr;
    }
    d->bound = std::shared_ptr<const expr::BoundExpr>(std::move(bound));
    return d->bound;
  }

  const SituationSchema& schema_;
  const std::vector<Parameter>* params_;
  DefinitionTable* local_;
  DefinitionTable* global_;
};

Status ReadDefinitions(const std::string& file, const YAML::Node& node, DefinitionTable* out) {
  if (!node) return Status::Ok();
  if (!node.IsMap()) return Status::InvalidCatalog(file + ": « definitions » doit être un dictionnaire", file);
  for (const auto& kv : node) {
    PendingDefinition d;
    if (!kv.second.IsScalar()) {
      return Status::InvalidCatalog(file + ":" + std::to_string(kv.second.Mark().line + 1) + ": une définition est une expression", file);
    }
    d.text = kv.second.Scalar();
    d.file = file;
    d.mark = kv.second.Mark();
    (*out)[kv.first.Scalar()] = std::move(d);
  }
  return Status::Ok();
}

}  // namespace

class CatalogLoader {
 public:
  explicit CatalogLoader(Catalog* catalog) : c_(catalog) {}

  Status Run(const std::string& home) {
    c_->home_ = home;
    const std::string dir = home + "/catalog";
    if (!fs::is_directory(dir)) return Status::IoError("dossier du catalogue introuvable : " + dir, dir);
    CAPSANTE_RETURN_IF_ERROR(SituationSchema::Load(dir + "/situation.yaml", &c_->schema_));
    CAPSANTE_RETURN_IF_ERROR(LoadSources(home + "/sources"));
    CAPSANTE_RETURN_IF_ERROR(LoadSourceRegistry(dir + "/sources.yaml"));
    CAPSANTE_RETURN_IF_ERROR(LoadDefinitions(dir + "/definitions.yaml"));
    CAPSANTE_RETURN_IF_ERROR(LoadContacts(dir + "/contacts.yaml"));
    // Regional aids name their region as the geographic data does.
    CAPSANTE_RETURN_IF_ERROR(geo::LoadRegionNames(home + "/data", &region_names_));

    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir + "/aides", ec)) {
      if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
    }
    if (ec) return Status::IoError("dossier illisible : " + dir + "/aides", dir + "/aides");
    std::sort(files.begin(), files.end());
    if (files.empty()) return Status::InvalidCatalog(dir + "/aides : aucune aide", dir + "/aides");
    c_->aids_.reserve(files.size());
    for (const auto& f : files) {
      Aid aid;
      CAPSANTE_RETURN_IF_ERROR(LoadAid(f, &aid));
      aid.file = fs::relative(f, home).string();
      c_->aids_.push_back(std::move(aid));
    }
    SetDateHorizon();
    return Link();
  }

 private:
  Status LoadSources(const std::string& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path());
      std::stringstream buffer;
      buffer << in.rdbuf();
      c_->sources_[entry.path().filename().string()] = buffer.str();
    }
    if (ec || c_->sources_.empty()) return Status::IoError("documents sources introuvables dans " + dir, dir);
    return LoadOfficialCopies(dir + "/officiels");
  }

  // sources/officiels/*.txt: excerpts of official pages cited by url, each
  // file starting with "url: ..." and "lu_le: ..." lines, then a line "---",
  // then the text copied from the page (docs/catalog-format.md).
  Status LoadOfficialCopies(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status::Ok();
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::ifstream in(path);
      std::string line, url, body;
      bool in_body = false;
      while (std::getline(in, line)) {
        if (in_body) {
          body += line + "\n";
        } else if (line.rfind("url: ", 0) == 0) {
          url = line.substr(5);
        } else if (line == "---") {
          in_body = true;
        }
      }
      if (url.empty() || !in_body) {
        return Status::InvalidCatalog(path.string() + ": une copie officielle commence par « url: … », « lu_le: … » puis « --- »",
                                      path.string());
      }
      c_->official_copies_[url] += body;  // several files may keep excerpts of one page
    }
    return Status::Ok();
  }

  // The furthest a result reaches after a date of the situation: the longest
  // contract and the last payment of any schedule. Situation dates are
  // refused when that would cross Date::Latest().
  void SetDateHorizon() {
    int months = 0;
    for (const Aid& aid : c_->aids_) {
      months = std::max(months, aid.duration_months);
      for (const Payment& p : aid.schedule) months = std::max(months, p.months_after + (p.repeat - 1) * p.every_months);
    }
    c_->schema_->SetHorizon(months);
  }

  // catalog/sources.yaml: one entry per document of sources/, no more, no less.
  Status LoadSourceRegistry(const std::string& file) {
    YAML::Node root;
    CAPSANTE_RETURN_IF_ERROR(yamlutil::LoadFile(file, &root));
    Map top(&file, root, "");
    YAML::Node list;
    CAPSANTE_RETURN_IF_ERROR(top.Sequence("documents", &list));
    CAPSANTE_RETURN_IF_ERROR(top.CheckNoUnknownKeys());
    c_->documents_.reserve(list.size());  // SourceRef::doc points into it: never reallocated after
    for (const auto& n : list) {
      Map m(&file, n, "documents");
      if (!n.IsMap()) return m.Error(n, "un document est { fichier, titre, emetteur, date, url, officiel }");
      SourceDocument d;
      CAPSANTE_RETURN_IF_ERROR(m.String("fichier", &d.file));
      CAPSANTE_RETURN_IF_ERROR(m.String("titre", &d.title));
      CAPSANTE_RETURN_IF_ERROR(m.String("emetteur", &d.issuer));
      bool present = false;
      CAPSANTE_RETURN_IF_ERROR(m.OptionalDate("date", &d.date, &present));
      if (!present) return m.Error(n, "« date » est requis (null si le document n'est pas daté)");
      CAPSANTE_RETURN_IF_ERROR(m.String("url", &d.url, false));
      if (!m.Has("officiel")) return m.Error(n, "« officiel » est requis (true ou false)");
      CAPSANTE_RETURN_IF_ERROR(m.Bool("officiel", &d.official));
      std::string note;
      CAPSANTE_RETURN_IF_ERROR(m.String("note", &note, false));
      CAPSANTE_RETURN_IF_ERROR(m.CheckNoUnknownKeys());
      if (!c_->SourceText(d.file)) return m.Error(m.Get("fichier"), "document absent de sources/ « " + d.file + " »");
      for (const auto& other : c_->documents_) {
        if (other.file == d.file) return m.Error(m.Get("fichier"), "document décrit deux fois « " + d.file + " »");
      }
      c_->documents_.push_back(std::move(d));
    }
    for (const auto& [name, text] : c_->sources_) {
      if (!c_->FindDocument(name)) return Status::InvalidCatalog(file + ": le document « " + name + " » de sources/ n'est pas décrit", file);
    }
    return Status::Ok();
  }

  Status LoadDefinitions(const std::string& file) {
    YAML::Node root;
    CAPSANTE_RETURN_IF_ERROR(yamlutil::LoadFile(file, &root));
    CAPSANTE_RETURN_IF_ERROR(ReadDefinitions(file, root["definitions"], &global_defs_));
    // Bind them all now so that an unused broken one is still refused.
    LoaderScope scope(*c_->schema_, nullptr, nullptr, &global_defs_);
    for (auto& [name, def] : global_defs_) {
      expr::BindError err;
      auto bound = scope.FindDefinition(name, &err);
      if (!bound) return Status::InvalidCatalog(err.message, file);
      c_->compiled_->definitions[name] = bound;
    }
    return Status::Ok();
  }

  Status ReadSource(const Map& m, const YAML::Node& node, SourceRef* out) {
    if (!node || !node.IsMap()) return m.Error(node ? node : m.node(), "une source est { document, extrait } ou { url, extrait }");
    Map s(&m.file(), node, "source");
    CAPSANTE_RETURN_IF_ERROR(s.String("document", &out->document, false));
    CAPSANTE_RETURN_IF_ERROR(s.String("url", &out->url, false));
    CAPSANTE_RETURN_IF_ERROR(s.String("extrait", &out->excerpt));
    CAPSANTE_RETURN_IF_ERROR(s.OptionalDate("lu_le", &out->read_on));
    CAPSANTE_RETURN_IF_ERROR(s.CheckNoUnknownKeys());
    if (out->document.empty() && out->url.empty()) return s.Error(node, "« document » ou « url » est requis");
    if (!out->document.empty() && !out->url.empty()) return s.Error(node, "une source est { document, extrait } ou { url, extrait, lu_le }, pas les deux");
    if (!out->document.empty()) {
      out->doc = c_->FindDocument(out->document);
      if (!out->doc) return s.Error(node["document"], "document inconnu « " + out->document + " » (absent de sources/)");
      if (out->read_on) return s.Error(node["lu_le"], "« lu_le » date une page lue en ligne (source { url, extrait, lu_le })");
    }
    if (out->excerpt.size() < 4) return s.Error(node, "extrait trop court");
    out->where = s.Where(node);
    return Status::Ok();
  }

  Status ReadSourceKey(const Map& m, const std::string& key, std::optional<SourceRef>* out, bool required) {
    YAML::Node n = m.Get(key);
    if (!n) {
      if (required) return m.Error(m.node(), "clé « " + key + " » manquante (chaque règle cite sa source)");
      return Status::Ok();
    }
    SourceRef ref;
    CAPSANTE_RETURN_IF_ERROR(ReadSource(m, n, &ref));
    *out = std::move(ref);
    return Status::Ok();
  }

  Status ReadSourceList(const Map& m, const std::string& key, std::vector<SourceRef>* out, bool required) {
    YAML::Node seq;
    CAPSANTE_RETURN_IF_ERROR(m.Sequence(key, &seq, required));
    for (const auto& n : seq) {
      SourceRef ref;
      CAPSANTE_RETURN_IF_ERROR(ReadSource(m, n, &ref));
      out->push_back(std::move(ref));
    }
    if (required && out->empty()) return m.Error(m.node(), "« " + key + " » doit citer au moins une source");
    return Status::Ok();
  }

  Status ReadContactEntry(const Map& m, ContactEntry* out) {
    CAPSANTE_RETURN_IF_ERROR(m.String("nom", &out->name));
    CAPSANTE_RETURN_IF_ERROR(m.String("courriel", &out->email, false));
    CAPSANTE_RETURN_IF_ERROR(m.String("telephone", &out->phone, false));
    CAPSANTE_RETURN_IF_ERROR(m.String("site", &out->website, false));
    CAPSANTE_RETURN_IF_ERROR(m.String("adresse", &out->address, false));
    CAPSANTE_RETURN_IF_ERROR(m.String("note", &out->note, false));
    CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(m, "source", &out->source, true));
    return Status::Ok();
  }

  Status LoadContacts(const std::string& file) {
    YAML::Node root;
    CAPSANTE_RETURN_IF_ERROR(yamlutil::LoadFile(file, &root));
    Map top(&file, root, "");
    Map orgs(&file, YAML::Node(), "");
    CAPSANTE_RETURN_IF_ERROR(top.Child("organismes", &orgs));
    CAPSANTE_RETURN_IF_ERROR(top.CheckNoUnknownKeys());
    for (const auto& kv : orgs.node()) {
      Organisation org;
      org.id = kv.first.Scalar();
      Map m(&file, kv.second, org.id);
      if (!kv.second.IsMap()) return m.Error(kv.first, "un organisme est un dictionnaire");
      CAPSANTE_RETURN_IF_ERROR(ReadContactEntry(m, &org.general));
      for (const char* key : {"par_departement", "par_region"}) {
        Map sub(&file, YAML::Node(), "");
        CAPSANTE_RETURN_IF_ERROR(m.Child(key, &sub, false));
        for (const auto& e : sub.node()) {
          Map em(&file, e.second, org.id + "." + key + "." + e.first.Scalar());
          if (!e.second.IsMap()) return em.Error(e.first, "une entrée de contact est un dictionnaire");
          ContactEntry entry;
          CAPSANTE_RETURN_IF_ERROR(ReadContactEntry(em, &entry));
          CAPSANTE_RETURN_IF_ERROR(em.CheckNoUnknownKeys());
          (std::string(key) == "par_departement" ? org.by_departement : org.by_region)[e.first.Scalar()] = std::move(entry);
        }
      }
      CAPSANTE_RETURN_IF_ERROR(m.CheckNoUnknownKeys());
      c_->organisations_[org.id] = std::move(org);
    }
    return Status::Ok();
  }

  Status ReadParameters(const Map& aid_map, Aid* aid) {
    Map params(&aid_map.file(), YAML::Node(), "");
    CAPSANTE_RETURN_IF_ERROR(aid_map.Child("parametres", &params, false));
    for (const auto& kv : params.node()) {
      Parameter p;
      p.name = kv.first.Scalar();
      Map m(&aid_map.file(), kv.second, "parametres." + p.name);
      if (!kv.second.IsMap()) return m.Error(kv.first, "un paramètre est un dictionnaire");
      CAPSANTE_RETURN_IF_ERROR(m.String("libelle", &p.label));
      CAPSANTE_RETURN_IF_ERROR(m.String("unite", &p.unit, false));
      YAML::Node values;
      CAPSANTE_RETURN_IF_ERROR(m.Sequence("valeurs", &values));
      if (values.size() == 0) return m.Error(kv.second, "« valeurs » ne peut pas être vide");
      for (const auto& vn : values) {
        Map vm(&aid_map.file(), vn, "parametres." + p.name + ".valeurs");
        if (!vn.IsMap()) return vm.Error(vn, "une valeur est { depuis, valeur | bareme, source }");
        ParameterValue v;
        bool present = false;
        CAPSANTE_RETURN_IF_ERROR(vm.OptionalDate("depuis", &v.since, &present));
        if (!present) return vm.Error(vn, "« depuis » est requis (null pour « avant toute date couverte »)");
        std::optional<double> number;
        CAPSANTE_RETURN_IF_ERROR(vm.Number("valeur", &number));
        YAML::Node scale;
        CAPSANTE_RETURN_IF_ERROR(vm.Sequence("bareme", &scale, false));
        if (number.has_value() == (scale.size() > 0)) return vm.Error(vn, "une valeur a soit « valeur », soit « bareme »");
        if (number) v.value = *number;
        double last = -1e300;
        for (const auto& bn : scale) {
          Map bm(&aid_map.file(), bn, "bareme");
          std::optional<double> threshold, value;
          CAPSANTE_RETURN_IF_ERROR(bm.Number("seuil", &threshold));
          CAPSANTE_RETURN_IF_ERROR(bm.Number("valeur", &value));
          CAPSANTE_RETURN_IF_ERROR(bm.CheckNoUnknownKeys());
          if (!threshold || !value) return bm.Error(bn, "une tranche est { seuil, valeur }");
          if (*threshold <= last) return bm.Error(bn, "les seuils du barème doivent être croissants");
          last = *threshold;
          v.scale.push_back({*threshold, *value});
        }
        std::optional<SourceRef> source;
        CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(vm, "source", &source, true));
        v.source = *source;
        CAPSANTE_RETURN_IF_ERROR(ReadSourceList(vm, "autres_sources", &v.more_sources, false));
        CAPSANTE_RETURN_IF_ERROR(vm.String("non_cite", &v.not_quoted, false));
        CAPSANTE_RETURN_IF_ERROR(vm.CheckNoUnknownKeys());
        if (!p.values.empty()) {
          const ParameterValue& prev = p.values.back();
          if (!v.since) return vm.Error(vn, "seule la première valeur peut avoir « depuis: null »");
          if (prev.since && *prev.since >= *v.since) return vm.Error(vn, "les périodes se chevauchent : « depuis » doit croître");
          if (prev.scale.empty() != v.scale.empty()) return vm.Error(vn, "toutes les valeurs d'un paramètre sont du même genre (nombre ou barème)");
        }
        p.values.push_back(std::move(v));
      }
      CAPSANTE_RETURN_IF_ERROR(m.CheckNoUnknownKeys());
      aid->parameters.push_back(std::move(p));
    }
    return Status::Ok();
  }

  // delai_carence: {categorie, annees, applicable_depuis, source}
  Status ReadWaitingPeriod(const Map& aid_map, Aid* aid) {
    Map m(&aid_map.file(), YAML::Node(), "");
    CAPSANTE_RETURN_IF_ERROR(aid_map.Child("delai_carence", &m, false));
    if (m.node().size() == 0) return Status::Ok();
    WaitingPeriod w;
    CAPSANTE_RETURN_IF_ERROR(m.String("categorie", &w.category));
    CAPSANTE_RETURN_IF_ERROR(m.Int("annees", &w.years));
    if (w.years < 1 || w.years > 50) return m.Error(m.node(), "« annees » va de 1 à 50");
    bool present = false;
    CAPSANTE_RETURN_IF_ERROR(m.OptionalDate("applicable_depuis", &w.applies_from, &present));
    if (!present) return m.Error(m.node(), "« applicable_depuis » est requis (date d'entrée en vigueur de la règle, ou null)");
    std::optional<SourceRef> source;
    CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(m, "source", &source, true));
    w.source = *source;
    CAPSANTE_RETURN_IF_ERROR(m.CheckNoUnknownKeys());
    aid->waiting_period = std::move(w);
    return Status::Ok();
  }

  Status ReadTextList(const Map& m, const std::string& key, std::vector<Commitment>* out) {
    YAML::Node seq;
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

  Status CompileAt(const Map& m, const std::string& key, expr::BindScope& scope, const expr::Type* expected,
                   expr::BoundPtr* out, std::string* text_out, bool required) {
    YAML::Node n = m.Get(key);
    if (!n || n.IsNull()) {
      if (required) return m.Error(m.node(), "clé « " + key + " » manquante");
      return Status::Ok();
    }
    if (!n.IsScalar()) return m.Error(n, "« " + key + " » doit être une expression");
    if (text_out) *text_out = n.Scalar();
    // A quoted scalar starts one column after its mark.
    YAML::Mark mark = n.Mark();
    if (n.Tag() == "!") mark.column += 1;
    return LoaderScope::Compile(n.Scalar(), m.file(), mark, scope, expected, out);
  }

  Status LoadAid(const std::string& file, Aid* aid) {
    YAML::Node root;
    CAPSANTE_RETURN_IF_ERROR(yamlutil::LoadFile(file, &root));
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

    Map window(&file, YAML::Node(), "");
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
    Map amount(&file, YAML::Node(), "");
    CAPSANTE_RETURN_IF_ERROR(m.Child("montant", &amount));
    std::string periodicity;
    CAPSANTE_RETURN_IF_ERROR(amount.String("periodicite", &periodicity));
    if (periodicity == "unique") aid->periodicity = Periodicity::kOnce;
    else if (periodicity == "annuel") aid->periodicity = Periodicity::kYearly;
    else if (periodicity == "mensuel") aid->periodicity = Periodicity::kMonthly;
    else return amount.Error(amount.Get("periodicite"), "périodicité inconnue « " + periodicity + " » (unique, annuel, mensuel)");
    CAPSANTE_RETURN_IF_ERROR(amount.Bool("non_chiffre", &aid->amount_not_quantified));
    CAPSANTE_RETURN_IF_ERROR(amount.String("explication", &aid->amount_explanation, false));
    if (amount.Has("par_periode") && amount.node()["par_periode"].IsScalar()) {
      PendingDefinition d;
      d.text = amount.node()["par_periode"].Scalar();
      d.file = file;
      d.mark = amount.node()["par_periode"].Mark();
      local["par_periode"] = d;
    }
    LoaderScope scope(*c_->schema_, &aid->parameters, &local, &global_defs_);
    const expr::Type kNumber = expr::Type::kNumber;
    const expr::Type kBool = expr::Type::kBool;
    const expr::Type kDate = expr::Type::kDate;
    CAPSANTE_RETURN_IF_ERROR(CompileAt(amount, "par_periode", scope, &kNumber, &compiled->per_period, nullptr, !aid->amount_not_quantified));
    CAPSANTE_RETURN_IF_ERROR(CompileAt(amount, "total", scope, &kNumber, &compiled->total, nullptr, false));
    CAPSANTE_RETURN_IF_ERROR(CompileAt(amount, "plafond_par_periode", scope, &kNumber, &compiled->cap, nullptr, false));
    CAPSANTE_RETURN_IF_ERROR(CompileAt(amount, "taux", scope, &kNumber, &compiled->rate, nullptr, false));
    CAPSANTE_RETURN_IF_ERROR(amount.CheckNoUnknownKeys());
    if (aid->amount_explanation.empty() && aid->amount_not_quantified) {
      return amount.Error(amount.node(), "« explication » est requise quand le montant n'est pas chiffré");
    }

    CAPSANTE_RETURN_IF_ERROR(m.Bool("conditions_partielles", &aid->partial_conditions));
    YAML::Node conditions;
    CAPSANTE_RETURN_IF_ERROR(m.Sequence("conditions", &conditions));
    for (const auto& cn : conditions) {
      Map cm(&file, cn, "conditions");
      if (!cn.IsMap()) return cm.Error(cn, "une condition est { texte, si, source }");
      Condition c;
      CAPSANTE_RETURN_IF_ERROR(cm.String("texte", &c.text));
      internal::CompiledCondition cc;
      CAPSANTE_RETURN_IF_ERROR(CompileAt(cm, "si", scope, &kBool, &cc.expression, &c.expression, true));
      std::set<int> read;
      expr::CollectFields(*cc.expression, &read);
      for (int id : read) cc.fields.push_back(c_->schema_->field(id).path);
      std::optional<SourceRef> source;
      CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(cm, "source", &source, true));
      c.source = *source;
      CAPSANTE_RETURN_IF_ERROR(cm.String("non_cite", &c.not_quoted, false));
      CAPSANTE_RETURN_IF_ERROR(cm.CheckNoUnknownKeys());
      aid->conditions.push_back(std::move(c));
      compiled->conditions.push_back(std::move(cc));
    }

    Map schedule(&file, YAML::Node(), "");
    CAPSANTE_RETURN_IF_ERROR(m.Child("echeancier", &schedule, false));
    if (schedule.node().size() > 0) {
      CAPSANTE_RETURN_IF_ERROR(CompileAt(schedule, "base", scope, &kDate, &compiled->schedule_base, nullptr, true));
      YAML::Node payments;
      CAPSANTE_RETURN_IF_ERROR(schedule.Sequence("versements", &payments));
      for (const auto& pn : payments) {
        Map pm(&file, pn, "echeancier.versements");
        if (!pn.IsMap()) return pm.Error(pn, "un versement est { apres_mois, montant, libelle }");
        Payment p;
        CAPSANTE_RETURN_IF_ERROR(pm.Int("apres_mois", &p.months_after));
        CAPSANTE_RETURN_IF_ERROR(pm.Int("repeter", &p.repeat));
        CAPSANTE_RETURN_IF_ERROR(pm.Int("tous_les_mois", &p.every_months));
        if (p.repeat < 1 || p.repeat > 120) return pm.Error(pn, "« repeter » va de 1 à 120");
        CAPSANTE_RETURN_IF_ERROR(pm.String("libelle", &p.label));
        expr::BoundPtr amount_expr;
        CAPSANTE_RETURN_IF_ERROR(CompileAt(pm, "montant", scope, &kNumber, &amount_expr, &p.expression, true));
        CAPSANTE_RETURN_IF_ERROR(pm.CheckNoUnknownKeys());
        aid->schedule.push_back(std::move(p));
        compiled->payments.push_back(std::move(amount_expr));
      }
      CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(schedule, "source", &aid->schedule_source, true));
      CAPSANTE_RETURN_IF_ERROR(schedule.CheckNoUnknownKeys());
    }
    // Every local definition must bind, even if nothing reads it.
    for (const auto& [name, def] : local) {
      expr::BindError err;
      if (!scope.FindDefinition(name, &err)) return Status::InvalidCatalog(file + ": " + err.message, file);
    }

    CAPSANTE_RETURN_IF_ERROR(ReadTextList(m, "engagements", &aid->commitments));
    Map clawback(&file, YAML::Node(), "");
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

    // The texts of the built-in checks (profession or structure, region).
    std::string names;
    for (const auto& p : aid->professions) {
      std::string label = p;
      const int i = profession ? profession->EnumIndex(p) : -1;
      if (i >= 0 && static_cast<size_t>(i) < profession->labels.size()) label = profession->labels[static_cast<size_t>(i)];
      names += (names.empty() ? "" : ", ") + label;
    }
    compiled->profession_gate = "Profession concernée : " + names;
    if (!aid->region.empty()) {
      auto region = region_names_.find(aid->region);
      if (region == region_names_.end()) return m.Error(m.Get("region"), "région inconnue « " + aid->region + " » (absente de data/regions.tsv)");
      compiled->region_gate = "Exercer en région " + region->second + " (" + aid->region + ")";
    }
    if (aid->waiting_period) {
      compiled->waiting_period_gate = "Aucune aide de la même catégorie accordée depuis moins de " +
                                      std::to_string(aid->waiting_period->years) + " ans";
    }
    if (!aid->departements.empty()) {
      std::string list;
      for (const auto& d : aid->departements) list += (list.empty() ? "" : ", ") + d;
      compiled->departement_gate = "Exercer dans l'un des départements " + list;
    }

    std::set<int> params;
    for (const auto* e : {compiled->per_period.get(), compiled->total.get(), compiled->cap.get(), compiled->rate.get()}) {
      if (e) expr::CollectParams(*e, &params);
    }
    for (const auto& p : compiled->payments) expr::CollectParams(*p, &params);
    compiled->amount_params.assign(params.begin(), params.end());
    aid->compiled = compiled;
    return Status::Ok();
  }

  // Cross-aid references: incompatibilities, replacements, sequences.
  Status Link() {
    for (auto& aid : c_->aids_) {
      auto compiled = std::const_pointer_cast<internal::CompiledAid>(aid.compiled);
      for (const auto& other : aid.incompatible_with) {
        const Aid* o = c_->FindAid(other);
        if (!o) return Status::InvalidCatalog(aid.file + ": incompatible_avec : aide inconnue « " + other + " »", aid.file);
        compiled->incompatible.push_back(o->compiled->index);
      }
      for (const auto* list : {&aid.replaced_by, &aid.may_follow}) {
        for (const auto& other : *list) {
          if (!c_->FindAid(other)) return Status::InvalidCatalog(aid.file + ": aide inconnue « " + other + " »", aid.file);
        }
      }
    }
    return Status::Ok();
  }

  Catalog* c_;
  DefinitionTable global_defs_;
  std::unordered_map<std::string, std::string> region_names_;
};

Status Catalog::Load(const std::string& home, std::unique_ptr<Catalog>* out) {
  std::unique_ptr<Catalog> catalog(new Catalog());
  CatalogLoader loader(catalog.get());
  CAPSANTE_RETURN_IF_ERROR(loader.Run(home));
  *out = std::move(catalog);
  return Status::Ok();
}

}  // namespace capsante
