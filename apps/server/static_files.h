// The web page's files: only from <web>/public and the DSFR dist folder
// (mounted at /dsfr/), only the page's extensions. A path with an empty,
// `.`, `..` or hidden segment, a backslash, a colon or a control character,
// or that resolves (symlinks included) outside its folder, is refused.
// Files are read once, compressed once, and kept (48 MiB at most).
#ifndef CAPSANTE_APPS_SERVER_STATIC_FILES_H_
#define CAPSANTE_APPS_SERVER_STATIC_FILES_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace capsante::server {

struct StaticFile {
  std::string body;
  std::string gzip;  // empty when not worth it
  std::string mime;
  std::string etag;
};

class StaticFiles {
 public:
  StaticFiles(const std::string& public_dir, const std::string& dsfr_dir);

  bool has_public() const { return !public_root_.empty(); }
  bool has_dsfr() const { return !dsfr_root_.empty(); }

  // `url_path` is decoded. nullptr: not found (or refused). `immutable`: a
  // pinned package file the browser may keep.
  std::shared_ptr<const StaticFile> Get(const std::string& url_path, bool* immutable);

 private:
  std::string public_root_;
  std::string dsfr_root_;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const StaticFile>> cache_;
  size_t cached_bytes_ = 0;
};

// A safe relative path (no leading slash): see the header comment.
bool SafeRelativePath(std::string_view rel);

}  // namespace capsante::server

#endif  // CAPSANTE_APPS_SERVER_STATIC_FILES_H_
