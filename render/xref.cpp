// Text, Markdown and JSON renderings of kb xref's results.

#include "render/xref.hpp"

#include <cmath>

#include <fmt/format.h>

#include "render/briefing.hpp"
#include "render/timeline.hpp"

namespace kb::render {
namespace {

using Json = nlohmann::ordered_json;

// Writes the same outline as indented text or as Markdown.
class Outline {
 public:
  explicit Outline(bool md) : md_(md) {}
  void title(std::string_view s) {
    out_ += md_ ? fmt::format("# {}\n", esc(s)) : fmt::format("{}\n", s);
  }
  void line(std::string_view s) {
    out_ += md_ ? fmt::format("\n{}\n", esc(s)) : fmt::format("  {}\n", s);
  }
  void section(std::string_view s) {
    out_ += md_ ? fmt::format("\n## {}\n\n", esc(s)) : fmt::format("  {}:\n", s);
  }
  void item(std::string_view s) {
    out_ += md_ ? fmt::format("- {}\n", esc(s)) : fmt::format("    {}\n", s);
  }
  void sub(std::string_view s) {
    out_ += md_ ? fmt::format("  {}\n", esc(s)) : fmt::format("        {}\n", s);
  }
  std::string str() const { return out_; }

 private:
  std::string esc(std::string_view s) const { return md_escape(s); }
  bool md_;
  std::string out_;
};

std::string source_line(const std::optional<std::string>& title_opt, std::string_view title,
                        const std::optional<std::string>& publisher,
                        const std::optional<std::string>& original,
                        const std::optional<std::string>& published) {
  std::string out = title.empty() ? title_opt.value_or("(untitled)") : std::string(title);
  if (publisher) {
    out += " — " + *publisher;
  }
  if (original) {
    out += fmt::format(" (originally {})", *original);
  }
  if (published) {
    out += ", " + published->substr(0, 10);
  }
  return out;
}

std::string roles_text(const std::vector<Role>& roles) {
  std::string out;
  for (Role r : roles) {
    out += out.empty() ? "" : "+";
    out += to_string(r);
  }
  return out;
}

Json entity_json(const Entity& n) {
  return Json{{"id", n.id},
              {"name", n.name},
              {"kind", std::string(to_string(n.kind))},
              {"aliases", n.aliases},
              {"wikidata", n.wikidata ? Json(*n.wikidata) : Json(nullptr)}};
}

std::string entity_json_text(const EntityXref& x) {
  Json j;
  j["entity"] = entity_json(x.entity);
  j["events"] = Json::array();
  for (const auto& ee : x.events) {
    Json roles = Json::array();
    for (Role r : ee.roles) {
      roles.push_back(std::string(to_string(r)));
    }
    j["events"].push_back(Json{{"roles", roles}, {"event", event_json(ee.event)}});
  }
  j["companions"] = Json::array();
  for (const auto& c : x.companions) {
    j["companions"].push_back(Json{{"id", c.id},
                                   {"name", c.name},
                                   {"kind", std::string(to_string(c.kind))},
                                   {"events", c.events},
                                   {"first", c.first.display()},
                                   {"last", c.last.display()}});
  }
  j["sources"] = Json::array();
  for (const auto& s : x.sources) {
    j["sources"].push_back(Json{{"id", s.id},
                                {"url", s.url ? Json(*s.url) : Json(nullptr)},
                                {"title", s.title},
                                {"publisher", s.publisher ? Json(*s.publisher) : Json(nullptr)},
                                {"published", s.published ? Json(*s.published) : Json(nullptr)},
                                {"events", s.events}});
  }
  return j.dump(2) + "\n";
}

std::string link_text(const LinkRef& l) {
  const std::string_view rel = l.outgoing ? to_string(l.relation) : inverse_relation(l.relation);
  return fmt::format("{} #{} {} ({})", rel, l.other_id, l.other_title, l.other_date.display());
}

}  // namespace

std::string render_entity_xref(const EntityXref& x, Format format) {
  if (format == Format::json) {
    return entity_json_text(x);
  }
  Outline o(format == Format::md);
  o.title(fmt::format("{} ({}, #{})", x.entity.name, to_string(x.entity.kind), x.entity.id));
  if (!x.entity.aliases.empty()) {
    o.line(fmt::format("also known as: {}", fmt::join(x.entity.aliases, ", ")));
  }
  o.section(fmt::format("events ({})", x.events.size()));
  for (const auto& ee : x.events) {
    o.item(fmt::format("{} — {} [{}] #{}", ee.event.date.display(), ee.event.title,
                       roles_text(ee.roles), ee.event.id));
  }
  if (!x.companions.empty()) {
    o.section("appears most with");
    for (const auto& c : x.companions) {
      const std::string span = c.first == c.last
                                   ? c.first.display()
                                   : fmt::format("{} – {}", c.first.display(), c.last.display());
      o.item(fmt::format("{} ({}, #{}): {} event{}, {}", c.name, to_string(c.kind), c.id, c.events,
                         c.events == 1 ? "" : "s", span));
    }
  }
  if (!x.sources.empty()) {
    o.section(fmt::format("sources ({})", x.sources.size()));
    for (const auto& s : x.sources) {
      o.item(
          fmt::format("[{}] {}: {} event{}", s.id,
                      source_line(s.url, s.title, s.publisher, s.original_publisher, s.published),
                      s.events, s.events == 1 ? "" : "s"));
      if (s.url && !s.title.empty()) {
        o.sub(*s.url);
      }
    }
  }
  return o.str();
}

std::string render_event_xref(const EventXref& x, Format format, int window_days) {
  const Event& e = x.event;
  if (format == Format::json) {
    Json j = event_json(e);
    j["related"] = Json::array();
    for (const auto& r : x.related) {
      j["related"].push_back(
          Json{{"id", r.id}, {"title", r.title}, {"date", r.date.display()}, {"shared", r.shared}});
    }
    j["duplicates"] = Json::array();
    for (const auto& d : x.duplicates) {
      j["duplicates"].push_back(Json{{"id", d.id},
                                     {"title", d.title},
                                     {"date", d.date.display()},
                                     {"score", std::round(d.score * 100) / 100},
                                     {"accept", fmt::format("kb link {} same-as {}", e.id, d.id)}});
    }
    return j.dump(2) + "\n";
  }
  Outline o(format == Format::md);
  o.title(fmt::format("#{} {} ({})", e.id, e.title, e.date.display()));
  o.section(fmt::format("links ({})", e.links.size()));
  for (const auto& l : e.links) {
    o.item(link_text(l));
  }
  if (!x.related.empty()) {
    o.section(fmt::format("events sharing actors or places within {} days", window_days));
    for (const auto& r : x.related) {
      o.item(fmt::format("#{} {} — {} (shares {})", r.id, r.date.display(), r.title, r.shared));
    }
  }
  if (!x.duplicates.empty()) {
    o.section("possible duplicates");
    for (const auto& d : x.duplicates) {
      o.item(fmt::format("#{} {} — {} (score {:.2f}); accept: kb link {} same-as {}", d.id,
                         d.date.display(), d.title, d.score, e.id, d.id));
    }
  }
  o.section(fmt::format("citations ({})", e.citations.size()));
  for (const auto& c : e.citations) {
    o.item(fmt::format(
        "[{}] {}", c.source_id,
        source_line(c.url, c.source_title, c.publisher, c.original_publisher, c.published)));
    if (c.url && !c.source_title.empty()) {
      o.sub(*c.url);
    }
    if (!c.quote.empty()) {
      o.sub(fmt::format("“{}”", c.quote));
    }
  }
  return o.str();
}

}  // namespace kb::render
