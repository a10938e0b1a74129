// The date tagger: finds temporal expressions (TIMEX3) in English text and normalises them
// against a reference time (the document creation time) and the tense of their sentence.
// Rule-based and table-driven (see lexicon.cpp, rules.cpp); one pass, linear time, no regex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "importers/text/scanner.hpp"
#include "kb/fuzzy_date.hpp"
#include "kb/result.hpp"

namespace kb::timex {

// TIMEX3 types.
enum class TimexType { date, time, duration, set };

// Returns "DATE", "TIME", "DURATION" or "SET".
std::string_view to_string(TimexType t);

// One temporal expression found in a text.
struct Timex {
  std::size_t begin = 0;  // byte offset of the first byte in the input
  std::size_t end = 0;    // byte offset one past the last byte
  TimexType type = TimexType::date;
  std::string value;  // TIMEX3 value: "2023-05-20", "2023-W20-WE", "P10Y", "PAST_REF", "XXXX-07"
  std::string mod;    // TIMEX3 mod ("START", "END", "APPROX", "ON_OR_AFTER", ...) or ""
  // For DATE/TIME values that name a calendar interval (not PAST_REF etc.): the interval.
  std::optional<kb::FuzzyDate> date;
  // How it was found (kb dates --explain): the id of the rule (rules()), the steps that
  // widened or qualified it (a Step mask), and the date an underspecified expression was
  // resolved against ("2023-05-23", the DCT or the narrative's last explicit date; empty when
  // the expression states its own date).
  std::string_view rule;
  std::uint8_t steps = 0;
  std::string reference;
};

// The steps after a rule's match, as bits of Timex::steps (named by steps(), in this order).
inline constexpr std::uint8_t kStepModifier = 1;    // a modifier joined ("mid-May")
inline constexpr std::uint8_t kStepDayBefore = 2;   // "the day before/after" joined to a day
inline constexpr std::uint8_t kStepApprox = 4;      // "about", "nearly": made approximate
inline constexpr std::uint8_t kStepDeterminer = 8;  // a leading "the" joined
inline constexpr std::uint8_t kStepSignal = 16;     // "since", "until" ...: an open span
inline constexpr std::uint8_t kStepNarrative = 32;  // resolved against the narrative's last date

// A rule of the tagger: its id and what it matches.
struct RuleInfo {
  std::string_view id;
  std::string_view what;
};
// Every rule, in the order match_at() tries them at a token; and the names of the steps.
std::span<const RuleInfo> rules();
std::span<const RuleInfo> steps();

// Two dated timexes stated as one span: "between 2019 and 2028", "from May to July 2023",
// "2019–2028", "1939 to 1945".
struct TimexRange {
  std::size_t begin = 0;  // byte offset of the span, "between"/"from" included
  std::size_t end = 0;    // one past its last byte
  std::size_t first = 0;  // index in the tag() result of the start timex
  std::size_t last = 0;   // index of the end timex (first + 1)
  kb::FuzzyDate date;     // FuzzyDate::range(start, end)
};

// The ranges among `timexes` (tag()'s result for `utf8_text`), in text order. TIMEX3 keeps
// the two dates apart, as TimeML does; this joins them for callers that want one interval.
std::vector<TimexRange> ranges(std::string_view utf8_text, const std::vector<Timex>& timexes);

// Whether `between`, the text between a date and a finer date of it after it, joins them as one
// date: a comma and nothing but the words of data/lexicon/timex/refinement_words.txt ("2014, on
// June 13", "2014, on this day, June 13"). The tagger gives such a finer date the year before it.
bool refines(std::string_view between);

// The tense of a sentence as far as the tagger can tell from its verbs.
enum class Tense { none, past, present, future };

// Options for tag().
struct TagOptions {
  // Resolve underspecified dates ("in May", "the next day") against the last date mentioned
  // in the text rather than the DCT when the text reads as a history narrative (most explicit
  // years lie well before the DCT). Off: always resolve against the DCT.
  bool narrative_anchoring = true;
};

// Every temporal expression in `utf8_text`, in text order, non-overlapping, resolved against
// the document creation time `dct`. Never fails: invalid UTF-8, NUL bytes and binary input are
// scanned like any other bytes (non-ASCII bytes are word characters).
std::vector<Timex> tag(std::string_view utf8_text, date::sys_days dct,
                       const TagOptions& options = {});
// The same, given `pieces`, the pieces text::scan(`utf8_text`) returns (a text scanned once
// serves the tagger and the entity recogniser alike).
std::vector<Timex> tag(std::string_view utf8_text, std::span<const text::Piece> pieces,
                       date::sys_days dct, const TagOptions& options = {});

// The tense of the sentence holding byte `offset` of `utf8_text` (past if it has a past-tense
// verb such as "said", future if "will"/"plans to", ...). Used by tag() for bare month and
// weekday names; exposed so the event extractor can reuse the decision.
Tense sentence_tense(std::string_view utf8_text, std::size_t offset);

// Resolves one expression a user typed ("last year", "May 2023", "20 May 2023", "yesterday",
// "2019-2028") against `today`. The whole text must be one date expression; falls back to
// kb::FuzzyDate::parse. Error (invalid_argument) "not a date: '<expr>'" otherwise.
kb::Result<kb::FuzzyDate> resolve_expression(std::string_view expr, date::sys_days today);

}  // namespace kb::timex
