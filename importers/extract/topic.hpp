// The topic gate: a linear model over the words of an article's title and opening that tells a
// geopolitical report (diplomacy, war, politics: what the events guide asks for) from business,
// markets, sport, technology and entertainment news, which hold no events for a geopolitical
// timeline. The learned extractor reads no events from an article the model rejects (error
// class: mergers, earnings and trade figures of 1987 wire stories stored as events — 52 of a
// sample of 100 corpus events were not geopolitical happenings). Trained by kb_train_topic
// (scripts/train_topic.sh) on section labels the corpus carries; data/events/topic.kbm.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "importers/analysis/perceptron.hpp"
#include "kb/result.hpp"

namespace kb::importers::extract {

// How much of an article's text the gate reads (its title, then this many bytes).
inline constexpr std::size_t kTopicBytes = 4000;

// The features of an article for the gate: lower-case words of the title and of the first
// kTopicBytes of the text (letters only, 3-24 bytes), each once.
void topic_features(std::string_view title, std::string_view text,
                    std::vector<std::uint64_t>& keys);

struct TopicModel {
  analysis::LinearModel model;  // 2 classes: 0 not geopolitical, 1 geopolitical
  float bias = 0.0F;            // added to the margin; chosen on held-out articles

  // The margin for "geopolitical" (> 0: read the article for events).
  float margin(std::string_view title, std::string_view text) const;

  void write(std::string& out) const;
  static Result<TopicModel> read(std::string_view bytes);
  // Reads `path`; errors name the file.
  static Result<TopicModel> load(const std::filesystem::path& path);
};

// Where the gate's model lives under kb's data directory.
std::filesystem::path topic_model_path(const std::filesystem::path& data_dir);

}  // namespace kb::importers::extract
