// MergeModel: the logistic merge decision and its text file (see merge_model.hpp).
#include "services/merge_model.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

#include <fmt/format.h>

#include "importers/analysis/perceptron.hpp"
#include "importers/entities/gazetteer.hpp"

namespace kb::services {

const std::array<std::string_view, kMergeFeatures> kMergeFeatureNames = {
    "bias",         "same_title",        "same_concept",  "same_kind",     "overlap",
    "nested",       "gap_days",          "both_stated",   "both_days",     "shared_actor",
    "actors_clash", "swapped",           "shared_object", "objects_clash", "no_objects",
    "one_object",   "symmetric_meeting", "named_shared",  "named_jaccard", "words_jaccard",
    "title_shared", "statement"};

const std::array<MergeVeto, 2> kMergeVetoes = {{
    {MergeFeature::objects_clash, MergeFeature::bias,
     "strikes on Kharkiv and on Odesa the same day, greetings to Bangladesh and to Oman: what was "
     "acted on differs, so the happenings differ (EVENTS-GUIDE: two happenings that share a date "
     "and actors but differ in what happened stay two); words the quotes share outweighed it"},
    {MergeFeature::swapped, MergeFeature::symmetric_meeting,
     "Russia strikes Ukraine and Ukraine strikes Russia the same day: one side's actor is the "
     "other's object, so they are two happenings (not for talks, calls and agreements, which "
     "each side's readout tells from its side)"},
}};

namespace {

// The model file's name for a concept weight: "concept:invade".
constexpr std::string_view kConceptPrefix = "concept:";

}  // namespace

bool MergeModel::may_merge(const MergeFeatures& x, const MergeFeatures& most,
                           std::string_view shared_concept) const {
  MergeFeatures upper = x;
  for (std::size_t i = 0; i < kMergeFeatures; ++i) {
    if (weights[i] > 0.0) {
      upper[i] += most[i];
    }
  }
  return same(upper, shared_concept);
}

bool MergeModel::same(const MergeFeatures& x, std::string_view shared_concept) const {
  for (const MergeVeto& v : kMergeVetoes) {
    const bool exempt =
        v.unless != MergeFeature::bias && x[static_cast<std::size_t>(v.unless)] > 0.0;
    if (x[static_cast<std::size_t>(v.feature)] > 0.0 && !exempt) {
      return false;
    }
  }
  return probability(x, shared_concept) >= threshold;
}

double MergeModel::probability(const MergeFeatures& x, std::string_view shared_concept) const {
  double z = 0.0;
  for (std::size_t i = 0; i < kMergeFeatures; ++i) {
    z += weights[i] * x[i];
  }
  if (!shared_concept.empty()) {
    if (const auto it = concept_weights.find(shared_concept); it != concept_weights.end()) {
      z += it->second;
    }
  }
  return 1.0 / (1.0 + std::exp(-z));
}

std::string MergeModel::write() const {
  std::string out = fmt::format("threshold\t{:.6f}\n", threshold);
  for (std::size_t i = 0; i < kMergeFeatures; ++i) {
    out += fmt::format("{}\t{:.6f}\n", kMergeFeatureNames[i], weights[i]);
  }
  for (const auto& [name, weight] : concept_weights) {
    out += fmt::format("{}{}\t{:.6f}\n", kConceptPrefix, name, weight);
  }
  return out;
}

namespace {

Result<double> number(std::string_view s, std::string_view origin, std::size_t line) {
  double v = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
    return fail(Errc::parse, fmt::format("{}:{}: not a number: \"{}\"", origin, line, s));
  }
  return v;
}

}  // namespace

Result<MergeModel> MergeModel::read(std::string_view text, std::string_view origin) {
  MergeModel m;
  std::array<bool, kMergeFeatures> seen{};
  bool threshold_seen = false;
  std::size_t line = 0;
  while (!text.empty()) {
    ++line;
    const std::size_t nl = text.find('\n');
    std::string_view row = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!row.empty() && row.back() == '\r') {
      row.remove_suffix(1);
    }
    if (row.empty() || row[0] == '#') {
      continue;
    }
    const std::size_t tab = row.find('\t');
    if (tab == std::string_view::npos) {
      return fail(Errc::parse, fmt::format("{}:{}: expected NAME<TAB>VALUE", origin, line));
    }
    const std::string_view name = row.substr(0, tab);
    KB_ASSIGN(const double value, number(row.substr(tab + 1), origin, line));
    if (name == "threshold") {
      m.threshold = value;
      threshold_seen = true;
      continue;
    }
    if (name.starts_with(kConceptPrefix)) {
      const std::string_view concept_name = name.substr(kConceptPrefix.size());
      if (concept_name.empty() || !m.concept_weights.emplace(concept_name, value).second) {
        return fail(Errc::parse,
                    fmt::format("{}:{}: empty or repeated concept \"{}\"", origin, line, name));
      }
      continue;
    }
    std::size_t i = 0;
    while (i < kMergeFeatures && kMergeFeatureNames[i] != name) {
      ++i;
    }
    if (i == kMergeFeatures) {
      return fail(Errc::parse, fmt::format("{}:{}: unknown feature \"{}\"", origin, line, name));
    }
    m.weights[i] = value;
    seen[i] = true;
  }
  if (!threshold_seen) {
    return fail(Errc::parse, fmt::format("{}: no threshold", origin));
  }
  for (std::size_t i = 0; i < kMergeFeatures; ++i) {
    if (!seen[i]) {
      return fail(Errc::parse,
                  fmt::format("{}: no weight for feature \"{}\"", origin, kMergeFeatureNames[i]));
    }
  }
  return m;
}

Result<MergeModel> MergeModel::load(const std::filesystem::path& data_dir) {
  const auto path = data_dir / "events" / "merge.tsv";
  KB_ASSIGN(const std::string text, analysis::read_model_file(path, "merge model"));
  return read(text, path.string());
}

Result<const MergeModel*> shipped_merge_model() {
  static const Result<MergeModel> model = []() -> Result<MergeModel> {
    KB_ASSIGN(const auto dir, importers::find_data_dir());
    return MergeModel::load(dir);
  }();
  if (!model) {
    return fail(model.error().code, model.error().message);
  }
  return &*model;
}

}  // namespace kb::services
