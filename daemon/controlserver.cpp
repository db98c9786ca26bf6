#include "controlserver.h"

#include "controlcodec.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QSet>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <utility>

namespace Mailport {

using namespace ControlProtocol;

namespace {

// Reading in bounded chunks keeps a client's buffered input near one frame, whatever it sends.
constexpr qint64 ReadChunk = 64 * 1024;
// A closing client that does not drain its last reply is cut off after this.
constexpr std::chrono::milliseconds CloseGrace{5000};
// Client names only go to logs; keep a hostile one short.
constexpr qsizetype MaxClientName = 64;

struct PeerCredentials
{
    uint uid = 0;
    qint64 pid = 0;
};

std::optional<PeerCredentials> peerCredentials(qintptr descriptor)
{
#if defined(SO_PEERCRED)
    ucred credentials{};
    socklen_t length = sizeof(credentials);
    if (::getsockopt(int(descriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0
        || length != sizeof(credentials)) {
        return std::nullopt;
    }
    return PeerCredentials{uint(credentials.uid), qint64(credentials.pid)};
#else
    uid_t uid = 0;
    gid_t gid = 0;
    if (::getpeereid(int(descriptor), &uid, &gid) != 0)
        return std::nullopt;
    return PeerCredentials{uint(uid), 0};
#endif
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

struct ControlServer::Client
{
    ControlCodec codec;
    PeerCredentials peer;
    QString name;
    bool greeted = false;
    bool closing = false;
    bool closeAfterReply = false; ///< stop() ran inside this client's request
    QSet<Event> subscriptions;
};

ControlServer::ControlServer(QObject *parent)
    : ControlServer(QString(), parent)
{}

ControlServer::ControlServer(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? defaultDirectory() : directory)
    , m_allowedUid(uint(::geteuid()))
{}

ControlServer::~ControlServer()
{
    stop();
}

void ControlServer::setDirectory(const QString &directory)
{
    m_directory = directory.isEmpty() ? defaultDirectory() : directory;
}

QString ControlServer::socketPath() const
{
    return ControlProtocol::socketPath(
        m_activeDirectory.isEmpty() ? QDir(m_directory).absolutePath() : m_activeDirectory);
}

void ControlServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void ControlServer::setHandshakeTimeout(std::chrono::milliseconds timeout)
{
    m_handshakeTimeout = timeout;
}

void ControlServer::setAllowedUid(uint uid)
{
    m_allowedUid = uid;
}

bool ControlServer::isListening() const
{
    return m_server && m_server->isListening();
}

int ControlServer::clientCount() const
{
    return int(m_clients.size());
}

ControlServer::StartResult ControlServer::prepareDirectory(const QString &directory) const
{
    const QByteArray path = QFile::encodeName(directory);
    struct stat status = {};
    if (::lstat(path.constData(), &status) != 0) {
        if (errno != ENOENT) {
            return {StartError::DirectoryUnusable,
                    QStringLiteral("cannot inspect the control directory %1: %2")
                        .arg(directory, errnoText())};
        }
        QDir().mkpath(QFileInfo(directory).absolutePath());
        if (::mkdir(path.constData(), S_IRWXU) != 0 && errno != EEXIST) {
            return {StartError::DirectoryUnusable,
                    QStringLiteral("cannot create the control directory %1: %2")
                        .arg(directory, errnoText())};
        }
        if (::lstat(path.constData(), &status) != 0) {
            return {StartError::DirectoryUnusable,
                    QStringLiteral("cannot inspect the control directory %1: %2")
                        .arg(directory, errnoText())};
        }
    }
    if (!S_ISDIR(status.st_mode)) {
        return {StartError::DirectoryNotPrivate,
                QStringLiteral("the control directory %1 is not a directory").arg(directory)};
    }
    if (uint(status.st_uid) != uint(::geteuid())) {
        return {StartError::DirectoryNotPrivate,
                QStringLiteral("the control directory %1 belongs to uid %2, not to this user "
                               "(uid %3)")
                    .arg(directory)
                    .arg(status.st_uid)
                    .arg(::geteuid())};
    }
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return {StartError::DirectoryNotPrivate,
                QStringLiteral("the control directory %1 has mode %2 and must be private to its "
                               "owner (chmod 700 %1)")
                    .arg(directory)
                    .arg(status.st_mode & 07777, 4, 8, QLatin1Char('0'))};
    }
    return {};
}

ControlServer::StartResult ControlServer::start()
{
    if (m_server)
        return {};
    const QString directory = QDir(m_directory).absolutePath();
    StartResult result = prepareDirectory(directory);
    if (!result.ok())
        return result;

    const QString path = ControlProtocol::socketPath(directory);
    const qsizetype pathLimit = qsizetype(sizeof(sockaddr_un::sun_path)) - 1;
    if (QFile::encodeName(path).size() > pathLimit) {
        return {StartError::ListenFailed,
                QStringLiteral("the control socket path %1 is longer than the system's limit of "
                               "%2 bytes")
                    .arg(path)
                    .arg(pathLimit)};
    }

    // The lock comes first: with socket options, Qt 6.4's listen() renames its new socket over
    // an existing one, so a second daemon must never reach listen() while the first lives.
    auto lock = std::make_unique<QLockFile>(lockFilePath(directory));
    lock->setStaleLockTime(0); // a daemon holds it for days; only a dead holder makes it stale
    if (!lock->tryLock(0)) {
        if (lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host;
            QString application;
            if (lock->getLockInfo(&pid, &host, &application)) {
                return {StartError::LockHeld,
                        QStringLiteral("the control socket in %1 is already served by %2 (pid %3)")
                            .arg(directory, application.isEmpty()
                                                ? QStringLiteral("another process")
                                                : application)
                            .arg(pid),
                        pid};
            }
            return {StartError::LockHeld,
                    QStringLiteral("the control socket in %1 is already served by another "
                                   "process (lock file %2)")
                        .arg(directory, lockFilePath(directory))};
        }
        return {StartError::LockFailed,
                QStringLiteral("cannot create the lock file %1%2")
                    .arg(lockFilePath(directory), lock->error() == QLockFile::PermissionError
                                                      ? QStringLiteral(": permission denied")
                                                      : QString())};
    }

    // Holding the lock, any socket file left here belongs to a daemon that died.
    QLocalServer::removeServer(path);
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    server->setMaxPendingConnections(MaxClients);
    if (!server->listen(path)) {
        const QString reason = server->errorString();
        delete server;
        return {StartError::ListenFailed,
                QStringLiteral("cannot listen on the control socket %1: %2").arg(path, reason)};
    }
    connect(server, &QLocalServer::newConnection, this, &ControlServer::acceptConnections);
    m_server = server;
    m_lock = std::move(lock);
    m_activeDirectory = directory;
    qCInfo(lcControl, "control socket listening on %ls", qUtf16Printable(path));
    return {};
}

void ControlServer::stop()
{
    if (!m_server)
        return;
    // Closing removes the socket file; it must happen while the lock is still ours.
    m_server->close();
    m_server->deleteLater();
    m_server = nullptr;

    const bool hadClients = !m_clients.empty();
    auto clients = std::move(m_clients);
    m_clients.clear();
    for (auto &entry : clients) {
        QLocalSocket *socket = entry.first;
        if (socket == m_dispatching) {
            // Called from the handler (a shutdown request, say): that request still gets its
            // reply, then the client is closed.
            entry.second->closeAfterReply = true;
            m_clients.emplace(socket, std::move(entry.second));
            continue;
        }
        socket->disconnect(this);
        // Lets a reply written just before (e.g. to shutdown) reach the peer.
        socket->flush();
        socket->disconnectFromServer();
        socket->deleteLater();
    }
    if (hadClients)
        emit clientCountChanged(clientCount());

    m_lock.reset(); // unlocks, removing the lock file
    m_activeDirectory.clear();
}

void ControlServer::acceptConnections()
{
    while (m_server && m_server->hasPendingConnections()) {
        QLocalSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            return;
        // Owned by us rather than by the QLocalServer, which stop() may delete while a socket
        // is still inside one of its own signals.
        socket->setParent(this);

        const auto peer = peerCredentials(socket->socketDescriptor());
        if (!peer) {
            qCWarning(lcControl, "control client refused: cannot read its credentials: %s",
                      std::strerror(errno));
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (peer->uid != m_allowedUid) {
            qCWarning(lcControl, "control client refused: pid %lld runs as uid %u, not uid %u",
                      static_cast<long long>(peer->pid), peer->uid, m_allowedUid);
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (m_clients.size() >= std::size_t(MaxClients)) {
            qCWarning(lcControl, "control client refused: already %d clients", MaxClients);
            socket->abort();
            socket->deleteLater();
            continue;
        }

        auto state = std::make_unique<Client>();
        state->peer = *peer;
        m_clients.emplace(socket, std::move(state));
        socket->setReadBufferSize(ReadChunk);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readClient(socket); });
        connect(socket, &QLocalSocket::disconnected, this,
                [this, socket] { removeClient(socket); });
        QTimer::singleShot(m_handshakeTimeout, socket, [this, socket] {
            const Client *late = client(socket);
            if (late && !late->greeted && !late->closing) {
                qCWarning(lcControl, "control client pid %lld said no hello in time",
                          static_cast<long long>(late->peer.pid));
                refuse(socket, std::nullopt,
                       Reply::failure(Error::NotHello, QStringLiteral("No hello within %1 ms.")
                                                           .arg(m_handshakeTimeout.count())));
            }
        });
        qCDebug(lcControl, "control client pid %lld connected", static_cast<long long>(peer->pid));
        emit clientCountChanged(clientCount());
        // Bytes may have arrived with the connection itself.
        if (socket->bytesAvailable() > 0)
            readClient(socket);
    }
}

ControlServer::Client *ControlServer::client(QLocalSocket *socket) const
{
    const auto it = m_clients.find(socket);
    return it == m_clients.end() ? nullptr : it->second.get();
}

void ControlServer::removeClient(QLocalSocket *socket)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    qCDebug(lcControl, "control client pid %lld disconnected",
            static_cast<long long>(it->second->peer.pid));
    m_clients.erase(it);
    socket->disconnect(this);
    socket->deleteLater();
    emit clientCountChanged(clientCount());
}

void ControlServer::readClient(QLocalSocket *socket)
{
    for (;;) {
        Client *current = client(socket);
        if (!current)
            return;
        if (current->closing) {
            // Whatever follows a fatal error is not looked at, only drained.
            socket->readAll();
            return;
        }
        if (socket->bytesAvailable() <= 0)
            return;
        current->codec.append(socket->read(ReadChunk));
        for (;;) {
            ControlCodec::Result result = current->codec.next();
            if (result.status == ControlCodec::Status::Incomplete)
                break;
            if (result.status == ControlCodec::Status::Invalid) {
                qCWarning(lcControl, "control client pid %lld sent a bad frame: %ls",
                          static_cast<long long>(current->peer.pid),
                          qUtf16Printable(result.reason));
                refuse(socket, std::nullopt, Reply::failure(Error::BadFrame, result.reason));
                return;
            }
            if (!handleMessage(socket, result.message))
                return;
            current = client(socket);
            if (!current || current->closing)
                return;
        }
    }
}

bool ControlServer::handleMessage(QLocalSocket *socket, const QJsonObject &message)
{
    Client *current = client(socket);
    const std::optional<qint64> id = messageId(message);
    if (!current->greeted)
        return handleHello(socket, *current, id, message);

    if (!id) {
        sendReply(socket, std::nullopt,
                  Reply::failure(Error::BadRequest,
                                 QStringLiteral("The request has no integer \"id\".")));
        return client(socket) != nullptr;
    }
    const QJsonValue typeValue = message.value(Field::Type);
    if (!typeValue.isString()) {
        sendReply(socket, id,
                  Reply::failure(Error::BadRequest,
                                 QStringLiteral("The request has no string \"type\".")));
        return client(socket) != nullptr;
    }
    const std::optional<Request> request = requestFromName(typeValue.toString());
    Reply reply;
    if (!request) {
        reply = Reply::failure(
            Error::UnknownRequest,
            QStringLiteral("Unknown request \"%1\".").arg(typeValue.toString().left(64)));
    } else if (*request == Request::Hello) {
        reply = Reply::failure(Error::BadRequest, QStringLiteral("Hello was already said."));
    } else if (*request == Request::Subscribe) {
        reply = handleSubscribe(*current, message);
    } else if (!m_handler) {
        reply = Reply::failure(Error::Internal, QStringLiteral("No request handler is set."));
    } else {
        // The handler may publish, stop the server or close this client; look the client up
        // again afterwards.
        QLocalSocket *const outer = std::exchange(m_dispatching, socket);
        reply = m_handler(*request, message);
        m_dispatching = outer;
        if (!client(socket))
            return false;
    }
    sendReply(socket, id, reply);
    current = client(socket);
    if (current && current->closeAfterReply) {
        closeClient(socket);
        return false;
    }
    return current != nullptr;
}

bool ControlServer::handleHello(QLocalSocket *socket, Client &state, std::optional<qint64> id,
                                const QJsonObject &message)
{
    if (message.value(Field::Type).toString() != requestName(Request::Hello)) {
        refuse(socket, id, Reply::failure(Error::NotHello));
        return false;
    }
    if (!id) {
        refuse(socket, id,
               Reply::failure(Error::BadRequest, QStringLiteral("Hello has no integer \"id\".")));
        return false;
    }
    const QJsonValue version = message.value(Field::Version);
    if (!version.isDouble() || version.toDouble() != double(Version)) {
        refuse(socket, id,
               Reply::failure(Error::UnsupportedVersion,
                              QStringLiteral("The client speaks control protocol version %1; "
                                             "this daemon speaks version %2 only.")
                                  .arg(version.isDouble() ? version.toVariant().toString()
                                                          : QStringLiteral("(none)"))
                                  .arg(Version)));
        return false;
    }
    state.greeted = true;
    state.name = message.value(Field::Client).toString().left(MaxClientName);
    qCInfo(lcControl, "control client \"%ls\" (pid %lld) connected", qUtf16Printable(state.name),
           static_cast<long long>(state.peer.pid));
    sendReply(socket, id,
              Reply::success({{Field::Version, Version},
                              {Field::Pid, QCoreApplication::applicationPid()},
                              {Field::Daemon, QStringLiteral(MAILPORT_VERSION)}}));
    return client(socket) != nullptr;
}

Reply ControlServer::handleSubscribe(Client &state, const QJsonObject &message)
{
    const QJsonValue events = message.value(Field::Events);
    QSet<Event> wanted;
    if (events.isUndefined()) {
        wanted = {Event::Log, Event::Connection, Event::Arrival, Event::State};
    } else if (events.isArray()) {
        const QJsonArray list = events.toArray();
        for (const QJsonValue &name : list) {
            const std::optional<Event> event = eventFromName(name.toString());
            if (!name.isString() || !event) {
                return Reply::failure(Error::BadRequest,
                                      QStringLiteral("Unknown event \"%1\" in \"events\".")
                                          .arg(name.toVariant().toString().left(64)));
            }
            wanted.insert(*event);
        }
    } else {
        return Reply::failure(Error::BadRequest,
                              QStringLiteral("\"events\" must be an array of event names."));
    }
    state.subscriptions = wanted;
    QJsonArray subscribed;
    for (const auto event : {Event::Log, Event::Connection, Event::Arrival, Event::State}) {
        if (wanted.contains(event))
            subscribed.append(eventName(event));
    }
    return Reply::success({{Field::Events, subscribed}});
}

bool ControlServer::sendFrame(QLocalSocket *socket, const QByteArray &frame)
{
    if (socket->bytesToWrite() + frame.size() > MaxPendingOutput) {
        const Client *current = client(socket);
        qCWarning(lcControl,
                  "control client pid %lld does not read what it is sent; "
                  "disconnecting",
                  static_cast<long long>(current ? current->peer.pid : 0));
        socket->abort();
        removeClient(socket);
        return false;
    }
    socket->write(frame);
    return true;
}

void ControlServer::sendReply(QLocalSocket *socket, std::optional<qint64> id, const Reply &reply)
{
    QByteArray frame = ControlCodec::encode(makeReply(id, reply));
    if (frame.isEmpty()) {
        qCWarning(lcControl, "control reply too large for a frame");
        frame = ControlCodec::encode(makeReply(id, Reply::failure(Error::TooLarge)));
    }
    sendFrame(socket, frame);
}

void ControlServer::refuse(QLocalSocket *socket, std::optional<qint64> id, const Reply &reply)
{
    sendReply(socket, id, reply);
    if (client(socket))
        closeClient(socket);
}

void ControlServer::closeClient(QLocalSocket *socket)
{
    Client *current = client(socket);
    if (!current || current->closing)
        return;
    current->closing = true;
    QTimer::singleShot(CloseGrace, socket, [socket] { socket->abort(); });
    // May emit disconnected() at once, which removes the client.
    socket->disconnectFromServer();
}

void ControlServer::publish(Event event, const QJsonObject &payload)
{
    QList<QLocalSocket *> receivers;
    for (const auto &[socket, state] : m_clients) {
        if (state->greeted && !state->closing && state->subscriptions.contains(event))
            receivers.append(socket);
    }
    if (receivers.isEmpty())
        return;
    const QByteArray frame = ControlCodec::encode(makeEvent(event, payload));
    if (frame.isEmpty()) {
        qCWarning(lcControl, "%ls event too large for a frame; dropped",
                  qUtf16Printable(eventName(event)));
        return;
    }
    for (QLocalSocket *socket : std::as_const(receivers)) {
        if (client(socket))
            sendFrame(socket, frame);
    }
}

} // namespace Mailport
