#include "engine/framework.hpp"

#include <algorithm>

namespace argmap::engine {

const char* name_of(label l) {
  switch (l) {
    case label::in:
      return "in";
    case label::out:
      return "out";
    case label::undec:
      return "undec";
  }
  return "undec";
}

framework::framework(std::size_t size, std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks)
    : size_(size) {
  std::sort(attacks.begin(), attacks.end());
  attacks.erase(std::unique(attacks.begin(), attacks.end()), attacks.end());
  // Rows by attacker: the sorted order already is.
  target_start_.assign(size + 1, 0);
  attacker_start_.assign(size + 1, 0);
  for (const auto& [from, to] : attacks) {
    ++target_start_[from + 1];
    ++attacker_start_[to + 1];
  }
  for (std::size_t i = 0; i < size; ++i) {
    target_start_[i + 1] += target_start_[i];
    attacker_start_[i + 1] += attacker_start_[i];
  }
  targets_.resize(attacks.size());
  attackers_.resize(attacks.size());
  std::vector<std::uint32_t> fill(attacker_start_.begin(), attacker_start_.end() - 1);
  for (std::size_t k = 0; k < attacks.size(); ++k) {
    targets_[k] = attacks[k].second;  // sorted by (from, to): rows are contiguous
    attackers_[fill[attacks[k].second]++] = attacks[k].first;  // ascending by from
  }
}

std::span<const std::uint32_t> framework::attackers(std::uint32_t a) const {
  return {attackers_.data() + attacker_start_[a], attackers_.data() + attacker_start_[a + 1]};
}

std::span<const std::uint32_t> framework::targets(std::uint32_t a) const {
  return {targets_.data() + target_start_[a], targets_.data() + target_start_[a + 1]};
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> framework::attacks() const {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  out.reserve(targets_.size());
  for (std::uint32_t a = 0; a < size_; ++a)
    for (std::uint32_t b : targets(a)) out.emplace_back(a, b);
  return out;
}

std::vector<label> grounded(const framework& af) {
  std::size_t n = af.size();
  std::vector<label> lab(n, label::undec);
  std::vector<std::uint32_t> live(n);  // attackers not (yet) out
  std::vector<std::uint32_t> work;
  for (std::uint32_t a = 0; a < n; ++a) {
    live[a] = static_cast<std::uint32_t>(af.attackers(a).size());
    if (live[a] == 0) {
      lab[a] = label::in;
      work.push_back(a);
    }
  }
  while (!work.empty()) {
    std::uint32_t a = work.back();
    work.pop_back();
    for (std::uint32_t b : af.targets(a)) {
      if (lab[b] != label::undec) continue;  // already out (an in argument has no in attacker)
      lab[b] = label::out;
      for (std::uint32_t c : af.targets(b)) {
        if (--live[c] == 0 && lab[c] == label::undec) {
          lab[c] = label::in;
          work.push_back(c);
        }
      }
    }
  }
  return lab;
}

namespace {

// Backtracking search for complete labellings. Arguments decided by the
// grounded labelling keep their label (every complete labelling extends it).
class complete_search {
 public:
  complete_search(const framework& af, const search_limits& limits)
      : af_(af), limits_(limits), fixed_(grounded(af)) {}

  /// Labellings over the open arguments only (see open()).
  search_result run() {
    for (std::uint32_t a = 0; a < af_.size(); ++a)
      if (fixed_[a] == label::undec) open_.push_back(a);
    if (open_.size() > limits_.max_open) {
      result_.too_large = true;
      return std::move(result_);
    }
    current_.assign(af_.size(), unknown);
    for (std::uint32_t a = 0; a < af_.size(); ++a)
      if (fixed_[a] != label::undec) current_[a] = static_cast<std::uint8_t>(fixed_[a]);
    search(0);
    if (result_.too_large) result_.labellings.clear();
    return std::move(result_);
  }

  /// The arguments the grounded labelling leaves undecided, ascending.
  const std::vector<std::uint32_t>& open() const { return open_; }

  /// The grounded labelling every complete labelling extends.
  const std::vector<label>& fixed() const { return fixed_; }

 private:
  static constexpr std::uint8_t unknown = 3;

  // Whether argument a's label is still possible given the labels so far.
  bool consistent(std::uint32_t a) const {
    std::uint8_t l = current_[a];
    if (l == unknown) return true;
    bool any_in = false, all_out = true;
    for (std::uint32_t b : af_.attackers(a)) {
      std::uint8_t lb = current_[b];
      if (lb == static_cast<std::uint8_t>(label::in)) any_in = true;
      if (lb != static_cast<std::uint8_t>(label::out)) all_out = false;
    }
    bool open = false;
    for (std::uint32_t b : af_.attackers(a))
      if (current_[b] == unknown) open = true;
    switch (static_cast<label>(l)) {
      case label::in:
        // Every attacker out: none may be in or undec.
        for (std::uint32_t b : af_.attackers(a)) {
          std::uint8_t lb = current_[b];
          if (lb == static_cast<std::uint8_t>(label::in) ||
              lb == static_cast<std::uint8_t>(label::undec))
            return false;
        }
        return true;
      case label::out:
        return any_in || open;
      case label::undec:
        return !any_in && !(all_out && !open);
    }
    return true;
  }

  // Assigns `l` to argument `a` and checks it and the arguments it attacks.
  bool assign(std::uint32_t a, label l) {
    current_[a] = static_cast<std::uint8_t>(l);
    if (!consistent(a)) return false;
    for (std::uint32_t b : af_.targets(a))
      if (!consistent(b)) return false;
    return true;
  }

  void search(std::size_t next) {
    if (result_.too_large) return;
    if (++steps_ > limits_.max_steps) {
      result_.too_large = true;
      return;
    }
    while (next < open_.size() && current_[open_[next]] != unknown) ++next;
    if (next == open_.size()) {
      // Only the open arguments differ between complete labellings.
      std::vector<label> l(open_.size());
      for (std::size_t i = 0; i < l.size(); ++i) l[i] = static_cast<label>(current_[open_[i]]);
      result_.labellings.push_back(std::move(l));
      if (result_.labellings.size() > limits_.max_labellings) result_.too_large = true;
      return;
    }
    std::uint32_t a = open_[next];
    std::vector<std::uint8_t> saved(open_.size());
    for (std::size_t i = 0; i < open_.size(); ++i) saved[i] = current_[open_[i]];
    for (label l : {label::in, label::out, label::undec}) {
      if (assign(a, l) && propagate()) search(next + 1);
      for (std::size_t i = 0; i < open_.size(); ++i) current_[open_[i]] = saved[i];
      if (result_.too_large) return;
    }
  }

  // Unit propagation over the open arguments: an argument with an in
  // attacker must be out; one whose attackers are all out must be in.
  bool propagate() {
    bool changed = true;
    while (changed) {
      changed = false;
      for (std::uint32_t a : open_) {
        bool any_in = false, all_out = true;
        for (std::uint32_t b : af_.attackers(a)) {
          if (current_[b] == static_cast<std::uint8_t>(label::in)) any_in = true;
          if (current_[b] != static_cast<std::uint8_t>(label::out)) all_out = false;
        }
        if (current_[a] == unknown) {
          if (any_in) {
            if (!assign(a, label::out)) return false;
            changed = true;
          } else if (all_out) {
            if (!assign(a, label::in)) return false;
            changed = true;
          }
        } else if (!consistent(a)) {
          return false;
        }
      }
    }
    return true;
  }

  const framework& af_;
  search_limits limits_;
  std::vector<label> fixed_;
  std::vector<std::uint32_t> open_;
  std::vector<std::uint8_t> current_;
  std::size_t steps_ = 0;
  search_result result_;
};

bool in_subset(const std::vector<label>& a, const std::vector<label>& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] == label::in && b[i] != label::in) return false;
  return true;
}

// Runs the search and keeps the labellings `keep` selects among the compact
// ones, expanded to every argument and sorted.
template <typename Keep>
search_result run(const framework& af, const search_limits& limits, Keep keep) {
  complete_search s(af, limits);
  search_result compact = s.run();
  search_result r;
  r.too_large = compact.too_large;
  if (r.too_large) return r;
  for (std::size_t i : keep(compact.labellings)) {
    std::vector<label> full = s.fixed();
    for (std::size_t k = 0; k < s.open().size(); ++k) full[s.open()[k]] = compact.labellings[i][k];
    r.labellings.push_back(std::move(full));
  }
  std::sort(r.labellings.begin(), r.labellings.end());
  return r;
}

}  // namespace

search_result complete_labellings(const framework& af, const search_limits& limits) {
  return run(af, limits, [](const std::vector<std::vector<label>>& all) {
    std::vector<std::size_t> all_of(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) all_of[i] = i;
    return all_of;
  });
}

search_result preferred(const framework& af, const search_limits& limits) {
  return run(af, limits, [](const std::vector<std::vector<label>>& all) {
    std::vector<std::size_t> maximal;
    for (std::size_t i = 0; i < all.size(); ++i) {
      bool is_max = true;
      for (std::size_t j = 0; j < all.size() && is_max; ++j)
        if (i != j && in_subset(all[i], all[j]) && !in_subset(all[j], all[i])) is_max = false;
      if (is_max) maximal.push_back(i);
    }
    return maximal;
  });
}

search_result stable(const framework& af, const search_limits& limits) {
  return run(af, limits, [](const std::vector<std::vector<label>>& all) {
    std::vector<std::size_t> no_undec;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (std::none_of(all[i].begin(), all[i].end(), [](label x) { return x == label::undec; }))
        no_undec.push_back(i);
    return no_undec;
  });
}

}  // namespace argmap::engine
