// The merge decision: whether an extracted event tells the same happening as a stored one. A
// logistic model over what the two share (title, concept, dates, sides, names and words of their
// quotes), trained on pairs of quotes that annotators judged one happening or two
// (eval/merge/, tools/kb_train_merge, `bash scripts/train_merge.sh`); it lives in
// data/events/merge.tsv.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "kb/result.hpp"

namespace kb::services {

// What the model reads of a (stored event, extracted event) pair; each in [0, 1] or a small count.
enum class MergeFeature : std::size_t {
  bias,
  same_title,         // the same headline (alias key)
  same_concept,       // the same normalised predicate ("invade")
  same_kind,          // the same kind
  overlap,            // the two date intervals overlap
  nested,             // one interval lies within the other
  gap_days,           // log(1 + days between the intervals), 0 when they overlap
  both_stated,        // both texts state their date (neither dated by publication)
  both_days,          // both dated to the day
  shared_actor,       // an actor on both, or two who act for one country
  actors_clash,       // both name actors, and none can be the same side
  swapped,            // one's actor is the other's object, and no actor is shared
  shared_object,      // a target or place on both (or one within the other's country)
  objects_clash,      // both name objects, and none can be the same
  no_objects,         // neither names a target or place
  one_object,         // only one names a target or place
  symmetric_meeting,  // a meeting, call or agreement the two tell as one (sides maybe swapped)
  named_shared,       // log(1 + names and figures beyond the actors' the quotes share)
  named_jaccard,      // the share of those names, of all either quote has
  words_jaccard,      // the share of content words the quotes share
  title_shared,       // log(1 + words of the two titles that say what happened)
  statement,          // an event of kind statement
  count
};
inline constexpr std::size_t kMergeFeatures = static_cast<std::size_t>(MergeFeature::count);

// The names of the features, as the model file and `kb import --trace-merges` write them.
extern const std::array<std::string_view, kMergeFeatures> kMergeFeatureNames;

using MergeFeatures = std::array<double, kMergeFeatures>;

// Features that forbid a merge whatever the probability: the guide's own rules, each with the
// error class it fixes (merge_model.cpp). The annotated pairs agree: of the 79 train pairs judged
// one happening, 4 have objects that clash and 2 swapped sides, all through role mistakes, and
// the blind scores are the same with and without the vetoes.
struct MergeVeto {
  MergeFeature feature;  // forbids when set ...
  MergeFeature unless;   // ... unless this is set too (bias: always forbids)
  std::string_view error_class;
};
extern const std::array<MergeVeto, 2> kMergeVetoes;

// The trained weights and the threshold a pair's probability must reach to merge.
struct MergeModel {
  std::array<double, kMergeFeatures> weights{};
  // What sharing a concept says beyond same_concept, per concept (error class: the invasion told
  // as "Russia invades Ukraine" and "Russia launches full-scale war" by two sources, few words
  // shared, kept apart like two attacks of one day; a pair of phone calls of one day is rarely one
  // happening, a pair of invasions or annexations often). Learned like the other weights; a
  // concept the training pairs lack adds nothing.
  std::map<std::string, double, std::less<>> concept_weights;
  double threshold = 0.5;

  // The probability that the pair is one happening. `shared_concept`: the concept both events
  // name ("" when they name none or differ).
  double probability(const MergeFeatures& x, std::string_view shared_concept = {}) const;
  // Whether the pair is one happening: the probability reaches the threshold and no veto holds.
  bool same(const MergeFeatures& x, std::string_view shared_concept = {}) const;
  // Whether a pair whose features are `x` so far could still be one happening once features not
  // yet read (0 in `x`) take values of at most `most` (each ≥ 0): no veto holds and the
  // probability with the largest such values reaches the threshold.
  bool may_merge(const MergeFeatures& x, const MergeFeatures& most,
                 std::string_view shared_concept = {}) const;

  // Text form: '#' comments, "threshold\tVALUE", then "NAME\tWEIGHT" for every feature, then
  // "concept:NAME\tWEIGHT" for each concept weight.
  std::string write() const;
  // Errors (parse) name `origin` and the line; every feature must have its weight.
  static Result<MergeModel> read(std::string_view text, std::string_view origin);
  // Reads data_dir/events/merge.tsv.
  static Result<MergeModel> load(const std::filesystem::path& data_dir);
};

// The model kb ships (data/events/merge.tsv under importers::find_data_dir()), read once per
// process; the error names the file.
Result<const MergeModel*> shipped_merge_model();

}  // namespace kb::services
