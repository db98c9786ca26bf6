#pragma once

#include "controlprotocol.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <unordered_map>

class QLocalServer;
class QLocalSocket;
class QLockFile;

namespace Mailport {

/// mailportd's end of the control channel: a QLocalServer named "control" in a private (0700)
/// directory, guarded by a lock file taken before listen() so that a second daemon is refused
/// while the first keeps its socket. Only clients of this user (SO_PEERCRED) are served.
///
/// It speaks the framing, the hello handshake, ids and subscriptions, and knows nothing about
/// SMTP: every other request goes to the handler, and the daemon calls publish() for events.
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)

public:
    /// Answers one request (never Hello or Subscribe). \a message is the whole request object.
    using Handler = std::function<ControlProtocol::Reply(ControlProtocol::Request request,
                                                         const QJsonObject &message)>;

    enum class StartError {
        None,
        DirectoryUnusable,   ///< cannot be created or inspected
        DirectoryNotPrivate, ///< not a directory, someone else's, or open to group/others
        LockHeld,            ///< another process serves this directory; see lockHolderPid
        LockFailed,          ///< the lock file cannot be created
        ListenFailed,
    };

    struct StartResult
    {
        StartError error = StartError::None;
        QString message;          ///< English, names the path and the reason
        qint64 lockHolderPid = 0; ///< with LockHeld, when the lock file tells
        bool ok() const { return error == StartError::None; }
    };

    /// At most this many clients at once; more are turned away.
    static constexpr int MaxClients = 32;
    /// A client whose unread output would exceed this is disconnected instead of buffered.
    static constexpr qint64 MaxPendingOutput = 8 * 1024 * 1024;
    static constexpr std::chrono::milliseconds DefaultHandshakeTimeout{10000};

    /// Serves in ControlProtocol::defaultDirectory().
    explicit ControlServer(QObject *parent = nullptr);
    /// Serves in \a directory (created 0700 if missing).
    explicit ControlServer(const QString &directory, QObject *parent = nullptr);
    ~ControlServer() override;

    /// Takes effect at the next start().
    void setDirectory(const QString &directory);
    QString directory() const { return m_directory; }
    QString socketPath() const;

    void setHandler(Handler handler);
    /// A client that has not said hello within \a timeout is disconnected.
    void setHandshakeTimeout(std::chrono::milliseconds timeout);
    /// The uid allowed to connect; the effective uid by default. Tests use it to see a stranger
    /// turned away.
    void setAllowedUid(uint uid);

    /// Creates or checks the directory, takes the lock, listens.
    StartResult start();
    /// Closes the socket (removing it), flushes and disconnects clients, releases the lock.
    void stop();
    bool isListening() const;
    /// Connected clients, greeted or not.
    int clientCount() const;

    /// Sends \a payload to every client subscribed to \a event.
    void publish(ControlProtocol::Event event, const QJsonObject &payload);

signals:
    void clientCountChanged(int count);

private:
    struct Client;

    StartResult prepareDirectory(const QString &directory) const;
    void acceptConnections();
    void readClient(QLocalSocket *socket);
    void removeClient(QLocalSocket *socket);
    /// Returns false if the client was closed while handling the message.
    bool handleMessage(QLocalSocket *socket, const QJsonObject &message);
    bool handleHello(QLocalSocket *socket, Client &state, std::optional<qint64> id,
                     const QJsonObject &message);
    ControlProtocol::Reply handleSubscribe(Client &state, const QJsonObject &message);
    /// Returns false if the client had to be dropped for not reading.
    bool sendFrame(QLocalSocket *socket, const QByteArray &frame);
    void sendReply(QLocalSocket *socket, std::optional<qint64> id,
                   const ControlProtocol::Reply &reply);
    /// Sends a last error reply and closes the connection once it is written.
    void refuse(QLocalSocket *socket, std::optional<qint64> id,
                const ControlProtocol::Reply &reply);
    void closeClient(QLocalSocket *socket);
    Client *client(QLocalSocket *socket) const;

    QString m_directory;
    QString m_activeDirectory;
    Handler m_handler;
    std::chrono::milliseconds m_handshakeTimeout = DefaultHandshakeTimeout;
    uint m_allowedUid;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_dispatching = nullptr; ///< the client whose request the handler is serving
    std::unique_ptr<QLockFile> m_lock;
    std::unordered_map<QLocalSocket *, std::unique_ptr<Client>> m_clients;
};

} // namespace Mailport
