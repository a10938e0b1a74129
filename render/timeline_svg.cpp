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
// Beyond this many lanes labels are left out (a briefing's triaged picture needs far fewer).
constexpr std::size_t kMaxLanes = 60;
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
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u & 0xC0) != 0x80 && ++n > max) {
      return out + "…";
    }
    out += c;
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
  const auto span = static_cast<double>((hi - lo).count());
  const auto n = static_cast<double>(c.end - c.begin);
  const double pad = std::min(12.0, c.width / 4);
  for (std::size_t i = c.begin; i < c.end; ++i) {
    const double t = span > 0 ? static_cast<double>((anchor(*sorted[i]) - lo).count()) / span : 0.5;
    const double rank = (static_cast<double>(i - c.begin) + 0.5) / n;
    const double f = n == 1 ? 0.5 : 0.5 * t + 0.5 * rank;
    out.push_back(Placed{sorted[i], c.left + pad + f * (c.width - 2 * pad), -1, {}});
  }
}

// What a lane holds: label boxes and the leader lines that cross it, as x intervals.
struct Lane {
  std::vector<std::pair<double, double>> labels, leaders;
  bool free(double x0, double x1) const {
    const auto clear = [&](const std::vector<std::pair<double, double>>& spans) {
      return std::none_of(spans.begin(), spans.end(),
                          [&](const auto& s) { return x0 < s.second + 8 && s.first < x1 + 8; });
    };
    return clear(labels) && clear(leaders);
  }
  bool crossable(double x) const {
    return std::none_of(labels.begin(), labels.end(),
                        [&](const auto& s) { return x > s.first - 3 && x < s.second + 3; });
  }
};

// Gives every label a lane, the lowest where neither its box meets another label or leader line
// nor its own leader line crosses a label below it (error class: leader lines drawn through
// labels, and labels left out with "hover over the dots" on a static picture). Returns the
// lanes used.
std::size_t assign_lanes(std::vector<Placed>& placed) {
  std::vector<Lane> lanes;
  // From the right: a label reaches right over later dots, so it goes above their labels, and
  // the lanes step up to the left without a leader line crossing a label.
  for (std::size_t k = placed.size(); k > 0; --k) {
    Placed& p = placed[k - 1];
    p.label =
        shorten(fmt::format("{} · {}", p.event->date.display(), p.event->title), kMaxLabelChars);
    // Every label starts at its dot and reads to the right (the picture widens for the last
    // ones): a label then only ever covers dots to its right, placed before it.
    const double w = kCharWidth * static_cast<double>(width_chars(p.label));
    const double x0 = p.x;
    for (std::size_t lane = 0; lane < kMaxLanes; ++lane) {
      if (lane == lanes.size()) {
        lanes.emplace_back();
      }
      const bool below_clear =
          std::all_of(lanes.begin(), lanes.begin() + static_cast<std::ptrdiff_t>(lane),
                      [&](const Lane& l) { return l.crossable(p.x); });
      if (lanes[lane].free(x0, x0 + w) && below_clear) {
        p.lane = static_cast<int>(lane);
        lanes[lane].labels.emplace_back(x0, x0 + w);
        for (std::size_t below = 0; below < lane; ++below) {
          lanes[below].leaders.emplace_back(p.x - 1, p.x + 1);
        }
        break;
      }
    }
  }
  return lanes.size();
}

// The x of day `d` within a cluster: linear between the placed events around it (the axis is
// not linear in time: bursts are spread out), clamped to the cluster.
double x_of(date::sys_days d, const Cluster& c, const std::vector<const Event*>& sorted,
            const std::vector<Placed>& placed) {
  const double left = c.left, right = c.left + c.width;
  if (d <= anchor(*sorted[c.begin])) {
    const double x = placed[c.begin].x;
    return d == anchor(*sorted[c.begin]) ? x : std::max(left, x - 4);
  }
  for (std::size_t i = c.begin + 1; i < c.end; ++i) {
    const auto a = anchor(*sorted[i - 1]), b = anchor(*sorted[i]);
    if (d <= b) {
      const double f =
          b == a ? 1.0
                 : static_cast<double>((d - a).count()) / static_cast<double>((b - a).count());
      return placed[i - 1].x + f * (placed[i].x - placed[i - 1].x);
    }
  }
  const double x = placed[c.end - 1].x;
  return std::min(right,
                  x + 4 + static_cast<double>((d - anchor(*sorted[c.end - 1])).count()) / 30.0);
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
  sorted.reserve(events.size());
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
  double width = kWidth;
  for (const auto& p : placed) {
    if (p.lane >= 0) {
      width = std::max(width, p.x + kCharWidth * static_cast<double>(width_chars(p.label)) + 8);
    }
  }
  width = std::ceil(width);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" "
      "viewBox=\"0 0 {:.0f} {:.0f}\" font-family=\"Helvetica, Arial, sans-serif\" "
      "font-size=\"11\">\n<title>{}</title>\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
      "<text x=\"{:.0f}\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
      width, height, width, height, xml_escape(title), kMargin, xml_escape(title));
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
  // Ticks: each year that starts inside a cluster (each month when the cluster is under two
  // years), labelled below the axis where there is room.
  for (const auto& c : clusters) {
    const auto lo = anchor(*sorted[c.begin]), hi = anchor(*sorted[c.end - 1]);
    const bool months = (hi - lo).count() < 730;
    date::year_month ym = date::year_month_day(lo).year() / date::year_month_day(lo).month();
    double last_label = -1e9;
    for (int guard = 0; guard < 2400; ++guard) {
      ym = months ? ym + date::months{1}
                  : date::year_month{ym.year() + date::years{1}, date::January};
      const date::sys_days d{ym / 1};
      if (d > hi) {
        break;
      }
      const double x = x_of(d, c, sorted, placed);
      out += fmt::format(
          "<line class=\"tick\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
          "stroke=\"#333333\"/>\n",
          x, axis_y, x, axis_y + 5);
      const std::string text = months ? date::format("%b %Y", d) : date::format("%Y", d);
      if (x - last_label > kCharWidth * static_cast<double>(text.size()) + 6 &&
          x > c.left + kCharWidth * 12) {  // clear of the cluster's own label
        out += fmt::format(
            "<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" "
            "fill=\"#777777\" font-size=\"9\">{}</text>\n",
            x, axis_y + 32, text);
        last_label = x;
      }
    }
  }
  std::size_t hidden = 0;
  for (const Cluster& cluster : clusters) {
    for (std::size_t i = cluster.begin; i < cluster.end; ++i) {
      const Placed& p = placed[i];
      const Event& e = *p.event;
      if (e.date.first() == e.date.last() || e.date.last() >= FuzzyDate::kOpenEnd) {
        continue;
      }
      // A span (a month, a year, "2019–2028") as a bar from its first day to its last.
      const double x1 = std::max(p.x, x_of(e.date.last(), cluster, sorted, placed));
      out += fmt::format(
          "<rect class=\"span\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"6\" "
          "rx=\"3\" fill=\"#1f4e79\" fill-opacity=\"0.25\"/>\n",
          p.x, axis_y - 3, std::max(2.0, x1 - p.x));
    }
  }
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
        "<line class=\"leader\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
        "stroke=\"#bbbbbb\"/>\n"
        "<text class=\"label\" x=\"{:.1f}\" y=\"{:.1f}\"{}>{}</text>\n",
        p.x, axis_y - 5, p.x, y + 2, p.x, y, planned ? " font-style=\"italic\"" : "",
        xml_escape(p.label));
  }
  if (hidden > 0) {
    out += fmt::format(
        "<text x=\"{:.0f}\" y=\"{:.1f}\" fill=\"#666666\">{} more event{} not labelled "
        "for want of room; the briefing lists every event.</text>\n",
        kMargin, axis_y + 46, hidden, hidden == 1 ? " is" : "s are");
  }
  return out + "</svg>\n";
}

}  // namespace kb::render
