// Concepts: what kind of happening a predicate names, normalised across parts of speech and
// synonyms ("invaded", "the invasion", "launched a full-scale war" are all "invade"), so that one
// happening told by many sources can be recognised as one (services/extraction.cpp merges by
// concept, date and participants). The table is data (concepts.cpp), each group with the error
// class it fixes; a predicate outside it has no concept and merges only by title or participants.
#pragma once

#include <string>
#include <string_view>

namespace kb::importers::extract {

// The concept of a word (any inflected form or a lemma: "seized", "seizure", "seize" ->
// "capture"), or "" when the table has none.
std::string concept_of(std::string_view word);

// Whether a verb lemma only frames the happening its object names ("launch", "begin", "carry
// out", "sign"): its concept is its object's.
bool light_verb(std::string_view lemma);

// Whether a verb lemma's concept is its object's: the light verbs and "have" ("had a telephone
// conversation": "phone"), which keeps its own headline.
bool concept_light_verb(std::string_view lemma);

// Whether a noun lemma only frames the happening its modifier names ("the beginning of the
// invasion", "the mobilisation order").
bool light_noun(std::string_view lemma);
// Whether `word` (a form or lemma, any case) followed at once by `next` names no happening of
// its concept ("calls on Canada to supply weapons", "called for a ceasefire": an appeal, not a
// phone call).
bool concept_cancelled(std::string_view word, std::string_view next);

// Verbs whose complement clause is the happening ("helped persuade Ukraine to give up its
// arsenal"): they stand for no happening of their own.
bool catenative_verb(std::string_view lemma);

}  // namespace kb::importers::extract
