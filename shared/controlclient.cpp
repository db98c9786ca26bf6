#include "controlclient.h"

#include "logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

namespace Mailport {

using namespace ControlProtocol;

namespace {

constexpr qint64 ReadChunk = 64 * 1024;

} // namespace

ControlClient::ControlClient(QObject *parent)
    : QObject(parent)
{}

ControlClient::~ControlClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void ControlClient::setClientName(const QString &name)
{
    m_clientName = name;
}

void ControlClient::setDefaultTimeout(std::chrono::milliseconds timeout)
{
    m_defaultTimeout = timeout;
}

void ControlClient::connectToDaemon(const QString &directory)
{
    if (m_state != State::Disconnected)
        tearDown(Error::Disconnected, QStringLiteral("Reconnecting."), false);

    m_directory = directory.isEmpty() ? defaultDirectory() : directory;
    m_codec.reset();
    m_daemonPid = 0;
    m_daemonVersion.clear();
    const quint64 generation = ++m_generation;

    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::connected, this, &ControlClient::onSocketConnected);
    connect(m_socket, &QLocalSocket::readyRead, this, &ControlClient::readSocket);
    connect(m_socket, &QLocalSocket::errorOccurred, this, &ControlClient::onSocketError);
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        fail(Error::Disconnected, QStringLiteral("mailportd closed the control connection."));
    });
    setState(State::Connecting);

    // Connecting from the event loop: a missing socket would otherwise be reported from inside
    // this call, before the caller has queued its requests.
    const QString path = socketPath(m_directory);
    QTimer::singleShot(0, this, [this, generation, path] {
        if (generation == m_generation && m_socket)
            m_socket->connectToServer(path);
    });
    QTimer::singleShot(m_defaultTimeout, this, [this, generation] {
        if (generation != m_generation
            || (m_state != State::Connecting && m_state != State::Handshaking)) {
            return;
        }
        fail(Error::Timeout,
             QStringLiteral("mailportd did not complete the handshake within %1 ms.")
                 .arg(m_defaultTimeout.count()));
    });
}

void ControlClient::disconnectFromDaemon()
{
    if (m_state == State::Disconnected)
        return;
    tearDown(Error::Disconnected, QStringLiteral("The control connection was closed."), false);
}

qint64 ControlClient::request(Request request, const QJsonObject &arguments, Callback callback,
                              std::chrono::milliseconds timeout)
{
    const qint64 id = m_nextId++;
    if (request == Request::Hello) {
        finishLater(std::move(callback),
                    Reply::failure(Error::BadRequest,
                                   QStringLiteral("Hello is sent by the client itself.")));
        return id;
    }
    if (m_state == State::Disconnected) {
        finishLater(std::move(callback), Reply::failure(Error::NotConnected));
        return id;
    }
    m_pending.emplace(id, Pending{request, arguments, std::move(callback), false});
    if (m_state == State::Connected)
        sendPending();

    const quint64 generation = m_generation;
    QTimer::singleShot(timeout, this, [this, id, request, timeout, generation] {
        if (generation != m_generation)
            return;
        auto node = m_pending.extract(id);
        if (node.empty())
            return;
        qCDebug(lcControl, "control request %lld (%ls) timed out", static_cast<long long>(id),
                qUtf16Printable(requestName(request)));
        if (node.mapped().callback) {
            node.mapped().callback(Reply::failure(
                Error::Timeout,
                QStringLiteral("mailportd did not answer the %1 request within %2 ms.")
                    .arg(requestName(request))
                    .arg(timeout.count())));
        }
    });
    return id;
}

qint64 ControlClient::request(Request request, const QJsonObject &arguments, Callback callback)
{
    return this->request(request, arguments, std::move(callback), m_defaultTimeout);
}

qint64 ControlClient::subscribe(const QList<Event> &events, Callback callback)
{
    QJsonObject arguments;
    if (!events.isEmpty()) {
        QJsonArray names;
        for (const Event event : events)
            names.append(eventName(event));
        arguments.insert(Field::Events, names);
    }
    return request(Request::Subscribe, arguments, std::move(callback));
}

void ControlClient::cancel(qint64 id)
{
    m_pending.erase(id);
}

void ControlClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ControlClient::onSocketConnected()
{
    setState(State::Handshaking);
    m_helloId = m_nextId++;
    const QString name
        = m_clientName.isEmpty() ? QCoreApplication::applicationName() : m_clientName;
    m_socket->write(ControlCodec::encode(makeRequest(
        m_helloId, Request::Hello, {{Field::Version, Version}, {Field::Client, name}})));
}

void ControlClient::onSocketError()
{
    if (!m_socket)
        return;
    const QLocalSocket::LocalSocketError error = m_socket->error();
    const QString path = socketPath(m_directory);
    if (m_state == State::Connecting) {
        QString message;
        switch (error) {
        case QLocalSocket::ServerNotFoundError:
            message = QStringLiteral("mailportd is not running: there is no control socket %1.")
                          .arg(path);
            break;
        case QLocalSocket::ConnectionRefusedError:
            message = QStringLiteral("mailportd is not running: the control socket %1 refuses "
                                     "connections.")
                          .arg(path);
            break;
        case QLocalSocket::SocketAccessError:
            message = QStringLiteral("Permission denied on the control socket %1.").arg(path);
            break;
        default:
            message = QStringLiteral("Cannot connect to the control socket %1: %2.")
                          .arg(path, m_socket->errorString());
            break;
        }
        fail(Error::ConnectFailed, message);
        return;
    }
    if (error == QLocalSocket::PeerClosedError) {
        fail(Error::Disconnected, QStringLiteral("mailportd closed the control connection."));
        return;
    }
    fail(Error::Disconnected,
         QStringLiteral("The control connection failed: %1.").arg(m_socket->errorString()));
}

void ControlClient::readSocket()
{
    const quint64 generation = m_generation;
    while (generation == m_generation && m_socket && m_socket->bytesAvailable() > 0) {
        m_codec.append(m_socket->read(ReadChunk));
        for (;;) {
            ControlCodec::Result result = m_codec.next();
            if (result.status == ControlCodec::Status::Incomplete)
                break;
            if (result.status == ControlCodec::Status::Invalid) {
                fail(Error::ProtocolError,
                     QStringLiteral("mailportd sent a bad control frame: %1.").arg(result.reason));
                return;
            }
            if (!handleMessage(result.message) || generation != m_generation)
                return;
        }
    }
}

bool ControlClient::handleMessage(const QJsonObject &message)
{
    const quint64 generation = m_generation;
    if (m_state == State::Handshaking) {
        handleHelloReply(message);
        return generation == m_generation;
    }
    if (m_state != State::Connected)
        return false;

    if (isEvent(message)) {
        const std::optional<Event> event = eventFromName(message.value(Field::Event).toString());
        if (!event) {
            // A newer daemon may know more events than this build; they are not errors.
            qCDebug(lcControl, "ignoring unknown control event %ls",
                    qUtf16Printable(message.value(Field::Event).toString()));
            return true;
        }
        emit eventReceived(*event, message.value(Field::Payload).toObject());
        return generation == m_generation;
    }

    const std::optional<Reply> reply = parseReply(message);
    if (!reply) {
        fail(Error::ProtocolError, QStringLiteral("mailportd sent a malformed reply."));
        return false;
    }
    const std::optional<qint64> id = messageId(message);
    if (!id) {
        // Only a fatal complaint about the connection itself comes without an id.
        fail(reply->ok ? Error::ProtocolError : reply->error,
             reply->ok ? QStringLiteral("mailportd sent a reply without an id.") : reply->detail);
        return false;
    }
    auto node = m_pending.extract(*id);
    if (node.empty()) {
        qCDebug(lcControl, "ignoring reply to control request %lld, no longer pending",
                static_cast<long long>(*id));
        return true;
    }
    if (node.mapped().callback)
        node.mapped().callback(*reply);
    return generation == m_generation;
}

void ControlClient::handleHelloReply(const QJsonObject &message)
{
    const std::optional<Reply> reply = parseReply(message);
    const std::optional<qint64> id = messageId(message);
    if (!reply || isEvent(message)) {
        fail(Error::ProtocolError, QStringLiteral("mailportd answered hello with something else."));
        return;
    }
    if (!reply->ok) {
        fail(reply->error, reply->detail);
        return;
    }
    if (id != m_helloId) {
        fail(Error::ProtocolError, QStringLiteral("mailportd answered hello with a wrong id."));
        return;
    }
    const QJsonValue version = reply->result.value(Field::Version);
    if (version.toDouble() != double(Version)) {
        fail(Error::UnsupportedVersion,
             QStringLiteral("mailportd speaks control protocol version %1; this program speaks "
                            "version %2.")
                 .arg(version.toVariant().toString())
                 .arg(Version));
        return;
    }
    m_daemonPid = reply->result.value(Field::Pid).toInteger();
    m_daemonVersion = reply->result.value(Field::Daemon).toString();
    qCDebug(lcControl, "connected to mailportd %ls (pid %lld)", qUtf16Printable(m_daemonVersion),
            static_cast<long long>(m_daemonPid));
    const quint64 generation = m_generation;
    setState(State::Connected);
    if (generation != m_generation)
        return;
    emit connected();
    if (generation == m_generation && m_state == State::Connected)
        sendPending();
}

void ControlClient::sendPending()
{
    QList<qint64> tooLarge;
    for (auto &[id, pending] : m_pending) {
        if (pending.sent)
            continue;
        const QByteArray frame
            = ControlCodec::encode(makeRequest(id, pending.request, pending.arguments));
        if (frame.isEmpty()) {
            tooLarge.append(id);
            continue;
        }
        pending.sent = true;
        m_socket->write(frame);
    }
    for (const qint64 id : std::as_const(tooLarge)) {
        auto node = m_pending.extract(id);
        finishLater(std::move(node.mapped().callback),
                    Reply::failure(Error::TooLarge,
                                   QStringLiteral("The request is larger than a control frame "
                                                  "may be.")));
    }
}

void ControlClient::fail(Error code, const QString &message)
{
    if (m_state == State::Disconnected)
        return;
    tearDown(code, message, true);
}

void ControlClient::tearDown(Error code, const QString &message, bool reportError)
{
    const bool wasConnected = m_state == State::Connected;
    ++m_generation;
    if (m_socket) {
        QLocalSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        if (reportError) {
            socket->abort();
        } else {
            // A requested close lets what was written (e.g. a shutdown request) go out.
            socket->flush();
            socket->disconnectFromServer();
        }
        socket->deleteLater();
    }
    m_codec.reset();
    auto pending = std::move(m_pending);
    m_pending.clear();

    qCDebug(lcControl, "control connection ended: %ls", qUtf16Printable(message));
    QPointer<ControlClient> guard(this);
    setState(State::Disconnected);
    if (guard && reportError)
        emit errorOccurred(code, message);
    if (guard && wasConnected)
        emit disconnected();
    const Reply failure = Reply::failure(code, message);
    for (auto &[id, request] : pending) {
        if (!guard)
            return;
        if (request.callback)
            request.callback(failure);
    }
}

void ControlClient::finishLater(Callback callback, const Reply &reply)
{
    if (!callback)
        return;
    QTimer::singleShot(0, this, [callback = std::move(callback), reply] { callback(reply); });
}

} // namespace Mailport
