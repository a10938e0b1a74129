// kb entity add|alias|merge|list|show: the people, countries, organisations, places and groups
// that events involve, and their other names.

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "services/curation.hpp"

namespace kb::cli {
namespace {

struct EntityOptions {
  std::string name;
  std::string kind = "organisation";
  std::vector<std::string> aliases;
  std::string description;
  std::optional<std::string> wikidata;
  std::optional<std::string> in;
  std::string other;
  std::string format = "text";
  double latitude = 0, longitude = 0;
};

Result<void> run_add(const EntityOptions& o, Context& ctx) {
  KB_ASSIGN(EntityKind kind, parse_entity_kind(o.kind));
  KB_TRY(services::check_wikidata(o.wikidata));  // before the store is opened (or created)
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  services::NewEntity wanted;
  wanted.entity.name = o.name;
  wanted.entity.kind = kind;
  wanted.entity.aliases = o.aliases;
  wanted.entity.description = o.description;
  wanted.entity.wikidata = o.wikidata;
  wanted.in = o.in;
  KB_ASSIGN(const Entity e, services::add_entity(store, wanted, op_user(ctx)));
  ctx.out << fmt::format("#{}  {} ({})\n", e.id, e.name, to_string(e.kind));
  return ok();
}

Result<void> run_alias(const EntityOptions& o, Context& ctx) {
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  KB_ASSIGN(const Entity updated, services::add_aliases(store, o.name, o.aliases, op_user(ctx)));
  ctx.out << fmt::format("#{}  {}: {}\n", updated.id, updated.name,
                         fmt::join(updated.aliases, ", "));
  return ok();
}

// Sets a place's point by hand (a place the gazetteer knows has none until a source gives one).
Result<void> run_point(const EntityOptions& o, Context& ctx) {
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  KB_ASSIGN(const Entity e,
            services::set_point(store, o.name, o.latitude, o.longitude, op_user(ctx)));
  ctx.out << fmt::format("#{}  {}: {}, {}\n", e.id, e.name, o.latitude, o.longitude);
  return ok();
}

Result<void> run_merge(const EntityOptions& o, Context& ctx) {
  KB_ASSIGN(const auto owned, open_store(ctx, true));
  Repository& store = *owned;
  KB_ASSIGN(const services::Merged m,
            services::merge_entities(store, o.name, o.other, op_user(ctx)));
  ctx.out << fmt::format("merged #{} {} into #{} {}\n", m.dropped.id, m.dropped.name, m.kept.id,
                         m.kept.name);
  return ok();
}

nlohmann::ordered_json entity_json(const Entity& e, std::int64_t events) {
  return {{"id", e.id},
          {"name", e.name},
          {"kind", std::string(to_string(e.kind))},
          {"description", e.description},
          {"wikidata", e.wikidata ? nlohmann::ordered_json(*e.wikidata) : nullptr},
          {"country_id", e.country_id ? nlohmann::ordered_json(*e.country_id) : nullptr},
          {"aliases", e.aliases},
          {"latitude", e.latitude ? nlohmann::ordered_json(*e.latitude) : nullptr},
          {"longitude", e.longitude ? nlohmann::ordered_json(*e.longitude) : nullptr},
          {"events", events}};
}

Result<void> run_list(const EntityOptions& o, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(o.format));
  std::optional<EntityKind> kind;
  if (!o.kind.empty()) {
    KB_ASSIGN(kind, parse_entity_kind(o.kind));
  }
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(auto list, store.entities(kind));
  auto json = nlohmann::ordered_json::array();
  for (const auto& e : list) {
    KB_ASSIGN(std::int64_t events, store.event_count(e.id));
    if (format == Format::json) {
      json.push_back(entity_json(e, events));
    } else {
      ctx.out << fmt::format(
          "#{:<5} {:<13} {}{}  ({})\n", e.id, to_string(e.kind), e.name,
          e.aliases.empty() ? "" : fmt::format(" [{}]", fmt::join(e.aliases, ", ")),
          count_of(events, "event"));
    }
  }
  if (format == Format::json) {
    ctx.out << json.dump(2) << '\n';
  }
  return ok();
}

Result<void> run_show(const EntityOptions& o, Context& ctx) {
  KB_ASSIGN(Format format, parse_format(o.format));
  KB_ASSIGN(const auto owned, open_store(ctx, false));
  Repository& store = *owned;
  KB_ASSIGN(Entity e, services::entity_by_ref(store, o.name));
  KB_ASSIGN(std::int64_t events, store.event_count(e.id));
  if (format == Format::json) {
    ctx.out << entity_json(e, events).dump(2) << '\n';
    return ok();
  }
  ctx.out << fmt::format("#{}  {} ({})\n", e.id, e.name, to_string(e.kind));
  if (!e.description.empty()) {
    ctx.out << "  " << e.description << '\n';
  }
  if (!e.aliases.empty()) {
    ctx.out << fmt::format("  also: {}\n", fmt::join(e.aliases, ", "));
  }
  if (e.wikidata) {
    ctx.out << fmt::format("  wikidata: {}\n", *e.wikidata);
  }
  if (e.country_id) {
    KB_ASSIGN(Entity country, store.entity(*e.country_id));
    ctx.out << fmt::format("  in: {}\n", country.name);
  }
  if (e.latitude && e.longitude) {
    ctx.out << fmt::format("  point: {}, {}\n", *e.latitude, *e.longitude);
  }
  ctx.out << fmt::format("  events: {}\n", events);
  return ok();
}

}  // namespace

void add_entity_command(CLI::App& app, Context& ctx) {
  auto* entity = app.add_subcommand("entity", "People, countries, organisations, places, groups");
  entity->require_subcommand(1);
  // Its own examples, not the top-level ones it would inherit (issue #12).
  entity->footer(
      "Example: kb entity add Bakhmut --kind place --alias Artemivsk --in Ukraine\n"
      "         kb entity show Kyiv\n"
      "         kb entity list --kind country\n"
      "Each subcommand's --help has its own example.");

  auto o = std::make_shared<EntityOptions>();
  auto* add = entity->add_subcommand("add", "Add an entity");
  add->add_option("name", o->name, "Canonical name")->required();
  add->add_option("--kind,-k", o->kind, "person, country, organisation, place or group");
  add->add_option("--alias", o->aliases, "Another name (repeatable)");
  add->add_option("--description", o->description, "A short description");
  add->add_option("--wikidata", o->wikidata, "Wikidata id, e.g. Q212");
  add->add_option("--in", o->in, "For places: the country it lies in");
  add->footer("Example: kb entity add Bakhmut --kind place --alias Artemivsk --in Ukraine");
  on_run(add, ctx, [o, &ctx] { return run_add(*o, ctx); });

  o = std::make_shared<EntityOptions>();
  auto* alias = entity->add_subcommand("alias", "Give an entity other names");
  alias->add_option("entity", o->name, "Name, alias or id")->required();
  alias->add_option("aliases", o->aliases, "Other names")->required();
  alias->footer("Example: kb entity alias Kyiv Kiev");
  on_run(alias, ctx, [o, &ctx] { return run_alias(*o, ctx); });

  o = std::make_shared<EntityOptions>();
  auto* point = entity->add_subcommand("point", "Set a place's coordinates (WGS 84 degrees)");
  point->add_option("place", o->name, "Place: name, alias or id")->required();
  point->add_option("latitude", o->latitude, "Degrees north (-90 to 90)")->required();
  point->add_option("longitude", o->longitude, "Degrees east (-180 to 180)")->required();
  point->footer(
      "Example: kb entity point Bakhmut 48.5956 38.0003   (then kb export --format "
      "geojson)");
  on_run(point, ctx, [o, &ctx] { return run_point(*o, ctx); });

  o = std::make_shared<EntityOptions>();
  auto* merge = entity->add_subcommand("merge", "Merge the second entity into the first");
  merge->add_option("keep", o->name, "Entity kept")->required();
  merge->add_option("drop", o->other, "Entity merged into it and removed")->required();
  merge->footer("Example: kb entity merge \"Volodymyr Zelensky\" Zelenskyy");
  on_run(merge, ctx, [o, &ctx] { return run_merge(*o, ctx); });

  o = std::make_shared<EntityOptions>();
  auto* list = entity->add_subcommand("list", "List entities");
  o->kind.clear();
  list->add_option("--kind,-k", o->kind, "Only this kind");
  list->add_option("--format,-f", o->format, "text or json");
  list->footer("Example: kb entity list --kind country");
  on_run(list, ctx, [o, &ctx] { return run_list(*o, ctx); });

  o = std::make_shared<EntityOptions>();
  auto* show = entity->add_subcommand("show", "Show an entity");
  show->add_option("entity", o->name, "Name, alias or id")->required();
  show->add_option("--format,-f", o->format, "text or json");
  show->footer("Example: kb entity show Kyiv");
  on_run(show, ctx, [o, &ctx] { return run_show(*o, ctx); });
}

}  // namespace kb::cli
