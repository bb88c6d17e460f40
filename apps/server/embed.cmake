# Writes OUTPUT, a header holding the text of INPUT as a string_view.
file(READ ${INPUT} content)
string(FIND "${content}" ")openapi\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter")
endif()
file(WRITE ${OUTPUT} "// Generated from openapi.json by embed.cmake: do not edit.\n#pragma once\n#include <string_view>\nnamespace capsante::server {\ninline constexpr std::string_view kOpenApiJson = R\"openapi(${content})openapi\";\n}\n")
