#pragma once

#include "listenplan.h"

#include <QJsonObject>
#include <QString>

namespace Mailport {

/// The plan in the forms the command line and the control protocol print (listening.md §3).
class PlanReport final
{
public:
    /// `{"ok", "listeners", "diagnostics", "local_addresses"}` exactly as listening.md §3 defines.
    static QJsonObject toJson(const ListenPlan &plan);
    static QJsonObject toJson(const PlannedSocket &socket);
    static QJsonObject toJson(const Diagnostic &diagnostic);

    /// A readable table of the sockets, then the diagnostics and the local addresses.
    static QString toTable(const ListenPlan &plan);

    /// `error: local_interfaces (line 3, column 20): message` — one line for terminals and logs.
    static QString toLine(const Diagnostic &diagnostic);

    static QString tlsName(TlsMode mode);
};

} // namespace Mailport
