#pragma once

#include "controlcodec.h"
#include "controlprotocol.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <map>

class QLocalSocket;

namespace Mailport {

/// The GUI's and the CLI's end of mailportd's control channel. Never blocks: everything is
/// reported through callbacks and signals from the event loop.
///
/// \code
/// ControlClient client;
/// QObject::connect(&client, &ControlClient::errorOccurred, [](auto, const QString &message) {
///     qCritical("%ls", qUtf16Printable(message));
///     QCoreApplication::exit(1);
/// });
/// client.connectToDaemon(directory);  // empty: ControlProtocol::defaultDirectory()
/// client.request(ControlProtocol::Request::Status, {}, [](const ControlProtocol::Reply &reply) {
///     // reply.ok ? reply.result : reply.error / reply.detail
///     QCoreApplication::exit(reply.ok ? 0 : 1);
/// });
/// \endcode
///
/// Requests made while connecting wait for the handshake. Every callback is called exactly once
/// (with the reply, or with a Timeout, Disconnected, ConnectFailed... failure), never from
/// inside request(), unless it is cancel()ed or the client is destroyed first.
class ControlClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlClient)

public:
    enum class State {
        Disconnected,
        Connecting,  ///< waiting for the socket
        Handshaking, ///< hello sent, waiting for its reply
        Connected,
    };
    Q_ENUM(State)

    using Callback = std::function<void(const ControlProtocol::Reply &reply)>;

    /// Per-request timeout unless one is given, and the limit for connect plus hello.
    static constexpr std::chrono::milliseconds DefaultTimeout{5000};

    explicit ControlClient(QObject *parent = nullptr);
    ~ControlClient() override;

    /// The name sent in hello, for the daemon's log; QCoreApplication::applicationName() if
    /// unset.
    void setClientName(const QString &name);
    void setDefaultTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds defaultTimeout() const { return m_defaultTimeout; }

    /// Connects to the daemon serving \a directory (empty: the default directory) and says
    /// hello. Ends any current connection first. connected() or errorOccurred() follows.
    void connectToDaemon(const QString &directory = {});
    /// Closes the connection; pending callbacks get Error::Disconnected. No errorOccurred().
    void disconnectFromDaemon();

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    /// The directory of the current or last connection.
    QString directory() const { return m_directory; }
    /// From the hello reply; 0 / empty before it.
    qint64 daemonPid() const { return m_daemonPid; }
    QString daemonVersion() const { return m_daemonVersion; }

    /// Sends \a request (not Hello) with \a arguments; returns its id. \a callback gets the reply,
    /// or a failure after \a timeout.
    qint64 request(ControlProtocol::Request request, const QJsonObject &arguments,
                   Callback callback, std::chrono::milliseconds timeout);
    /// As above with the default timeout.
    qint64 request(ControlProtocol::Request request, const QJsonObject &arguments = {},
                   Callback callback = {});
    /// Subscribes to \a events (all if empty); they arrive through eventReceived().
    qint64 subscribe(const QList<ControlProtocol::Event> &events = {}, Callback callback = {});
    /// Forgets request \a id: its callback will not be called and a late reply is ignored.
    void cancel(qint64 id);
    /// Requests sent or queued whose callback has not run yet.
    int pendingRequests() const { return int(m_pending.size()); }

signals:
    void stateChanged(Mailport::ControlClient::State state);
    /// The hello handshake succeeded.
    void connected();
    /// A connection that had emitted connected() ended, for whatever reason.
    void disconnected();
    /// Connecting failed, the handshake failed, or the connection broke; English \a message.
    void errorOccurred(Mailport::ControlProtocol::Error code, const QString &message);
    void eventReceived(Mailport::ControlProtocol::Event event, const QJsonObject &payload);

private:
    struct Pending
    {
        ControlProtocol::Request request;
        QJsonObject arguments;
        Callback callback;
        bool sent = false;
    };

    void setState(State state);
    void onSocketConnected();
    void onSocketError();
    void readSocket();
    /// Returns false if the connection was torn down.
    bool handleMessage(const QJsonObject &message);
    void handleHelloReply(const QJsonObject &message);
    void sendPending();
    /// Ends the connection; \a reportError selects errorOccurred() (not for a requested close).
    void tearDown(ControlProtocol::Error code, const QString &message, bool reportError);
    void fail(ControlProtocol::Error code, const QString &message);
    void finishLater(Callback callback, const ControlProtocol::Reply &reply);

    QLocalSocket *m_socket = nullptr;
    ControlCodec m_codec;
    State m_state = State::Disconnected;
    QString m_directory;
    QString m_clientName;
    std::chrono::milliseconds m_defaultTimeout = DefaultTimeout;
    quint64 m_generation = 0; ///< bumped per connection, so stale timers do nothing
    qint64 m_nextId = 1;
    qint64 m_helloId = 0;
    qint64 m_daemonPid = 0;
    QString m_daemonVersion;
    std::map<qint64, Pending> m_pending; ///< ordered, so queued requests go out in order
};

} // namespace Mailport
