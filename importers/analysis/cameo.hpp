// CameoDictionary: the CAMEO event classes (20 roots, ~300 codes) and the verb dictionary that maps
// a verb lemma to candidate codes and their PETRARCH patterns, read from kb's data/cameo/ tables
// (scripts/build_cameo_data.py writes them; data/cameo/README.md gives the formats).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/result.hpp"

namespace kb::analysis {

// One CAMEO event class: "1123" is "Accuse of aggression", parent "112", root "11" (Disapprove).
struct CameoCode {
  std::string code;    // two (root), three or four digits
  std::string parent;  // empty for a root
  std::string root;    // the two-digit root; a root's root is itself
  int quad = 0;  // 1 verbal cooperation, 2 material cooperation, 3 verbal / 4 material conflict
  std::string name;
};

// One verb of the dictionary: a lemma, the phrase it heads and the block whose patterns apply.
struct CameoVerb {
  std::string verb;     // the lemma, lower case: "take"
  std::string phrase;   // the whole phrase, '+' marking the verb of a multi-word one: "+take over"
  std::string block;    // the synonym block: "TAKE_CONTROL"
  std::string code;     // the code of the verb alone; "---" when only a pattern makes it an event
  std::string reverse;  // the code for the reverse direction (B to A), or empty
  std::vector<std::string> forms;  // irregular forms: "took over", "taken over"
  std::string origin;              // cameo2, verbpatterns (the older list) or kb (kb_verbs.tsv)
};

// One element of a pattern, in the PETRARCH 2 syntax (see data/cameo/README.md).
struct PatternTerm {
  enum class Kind {
    noun,      // a noun or noun phrase; `words` holds it, head last ("&name" is a synset)
    prep,      // a prepositional phrase: `prep` and, if any, its object in `words`
    source,    // $: the source actor
    target,    // +: the target actor
    skip,      // ^: skip to the end of a noun phrase
    compound,  // %: a compound actor
  };
  Kind kind = Kind::noun;
  std::string prep;
  std::vector<std::string> words;  // '_'-joined words become one entry with spaces: "idea of"
};

// A verb pattern: what must come before and after the verb for `code` to apply.
struct CameoPattern {
  std::string block;
  std::vector<PatternTerm> before;
  std::vector<PatternTerm> after;
  std::string code;     // "---" when the pattern blocks coding
  std::string reverse;  // may be empty
  std::string text;     // the pattern as written: "* (on {telephone conversation})"
};

// A verb lemma's reading: the verb entry and the patterns of its block.
struct VerbSense {
  const CameoVerb* verb = nullptr;
  std::span<const CameoPattern> patterns;
};

class CameoDictionary {
 public:
  // Reads cameo_codes, cameo_verbs, kb_verbs, cameo_patterns and cameo_synsets from `dir`
  // (kb's data/cameo). Fails with Errc::parse naming the file and line of the first bad line,
  // or Errc::storage when a file cannot be read.
  static Result<CameoDictionary> load(const std::filesystem::path& dir);

  // The class with this code ("19", "190", "1951"), or nullptr.
  const CameoCode* code(std::string_view code) const;
  // Every class, roots first within each root's group, in code order.
  const std::vector<CameoCode>& codes() const { return codes_; }
  // The 20 roots, "01" to "20".
  std::vector<const CameoCode*> roots() const;

  // Every reading of verb lemma `lemma` (any case): CAMEO's first, then kb's. Empty if unknown.
  std::vector<VerbSense> senses(std::string_view lemma) const;
  // The distinct codes `lemma` has on its own (not "---"), in the order of senses().
  std::vector<std::string> codes_of(std::string_view lemma) const;
  // The patterns of verb block `block`, in file order.
  std::span<const CameoPattern> patterns(std::string_view block) const;
  // The phrases of synset `name` (without '&', any case), or nullptr.
  const std::vector<std::string>* synset(std::string_view name) const;

  std::size_t verb_count() const { return verbs_.size(); }
  std::size_t pattern_count() const { return patterns_.size(); }

 private:
  std::vector<CameoCode> codes_;
  std::map<std::string, std::size_t, std::less<>> code_index_;
  std::vector<CameoVerb> verbs_;
  std::unordered_map<std::string, std::vector<std::size_t>> verb_index_;  // lemma -> verbs_
  std::vector<CameoPattern> patterns_;                                    // grouped by block
  std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>> block_index_;
  std::map<std::string, std::vector<std::string>, std::less<>> synsets_;
};

// Parses one side of a pattern ("{relief debt} (to +)") into terms. Fails with Errc::parse on
// unbalanced or nested brackets.
Result<std::vector<PatternTerm>> parse_pattern_side(std::string_view text);

// One data line of a data/cameo table: its 1-based line number and its fields (views into the
// text the caller keeps alive).
struct TableRow {
  int line = 0;
  std::vector<std::string_view> fields;
};

// Reads `file` into `text` and splits it into rows of `min_fields` to `max_fields` tab-separated
// fields (missing trailing fields read as empty), skipping blank lines and '#' comments. Fails
// with Errc::storage if the file cannot be read, or Errc::parse naming "file:line" otherwise.
Result<std::vector<TableRow>> read_cameo_table(const std::filesystem::path& file, std::string& text,
                                               std::size_t min_fields, std::size_t max_fields);

// An Errc::parse error "file:line: what".
Error table_error(const std::filesystem::path& file, int line, const std::string& what);

// kb's data/cameo directory: $KB_DATA_DIR/cameo, else the source tree's, else the installed one.
// Fails with Errc::not_found listing the directories tried.
Result<std::filesystem::path> find_cameo_dir();

}  // namespace kb::analysis
