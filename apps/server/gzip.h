// gzip (libdeflate) for the JSON answers and the page's text files. Compression is
// done by capsante at level 1 for answers (they change with every request)
// and level 6 once for static files.
#ifndef CAPSANTE_APPS_SERVER_GZIP_H_
#define CAPSANTE_APPS_SERVER_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace capsante::server {

// Answers smaller than this are sent as they are.
constexpr size_t kMinCompressBytes = 1024;

bool Gzip(std::string_view in, int level, std::string* out);

// True when an Accept-Encoding header takes gzip ("gzip", "gzip, br",
// "br;q=1.0, gzip;q=0.8"); false for "gzip;q=0".
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace capsante::server

#endif  // CAPSANTE_APPS_SERVER_GZIP_H_
