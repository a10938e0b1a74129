// Who "I" and "we" are in a transcript or a speech: the person of the last turn label ("Vladimir
// Putin: ...") before the sentence, else the person the title names as the speaker ("Speech by
// ... Andriy Yermak"); "we" is that person's country.
#include <algorithm>
#include <array>

#include "importers/analysis/features.hpp"
#include "importers/extract/internal.hpp"

namespace kb::importers::extract::detail {

namespace {

constexpr auto kSpeechTitles = std::to_array<std::string_view>({
#include "lexicon/extract/speech_titles.inc"
});
constexpr auto kSingular = std::to_array<std::string_view>({
#include "lexicon/extract/first_person_singular.inc"
});
constexpr auto kPlural = std::to_array<std::string_view>({
#include "lexicon/extract/first_person_plural.inc"
});
constexpr auto kRegnalNames = std::to_array<std::string_view>({
#include "lexicon/extract/regnal_names.inc"
});

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// The person of the last turn label ("Name:" at a mention's end) before `offset`.
const NamedEntity* turn_speaker(const DocContext& doc, std::size_t offset) {
  const auto& mentions = doc.recognition->mentions;
  for (std::size_t i = mentions.size(); i-- > 0;) {
    const Mention& m = mentions[i];
    const NamedEntity& e = doc.recognition->entities[m.entity].entity;
    if (m.end > offset || e.kind != EntityKind::person) {
      continue;
    }
    std::size_t k = m.end;
    while (k < doc.text.size() && doc.text[k] == ' ') {
      ++k;
    }
    if (k < doc.text.size() && doc.text[k] == ':') {
      return &e;
    }
  }
  return nullptr;
}

}  // namespace

const NamedEntity* title_speaker(const Recognition& title, std::string_view text) {
  // "Speech by ... Andriy Yermak", or after the quote it leads with: "We are fighting for our
  // future ... - speech by President of Ukraine Volodymyr Zelenskyy" (error class: a speech
  // whose "I" and "we" were nobody because its title does not begin with the marker).
  const std::string lower = analysis::lower_ascii(text);
  std::size_t at = std::string::npos;
  for (const std::string_view p : kSpeechTitles) {
    const std::size_t k = lower.find(p);
    if (k != std::string::npos && (k == 0 || lower[k - 1] == ' ') && k < at) {
      at = k;
    }
  }
  if (at == std::string::npos) {
    return nullptr;
  }
  for (const Mention& m : title.mentions) {
    if (m.begin >= at && title.entities[m.entity].entity.kind == EntityKind::person) {
      return &title.entities[m.entity].entity;
    }
  }
  return nullptr;
}

const NamedEntity* first_person(const SentenceView& v, std::size_t from, std::size_t trigger,
                                const DocContext& doc) {
  for (std::size_t k = std::max(from, trigger > 4 ? trigger - 4 : 0); k < trigger; ++k) {
    const std::string& w = v.words[k].lower;
    const bool plural = in(kPlural, w);
    if (v.words[k].quoted || (!plural && !in(kSingular, w))) {
      continue;
    }
    if (w == "i" && k > 0 && in(kRegnalNames, v.words[k - 1].lower)) {
      continue;  // "Peter I": a regnal numeral (kRegnalNames)
    }
    // The last turn label before the clause: one the splitter left at the head of this
    // sentence too ("President of Russia Vladimir Putin: This morning, I spoke ...").
    const NamedEntity* s = turn_speaker(doc, from < v.words.size() ? v.words[from].begin : v.begin);
    s = s != nullptr ? s : doc.title_speaker;
    if (s == nullptr || !plural) {
      return s;
    }
    const auto it = doc.countries->find(s->country);
    return it == doc.countries->end() ? nullptr : &doc.gazetteer->entities()[it->second];
  }
  return nullptr;
}

}  // namespace kb::importers::extract::detail
