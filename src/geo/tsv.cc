#include "geo/tsv.h"

#include <cstdio>
#include <cstring>
#include <memory>

namespace capsante::geo::internal {

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status::IoError("fichier de données illisible : " + path, path);
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f.get())) > 0) out->append(buf, n);
  if (std::ferror(f.get())) return Status::IoError("erreur de lecture : " + path, path);
  return Status::Ok();
}

bool TsvReader::NextLine(std::string_view* line) {
  if (pos_ >= text_.size()) return false;
  const char* begin = text_.data() + pos_;
  const void* nl = std::memchr(begin, '\n', text_.size() - pos_);
  const size_t len = nl ? static_cast<const char*>(nl) - begin : text_.size() - pos_;
  *line = std::string_view(begin, len);
  pos_ += len + 1;
  ++line_;
  return true;
}

static void Split(std::string_view line, std::vector<std::string_view>* cells) {
  cells->clear();
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cells->push_back(line.substr(start));
      return;
    }
    cells->push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

Status TsvReader::ExpectHeader(const std::vector<std::string_view>& columns) {
  std::string_view line;
  std::vector<std::string_view> cells;
  if (!NextLine(&line)) return Status::InvalidCatalog("fichier de données vide", path_);
  Split(line, &cells);
  if (cells != columns) {
    return Status::InvalidCatalog("en-tête inattendu dans le fichier de données", path_ + ":1");
  }
  columns_ = columns.size();
  return Status::Ok();
}

bool TsvReader::Next(std::vector<std::string_view>* cells, Status* error) {
  std::string_view line;
  if (!NextLine(&line)) return false;
  Split(line, cells);
  if (cells->size() != columns_) {
    *error = Status::InvalidCatalog(
        "ligne malformée (" + std::to_string(cells->size()) + " colonnes au lieu de " +
            std::to_string(columns_) + ")",
        path_ + ":" + std::to_string(line_));
    return false;
  }
  return true;
}

}  // namespace capsante::geo::internal
