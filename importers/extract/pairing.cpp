// Pairing a sentence's dates with its triggers: the nearest first (a weak trigger counts as a
// little further away and must be next to its date), never across "anniversary of" or from a
// speech's date into what is reported after a colon; coordinated dates share a trigger.
#include <algorithm>

#include "importers/extract/internal.hpp"

namespace kb::importers::extract::detail {

namespace {

// How many words may separate a date from its trigger: weak triggers ("deal", "talks") must be
// next to it, strong ones ("annexed") may be across the clause.
constexpr std::size_t kWeakReach = 3;
constexpr std::size_t kStrongReach = 15;
constexpr std::size_t kPlainReach = 5;   // a weak trigger across only prepositions and names
constexpr std::size_t kWeakPenalty = 2;  // extra words a weak trigger counts as when ranked

// "the 1999 and 2010 summits": a date joined by "and", "or" or a comma to the next date, which
// is paired, shares that date's trigger (one more pair).
void share_coordinated(const SentenceView& view, std::vector<bool>& date_used,
                       std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  for (std::size_t d = view.dates.size(); d-- > 1;) {
    const DateRef& left = view.dates[d - 1];
    const DateRef& right = view.dates[d];
    const auto paired =
        std::find_if(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == d; });
    if (date_used[d - 1] || paired == pairs.end() || right.first <= left.last ||
        right.first - left.last > 2) {
      continue;
    }
    bool coordinated = true;
    for (std::size_t k = left.last + 1; k < right.first; ++k) {
      const std::string& w = view.words[k].lower;
      coordinated = coordinated && (w == "and" || w == "or" || w == ",");
    }
    if (coordinated) {
      const std::size_t trigger = paired->second;
      date_used[d - 1] = true;
      pairs.emplace_back(d - 1, trigger);
    }
  }
}

// "sent to NATO in 2020": only prepositions, articles and names lie between a trigger before
// its date and the date, so a weak trigger reaches as far as kPlainReach words.
bool plain_gap(const SentenceView& view, const DateRef& d, const TriggerHit& h) {
  if (h.last >= d.first) {
    return false;
  }
  for (std::size_t k = h.last + 1; k < d.first; ++k) {
    const std::string& w = view.words[k].lower;
    const bool named =
        std::any_of(view.mentions.begin(), view.mentions.end(),
                    [&](const MentionRef& m) { return k >= m.first && k <= m.last; });
    if (!named && !is_preposition(w) && w != "the" && w != "a" && w != "an") {
      return false;
    }
  }
  return true;
}

// "I said yesterday: ... the sanctions imposed on the USSR": a date next to a reporting verb
// dates the speech, not a trigger inside what is reported after the colon.
bool dates_speech_only(const SentenceView& view, const DateRef& d, const TriggerHit& h) {
  if (h.first < d.first) {
    return false;
  }
  std::size_t colon = d.last + 1;
  while (colon < h.first && view.words[colon].lower != ":") {
    ++colon;
  }
  if (colon >= h.first) {
    return false;
  }
  const std::size_t from = d.first >= 2 ? d.first - 2 : 0;
  for (std::size_t k = from; k < colon; ++k) {
    if ((k < d.first || k > d.last) && is_reporting_verb(view.words[k].lower)) {
      return true;
    }
  }
  return false;
}

// "a parade marking the 77th anniversary of Victory in 1945": a date after "anniversary" dates
// what is commemorated, not the trigger before it.
bool across_anniversary(const SentenceView& view, const DateRef& d, const TriggerHit& h) {
  const std::size_t from = std::min(h.last, d.last) + 1;
  const std::size_t to = std::max(h.first, d.first);
  for (std::size_t k = from; k < to; ++k) {
    if (view.words[k].lower == "anniversary" || view.words[k].lower == "anniversaries") {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> pair_dates(const SentenceView& view) {
  struct Cand {
    std::size_t dist, date, trig;
    bool weak;
  };
  std::vector<Cand> cands;
  for (std::size_t d = 0; d < view.dates.size(); ++d) {
    const DateRef& dr = view.dates[d];
    for (std::size_t t = 0; t < view.triggers.size(); ++t) {
      const TriggerHit& h = view.triggers[t];
      if (h.hypothetical || dates_speech_only(view, dr, h) || across_anniversary(view, dr, h)) {
        continue;
      }
      const std::size_t dist = h.last < dr.first   ? dr.first - h.last
                               : dr.last < h.first ? h.first - dr.last
                                                   : 0;
      const bool weak = (h.trigger->flags & kWeak) != 0 && !h.light;
      const std::size_t reach = !weak                    ? kStrongReach
                                : plain_gap(view, dr, h) ? kPlainReach
                                                         : kWeakReach;
      if (dist <= reach) {
        cands.push_back({dist, d, t, weak});
      }
    }
  }
  // A weak trigger counts as kWeakPenalty words further away: "arrived in Kyiv on Tuesday for
  // talks" is an arrival, not talks.
  const auto rank = [](const Cand& c) { return c.dist + (c.weak ? kWeakPenalty : 0); };
  std::sort(cands.begin(), cands.end(), [&](const Cand& a, const Cand& b) {
    return rank(a) != rank(b) ? rank(a) < rank(b) : !a.weak && b.weak;
  });
  std::vector<bool> date_used(view.dates.size()), trig_used(view.triggers.size());
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const Cand& c : cands) {
    if (!date_used[c.date] && !trig_used[c.trig]) {
      date_used[c.date] = trig_used[c.trig] = true;
      pairs.emplace_back(c.date, c.trig);
    }
  }
  share_coordinated(view, date_used, pairs);
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace kb::importers::extract::detail
