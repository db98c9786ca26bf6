#pragma once

#include <QHostAddress>
#include <QList>

#include <functional>

namespace Mailport {

struct PlannedSocket;

/// A TCP socket some process on this host is listening on.
struct ListeningSocket
{
    QHostAddress address;
    int port = 0;

    friend bool operator==(const ListeningSocket &, const ListeningSocket &) = default;
};

/// Finds planned sockets whose port is already taken, without binding anything: it reads the
/// kernel's tables of listening TCP sockets (/proc/net/tcp and /proc/net/tcp6), which is cheap
/// and cannot disturb the process that owns the port.
class PortProbe final
{
public:
    using Source = std::function<QList<ListeningSocket>()>;

    explicit PortProbe(Source source = &PortProbe::systemListeningSockets);

    /// Re-reads the listening sockets from the source.
    void refresh();
    const QList<ListeningSocket> &listening() const { return m_listening; }

    /// The listeners that would make binding @p socket fail with "Address already in use".
    QList<ListeningSocket> conflicts(const PlannedSocket &socket) const
    {
        return conflicts(m_listening, socket);
    }
    bool isInUse(const PlannedSocket &socket) const { return !conflicts(socket).isEmpty(); }
    static QList<ListeningSocket> conflicts(const QList<ListeningSocket> &listening,
                                            const PlannedSocket &socket);

    /// Sockets in LISTEN state in one /proc/net/tcp or /proc/net/tcp6 table.
    static QList<ListeningSocket> parseProcNet(const QByteArray &table);
    /// Both of this host's tables; empty where /proc is not readable.
    static QList<ListeningSocket> systemListeningSockets();

    /// Whether this user may bind ports below 1024: root, CAP_NET_BIND_SERVICE, or a kernel that
    /// lowers net.ipv4.ip_unprivileged_port_start far enough.
    static bool canBindPrivilegedPorts();

private:
    Source m_source;
    QList<ListeningSocket> m_listening;
};

} // namespace Mailport
