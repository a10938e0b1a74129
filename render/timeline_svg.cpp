// render_timeline_svg(): events on a broken time axis, labels stacked in lanes.

#include "render/timeline_svg.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace kb::render {
namespace {

constexpr double kWidth = 960;
constexpr double kMargin = 24;
constexpr double kClusterGap = 36;      // px between clusters, where the axis is broken
constexpr int kClusterBreakDays = 730;  // a quiet stretch longer than this is cut out
constexpr double kCharWidth = 6.4;      // estimated px per character at font-size 11
constexpr double kLaneHeight = 16;
constexpr std::size_t kMaxLanes = 10;
constexpr std::size_t kMaxLabelChars = 64;
constexpr double kTop = 48;  // below the title

// The day an event is drawn at: its first day, or the stated start of an open interval.
date::sys_days anchor(const Event& e) {
  return e.date.first() <= FuzzyDate::kOpenStart ? e.date.stated_first() : e.date.first();
}

// Truncates to `max` code points with an ellipsis.
std::string shorten(std::string_view s, std::size_t max) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if ((u & 0xC0) != 0x80 && ++n > max) {
      return out + "…";
    }
    out += s[i];
  }
  return out;
}

std::size_t width_chars(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

struct Placed {
  const Event* event = nullptr;
  double x = 0;
  int lane = -1;  // -1: no label
  bool end_anchor = false;
  std::string label;
};

struct Cluster {
  std::size_t begin = 0, end = 0;  // indices into the sorted events
  double left = 0, width = 0;
};

std::vector<Cluster> clusters_of(const std::vector<const Event*>& sorted) {
  std::vector<Cluster> out;
  date::sys_days reach = FuzzyDate::kOpenStart;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const auto d = anchor(*sorted[i]);
    if (out.empty() || (d - reach).count() > kClusterBreakDays) {
      out.push_back(Cluster{i, i + 1, 0, 0});
    } else {
      out.back().end = i + 1;
    }
    reach = std::max(reach, d);
  }
  double total = 0;
  for (const auto& c : out) {
    total += 1.0 + std::pow(static_cast<double>(c.end - c.begin), 0.75);
  }
  const double usable = kWidth - 2 * kMargin - kClusterGap * static_cast<double>(out.size() - 1);
  double left = kMargin;
  for (auto& c : out) {
    c.left = left;
    c.width = usable * (1.0 + std::pow(static_cast<double>(c.end - c.begin), 0.75)) / total;
    left += c.width + kClusterGap;
  }
  return out;
}

// x positions: half linear in time within the cluster, half by rank, so that bursts spread out.
void place_in(const Cluster& c, const std::vector<const Event*>& sorted, std::vector<Placed>& out) {
  const auto lo = anchor(*sorted[c.begin]);
  const auto hi = anchor(*sorted[c.end - 1]);
  const double span = static_cast<double>((hi - lo).count());
  const double n = static_cast<double>(c.end - c.begin);
  const double pad = std::min(12.0, c.width / 4);
  for (std::size_t i = c.begin; i < c.end; ++i) {
    const double t = span > 0 ? static_cast<double>((anchor(*sorted[i]) - lo).count()) / span : 0.5;
    const double rank = (static_cast<double>(i - c.begin) + 0.5) / n;
    const double f = n == 1 ? 0.5 : 0.5 * t + 0.5 * rank;
    out.push_back(Placed{sorted[i], c.left + pad + f * (c.width - 2 * pad), -1, false, {}});
  }
}

// Gives labels lanes, first come first served from the left; returns the lanes used.
std::size_t assign_lanes(std::vector<Placed>& placed) {
  std::vector<double> lane_end;
  for (auto& p : placed) {
    p.label =
        shorten(fmt::format("{} · {}", p.event->date.display(), p.event->title), kMaxLabelChars);
    const double w = kCharWidth * static_cast<double>(width_chars(p.label));
    p.end_anchor = p.x + w > kWidth - kMargin / 2;
    const double x0 = p.end_anchor ? p.x - w : p.x;
    for (std::size_t lane = 0; lane < kMaxLanes; ++lane) {
      if (lane == lane_end.size()) {
        lane_end.push_back(-1e9);
      }
      if (lane_end[lane] + 8 < x0) {
        p.lane = static_cast<int>(lane);
        lane_end[lane] = x0 + w;
        break;
      }
    }
  }
  return lane_end.size();
}

std::string cluster_label(const Cluster& c, const std::vector<const Event*>& sorted) {
  const std::string a = sorted[c.begin]->date.display();
  const std::string b = sorted[c.end - 1]->date.display();
  const std::string text = a == b ? a : fmt::format("{} – {}", a, b);
  const auto fit = static_cast<std::size_t>(std::max(4.0, (c.width + kClusterGap) / kCharWidth));
  return shorten(text, fit);
}

}  // namespace

std::string render_timeline_svg(const std::vector<Event>& events, std::string_view title) {
  std::vector<const Event*> sorted;
  for (const auto& e : events) {
    sorted.push_back(&e);
  }
  std::sort(sorted.begin(), sorted.end(), [](const Event* a, const Event* b) {
    return anchor(*a) != anchor(*b) ? anchor(*a) < anchor(*b) : a->id < b->id;
  });
  const auto clusters = clusters_of(sorted);
  std::vector<Placed> placed;
  for (const auto& c : clusters) {
    place_in(c, sorted, placed);
  }
  const std::size_t lanes = sorted.empty() ? 0 : assign_lanes(placed);
  const double axis_y = kTop + static_cast<double>(lanes) * kLaneHeight + 16;
  const double height = axis_y + 56;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" "
      "viewBox=\"0 0 {:.0f} {:.0f}\" font-family=\"Helvetica, Arial, sans-serif\" "
      "font-size=\"11\">\n<title>{}</title>\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
      "<text x=\"{:.0f}\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
      kWidth, height, kWidth, height, xml_escape(title), kMargin, xml_escape(title));
  if (sorted.empty()) {
    return out + fmt::format(
                     "<text x=\"{:.0f}\" y=\"{:.1f}\" fill=\"#666666\">No events</text>\n"
                     "</svg>\n",
                     kMargin, axis_y);
  }
  for (const auto& c : clusters) {
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#333333\" "
        "stroke-width=\"2\"/>\n<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#444444\">{}</text>\n",
        c.left, axis_y, c.left + c.width, axis_y, c.left, axis_y + 20,
        xml_escape(cluster_label(c, sorted)));
  }
  for (std::size_t i = 1; i < clusters.size(); ++i) {
    const double x = clusters[i].left - kClusterGap / 2;
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" "
        "fill=\"#999999\">//</text>\n",
        x, axis_y + 4);
  }
  std::size_t hidden = 0;
  for (const auto& p : placed) {
    const Event& e = *p.event;
    const bool planned = e.status == Status::planned;
    out += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\" stroke=\"#1f4e79\" "
        "stroke-width=\"1.5\"><title>{}</title></circle>\n",
        p.x, axis_y, planned ? "#ffffff" : "#1f4e79",
        xml_escape(
            fmt::format("{} — {}{}", e.date.display(), e.title, planned ? " (expected)" : "")));
    if (p.lane < 0) {
      ++hidden;
      continue;
    }
    const double y = axis_y - 14 - static_cast<double>(p.lane) * kLaneHeight;
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#bbbbbb\"/>\n"
        "<text x=\"{:.1f}\" y=\"{:.1f}\"{}{}>{}</text>\n",
        p.x, axis_y - 5, p.x, y + 2, p.x, y, p.end_anchor ? " text-anchor=\"end\"" : "",
        planned ? " font-style=\"italic\"" : "", xml_escape(p.label));
  }
  if (hidden > 0) {
    out += fmt::format(
        "<text x=\"{:.0f}\" y=\"{:.1f}\" fill=\"#666666\">{} more event{} not "
        "labelled here: hover over the dots, or see the list.</text>\n",
        kMargin, axis_y + 40, hidden, hidden == 1 ? "" : "s");
  }
  return out + "</svg>\n";
}

}  // namespace kb::render
