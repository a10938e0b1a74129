// Tests of the date tagger (importers/timex): a table of expressions with their TIMEX3 type and
// value, the seed article's expressions, robustness on hostile input, and a TimeML regression
// guard over the shared corpus when it is present.
#include "importers/timex/tagger.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/timex/timeml.hpp"

namespace {

using kb::timex::TimexType;

constexpr date::sys_days kSeedDct = date::sys_days{date::year{2023} / 5 / 23};  // a Tuesday

struct Case {
  const char* sentence;
  const char* text;  // expected span text ("" = no timex at all in the sentence)
  TimexType type;
  const char* value;
};

// Finds the timex whose text is `text`.
const kb::timex::Timex* find(const std::vector<kb::timex::Timex>& ts, std::string_view s,
                             std::string_view text) {
  for (const auto& t : ts) {
    if (s.substr(t.begin, t.end - t.begin) == text) {
      return &t;
    }
  }
  return nullptr;
}

void check_cases(const std::vector<Case>& cases, date::sys_days dct) {
  for (const Case& c : cases) {
    const std::string sentence = c.sentence;
    CAPTURE(sentence);
    const std::string_view s = sentence;
    const auto found = kb::timex::tag(s, dct);
    if (std::string_view(c.text).empty()) {
      CHECK(found.empty());
      continue;
    }
    const auto* t = find(found, s, c.text);
    const std::string expected = c.text;
    CAPTURE(expected);
    REQUIRE(t != nullptr);
    CHECK(t->type == c.type);
    CHECK(t->value == c.value);
  }
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("timex::tag resolves the seed article's expressions against a Tuesday DCT") {
    const std::vector<Case> cases = {
        {"Russia launched drones over the weekend, officials said.", "the weekend", TimexType::date,
         "2023-W20-WE"},
        {"Fighting intensified last week in the east.", "last week", TimexType::date, "2023-W20"},
        {"Kyiv warned Saturday that it would respond.", "Saturday", TimexType::date, "2023-05-20"},
        {"The offensive began in February and stalled.", "February", TimexType::date, "2023-02"},
        {"Leaders will meet at the NATO summit in July.", "July", TimexType::date, "2023-07"},
        {"Exports fell sharply last year.", "last year", TimexType::date, "2022"},
        {"The plant will reopen next year.", "next year", TimexType::date, "2024"},
        {"The memorandum was signed in 1994.", "1994", TimexType::date, "1994"},
        {"Crimea has been occupied since 2014.", "2014", TimexType::date, "2014"},
        {"Since the February 2022 invasion, prices rose.", "February 2022", TimexType::date,
         "2022-02"},
        {"Grain deliveries stopped in September, the ministry said.", "September", TimexType::date,
         "2022-09"},
        {"Spending will rise between 2019 and 2028.", "2028", TimexType::date, "2028"},
        {"They signed 10-year agreements on security.", "10-year", TimexType::duration, "P10Y"},
        {"The deal is worth $38 billion.", "", TimexType::date, ""},
        {"Pilots are training on the F-16 and the MiG-29.", "", TimexType::date, ""},
        {"Russia's 2014 annexation of Crimea was condemned.", "2014", TimexType::date, "2014"},
    };
    check_cases(cases, kSeedDct);
  }

  TEST_CASE("timex::tag covers explicit, calendar, relative, duration and set expressions") {
    const std::vector<Case> cases = {
        {"It happened on May 20, 2023.", "May 20, 2023", TimexType::date, "2023-05-20"},
        {"It happened on 24 February 2022.", "24 February 2022", TimexType::date, "2022-02-24"},
        {"The file is dated 2022-02-24.", "2022-02-24", TimexType::date, "2022-02-24"},
        {"On Sunday, May 21, 2023 they met.", "Sunday, May 21, 2023", TimexType::date,
         "2023-05-21"},
        {"Growth slowed in the 1990s.", "the 1990s", TimexType::date, "199"},
        {"Music of the '90s returned.", "the '90s", TimexType::date, "199"},
        {"Empires fell in the 20th century.", "the 20th century", TimexType::date, "19"},
        {"Trade collapsed in the third quarter of 2014.", "the third quarter of 2014",
         TimexType::date, "2014-Q3"},
        {"Sales grew in the first half of 2014.", "the first half of 2014", TimexType::date,
         "2014-H1"},
        {"Troops withdrew in the summer of 1940.", "the summer of 1940", TimexType::date,
         "1940-SU"},
        {"Prices peaked in early 2014.", "early 2014", TimexType::date, "2014"},
        {"Revenue for fiscal 1998 rose.", "fiscal 1998", TimexType::date, "1998"},
        {"Talks resumed today.", "today", TimexType::date, "2023-05-23"},
        {"Talks collapsed yesterday.", "yesterday", TimexType::date, "2023-05-22"},
        {"Talks resume tomorrow.", "tomorrow", TimexType::date, "2023-05-24"},
        {"Prices rose this month.", "this month", TimexType::date, "2023-05"},
        {"The city fell two weeks ago.", "two weeks ago", TimexType::date, "2023-W19"},
        {"The city fell three years ago.", "three years ago", TimexType::date, "2020"},
        // At the unit's own granularity, as years and decades are (was "1723-05-23").
        {"The city was founded three centuries ago.", "three centuries ago", TimexType::date, "17"},
        {"Shelling continues now.", "now", TimexType::date, "PRESENT_REF"},
        {"He recently resigned.", "recently", TimexType::date, "PAST_REF"},
        {"Prices fell in recent months.", "recent months", TimexType::duration, "PXM"},
        {"Rates may fall in coming weeks.", "coming weeks", TimexType::duration, "PXW"},
        {"Numbers dropped through the nineties.", "the nineties", TimexType::date, "199"},
        {"He promised it by the year two thousand.", "the year two thousand", TimexType::date,
         "2000"},
        {"It should hold up in the near term.", "the near term", TimexType::date, "FUTURE_REF"},
        {"Funds must sell in the weeks ahead.", "the weeks ahead", TimexType::duration, "PXW"},
        {"The deal should close by year-end.", "year-end", TimexType::date, "2023"},
        // Ages and fractions are not durations.
        {"Mr. Reupke, 52 years old, resigned.", "", TimexType::date, ""},
        {"Iraq imports about three-quarters of its food.", "", TimexType::date, ""},
        {"About a half million people lack power.", "", TimexType::date, ""},
        {"It would be a second betrayal.", "", TimexType::date, ""},
        // The day after a parenthesis dates the clock time; both stay expressions.
        {"The blast came at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", TimexType::time,
         "2023-05-19T10:35"},
        {"The day before last Tuesday, he spoke.", "The day before last Tuesday", TimexType::date,
         "2023-05-15"},
        {"Wait a second.", "a second", TimexType::duration, "PT1S"},
        {"Every next day of the war costs lives.", "", TimexType::date, ""},
        // "might" points ahead; "ending" does not ("an offer Saturday ending talks").
        {"Talks might resume on Thursday, he said.", "Thursday", TimexType::date, "2023-05-25"},
        {"He made an offer Saturday ending weeks of talks.", "Saturday", TimexType::date,
         "2023-05-20"},
        // The present tense of a schedule points at the nearer weekday (DCT: Tuesday).
        {"The summit is on Friday in Brussels.", "Friday", TimexType::date, "2023-05-26"},
        {"The talks are on Monday, officials say.", "Monday", TimexType::date, "2023-05-22"},
        // The other day of a span of days; numbers that are not days stay untagged.
        {"The summit is on June 23-24 in Brussels.", "24", TimexType::date, "2023-06-24"},
        {"Talks were held 20-21 May 2023.", "20", TimexType::date, "2023-05-20"},
        {"The team won 3-2 at home.", "", TimexType::date, ""},
        {"Sales rose in the last three quarters of 2022.", "the last three quarters",
         TimexType::duration, "P3Q"},
        // "a year-earlier loss" is the year-earlier period, not a year's duration.
        {"It compared with a year-earlier loss.", "year-earlier", TimexType::date, "2022-05-23"},
        {"The index is up 5% since year-end.", "year-end", TimexType::date, "2022"},
        {"The siege lasted several months.", "several months", TimexType::duration, "PXM"},
        {"The flight took two hours.", "two hours", TimexType::duration, "PT2H"},
        {"Prices rose over the past three years.", "the past three years", TimexType::duration,
         "P3Y"},
        {"The summit is held every year.", "every year", TimexType::set, "P1Y"},
        {"The paper is published weekly.", "weekly", TimexType::set, "P1W"},
        {"Athens fell in 480 BC.", "480 BC", TimexType::date, "BC0480"},
        {"The meeting starts at 10:30 a.m.", "10:30 a.m.", TimexType::time, "2023-05-23T10:30"},
        {"He was elected on 5/20/2021.", "5/20/2021", TimexType::date, "2021-05-20"},
        {"Caliber.az \xC2\xA9 2025 all rights reserved", "", TimexType::date, ""},
    };
    check_cases(cases, kSeedDct);
  }

  TEST_CASE("every timex names the declared rule that found it") {
    std::set<std::string_view> ids;
    for (const auto& r : kb::timex::rules()) {
      CHECK_FALSE(r.what.empty());
      CHECK(ids.insert(r.id).second);  // ids are unique
    }
    CHECK(kb::timex::steps().size() == 6);
    const std::string text =
        "On Saturday, 20 May 2023, last week, three years ago, every year, the third quarter, "
        "in the summer of 1940, Christmas Eve, today, nineteen ninety-seven, the 1990s, "
        "year-end, noon Thursday, June 23-24.";
    const auto found = kb::timex::tag(text, date::sys_days{date::year{2023} / 5 / 23});
    REQUIRE(found.size() >= 12);
    std::set<std::string_view> fired;
    for (const auto& t : found) {
      INFO(text.substr(t.begin, t.end - t.begin));
      CHECK(ids.contains(t.rule));
      fired.insert(t.rule);
    }
    for (const char* id : {"weekday", "number", "relative", "duration", "set", "quarter", "season",
                           "holiday", "reference", "word-year", "year-end", "noon"}) {
      INFO(id);
      CHECK(fired.contains(id));
    }
  }

  TEST_CASE("timex::tag anchors narrative expressions to the last mentioned date") {
    const std::string text =
        "The war began in 1939. Poland fell in 1939. France fell in 1940. On May 10, 1940 the "
        "offensive began. The next day, Belgium was invaded. In September, the Blitz began.";
    const auto found = kb::timex::tag(text, date::sys_days{date::year{2009} / 12 / 19});
    const auto* next = find(found, text, "The next day");
    REQUIRE(next != nullptr);
    CHECK(next->value == "1940-05-11");
    const auto* sep = find(found, text, "September");
    REQUIRE(sep != nullptr);
    CHECK(sep->value == "1940-09");
  }

  TEST_CASE("timex::tag: a sentence opened by 'years ago' is the anchor of a later 'later'") {
    // A speech of June 2022 looks back three years, then forward three from there.
    const std::string speech =
        "In 2022, cities joined the words peace and liberation. Three years ago, my goal was a "
        "reform. Ukraine started the Large Construction. Three years later, Russia launched a "
        "special military operation.";
    const auto found = kb::timex::tag(speech, date::sys_days{date::year{2022} / 6 / 22});
    const auto* ago = find(found, speech, "Three years ago");
    REQUIRE(ago != nullptr);
    CHECK(ago->value == "2019");
    const auto* later = find(found, speech, "Three years later");
    REQUIRE(later != nullptr);
    CHECK(later->value == "2022");
    // Inside a sentence, "a year ago" is a comparison and leaves the anchor where it was.
    const std::string report =
        "In the third quarter of 1989, profit rose 5% from a year ago. Sales were flat compared "
        "with a year earlier.";
    const auto figures = kb::timex::tag(report, date::sys_days{date::year{1989} / 10 / 26});
    const auto* earlier = find(figures, report, "a year earlier");
    REQUIRE(earlier != nullptr);
    CHECK(earlier->value.starts_with("1988"));
  }

  TEST_CASE("timex::tag: 'a month later than usual' is how much later, not a date") {
    const std::string text =
        "The military will begin its call-up a month later than usual on November 1, 2022. Two "
        "weeks earlier than planned, the talks ended. A month later, the talks resumed.";
    const auto found = kb::timex::tag(text, date::sys_days{date::year{2022} / 10 / 30});
    const auto* late = find(found, text, "a month");
    REQUIRE(late != nullptr);
    CHECK(late->type == TimexType::duration);
    CHECK(late->value == "P1M");
    CHECK(find(found, text, "a month later") == nullptr);
    const auto* nov = find(found, text, "November 1, 2022");
    REQUIRE(nov != nullptr);
    CHECK(nov->value == "2022-11-01");
    const auto* early = find(found, text, "Two weeks");
    REQUIRE(early != nullptr);
    CHECK(early->value == "P2W");
    // Without "than" it is still the date a month after the text's last one.
    const auto* after = find(found, text, "A month later");
    REQUIRE(after != nullptr);
    CHECK(after->type == TimexType::date);
  }

  TEST_CASE("timex::tag: a month right after a year and a comma is of that year") {
    const std::string text =
        "In 2014, on June 13, Mariupol was liberated. In 2008, in August, Russia attacked "
        "Georgia. In 2014, on this day, June 13, it was freed. In 2019 Russia hosted a summit; "
        "on June 3 it met again.";
    const auto found = kb::timex::tag(text, date::sys_days{date::year{2022} / 6 / 13});
    std::vector<std::string> values;
    for (const auto& t : found) {
      values.push_back(t.value);
    }
    CAPTURE(values);
    REQUIRE(values.size() == 8);
    CHECK(values[1] == "2014-06-13");
    CHECK(values[3] == "2008-08");
    CHECK(values[5] == "2014-06-13");
    CHECK(values[7] == "2022-06-03");  // a clause between: the news year
    CHECK(kb::timex::refines(", on "));
    CHECK(kb::timex::refines(", on this day, "));
    CHECK(kb::timex::refines(", "));
    CHECK_FALSE(kb::timex::refines(" on "));  // no comma: "2014 on June 13" is not this pattern
    CHECK_FALSE(kb::timex::refines(", Russia annexed Crimea and on "));
  }

  TEST_CASE("timex::tag: document numbers, clock times and counts are not years") {
    const date::sys_days dct = date::sys_days{date::year{2022} / 8 / 14};
    check_cases(
        {{"Government decree \u2116 1096 came into force.", "", TimexType::date, ""},
         {"The Rada adopted Law No. 1616-IX.", "", TimexType::date, ""},
         {"Prices fell at 1500 GMT.", "", TimexType::date, ""},
         {"They fired six rounds at 1500-1530 Ukrainian time.", "", TimexType::date, ""},
         {"Russia used 1370 missiles against us.", "", TimexType::date, ""},
         {"Moscow claimed that 1026 servicemen surrendered.", "", TimexType::date, ""},
         {"It said 1200 people had left.", "", TimexType::date, ""},
         {"Police said 1150 policemen had left.", "", TimexType::date, ""},
         {"In 1994 people voted.", "1994", TimexType::date, "1994"},
         {"In 1999 elections were held.", "1999", TimexType::date, "1999"},
         {"The 2014 protests toppled him.", "2014", TimexType::date, "2014"},
         {"On 5 October 1789 crowds marched.", "5 October 1789", TimexType::date, "1789-10-05"}},
        dct);
    // Clock times no longer make a report a history narrative: its bare "August 10" is this
    // year's (it was dated 1530 from "1500-1530 Ukrainian time").
    const std::string report =
        "Russian forces fired at Enerhodar at 1500-1530 Ukrainian time. Shelling resumed at 1600 "
        "GMT and 1700 GMT and 1800 GMT. Police detained two men on August 10.";
    const auto found = kb::timex::tag(report, dct);
    const auto* aug = find(found, report, "August 10");
    REQUIRE(aug != nullptr);
    CHECK(aug->value == "2022-08-10");
  }

  TEST_CASE("timex::tag: old years in a day report do not make its month-days old") {
    // An ISW report of 21 March 2022: three old years (a rifle's history) and no year of its
    // own; its "March 21" is the report's day, not 1891's.
    const std::string text =
        "Conscripts are equipped with rifles from the 1970s. The rifle has not been produced since "
        "1973 and was first produced in 1891. Reports from 1941 describe it. The General Staff "
        "reported on March 21 that Russian forces attacked Brovary. Ukrainian forces halted the "
        "attack as of noon on March 21.";
    const date::sys_days dct = date::sys_days{date::year{2022} / 3 / 21};
    const auto found = kb::timex::tag(text, dct);
    for (const auto& t : found) {
      if (text.substr(t.begin, t.end - t.begin) == "March 21") {
        CHECK(t.value == "2022-03-21");
      }
    }
    CHECK(std::count_if(found.begin(), found.end(), [&](const auto& t) {
            return text.substr(t.begin, t.end - t.begin) == "March 21";
          }) == 2);
  }

  TEST_CASE("timex::tag attaches FuzzyDates and signal modifiers") {
    const std::string text = "Crimea has been occupied since 2014, and talks stalled last week.";
    const auto found = kb::timex::tag(text, kSeedDct);
    REQUIRE(found.size() == 2);
    REQUIRE(found[0].date.has_value());
    CHECK(found[0].date->modifier() == kb::Modifier::since);
    REQUIRE(found[1].date.has_value());
    CHECK(found[1].date->timex() == "2023-W20");
  }

  TEST_CASE("timex::tag survives hostile input") {
    std::string junk;
    for (int i = 0; i < 100000; ++i) {
      junk += static_cast<char>((i * 7919) % 256);
    }
    CHECK_NOTHROW((void)kb::timex::tag(junk, kSeedDct));
    const std::string nuls("May\0 20\0, 2023\xff\xfe", 17);
    CHECK_NOTHROW((void)kb::timex::tag(nuls, kSeedDct));
    std::string line;
    line.reserve(10'000'000);
    while (line.size() < 10'000'000) {
      line += "In May 2023, 3 days later, the year 1994 and $38 billion ";
    }
    // A 10 MB line without a newline is tagged whole (no timing here: unit tests never time;
    // bench_timex measures speed, and a quadratic tagger would make this case crawl).
    const auto found = kb::timex::tag(line, kSeedDct);
    CHECK(found.size() > 100000);
    CHECK(found.back().end <= line.size());
  }

  TEST_CASE("timex::tag survives every TimeML document with its words and bytes shuffled") {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(KB_SHARED_DIR) / "data" / "timeml";
    if (!fs::exists(root)) {
      MESSAGE("no TimeML corpus at ", root.string(), "; skipped");
      return;
    }
    std::mt19937 rng(20231127);
    std::size_t docs = 0;
    for (const char* corpus : {"timebank", "aquaint", "wikiwars-timex3"}) {
      for (const auto& e : fs::directory_iterator(root / corpus)) {
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        auto doc = kb::timex::parse_timeml(ss.str(), e.path().filename().string());
        if (!doc) {
          continue;
        }
        ++docs;
        // Words in random order (dates torn from their context) ...
        std::vector<std::string> words;
        std::istringstream text(doc->text);
        for (std::string w; text >> w;) {
          words.push_back(std::move(w));
        }
        std::shuffle(words.begin(), words.end(), rng);
        std::string shuffled;
        for (const auto& w : words) {
          shuffled += w;
          shuffled += ' ';
        }
        // ... and bytes in random order (broken UTF-8, lone digits and punctuation).
        std::string bytes = doc->text;
        std::shuffle(bytes.begin(), bytes.end(), rng);
        for (const std::string* input : {&shuffled, &bytes}) {
          const auto found = kb::timex::tag(*input, doc->dct);
          for (const auto& t : found) {
            REQUIRE(t.begin < t.end);
            REQUIRE(t.end <= input->size());
            CHECK_FALSE(t.value.empty());
          }
        }
      }
    }
    CHECK(docs > 250);
  }

  TEST_CASE("timex::resolve_expression reads what a user types") {
    const auto today = kSeedDct;
    CHECK(kb::timex::resolve_expression("last year", today)->timex() == "2022");
    CHECK(kb::timex::resolve_expression("May 2023", today)->timex() == "2023-05");
    CHECK(kb::timex::resolve_expression("20 May 2023", today)->timex() == "2023-05-20");
    CHECK(kb::timex::resolve_expression(" yesterday ", today)->timex() == "2023-05-22");
    CHECK_FALSE(kb::timex::resolve_expression("banana", today).has_value());
  }

  TEST_CASE("timex resolves news error classes: times on named days, quarters, month years") {
    // DCT Tuesday 23 May 2023.
    const std::vector<Case> cases = {
        {"The blast occurred at 10 p.m. Wednesday, police said.", "10 p.m. Wednesday",
         TimexType::time, "2023-05-17T22:00"},
        {"The offer expires at 5 p.m. EST, June 6.", "5 p.m. EST, June 6", TimexType::time,
         "2023-06-06T17:00"},
        {"Talks broke off at noon Thursday.", "noon Thursday", TimexType::time, "2023-05-18T12:00"},
        {"Protesters rallied Friday night downtown.", "Friday night", TimexType::date,
         "2023-05-19TNI"},
        {"The talks are set to resume Monday in Belfast.", "Monday", TimexType::date, "2023-05-29"},
        {"They planned to get around Wednesday's ruling, he would say.", "Wednesday",
         TimexType::date, "2023-05-17"},
        {"Killed in the blasts next to the embassy on Friday.", "Friday", TimexType::date,
         "2023-05-19"},
        {"Sales for this year's third quarter fell.", "this year's third quarter", TimexType::date,
         "2023-Q3"},
        {"Revenue rose in the 2022 second quarter.", "the 2022 second quarter", TimexType::date,
         "2022-Q2"},
        {"Arafat was arrested in July last year.", "July last year", TimexType::date, "2022-07"},
        {"Figures for December came in low.", "December", TimexType::date, "2022-12"},
        {"Payment is due in August.", "August", TimexType::date, "2023-08"},
        {"Shipments began on Aug. 6 at the port.", "Aug. 6", TimexType::date, "2023-08-06"},
        {"The fiscal year ended Jan. 31 at the company.", "Jan. 31", TimexType::date, "2023-01-31"},
        {"The plant closed on Oct. 2 at the site.", "Oct. 2", TimexType::date, "2022-10-02"},
        {"He was shot to death last Oct. 23 at his home.", "Oct. 23", TimexType::date,
         "2022-10-23"},
        {"The boy was found Thanksgiving Day off the coast.", "Thanksgiving Day", TimexType::date,
         "2022-11-24"},
        {"It rained last Christmas in the city.", "last Christmas", TimexType::date, "2022-12-25"},
        {"Protesters prayed as Easter week began.", "Easter week", TimexType::date, "2023-W14"},
        {"The campaign will run until Election Day.", "Election Day", TimexType::date,
         "2023-11-07"},
        {"The election was held in the city.", "", TimexType::date, ""},
        {"One person was killed. January nineteen ninety-seven.", "January nineteen ninety-seven",
         TimexType::date, "1997-01"},
        {"He came to power in nineteen seventy-nine.", "nineteen seventy-nine", TimexType::date,
         "1979"},
        {"Nineteen people died.", "", TimexType::date, ""},
        {"They lived in camps for 2 1/2 years.", "2 1/2 years", TimexType::duration, "P2Y6M"},
        {"But a minute and a half later, it fell.", "a minute and a half", TimexType::duration,
         "PT1M30S"},
        {"A previously announced offer expired.", "", TimexType::date, ""},
        {"The current quarterly dividend is 10 cents.", "current", TimexType::date, "PRESENT_REF"},
        // A capitalised word in -ed is a name, not a past verb: "would" decides.
        {"He would be traveling to the United States Thursday.", "Thursday", TimexType::date,
         "2023-05-25"},
        // The next month or the one after is the coming one even in the past tense; three
        // months ahead in the past tense is last year's.
        {"Officials said the vote was moved to June.", "June", TimexType::date, "2023-06"},
        {"He said talks were planned for July.", "July", TimexType::date, "2023-07"},
        {"Prices rose sharply in August, he said.", "August", TimexType::date, "2022-08"},
        {"Earnings fell in the last half of 2021.", "the last half of 2021", TimexType::date,
         "2021-H2"},
        // A year before "quarter" names the quarter, not 2021 quarters.
        {"It lost money in the 2021 quarter.", "the 2021 quarter", TimexType::date, "2021-Q2"},
        // Reports: "the year ended March 31" is a year's duration; "the full year" this year.
        {"Revenue was $9 million in the year ended March 31.", "the year", TimexType::duration,
         "P1Y"},
        {"It forecast a loss for the full year.", "the full year", TimexType::date, "2023"},
        {"The year before, it had won.", "", TimexType::date, ""},
        {"Shares closed on Friday, May 12, up from the previous Friday.", "the previous Friday",
         TimexType::date, "2023-05-05"},
        {"A hearing is set for the week of June 5.", "the week of June 5", TimexType::date,
         "2023-W23"},
        {"He said they could leave as early as Monday.", "Monday", TimexType::date, "2023-05-29"},
        // "ahead of" puts the expression ahead; elsewhere in the sentence it says nothing.
        {"Traders sold ahead of the weekend.", "the weekend", TimexType::date, "2023-W21-WE"},
        {"Ahead of the trip, the ministry on Sunday issued a warning.", "Sunday", TimexType::date,
         "2023-05-21"},
    };
    check_cases(cases, kSeedDct);
    // "a year ago" in an earnings report is the quarter reported, a year before; it does not
    // move the anchor, so a second "a year earlier" is the same quarter again.
    const std::string report =
        "Net income rose in the third quarter. It was $5 million a year ago. "
        "Sales were $9 million, up from $8 million a year earlier. For the quarter, margins fell.";
    const auto found = kb::timex::tag(report + " The latest period included a gain.", kSeedDct);
    REQUIRE(found.size() == 5);
    CHECK(found[0].value == "2022-Q3");
    CHECK(found[1].value == "2021-Q3");
    CHECK(found[2].value == "2021-Q3");
    CHECK(found[3].value == "2022-Q3");
    CHECK(found[4].value == "2022-Q3");  // "The latest period"
    // A forecast quarter is not the one reported on: "year-ago" still means the reported one.
    const std::string forecast =
        "Profit fell in the first quarter. Losses may continue through the third quarter of "
        "2024. In the year-ago period, it earned more.";
    const auto f = kb::timex::tag(forecast, kSeedDct);
    REQUIRE(f.size() == 3);
    CHECK(f[1].value == "2024-Q3");
    CHECK(f[2].value == "2022-Q1");
  }

  TEST_CASE("timex::ranges joins dates stated as one span") {
    struct RangeCase {
      const char* sentence;
      const char* span;     // expected range text ("" = none)
      const char* display;  // its FuzzyDate::display()
    };
    const RangeCase cases[] = {
        {"Spending will rise between 2019 and 2028.", "between 2019 and 2028", "2019–2028"},
        {"The war lasted from 1939 to 1945.", "from 1939 to 1945", "1939–1945"},
        {"The plan covers 2019–2028 in full.", "2019–2028", "2019–2028"},
        {"Prices rose in 2019 and fell in 2020.", "", ""},
        {"It ran from 2028 to 2019, oddly.", "", ""},
        {"The summit is on June 23-24 in Brussels.", "June 23-24", "23–24 June 2023"},
        {"Talks were held 20–21 May 2023 in Hiroshima.", "20–21 May 2023", "20–21 May 2023"},
        {"The vote is between March 3 and 5.", "between March 3 and 5", "3–5 March 2023"},
    };
    for (const RangeCase& c : cases) {
      const std::string s = c.sentence;
      CAPTURE(s);
      const auto found = kb::timex::ranges(s, kb::timex::tag(s, kSeedDct));
      if (std::string_view(c.span).empty()) {
        CHECK(found.empty());
        continue;
      }
      REQUIRE(found.size() == 1);
      CHECK(s.substr(found[0].begin, found[0].end - found[0].begin) == c.span);
      CHECK(found[0].last == found[0].first + 1);
      CHECK(found[0].date.display() == c.display);
      CHECK(found[0].date.is_range());
    }
  }

  TEST_CASE("timex TimeML scores stay above the regression floor on the shared corpus") {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(KB_SHARED_DIR) / "data" / "timeml";
    if (!fs::exists(root)) {
      MESSAGE("no TimeML corpus at ", root.string(), "; skipped");
      return;
    }
    struct Floor {
      const char* corpus;
      double strict_f1;
      double value_f1;
    };
    // A few points under the scores in docs/date-tagger.md.
    const Floor floors[] = {
        {"timebank", 86.0, 80.0}, {"aquaint", 83.0, 76.0}, {"wikiwars-timex3", 81.0, 77.0}};
    for (const Floor& f : floors) {
      kb::timex::TimexScore total;
      for (const auto& e : fs::directory_iterator(root / f.corpus)) {
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        auto doc = kb::timex::parse_timeml(ss.str(), e.path().filename().string());
        if (!doc) {
          continue;
        }
        std::vector<kb::timex::TimemlTimex> sys;
        for (const auto& t : kb::timex::tag(doc->text, doc->dct)) {
          sys.push_back(
              {t.begin, t.end, std::string(kb::timex::to_string(t.type)), t.value, t.mod});
        }
        total.add(kb::timex::score_timexes(doc->timexes, sys));
      }
      CAPTURE(f.corpus);
      CHECK(total.gold > 500);
      CHECK(total.strict_f1() >= f.strict_f1);
      CHECK(total.value_f1() >= f.value_f1);
    }
  }
}
