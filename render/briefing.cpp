// render_briefing(): a Briefing as CommonMark with GitHub footnotes. Pure: no store, no files.

#include "render/briefing.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "render/text.hpp"

namespace kb::render {
namespace {

constexpr std::size_t kMaxActors = 12;

// Footnote numbers by source id, in order of first citation, and their definitions.
class Footnotes {
 public:
  // The markers for `e`'s sources, e.g. "[^1][^3]".
  std::string refs(const Event& e) {
    std::string out;
    std::set<Id> seen;
    for (const auto& c : e.citations) {
      if (!seen.insert(c.source_id).second) {
        continue;
      }
      auto [it, inserted] = numbers_.try_emplace(c.source_id, numbers_.size() + 1);
      if (inserted) {
        cited_.push_back(c);
      }
      out += fmt::format("[^{}]", it->second);
    }
    return out;
  }
  const std::vector<Citation>& cited() const { return cited_; }

 private:
  std::map<Id, std::size_t> numbers_;
  std::vector<Citation> cited_;  // one citation per source, in footnote order
};

// "23 May 2023" for an ISO day or date-time; the text itself if it does not parse.
std::string published_text(const std::string& published) {
  const auto parsed = FuzzyDate::from_timex(published.substr(0, 10));
  if (!parsed || parsed->precision() != Precision::day) {
    return published;
  }
  return parsed->display();
}

std::string sentence(std::string_view text) {
  std::string s = md_escape(text);
  if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') {
    s += '.';
  }
  return s;
}

// True when `text` contains `words`, ignoring ASCII case ("July 2023" contains "july").
bool contains_words(std::string_view text, std::string_view words) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  return lower(text).find(lower(words)) != std::string::npos;
}

// "**20–21 May 2023** (“over the weekend”)": the date, and the words it was stated in.
std::string date_label(const Event& e) {
  const std::string shown = e.date.display();
  std::string out = fmt::format("**{}**", md_escape(shown));
  if (!e.date_text.empty() && e.date_text != e.date.timex() &&
      !contains_words(shown, e.date_text)) {
    out += fmt::format(" (“{}”)", md_escape(e.date_text));
  }
  return out;
}

std::string status_note(const Event& e) {
  if (const std::string claim = claim_note(e); !claim.empty() && e.status == Status::reported) {
    return fmt::format(" *({})*", md_escape(claim));
  }
  switch (e.status) {
    case Status::planned:
      return " *(expected)*";
    case Status::disputed:
      return " *(disputed)*";
    case Status::reported:
      break;
  }
  return "";
}

std::string first_quote(const Event& e) {
  for (const auto& c : e.citations) {
    if (!c.quote.empty()) {
      return c.quote;
    }
  }
  return "";
}

// One list item: date, sentence, footnotes, and the first quote as a nested block quote.
std::string event_item(const Event& e, Footnotes& notes, const std::string& extra) {
  std::string out = fmt::format("- {}{} — {}", date_label(e), status_note(e), sentence(e.title));
  if (!e.summary.empty()) {
    out += " " + sentence(e.summary);
  }
  out += extra;
  out += notes.refs(e);
  out += '\n';
  if (const std::string q = first_quote(e); !q.empty()) {
    out += fmt::format("\n  > “{}”\n", md_escape(q));
  }
  return out;
}

// How a link reads from the context event: "violated by", "led to", ...
std::string_view link_phrase(Relation relation, bool outgoing) {
  switch (relation) {
    case Relation::violates:
      return outgoing ? "violated" : "was violated by";
    case Relation::responds_to:
      return outgoing ? "responded to" : "was answered by";
    case Relation::part_of:
      return outgoing ? "was part of" : "included";
    case Relation::caused:
      return outgoing ? "led to" : "was brought about by";
    case Relation::precedes:
      return outgoing ? "preceded" : "followed";
    case Relation::same_as:
      return "is the same event as";
    case Relation::related:
      return "is related to";
  }
  return "is linked to";
}

// " It was violated by *Russia annexes Crimea* (2014)." for the links to key developments.
std::string context_links(const Event& e, const std::set<Id>& key_ids) {
  std::string out;
  for (const auto& l : e.links) {
    if (key_ids.count(l.other_id) == 0) {
      continue;
    }
    out += fmt::format(" It {} *{}* ({}).", link_phrase(l.relation, l.outgoing),
                       md_escape(l.other_title), md_escape(l.other_date.display()));
  }
  return out;
}

std::string period_line(const Briefing& b) {
  std::vector<std::string> parts;
  std::optional<FuzzyDate> first = b.from;
  std::optional<FuzzyDate> last = b.to;
  if (!b.key.empty()) {
    if (!first) {
      first = b.key.front().date;
    }
    if (!last) {
      last = std::max_element(b.key.begin(), b.key.end(), [](const Event& x, const Event& y) {
               return x.date.last() < y.date.last();
             })->date;
    }
  }
  if (first && last) {
    parts.push_back(first->display() == last->display()
                        ? fmt::format("Period: {}", first->display())
                        : fmt::format("Period: {} – {}", first->display(), last->display()));
  }
  if (b.as_of) {
    parts.push_back(
        fmt::format("as known on {}", FuzzyDate::day(date::year_month_day{*b.as_of}).display()));
  }
  if (b.key_total > b.key.size()) {
    parts.push_back(
        fmt::format("the {} most significant of {} key developments", b.key.size(), b.key_total));
  } else {
    parts.push_back(
        fmt::format("{} key development{}", b.key.size(), b.key.size() == 1 ? "" : "s"));
  }
  return fmt::format("*{}*", md_escape(fmt::format("{}", fmt::join(parts, " · "))));
}

struct ActorRow {
  std::string name;
  EntityKind kind = EntityKind::organisation;
  std::map<Role, std::int64_t> roles;
  std::set<Id> events;
};

std::string actors_table(const Briefing& b) {
  std::map<Id, ActorRow> rows;
  for (const auto* list : {&b.key, &b.ahead}) {
    for (const auto& e : *list) {
      for (const auto& p : e.participants) {
        ActorRow& r = rows[p.entity_id];
        r.name = p.name;
        r.kind = p.kind;
        ++r.roles[p.role];
        r.events.insert(e.id);
      }
    }
  }
  std::vector<ActorRow> sorted;
  sorted.reserve(rows.size());
  for (auto& [_, r] : rows) {
    sorted.push_back(std::move(r));
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const ActorRow& x, const ActorRow& y) {
    return x.events.size() != y.events.size() ? x.events.size() > y.events.size() : x.name < y.name;
  });
  if (sorted.size() > kMaxActors) {
    sorted.resize(kMaxActors);
  }
  std::string out = "| Actor | Kind | Roles | Events |\n| --- | --- | --- | ---: |\n";
  for (const auto& r : sorted) {
    std::vector<std::string> roles;
    for (const auto& [role, n] : r.roles) {
      roles.push_back(fmt::format("{} {}", to_string(role), n));
    }
    out += fmt::format("| {} | {} | {} | {} |\n", md_escape(r.name), to_string(r.kind),
                       fmt::join(roles, ", "), r.events.size());
  }
  return out;
}

std::string footnote(std::size_t n, const Citation& c) {
  std::string out = fmt::format("[^{}]: ", n);
  out +=
      c.source_title.empty() ? "Untitled source" : fmt::format("*{}*", md_escape(c.source_title));
  if (c.publisher) {
    out += fmt::format(", {}", md_escape(*c.publisher));
  }
  if (c.original_publisher) {
    out += fmt::format(" (originally published by {})", md_escape(*c.original_publisher));
  }
  if (c.published) {
    out += fmt::format(", {}", md_escape(published_text(*c.published)));
  }
  out += '.';
  if (c.url) {
    const bool autolink = c.url->find_first_of(" <>\t\r\n") == std::string::npos &&
                          c.url->find(':') != std::string::npos;
    out += autolink ? fmt::format(" <{}>", *c.url) : fmt::format(" {}", md_escape(*c.url));
  }
  return out + "\n";
}

}  // namespace

std::string render_briefing(const Briefing& b) {
  Footnotes notes;
  std::string out =
      fmt::format("# {}\n\n{}\n\n## Key developments\n\n", md_escape(b.title), period_line(b));
  if (b.key.empty()) {
    out += "No events about this topic in this period.\n";
  }
  for (const auto& e : b.key) {
    out += event_item(e, notes, "");
  }
  if (!b.left_out.empty()) {
    // What the triage left out, largest kind first (ties by name).
    std::vector<std::pair<std::size_t, std::string_view>> kinds;
    for (const auto& [kind, n] : b.left_out) {
      kinds.emplace_back(n, to_string(kind));
    }
    std::sort(kinds.begin(), kinds.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    std::vector<std::string> counted;
    counted.reserve(kinds.size());
    for (const auto& [n, kind] : kinds) {
      counted.push_back(fmt::format("{} {}", n, kind));
    }
    out += fmt::format("\n*Also in this period, not shown: {} (`--top 0` lists them all).*\n",
                       md_escape(fmt::format("{}", fmt::join(counted, ", "))));
  }
  std::set<Id> key_ids;
  for (const auto& e : b.key) {
    key_ids.insert(e.id);
  }
  if (!b.context.empty()) {
    out += "\n## Context\n\n";
    for (const auto& e : b.context) {
      out += event_item(e, notes, context_links(e, key_ids));
    }
  }
  if (!b.ahead.empty()) {
    out += "\n## Ahead\n\n";
    for (const auto& e : b.ahead) {
      out += event_item(e, notes, "");
    }
  }
  if (!b.key.empty() || !b.ahead.empty()) {
    out += "\n## Actors\n\n" + actors_table(b);
  }
  if (!b.timeline_href.empty() && !(b.key.empty() && b.context.empty() && b.ahead.empty())) {
    out += fmt::format("\n## Timeline\n\n![Timeline of the events in this briefing](<{}>)\n",
                       b.timeline_href);
  }
  out += "\n## Sources\n\n";
  if (notes.cited().empty()) {
    out += "No sources cited.\n";
  }
  for (std::size_t i = 0; i < notes.cited().size(); ++i) {
    out += footnote(i + 1, notes.cited()[i]);
  }
  return out;
}

}  // namespace kb::render
