// Fuzz target: every importer. The first byte picks the format (JSON, AIF,
// Argdown, Kialo, TGF, APX, i23) and, with its high bit, small limits (8
// levels, 50 claims) instead of the defaults; the rest is the file. The
// invariant: an import that succeeds gives a map that `argmap check` accepts
// without errors under the same limits.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../engine/helpers.hpp"
#include "engine/interchange/af_format.hpp"
#include "engine/interchange/aif_import.hpp"
#include "engine/interchange/argdown_import.hpp"
#include "engine/interchange/json.hpp"
#include "engine/interchange/kialo.hpp"

namespace {

std::optional<std::string> import(std::uint8_t which, const std::string& text,
                                  argmap::diagnostic& error,
                                  const argmap::grammar::parse_options& limits) {
  std::optional<argmap::engine::import_result> r;
  switch (which % 7) {
    case 0:
      r = argmap::engine::import_json(text, error, limits);
      break;
    case 1:
      r = argmap::engine::import_aif(text, error, limits);
      break;
    case 2:
      r = argmap::engine::import_argdown(text, error, limits);
      break;
    case 3:
      r = argmap::engine::import_kialo(text, error, limits);
      break;
    default: {
      static const argmap::engine::af_format formats[] = {argmap::engine::af_format::tgf,
                                                          argmap::engine::af_format::apx,
                                                          argmap::engine::af_format::i23};
      auto f = argmap::engine::read_af(text, formats[which % 7 - 4], error);
      if (!f || f->names.size() > 2000) return std::nullopt;
      return argmap::engine::framework_to_map(*f, error, limits);
    }
  }
  if (!r) return std::nullopt;
  return r->map;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  argmap::diagnostic error;
  argmap::engine::check_options options;
  if (data[0] & 0x80) {
    options.parse.max_depth = 8;
    options.parse.max_claims = 50;
  }
  std::optional<std::string> map = import(data[0] & 0x7F, text, error, options.parse);
  if (!map) return 0;
  argmap::engine::checked_map m = argmap::test::check(*map, options);
  for (const argmap::diagnostic& d : m.diagnostics) {
    if (d.level != argmap::severity::error) continue;
    std::fprintf(stderr, "importer %d wrote a map with errors: %s\n--- map\n%s\n",
                 (data[0] & 0x7F) % 7, d.message.c_str(), map->c_str());
    std::abort();
  }
  return 0;
}
