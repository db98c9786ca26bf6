#pragma once

#include "deadlinequeue.h"
#include "hostlist.h"
#include "listenplan.h"
#include "proxyheader.h"
#include "smtpsession.h"
#include "socketpoller.h"

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

class QSslSocket;

namespace Mailport {

/// How the owner's spool took a message.
struct StoreOutcome
{
    bool ok = false;
    QString id;                       ///< the message id, when ok
    bool insufficientStorage = false; ///< 452 rather than 451
    QString reason;                   ///< English, when not ok
};

/// What one listener and the configuration decide for a connection it accepted.
struct SmtpConnectionSettings
{
    /// tlsAvailable: a usable certificate exists; the connection narrows it by tlsAdvertiseHosts.
    SmtpSessionSettings session;
    TlsMode tls = TlsMode::StartTls;
    QSslConfiguration tlsConfiguration; ///< used for STARTTLS and implicit TLS
    HostList tlsAdvertiseHosts;
    /// hosts_proxy: a TCP peer in it must send a PROXY header first.
    HostList hostsProxy;
    std::chrono::milliseconds proxyTimeout{3000};
    /// smtp_receive_timeout; 0 disables it (the data-rate deadline still bounds a session).
    std::chrono::milliseconds receiveTimeout{300000};
    /// Bytes per second a client must keep up while it has not finished a command or a message.
    qint64 minimumDataRate = 500;
    /// A flush and close that takes longer than this is cut off.
    std::chrono::milliseconds closeTimeout{10000};
    QString listenerName; ///< sendmail's Name, for logs; may be empty
    /// Shared by the connections of one thread (they must not outlive them). Without them a
    /// connection makes its own, which is fine for a few.
    SocketPoller *poller = nullptr;
    DeadlineQueue *deadlines = nullptr;
};

/// What the connection asks its owner.
struct SmtpConnectionHooks
{
    /// Once the real client is known (after the PROXY header, if any): empty to serve it, else
    /// the reply line (without CRLF) it is refused with, e.g. a 421 for a per-host limit.
    std::function<QByteArray(const class SmtpConnection &)> admit;
    /// Stores an accepted message (synchronously: the spool fsyncs before this returns).
    std::function<StoreOutcome(const SmtpMessage &)> store;
    /// Starts storing an accepted message off the event loop; the owner calls
    /// SmtpConnection::storeFinished() later, never from inside this call. Preferred to store.
    std::function<void(SmtpConnection &, const SmtpMessage &)> storeAsync;
    /// An Exim-style log line, without timestamp.
    std::function<void(const QString &)> log;
};

/// One SMTP client connection: the socket, TLS and timers around an SmtpSession.
///
/// A plaintext session does its own I/O on the descriptor (through the SocketPoller), with no
/// socket object and no buffer while nothing is pending: replies go straight to the kernel and
/// only what it does not take waits in memory. A QSslSocket takes the descriptor over for TLS,
/// at STARTTLS or, on an implicit-TLS port, from the start.
///
/// The PROXY header of a required peer is read from the raw descriptor before any socket class
/// touches it, taking exactly the header's bytes, so a TLS ClientHello that follows stays in the
/// kernel for the handshake. STARTTLS is refused as command injection when any byte is already
/// waiting behind the command, and any TLS error or close_notify aborts the TCP connection.
class SmtpConnection final : public QObject,
                             private SocketPoller::Watcher,
                             private DeadlineQueue::Client
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpConnection)

public:
    /// Takes ownership of @p descriptor, a connected TCP socket.
    SmtpConnection(qintptr descriptor, SmtpConnectionSettings settings, SmtpConnectionHooks hooks,
                   QObject *parent = nullptr);
    ~SmtpConnection() override;

    /// Starts serving: the PROXY header, then TLS or the greeting.
    void start();
    /// Refuses the connection before anything else: @p reply (without CRLF) in plaintext, then
    /// close. An empty reply closes without a word.
    void refuse(const QByteArray &reply);
    /// The daemon stops: 421, then close. A connection in a TLS handshake is dropped.
    void shutdown();

    /// The answer to hooks.storeAsync: the session replies (250, 451 or 452) and reads on.
    /// Ignored once the connection is closing.
    void storeFinished(const StoreOutcome &outcome);
    /// A message is with the owner's spool and the session waits for storeFinished().
    bool isStoring() const { return m_storing; }

    /// The TCP peer.
    const SmtpPeer &tcpPeer() const { return m_tcpPeer; }
    /// The real client: the PROXY header's source when there was one, else the TCP peer.
    const SmtpPeer &client() const { return m_client; }
    bool isProxied() const { return m_proxied; }
    /// The TCP peer is in hosts_proxy.
    bool isProxyRequired() const { return m_settings.hostsProxy.contains(m_tcpPeer.address); }
    /// Admitted and served (past the PROXY header and the owner's admission).
    bool isAdmitted() const { return m_admitted; }
    bool isFinished() const { return m_state == State::Finished; }
    const SmtpConnectionSettings &settings() const { return m_settings; }

    qint64 bytesReceived() const { return m_bytesIn; }
    qint64 bytesSent() const { return m_bytesOut; }
    /// Replies with a 4xx or 5xx code.
    int rejections() const { return m_rejections; }
    int messages() const { return m_messages; }

    /// The reply an SMTPS or plain session gets when the daemon stops.
    static QByteArray shutdownReply(const QString &hostname);

signals:
    /// The connection is closed; the owner may delete it (deleteLater).
    void finished();

private:
    enum class State { Created, ProxyHeader, Handshake, Session, StartTls, Closing, Finished };

    void socketActivated(std::uint32_t events) override;
    void deadlineReached() override;
    void watch(bool read, bool write);
    void unwatch();
    void updateInterest();
    void readRaw();
    void writeRaw();
    void rawEndOfInput();
    /// The client closed its side: the log says so if a session was open, and the connection
    /// closes once our last replies are out (or the close timeout passes).
    void clientClosed();
    /// The TCP connection broke: logged, with @p reason when known, and aborted.
    void connectionLost(const QString &reason);
    void closeRaw();
    void setDeadline(qint64 milliseconds);
    void cancelDeadline();
    qint64 pendingOutput() const;
    int descriptor() const;

    void readProxyHeader();
    void proxyTimedOut();
    void proxyDone();
    void createSocket();
    void admitAndServe();
    void startSession();
    void onEncrypted();
    void readInput();
    void readSocket();
    void feedSession(QByteArrayView bytes);
    /// Writes the session's output and handles its events. Returns false when reading must stop
    /// (closing, TLS starting).
    bool pump();
    void answerStore(const StoreOutcome &outcome);
    void beginStartTls(QByteArray output);
    void write(const QByteArray &bytes);
    void closeGracefully();
    void drainInput();
    void abortConnection();
    void finish();
    void onSocketError();
    void onBytesWritten();
    void touchDeadline(bool progress, qint64 bytes);
    void deadlineExpired();
    qint64 pendingKernelBytes() const;
    void log(const QString &text) const;
    QString hostText() const;

    SmtpConnectionSettings m_settings;
    SmtpConnectionHooks m_hooks;
    State m_state = State::Created;
    int m_descriptor = -1;  ///< owned until the socket takes it
    int m_rawFd = -1;       ///< a plaintext session's descriptor, owned, served through m_poller
    QByteArray m_rawOutput; ///< replies the kernel did not take yet
    QSslSocket *m_socket = nullptr;
    SocketPoller *m_poller = nullptr;
    DeadlineQueue *m_deadlines = nullptr;
    std::unique_ptr<SocketPoller> m_ownPoller;
    std::unique_ptr<DeadlineQueue> m_ownDeadlines;
    int m_polledFd = -1; ///< the descriptor registered with m_poller
    bool m_watchRead = false;
    bool m_watchWrite = false;
    bool m_rawEof = false;
    std::unique_ptr<SmtpSession> m_session;
    QByteArray m_proxyBytes; ///< header bytes consumed so far
    bool m_proxyFailed = false;
    bool m_proxied = false;
    bool m_admitted = false;
    bool m_readPaused = false;
    bool m_storing = false;
    SmtpPeer m_tcpPeer;
    SmtpPeer m_client;
    ProxyHeader m_proxyHeader;

    qint64 m_deadline = 0; ///< receive deadline, on m_deadlines' clock

    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    int m_rejections = 0;
    int m_messages = 0;
};

} // namespace Mailport
