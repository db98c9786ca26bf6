#include "smtpconnection.h"

#include "logging.h"

#include <QSslCipher>
#include <QSslSocket>

#include <arpa/inet.h>
#include <cerrno>
#include <climits>
#include <cstring>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Mailport {

namespace {

constexpr qint64 kReadChunk = 64 * 1024;
// Qt stops reading from the kernel beyond this, so a client that floods while its replies pile up
// is held back by TCP flow control rather than by our memory.
constexpr qint64 kReadBufferSize = 256 * 1024;
constexpr qint64 kMaxPendingOutput = 256 * 1024;
constexpr qint64 kEarlyTalkPeek = 4096;
constexpr qint64 kMaxDrain = 1024 * 1024;

SmtpPeer peerOf(int fd)
{
    SmtpPeer peer;
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    auto convert = [](const sockaddr_storage &s, QHostAddress *address, quint16 *port) {
        QHostAddress a(reinterpret_cast<const sockaddr *>(&s));
        *address = HostList::normalized(a);
        if (s.ss_family == AF_INET)
            *port = ntohs(reinterpret_cast<const sockaddr_in *>(&s)->sin_port);
        else if (s.ss_family == AF_INET6)
            *port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&s)->sin6_port);
    };
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&storage), &length) == 0)
        convert(storage, &peer.address, &peer.port);
    storage = {};
    length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) == 0)
        convert(storage, &peer.localAddress, &peer.localPort);
    return peer;
}

QString endpointText(const QHostAddress &address, quint16 port)
{
    return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS1.2");
    default:
        return QStringLiteral("TLS");
    }
}

int countRejections(QByteArrayView output)
{
    int count = 0;
    qsizetype start = 0;
    while (start < output.size()) {
        qsizetype end = output.indexOf('\n', start);
        if (end < 0)
            end = output.size();
        const QByteArrayView line = output.sliced(start, end - start);
        if (line.size() >= 4 && (line[0] == '4' || line[0] == '5') && line[3] == ' ')
            ++count;
        start = end + 1;
    }
    return count;
}

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
}

} // namespace

SmtpConnection::SmtpConnection(qintptr descriptor, SmtpConnectionSettings settings,
                               SmtpConnectionHooks hooks, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_hooks(std::move(hooks))
    , m_descriptor(int(descriptor))
{
    m_tcpPeer = peerOf(m_descriptor);
    m_client = m_tcpPeer;
    m_poller = m_settings.poller;
    if (!m_poller) {
        m_ownPoller = std::make_unique<SocketPoller>();
        m_poller = m_ownPoller.get();
    }
    m_deadlines = m_settings.deadlines;
    if (!m_deadlines) {
        m_ownDeadlines = std::make_unique<DeadlineQueue>();
        m_deadlines = m_ownDeadlines.get();
    }
}

SmtpConnection::~SmtpConnection()
{
    m_deadlines->cancel(this);
    unwatch();
    if (m_descriptor >= 0)
        ::close(m_descriptor);
    if (m_rawFd >= 0)
        ::close(m_rawFd);
}

int SmtpConnection::descriptor() const
{
    if (m_rawFd >= 0)
        return m_rawFd;
    if (m_socket)
        return int(m_socket->socketDescriptor());
    return m_descriptor;
}

void SmtpConnection::watch(bool read, bool write)
{
    const int fd = m_rawFd >= 0 ? m_rawFd : m_descriptor;
    if (fd < 0)
        return;
    if (m_polledFd == fd) {
        if (read == m_watchRead && write == m_watchWrite)
            return;
        if (!m_poller->update(fd, this, read, write))
            qCWarning(lcSmtp) << "epoll_ctl failed for" << hostText() << std::strerror(errno);
    } else {
        unwatch();
        if (!m_poller->add(fd, this, read, write)) {
            qCWarning(lcSmtp) << "cannot watch the connection from" << hostText()
                              << std::strerror(errno);
            return;
        }
        m_polledFd = fd;
    }
    m_watchRead = read;
    m_watchWrite = write;
}

void SmtpConnection::unwatch()
{
    if (m_polledFd < 0)
        return;
    m_poller->remove(m_polledFd, this);
    m_polledFd = -1;
    m_watchRead = false;
    m_watchWrite = false;
}

void SmtpConnection::updateInterest()
{
    if (m_rawFd < 0)
        return;
    bool read = false;
    if (m_state == State::Session)
        read = !m_readPaused && !m_storing && !m_rawEof;
    else if (m_state == State::Closing)
        read = !m_rawEof; // drained, so that closing sends no reset over our last replies
    watch(read, !m_rawOutput.isEmpty());
}

void SmtpConnection::socketActivated(std::uint32_t events)
{
    if (m_state == State::ProxyHeader) {
        readProxyHeader();
        return;
    }
    if (m_rawFd < 0)
        return;
    if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))
        writeRaw();
    if (m_rawFd >= 0 && (events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
        readRaw();
    if (m_rawFd >= 0 && (events & (EPOLLERR | EPOLLHUP)) && m_state != State::Finished) {
        // Reset or gone both ways: nothing more can be said or heard.
        if (m_state == State::Session)
            connectionLost({});
        else
            abortConnection();
    }
}

void SmtpConnection::deadlineReached()
{
    switch (m_state) {
    case State::ProxyHeader:
        proxyTimedOut();
        break;
    case State::Handshake:
    case State::StartTls:
    case State::Session:
        deadlineExpired();
        break;
    case State::Closing:
        // The close took too long: cut it off.
        abortConnection();
        break;
    case State::Created:
    case State::Finished:
        break;
    }
}

void SmtpConnection::setDeadline(qint64 milliseconds)
{
    m_deadlines->schedule(this, m_deadlines->now() + qMax<qint64>(0, milliseconds));
}

void SmtpConnection::cancelDeadline()
{
    m_deadlines->cancel(this);
}

qint64 SmtpConnection::pendingOutput() const
{
    if (m_rawFd >= 0)
        return m_rawOutput.size();
    if (m_socket)
        return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
    return 0;
}

QByteArray SmtpConnection::shutdownReply(const QString &hostname)
{
    return "421 4.3.2 " + hostname.toUtf8() + " Service shutting down, closing connection";
}

void SmtpConnection::start()
{
    if (m_state != State::Created)
        return;
    if (!isProxyRequired()) {
        admitAndServe();
        return;
    }
    // Nothing is sent and no socket class reads before the header: see readProxyHeader().
    m_state = State::ProxyHeader;
    watch(true, false);
    setDeadline(m_settings.proxyTimeout.count());
}

void SmtpConnection::refuse(const QByteArray &reply)
{
    if (m_state == State::Finished)
        return;
    if (!reply.isEmpty())
        ++m_rejections;
    if (m_socket || m_rawFd >= 0) {
        if (!reply.isEmpty())
            write(reply + "\r\n");
        closeGracefully();
        return;
    }
    if (!reply.isEmpty() && m_descriptor >= 0) {
        // A short line on a fresh socket: it fits the send buffer, so this never blocks.
        const QByteArray line = reply + "\r\n";
        const ssize_t n = ::send(m_descriptor, line.constData(), size_t(line.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            m_bytesOut += n;
    }
    finish();
}

void SmtpConnection::shutdown()
{
    switch (m_state) {
    case State::Created:
    case State::ProxyHeader:
        finish();
        break;
    case State::Handshake:
    case State::StartTls:
        abortConnection();
        break;
    case State::Session:
        log(QStringLiteral("SMTP connection from %1 closed: daemon shutting down").arg(hostText()));
        write(shutdownReply(m_settings.session.hostname) + "\r\n");
        closeGracefully();
        break;
    case State::Closing:
    case State::Finished:
        break;
    }
}

void SmtpConnection::readProxyHeader()
{
    if (m_state != State::ProxyHeader)
        return;
    // Peek first and then take exactly the header's bytes: whatever follows (a ClientHello, an
    // early command) stays in the kernel for the socket that takes over. While the header is
    // incomplete every peeked byte belongs to it, so taking them all never spins on level
    // triggered readiness.
    const qsizetype room = ProxyHeaderParser::MaxLength - m_proxyBytes.size();
    QByteArray peeked(room, Qt::Uninitialized);
    const ssize_t n = ::recv(m_descriptor, peeked.data(), size_t(room), MSG_PEEK | MSG_DONTWAIT);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return;
        log(QStringLiteral("SMTP connection from %1 lost while reading the PROXY header: %2")
                .arg(hostText(), QString::fromLocal8Bit(std::strerror(errno))));
        finish();
        return;
    }
    if (n == 0) {
        log(QStringLiteral("SMTP connection from %1 closed before sending the PROXY header")
                .arg(hostText()));
        finish();
        return;
    }
    peeked.truncate(n);
    const ProxyHeaderParser::Result result = ProxyHeaderParser::parse(m_proxyBytes + peeked);
    const qsizetype take = result.status == ProxyHeaderParser::Status::Done
                               ? result.header.length - m_proxyBytes.size()
                               : qsizetype(n);
    QByteArray taken(take, Qt::Uninitialized);
    const ssize_t got = ::recv(m_descriptor, taken.data(), size_t(take), MSG_DONTWAIT);
    if (got != take) {
        log(QStringLiteral("SMTP connection from %1 lost while reading the PROXY header")
                .arg(hostText()));
        finish();
        return;
    }
    m_proxyBytes += taken;
    m_bytesIn += got;
    switch (result.status) {
    case ProxyHeaderParser::Status::Incomplete:
        return;
    case ProxyHeaderParser::Status::Done:
        m_proxyHeader = result.header;
        proxyDone();
        return;
    case ProxyHeaderParser::Status::Invalid:
        log(QStringLiteral("PROXY protocol failure from %1: %2").arg(hostText(), result.reason));
        m_proxyFailed = true;
        proxyDone();
        return;
    }
}

void SmtpConnection::proxyTimedOut()
{
    if (m_state != State::ProxyHeader)
        return;
    log(QStringLiteral("PROXY protocol failure from %1: no header within %2 ms")
            .arg(hostText())
            .arg(m_settings.proxyTimeout.count()));
    m_proxyFailed = true;
    proxyDone();
}

void SmtpConnection::proxyDone()
{
    cancelDeadline();
    unwatch();
    if (!m_proxyFailed) {
        m_proxyBytes.clear();
        if (!m_proxyHeader.local) {
            m_proxied = true;
            m_client.address = HostList::normalized(m_proxyHeader.sourceAddress);
            m_client.port = m_proxyHeader.sourcePort;
        }
        qCDebug(lcSmtp) << "PROXY header from" << hostText() << "for"
                        << endpointText(m_client.address, m_client.port);
    } else if (m_settings.tls == TlsMode::Smtps && !m_proxyBytes.isEmpty()) {
        // No plaintext reply can help a client on an implicit-TLS port.
        finish();
        return;
    }
    admitAndServe();
}

void SmtpConnection::admitAndServe()
{
    const QByteArray refusal = m_hooks.admit ? m_hooks.admit(*this) : QByteArray();
    if (!refusal.isEmpty()) {
        refuse(refusal);
        return;
    }
    m_admitted = true;

    // Bytes a plaintext client sent before the greeting (after the PROXY header, if any) are
    // early talk; take them off the raw socket now, before Qt reads it.
    QByteArray early = m_proxyFailed ? m_proxyBytes : QByteArray();
    m_proxyBytes.clear();
    if (m_settings.tls == TlsMode::StartTls && pendingKernelBytes() > 0) {
        QByteArray more(kEarlyTalkPeek, Qt::Uninitialized);
        const ssize_t n = ::recv(m_descriptor, more.data(), size_t(more.size()), MSG_DONTWAIT);
        if (n > 0) {
            more.truncate(n);
            m_bytesIn += n;
            early += more;
        }
    }

    if (m_settings.tls == TlsMode::Smtps) {
        createSocket();
        if (!m_socket)
            return;
    } else {
        m_rawFd = m_descriptor;
        m_descriptor = -1;
    }

    SmtpSessionSettings session = m_settings.session;
    session.tlsAvailable = session.tlsAvailable && !m_settings.tlsConfiguration.isNull()
                           && m_settings.tlsAdvertiseHosts.contains(m_client.address);
    session.implicitTls = m_settings.tls == TlsMode::Smtps;
    m_session = std::make_unique<SmtpSession>(session, m_tcpPeer);
    if (m_proxied)
        m_session->setProxiedPeer(m_client);
    if (m_proxyFailed)
        m_session->proxyFailed();

    if (m_settings.tls == TlsMode::Smtps) {
        if (m_settings.tlsConfiguration.isNull()) {
            log(QStringLiteral("TLS error on connection from %1: no usable certificate")
                    .arg(hostText()));
            abortConnection();
            return;
        }
        m_state = State::Handshake;
        m_socket->setSslConfiguration(m_settings.tlsConfiguration);
        touchDeadline(true, 0);
        m_socket->startServerEncryption();
        return;
    }
    m_state = State::Session;
    if (!early.isEmpty())
        m_session->feed(early);
    else
        m_session->start();
    touchDeadline(true, 0);
    if (pump())
        readInput();
    updateInterest();
}

void SmtpConnection::createSocket()
{
    // From a plaintext session at STARTTLS: the descriptor and whatever the kernel has not taken
    // of our replies (the 220 among them) go to the socket, which sends them first.
    QByteArray unsent;
    if (m_rawFd >= 0) {
        unwatch();
        m_descriptor = m_rawFd;
        m_rawFd = -1;
        unsent = std::exchange(m_rawOutput, {});
    }
    auto *socket = new QSslSocket(this);
    socket->setReadBufferSize(kReadBufferSize);
    if (!socket->setSocketDescriptor(m_descriptor, QAbstractSocket::ConnectedState)) {
        qCWarning(lcSmtp) << "cannot take over the connection from" << hostText()
                          << socket->errorString();
        delete socket;
        finish();
        return;
    }
    m_descriptor = -1;
    m_socket = socket;
    if (!unsent.isEmpty())
        socket->write(unsent);
    connect(socket, &QSslSocket::readyRead, this, &SmtpConnection::readSocket);
    connect(socket, &QSslSocket::encrypted, this, &SmtpConnection::onEncrypted);
    connect(socket, &QSslSocket::bytesWritten, this, &SmtpConnection::onBytesWritten);
    connect(socket, &QSslSocket::encryptedBytesWritten, this, &SmtpConnection::onBytesWritten);
    connect(socket, &QSslSocket::errorOccurred, this, &SmtpConnection::onSocketError);
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        log(QStringLiteral("TLS error on connection from %1: %2")
                .arg(hostText(), errors.isEmpty() ? QString() : errors.first().errorString()));
        abortConnection();
    });
    connect(socket, &QSslSocket::disconnected, this, &SmtpConnection::finish);
}

void SmtpConnection::onEncrypted()
{
    const QString protocol = protocolName(m_socket->sessionProtocol());
    const QString cipher = m_socket->sessionCipher().name();
    qCDebug(lcTls) << "TLS with" << hostText() << protocol << cipher;
    if (m_state == State::Handshake) {
        m_state = State::Session;
        m_session->tlsEstablished(protocol, cipher);
        // Application data before the greeting is early talk, as on a plain port; the handshake
        // itself never counts.
        if (m_socket->bytesAvailable() > 0) {
            const QByteArray early = m_socket->readAll();
            m_bytesIn += early.size();
            m_session->feed(early);
        } else {
            m_session->start();
        }
    } else if (m_state == State::StartTls) {
        m_state = State::Session;
        m_session->tlsEstablished(protocol, cipher);
    } else {
        return;
    }
    touchDeadline(true, 0);
    if (pump())
        readSocket();
}

void SmtpConnection::readInput()
{
    if (m_rawFd >= 0)
        readRaw();
    else
        readSocket();
}

void SmtpConnection::readRaw()
{
    if (m_state == State::Closing) {
        drainInput();
        updateInterest();
        return;
    }
    // One chunk per wakeup and connection keeps the others' latency bounded; level-triggered
    // readiness brings us back for the rest.
    if (m_state == State::Session && !m_readPaused && !m_storing && !m_rawEof) {
        if (m_rawOutput.size() > kMaxPendingOutput) {
            // The client does not read its replies: stop reading until it does.
            m_readPaused = true;
        } else {
            // Static: read and handed to the session at once, never kept (one event loop
            // thread per buffer).
            static thread_local char buffer[kReadChunk];
            const ssize_t n = ::recv(m_rawFd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n > 0) {
                feedSession(QByteArrayView(buffer, n));
            } else if (n == 0) {
                rawEndOfInput();
            } else if (!wouldBlock(errno)) {
                connectionLost(QString::fromLocal8Bit(std::strerror(errno)));
                return;
            }
        }
    }
    updateInterest();
}

void SmtpConnection::rawEndOfInput()
{
    m_rawEof = true;
    clientClosed();
    closeRaw();
}

void SmtpConnection::clientClosed()
{
    if (m_session && !m_session->isClosed())
        log(QStringLiteral("unexpected disconnection while reading SMTP command from %1")
                .arg(hostText()));
    // The client may only have shut down its sending side: our last replies still go out,
    // and the close timeout bounds that.
    m_state = State::Closing;
    setDeadline(m_settings.closeTimeout.count());
}

void SmtpConnection::connectionLost(const QString &reason)
{
    log(reason.isEmpty()
            ? QStringLiteral("SMTP connection from %1 lost").arg(hostText())
            : QStringLiteral("SMTP connection from %1 lost: %2").arg(hostText(), reason));
    abortConnection();
}

void SmtpConnection::writeRaw()
{
    while (!m_rawOutput.isEmpty()) {
        const ssize_t n = ::send(m_rawFd, m_rawOutput.constData(), size_t(m_rawOutput.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (wouldBlock(errno))
                break;
            if (m_state == State::Session)
                connectionLost(QString::fromLocal8Bit(std::strerror(errno)));
            else
                abortConnection();
            return;
        }
        m_rawOutput.remove(0, n);
    }
    if (m_rawOutput.isEmpty())
        m_rawOutput = QByteArray(); // its memory back, not just its contents
    if (m_state == State::Closing) {
        closeRaw();
        return;
    }
    if (m_readPaused && m_rawOutput.size() <= kMaxPendingOutput / 2) {
        m_readPaused = false;
        readRaw();
        return;
    }
    updateInterest();
}

void SmtpConnection::closeRaw()
{
    // Everything said: close now. Otherwise wait until it is (or until the close timeout).
    if (m_rawOutput.isEmpty())
        finish();
    else
        updateInterest();
}

void SmtpConnection::readSocket()
{
    if (!m_socket)
        return;
    if (m_state == State::Closing) {
        drainInput();
        return;
    }
    while (m_state == State::Session && !m_readPaused && !m_storing) {
        if (pendingOutput() > kMaxPendingOutput) {
            // The client does not read its replies: stop reading until it does.
            m_readPaused = true;
            return;
        }
        const QByteArray chunk = m_socket->read(kReadChunk);
        if (chunk.isEmpty())
            return;
        feedSession(chunk);
    }
}

void SmtpConnection::feedSession(QByteArrayView bytes)
{
    m_bytesIn += bytes.size();
    const qint64 sentBefore = m_bytesOut;
    m_session->feed(bytes);
    pump();
    if (m_state == State::Session)
        touchDeadline(m_bytesOut > sentBefore, bytes.size());
}

bool SmtpConnection::pump()
{
    for (;;) {
        QByteArray output = m_session->takeOutput();
        const QList<SmtpEvent> events = m_session->takeEvents();
        for (const SmtpEvent &event : events) {
            if (event.type == SmtpEvent::Type::Log)
                log(event.text);
        }
        const SmtpEvent::Type last = events.isEmpty() ? SmtpEvent::Type::Log : events.last().type;
        if (last == SmtpEvent::Type::StartTls) {
            beginStartTls(std::move(output));
            return false;
        }
        m_rejections += countRejections(output);
        write(output);
        if (last == SmtpEvent::Type::Close) {
            closeGracefully();
            return false;
        }
        if (last != SmtpEvent::Type::Message)
            return m_state == State::Session;
        const SmtpMessage &message = events.last().message;
        if (m_hooks.storeAsync) {
            // The client waits for the spool, not the other way round: no deadline and no
            // reading (TCP holds back whatever it pipelines) until storeFinished().
            m_storing = true;
            cancelDeadline();
            updateInterest();
            m_hooks.storeAsync(*this, message);
            return false;
        }
        const StoreOutcome outcome
            = m_hooks.store ? m_hooks.store(message)
                            : StoreOutcome{false, {}, false, QStringLiteral("no spool")};
        answerStore(outcome);
    }
}

void SmtpConnection::answerStore(const StoreOutcome &outcome)
{
    if (outcome.ok) {
        ++m_messages;
        m_session->messageStored(outcome.id);
    } else {
        m_session->messageFailed(true, outcome.reason, outcome.insufficientStorage);
    }
}

void SmtpConnection::storeFinished(const StoreOutcome &outcome)
{
    if (!m_storing)
        return;
    m_storing = false;
    if (m_state != State::Session || !m_session)
        return;
    answerStore(outcome);
    touchDeadline(true, 0);
    if (pump())
        readInput();
    updateInterest();
}

void SmtpConnection::beginStartTls(QByteArray output)
{
    // CVE-2011-0411: anything already sent behind STARTTLS was sent before the client could have
    // seen our 220, so it is an injection attempt, and Qt would hand it over after the handshake
    // as if it had come encrypted. Checked before the 220 leaves, so a fast honest client's
    // ClientHello cannot be mistaken for it.
    const qint64 pending = (m_socket ? m_socket->bytesAvailable() : 0) + pendingKernelBytes();
    if (pending > 0) {
        // The session's contract: its 220 is the last line of this output.
        const qsizetype lastLine = output.lastIndexOf("\r\n", output.size() - 3);
        output.truncate(lastLine < 0 ? 0 : lastLine + 2);
        output += "554 5.5.1 Error: input sent after STARTTLS (command injection)\r\n";
        log(QStringLiteral(
                "SMTP protocol synchronization error (input sent after STARTTLS, command "
                "injection attempt): %1 bytes from %2")
                .arg(pending)
                .arg(m_session->hostField()));
        m_rejections += countRejections(output);
        write(output);
        closeGracefully();
        return;
    }
    write(output);
    m_state = State::StartTls;
    if (!m_socket) {
        createSocket();
        if (!m_socket)
            return;
    }
    m_socket->setSslConfiguration(m_settings.tlsConfiguration);
    touchDeadline(true, 0);
    m_socket->startServerEncryption();
}

void SmtpConnection::write(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_rawFd >= 0) {
        m_bytesOut += bytes.size();
        qsizetype sent = 0;
        if (m_rawOutput.isEmpty()) {
            // Straight to the kernel: a reply nearly always fits its buffer whole, and then no
            // memory is held for it at all.
            const ssize_t n = ::send(m_rawFd, bytes.constData(), size_t(bytes.size()),
                                     MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0 && !wouldBlock(errno)) {
                // Reported by the next readiness event (EPOLLERR or EPOLLHUP), outside the
                // session's processing.
                watch(m_watchRead, true);
                return;
            }
            sent = qMax<qsizetype>(0, n);
        }
        if (sent < bytes.size()) {
            m_rawOutput.append(bytes.constData() + sent, bytes.size() - sent);
            watch(m_watchRead, true);
        }
        return;
    }
    if (!m_socket)
        return;
    m_socket->write(bytes);
    m_bytesOut += bytes.size();
}

void SmtpConnection::closeGracefully()
{
    if (m_state == State::Closing || m_state == State::Finished)
        return;
    m_state = State::Closing;
    setDeadline(m_settings.closeTimeout.count());
    if (m_rawFd >= 0) {
        drainInput();
        closeRaw();
        return;
    }
    if (!m_socket) {
        finish();
        return;
    }
    drainInput();
    // For TLS this sends close_notify first; either way the socket closes once written.
    m_socket->disconnectFromHost();
}

void SmtpConnection::drainInput()
{
    // A socket closed with unread input sends a reset, and the peer's kernel may then throw away
    // our last replies before the client reads them. Nothing more is read as SMTP, so whatever
    // is waiting (in Qt's buffer or the kernel's) is discarded, up to a bound.
    if (m_socket)
        m_socket->skip(m_socket->bytesAvailable());
    else if (m_rawFd < 0)
        return;
    const int fd = descriptor();
    char buffer[4096];
    for (qint64 drained = 0; fd >= 0 && drained < kMaxDrain;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0)
            m_rawEof = true;
        if (n <= 0)
            break;
        drained += n;
    }
}

void SmtpConnection::abortConnection()
{
    if (m_state == State::Finished)
        return;
    if (m_socket)
        m_socket->abort();
    finish();
}

void SmtpConnection::finish()
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    cancelDeadline();
    unwatch();
    if (m_descriptor >= 0) {
        ::close(m_descriptor);
        m_descriptor = -1;
    }
    if (m_rawFd >= 0) {
        ::close(m_rawFd);
        m_rawFd = -1;
        m_rawOutput = QByteArray();
    }
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    emit finished();
}

void SmtpConnection::onSocketError()
{
    if (!m_socket || m_state == State::Finished)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (m_state == State::Closing) {
        abortConnection();
        return;
    }
    const bool inTls
        = m_state == State::Handshake || m_state == State::StartTls || m_socket->isEncrypted();
    if (inTls) {
        // Qt keeps the TCP connection after a TLS failure or the peer's close_notify; never let
        // it continue, least of all in plaintext.
        if (error == QAbstractSocket::RemoteHostClosedError && m_socket->isEncrypted())
            log(QStringLiteral("SMTP connection from %1 closed by the client (TLS close)")
                    .arg(hostText()));
        else
            log(QStringLiteral("TLS error on connection from %1 (accept): %2")
                    .arg(hostText(), m_socket->errorString()));
        abortConnection();
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError) {
        // Qt is already closing and flushes our last replies first.
        clientClosed();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            finish();
        return;
    }
    connectionLost(m_socket->errorString());
}

void SmtpConnection::onBytesWritten()
{
    if (m_state == State::Closing) {
        drainInput();
        return;
    }
    if (!m_readPaused || !m_socket)
        return;
    if (pendingOutput() > kMaxPendingOutput / 2)
        return;
    m_readPaused = false;
    readSocket();
}

void SmtpConnection::touchDeadline(bool progress, qint64 bytes)
{
    const qint64 timeout = m_settings.receiveTimeout.count();
    if (timeout <= 0 || m_storing) {
        cancelDeadline();
        return;
    }
    // Postfix's minimum data rate: each reply restores the full smtp_receive_timeout; bytes that
    // complete nothing buy only the time the minimum rate allows for them, so a client trickling
    // a command or a message cannot stretch the session without end.
    const qint64 now = m_deadlines->now();
    if (progress || m_deadline == 0)
        m_deadline = now + timeout;
    else
        m_deadline = qMin(now + timeout,
                          m_deadline + bytes * 1000 / qMax<qint64>(1, m_settings.minimumDataRate));
    m_deadlines->schedule(this, m_deadline);
}

void SmtpConnection::deadlineExpired()
{
    const qint64 now = m_deadlines->now();
    if (now < m_deadline) {
        m_deadlines->schedule(this, m_deadline);
        return;
    }
    switch (m_state) {
    case State::Session:
        m_session->timeout();
        pump();
        break;
    case State::Handshake:
    case State::StartTls:
        log(QStringLiteral("TLS error on connection from %1: handshake timed out").arg(hostText()));
        abortConnection();
        break;
    default:
        break;
    }
}

qint64 SmtpConnection::pendingKernelBytes() const
{
    const int fd = descriptor();
    int count = 0;
    if (fd < 0 || ::ioctl(fd, FIONREAD, &count) != 0)
        return 0;
    return count;
}

void SmtpConnection::log(const QString &text) const
{
    if (m_hooks.log)
        m_hooks.log(text);
    else
        qCInfo(lcSmtp).noquote() << text;
}

QString SmtpConnection::hostText() const
{
    if (m_session)
        return m_session->hostField();
    QString text = endpointText(m_client.address, m_client.port);
    if (m_proxied)
        text += QStringLiteral(" PRX=") + endpointText(m_tcpPeer.address, m_tcpPeer.port);
    return text;
}

} // namespace Mailport
