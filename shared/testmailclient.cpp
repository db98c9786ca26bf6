#include "testmailclient.h"

#include "certificatetool.h"
#include "logging.h"

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QPointer>
#include <QRegularExpression>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUuid>

#include <utility>

namespace Mailport {

namespace {

// RFC 5321 allows 512 octets per reply line; some servers are chattier, none legitimately
// this much. Both caps bound the memory a hostile server can make us use.
constexpr qsizetype MaxReplyLineLength = 4096;
constexpr qsizetype MaxReplyLines = 200;
// Long enough for the close_notify to leave after QUIT; the peer's answer is not awaited.
constexpr int CloseGraceMs = 2000;
// RFC 2047: an encoded word is at most 75 characters; 45 octets of base64 make 60 of them.
constexpr qsizetype EncodedWordOctets = 45;
constexpr qsizetype FoldColumn = 78;

bool isAscii(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

/// Nothing that could end a command line or an address early: CR/LF would smuggle commands.
bool isUsableMailbox(const QString &address)
{
    return !hasControlCharacter(address) && !address.contains(QLatin1Char('<'))
           && !address.contains(QLatin1Char('>'));
}

/// Header text on one line, whatever the caller passed.
QByteArray headerText(const QString &text)
{
    QString clean = text;
    for (QChar &c : clean) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
    }
    return clean.toUtf8();
}

QByteArray encodedSubject(const QString &subject)
{
    const QByteArray utf8 = headerText(subject);
    if (isAscii(utf8))
        return utf8;
    // Split only between characters: a continuation octet never starts a chunk.
    QByteArrayList words;
    qsizetype start = 0;
    while (start < utf8.size()) {
        qsizetype end = std::min(start + EncodedWordOctets, utf8.size());
        while (end < utf8.size() && end > start + 1
               && (static_cast<unsigned char>(utf8.at(end)) & 0xc0) == 0x80) {
            --end;
        }
        words.append("=?UTF-8?B?" + utf8.mid(start, end - start).toBase64() + "?=");
        start = end;
    }
    return words.join("\r\n ");
}

QByteArray normalizedLineEndings(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size() + text.size() / 32);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < text.size() && text.at(i + 1) == '\n')
                ++i;
        } else if (c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    return out;
}

QString addressLiteral(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QLatin1Char('[') + QHostAddress(v4).toString() + QLatin1Char(']');
    QHostAddress withoutScope = address;
    withoutScope.setScopeId({});
    return QLatin1String("[IPv6:") + withoutScope.toString() + QLatin1Char(']');
}

QString tlsProtocolName(QSsl::SslProtocol protocol, const QSslCipher &cipher)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        break;
    }
    return cipher.protocolString();
}

QString connectError(QAbstractSocket::SocketError error, const QString &endpoint,
                     const QString &detail)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QCoreApplication::translate(
                   "Mailport::TestMailClient",
                   "Nothing accepts connections on %1 (connection refused).")
            .arg(endpoint);
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::HostNotFoundError:
        return QCoreApplication::translate("Mailport::TestMailClient", "%1 cannot be reached: %2.")
            .arg(endpoint, detail);
    default:
        break;
    }
    return QCoreApplication::translate("Mailport::TestMailClient", "Cannot connect to %1: %2.")
        .arg(endpoint, detail);
}

} // namespace

QString testMailModeName(TestMailRequest::Mode mode)
{
    switch (mode) {
    case TestMailRequest::Mode::Plain:
        return QStringLiteral("plain");
    case TestMailRequest::Mode::StartTls:
        return QStringLiteral("starttls");
    case TestMailRequest::Mode::ImplicitTls:
        return QStringLiteral("implicit-tls");
    }
    return {};
}

TestMailClient::TestMailClient(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TestMailClient::onTimeout);
}

TestMailClient::~TestMailClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool TestMailClient::start(const TestMailRequest &request)
{
    if (m_state != State::Idle) {
        qCWarning(lcSmtp, "TestMailClient::start() while a test is running; ignored");
        return false;
    }
    const quint64 generation = ++m_generation;
    m_request = request;
    if (m_request.timeoutMs <= 0)
        m_request.timeoutMs = TestMailRequest::DefaultTimeoutMs;
    m_result = TestMailResult{};
    m_buffer.clear();
    m_replyLines.clear();
    m_replyCode = 0;
    m_nextRecipient = 0;
    m_triedHelo = false;
    m_clock.start();
    m_state = State::Connecting;

    QString host = request.host.trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QString problem;
    m_address = QHostAddress();
    if (host.isEmpty() || !m_address.setAddress(host)) {
        problem = tr("\"%1\" is not an IP address; test mail connects to addresses "
                     "only, never to host names.")
                      .arg(request.host);
    } else if (request.port == 0) {
        problem = tr("Port 0 cannot be connected to.");
    } else if (request.to.isEmpty()) {
        problem = tr("The test message has no recipient.");
    } else if (!isUsableMailbox(request.from)) {
        problem = tr("The sender \"%1\" contains a control character or an angle "
                     "bracket.")
                      .arg(request.from);
    } else if (request.heloName.contains(QLatin1Char(' '))
               || hasControlCharacter(request.heloName)) {
        problem = tr("The EHLO name \"%1\" contains a space or a control character.")
                      .arg(request.heloName);
    } else {
        for (const QString &recipient : request.to) {
            if (recipient.isEmpty() || !isUsableMailbox(recipient)) {
                problem = tr("The recipient \"%1\" is empty or contains a control "
                             "character or an angle bracket.")
                              .arg(recipient);
                break;
            }
        }
    }
    if (!problem.isEmpty()) {
        QTimer::singleShot(0, this, [this, generation, problem] {
            if (generation == m_generation && m_state != State::Idle)
                fail(TestMailStep::Request, problem, false);
        });
        return true;
    }

    m_result.messageId
        = QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1String("@mailport.invalid");
    const QByteArray message
        = composeMessage(m_request, m_result.messageId, QDateTime::currentDateTime());
    m_messageSize = message.size();
    m_eightBit = !isAscii(message);
    m_payload = dotStuff(message);

    m_socket = new QSslSocket(this);
    // Never through a proxy: the test is about this very endpoint, and a proxy could resolve names.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // Verify, so that the problems are known, then ignore them in onSslErrors().
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(configuration);
    if (!m_request.tlsServerName.isEmpty())
        m_socket->setPeerVerifyName(m_request.tlsServerName);
    connect(m_socket, &QSslSocket::connected, this, &TestMailClient::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &TestMailClient::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, &TestMailClient::onSslErrors);
    connect(m_socket, &QSslSocket::readyRead, this, &TestMailClient::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &TestMailClient::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &TestMailClient::onSocketError);

    // From the event loop: an immediate failure would otherwise be reported inside start().
    QTimer::singleShot(0, this, [this, generation] { connectToServer(generation); });
    armTimer();
    return true;
}

void TestMailClient::abort()
{
    if (m_state == State::Idle)
        return;
    fail(TestMailStep::Cancelled, tr("The test was cancelled."), false);
}

QByteArray TestMailClient::composeMessage(const TestMailRequest &request, const QString &messageId,
                                          const QDateTime &date)
{
    const QByteArray dateText = date.toString(Qt::RFC2822Date).toLatin1();
    QByteArray body = request.body;
    if (body.isEmpty()) {
        const QString text
            = QStringLiteral("This is a test message from Mailport.\r\n"
                             "\r\n"
                             "Server:     %1 port %2 (%3)\r\n"
                             "Sent:       %4\r\n"
                             "Message-ID: <%5>\r\n")
                  .arg(request.host)
                  .arg(request.port)
                  .arg(testMailModeName(request.mode), QString::fromLatin1(dateText), messageId);
        body = text.toUtf8();
    }
    body = normalizedLineEndings(body);
    if (!body.isEmpty() && !body.endsWith("\r\n"))
        body += "\r\n";

    QByteArray to = "To: ";
    qsizetype column = to.size();
    for (qsizetype i = 0; i < request.to.size(); ++i) {
        const QByteArray address = headerText(request.to.at(i));
        if (i > 0) {
            to += ',';
            ++column;
            if (column + 1 + address.size() > FoldColumn) {
                to += "\r\n";
                column = 0;
            }
            to += ' ';
            ++column;
        }
        to += address;
        column += address.size();
    }

    const QString subject
        = request.subject.isEmpty() ? QStringLiteral("Mailport test message") : request.subject;
    const QByteArray from = request.from.isEmpty()
                                ? QByteArray("Mailport test <mailport-test@test.invalid>")
                                : headerText(request.from);

    QByteArray message;
    message.reserve(body.size() + 512);
    message += "From: " + from + "\r\n";
    message += to + "\r\n";
    message += "Subject: " + encodedSubject(subject) + "\r\n";
    message += "Date: " + dateText + "\r\n";
    message += "Message-ID: <" + headerText(messageId) + ">\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=UTF-8\r\n";
    message
        += QByteArray("Content-Transfer-Encoding: ") + (isAscii(body) ? "7bit" : "8bit") + "\r\n";
    message += "User-Agent: Mailport/" MAILPORT_VERSION "\r\n";
    message += "\r\n";
    message += body;
    return message;
}

QByteArray TestMailClient::dotStuff(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 32 + 5);
    bool lineStart = true;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message.at(i);
        if (c == '\r' || c == '\n') {
            // A bare CR or LF is how SMTP smuggling starts; servers rightly refuse it.
            out += "\r\n";
            if (c == '\r' && i + 1 < message.size() && message.at(i + 1) == '\n')
                ++i;
            lineStart = true;
            continue;
        }
        if (lineStart && c == '.')
            out += '.';
        out += c;
        lineStart = false;
    }
    if (!lineStart)
        out += "\r\n";
    out += ".\r\n";
    return out;
}

QString TestMailClient::queueIdFromReply(const QString &reply)
{
    static const QRegularExpression pattern(QStringLiteral(R"((?:\bid=|\bqueued as )([^\s;,]+))"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(reply);
    if (!match.hasMatch())
        return {};
    QString id = match.captured(1);
    while (!id.isEmpty() && (id.endsWith(QLatin1Char('.')) || id.endsWith(QLatin1Char(')'))))
        id.chop(1);
    return id;
}

void TestMailClient::connectToServer(quint64 generation)
{
    if (generation != m_generation || m_state != State::Connecting || !m_socket)
        return;
    note(tr("Connecting to %1 (%2).").arg(endpoint(), testMailModeName(m_request.mode)));
    m_socket->connectToHost(m_address, m_request.port);
}

void TestMailClient::onConnected()
{
    note(tr("Connected from %1 port %2.")
             .arg(m_socket->localAddress().toString())
             .arg(m_socket->localPort()));
    m_heloName = m_request.heloName.isEmpty() ? addressLiteral(m_socket->localAddress()).toUtf8()
                                              : m_request.heloName.toUtf8();
    if (m_request.mode == TestMailRequest::Mode::ImplicitTls) {
        m_state = State::Handshaking;
        m_socket->startClientEncryption();
    } else {
        m_state = State::Greeting;
    }
    armTimer();
}

void TestMailClient::onEncrypted()
{
    m_timer->stop();
    m_result.encrypted = true;
    m_result.cipher = m_socket->sessionCipher().name();
    m_result.protocol = tlsProtocolName(m_socket->sessionProtocol(), m_socket->sessionCipher());
    m_result.peerCertificate = m_socket->peerCertificate();
    m_result.peerCertificateChain = m_socket->peerCertificateChain();
    note(tr("TLS established: %1, %2.").arg(m_result.protocol, m_result.cipher));
    if (!m_result.peerCertificate.isNull())
        note(tr("Server certificate: %1").arg(CertificateTool::describe(m_result.peerCertificate)));
    if (m_request.mode == TestMailRequest::Mode::ImplicitTls) {
        m_state = State::Greeting;
        armTimer();
        return;
    }
    // RFC 3207: everything learnt before TLS is forgotten.
    m_result.capabilities.clear();
    sendCommand("EHLO " + m_heloName, State::Ehlo);
}

void TestMailClient::onSslErrors(const QList<QSslError> &errors)
{
    for (const QSslError &error : errors)
        note(tr("Certificate problem (ignored): %1").arg(error.errorString()));
    m_result.sslErrors.append(errors);
    m_socket->ignoreSslErrors();
}

void TestMailClient::onReadyRead()
{
    m_buffer += m_socket->readAll();
    processBuffer();
}

void TestMailClient::onSocketError()
{
    if (m_state == State::Idle || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    const QString detail = m_socket->errorString();
    // A reply and the close can arrive together (221, or a 421/554 before hanging up).
    if (m_state != State::Connecting && m_state != State::Handshaking
        && m_socket->bytesAvailable() > 0) {
        m_buffer += m_socket->readAll();
        if (!processBuffer())
            return;
    }
    switch (m_state) {
    case State::Idle:
        return;
    case State::Connecting:
        fail(TestMailStep::Connect, connectError(error, endpoint(), detail), false);
        return;
    case State::Handshaking:
        fail(TestMailStep::TlsHandshake,
             tr("The TLS handshake with %1 failed: %2.").arg(endpoint(), detail), false);
        return;
    case State::QuitAfterFailure:
        finish();
        return;
    default:
        break;
    }
    const bool closed = error == QAbstractSocket::RemoteHostClosedError
                        || error == QAbstractSocket::UnknownSocketError;
    const QString message = closed
                                ? tr("The server closed the connection while the client waited for "
                                     "%1.")
                                      .arg(waitingFor())
                                : tr("The connection broke while the client waited for %1: %2.")
                                      .arg(waitingFor(), detail);
    fail(currentStepName(), message, false);
}

void TestMailClient::onTimeout()
{
    const QString ms = QString::number(m_request.timeoutMs);
    switch (m_state) {
    case State::Idle:
        return;
    case State::QuitAfterFailure:
        note(tr("No reply to QUIT within %1 ms; closing.").arg(ms));
        finish();
        return;
    case State::Connecting:
        fail(TestMailStep::Timeout, tr("No connection to %1 within %2 ms.").arg(endpoint(), ms),
             false);
        return;
    case State::Handshaking:
        fail(TestMailStep::Timeout,
             tr("The TLS handshake with %1 did not finish within %2 ms.").arg(endpoint(), ms),
             false);
        return;
    default:
        break;
    }
    QString what = waitingFor();
    what[0] = what.at(0).toUpper();
    fail(TestMailStep::Timeout, tr("%1 did not come within %2 ms.").arg(what, ms), false);
}

bool TestMailClient::processBuffer()
{
    const QPointer<TestMailClient> self(this);
    const quint64 generation = m_generation;
    while (m_state != State::Idle && m_state != State::Connecting
           && m_state != State::Handshaking) {
        const qsizetype end = m_buffer.indexOf('\n');
        if (end < 0 && m_buffer.size() <= MaxReplyLineLength)
            return true;
        if (end < 0 || end > MaxReplyLineLength) {
            fail(currentStepName(),
                 tr("The server sent a line longer than %1 bytes.").arg(MaxReplyLineLength), false);
            return false;
        }
        QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        const QString text = QString::fromUtf8(line);
        record(Direction::Server, text);

        const auto isDigit = [&line](qsizetype i) {
            return line.at(i) >= '0' && line.at(i) <= '9';
        };
        const bool wellFormed = line.size() >= 3 && line.at(0) >= '2' && line.at(0) <= '5'
                                && isDigit(1) && isDigit(2)
                                && (line.size() == 3 || line.at(3) == ' ' || line.at(3) == '-');
        if (!wellFormed) {
            fail(currentStepName(),
                 tr("The server sent a line that is not an SMTP reply: \"%1\".").arg(text), false);
            return false;
        }
        const int code = line.left(3).toInt();
        if (!m_replyLines.isEmpty() && code != m_replyCode) {
            fail(currentStepName(),
                 tr("The lines of one reply carry different codes (%1, then %2).")
                     .arg(m_replyCode)
                     .arg(code),
                 false);
            return false;
        }
        m_replyCode = code;
        m_replyLines.append(text);
        if (line.size() > 3 && line.at(3) == '-') {
            if (m_replyLines.size() > MaxReplyLines) {
                fail(currentStepName(),
                     tr("The server's reply has more than %1 lines.").arg(MaxReplyLines), false);
                return false;
            }
            continue;
        }
        if (!handleReply() || !self || generation != m_generation)
            return false;
    }
    return m_state != State::Idle;
}

bool TestMailClient::handleReply()
{
    const int code = m_replyCode;
    // After a failure the reply to QUIT is no news: the code that matters is the refusal's.
    if (m_state != State::QuitAfterFailure) {
        m_result.lastReplyCode = code;
        m_result.lastReply = m_replyLines.join(QLatin1Char('\n'));
    }
    const QString reply = m_replyLines.join(QLatin1Char(' '));
    const QPointer<TestMailClient> self(this);
    const quint64 generation = m_generation;

    switch (m_state) {
    case State::Greeting:
        handleGreeting(code);
        break;
    case State::Ehlo:
    case State::Helo:
        handleEhlo(code);
        break;
    case State::StartTls:
        handleStartTls(code);
        break;
    case State::MailFrom:
        if (code / 100 == 2) {
            sendNextRecipient();
        } else {
            fail(TestMailStep::Mail,
                 tr("The server refused the sender <%1>: %2").arg(m_request.from, reply), true);
        }
        break;
    case State::RcptTo:
        if (code / 100 == 2) {
            sendNextRecipient();
        } else {
            fail(TestMailStep::Rcpt,
                 tr("The server refused the recipient <%1>: %2")
                     .arg(m_request.to.at(m_nextRecipient - 1), reply),
                 true);
        }
        break;
    case State::Data:
        if (code == 354) {
            sendMessage();
        } else {
            fail(TestMailStep::Data, tr("The server refused DATA: %1").arg(reply), true);
        }
        break;
    case State::DataContent:
        if (code / 100 == 2) {
            m_result.queueId = queueIdFromReply(m_result.lastReply);
            sendCommand("QUIT", State::Quit);
        } else {
            fail(TestMailStep::Data, tr("The server did not accept the message: %1").arg(reply),
                 true);
        }
        break;
    case State::Quit:
        if (code == 221) {
            finish(true);
        } else {
            fail(TestMailStep::Quit,
                 tr("The server answered QUIT with %1 instead of 221: %2").arg(code).arg(reply),
                 false);
        }
        break;
    case State::QuitAfterFailure:
        finish(true);
        break;
    case State::Idle:
    case State::Connecting:
    case State::Handshaking:
        break;
    }
    m_replyLines.clear();
    return self && generation == m_generation && m_state != State::Idle;
}

void TestMailClient::handleGreeting(int code)
{
    if (code != 220) {
        // RFC 5321 4.3.2: after a 554 greeting the client should still say QUIT.
        fail(TestMailStep::Greeting,
             tr("The server refused the session: %1").arg(m_replyLines.join(QLatin1Char(' '))),
             true);
        return;
    }
    sendCommand("EHLO " + m_heloName, State::Ehlo);
}

void TestMailClient::handleEhlo(int code)
{
    if (code != 250) {
        // RFC 5321 3.2: a server that does not know EHLO is spoken to with HELO.
        if (m_state == State::Ehlo && code / 100 == 5 && !m_triedHelo) {
            m_triedHelo = true;
            note(tr("EHLO refused; trying HELO."));
            sendCommand("HELO " + m_heloName, State::Helo);
            return;
        }
        fail(TestMailStep::Ehlo,
             tr("The server refused %1: %2")
                 .arg(m_state == State::Helo ? QLatin1String("HELO") : QLatin1String("EHLO"),
                      m_replyLines.join(QLatin1Char(' '))),
             true);
        return;
    }
    m_result.capabilities.clear();
    if (m_state == State::Ehlo) {
        for (qsizetype i = 1; i < m_replyLines.size(); ++i)
            m_result.capabilities.append(m_replyLines.at(i).mid(4));
    }
    if (m_request.mode == TestMailRequest::Mode::StartTls && !m_result.encrypted) {
        if (hasCapability(QLatin1String("STARTTLS"))) {
            sendCommand("STARTTLS", State::StartTls);
            return;
        }
        if (m_request.requireStartTls) {
            fail(TestMailStep::StartTls, tr("The server does not offer STARTTLS."), true);
            return;
        }
        note(tr("The server does not offer STARTTLS; going on without TLS."));
    }
    sendMailFrom();
}

void TestMailClient::handleStartTls(int code)
{
    if (code != 220) {
        fail(TestMailStep::StartTls,
             tr("The server refused STARTTLS: %1").arg(m_replyLines.join(QLatin1Char(' '))), true);
        return;
    }
    if (!m_buffer.isEmpty()) {
        // Bytes sent before the handshake would be taken as if they came encrypted.
        fail(TestMailStep::StartTls,
             tr("The server sent more data right after its 220 reply to STARTTLS; "
                "in clear text it would pass for TLS-protected data (CVE-2011-0411)."),
             false);
        return;
    }
    m_state = State::Handshaking;
    m_socket->startClientEncryption();
    armTimer();
}

void TestMailClient::sendMailFrom()
{
    QByteArray command = "MAIL FROM:<" + m_request.from.toUtf8() + '>';
    bool internationalAddress = !isAscii(m_request.from.toUtf8());
    for (const QString &recipient : std::as_const(m_request.to))
        internationalAddress = internationalAddress || !isAscii(recipient.toUtf8());
    if (hasCapability(QLatin1String("SIZE")))
        command += " SIZE=" + QByteArray::number(m_messageSize);
    if (m_eightBit && hasCapability(QLatin1String("8BITMIME")))
        command += " BODY=8BITMIME";
    if (internationalAddress && hasCapability(QLatin1String("SMTPUTF8")))
        command += " SMTPUTF8";
    sendCommand(command, State::MailFrom);
}

void TestMailClient::sendNextRecipient()
{
    if (m_nextRecipient < m_request.to.size()) {
        const QString &recipient = m_request.to.at(m_nextRecipient++);
        sendCommand("RCPT TO:<" + recipient.toUtf8() + '>', State::RcptTo);
        return;
    }
    sendCommand("DATA", State::Data);
}

void TestMailClient::sendMessage()
{
    // The message itself stays out of the transcript: it may be anything the user typed.
    note(tr("Sent the message: %1 bytes, Message-ID <%2>.")
             .arg(m_payload.size())
             .arg(m_result.messageId));
    m_socket->write(m_payload);
    m_state = State::DataContent;
    armTimer();
}

void TestMailClient::sendCommand(const QByteArray &command, State next)
{
    record(Direction::Client, QString::fromUtf8(command));
    m_socket->write(command + "\r\n");
    m_state = next;
    armTimer();
}

bool TestMailClient::hasCapability(QLatin1String keyword) const
{
    for (const QString &capability : m_result.capabilities) {
        if (capability.section(QLatin1Char(' '), 0, 0).compare(keyword, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void TestMailClient::armTimer()
{
    m_timer->start(m_request.timeoutMs);
}

void TestMailClient::note(const QString &line)
{
    record(Direction::Info, line);
}

void TestMailClient::record(Direction direction, const QString &line)
{
    QLatin1String prefix("* ");
    if (direction == Direction::Client)
        prefix = QLatin1String("C: ");
    else if (direction == Direction::Server)
        prefix = QLatin1String("S: ");
    m_result.transcript.append(prefix + line);
    emit transcriptLine(direction, line);
}

void TestMailClient::fail(const QString &step, const QString &error, bool politeQuit)
{
    m_timer->stop();
    if (m_result.failedStep.isEmpty()) {
        m_result.failedStep = step;
        m_result.error = error;
    }
    note(error);
    if (politeQuit && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        sendCommand("QUIT", State::QuitAfterFailure);
        return;
    }
    finish();
}

void TestMailClient::finish(bool graceful)
{
    m_timer->stop();
    m_result.ok = m_result.failedStep.isEmpty();
    m_result.elapsedMs = m_clock.elapsed();
    if (QSslSocket *socket = std::exchange(m_socket, nullptr)) {
        // Detached first: a slot of finished() may delete this client while the socket is
        // still inside one of its own signals.
        socket->disconnect(this);
        socket->setParent(nullptr);
        if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(CloseGraceMs, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
    m_state = State::Idle;
    m_payload.clear();
    m_buffer.clear();
    const TestMailResult result = std::exchange(m_result, TestMailResult{});
    if (result.ok) {
        qCDebug(lcSmtp, "test mail to %ls: accepted, id %ls, %lld ms", qUtf16Printable(endpoint()),
                qUtf16Printable(result.queueId), static_cast<long long>(result.elapsedMs));
    } else {
        qCDebug(lcSmtp, "test mail to %ls: failed at %ls: %ls", qUtf16Printable(endpoint()),
                qUtf16Printable(result.failedStep), qUtf16Printable(result.error));
    }
    emit finished(result);
}

QString TestMailClient::currentStepName() const
{
    switch (m_state) {
    case State::Idle:
        return {};
    case State::Connecting:
        return TestMailStep::Connect;
    case State::Handshaking:
        return TestMailStep::TlsHandshake;
    case State::Greeting:
        return TestMailStep::Greeting;
    case State::Ehlo:
    case State::Helo:
        return TestMailStep::Ehlo;
    case State::StartTls:
        return TestMailStep::StartTls;
    case State::MailFrom:
        return TestMailStep::Mail;
    case State::RcptTo:
        return TestMailStep::Rcpt;
    case State::Data:
    case State::DataContent:
        return TestMailStep::Data;
    case State::Quit:
    case State::QuitAfterFailure:
        return TestMailStep::Quit;
    }
    return {};
}

QString TestMailClient::waitingFor() const
{
    switch (m_state) {
    case State::Greeting:
        return tr("the greeting");
    case State::Ehlo:
        return tr("the reply to EHLO");
    case State::Helo:
        return tr("the reply to HELO");
    case State::StartTls:
        return tr("the reply to STARTTLS");
    case State::MailFrom:
        return tr("the reply to MAIL FROM");
    case State::RcptTo:
        return tr("the reply to RCPT TO");
    case State::Data:
        return tr("the reply to DATA");
    case State::DataContent:
        return tr("the reply to the message");
    case State::Quit:
    case State::QuitAfterFailure:
        return tr("the reply to QUIT");
    case State::Idle:
    case State::Connecting:
    case State::Handshaking:
        break;
    }
    return tr("the server");
}

QString TestMailClient::endpoint() const
{
    return tr("%1 port %2").arg(m_address.toString()).arg(m_request.port);
}

} // namespace Mailport
