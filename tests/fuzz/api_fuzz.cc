// libFuzzer target: the HTTP API's request handler, without a socket. Any
// bytes become one request — first line "METHOD PATH[?QUERY]", the rest the
// body — and every answer is a JSON document with a status the API promises
// (200, 400, 404, 405, 413); a 500 or a crash is a finding.
//
// Re-pointing: the handler entry point is used in Answer() only. When the
// server's request handling moves (event-driven server, library use cases),
// change Answer() and the includes; the request decoding stays.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api.h"

namespace {

const capsante::server::Api& TheApi() {
  static std::unique_ptr<capsante::server::Api> api = [] {
    std::unique_ptr<capsante::server::Api> a;
    if (!capsante::server::Api::Create(CAPSANTE_DEFAULT_HOME, &a).ok()) std::abort();
    return a;
  }();
  return *api;
}

struct Answered {
  int status = 0;
  std::string body;
};

Answered Answer(const std::string& method, const std::string& path,
                const std::multimap<std::string, std::string>& query, const std::string& body) {
  capsante::server::ApiRequest request;
  request.method = method;
  request.path = path;
  request.query = query;
  request.body = body;
  const capsante::server::ApiResponse response = TheApi().Handle(request);
  return {response.status, response.body};
}

std::multimap<std::string, std::string> ParseQuery(std::string_view q) {
  std::multimap<std::string, std::string> out;
  while (!q.empty()) {
    const size_t amp = q.find('&');
    const std::string_view pair = q.substr(0, amp);
    const size_t eq = pair.find('=');
    out.emplace(std::string(pair.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const std::string_view line = input.substr(0, newline);
  const std::string body = newline == std::string_view::npos ? "" : std::string(input.substr(newline + 1));
  const size_t space = line.find(' ');
  const std::string method(line.substr(0, space));
  std::string_view target = space == std::string_view::npos ? "/" : line.substr(space + 1);
  const size_t question = target.find('?');
  const std::string path(target.substr(0, question));
  const auto query = ParseQuery(question == std::string_view::npos ? "" : target.substr(question + 1));

  const Answered a = Answer(method, path, query, body);
  switch (a.status) {
    case 200: case 400: case 404: case 405: case 413: break;
    default: std::abort();  // 500 or anything unpromised
  }
  if (!capsante::server::Api::IsApiPath(path)) return 0;  // static files are not the handler's
  if (!nlohmann::json::accept(a.body)) std::abort();
  return 0;
}
