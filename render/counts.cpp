// Counts over time: table, CSV, JSON and SVG.

#include "render/counts.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "render/escape.hpp"

namespace kb::render {
namespace {

std::string footer(const services::CountTable& t) {
  std::string out = fmt::format("{} event{} counted", t.events, t.events == 1 ? "" : "s");
  if (t.wider != 0) {
    out += fmt::format("; {} more span{} more than one {} and {} not counted", t.wider,
                       t.wider == 1 ? "s" : "", services::to_string(t.period),
                       t.wider == 1 ? "is" : "are");
  }
  if (t.split == services::Split::actor || t.split == services::Split::place) {
    out += fmt::format("; an event with several {}s counts once for each",
                       services::to_string(t.split));
  }
  return out + "\n";
}

// Colours of the stacked groups (a colour-blind-safe palette), then grey for "(rest)".
constexpr std::array<std::string_view, 8> kColours = {"#4477aa", "#ee6677", "#228833", "#ccbb44",
                                                      "#66ccee", "#aa3377", "#bbbbbb", "#777777"};

}  // namespace

std::string counts_text(const services::CountTable& t) {
  std::size_t label_w = 6;
  for (const auto& p : t.periods) {
    label_w = std::max(label_w, p.label.size());
  }
  std::vector<std::size_t> widths;
  for (const auto& g : t.groups) {
    widths.push_back(std::max<std::size_t>(g.size(), 5));
  }
  std::string out = fmt::format("{:<{}}  {:>6}", "period", label_w, "total");
  for (std::size_t i = 0; i < t.groups.size(); ++i) {
    out += fmt::format("  {:>{}}", t.groups[i], widths[i]);
  }
  out += '\n';
  for (const auto& p : t.periods) {
    out += fmt::format("{:<{}}  {:>6}", p.label, label_w, p.total);
    for (std::size_t i = 0; i < p.by_group.size(); ++i) {
      out += fmt::format("  {:>{}}", p.by_group[i], widths[i]);
    }
    out += '\n';
  }
  return out + footer(t);
}

std::string counts_csv(const services::CountTable& t) {
  std::string out = "period,first,last,total";
  for (const auto& g : t.groups) {
    out += ',' + csv_field(g);
  }
  out += "\r\n";
  for (const auto& p : t.periods) {
    out += fmt::format("{},{},{},{}", csv_field(p.label), date::format("%F", p.first),
                       date::format("%F", p.last), p.total);
    for (const std::size_t n : p.by_group) {
      out += fmt::format(",{}", n);
    }
    out += "\r\n";
  }
  return out;
}

nlohmann::ordered_json counts_json(const services::CountTable& t) {
  nlohmann::ordered_json j;
  j["by"] = services::to_string(t.period);
  j["per"] = t.split == services::Split::none
                 ? nlohmann::ordered_json(nullptr)
                 : nlohmann::ordered_json(services::to_string(t.split));
  j["events"] = t.events;
  j["wider"] = t.wider;
  j["groups"] = t.groups;
  auto periods = nlohmann::ordered_json::array();
  for (const auto& p : t.periods) {
    nlohmann::ordered_json row;
    row["period"] = p.label;
    row["first"] = date::format("%F", p.first);
    row["last"] = date::format("%F", p.last);
    row["total"] = p.total;
    if (t.split != services::Split::none) {
      nlohmann::ordered_json groups = nlohmann::ordered_json::object();
      for (std::size_t i = 0; i < t.groups.size(); ++i) {
        groups[t.groups[i]] = p.by_group[i];
      }
      row["groups"] = std::move(groups);
    }
    periods.push_back(std::move(row));
  }
  j["periods"] = std::move(periods);
  return j;
}

std::string counts_svg(const services::CountTable& t, std::string_view title) {
  const std::size_t n = std::max<std::size_t>(t.periods.size(), 1);
  // Bars 2 to 40 pixels wide, the plot about 900 wide at most.
  const double bar = std::clamp(900.0 / static_cast<double>(n), 2.0, 40.0);
  const double left = 56, top = 48, plot_h = 260;
  const double plot_w = bar * static_cast<double>(n);
  const std::size_t legend_rows = (t.groups.size() + 3) / 4;  // four entries a row
  const double legend_h = t.groups.empty() ? 0 : 22.0 * static_cast<double>(legend_rows);
  const double legend_w = 180.0 * static_cast<double>(std::min<std::size_t>(t.groups.size(), 4));
  const double width = std::max({left + plot_w + 24, left + legend_w + 24, 420.0});
  const double height = top + plot_h + 56 + legend_h;
  std::size_t max_total = 1;
  std::size_t longest = 4;
  for (const auto& p : t.periods) {
    max_total = std::max(max_total, p.total);
    longest = std::max(longest, p.label.size());
  }
  // A label every `every` periods: labels are about 7 pixels a character plus a gap.
  const auto every = static_cast<std::size_t>(
      std::max(1.0, std::ceil((7.0 * static_cast<double>(longest) + 8) / bar)));
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" "
      "viewBox=\"0 0 {:.0f} {:.0f}\" font-family=\"sans-serif\" font-size=\"12\">\n",
      width, height, width, height);
  out += fmt::format("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
  out +=
      fmt::format("<text x=\"{:.0f}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{}</text>\n",
                  left, xml_escape(title));
  const double base = top + plot_h;
  // The y axis: 0, half and the maximum, with grid lines.
  for (const std::size_t v : {std::size_t{0}, (max_total + 1) / 2, max_total}) {
    const double y = base - plot_h * static_cast<double>(v) / static_cast<double>(max_total);
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#dddddd\"/>\n"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
        left, y, left + plot_w, y, left - 6, y + 4, v);
  }
  out += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"black\"/>\n", left,
      base, left + plot_w, base);
  for (std::size_t i = 0; i < t.periods.size(); ++i) {
    const auto& p = t.periods[i];
    const double x = left + bar * static_cast<double>(i);
    const double w = std::max(1.0, bar - (bar >= 6 ? 2 : 0));
    if (t.groups.empty()) {
      const double h = plot_h * static_cast<double>(p.total) / static_cast<double>(max_total);
      if (p.total != 0) {
        out += fmt::format(
            "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
            "<title>{}: {}</title></rect>\n",
            x, base - h, w, h, kColours[0], xml_escape(p.label), p.total);
      }
    } else {
      double y = base;
      for (std::size_t g = 0; g < p.by_group.size(); ++g) {
        if (p.by_group[g] == 0) {
          continue;
        }
        const double h =
            plot_h * static_cast<double>(p.by_group[g]) / static_cast<double>(max_total);
        y -= h;
        out += fmt::format(
            "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
            "<title>{} {}: {}</title></rect>\n",
            x, y, w, h, kColours[std::min(g, kColours.size() - 1)], xml_escape(p.label),
            xml_escape(t.groups[g]), p.by_group[g]);
      }
    }
    if (i % every == 0) {
      out += fmt::format(
          "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"black\"/>\n"
          "<text class=\"period\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
          x, base, x, base + 5, x, base + 18, xml_escape(p.label));
    }
  }
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    const double x = left + 180.0 * static_cast<double>(g % 4);
    const std::size_t row = g / 4;
    const double y = base + 40 + 22.0 * static_cast<double>(row);
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
        x, y - 10, kColours[std::min(g, kColours.size() - 1)], x + 18, y, xml_escape(t.groups[g]));
  }
  out += fmt::format("<text x=\"{:.0f}\" y=\"{:.0f}\" fill=\"#555555\">{}</text>\n", left,
                     height - 8, xml_escape(footer(t).substr(0, footer(t).size() - 1)));
  return out + "</svg>\n";
}

}  // namespace kb::render
