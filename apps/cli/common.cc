#include "common.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace capsante::cli {

int ReportError(const Status& status) {
  std::cerr << "erreur : " << status.message();
  if (!status.field().empty() && status.message().find(status.field()) == std::string::npos) {
    std::cerr << " (champ : " << status.field() << ")";
  }
  std::cerr << "\n";
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kInvalidInput:
    case Status::Code::kNotFound: return kExitInvalidInput;
    case Status::Code::kInvalidCatalog: return kExitInvalidCatalog;
    case Status::Code::kIoError:
    case Status::Code::kInternal: return kExitFailure;
  }
  return kExitFailure;
}

std::string ResolveHome(const GlobalOptions& global) {
  if (!global.home.empty()) return global.home;
  if (const char* env = std::getenv("CAPSANTE_HOME"); env && *env) return env;
  return CAPSANTE_DEFAULT_HOME;
}

Status LoadCatalog(const GlobalOptions& global, std::unique_ptr<Catalog>* out) {
  Status st = Catalog::Load(ResolveHome(global), out);
  if (st.code() == Status::Code::kIoError) {
    return Status::InvalidCatalog("catalogue introuvable : " + st.message() + " (option --home ou variable CAPSANTE_HOME)");
  }
  return st;
}

Status ReadInput(const std::string& path, size_t max_bytes, std::string* out) {
  std::FILE* f = (path.empty() || path == "-") ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return Status::InvalidInput("fichier illisible : " + path, "FICHIER");
  out->clear();
  char buffer[8192];
  size_t n;
  bool too_big = false;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    if (out->size() + n > max_bytes) {
      too_big = true;
      break;
    }
    out->append(buffer, n);
  }
  const bool failed = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (too_big) return Status::InvalidInput("situation trop volumineuse (" + std::to_string(max_bytes / 1024) + " Kio au plus)", "FICHIER");
  if (failed) return Status::InvalidInput("lecture impossible : " + path, "FICHIER");
  return Status::Ok();
}

Status ParseDateOption(const std::string& text, const char* option, Date* out) {
  auto d = Date::Parse(text);
  if (!d) return Status::InvalidInput(std::string(option) + " : date impossible « " + text.substr(0, 32) + " » (format AAAA-MM-JJ)", option);
  *out = *d;
  return Status::Ok();
}

std::string SourceLabel(const SourceRef& s) {
  if (s.doc) {
    std::string label = s.doc->title + " (" + s.doc->issuer;
    if (s.doc->date) label += ", " + s.doc->date->ToFrench();
    label += s.doc->official ? ")" : ", source non officielle)";
    return label;
  }
  return s.url + (s.read_on ? " (lu le " + s.read_on->ToFrench() + ")" : std::string());
}

}  // namespace capsante::cli
