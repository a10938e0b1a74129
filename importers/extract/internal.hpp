// Private to the event extractor: one sentence seen as words with the dates, entity mentions and
// triggers inside it, and the rules that read roles, titles and relations from it.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "importers/entities/recognizer.hpp"
#include "importers/extract/extractor.hpp"
#include "importers/extract/lexicon.hpp"
#include "importers/sentences.hpp"
#include "importers/text/scanner.hpp"
#include "importers/timex/tagger.hpp"

namespace kb::importers::extract::detail {

// A word of a sentence (letters, digits, inner apostrophes and hyphens) or one punctuation mark.
struct Word {
  std::size_t begin = 0;  // byte offsets in the article text
  std::size_t end = 0;
  std::string lower;  // lower-case ASCII form (other bytes copied); punctuation as itself
  bool punct = false;
  bool quoted = false;  // inside quotation marks
};

// A mention mapped to word indices [first, last].
struct MentionRef {
  const Mention* mention = nullptr;
  std::size_t first = 0;
  std::size_t last = 0;
};

// A date expression mapped to word indices [first, last].
struct DateRef {
  const timex::Timex* timex = nullptr;
  std::size_t first = 0;
  std::size_t last = 0;
};

// A trigger found at word indices [first, last].
struct TriggerHit {
  const Trigger* trigger = nullptr;
  std::size_t first = 0;
  std::size_t last = 0;
  bool hypothetical = false;  // after a modal or negation ("would support", "did not sign")
  bool light = false;         // a noun after a light verb ("held talks"): as strong as a verb
};

// One sentence with everything the rules need.
struct SentenceView {
  std::size_t begin = 0;  // byte offsets in the article text
  std::size_t end = 0;
  std::vector<Word> words;
  std::vector<MentionRef> mentions;
  std::vector<DateRef> dates;
  std::vector<TriggerHit> triggers;
};

// Splits [begin, end) of `text` into words and punctuation, marking quoted words.
std::vector<Word> split_words(std::string_view text, std::size_t begin, std::size_t end);
// The index of the first word starting at or after `offset`, and of the last word ending at or
// before `end_offset`; nullopt when no word lies inside.
std::optional<std::pair<std::size_t, std::size_t>> word_span(const std::vector<Word>& words,
                                                             std::size_t offset,
                                                             std::size_t end_offset);
// Finds the lexicon's triggers among `view.words` (never inside quotes).
void find_triggers(SentenceView& view);
// Rejoins sentences the splitter cut after an abbreviation ("U.S.\nWarships"), within a paragraph.
std::vector<Sentence> join_fragments(std::string_view text, const std::vector<Sentence>& sentences);
// True when the sentence is boilerplate, a question, or too short to state an event.
bool skip_sentence(std::string_view sentence, const std::vector<Word>& words);
// True when the date at [begin, end) of `text` is a dateline ("LONDON, March 2 -").
bool is_dateline(std::string_view text, std::size_t begin, std::size_t end);
// Where the text after a dateline whose date is [begin, end) starts ("STOCKHOLM, Oct 19 - Mining
// group ...": the offset of "Mining"); npos when the date is no dateline followed by a dash.
std::size_t after_dateline(std::string_view text, std::size_t begin, std::size_t end);

// Pairs each date with at most one trigger (closest first, a weak trigger ranked a little
// further away and only next to the date or across prepositions and names; never across
// "anniversary", nor from a speech's date past a colon); returns (date index, trigger index)
// pairs in date order.
std::vector<std::pair<std::size_t, std::size_t>> pair_dates(const SentenceView& view);

// What the rules need to know about the article as a whole.
struct DocContext {
  const Gazetteer* gazetteer = nullptr;
  const Recognition* recognition = nullptr;
  const std::unordered_map<std::string, std::size_t>* countries = nullptr;  // ISO code -> index
  std::string_view text;
  std::optional<date::sys_days> dct;           // publication day, when known
  std::optional<std::size_t> last_place;       // Recognition::entities index of the last place seen
  const NamedEntity* title_speaker = nullptr;  // the person a speech's title names, if any
  std::size_t prev_begin = 0, prev_end = 0;    // the sentence before the one being read
  bool trace = false;                          // record the steps in Extraction::trace
  const std::vector<std::string>* triggers = nullptr;  // ExtractOptions::triggers, when set
  std::span<const text::Piece> pieces{};  // text::scan(text): scanned once for every step
};

// The person a speech's title names as its speaker ("Speech by ... Andriy Yermak", in `title`
// recognised as `rec`); nullptr for other titles.
const NamedEntity* title_speaker(const Recognition& rec, std::string_view title);
// Who "I" or "we" among words [from, trigger) of `v` is: the speaker of the last turn label
// ("Vladimir Putin:") before word `from` (before the sentence when `from` is 0), else the
// title's speaker; for "we" the speaker's country. nullptr when the clause has no first-person
// subject or the speaker is unknown.
const NamedEntity* first_person(const SentenceView& v, std::size_t from, std::size_t trigger,
                                const DocContext& doc);

// Whether date expression `t` in `v` can date an event: a calendar interval, not an open span
// ("since 2014"), not quoted, not the dateline, not "today" meaning nowadays; without a DCT only
// explicit years.
bool usable(const timex::Timex& t, const SentenceView& v, const DocContext& doc);
// Could `t` date an event at all (the cheap checks of usable())?
bool candidate(const timex::Timex& t, std::string_view text, bool has_dct);
// The day of a dateline near the top of `text` (a full date alone on its line, or followed by a
// dash), for articles whose publication date the reader did not find.
std::optional<date::sys_days> dateline_day(std::string_view text);

// Builds the event for trigger `hit` dated by `date` in `view`.
ExtractedEvent build_event(const SentenceView& view, const TriggerHit& hit, const DateRef& date,
                           const DocContext& doc);
// An announcement: a reporting verb near `date` whose complement says someone will or would act
// ("Biden told G7 the US would support training"); nullopt when there is none.
std::optional<ExtractedEvent> build_announcement(const SentenceView& view, const DateRef& date,
                                                 const DocContext& doc);
// The entity mention `m` names.
const NamedEntity& entity_of(const DocContext& doc, const MentionRef& m);
// The entity that acts when `m` is named as an actor: a capital stands for its country.
const NamedEntity& acting(const DocContext& doc, const MentionRef& m);
// The entity acted on when `m` is an event of `kind`'s target: a capital stands for its country
// ("sanctions on Moscow"), but one visits, attacks or takes the city.
const NamedEntity& acted_on(const DocContext& doc, const MentionRef& m, EventKind kind);
// How a title names `e` (mentioned as `m`): a person as written ("Peskov"), else the canonical
// name.
std::string display(const DocContext& doc, const MentionRef& m, const NamedEntity& e);
// The participant for entity `e` in `role`; `written` (the form in the text) becomes an alias.
ExtractedParticipant participant(const DocContext& doc, const NamedEntity& e, Role role,
                                 std::string_view written);

// What an event title is made of (display names; empty when unknown).
struct TitleParts {
  const Trigger* trigger = nullptr;
  std::string actor, target, place;
  bool verbal = true;           // the trigger reads as a verb
  std::string_view light_verb;  // lower-case light verb before a noun trigger ("submitted")
  std::string partners;         // after a noun: "between Russia and Ukraine", "with NATO"
  std::string_view quote;       // the sentence, for the fallback title
  std::string object;           // a short phrase after a verb with no named target, or empty
};
// The short phrase right after trigger `h` ("signing a treaty" in "proposed signing a treaty on
// ..."): at most five words up to a preposition, clause opener, punctuation or date; empty when
// there is none or it runs longer.
std::string object_phrase(const SentenceView& v, const TriggerHit& h, std::string_view text);
// The title ("Russia annexes Crimea", "Russia's invasion", "Talks between A and B", else the
// trimmed sentence) and how much it adds to or takes from the event's confidence.
std::pair<std::string, double> make_title(const TitleParts& parts);
// The third-person present form of a light verb ("submitted" -> "submits"); empty when
// `lower_word` is none.
std::string_view light_verb_present(std::string_view lower_word);

// Typed relations stated in `view` between the events [first, events.size()) of this sentence
// and earlier ones: "violated that agreement" and, unless `responses` is false, "in response
// to" between the sentence's two events (the learned extractor reads that off the parse
// instead: of the token rule's links in a full dev.jsonl import, 4 of 6 joined the wrong pair).
void find_links(const SentenceView& view, std::size_t first, Extraction& x, bool responses = true);

}  // namespace kb::importers::extract::detail
