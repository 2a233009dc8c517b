#pragma once
/// \file
/// Abstract argumentation frameworks (Dung 1995) and their semantics:
/// grounded labelling in linear time, and exact enumeration of complete,
/// preferred and stable labellings (Caminada's labelling view).

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace argmap::engine {

/// An argument's label in a labelling.
enum class label : std::uint8_t { in, out, undec };

/// "in", "out" or "undec".
const char* name_of(label l);

/// Arguments 0..size()-1 and an attack relation, stored both ways as
/// compressed rows. Duplicate attacks are merged; self-attacks are kept.
class framework {
 public:
  framework() = default;
  /// `attacks` are (attacker, attacked) pairs over arguments 0..size-1.
  framework(std::size_t size, std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks);

  /// Number of arguments.
  std::size_t size() const { return size_; }
  /// Number of distinct attacks.
  std::size_t attack_count() const { return attackers_.size(); }
  /// The arguments attacking `a`, ascending.
  std::span<const std::uint32_t> attackers(std::uint32_t a) const;
  /// The arguments `a` attacks, ascending.
  std::span<const std::uint32_t> targets(std::uint32_t a) const;
  /// Every attack (attacker, attacked), sorted.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks() const;

 private:
  std::size_t size_ = 0;
  std::vector<std::uint32_t> attacker_start_, attackers_;  // by attacked argument
  std::vector<std::uint32_t> target_start_, targets_;      // by attacking argument
};

/// The grounded labelling: the least complete labelling. Linear in arguments
/// plus attacks (a worklist of arguments whose attackers are all out).
std::vector<label> grounded(const framework& af);

/// Limits for the exact searches.
struct search_limits {
  std::size_t max_open = 64;              ///< arguments left undecided by grounded
  std::size_t max_steps = 20'000'000;     ///< search nodes
  std::size_t max_labellings = 100'000;   ///< complete labellings kept
};

/// What an exact search found.
struct search_result {
  bool too_large = false;                ///< a limit was hit: no answer
  std::vector<std::vector<label>> labellings;  ///< the labellings asked for, in a fixed order
};

/// Every complete labelling, found by a backtracking search over the
/// arguments the grounded labelling leaves undecided, with unit propagation.
/// Correct on any framework (self-attacks, odd cycles, ...).
search_result complete_labellings(const framework& af, const search_limits& limits = {});

/// The preferred labellings: complete labellings whose in-set is maximal.
search_result preferred(const framework& af, const search_limits& limits = {});

/// The stable labellings: complete labellings with no undec argument.
search_result stable(const framework& af, const search_limits& limits = {});

}  // namespace argmap::engine
