#include "static_files.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gzip.h"

namespace capsante::server {

namespace {

constexpr size_t kMaxCachedFile = 4u << 20;
constexpr size_t kMaxCachedBytes = 48u << 20;

const char* MimeType(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  const std::string_view ext = path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json; charset=utf-8";
  if (ext == "webmanifest") return "application/manifest+json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return nullptr;  // anything else is not part of the page
}

bool Compressible(std::string_view mime) {
  return mime.rfind("text/", 0) == 0 || mime.rfind("application/json", 0) == 0 ||
         mime.rfind("application/manifest", 0) == 0 || mime == "image/svg+xml";
}

std::string RealPath(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return {};
  return buf;
}

}  // namespace

bool SafeRelativePath(std::string_view rel) {
  if (rel.empty() || rel.size() > 512) return false;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    const std::string_view seg = rel.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == ".." || seg[0] == '.') return false;
    for (char c : seg) {
      if (c == '\\' || c == ':' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    start = end + 1;
  }
  return true;
}

StaticFiles::StaticFiles(const std::string& public_dir, const std::string& dsfr_dir)
    : public_root_(RealPath(public_dir)), dsfr_root_(RealPath(dsfr_dir)) {}

std::shared_ptr<const StaticFile> StaticFiles::Get(const std::string& url_path, bool* immutable) {
  std::string root;
  std::string rel;
  *immutable = false;
  if (url_path == "/") {
    root = public_root_;
    rel = "index.html";
  } else if (url_path.rfind("/dsfr/", 0) == 0) {
    root = dsfr_root_;
    rel = url_path.substr(6);
    *immutable = true;  // pinned package version
  } else {
    root = public_root_;
    rel = url_path.substr(1);
  }
  if (root.empty() || !SafeRelativePath(rel) || !MimeType(rel)) return nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = cache_.find(url_path); it != cache_.end()) return it->second;
  }
  const std::string real = RealPath(root + "/" + rel);
  // Symlinks included: the resolved file must be inside the root.
  if (real.empty() || real.compare(0, root.size() + 1, root + "/") != 0) return nullptr;
  struct stat st{};
  if (::stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
  auto file = std::make_shared<StaticFile>();
  std::ifstream in(real, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream ss;
  ss << in.rdbuf();
  file->body = ss.str();
  file->mime = MimeType(rel);
  file->etag = "\"" + std::to_string(static_cast<long long>(st.st_mtime)) + "-" + std::to_string(file->body.size()) + "\"";
  if (Compressible(file->mime) && file->body.size() >= kMinCompressBytes) {
    std::string gz;
    if (Gzip(file->body, 6, &gz) && gz.size() < file->body.size()) file->gzip = std::move(gz);
  }
  if (file->body.size() <= kMaxCachedFile) {
    std::lock_guard<std::mutex> lock(mu_);
    if (cached_bytes_ + file->body.size() + file->gzip.size() <= kMaxCachedBytes) {
      cached_bytes_ += file->body.size() + file->gzip.size();
      cache_[url_path] = file;
    }
  }
  return file;
}

}  // namespace capsante::server
