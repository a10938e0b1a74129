// TimeML reading and TempEval-3 Task A scoring for the date tagger's evaluation
// (bench/bench_timeml_eval.cpp, tests/importers/timex/tagger_test.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "kb/result.hpp"

namespace kb::timex {

// One annotated (or system) temporal expression over a document's plain text.
struct TimemlTimex {
  std::size_t begin = 0;  // byte offsets into TimemlDoc::text, end exclusive
  std::size_t end = 0;
  std::string type;   // "DATE", "TIME", "DURATION", "SET"
  std::string value;  // TIMEX3 value as annotated
  std::string mod;    // TIMEX3 mod or ""
};

// One annotated EVENT: its word(s) and TimeML class ("OCCURRENCE", "REPORTING", "STATE",
// "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION").
struct TimemlEvent {
  std::size_t begin = 0;  // byte offsets into TimemlDoc::text, end exclusive
  std::size_t end = 0;
  std::string cls;
};

// A TimeML document: the plain text of <TEXT> (tags stripped, entities decoded), its DCT and
// the TIMEX3 and EVENT annotations inside <TEXT>.
struct TimemlDoc {
  std::string name;
  std::string text;
  date::sys_days dct{};
  std::vector<TimemlTimex> timexes;
  std::vector<TimemlEvent> events;
};

// Parses a .tml document. Error (parse) if it has no <TEXT> or no DCT value.
kb::Result<TimemlDoc> parse_timeml(std::string_view xml, std::string name = {});

// Counts behind the TempEval-3 Task A measures, summed over documents (micro-average).
struct TimexScore {
  std::size_t gold = 0;            // gold timexes
  std::size_t system = 0;          // system timexes
  std::size_t strict_gold = 0;     // gold timexes with an exact-span system match
  std::size_t strict_system = 0;   // system timexes with an exact-span gold match
  std::size_t relaxed_gold = 0;    // gold timexes overlapping a system timex
  std::size_t relaxed_system = 0;  // system timexes overlapping a gold timex
  std::size_t pairs = 0;           // relaxed matched pairs (one per system timex)
  std::size_t value_ok = 0;        // pairs with equal value
  std::size_t type_ok = 0;         // pairs with equal type

  void add(const TimexScore& o);
  double strict_p() const;
  double strict_r() const;
  double strict_f1() const;
  double relaxed_p() const;
  double relaxed_r() const;
  double relaxed_f1() const;
  // TE3 attribute F1: relaxed F1 x attribute accuracy over matched pairs.
  double value_f1() const;
  double type_f1() const;
};

// Scores `system` against `gold` (both over the same text) with the TE3 definitions: strict =
// identical span, relaxed = overlapping span; attribute accuracy over relaxed-matched pairs.
TimexScore score_timexes(const std::vector<TimemlTimex>& gold,
                         const std::vector<TimemlTimex>& system);

}  // namespace kb::timex
