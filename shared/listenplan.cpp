#include "listenplan.h"

#include "addressitem.h"
#include "eximlist.h"
#include "sendmailoptions.h"

#include <netdb.h>
#include <unistd.h>

#include <QFile>
#include <QHostInfo>

#include <QSet>

#include <limits>

namespace Mailport {

namespace {

const QLatin1String kLocalInterfaces("local_interfaces");
const QLatin1String kExtraLocalInterfaces("extra_local_interfaces");
const QLatin1String kDaemonSmtpPorts("daemon_smtp_ports");
const QLatin1String kTlsOnConnectPorts("tls_on_connect_ports");
const QLatin1String kOx("-oX");
constexpr int kOxMaxLength = 1024;
constexpr int kPortModulo = 65536;
constexpr int kLogConsidered = 10; // Exim logs the first ten sockets of each pass (rule 9.4)

// A list item with the option it came from and its position for diagnostics.
struct SourcedItem
{
    QString text;
    QString option;
    int line = 0;
    int column = 0;
};

QList<SourcedItem> itemsOf(const Configuration &config, const QString &variable)
{
    const OptionValue v = config.value(variable);
    const QString option = v.isSet ? v.entry.name : variable;
    QList<SourcedItem> out;
    for (const ListItem &item : EximList::split(v.text).items) {
        const SourceSpan at = v.position(item.offset);
        out.append({item.text, option, at.line, at.column});
    }
    return out;
}

bool startsWithDigit(const QString &s)
{
    return !s.isEmpty() && s.front() >= u'0' && s.front() <= u'9';
}

bool isLoopback(const AddressItem &a)
{
    if (!a.valid)
        return false;
    bool mapped = false;
    const quint32 v4 = a.ip.toIPv4Address(&mapped);
    if (a.ipv6 && mapped)
        return (v4 >> 24) == 127;
    return a.ip.isLoopback();
}

// What a bound socket takes from the kernel's point of view, for the overlap simulation.
struct Coverage
{
    bool v4 = false;
    bool v4Any = false;
    QHostAddress v4Address;
    bool v6 = false;
    bool v6Any = false;
    QHostAddress v6Address;
    QString scope;
    int port = 0;
};

Coverage coverageOf(const PlannedSocket &s, const AddressItem &a)
{
    Coverage c;
    c.port = s.port;
    if (!s.ipv6) {
        c.v4 = true;
        c.v4Any = a.anyAddress;
        c.v4Address = a.ip;
        return c;
    }
    bool mapped = false;
    const quint32 v4 = a.ip.toIPv4Address(&mapped);
    if (mapped && !a.anyAddress) {
        // Linux binds an IPv4-mapped address on an IPv6 socket as that IPv4 address.
        c.v4 = true;
        c.v4Address = QHostAddress(v4);
        c.v4Any = v4 == 0;
        return c;
    }
    c.v6 = true;
    c.v6Any = a.anyAddress;
    c.v6Address = a.ip;
    c.scope = a.scope;
    if (a.anyAddress && !s.v6only) {
        c.v4 = true; // a dual-stack socket: IPV6_V6ONLY is only set for `::0`
        c.v4Any = true;
    }
    return c;
}

// The sockets bound so far, indexed by port and address so that a list of thousands of items is
// checked for overlaps in linear time. Linux refuses a bind that overlaps a listening socket in
// the same family: the same address, or the wildcard on either side.
class BoundIndex
{
public:
    int firstClash(const Coverage &c) const
    {
        const auto it = m_ports.constFind(c.port);
        if (c.port == 0 || it == m_ports.cend())
            return -1;
        const Port &p = *it;
        int clash = -1;
        const auto consider = [&clash](int index) {
            if (index >= 0 && (clash < 0 || index < clash))
                clash = index;
        };
        if (c.v4) {
            consider(p.v4Any);
            if (c.v4Any)
                consider(p.firstV4);
            else
                consider(p.v4.value(c.v4Address.toIPv4Address(), -1));
        }
        if (c.v6) {
            consider(p.v6Any);
            if (c.v6Any)
                consider(p.firstV6);
            else
                consider(p.v6.value(v6Key(c), -1));
        }
        return clash;
    }

    void add(const Coverage &c, int index)
    {
        if (c.port == 0)
            return; // each port-0 socket gets its own ephemeral port
        Port &p = m_ports[c.port];
        if (c.v4) {
            if (p.firstV4 < 0)
                p.firstV4 = index;
            if (c.v4Any && p.v4Any < 0)
                p.v4Any = index;
            else if (!c.v4Any)
                p.v4.insert(c.v4Address.toIPv4Address(), index);
        }
        if (c.v6) {
            if (p.firstV6 < 0)
                p.firstV6 = index;
            if (c.v6Any && p.v6Any < 0)
                p.v6Any = index;
            else if (!c.v6Any)
                p.v6.insert(v6Key(c), index);
        }
        m_dualStack.insert(index, c.v4 && c.v6);
    }

    bool isDualStack(int index) const { return m_dualStack.value(index); }

private:
    struct Port
    {
        int v4Any = -1;
        int v6Any = -1;
        int firstV4 = -1;
        int firstV6 = -1;
        QHash<quint32, int> v4;
        QHash<QString, int> v6;
    };

    static QString v6Key(const Coverage &c) { return c.v6Address.toString() + u'%' + c.scope; }

    QHash<int, Port> m_ports;
    QHash<int, bool> m_dualStack;
};

struct Candidate
{
    PlannedSocket socket;
    AddressItem address;
    SourcedItem where;
};

QString describeAddress(const PlannedSocket &s)
{
    if (s.wildcard)
        return s.ipv6 ? Planner::tr("the IPv6 wildcard") : Planner::tr("the IPv4 wildcard");
    return s.scopedAddress();
}

using Reporter = std::function<void(Severity, DiagnosticCode, const SourcedItem &, const QString &,
                                    const QString &)>;

// Binds the candidates in order as the kernel would see them (rules 8.3 to 8.11) and adds them to
// the plan with what goes wrong for each.
void bindInOrder(QList<Candidate> &candidates, const PlanInputs &inputs, const Reporter &report,
                 ListenPlan &plan)
{
    BoundIndex bound;
    QList<PlannedSocket> boundSockets;
    QSet<int> privilegedReported;
    for (Candidate &c : candidates) {
        PlannedSocket &s = c.socket;
        const AddressItem &a = c.address;
        const SourcedItem &where = c.where;
        // sendmail's Modify=O: a socket that cannot open is skipped with a warning.
        const Severity bindSeverity = s.optional ? Severity::Warning : Severity::Error;

        bool usable = true;
        if (s.ipv6 && a.hasScope) {
            const bool linkLocal = a.ip.isLinkLocal()
                                   || (a.ip.isMulticast() && (a.ip.toIPv6Address()[1] & 0x0f) == 2);
            QString why;
            if (a.scope.isEmpty())
                why = Planner::tr("the scope after \"%\" is empty");
            else if (!linkLocal)
                why = Planner::tr("only link-local addresses take a scope");
            else if (!inputs.host.byScope(a.scope))
                why = Planner::tr("this host has no interface \"%1\"").arg(a.scope);
            if (!why.isEmpty()) {
                report(bindSeverity, DiagnosticCode::BadScope, where, a.address,
                       Planner::tr("unable to parse \"%1\" as an IP address: %2 — Exim refuses "
                                   "to start.")
                           .arg(a.address, why));
                s.problems.append(DiagnosticCode::BadScope);
                usable = false;
            }
        } else if (s.ipv6 && a.ip.isLinkLocal()) {
            report(bindSeverity, DiagnosticCode::ScopeRequired, where, a.address,
                   Planner::tr("The link-local address %1 needs its interface, e.g. %1%%2: "
                               "binding it without one fails with \"Invalid argument\".")
                       .arg(a.address, inputs.host.interfaces().isEmpty()
                                           ? QStringLiteral("eth0")
                                           : inputs.host.interfaces().constLast().name));
            s.problems.append(DiagnosticCode::ScopeRequired);
            usable = false;
        }
        if (usable && !a.anyAddress && !inputs.host.canBind(a.ip, a.scope)) {
            report(bindSeverity, DiagnosticCode::AddressNotLocal, where, a.address,
                   Planner::tr("No interface of this host has the address %1, so binding it "
                               "fails with \"Cannot assign requested address\".")
                       .arg(a.address));
            s.problems.append(DiagnosticCode::AddressNotLocal);
            usable = false;
        }

        const Coverage coverage = coverageOf(s, a);
        const int clash = bound.firstClash(coverage);
        if (clash >= 0) {
            const PlannedSocket &other = boundSockets[clash];
            bool earlierV6Wildcard = false;
            for (const PlannedSocket &b : std::as_const(boundSockets)) {
                if (b.wildcard && b.ipv6 && b.port == s.port)
                    earlierV6Wildcard = true;
            }
            if (s.wildcard && !s.ipv6 && earlierV6Wildcard) {
                // Rule 8.5: Exim drops the IPv4 wildcard and believes the IPv6 socket covers it.
                for (PlannedSocket &p : plan.sockets) {
                    if (p.wildcard && p.ipv6 && p.port == s.port)
                        p.claimsIpv4 = true;
                }
                if (other.sameSocket(s))
                    report(Severity::Warning, DiagnosticCode::DuplicateSwallowed, where, s.item,
                           Planner::tr("0.0.0.0 on port %1 is listed twice; Exim silently "
                                       "ignores the second.")
                               .arg(s.configuredPort));
                else
                    report(bindSeverity, DiagnosticCode::WildcardOverlap, where, s.item,
                           Planner::tr("0.0.0.0 on port %1 clashes with %2 listed earlier; Exim "
                                       "silently drops 0.0.0.0 and logs \"IPv6 with IPv4\", but "
                                       "nothing listens on the other IPv4 addresses.")
                               .arg(s.configuredPort)
                               .arg(other.endpoint()));
                continue;
            }
            if (other.sameSocket(s)) {
                report(bindSeverity, DiagnosticCode::DuplicateSocket, where, a.address,
                       Planner::tr("%1 is listed twice; the second bind fails with \"Address "
                                   "already in use\" and Exim refuses to start.")
                           .arg(s.endpoint()));
                s.problems.append(DiagnosticCode::DuplicateSocket);
            } else {
                const bool dualStack = (coverage.v4Any && coverage.v6) || bound.isDualStack(clash);
                report(bindSeverity, DiagnosticCode::WildcardOverlap, where, a.address,
                       (dualStack ? Planner::tr("%1 overlaps %2 listed earlier on the same port (a "
                                                "dual-stack IPv6 socket takes IPv4 too); binding "
                                                "%3 fails with \"Address already in use\" and Exim "
                                                "refuses to start.")
                                  : Planner::tr("%1 overlaps %2 listed earlier on the same port; "
                                                "binding %3 fails with \"Address already in use\" "
                                                "and Exim refuses to start."))
                           .arg(s.endpoint(), other.endpoint(), describeAddress(s)));
                s.problems.append(DiagnosticCode::WildcardOverlap);
            }
            usable = false;
        }
        if (s.port > 0 && s.port < 1024 && !inputs.privileged) {
            s.problems.append(DiagnosticCode::PrivilegedPort);
            if (!privilegedReported.contains(s.port)) {
                privilegedReported.insert(s.port);
                report(Severity::Warning, DiagnosticCode::PrivilegedPort, where, s.item,
                       Planner::tr("Port %1 is below 1024: binding it needs root or "
                                   "CAP_NET_BIND_SERVICE, which this process does not have.")
                           .arg(s.port));
            }
        }
        if (usable) {
            bound.add(coverage, int(boundSockets.size()));
            boundSockets.append(s);
        }
        plan.sockets.append(s);
    }
}

} // namespace

QString PlannedSocket::scopedAddress() const
{
    return scope.isEmpty() ? address : address + u'%' + scope;
}

QString PlannedSocket::endpoint() const
{
    const QString a = scope.isEmpty() ? address : address + u'%' + scope;
    return ipv6 ? QStringLiteral("[%1]:%2").arg(a).arg(port)
                : QStringLiteral("%1:%2").arg(a).arg(port);
}

bool PlannedSocket::sameSocket(const PlannedSocket &other) const
{
    return address == other.address && scope == other.scope && port == other.port
           && ipv6 == other.ipv6;
}

QString ListenPlan::startupLine() const
{

    const auto pass = [this](TlsMode mode) {
        QString out;
        QList<bool> used(sockets.size(), false);
        const int limit = int(qMin<qsizetype>(sockets.size(), kLogConsidered));
        for (int i = 0; i < limit; ++i) {
            const PlannedSocket &s = sockets[i];
            if (used[i] || s.tls != mode)
                continue;
            used[i] = true;
            if (s.wildcard) {
                if (s.ipv6 && i + 1 < limit && sockets[i + 1].wildcard && !sockets[i + 1].ipv6
                    && sockets[i + 1].configuredPort == s.configuredPort
                    && sockets[i + 1].tls == mode) {
                    used[i + 1] = true;
                    out += QStringLiteral(" port %1 (IPv6 and IPv4)").arg(s.configuredPort);
                } else if (s.ipv6) {
                    out += QStringLiteral(" port %1 (%2)")
                               .arg(s.configuredPort)
                               .arg(s.claimsIpv4 ? QStringLiteral("IPv6 with IPv4")
                                                 : QStringLiteral("IPv6"));
                } else {
                    out += QStringLiteral(" port %1 (IPv4)").arg(s.configuredPort);
                }
                continue;
            }
            QStringList ports{QString::number(s.configuredPort)};
            for (int j = i + 1; j < limit; ++j) {
                const PlannedSocket &t = sockets[j];
                if (!used[j] && !t.wildcard && t.tls == mode
                    && t.scopedAddress() == s.scopedAddress()) {
                    used[j] = true;
                    ports.append(QString::number(t.configuredPort));
                }
            }
            out += QStringLiteral(" [%1]:%2")
                       .arg(s.scopedAddress(),
                            ports.size() == 1 ? ports.first() : u'{' + ports.join(u',') + u'}');
        }
        if (sockets.size() > kLogConsidered)
            out += QLatin1String(" ...");
        return out;
    };
    if (sockets.isEmpty())
        return QStringLiteral("not listening for SMTP on any socket");
    const QString smtp = pass(TlsMode::StartTls);
    const QString smtps = pass(TlsMode::Smtps);
    bool anySmtp = false;
    bool anySmtps = false;
    for (const PlannedSocket &s : sockets) {
        anySmtp = anySmtp || s.tls == TlsMode::StartTls;
        anySmtps = anySmtps || s.tls == TlsMode::Smtps;
    }
    if (!anySmtps) // Exim still appends the empty SMTPS pass's " ..."
        return QLatin1String("listening for SMTP on") + smtp + smtps;
    if (!anySmtp)
        return QLatin1String("listening for SMTPS on") + smtps;
    return QLatin1String("listening for SMTP on") + smtp + QLatin1String(" and for SMTPS on")
           + smtps;
}

bool ListenPlan::isLocal(const QString &address) const
{
    return localAddresses.contains(address);
}

PlanInputs PlanInputs::forThisHost()
{
    PlanInputs inputs;
    inputs.host = HostInterfaces::fromSystem();
    bool privileged = geteuid() == 0;
    QFile status(QStringLiteral("/proc/self/status"));
    if (!privileged && status.open(QIODevice::ReadOnly)) {
        constexpr int kCapNetBindService = 10;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("CapEff:")) {
                bool ok = false;
                const quint64 caps = line.mid(7).trimmed().toULongLong(&ok, 16);
                privileged = ok && (caps & (quint64(1) << kCapNetBindService));
            }
        }
    }
    QFile start(QStringLiteral("/proc/sys/net/ipv4/ip_unprivileged_port_start"));
    if (!privileged && start.open(QIODevice::ReadOnly))
        privileged = start.readAll().trimmed().toInt() == 0;
    inputs.privileged = privileged;
    return inputs;
}

int Planner::systemServiceLookup(const QString &name)
{
    const QByteArray n = name.toLocal8Bit();
    if (n.contains('\0'))
        return -1;
    // getservbyname reads /etc/services (NSS "files" on Debian); it makes no DNS query.
    const servent *entry = getservbyname(n.constData(), "tcp");
    return entry ? int(ntohs(quint16(entry->s_port))) : -1;
}

ListenPlan Planner::plan(const Configuration &config, const PlanInputs &inputs)
{
    ListenPlan plan;
    const auto lookup = inputs.serviceLookup ? inputs.serviceLookup : &Planner::systemServiceLookup;
    QSet<QString> reported;
    const Reporter report
        = [&plan, &reported](Severity severity, DiagnosticCode code, const SourcedItem &at,
                             const QString &item, const QString &message) {
              const QString key = QStringLiteral("%1|%2|%3|%4|%5")
                                      .arg(int(code))
                                      .arg(at.option, item)
                                      .arg(at.line)
                                      .arg(at.column);
              if (reported.contains(key))
                  return;
              reported.insert(key);
              plan.diagnostics.append(
                  Diagnostic{severity, code, at.option, item, at.line, at.column, message});
          };

    // (a) -oX splits into addresses and ports and replaces whichever it has (rule 6).
    QList<SourcedItem> interfaceItems = itemsOf(config, kLocalInterfaces);
    QList<SourcedItem> portItems = itemsOf(config, kDaemonSmtpPorts);
    bool portsUnset = config.text(kDaemonSmtpPorts).trimmed().isEmpty();
    if (inputs.oxGiven) {
        if (inputs.oxValue.size() > kOxMaxLength) {
            report(Severity::Error, DiagnosticCode::OptionTooLong, {QString(), kOx, 0, 1},
                   inputs.oxValue.left(40),
                   Planner::tr("The -oX value is %1 characters long; Exim refuses more than "
                               "%2 (\"length limit exceeded\") and does not start.")
                       .arg(inputs.oxValue.size())
                       .arg(kOxMaxLength));
            return plan;
        }
        const EximList::Parsed ox = EximList::split(inputs.oxValue);
        QList<SourcedItem> oxInterfaces;
        QList<SourcedItem> oxPorts;
        bool rejoinBreaks = false;
        for (const ListItem &item : ox.items) {
            const SourcedItem s{item.text, kOx, 0, item.offset + 1};
            if (item.text.contains(u'.') || item.text.contains(u':'))
                oxInterfaces.append(s);
            else
                oxPorts.append(s);
            if (ox.separator.unicode() >= 0x20 && item.text.contains(ox.separator))
                rejoinBreaks = true;
        }
        if (rejoinBreaks) {
            QStringList texts;
            for (const ListItem &item : ox.items)
                texts.append(item.text);
            report(Severity::Warning, DiagnosticCode::OxRejoin, {QString(), kOx, 0, 1},
                   inputs.oxValue,
                   Planner::tr("Exim 4.96 re-splits this -oX value after undoing the doubled "
                               "\"%1\" and refuses it as a malformed address; write it as "
                               "\"%2\" for Exim.")
                       .arg(ox.separator)
                       .arg(EximList::join(texts, u';')));
        }
        if (!oxPorts.isEmpty()) {
            portItems = oxPorts;
            portsUnset = false;
        }
        if (!oxInterfaces.isEmpty())
            interfaceItems = oxInterfaces;
    }

    // (b) daemon_smtp_ports, parsed whether or not an interface needs it (rule 4).
    QList<qint64> defaultPorts;
    bool truncated = false;
    for (int i = 0; i < portItems.size(); ++i) {
        const SourcedItem &item = portItems[i];
        qint64 port = 0;
        if (startsWithDigit(item.text)) {
            const CNumber n = CNumber::parse(item.text, 0);
            if (!n.complete) {
                report(
                    Severity::Error, DiagnosticCode::InvalidPort, item, item.text,
                    Planner::tr("invalid SMTP port: %1 — Exim refuses to start.").arg(item.text));
                continue;
            }
            port = n.value;
            if (item.text.size() > 1 && item.text.front() == u'0') {
                const bool hex = item.text[1] == u'x' || item.text[1] == u'X';
                report(
                    Severity::Warning, DiagnosticCode::RadixPort, item, item.text,
                    (hex ? Planner::tr("Exim reads \"%1\" as a hexadecimal number, port %2; "
                                       "write %2.")
                         : Planner::tr("Exim reads \"%1\" as an octal number, port %2; write %2."))
                        .arg(item.text)
                        .arg(port));
            }
        } else {
            port = lookup(item.text);
            if (port < 0) {
                report(Severity::Error, DiagnosticCode::UnknownService, item, item.text,
                       Planner::tr("TCP port \"%1\" not found in the services database — Exim "
                                   "refuses to start.")
                           .arg(item.text));
                continue;
            }
        }
        if (port > 65535) {
            report(Severity::Error, DiagnosticCode::PortOutOfRange, item, item.text,
                   Planner::tr("Port %1 is outside 1 to 65535; Exim would silently bind port %2.")
                       .arg(port)
                       .arg(port % kPortModulo));
        }
        if (port == 0 && i == 0) {
            report(Severity::Error, DiagnosticCode::RandomPort, item, item.text,
                   Planner::tr("Port 0 makes Exim bind a random port, a different one for each "
                               "address."));
        } else if (port == 0 && !truncated) {
            QStringList ignored;
            for (int j = i + 1; j < portItems.size(); ++j)
                ignored.append(portItems[j].text);
            report(Severity::Error, DiagnosticCode::PortListTruncated, item, item.text,
                   ignored.isEmpty()
                       ? Planner::tr("A 0 in the port list ends it for Exim; remove it.")
                       : Planner::tr("Exim stops reading the port list at this 0 and silently "
                                     "ignores %1.")
                             .arg(ignored.join(QLatin1String(", "))));
        }
        if (truncated || (port == 0 && i > 0)) {
            truncated = true;
            continue;
        }
        defaultPorts.append(port);
    }

    // (c) tls_on_connect_ports only marks ports (rule 5).
    QList<qint64> tlsPorts;
    QList<SourcedItem> tlsItems = itemsOf(config, kTlsOnConnectPorts);
    for (const SourcedItem &item : std::as_const(tlsItems)) {
        if (startsWithDigit(item.text)) {
            const CNumber n = CNumber::parse(item.text, 10);
            tlsPorts.append(n.value);
            if (!n.complete)
                report(Severity::Error, DiagnosticCode::TlsPortGarbage, item, item.text,
                       Planner::tr("Exim reads \"%1\" as port %2 and silently ignores the rest.")
                           .arg(item.text)
                           .arg(n.value));
        } else {
            const int port = lookup(item.text);
            if (port < 0)
                report(Severity::Error, DiagnosticCode::UnknownService, item, item.text,
                       Planner::tr("TCP port \"%1\" not found in the services database — Exim "
                                   "refuses to start.")
                           .arg(item.text));
            else
                tlsPorts.append(port);
        }
    }

    // (d) local_interfaces items: port extraction, syntax check, then disable_ipv6 (rule 3, 7.6).
    const bool disableIpv6 = config.boolValue(QStringLiteral("disable_ipv6"));
    QList<QPair<SourcedItem, AddressItem>> addresses;
    for (const SourcedItem &item : std::as_const(interfaceItems)) {
        const AddressItem a = AddressItem::parse(item.text);
        const QString optionText = item.option == kOx ? Planner::tr("-oX data") : item.option;
        if (!a.valid) {
            report(Severity::Error, DiagnosticCode::MalformedAddress, item, a.address,
                   Planner::tr("Malformed IP address \"%1\" in %2 — Exim refuses to start.")
                       .arg(a.address, optionText));
            continue;
        }
        if (a.anyAddress && !a.wildcard) {
            report(Severity::Warning, DiagnosticCode::AnyAddressSpelling, item, a.address,
                   a.ipv6 ? Planner::tr("Exim recognises only \"::0\" as the IPv6 wildcard: "
                                        "\"%1\" binds one dual-stack socket that also takes "
                                        "IPv4 and clashes with 0.0.0.0 on the same port.")
                                .arg(a.address)
                          : Planner::tr("Exim recognises only \"0.0.0.0\" as the IPv4 wildcard; "
                                        "\"%1\" is bound as an ordinary address.")
                                .arg(a.address));
        }
        if (disableIpv6 && a.ipv6) {
            report(
                Severity::Warning, DiagnosticCode::Ipv6Dropped, item, a.address,
                Planner::tr("disable_ipv6 is set, so Exim silently drops \"%1\".").arg(a.address));
            continue;
        }
        addresses.append({item, a});
    }

    // (e) ports: an item's own port, else a copy for each default port (rules 4.6, 7.4).
    QList<Candidate> candidates;
    for (const auto &[item, a] : std::as_const(addresses)) {
        PlannedSocket s;
        s.address = a.host;
        s.scope = a.scope;
        s.ipv6 = a.ipv6;
        s.wildcard = a.wildcard;
        s.v6only = a.wildcard && a.ipv6;
        s.source = item.option == kOx ? QString(kOx) : QString(kLocalInterfaces);
        s.item = item.text;
        s.line = item.line;
        s.column = item.column;
        QList<qint64> ports;
        if (a.port > 0) {
            ports.append(a.port);
            if (a.port > 65535)
                report(Severity::Error, DiagnosticCode::PortOutOfRange, item, item.text,
                       Planner::tr("Port %1 is outside 1 to 65535; Exim would silently bind port "
                                   "%2.")
                           .arg(a.port)
                           .arg(a.port % kPortModulo));
        } else if (portsUnset) {
            const QString name = a.wildcard
                                     ? (a.ipv6 ? Planner::tr("all IPv6") : Planner::tr("all IPv4"))
                                     : a.address;
            report(Severity::Error, DiagnosticCode::NoPort, item, item.text,
                   Planner::tr("no port specified for interface \"%1\" and daemon_smtp_port is "
                               "unset — Exim refuses to start.")
                       .arg(name));
            continue;
        } else {
            ports = defaultPorts;
        }
        for (const qint64 port : std::as_const(ports)) {
            s.configuredPort = int(qMin<qint64>(port, std::numeric_limits<int>::max()));
            s.port = int(port % kPortModulo);
            candidates.append({s, a, item});
        }
    }

    // (f) wildcard pairs end up adjacent, IPv6 first (rule 7.5).
    const auto isWildcard = [](const Candidate &c, bool ipv6) {
        return c.socket.wildcard && c.socket.ipv6 == ipv6;
    };
    for (int i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].socket.wildcard)
            continue;
        const bool v6 = candidates[i].socket.ipv6;
        for (int j = i + 1; j < candidates.size(); ++j) {
            if (isWildcard(candidates[j], !v6)
                && candidates[j].socket.configuredPort == candidates[i].socket.configuredPort) {
                Candidate moved = candidates.takeAt(j);
                if (v6) {
                    candidates.insert(i + 1, moved);
                } else {
                    candidates.insert(i, moved);
                    ++i;
                }
                ++i;
                break;
            }
        }
    }

    for (Candidate &c : candidates) {
        if (inputs.tlsOnConnectAll || tlsPorts.contains(c.socket.configuredPort))
            c.socket.tls = TlsMode::Smtps;
    }
    bindInOrder(candidates, inputs, report, plan);

    // (h) what Exim does silently but an admin wants to know.
    const OptionValue ifaces = config.value(kLocalInterfaces);
    const SourcedItem ifacesAt{
        QString(),
        interfaceItems.isEmpty() ? QString(kLocalInterfaces) : interfaceItems.first().option,
        interfaceItems.isEmpty() ? ifaces.position(0).line : interfaceItems.first().line,
        interfaceItems.isEmpty() ? ifaces.position(0).column : interfaceItems.first().column};
    if (plan.sockets.isEmpty()) {
        report(Severity::Error, DiagnosticCode::NoSockets, ifacesAt, QString(),
               Planner::tr("This configuration listens nowhere: Exim would start a daemon with no "
                           "listening socket."));
    }
    if (!inputs.tlsOnConnectAll) {
        for (int i = 0; i < tlsItems.size() && i < tlsPorts.size(); ++i) {
            const qint64 port = tlsPorts[i];
            bool listened = false;
            for (const PlannedSocket &s : std::as_const(plan.sockets))
                listened = listened || s.configuredPort == port;
            if (!listened)
                report(Severity::Warning, DiagnosticCode::TlsPortNotListened, tlsItems[i],
                       tlsItems[i].text,
                       Planner::tr("Nothing listens on port %1: tls_on_connect_ports only marks "
                                   "ports that daemon_smtp_ports or local_interfaces already "
                                   "listen on, so Exim silently ignores it.")
                           .arg(port));
        }
    }
    bool coversLoopback = addresses.isEmpty();
    for (const auto &[item, a] : std::as_const(addresses))
        coversLoopback = coversLoopback || a.anyAddress || isLoopback(a);
    if (!coversLoopback) {
        report(Severity::Warning, DiagnosticCode::LoopbackMissing, ifacesAt, QString(),
               Planner::tr("These specific addresses leave out loopback: Exim will not accept "
                           "mail from programs on this host through 127.0.0.1 or ::1."));
    }

    // Local-host recognition (rule 10): local_interfaces then extra_local_interfaces.
    QSet<QString> localSeen;
    QList<SourcedItem> localItems = interfaceItems;
    localItems.append(itemsOf(config, kExtraLocalInterfaces));
    for (const SourcedItem &item : std::as_const(localItems)) {
        const AddressItem a = AddressItem::parse(item.text);
        if (!a.valid) {
            if (item.option == kExtraLocalInterfaces)
                report(Severity::Warning, DiagnosticCode::LocalCheckMalformed, item, a.address,
                       Planner::tr("Malformed IP address \"%1\" in extra_local_interfaces: Exim "
                                   "starts, but fails whenever it checks for the local host.")
                           .arg(a.address));
            continue;
        }
        if (disableIpv6 && a.ipv6)
            continue;
        plan.localInterfacesItems.append(a.address);
        QStringList expanded;
        if (a.address == QLatin1String("0.0.0.0"))
            expanded = inputs.host.upAddresses(QAbstractSocket::IPv4Protocol);
        else if (a.address == QLatin1String("::0"))
            expanded = inputs.host.upAddresses(QAbstractSocket::IPv6Protocol);
        else
            expanded.append(a.address);
        for (const QString &e : std::as_const(expanded)) {
            if (!localSeen.contains(e)) {
                localSeen.insert(e);
                plan.localAddresses.append(e);
            }
        }
    }
    return plan;
}

} // namespace Mailport

namespace Mailport {

ListenPlan Planner::planSendmail(const QList<SendmailDaemon> &daemons, const PlanInputs &inputs)
{
    ListenPlan plan;
    QSet<QString> reported;
    const Reporter report = [&plan, &reported](Severity severity, DiagnosticCode code,
                                               const SourcedItem &at, const QString &item,
                                               const QString &message) {
        const QString key
            = QStringLiteral("%1|%2|%3|%4").arg(int(code)).arg(item).arg(at.line).arg(at.column);
        if (reported.contains(key))
            return;
        reported.insert(key);
        plan.diagnostics.append(
            Diagnostic{severity, code, at.option, item, at.line, at.column, message});
    };
    const QString option = QStringLiteral("DaemonPortOptions");
    QList<Candidate> candidates;
    for (const SendmailDaemon &d : daemons) {
        const SourcedItem where{SendmailOptions::pairs(d), option, d.line, d.column};
        const bool inet6 = d.family == QLatin1String("inet6");
        if (!inet6 && d.family != QLatin1String("inet")) {
            report(
                Severity::Error, DiagnosticCode::SendmailUnsupportedFamily, where, d.family,
                Planner::tr("Family=%1 is not supported: Mailport listens on inet and inet6 only.")
                    .arg(d.family));
            continue;
        }
        if (d.resolvedPort < 0) {
            report(Severity::Error, DiagnosticCode::UnknownService, where, d.port,
                   Planner::tr("TCP port \"%1\" not found in the services database.").arg(d.port));
            continue;
        }
        QString address = d.address;
        if (address.isEmpty()) {
            address = inet6 ? QStringLiteral("::") : QStringLiteral("0.0.0.0");
        } else if (d.addressIsHostName) {
            // The configuration asks for a name: this is the one place a plan looks one up.
            const QHostInfo info = QHostInfo::fromName(address);
            QString found;
            for (const QHostAddress &ip : info.addresses()) {
                if ((ip.protocol() == QAbstractSocket::IPv6Protocol) == inet6 && found.isEmpty())
                    found = ip.toString();
            }
            if (found.isEmpty()) {
                report(Severity::Error, DiagnosticCode::MalformedAddress, where, address,
                       Planner::tr("Addr=%1 does not resolve to an %2 address.")
                           .arg(address, inet6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4")));
                continue;
            }
            address = found;
        }
        const AddressItem a = AddressItem::parse(address);
        if (!a.valid || a.ipv6 != inet6) {
            report(Severity::Error, DiagnosticCode::MalformedAddress, where, d.address,
                   Planner::tr("Addr=%1 is not an %2 address.")
                       .arg(d.address, inet6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4")));
            continue;
        }
        PlannedSocket s;
        s.address = a.host;
        s.scope = a.scope;
        s.ipv6 = inet6;
        s.wildcard = a.anyAddress;
        s.v6only = false; // sendmail leaves IPV6_V6ONLY at the system default (off on Linux)
        s.port = d.resolvedPort;
        s.configuredPort = d.resolvedPort;
        s.source = option;
        s.item = SendmailOptions::pairs(d);
        s.line = d.line;
        s.column = d.column;
        s.name = d.name;
        s.backlog = d.listen > 0 ? d.listen : -1;
        s.receiveBufSize = qMax(0, d.receiveBufSize);
        s.sendBufSize = qMax(0, d.sendBufSize);
        s.noStartTls = d.hasModifier(u'S');
        s.optional = d.hasModifier(u'O');
        s.tls
            = (d.hasModifier(u's') || inputs.tlsOnConnectAll) ? TlsMode::Smtps : TlsMode::StartTls;
        candidates.append({s, a, where});
        if (!plan.localAddresses.contains(a.address))
            plan.localAddresses.append(a.address);
    }
    bindInOrder(candidates, inputs, report, plan);
    if (plan.sockets.isEmpty())
        report(Severity::Error, DiagnosticCode::NoSockets, {QString(), option, 0, 0}, QString(),
               Planner::tr("No DaemonPortOptions declaration gives a socket: this configuration "
                           "listens nowhere."));
    return plan;
}

} // namespace Mailport
