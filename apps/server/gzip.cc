#include "gzip.h"

#include <zlib.h>

#include <cstdlib>

namespace capsante::server {

namespace {

// One deflate state per thread, reset between answers: deflateInit2 costs
// more than compressing a lean answer.
struct Deflater {
  z_stream zs{};
  int level = -1;
  ~Deflater() {
    if (level >= 0) deflateEnd(&zs);
  }
  bool Ready(int want) {
    if (level == want) return deflateReset(&zs) == Z_OK;
    if (level >= 0) deflateEnd(&zs);
    zs = z_stream{};
    level = -1;
    if (deflateInit2(&zs, want, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
    level = want;
    return true;
  }
};

}  // namespace

bool Gzip(std::string_view in, int level, std::string* out) {
  thread_local Deflater d;
  if (!d.Ready(level)) return false;
  z_stream& zs = d.zs;
  out->resize(deflateBound(&zs, static_cast<uLong>(in.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out->data());
  zs.avail_out = static_cast<uInt>(out->size());
  const int rc = deflate(&zs, Z_FINISH);
  out->resize(zs.total_out);
  return rc == Z_STREAM_END;
}

bool AcceptsGzip(std::string_view accept_encoding) {
  size_t pos = 0;
  while ((pos = accept_encoding.find("gzip", pos)) != std::string_view::npos) {
    const size_t end = accept_encoding.find(',', pos);
    const std::string item(accept_encoding.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    const size_t q = item.find("q=");
    if (q == std::string::npos || std::strtod(item.c_str() + q + 2, nullptr) > 0) return true;
    pos += 4;
  }
  return false;
}

}  // namespace capsante::server
