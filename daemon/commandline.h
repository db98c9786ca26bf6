#pragma once

#include <QStringList>

class QCoreApplication;

namespace Mailport {

/// mailportd's command line: checks and prints configurations (`--plan`, `-bP`, `--export`,
/// `--is-local`), talks to a running daemon (`--control`), and runs the daemon (`-bd`, `-bh`).
/// Returns the process exit status (exitcodes.h); runs @p app's event loop when a mode needs it.
int runCommandLine(QCoreApplication &app);

} // namespace Mailport
