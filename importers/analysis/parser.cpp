// Parser: see parser.hpp.
#include "importers/analysis/parser.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <span>

#include "importers/analysis/features.hpp"

namespace kb::analysis {
namespace {

constexpr std::uint64_t kNone = 0x7f7f7f7fULL;
constexpr int kShift = 0;

int left_action(int label) { return 1 + 2 * label; }
int right_action(int label) { return 2 + 2 * label; }

// Per-word inputs: hashed lower-case form and tag, and the word's fine class (clusters.hpp).
struct Input {
  std::uint64_t w;
  std::uint64_t t;
  std::uint64_t c = 0;
};

// What the features read of one word's partial tree: its two outermost children on each side
// (index and label), how many children it has on each side and the sets of their labels.
struct Node {
  int word = -1;
  int lc1 = -1, lc2 = -1, rc1 = -1, rc2 = -1;      // leftmost, second leftmost, rightmost, ...
  int llc1 = -1, llc2 = -1, lrc1 = -1, lrc2 = -1;  // their labels
  int vl = 0, vr = 0;
  std::uint64_t sl = 0, sr = 0;  // label sets of left and right children

  void attach(int d, int l) {
    if (d < word) {
      if (lc1 == -1 || d < lc1) {
        lc2 = lc1, llc2 = llc1;
        lc1 = d, llc1 = l;
      } else if (lc2 == -1 || d < lc2) {
        lc2 = d, llc2 = l;
      }
      ++vl;
      sl |= 1ULL << (static_cast<unsigned>(l) & 63U);
    } else {
      if (rc1 == -1 || d > rc1) {
        rc2 = rc1, lrc2 = lrc1;
        rc1 = d, lrc1 = l;
      } else if (rc2 == -1 || d > rc2) {
        rc2 = d, lrc2 = l;
      }
      ++vr;
      sr |= 1ULL << (static_cast<unsigned>(l) & 63U);
    }
  }
};

// What the features see of a configuration: the top three stack words (nullptr when absent),
// the front of the buffer and the stack's depth. Words are 0..n-1; the root is word n, always
// last in the buffer.
struct View {
  int n = 0;
  std::size_t depth = 0;
  std::array<const Node*, 3> s{};
  const Node* b = nullptr;
};

// The greedy parser's configuration, with every word's head and label (the dynamic oracle reads
// the whole stack and the arcs made).
struct State {
  int n = 0;
  std::vector<int> stack;
  int b0 = 0;  // front of the buffer; the buffer is b0..n
  std::vector<int> head, label;
  std::vector<Node> node;

  explicit State(int words)
      : n(words),
        head(static_cast<std::size_t>(words) + 1, -1),
        label(static_cast<std::size_t>(words) + 1, -1),
        node(static_cast<std::size_t>(words) + 1) {
    for (int i = 0; i <= words; ++i) {
      node[static_cast<std::size_t>(i)].word = i;
    }
  }

  bool done() const { return stack.empty() && b0 == n; }
  int s(std::size_t i) const { return stack.size() > i ? stack[stack.size() - 1 - i] : -1; }

  bool can_shift() const { return b0 < n; }
  bool can_left() const { return !stack.empty() && (b0 < n || stack.size() == 1); }
  bool can_right() const { return stack.size() >= 2; }

  View view() const {
    View v;
    v.n = n;
    v.depth = stack.size();
    for (std::size_t i = 0; i < 3; ++i) {
      const int w = s(i);
      v.s[i] = w < 0 ? nullptr : &node[static_cast<std::size_t>(w)];
    }
    v.b = &node[static_cast<std::size_t>(b0)];
    return v;
  }

  void apply(int action) {
    if (action == kShift) {
      stack.push_back(b0++);
      return;
    }
    const int l = (action - 1) / 2;
    const int d = stack.back();
    stack.pop_back();
    const int h = action % 2 == 1 ? b0 : stack.back();
    head[static_cast<std::size_t>(d)] = h;
    label[static_cast<std::size_t>(d)] = l;
    node[static_cast<std::size_t>(h)].attach(d, l);
  }
};

// Which of a state's features features() gives: all, in their order (the greedy parser and
// training), or one of two parts for the beam: the context features, which read only which words
// are s0, s1, s2 and b0 (their forms, tags and classes, distances, and the stack's depth up to 3,
// which those words fix), or the tree features, which read the partial trees (children, their
// labels, valencies). Each part keeps its features' order and keys.
enum class Part { all, context, tree };

// Features of a state (see the template list in the parser's documentation).
void features(const View& st, const std::vector<Input>& in, std::vector<std::uint64_t>& f,
              Part part = Part::all) {
  f.clear();
  auto word_at = [&](int i) { return i < 0 ? kNone : in[static_cast<std::size_t>(i)].w; };
  auto tag_at = [&](int i) { return i < 0 ? kNone : in[static_cast<std::size_t>(i)].t; };
  // the label of child `i` (-1: none) is `l`
  auto label_of = [](int i, int l) -> std::uint64_t {
    return i < 0 ? kNone : static_cast<std::uint64_t>(l + 2);
  };
  static const Node absent;
  const Node& n0 = st.s[0] != nullptr ? *st.s[0] : absent;
  const Node& n1 = st.s[1] != nullptr ? *st.s[1] : absent;
  const Node& nb = *st.b;
  const int s0 = n0.word, s1 = n1.word, s2 = st.s[2] != nullptr ? st.s[2]->word : -1;
  const int b0 = nb.word;
  const int b1 = b0 + 1 <= st.n ? b0 + 1 : -1;
  const int b2 = b0 + 2 <= st.n ? b0 + 2 : -1;
  const std::uint64_t s0w = word_at(s0), s0t = tag_at(s0), b0w = word_at(b0), b0t = tag_at(b0),
                      b1w = word_at(b1), b1t = tag_at(b1);
  const std::uint64_t b2w = word_at(b2), b2t = tag_at(b2), s1w = word_at(s1), s1t = tag_at(s1),
                      s2t = tag_at(s2);
  const std::uint64_t s0wt = mix(s0w, s0t), b0wt = mix(b0w, b0t), b1wt = mix(b1w, b1t),
                      s1wt = mix(s1w, s1t);
  std::uint64_t id = 0;
  bool tree = false;  // the features added now read the partial trees
  auto wanted = [&]() { return part == Part::all || tree == (part == Part::tree); };
  auto add1 = [&](std::uint64_t a) {
    ++id;
    if (wanted()) {
      f.push_back(feat(id, a));
    }
  };
  auto add2 = [&](std::uint64_t a, std::uint64_t b) {
    ++id;
    if (wanted()) {
      f.push_back(feat(id, a, b));
    }
  };
  auto add3 = [&](std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    ++id;
    if (wanted()) {
      f.push_back(feat(id, a, b, c));
    }
  };
  add1(0);
  add1(s0w), add1(s0t), add1(s0wt), add1(b0w), add1(b0t), add1(b0wt), add1(b1w), add1(b1t),
      add1(b1wt);
  add1(b2w), add1(b2t), add1(mix(b2w, b2t)), add1(s1w), add1(s1t), add1(s1wt), add1(s2t),
      add1(word_at(s2));
  add2(s0wt, b0wt), add2(s0wt, b0w), add2(s0w, b0wt), add2(s0wt, b0t), add2(s0t, b0wt),
      add2(s0w, b0w);
  add2(s0t, b0t), add2(b0t, b1t), add2(s1t, s0t), add2(s1w, s0w), add2(s1wt, s0t), add2(s1t, s0wt);
  add3(b0t, b1t, b2t), add3(s0t, b0t, b1t), add3(s1t, s0t, b0t), add3(s2t, s1t, s0t),
      add3(s1t, s0t, b1t);
  const std::uint64_t d = s0 < 0 ? kNone : static_cast<std::uint64_t>(std::min(b0 - s0, 6));
  const std::uint64_t d2 =
      (s0 < 0 || s1 < 0) ? kNone : static_cast<std::uint64_t>(std::min(s0 - s1, 6));
  add2(s0w, d), add2(s0t, d), add2(b0w, d), add2(b0t, d), add3(s0w, b0w, d), add3(s0t, b0t, d),
      add3(s1t, s0t, d2);
  // valencies and children of an absent word read as -1, as they always have
  tree = true;
  const auto s0vl = static_cast<std::uint64_t>(s0 < 0 ? -1 : n0.vl);
  const auto s0vr = static_cast<std::uint64_t>(s0 < 0 ? -1 : n0.vr);
  const auto b0vl = static_cast<std::uint64_t>(nb.vl);
  const auto s1vr = static_cast<std::uint64_t>(s1 < 0 ? -1 : n1.vr);
  add2(s0w, s0vr), add2(s0t, s0vr), add2(s0w, s0vl), add2(s0t, s0vl), add2(b0w, b0vl),
      add2(b0t, b0vl), add2(s1t, s1vr);
  const int s0l1 = n0.lc1, s0r1 = n0.rc1, b0l1 = nb.lc1, s1r1 = n1.rc1;
  const int s1l1 = n1.lc1, s0l2 = n0.lc2, s0r2 = n0.rc2, b0l2 = nb.lc2;
  const std::uint64_t ls0l1 = label_of(s0l1, n0.llc1), ls0r1 = label_of(s0r1, n0.lrc1),
                      lb0l1 = label_of(b0l1, nb.llc1), ls1r1 = label_of(s1r1, n1.lrc1),
                      ls1l1 = label_of(s1l1, n1.llc1), ls0l2 = label_of(s0l2, n0.llc2),
                      ls0r2 = label_of(s0r2, n0.lrc2), lb0l2 = label_of(b0l2, nb.llc2);
  add1(word_at(s0l1)), add1(tag_at(s0l1)), add1(ls0l1), add1(word_at(s0r1)), add1(tag_at(s0r1)),
      add1(ls0r1);
  add1(word_at(b0l1)), add1(tag_at(b0l1)), add1(lb0l1), add2(tag_at(s1r1), ls1r1),
      add2(tag_at(s1l1), ls1l1);
  add1(word_at(s0l2)), add1(tag_at(s0l2)), add1(ls0l2), add1(word_at(s0r2)), add1(tag_at(s0r2)),
      add1(ls0r2);
  add1(word_at(b0l2)), add1(tag_at(b0l2)), add1(lb0l2);
  add3(s0t, tag_at(s0l1), tag_at(s0l2)), add3(s0t, tag_at(s0r1), tag_at(s0r2)),
      add3(b0t, tag_at(b0l1), tag_at(b0l2));
  add3(s0t, tag_at(s0l1), b0t), add3(s0t, tag_at(s0r1), b0t), add3(s0t, b0t, tag_at(b0l1)),
      add3(s1t, tag_at(s1r1), s0t);
  add3(s0t, ls0l1, ls0r1), add3(b0t, lb0l1, b0t);
  const std::uint64_t s0sl = s0 < 0 ? kNone : n0.sl;
  const std::uint64_t s0sr = s0 < 0 ? kNone : n0.sr;
  const std::uint64_t b0sl = nb.sl;
  add2(s0w, s0sr), add2(s0t, s0sr), add2(s0w, s0sl), add2(s0t, s0sl), add2(b0w, b0sl),
      add2(b0t, b0sl);
  tree = false;
  add2(static_cast<std::uint64_t>(std::min<std::size_t>(st.depth, 3)), b0 == st.n ? 1 : 0);
  add3(s0t, b0t, static_cast<std::uint64_t>(std::min<std::size_t>(st.depth, 3)));
  // Word classes: attachments learned on one word carry to the words of its class.
  auto class_at = [&](int i) { return i < 0 ? kNone : in[static_cast<std::size_t>(i)].c; };
  const std::uint64_t s0c = class_at(s0), b0c = class_at(b0), b1c = class_at(b1),
                      s1c = class_at(s1);
  add1(s0c), add1(b0c), add1(b1c), add1(s1c);
  add2(s0c, b0c), add2(s0c, b0t), add2(s0t, b0c), add2(s1c, s0c), add2(b0c, b1c);
  add3(s0c, b0c, d), add3(s0t, b0c, b1t);
  tree = true;
  add2(s0c, ls0l1);
}

// The beam's cache of context scores (Part::context's weights summed, per action) keyed by the
// words that are s0, s1, s2 and b0: the items of a step mostly differ only in their trees (the
// same transition with another label), and an item's context often recurs. Direct-mapped.
class ContextScores {
 public:
  explicit ContextScores(std::size_t classes)
      : classes_(classes), keys_(kSize, Key{-2, -2, -2, -2}), scores_(kSize * classes) {}

  // The context scores of `v`, filled by `fill(scores)` (zeros on entry) when not cached.
  template <class Fill>
  const float* get(const View& v, const Fill& fill) {
    auto word = [](const Node* node) { return node == nullptr ? -1 : node->word; };
    const Key k{word(v.s[0]), word(v.s[1]), word(v.s[2]), v.b->word};
    auto part = [&](std::size_t i) { return static_cast<std::uint32_t>(k[i] + 1); };
    const std::uint64_t h = mix(mix(mix(part(0), part(1)), part(2)), part(3));
    const std::size_t slot = h & (kSize - 1);
    float* out = scores_.data() + slot * classes_;
    if (keys_[slot] != k) {
      keys_[slot] = k;
      std::fill(out, out + classes_, 0.0F);
      fill(std::span<float>(out, classes_));
    }
    return out;
  }

 private:
  using Key = std::array<int, 4>;
  static constexpr std::size_t kSize = 64;
  std::size_t classes_;
  std::vector<Key> keys_;
  std::vector<float> scores_;
};

std::vector<Input> inputs(const std::vector<Word>& words) {
  std::vector<Input> in;
  in.reserve(words.size() + 1);
  for (const Word& w : words) {
    in.push_back(Input{hash_string(lower_ascii(w.form)), hash_string(w.xpos) ^ 0x51ULL,
                       0xc1a55ULL + w.cluster});
  }
  in.push_back(Input{hash_string("<ROOT>"), hash_string("<ROOT>") ^ 0x51ULL});
  return in;
}

// Best legal action by `scores` among actions for which `allowed(action)` holds.
template <class Allowed>
int best_action(const std::vector<float>& scores, const State& st, int labels, Allowed allowed) {
  int best = -1;
  float best_score = -std::numeric_limits<float>::infinity();
  auto consider = [&](int a) {
    if (allowed(a) && (best < 0 || scores[static_cast<std::size_t>(a)] > best_score)) {
      best = a;
      best_score = scores[static_cast<std::size_t>(a)];
    }
  };
  if (st.can_shift()) {
    consider(kShift);
  }
  for (int l = 0; l < labels; ++l) {
    if (st.can_left()) {
      consider(left_action(l));
    }
    if (st.can_right()) {
      consider(right_action(l));
    }
  }
  return best;
}

// Dynamic-oracle costs of the three unlabelled transitions (Goldberg & Nivre 2013, arc-hybrid).
struct Costs {
  int shift, left, right;
};
Costs costs(const State& st, const std::vector<int>& gold_head) {
  const int s0 = st.s(0), s1 = st.s(1), b0 = st.b0;
  auto gh = [&](int i) { return gold_head[static_cast<std::size_t>(i)]; };
  Costs c{0, 0, 0};
  if (st.can_shift()) {
    for (const int k : st.stack) {
      if (gh(k) == b0) {
        ++c.shift;
      }
      if (k != s0 && gh(b0) == k) {
        ++c.shift;
      }
    }
  }
  if (s0 >= 0) {
    int deps = 0;  // dependents of s0 still in the buffer are lost by either reduction
    for (int k = b0; k < st.n; ++k) {
      if (gh(k) == s0) {
        ++deps;
      }
    }
    c.left = deps + ((gh(s0) != b0 && (gh(s0) == s1 || gh(s0) > b0)) ? 1 : 0);
    c.right = deps + ((gh(s0) != s1 && gh(s0) >= b0) ? 1 : 0);
  }
  return c;
}

// The zero-cost action the global trainer follows (left, then right, then shift; an arc gets
// the gold label of its dependent): the gold tree when it is projective, else the best
// projective tree reachable (the dynamic oracle's, Goldberg & Nivre 2013).
std::vector<int> oracle_actions(int n, const std::vector<int>& gold_head,
                                const std::vector<int>& gold_label) {
  std::vector<int> actions;
  actions.reserve(2 * static_cast<std::size_t>(n));
  State st(n);
  while (!st.done()) {
    const Costs c = costs(st, gold_head);
    int best = std::numeric_limits<int>::max();
    if (st.can_shift()) {
      best = std::min(best, c.shift);
    }
    if (st.can_left()) {
      best = std::min(best, c.left);
    }
    if (st.can_right()) {
      best = std::min(best, c.right);
    }
    const int l = st.stack.empty() ? 0 : gold_label[static_cast<std::size_t>(st.s(0))];
    int a = kShift;
    if (st.can_left() && c.left == best) {
      a = left_action(l);
    } else if (st.can_right() && c.right == best) {
      a = right_action(l);
    }
    actions.push_back(a);
    st.apply(a);
  }
  return actions;
}

// Beam search over configurations that share their pasts: a stack is a chain of cells in an
// arena, each holding its word's partial tree as it stood when the cell was made, and an item
// holds the partial tree of the buffer's front. A transition makes at most one cell, so a
// sentence of n words costs O(n * width) time and memory (2n steps, `width` items each).
class Beam {
 public:
  struct Item {
    int top = -1;  // the stack's top cell; -1: empty stack
    std::size_t depth = 0;
    Node b;
    double score = 0;
    int step = -1;  // the last step of this item's history; -1: none
    bool gold = true;
  };

  Beam(int n, std::size_t width) : n_(n), width_(width) {
    const std::size_t steps = 2 * static_cast<std::size_t>(n) + 1;
    cells_.reserve(steps * width);
    steps_.reserve(steps * width);
    Item start;
    start.b.word = 0;
    items_.push_back(start);
  }

  const std::vector<Item>& items() const { return items_; }
  bool done() const { return items_.front().depth == 0 && items_.front().b.word == n_; }

  View view(const Item& it) const {
    View v;
    v.n = n_;
    v.depth = it.depth;
    int c = it.top;
    for (std::size_t i = 0; i < 3; ++i) {
      v.s[i] = c < 0 ? nullptr : &cells_[static_cast<std::size_t>(c)].node;
      c = c < 0 ? -1 : cells_[static_cast<std::size_t>(c)].next;
    }
    v.b = &it.b;
    return v;
  }

  // One step: `score(view, scores)` fills the action scores of an item's configuration; the
  // `width` best continuations (item score + action score; ties go to the earlier item and
  // action) become the new items. `gold_action` (or -1) marks the continuation of the gold item.
  template <class Score>
  void advance(int labels, int gold_action, const Score& score) {
    top_.clear();
    auto offer = [&](double s, std::size_t item, int action) {
      if (top_.size() == width_ && !(s > top_.back().score)) {
        return;
      }
      const auto at = std::upper_bound(top_.begin(), top_.end(), s,
                                       [](double x, const Candidate& c) { return x > c.score; });
      top_.insert(at, Candidate{s, item, action});
      if (top_.size() > width_) {
        top_.pop_back();
      }
    };
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const Item& it = items_[i];
      const std::vector<float>& sc = score(view(it));
      const bool shift = it.b.word<n_, left = it.depth> 0 && (it.b.word < n_ || it.depth == 1),
                 right = it.depth >= 2;
      if (shift) {
        offer(it.score + sc[0], i, kShift);
      }
      for (int l = 0; l < labels; ++l) {
        if (left) {
          offer(it.score + sc[static_cast<std::size_t>(left_action(l))], i, left_action(l));
        }
        if (right) {
          offer(it.score + sc[static_cast<std::size_t>(right_action(l))], i, right_action(l));
        }
      }
    }
    next_.clear();
    for (const Candidate& c : top_) {
      next_.push_back(apply(items_[c.item], c.action));
      next_.back().score = c.score;
      next_.back().gold = items_[c.item].gold && c.action == gold_action;
    }
    items_.swap(next_);
  }

  // The actions that led to the item whose last step is `step`, first to last.
  std::vector<int> history(int step) const {
    std::vector<int> out;
    for (int s = step; s >= 0; s = steps_[static_cast<std::size_t>(s)].parent) {
      out.push_back(steps_[static_cast<std::size_t>(s)].action);
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

 private:
  struct Cell {
    Node node;
    int next = -1;
  };
  struct Step {
    int parent;
    int action;
  };

  Item apply(const Item& it, int action) {
    Item out = it;
    steps_.push_back(Step{it.step, action});
    out.step = static_cast<int>(steps_.size()) - 1;
    if (action == kShift) {
      cells_.push_back(Cell{it.b, it.top});
      out.top = static_cast<int>(cells_.size()) - 1;
      ++out.depth;
      out.b = Node{};
      out.b.word = it.b.word + 1;
      return out;
    }
    const int l = (action - 1) / 2;
    const Cell& s0 = cells_[static_cast<std::size_t>(it.top)];
    --out.depth;
    if (action % 2 == 1) {  // left: s0 becomes a child of the buffer's front
      out.b.attach(s0.node.word, l);
      out.top = s0.next;
      return out;
    }
    Cell s1 = cells_[static_cast<std::size_t>(s0.next)];  // right: s0 a child of s1
    s1.node.attach(s0.node.word, l);
    cells_.push_back(s1);
    out.top = static_cast<int>(cells_.size()) - 1;
    return out;
  }

  int n_;
  std::size_t width_;
  std::vector<Item> items_, next_;
  std::vector<Cell> cells_;
  std::vector<Step> steps_;
  struct Candidate {
    double score;
    std::size_t item;
    int action;
  };
  std::vector<Candidate> top_;  // the best continuations of a step, best first
};

}  // namespace

void Parser::parse(std::vector<Word>& words) const {
  if (words.empty() || labels_.empty()) {
    return;
  }
  const int n = static_cast<int>(words.size());
  const std::vector<Input> in = inputs(words);
  State st(n);
  std::vector<std::uint64_t> f;
  std::vector<float> scores(model_.classes());
  const int labels = static_cast<int>(labels_.size());
  if (beam_ <= 1) {
    while (!st.done()) {
      features(st.view(), in, f);
      std::fill(scores.begin(), scores.end(), 0.0F);
      model_.score(f, scores);
      st.apply(best_action(scores, st, labels, [](int) { return true; }));
    }
  } else {
    Beam beam(n, static_cast<std::size_t>(beam_));
    // The beam's items share most features with each other and with the step before: their
    // rows are looked up once (LinearModel::Memo; the greedy parser, whose configurations share
    // fewer, measured faster without it). An item's scores: its context's (shared with the
    // items of the same context), then its tree features' weights added.
    thread_local LinearModel::Memo memo;
    ContextScores context(scores.size());
    auto score = [&](const View& v) -> const std::vector<float>& {
      const float* c = context.get(v, [&](std::span<float> out) {
        features(v, in, f, Part::context);
        model_.score(f, out, memo);
      });
      std::copy(c, c + scores.size(), scores.begin());
      features(v, in, f, Part::tree);
      model_.score(f, scores, memo);
      return scores;
    };
    while (!beam.done()) {
      beam.advance(labels, -1, score);
    }
    for (const int a : beam.history(beam.items().front().step)) {
      st.apply(a);
    }
  }
  for (int i = 0; i < n; ++i) {
    const int h = st.head[static_cast<std::size_t>(i)];
    Word& w = words[static_cast<std::size_t>(i)];
    w.head = h == n ? 0 : h + 1;
    w.deprel = labels_[static_cast<std::size_t>(st.label[static_cast<std::size_t>(i)])];
  }
}

namespace {

// One global update (Huang, Fayong & Guo 2012, max-violation): beam search with the current
// weights, then the perceptron update at the step where the best item beats the gold prefix by
// the most, +1 to the gold prefix's features and actions and -1 to the best item's (their common
// start cancels and is skipped). No update when the gold sequence stays best.
void global_update(PerceptronTrainer& trainer, const std::vector<Input>& in,
                   const std::vector<int>& gold_head, const std::vector<int>& gold_label,
                   int labels, std::size_t width) {
  const int n = static_cast<int>(in.size()) - 1;
  const std::vector<int> gold = oracle_actions(n, gold_head, gold_label);
  std::vector<std::uint64_t> f;
  std::vector<float> scores(static_cast<std::size_t>(1 + 2 * labels));
  auto score = [&](const View& v) -> const std::vector<float>& {
    features(v, in, f);
    std::fill(scores.begin(), scores.end(), 0.0F);
    trainer.score(f, scores);
    return scores;
  };
  Beam beam(n, width);
  State g(n);
  double gold_score = 0;
  double worst = -1;   // a violation: the best item is not gold and scores at least as high
  std::size_t at = 0;  // steps taken at the largest violation (0: none)
  int at_step = -1;
  for (std::size_t t = 0; t < gold.size(); ++t) {
    gold_score += score(g.view())[static_cast<std::size_t>(gold[t])];
    g.apply(gold[t]);
    beam.advance(labels, gold[t], score);
    const auto& best = beam.items().front();
    if (!best.gold && best.score >= gold_score && best.score - gold_score > worst) {
      worst = best.score - gold_score;
      at = t + 1;
      at_step = best.step;
    }
  }
  if (at == 0) {
    trainer.tick();
    return;
  }
  const std::vector<int> predicted = beam.history(at_step);
  State gs(n), ps(n);
  std::size_t j = 0;
  for (; j < at && gold[j] == predicted[j]; ++j) {
    gs.apply(gold[j]);
    ps.apply(predicted[j]);
  }
  for (; j < at; ++j) {
    features(gs.view(), in, f);
    trainer.add(f, static_cast<std::size_t>(gold[j]), 1.0F);
    features(ps.view(), in, f);
    trainer.add(f, static_cast<std::size_t>(predicted[j]), -1.0F);
    gs.apply(gold[j]);
    ps.apply(predicted[j]);
  }
  trainer.tick();
}

}  // namespace

Parser Parser::train(const std::vector<ParsedSentence>& sentences, const Options& options,
                     const std::function<void(int, const Parser&)>& progress) {
  Parser p;
  std::map<std::string, int> index;
  for (const ParsedSentence& s : sentences) {
    for (const Word& w : s.words) {
      index.emplace(w.deprel, 0);
    }
  }
  for (auto& [name, id] : index) {
    id = static_cast<int>(p.labels_.size());
    p.labels_.push_back(name);
  }
  const int labels = static_cast<int>(p.labels_.size());
  PerceptronTrainer trainer(static_cast<std::size_t>(1 + 2 * labels));
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (!sentences[i].words.empty()) {
      order.push_back(i);
    }
  }
  Rng rng{options.seed};
  std::vector<std::uint64_t> f;
  std::vector<float> scores(static_cast<std::size_t>(1 + 2 * labels));
  for (int it = 0; it < options.iterations; ++it) {
    shuffle(order, rng);
    for (std::size_t si : order) {
      const std::vector<Word>& words = sentences[si].words;
      const int n = static_cast<int>(words.size());
      std::vector<int> gold_head(static_cast<std::size_t>(n) + 1, -2);
      std::vector<int> gold_label(static_cast<std::size_t>(n) + 1, 0);
      for (int i = 0; i < n; ++i) {
        const int h = words[static_cast<std::size_t>(i)].head;
        gold_head[static_cast<std::size_t>(i)] = h <= 0 ? n : h - 1;
        gold_label[static_cast<std::size_t>(i)] =
            index.at(words[static_cast<std::size_t>(i)].deprel);
      }
      const std::vector<Input> in = inputs(words);
      if (options.beam > 1) {
        global_update(trainer, in, gold_head, gold_label, labels,
                      static_cast<std::size_t>(options.beam));
        continue;
      }
      State st(n);
      while (!st.done()) {
        features(st.view(), in, f);
        std::fill(scores.begin(), scores.end(), 0.0F);
        trainer.score(f, scores);
        const Costs c = costs(st, gold_head);
        int best_cost = std::numeric_limits<int>::max();
        if (st.can_shift()) {
          best_cost = std::min(best_cost, c.shift);
        }
        if (st.can_left()) {
          best_cost = std::min(best_cost, c.left);
        }
        if (st.can_right()) {
          best_cost = std::min(best_cost, c.right);
        }
        const int s0 = st.s(0), s1 = st.s(1);
        auto zero_cost = [&](int a) {
          if (a == kShift) {
            return st.can_shift() && c.shift == best_cost;
          }
          const int l = (a - 1) / 2;
          const bool left = a % 2 == 1;
          if (left ? (!st.can_left() || c.left != best_cost)
                   : (!st.can_right() || c.right != best_cost)) {
            return false;
          }
          const int h = left ? st.b0 : s1;
          // a gold arc must carry its gold label; any label is as good on a non-gold arc
          return gold_head[static_cast<std::size_t>(s0)] != h ||
                 gold_label[static_cast<std::size_t>(s0)] == l;
        };
        const int guess = best_action(scores, st, labels, [](int) { return true; });
        const int good = best_action(scores, st, labels, zero_cost);
        if (!zero_cost(guess)) {
          trainer.update(f, static_cast<std::size_t>(good), static_cast<std::size_t>(guess));
        }
        trainer.tick();
        const bool explore =
            it > 0 && static_cast<double>(rng.next() % 1000000) < options.explore * 1000000.0;
        st.apply(explore ? guess : good);
      }
    }
    if (progress) {
      Parser snapshot;
      snapshot.labels_ = p.labels_;
      snapshot.model_ = trainer.average();
      snapshot.beam_ = std::max(1, options.beam);
      progress(it + 1, snapshot);
    }
  }
  p.model_ = trainer.average(0.001F);
  p.beam_ = std::max(1, options.beam);
  return p;
}

void Parser::write(std::string& out) const {
  // A greedy parser keeps the format it always had (older kb reads it); a beam parser says its
  // width, in a format older kb refuses by its tag.
  if (beam_ <= 1) {
    put_str(out, "kb-parser-1");
  } else {
    put_str(out, "kb-parser-2");
    put_u32(out, static_cast<std::uint32_t>(beam_));
  }
  put_u32(out, static_cast<std::uint32_t>(labels_.size()));
  for (const std::string& l : labels_) {
    put_str(out, l);
  }
  model_.write(out);
}

Result<Parser> Parser::read(std::string_view in, std::size_t& pos,
                            const std::shared_ptr<const void>& owner) {
  // kb-parser-1 is a greedy parser (every model before 2026-12-06): it loads and parses as it
  // always did.
  KB_ASSIGN(const std::string magic, get_str(in, pos));
  Parser p;
  if (magic == "kb-parser-2") {
    KB_ASSIGN(std::uint32_t beam, get_u32(in, pos));
    if (beam == 0 || beam > kMaxBeam) {
      return fail(Errc::parse, "parser model: bad beam width " + std::to_string(beam));
    }
    p.beam_ = static_cast<int>(beam);
  } else if (magic != "kb-parser-1") {
    return fail(Errc::parse, "not a kb model part (expected 'kb-parser-2' or 'kb-parser-1')");
  }
  KB_ASSIGN(std::uint32_t n, get_u32(in, pos));
  if (n == 0 || n > 1000) {
    return fail(Errc::parse, "parser model: bad label count");
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    KB_ASSIGN(std::string l, get_str(in, pos));
    p.labels_.push_back(std::move(l));
  }
  KB_ASSIGN(LinearModel m, LinearModel::read(in, pos, owner));
  if (m.classes() != 1 + 2 * static_cast<std::size_t>(n)) {
    return fail(Errc::parse, "parser model: weights do not match the labels");
  }
  p.model_ = std::move(m);
  return p;
}

}  // namespace kb::analysis
