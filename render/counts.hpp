// Counts over time (services/counts.hpp) as a text table, CSV, JSON, or an SVG bar chart.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "services/counts.hpp"

namespace kb::render {

// An aligned table: one row per period (period, total, then one column per group), and a last
// line saying how many events were counted and how many span more than one period.
std::string counts_text(const services::CountTable& t);

// RFC 4180 CSV with a header: period,first,last,total,<one column per group>.
std::string counts_csv(const services::CountTable& t);

// {"by", "per", "events", "wider", "groups", "periods": [{"period", "first", "last", "total",
// "groups": {group: n}}]} (docs/filters.md).
nlohmann::ordered_json counts_json(const services::CountTable& t);

// A bar chart as plain SVG: one bar per period (stacked by group, with a legend, when split), a
// y axis with ticks, period labels thinned so that none overlap. Deterministic; labels escaped.
std::string counts_svg(const services::CountTable& t, std::string_view title);

}  // namespace kb::render
