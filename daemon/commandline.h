#pragma once

#include <QStringList>

namespace Mailport {

/// Runs mailportd's command line; returns the process exit status.
int runCommandLine(const QStringList &arguments);

} // namespace Mailport
