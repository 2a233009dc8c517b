#pragma once
/// \file
/// What every argmap process does at its start and end: fatal signals become
/// a message and exit 3 with no temporary left behind, and a failed write to
/// standard output is reported.

namespace argmap::cli {

/// Installs handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT (a crash,
/// most often memory running out inside Graphviz): each removes the
/// temporaries this process is writing, prints "argmap: error: stopped by
/// signal N (...)" and exits with 3. Not installed under AddressSanitizer,
/// whose own reports are wanted.
void install_crash_handlers();

/// Gives std::cout a buffer that remembers why a write to standard output
/// failed (stdio forgets it).
void install_standard_output();

/// Flushes standard output. If anything written to it was lost (a full disk,
/// a closed file), prints "argmap: error: cannot write to standard output:
/// why" and returns 3; otherwise returns `code`.
int finish_standard_output(int code);

}  // namespace argmap::cli
