// Event renderers: text, Markdown, JSON (the CSV layout is render/exchange.hpp's).

#include "render/timeline.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "render/text.hpp"

namespace kb::render {
nlohmann::ordered_json day_json(date::sys_days d) {
  if (d <= FuzzyDate::kOpenStart || d >= FuzzyDate::kOpenEnd) {
    return nullptr;
  }
  return iso_day(d);
}

nlohmann::ordered_json event_json(const Event& e) {
  nlohmann::ordered_json j;
  j["id"] = e.id;
  j["uuid"] = e.uuid;
  j["title"] = e.title;
  j["summary"] = e.summary;
  j["kind"] = to_string(e.kind);
  j["status"] = std::string(to_string(e.status));
  j["confidence"] = e.confidence;
  j["origin"] = std::string(to_string(e.origin));
  j["date"] = {{"value", e.date.timex()},
               {"mod", std::string(e.date.timex_mod())},
               {"first", day_json(e.date.first())},
               {"last", day_json(e.date.last())},
               {"precision", std::string(to_string(e.date.precision()))},
               {"text", e.date_text},
               {"display", e.date.display()}};
  auto entities = nlohmann::ordered_json::array();
  for (const auto& p : e.participants) {
    entities.push_back({{"id", p.entity_id},
                        {"name", p.name},
                        {"kind", std::string(to_string(p.kind))},
                        {"role", std::string(to_string(p.role))}});
  }
  j["entities"] = std::move(entities);
  auto citations = nlohmann::ordered_json::array();
  for (const auto& c : e.citations) {
    citations.push_back({{"source_id", c.source_id},
                         {"url", optional_json(c.url)},
                         {"title", c.source_title},
                         {"publisher", optional_json(c.publisher)},
                         {"original_publisher", optional_json(c.original_publisher)},
                         {"published", optional_json(c.published)},
                         {"quote", c.quote}});
  }
  j["citations"] = std::move(citations);
  auto links = nlohmann::ordered_json::array();
  for (const auto& l : e.links) {
    links.push_back({{"relation", to_string(l.relation)},
                     {"direction", l.outgoing ? "outgoing" : "incoming"},
                     {"id", l.other_id},
                     {"title", l.other_title}});
  }
  j["links"] = std::move(links);
  j["tags"] = e.tags;
  j["merged_into"] = e.merged_into ? nlohmann::ordered_json(*e.merged_into) : nullptr;
  j["recorded_at"] = e.recorded_at;
  j["updated_at"] = e.updated_at;
  j["curated"] = e.curated;
  j["fatalities"] = optional_json(e.fatalities);
  return j;
}

std::string timeline_text(const std::vector<Event>& events, bool color) {
  std::size_t date_width = 0;
  std::size_t id_width = 0;
  for (const auto& e : events) {
    date_width = std::max(date_width, display_width(e.date.display()));
    id_width = std::max(id_width, fmt::formatted_size("#{}", e.id));
  }
  std::string out;
  for (const auto& e : events) {
    std::string line = paint(color, "2", pad(fmt::format("#{}", e.id), id_width));
    line += "  ";
    line += paint(color, "1", pad(e.date.display(), date_width));
    line += "  ";
    line += e.title;
    if (e.status != Status::reported) {
      line += paint(color, "33", fmt::format(" ({})", to_string(e.status)));
    }
    if (const std::string claim = claim_note(e); !claim.empty()) {
      line += paint(color, "33", fmt::format(" ({})", claim));
    }
    if (e.kind != EventKind::other) {
      line += paint(color, "2", fmt::format("  [{}]", to_string(e.kind)));
    }
    out += line;
    out += '\n';
  }
  return out;
}

std::string timeline_markdown(const std::vector<Event>& events) {
  std::string out;
  for (const auto& e : events) {
    out += fmt::format("- **{}** — {}", e.date.display(), e.title);
    if (e.status != Status::reported) {
      out += fmt::format(" *({})*", to_string(e.status));
    }
    if (const std::string claim = claim_note(e); !claim.empty()) {
      out += fmt::format(" *({})*", claim);
    }
    for (const auto& c : e.citations) {
      if (c.url) {
        out += fmt::format(" ([source]({}))", *c.url);
        break;
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace kb::render
