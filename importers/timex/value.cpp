// Calendar values of the date tagger: TIMEX3 formatting and the arithmetic behind relative
// expressions ("last week", "a year earlier"), on Howard Hinnant's date library.
#include <array>

#include <fmt/format.h>

#include "importers/timex/internal.hpp"

namespace kb::timex::detail {
namespace {

constexpr std::array<const char*, 4> kSeasonCode = {"SP", "SU", "FA", "WI"};
constexpr std::array<const char*, 6> kPartCode = {"MO", "AF", "EV", "NI", "12:00", "24:00"};

date::year_month_day ymd_of(const DateVal& v) {
  return {date::year{v.year}, date::month{static_cast<unsigned>(std::max(v.month, 1))},
          date::day{static_cast<unsigned>(std::max(v.day, 1))}};
}

// ISO week of a day: (iso year, week number).
std::pair<int, int> iso_week_of(date::sys_days d) {
  const date::weekday wd{d};
  const int iso_wd = static_cast<int>(wd.iso_encoding());
  const date::sys_days thursday = d + date::days{4 - iso_wd};
  const date::year_month_day t{thursday};
  const date::sys_days jan1 = date::sys_days{t.year() / 1 / 1};
  const int week = static_cast<int>((thursday - jan1).count() / 7) + 1;
  return {static_cast<int>(t.year()), week};
}

// Monday of ISO week `w` of `iso_year`.
date::sys_days week_start(int iso_year, int w) {
  const date::sys_days jan4 = date::sys_days{date::year{iso_year} / 1 / 4};
  const int wd = static_cast<int>(date::weekday{jan4}.iso_encoding());
  return jan4 - date::days{wd - 1} + date::days{7 * (w - 1)};
}

}  // namespace

std::string format_value(const DateVal& v) {
  if (v.bc) {
    return fmt::format("BC{:04d}", v.year);
  }
  switch (v.gran) {
    case Gran::century:
      return fmt::format("{:02d}", v.year / 100);
    case Gran::decade:
      return fmt::format("{:03d}", v.year / 10);
    case Gran::year:
      return fmt::format("{:04d}", v.year);
    case Gran::half:
      return fmt::format("{:04d}-H{}", v.year, v.sub);
    case Gran::quarter:
      return fmt::format("{:04d}-Q{}", v.year, v.sub);
    case Gran::season:
      return fmt::format("{:04d}-{}", v.year, kSeasonCode[static_cast<std::size_t>(v.sub & 3)]);
    case Gran::month:
      return fmt::format("{:04d}-{:02d}", v.year, v.month);
    case Gran::week:
      return fmt::format("{:04d}-W{:02d}", v.year, v.sub);
    case Gran::weekend:
      return fmt::format("{:04d}-W{:02d}-WE", v.year, v.sub);
    case Gran::day:
      return fmt::format("{:04d}-{:02d}-{:02d}", v.year, v.month, v.day);
    case Gran::part_of_day:
      return fmt::format("{:04d}-{:02d}-{:02d}T{}", v.year, v.month, v.day,
                         kPartCode[static_cast<std::size_t>(std::clamp(v.sub, 0, 5))]);
    case Gran::time:
      if (v.second >= 0) {
        return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", v.year, v.month, v.day,
                           v.hour, v.minute, v.second);
      }
      return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}", v.year, v.month, v.day, v.hour,
                         std::max(v.minute, 0));
  }
  return {};
}

DateVal day_value(date::sys_days d) {
  const date::year_month_day ymd{d};
  DateVal v;
  v.gran = Gran::day;
  v.year = static_cast<int>(ymd.year());
  v.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  v.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return v;
}

date::sys_days first_day(const DateVal& v) {
  switch (v.gran) {
    case Gran::week:
    case Gran::weekend:
      return week_start(v.year, v.sub) + date::days{v.gran == Gran::weekend ? 5 : 0};
    case Gran::quarter:
      return date::sys_days{date::year{v.year} / date::month{static_cast<unsigned>(v.sub * 3 - 2)} /
                            1};
    case Gran::half:
      return date::sys_days{date::year{v.year} / date::month{static_cast<unsigned>(v.sub * 6 - 5)} /
                            1};
    default:
      return date::sys_days{ymd_of(v)};
  }
}

DateVal coarsen(const DateVal& v, Unit unit) {
  DateVal out = v;
  out.hour = out.minute = out.second = -1;
  const date::sys_days d = first_day(v);
  switch (unit) {
    case Unit::week:
    case Unit::weekend: {
      const auto [y, w] = iso_week_of(d);
      out.year = y;
      out.sub = w;
      out.gran = unit == Unit::week ? Gran::week : Gran::weekend;
      break;
    }
    case Unit::month:
      out.gran = Gran::month;
      break;
    case Unit::quarter:
      out.gran = Gran::quarter;
      out.sub = v.gran == Gran::quarter ? v.sub : (std::max(v.month, 1) - 1) / 3 + 1;
      break;
    case Unit::half:
      out.gran = Gran::half;
      out.sub = v.gran == Gran::half ? v.sub : (std::max(v.month, 1) - 1) / 6 + 1;
      break;
    case Unit::year:
      out.gran = Gran::year;
      break;
    case Unit::decade:
      out.gran = Gran::decade;
      break;
    case Unit::century:
      out.gran = Gran::century;
      break;
    default:
      out.gran = std::min(out.gran, Gran::day);
      break;
  }
  return out;
}

DateVal shift(const DateVal& v, Unit unit, int n) {
  DateVal out = v;
  switch (unit) {
    case Unit::day:
    case Unit::week:
    case Unit::weekend:
    case Unit::fortnight: {
      const int days = unit == Unit::day ? n : unit == Unit::fortnight ? 14 * n : 7 * n;
      const date::sys_days d = first_day(v) + date::days{days};
      if (v.gran == Gran::week || v.gran == Gran::weekend) {
        const auto [y, w] = iso_week_of(d);
        out.year = y;
        out.sub = w;
      } else {
        const DateVal dv = day_value(d);
        out.year = dv.year;
        out.month = dv.month;
        out.day = dv.day;
      }
      return out;
    }
    case Unit::month:
    case Unit::quarter:
    case Unit::half: {
      const int months = unit == Unit::month ? n : unit == Unit::quarter ? 3 * n : 6 * n;
      if (v.gran == Gran::quarter || v.gran == Gran::half) {
        const int per = v.gran == Gran::quarter ? 3 : 6;
        const int count = 12 / per;
        const int idx = v.year * count + (v.sub - 1) + months / per;
        out.year = idx / count;
        out.sub = idx % count + 1;
        return out;
      }
      const int idx = v.year * 12 + (std::max(v.month, 1) - 1) + months;
      out.year = idx / 12;
      out.month = idx % 12 + 1;
      if (out.gran <= Gran::day) {
        const date::year_month_day_last last{
            date::year{out.year} / date::month{static_cast<unsigned>(out.month)} / date::last};
        out.day = std::min(out.day, static_cast<int>(static_cast<unsigned>(last.day())));
      }
      return out;
    }
    case Unit::year:
      out.year += n;
      break;
    case Unit::decade:
      out.year += 10 * n;
      break;
    case Unit::century:
      out.year += 100 * n;
      break;
    default:
      break;  // hours and smaller do not move a date
  }
  if (out.gran <= Gran::day && out.month == 2 && out.day == 29 && !date::year{out.year}.is_leap()) {
    out.day = 28;
  }
  if (out.gran == Gran::week || out.gran == Gran::weekend) {
    out.sub = std::min(out.sub, 52);
  }
  return out;
}

std::string duration_value(Unit unit, long n) {
  const std::string count = n < 0 ? std::string("X") : std::to_string(n);
  switch (unit) {
    case Unit::second:
      return "PT" + count + "S";
    case Unit::minute:
      return "PT" + count + "M";
    case Unit::hour:
      return "PT" + count + "H";
    case Unit::day:
      return "P" + count + "D";
    case Unit::weekend:
      return "P" + count + "WE";
    case Unit::week:
      return "P" + count + "W";
    case Unit::fortnight:
      return n < 0 ? "PXW" : "P" + std::to_string(2 * n) + "W";
    case Unit::month:
      return "P" + count + "M";
    case Unit::quarter:
      return "P" + count + "Q";
    case Unit::half:
      return n < 0 ? "PXM" : "P" + std::to_string(6 * n) + "M";
    case Unit::year:
      return "P" + count + "Y";
    case Unit::decade:
      return "P" + count + "DE";
    case Unit::century:
      return "P" + count + "CE";
  }
  return {};
}

}  // namespace kb::timex::detail
