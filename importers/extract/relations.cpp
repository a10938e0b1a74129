// Typed relations stated in the text between extracted events, by the lexicon's patterns:
// "Moscow violated that agreement when it annexed Crimea" (violates), "in response to"
// (responds-to). Only explicit wording makes a link. The learned extractor reads more of them
// off the parse (stated_links.cpp). "after"/"following" no longer make a `precedes` link: of the
// 5 such links on the gold2 articles none was right ("Russia lays wreath during ceremonies
// precedes Ukraine urges sides"; two events of one sentence are not the two a connective joins).
#include <array>

#include "importers/extract/internal.hpp"

namespace kb::importers::extract::detail {

namespace {

constexpr auto kViolate = std::to_array<std::string_view>({
#include "lexicon/extract/violation_verbs.inc"
});
constexpr auto kCommitment = std::to_array<std::string_view>({
#include "lexicon/extract/commitment_nouns.inc"
});

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  for (std::string_view x : list) {
    if (x == w) {
      return true;
    }
  }
  return false;
}

ExtractedLink make_link(const SentenceView& v, std::size_t from, std::size_t to, Relation relation,
                        const Extraction& x) {
  ExtractedLink l;
  l.from = from;
  l.to = to;
  l.relation = relation;
  l.quote = x.events[from].quote_begin == v.begin ? x.events[from].quote : x.events[to].quote;
  l.quote_begin = v.begin;
  l.quote_end = v.end;
  return l;
}

// Word index of an event's trigger in `v` (events of this sentence only).
std::optional<std::size_t> trigger_word(const SentenceView& v, const ExtractedEvent& e) {
  for (std::size_t i = 0; i < v.words.size(); ++i) {
    if (v.words[i].begin == e.trigger_begin) {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace

void find_links(const SentenceView& v, std::size_t first, Extraction& x, bool responses) {
  const auto& w = v.words;
  // "violated that agreement": the events of this sentence violate the latest earlier agreement.
  for (std::size_t i = 0; i + 2 < w.size(); ++i) {
    if (!in(kViolate, w[i].lower) ||
        !(in(kCommitment, w[i + 1].lower) || in(kCommitment, w[i + 2].lower))) {
      continue;
    }
    std::optional<std::size_t> agreement;
    for (std::size_t k = 0; k < first; ++k) {
      agreement = x.events[k].kind == EventKind::agreement ? std::optional(k) : agreement;
    }
    for (std::size_t k = first; agreement && k < x.events.size(); ++k) {
      // Not an agreement of this sentence (what is violated is the earlier one). The concept
      // says so when there is one: the kind model may call a violation an agreement by the
      // words around it (error class: the reference article's "Moscow violated that agreement
      // when it annexed Crimea" with its annexation of kind agreement, so left unlinked).
      const ExtractedEvent& e = x.events[k];
      if (e.concept_name.empty() ? e.kind != EventKind::agreement : e.concept_name != "agree") {
        x.links.push_back(make_link(v, k, *agreement, Relation::violates, x));
      }
    }
    return;
  }
  if (!responses || x.events.size() - first != 2) {
    return;
  }
  const auto a = trigger_word(v, x.events[first]);
  const auto b = trigger_word(v, x.events[first + 1]);
  if (!a || !b) {
    return;
  }
  const std::size_t ea = *a < *b ? first : first + 1;  // the event written first
  const std::size_t eb = ea == first ? first + 1 : first;
  const std::size_t lo = std::min(*a, *b);
  const std::size_t hi = std::max(*a, *b);
  for (std::size_t i = 0; i < w.size(); ++i) {
    const bool response = i + 2 < w.size() && w[i].lower == "in" && w[i + 1].lower == "response" &&
                          w[i + 2].lower == "to";
    if (!response || i > hi) {
      continue;
    }
    // The connector introduces the event written right after it; the other one answers it.
    const std::size_t cause = i < lo ? ea : eb;
    const std::size_t effect = cause == ea ? eb : ea;
    x.links.push_back(make_link(v, effect, cause, Relation::responds_to, x));
    return;
  }
}

}  // namespace kb::importers::extract::detail
