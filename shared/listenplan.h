#pragma once

#include <QCoreApplication>

#include "configuration.h"
#include "diagnostic.h"
#include "hostinterfaces.h"

#include <QList>
#include <QString>

#include <functional>

namespace Mailport {

struct SendmailDaemon;

/// How a listening socket speaks: plain SMTP (STARTTLS offered when a certificate is usable) or
/// implicit TLS (SMTPS, RFC 8314).
enum class TlsMode { StartTls, Smtps };

/// One socket the configuration binds, in Exim's order.
struct PlannedSocket
{
    QString address;        ///< as written, without its scope
    QString scope;          ///< IPv6 scope as written after `%`, or empty
    int port = 0;           ///< the port the kernel is asked for (Exim binds modulo 65536)
    int configuredPort = 0; ///< the number as configured (used for logs and SMTPS matching)
    bool ipv6 = false;
    bool wildcard = false; ///< exactly `0.0.0.0` or `::0`
    bool v6only = false;   ///< the `::0` wildcard
    TlsMode tls = TlsMode::StartTls;
    QString source; ///< "local_interfaces", "-oX" or "DaemonPortOptions"
    QString item;   ///< the list item it came from, as written
    int line = 0;
    int column = 0;
    QList<DiagnosticCode> problems; ///< what goes wrong with this socket, if anything
    bool claimsIpv4 = false;        ///< an IPv6 wildcard Exim believes also covers IPv4 (rule 8.5)

    // sendmail DaemonPortOptions carried to the daemon.
    QString name;     ///< sendmail's Name, used in logs
    int backlog = -1; ///< -1: smtp_connect_backlog
    int receiveBufSize = 0;
    int sendBufSize = 0;
    bool noStartTls = false; ///< sendmail Modify=S
    bool optional = false;   ///< sendmail Modify=O: skipped with a warning if it cannot open

    /// `127.0.0.1:25`, `[::1]:25`, `[fe80::1%eth0]:25`.
    QString endpoint() const;
    /// The address with its scope, as getaddrinfo takes it.
    QString scopedAddress() const;
    bool sameSocket(const PlannedSocket &other) const;
};

/// Everything besides the configuration that the plan depends on.
struct PlanInputs
{
    bool oxGiven = false;
    QString oxValue;              ///< `-oX` value
    bool tlsOnConnectAll = false; ///< `-tls-on-connect`
    bool privileged = true;       ///< may bind ports below 1024
    HostInterfaces host = HostInterfaces::loopbackOnly();
    /// getservbyname(name, "tcp"); -1 when unknown. Defaults to the system's services database.
    std::function<int(const QString &)> serviceLookup;

    /// This host's interfaces, and whether this process may bind ports below 1024 (root,
    /// CAP_NET_BIND_SERVICE, or net.ipv4.ip_unprivileged_port_start lowered).
    static PlanInputs forThisHost();
};

/// The result of planning: sockets, diagnostics and the addresses Exim would call local.
struct ListenPlan
{
    QList<PlannedSocket> sockets;
    Diagnostics diagnostics;
    QStringList localAddresses;
    QStringList localInterfacesItems; ///< the effective local_interfaces (after -oX), for isLocal

    bool ok() const { return !hasErrors(diagnostics); }
    /// Exim's start-up log text after "daemon started: ...," (exim-rules.md §9), e.g.
    /// `listening for SMTP on port 25 (IPv6 and IPv4)`.
    QString startupLine() const;
    /// Exim's local-host test (exim-rules.md §10.4): exact text comparison with localAddresses.
    bool isLocal(const QString &address) const;
};

/// Turns Exim options into the sockets Exim 4.96 binds (exim-rules.md §2–§10).
class Planner final
{
    Q_DECLARE_TR_FUNCTIONS(Planner)

public:
    static ListenPlan plan(const Configuration &config, const PlanInputs &inputs);
    /// The sockets of sendmail DaemonPortOptions declarations (listening.md §4), checked the same
    /// way: every declaration is one socket, Modify=O failures are warnings.
    static ListenPlan planSendmail(const QList<SendmailDaemon> &daemons, const PlanInputs &inputs);

    /// The system's services database (getservbyname, tcp); -1 when the name is unknown.
    static int systemServiceLookup(const QString &name);
};

} // namespace Mailport
