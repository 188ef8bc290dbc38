// The JSON API under /api (docs/operations.md, "The JSON API"), described by the OpenAPI document
// api/openapi.json that it serves at /api/openapi.json. It follows the NL API Design Rules where
// they apply: the major version in the path (/api/v1), an API-Version header on every answer,
// errors as problem details (RFC 9457, application/problem+json), no trailing slashes, and the
// token in the Authorization header, never in the URL. Integrations read aggregates only.
#pragma once

#include <string>

#include "web/context.hpp"
#include "web/router.hpp"

namespace meedoen::web {

// The version of api/openapi.json's info.version, sent as API-Version.
inline constexpr const char* kApiVersion = "1.2.0";

// The API's routes (under /api/v1), on a router of their own: they take no session and no CSRF
// token, only the bearer token.
void add_api_routes(Router& router);

// An API answer: JSON with the API-Version header, never cached.
Response api_json(int status, const json::value& body);
// A problem-details answer with the catalogue's Dutch text for `key` as its title.
Response api_problem(const Ctx& c, int status, const std::string& key);

}  // namespace meedoen::web
