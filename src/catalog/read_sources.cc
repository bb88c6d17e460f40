// The source documents: the texts of sources/ and its official copies, the
// registry catalog/sources.yaml, and a rule's reference to one of them.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog/catalog_loader.h"

namespace capsante {

namespace fs = std::filesystem;

Status CatalogLoader::LoadSources(const std::string& dir) {
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
Status CatalogLoader::LoadOfficialCopies(const std::string& dir) {
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

// catalog/sources.yaml: one entry per document of sources/, no more, no less.
Status CatalogLoader::LoadSourceRegistry(const std::string& file) {
  yamlutil::Document doc;
  CAPSANTE_RETURN_IF_ERROR(yamlutil::LoadFile(file, &doc));
  const yamlutil::Node root = doc.root();
  Map top(&file, root, "");
  yamlutil::Node list;
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

Status CatalogLoader::ReadSource(const Map& m, const yamlutil::Node& node, SourceRef* out) {
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

Status CatalogLoader::ReadSourceKey(const Map& m, const std::string& key, std::optional<SourceRef>* out, bool required) {
  yamlutil::Node n = m.Get(key);
  if (!n) {
    if (required) return m.Error(m.node(), "clé « " + key + " » manquante (chaque règle cite sa source)");
    return Status::Ok();
  }
  SourceRef ref;
  CAPSANTE_RETURN_IF_ERROR(ReadSource(m, n, &ref));
  *out = std::move(ref);
  return Status::Ok();
}

Status CatalogLoader::ReadSourceList(const Map& m, const std::string& key, std::vector<SourceRef>* out, bool required) {
  yamlutil::Node seq;
  CAPSANTE_RETURN_IF_ERROR(m.Sequence(key, &seq, required));
  for (const auto& n : seq) {
    SourceRef ref;
    CAPSANTE_RETURN_IF_ERROR(ReadSource(m, n, &ref));
    out->push_back(std::move(ref));
  }
  if (required && out->empty()) return m.Error(m.node(), "« " + key + " » doit citer au moins une source");
  return Status::Ok();
}

}  // namespace capsante
