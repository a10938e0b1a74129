// The learned extractor: each dated sentence is parsed (importers/analysis), and linear models
// trained on the annotated articles of eval/events/gold2 decide which predicate states a
// reportable happening, which date belongs to it, its status, its kind, and which named
// entities are its actor, target and place. Features are read off the dependency tree; the
// models live in data/events/events.kbm (tools/kb_train_events writes it).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/analysis/analyzer.hpp"
#include "importers/analysis/cameo.hpp"
#include "importers/analysis/perceptron.hpp"
#include "importers/analysis/sentence.hpp"
#include "importers/extract/internal.hpp"
#include "importers/extract/topic.hpp"

namespace kb::importers::extract {

// The classes of the role model, per (predicate, mention) pair.
enum class RoleClass : std::uint16_t { none = 0, actor = 1, target = 2, place = 3 };
inline constexpr std::size_t kRoleClasses = 4;
// The classes of the status model: as the annotation guide has them (kb stores a claim as a
// reported event tagged "claimed").
enum class Stated : std::uint16_t { reported = 0, claimed = 1, planned = 2 };
inline constexpr std::size_t kStatusClasses = 3;

// The classes of the TimeML eventness model: no event, then TimeML's EVENT classes.
inline constexpr std::array<std::string_view, 8> kTimemlClasses = {
    "", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"};

// The trained decisions. Immutable once loaded; shared by every extraction thread.
struct EventModel {
  analysis::LinearModel trigger;  // 2 classes: no event / event, per candidate predicate
  analysis::LinearModel attach;   // 2 classes: per (predicate, date) pair; the best pair wins
  analysis::LinearModel status;   // Stated
  analysis::LinearModel kind;     // `kinds`
  analysis::LinearModel role;     // RoleClass, per (predicate, mention) pair
  // The TimeML class a word would have as an EVENT of TimeBank / AQUAINT (kTimemlClasses),
  // trained there; its guess is a feature of the trigger model.
  analysis::LinearModel timeml;
  std::vector<EventKind> kinds;  // class index -> kb kind (stored by name: "statement", ...)
  float trigger_bias = 0.0F;     // added to the event margin; chosen by cross-validation

  void write(std::string& out) const;
  static Result<EventModel> read(std::string_view bytes);
  // Reads data_dir/events/events.kbm; errors name the file. A kind name the model does not
  // know is Error (parse) naming it.
  static Result<EventModel> load(const std::filesystem::path& data_dir);
};

// Where the model lives under kb's data directory.
std::filesystem::path event_model_path(const std::filesystem::path& data_dir);

// The support verb a headline puts before an event noun that comes without a verb of its own
// (noun lemma -> verb lemma: "gain" -> "make", "concern" -> "express"), counted in kb's parse
// of the development corpus (data/events/support_verbs.tsv, written by scripts/support_verbs.sh).
struct SupportVerbs {
  std::vector<std::pair<std::string, std::string>> pairs;  // sorted by noun
  // The verb for `noun` (a lower-case lemma), or empty.
  std::string_view verb(std::string_view noun) const;
  // Reads the TSV at `path` (noun, verb, count, share; '#' lines are comments); errors name
  // the file and line.
  static Result<SupportVerbs> load(const std::filesystem::path& path);
};

struct LearnedModels {
  analysis::Analyzer analyzer;
  analysis::CameoDictionary cameo;
  EventModel events;
  std::optional<TopicModel> topic;  // the topic gate (topic.hpp); none when not shipped
  SupportVerbs support;
};

// The models of kb's data directory as a value, for a caller that adjusts them before sharing
// (bench_events_eval --shift); load_learned() loads and shares them. Errors name the file.
Result<LearnedModels> load_learned_models(const std::filesystem::path& data_dir);

namespace learned {

// Where a date candidate of a sentence comes from. Annotators date a happening by its own
// clause, by the frame an earlier sentence of the paragraph set ("On March 13, ... . Ukrainian
// forces repulsed ..."), or, in a report of the day ("Vladimir Putin met with ..."), by the
// publication date; the attachment model weighs all three.
enum class DateSource : std::uint8_t { stated = 0, frame = 1, publication = 2 };

// A date of the sentence, at parse-word indices [first, last] (a stated one), or a frame or
// publication date, which has no words (first, last and head are then unused).
struct SynDate {
  const timex::Timex* timex = nullptr;
  std::size_t first = 0, last = 0, head = 0;
  DateSource source = DateSource::stated;
  std::shared_ptr<const timex::Timex> owned;  // the publication date's own timex
};

// An entity mention of the sentence, at parse-word indices [first, last]; `head` is the word
// whose own head lies outside the span.
struct SynMention {
  const detail::MentionRef* ref = nullptr;  // into the SentenceView
  std::size_t first = 0, last = 0, head = 0;
  EntityKind kind = EntityKind::place;  // of the entity that would act (a capital: its country)
};

// One dated sentence as the learned extractor sees it: the parse, the view the rules use (dates
// that may date an event, mentions), and both aligned to the parse's words.
struct SynSentence {
  const detail::SentenceView* view = nullptr;
  analysis::ParsedSentence parse;
  std::vector<std::vector<std::size_t>> children;  // word -> dependents (0-based)
  std::vector<int> date_of;                        // word -> index into dates, or -1
  std::vector<int> mention_of;                     // word -> index into mentions, or -1
  std::vector<SynDate> dates;
  std::vector<SynMention> mentions;
  std::optional<date::sys_days> dct;
  std::vector<std::string> lemmas;  // lower-case lemma of each word
  std::size_t stated = 0;           // how many of `dates` the sentence states (they come first)
  std::size_t paragraph = 0;        // the paragraph's index in the article
  std::size_t index = 0;            // the sentence's index in its paragraph
  const SupportVerbs* support = nullptr;  // for headlines; none: no support verbs
};

// Where a sentence sits, and the frame date its paragraph set before it (null when none).
struct SentencePlace {
  const timex::Timex* frame = nullptr;
  std::size_t paragraph = 0, index = 0;
};

// Builds the aligned sentence from a parse of `view`'s bytes: its stated dates, then the frame
// date and the publication date as candidates.
SynSentence align(const detail::SentenceView& view, analysis::ParsedSentence parse,
                  const detail::DocContext& doc, const SentencePlace& place);

// A parsed sentence with no dates or mentions (TimeML training text).
SynSentence bare(analysis::ParsedSentence parse);

// Whether word `w` may state an event: a verb or a common noun outside dates and names.
bool candidate(const SynSentence& s, std::size_t w);

// Features of the TimeML eventness model: the word, its tags, tense, relations and CAMEO class,
// nothing that needs dates or entities.
void timeml_features(const SynSentence& s, std::size_t w, const analysis::CameoDictionary* cameo,
                     std::vector<std::uint64_t>& out);

// Feature keys of each decision (appended to `out`). `cameo` may be null.
// `timeml` (may be null or empty) adds the eventness model's guess.
void trigger_features(const SynSentence& s, std::size_t w, const analysis::CameoDictionary* cameo,
                      const analysis::LinearModel* timeml, std::vector<std::uint64_t>& out);
void attach_features(const SynSentence& s, std::size_t w, std::size_t d,
                     std::vector<std::uint64_t>& out);
void status_features(const SynSentence& s, std::size_t w, std::size_t d,
                     std::vector<std::uint64_t>& out);
void kind_features(const SynSentence& s, std::size_t w, const analysis::CameoDictionary* cameo,
                   std::vector<std::uint64_t>& out);
void role_features(const SynSentence& s, std::size_t w, std::size_t m,
                   std::vector<std::uint64_t>& out);

// One decided event of a sentence, in parse-word indices.
struct Decision {
  std::size_t word = 0;  // the predicate
  std::size_t date = 0;  // index into SynSentence::dates
  Stated status = Stated::reported;
  EventKind kind = EventKind::other;
  std::optional<std::size_t> actor, target, place;  // indices into SynSentence::mentions
  double margin = 0;                                // the trigger model's margin (bias included)
};

// Every event the models find in `s`, in word order. With `rejected`, also the candidate
// predicates the trigger model turned down, with their margins (for a trace). With `triggers`
// (ExtractOptions::triggers), the candidates whose form it lists are the triggers and no
// others, the trigger model's margin raised by kOracleMargin so that they are surer than any
// it found; every other decision is the models'.
std::vector<Decision> decide(const SynSentence& s, const EventModel& model,
                             const analysis::CameoDictionary* cameo,
                             std::vector<std::pair<std::size_t, float>>* rejected = nullptr,
                             const std::vector<std::string>* triggers = nullptr);
inline constexpr float kOracleMargin = 1000.0F;
// Whether the trigger oracle `triggers` lists a word written `form`.
inline bool oracle_lists(const std::vector<std::string>& triggers, std::string_view form) {
  return std::find(triggers.begin(), triggers.end(), form) != triggers.end();
}

// The clause's own subject as the actor of decision `d`, over the role model's choice: the named
// subject of an active verb, the agent of a passive one, the possessor or "by" phrase of an event
// noun, the subject of the verb a meeting or statement noun is set in ("said this in an
// interview"), of a light verb's object, of a conjoined or controlled verb; an office's title
// chain names its holder ("Adviser to the Head of the Office of the President of Ukraine Mykhailo
// Podolyak": Podolyak). Leaves `d` as it is when the clause names no one.
void subject_acts(const SynSentence& s, Decision& d);

// The concept (concepts.hpp) of the predicate at word `w`: a light verb's is its object's
// ("launched an invasion" -> "invade").
std::string concept_at(const SynSentence& s, std::size_t w);

// Who the sentence says claims the happening word `w` states (a mention index): the named
// subject of the verb that reports it ("The Ukrainian General Staff reported that Russian forces
// captured ...", "Kadyrov claimed to have visited ..."), or the source of "according to X".
// None when the sentence names no one.
std::optional<std::size_t> claimant(const SynSentence& s, std::size_t w);

// Drops the words a headline never ends with (data/lexicon/extract/title_dangling_words.txt:
// articles, prepositions, auxiliaries ...) from the end of `title`, never into its first `keep`
// bytes (the subject and verb): "Reagan approves an" -> "Reagan approves".
void drop_dangling_words(std::string& title, std::size_t keep);

// Whether a headline's `phrase` says its other side `name` already, so that it takes no "with
// NAME" or "on NAME": whole, by its last word as written ("talks with President Macron" names
// Emmanuel Macron), or, `with_whom` (a meeting or visit), by a "with" phrase of its own ("talks
// with American partners"). Error class: "Talks with President Macron with Emmanuel Macron",
// "Grain talks with Soviet counterparts with Soviet Union".
bool says_partner(const std::string& phrase, const std::string& name, bool with_whom);

// Whether the happening at word `w` is the clause a verb of claiming takes ("The Russian Ministry
// of Defense claimed it seized a large depot"): a claim whatever the status model says (error
// class, gold2 dev: such happenings stored as reported fact, their claimant lost).
bool claimed_by_verb(const SynSentence& s, std::size_t w);

// The claimant of a happening already judged a claim: claimant(), else the named subject of the
// nearest reporting verb above `w` however the parser reached it.
std::optional<std::size_t> claimant_of_claim(const SynSentence& s, std::size_t w);

// Whether word `w` only says that something happened ("took place", "occurred", "happened"):
// the happening is its subject ("talks took place"), an event of its own; the verb is none
// (error class: "Putin takes place" stored as a territorial change).
bool happening_verb(const SynSentence& s, std::size_t w);

// Whether the event noun `w` points back to a happening told before: a demonstrative stands
// right before it ("violated that agreement when it annexed Crimea in 2014": the agreement is
// the 1994 one, not a 2014 happening; error class: an anaphoric mention dated by the clause it
// sits in, as a new event). The guide: one happening, one event.
bool anaphoric(const SynSentence& s, std::size_t w);

// Whether predicate `w` tells a state that has lasted since a year before the publication's, not
// a happening: it holds a "since" phrase naming that year and stating none of the sentence's
// dates ("the land Russia has captured since 2014" in 2023; a date said elsewhere in the
// sentence, "... said on Monday", is not its date). A recent "since" ("since April 12" in an
// April report) tells a happening over those days. The guide: durations and states ("since
// 2014" with no happening) are no event (error class: the reference article's "Russia captures
// Crimea", claimed on its publication day). With `date` (an index into `s.dates`, the one that
// dates `w`), also a state since a happening the "since" phrase names ("have entered Russia since
// the invasion began on February 24"), when that date lies in the phrase or outside `w`'s words:
// it is the happening's date, not `w`'s.
bool since_state(const SynSentence& s, std::size_t w,
                 std::optional<std::size_t> date = std::nullopt);

// Whether the happening word `w` states is denied by the sentence: `w` is negated ("did not
// attack", "no attacks"), or it is what a negated verb does or reports ("did not conduct any
// confirmed ground attacks", "has not observed Russian forces launch"). The guide: negations are
// no event.
bool negated(const SynSentence& s, std::size_t w);

// Whether the happening word `w` states is only a possibility or a forecast: "may", "might" or
// "could" on its verb ("occupation authorities may hold a referendum"), a future with a hedging
// adverb ("Russian forces will likely capture Mariupol in the coming week"), or "likely to".
// The guide leaves out forecasts and hypotheticals (error class: an analysis's forecast stored
// as a planned event); an announced plan ("will visit Washington") is kept as planned.
bool forecast(const SynSentence& s, std::size_t w);

// Re-hangs the complement clauses of verbs of saying that the parser hung on the wrong word: the
// relative clause of a telling verb's addressee that is what was said ("told his counterparts
// that the US would support ..."), and the subject of a clause without "that" taken for the
// saying verb's object ("stated the forces surrendered", "claimed Russian forces have
// advanced"). `align` applies it; a sentence made by `bare` has it applied by hand.
void mend_complements(SynSentence& s);

// Whether predicate `w`'s subject is the two sides of the article's meeting as a readout names
// them ("The leaders agreed on further contacts", "The two presidents discussed ...":
// data/lexicon/extract/meeting_sides.txt), not sides the phrase names itself ("The leaders of
// the G7").
bool meeting_sides(const SynSentence& s, std::size_t w);

// The names conjoined with the actor's as the subject of predicate `d.word` (mention indices,
// in text order): "Russia and Japan signed the treaty", "Russian and Ukrainian forces clashed",
// "Putin, Erdogan and Rouhani agreed". They act with the actor (error class: the second party
// lost, "Russia signs Treaty of Shimoda"; the annotation guide gives both sides as actors).
// Empty when the actor is not the subject or names no conjunct.
std::vector<std::size_t> co_actors(const SynSentence& s, const Decision& d);

// A headline for decision `d`: subject first, present tense, with its object ("Russia annexes
// Crimea", "Peskov dismisses US warnings as hysteria") and, when there is room and the headline
// does not name it yet, where ("Russia shells settlements near Izyum"); at most 80 bytes, never
// cut with "...". `actor`, `target` and `place` are the display names chosen for the roles
// (empty when none). Empty when a verb has no one acting: such a decision is no reportable event.
// `several` says that `actor` names more than one side ("Russia and Japan"): the verb agrees.
std::string headline(const SynSentence& s, const Decision& d, const std::string& actor,
                     const std::string& target, const std::string& place = {},
                     bool several = false);

// Whether reporting verb `w` reports what the sentence before said ("This was stated by
// President Volodymyr Zelenskyy during a press conference", "He said this in an interview"):
// its said thing is "this", "that" or "it".
bool reports_antecedent(const SynSentence& s, std::size_t w);

// Whether predicate `w`'s subject is "he", "she" or "they" opening the sentence ("He urged
// Macron to help evacuate ...", "They signed a package of documents"): who acts is the subject
// of the sentence before (see subject_words()).
// Returns the pronoun's lemma ("he", "she", "they"); empty for any other subject.
std::string_view pronoun_subject(const SynSentence& s, std::size_t w);

// The words [first, last] of the subject of sentence `prev`'s main clause (its root's
// nsubj or nsubj:pass and what it governs); nullopt when the clause has none.
std::optional<std::pair<std::size_t, std::size_t>> subject_words(const SynSentence& prev);

// The main clause of sentence `prev` as a headline's object, at most `max_bytes` ("Ukraine is
// ready for negotiations with Russia"): its subordinate clauses, lists and asides left out, then
// its last adverbial phrases while it is too long; empty when it cannot be that short.
std::string antecedent_clause(const SynSentence& prev, std::size_t max_bytes);

// The occasion a reporting verb names, "during"/"at"/"in" and a short phrase ("during an
// online press conference for Danish media" -> "during online press conference"), or empty.
std::string occasion(const SynSentence& s, std::size_t w);

// Adds to `x.links` the relations sentence `s` states between its events (those of `x.events`
// from `first` on) and the events they name, in it or told before in the article: "due to the
// blockade", "in response to the strikes", "as part of the visit", "..., sparking protests",
// "violated that agreement when it annexed Crimea" (the cues: data/lexicon/extract/
// relation_cues.tsv). A pair already linked is left as it is. Returns how many it added.
std::size_t stated_links(const SynSentence& s, std::size_t first, Extraction& x);

// The third-person singular present of verb lemma `lemma` ("annex" -> "annexes").
std::string present_3sg(std::string_view lemma);

}  // namespace learned
}  // namespace kb::importers::extract
