// The JSON API of `capsante serve`, independent of HTTP: each endpoint is a
// function from a request (method, path, query, body) to a response (status,
// JSON body). server.cc wires it to Beast; tests may call it directly.
//
// Contract: every route only reads the request and calls a use case of the
// library (capsante/service.h), whose document it returns as is: the answers
// are the CLI's, byte for byte. Every error is JSON in French: {"erreur":
// "...", "champ": "..." | null}. The Api is immutable after Create and safe
// to call from any number of threads.
#ifndef CAPSANTE_APPS_SERVER_API_H_
#define CAPSANTE_APPS_SERVER_API_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "capsante/catalog.h"
#include "capsante/geo.h"
#include "capsante/service.h"
#include "capsante/status.h"

namespace capsante::server {

struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded, without the query ("/api/v1/aides/caim")
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON (JSON Lines for the batch)
  std::string allow;  // for 405: the methods the route accepts
  const char* content_type = "application/json; charset=utf-8";
};

// French JSON error body: {"erreur": message, "champ": field or null}.
std::string ErrorJson(std::string_view message, std::string_view field = {});

class Api {
 public:
  // Loads the catalog (<home>/catalog, <home>/sources) and the commune index
  // (<home>/data). The commune index is optional: without data/ the commune
  // endpoints answer 404 and situations naming a commune are refused.
  static Status Create(const std::string& home, std::unique_ptr<Api>* out);
  ~Api();

  // True when `path` is an API route (it starts with /api/ or is /healthz);
  // everything else is a static file of the web page.
  static bool IsApiPath(std::string_view path);
  // Routes that may take long (rankings, batches): the server runs them off
  // its network threads.
  static bool IsHeavy(std::string_view path);

  ApiResponse Handle(const ApiRequest& request) const;

  const Catalog& catalog() const { return *catalog_; }
  const geo::CommuneIndex* communes() const { return communes_.get(); }

 private:
  Api() = default;
  ApiResponse Simulate(const ApiRequest& r) const;
  ApiResponse Aides(const ApiRequest& r) const;
  ApiResponse Aide(const ApiRequest& r, std::string_view id) const;
  ApiResponse CommunesSearch(const ApiRequest& r) const;
  ApiResponse Commune(const ApiRequest& r, std::string_view code) const;
  ApiResponse Comparer(const ApiRequest& r) const;
  ApiResponse Classement(const ApiRequest& r) const;
  ApiResponse Lot(const ApiRequest& r) const;
  ApiResponse PlanCareer(const ApiRequest& r) const;

  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<geo::CommuneIndex> communes_;
  service::Env env_;
  std::string schema_json_;   // GET /api/v1/schema, built once
  std::string aides_json_;    // GET /api/v1/aides without filter, built once
  std::string openapi_json_;  // GET /api/v1/openapi.json
  std::string health_json_;
};

}  // namespace capsante::server

#endif  // CAPSANTE_APPS_SERVER_API_H_
