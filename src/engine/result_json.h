// Internal: the result document written into a caller's writer, so that
// documents embedding results (comparer, lot) use the very same writer.
#ifndef CAPSANTE_SRC_ENGINE_RESULT_JSON_H_
#define CAPSANTE_SRC_ENGINE_RESULT_JSON_H_

#include "capsante/result.h"
#include "util/json_writer.h"

namespace capsante {

void WriteResult(json::Writer& w, const Result& result, const JsonOptions& options);

// A source sentence, the one shape every document uses: {"document",
// "extrait", "titre", "emetteur", "date", "url", "lu_le", "officiel"}.
void WriteSource(json::Writer& w, const SourceRef& s);

}  // namespace capsante

#endif  // CAPSANTE_SRC_ENGINE_RESULT_JSON_H_
