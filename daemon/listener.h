#pragma once

#include "listenplan.h"

#include <QHostAddress>
#include <QString>
#include <QTcpServer>

#include <functional>

namespace Mailport {

/// One listening socket of the plan, bound exactly as planned: SO_REUSEADDR, IPV6_V6ONLY on the
/// `::0` wildcard only, the IPv6 scope as sin6_scope_id, the backlog and the buffer sizes, then
/// handed to QTcpServer for accepting. Accepted descriptors go to the handler, so whoever owns the
/// connections decides the socket class (QSslSocket) and when a byte may be read.
class Listener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    /// Takes ownership of @p descriptor (a connected, non-blocking TCP socket).
    using Handler = std::function<void(Listener *listener, qintptr descriptor)>;

    struct BindResult
    {
        int error = 0;   ///< errno of the failing call; 0 on success
        QString message; ///< English, names the endpoint and says what to do
        bool ok() const { return error == 0; }
    };

    explicit Listener(const PlannedSocket &socket, QObject *parent = nullptr);
    ~Listener() override;

    /// Creates, binds and listens. @p defaultBacklog is smtp_connect_backlog, used unless the
    /// socket carries its own (sendmail's Listen).
    BindResult bind(int defaultBacklog);
    /// Takes the attributes of @p socket (the same address and port, maybe another TLS mode,
    /// name, backlog or buffer sizes) for connections accepted from now on, without closing.
    void update(const PlannedSocket &socket, int defaultBacklog);

    const PlannedSocket &planned() const { return m_planned; }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    /// Whether @p other names the socket this listener is bound to (addresses compared as
    /// addresses, so `::1` and `0::1` are one socket).
    bool isSameSocket(const PlannedSocket &other) const;
    static bool sameEndpoint(const PlannedSocket &a, const PlannedSocket &b);

    /// The admin-facing explanation of a failed bind of @p socket with errno @p error: which
    /// process holds the port, the privilege low ports need, the missing interface or scope.
    static QString describeBindError(int error, const PlannedSocket &socket);
    /// "held by pid 1234 (exim4)", "held by another user's process (uid 101)", or empty when no
    /// listening socket on @p port is found.
    static QString portHolder(int port, bool ipv6, const QHostAddress &address);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    int effectiveBacklog(int defaultBacklog) const;
    void applyBufferSizes(int fd) const;

    PlannedSocket m_planned;
    Handler m_handler;
};

} // namespace Mailport
