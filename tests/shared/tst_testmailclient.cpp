#include "testmailclient.h"

#include "certificatetool.h"
#include "fakesmtpserver.h"

#include <QSignalSpy>
#include <QSslCipher>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Mailport;
using Mailport::Test::FakeSmtpScript;
using Mailport::Test::FakeSmtpServer;
using Mode = TestMailRequest::Mode;

namespace {

// Lines that start with a dot, bare CR and LF, a lone dot (the end of DATA if sent unstuffed)
// and no final line ending: everything dot-stuffing and CRLF normalisation must handle.
const QByteArray TrickyBody = "first line\n.leading dot\r\n..two dots\rbare CR\r\n.\r\nlast line";
const QByteArray TrickyBodyOnTheWire
    = "first line\r\n..leading dot\r\n...two dots\r\nbare CR\r\n..\r\nlast line\r\n.\r\n";

QByteArray unstuffed(QByteArray data)
{
    data.chop(3); // ".\r\n"
    QByteArray out;
    bool lineStart = true;
    for (const char c : std::as_const(data)) {
        if (!(lineStart && c == '.'))
            out += c;
        lineStart = c == '\n';
    }
    return out;
}

/// The part of a message after the empty line that ends the headers.
QByteArray bodyOf(const QByteArray &message)
{
    const qsizetype end = message.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : message.mid(end + 4);
}

QByteArray headersOf(const QByteArray &message)
{
    const qsizetype end = message.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : message.left(end + 2);
}

bool hasBareLineBreak(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '\n' && (i == 0 || text.at(i - 1) != '\r'))
            return true;
        if (text.at(i) == '\r' && (i + 1 == text.size() || text.at(i + 1) != '\n'))
            return true;
    }
    return false;
}

QString prefixed(TestMailClient::Direction direction, const QString &line)
{
    switch (direction) {
    case TestMailClient::Direction::Client:
        return QStringLiteral("C: ") + line;
    case TestMailClient::Direction::Server:
        return QStringLiteral("S: ") + line;
    case TestMailClient::Direction::Info:
        break;
    }
    return QStringLiteral("* ") + line;
}

} // namespace

class tst_TestMailClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void dotStuff_data();
    void dotStuff();
    void composeMessage();
    void composeMessageEncodesASubjectInWords();
    void composeMessageDefaultBody();
    void queueIdFromReply_data();
    void queueIdFromReply();

    void plainDelivery_data();
    void plainDelivery();
    void startTlsDelivery_data();
    void startTlsDelivery();
    void implicitTlsDelivery();
    void startTlsNotOffered_data();
    void startTlsNotOffered();
    void rejections_data();
    void rejections();
    void greetings_data();
    void greetings();
    void malformedReplies_data();
    void malformedReplies();
    void ehloRefusedFallsBackToHelo();
    void dataAfterTheStartTlsReplyIsRefused();
    void implicitTlsAgainstAPlainServer();
    void serverClosesMidSession();
    void timeouts_data();
    void timeouts();
    void connectionRefused();
    void scopedAddressIsParsedNotResolved();
    void invalidRequests_data();
    void invalidRequests();
    void abortReportsCancelledAndTheClientCanBeReused();

private:
    TestMailRequest request(const FakeSmtpServer &server, Mode mode = Mode::Plain) const;
    /// Runs @p request to the end; false if finished() came synchronously, twice or never.
    bool run(const TestMailRequest &request, TestMailResult &result,
             QStringList *signalled = nullptr);
    QSslConfiguration serverTls(QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater) const;

    QTemporaryDir m_dir;
    CertificateLoadResult m_pair;
};

void tst_TestMailClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString cert = m_dir.filePath(QStringLiteral("server.crt"));
    const QString key = m_dir.filePath(QStringLiteral("server.key"));
    const CertificateWriteResult written = CertificateTool::generateSelfSigned(
        cert, key, QStringLiteral("fake.test"), {QStringLiteral("fake.test")},
        {QHostAddress::LocalHost, QHostAddress::LocalHostIPv6}, 30);
    QVERIFY2(written.ok(), qPrintable(written.message));
    m_pair = CertificateTool::load(cert, key);
    QVERIFY2(m_pair.ok(), qPrintable(m_pair.message));
}

QSslConfiguration tst_TestMailClient::serverTls(QSsl::SslProtocol protocol) const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(m_pair.chain);
    configuration.setPrivateKey(m_pair.key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(protocol);
    return configuration;
}

TestMailRequest tst_TestMailClient::request(const FakeSmtpServer &server, Mode mode) const
{
    TestMailRequest request;
    request.host = server.serverAddress().toString();
    request.port = server.serverPort();
    request.mode = mode;
    request.from = QStringLiteral("sender@example.org");
    request.to = {QStringLiteral("rcpt@example.net")};
    request.subject = QStringLiteral("Mailport test");
    request.body = TrickyBody;
    request.timeoutMs = 5000;
    return request;
}

bool tst_TestMailClient::run(const TestMailRequest &request, TestMailResult &result,
                             QStringList *signalled)
{
    TestMailClient client;
    QSignalSpy finished(&client, &TestMailClient::finished);
    QStringList lines;
    connect(&client, &TestMailClient::transcriptLine, this,
            [&lines](TestMailClient::Direction direction, const QString &line) {
                lines.append(prefixed(direction, line));
            });
    if (!client.start(request) || !finished.isEmpty())
        return false;
    // An event loop, not qWaitFor(): that one sleeps 10 ms per turn, slowing every exchange.
    if (!finished.wait(10000))
        return false;
    QCoreApplication::processEvents();
    if (finished.size() != 1 || client.isRunning())
        return false;
    result = finished.first().first().value<TestMailResult>();
    if (signalled)
        *signalled = lines;
    return true;
}

void tst_TestMailClient::dotStuff_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("empty") << QByteArray() << QByteArray(".\r\n");
    QTest::newRow("no final line ending") << QByteArray("abc") << QByteArray("abc\r\n.\r\n");
    QTest::newRow("final CRLF kept") << QByteArray("abc\r\n") << QByteArray("abc\r\n.\r\n");
    QTest::newRow("lone dot") << QByteArray(".\r\n") << QByteArray("..\r\n.\r\n");
    QTest::newRow("leading dots") << QByteArray("a\r\n.b\r\n..c\r\n")
                                  << QByteArray("a\r\n..b\r\n...c\r\n.\r\n");
    QTest::newRow("dot inside a line") << QByteArray("a.b\r\n") << QByteArray("a.b\r\n.\r\n");
    QTest::newRow("bare LF") << QByteArray("a\n.b") << QByteArray("a\r\n..b\r\n.\r\n");
    QTest::newRow("bare CR") << QByteArray("a\r.b") << QByteArray("a\r\n..b\r\n.\r\n");
    QTest::newRow("smuggled end with bare LF")
        << QByteArray("a\n.\nMAIL FROM:<x>\n") << QByteArray("a\r\n..\r\nMAIL FROM:<x>\r\n.\r\n");
    QTest::newRow("CR CR LF") << QByteArray("a\r\r\nb") << QByteArray("a\r\n\r\nb\r\n.\r\n");
    QTest::newRow("empty lines") << QByteArray("\r\n\r\n") << QByteArray("\r\n\r\n.\r\n");
    QTest::newRow("NUL kept") << QByteArray("a\0b", 3) << QByteArray("a\0b\r\n.\r\n", 8);
}

void tst_TestMailClient::dotStuff()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, payload);
    QCOMPARE(TestMailClient::dotStuff(message), payload);
}

void tst_TestMailClient::composeMessage()
{
    TestMailRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.from = QStringLiteral("sender@example.org");
    request.to = {QStringLiteral("one@example.net"), QStringLiteral("two@example.net")};
    request.subject = QStringLiteral("Plain\r\nBcc: injected");
    request.body = "a\nb\rc";
    const QDateTime date(QDate(2024, 3, 5), QTime(14, 7, 9), QTimeZone::utc());

    const QByteArray message
        = TestMailClient::composeMessage(request, QStringLiteral("abc@mailport.invalid"), date);
    QVERIFY(!hasBareLineBreak(message));
    const QByteArray headers = headersOf(message);
    QVERIFY(headers.startsWith("From: sender@example.org\r\n"));
    QVERIFY(headers.contains("\r\nTo: one@example.net, two@example.net\r\n"));
    QVERIFY(headers.contains("\r\nSubject: Plain  Bcc: injected\r\n"));
    QVERIFY(!headers.contains("\r\nBcc:"));
    QVERIFY(headers.contains("\r\nDate: 05 Mar 2024 14:07:09 +0000\r\n"));
    QVERIFY(headers.contains("\r\nMessage-ID: <abc@mailport.invalid>\r\n"));
    QVERIFY(headers.contains("\r\nContent-Transfer-Encoding: 7bit\r\n"));
    QCOMPARE(bodyOf(message), QByteArray("a\r\nb\r\nc\r\n"));
}

void tst_TestMailClient::composeMessageEncodesASubjectInWords()
{
    TestMailRequest request;
    request.to = {QStringLiteral("rcpt@example.net")};
    // Long enough for several encoded words, with multi-octet characters at every boundary.
    request.subject = QString::fromUtf8("Grüße aus Köln — äöü ÄÖÜ ß € 😀 ").repeated(3);
    request.body = "x";
    const QByteArray headers = headersOf(TestMailClient::composeMessage(
        request, QStringLiteral("id@x"), QDateTime::currentDateTime()));

    const qsizetype start = headers.indexOf("\r\nSubject: ") + 11;
    const qsizetype end = headers.indexOf("\r\n", start);
    QVERIFY(start > 11 && end > start);
    // Folded: continuation lines start with a space; take them along.
    qsizetype stop = end;
    while (headers.mid(stop, 3) == "\r\n ")
        stop = headers.indexOf("\r\n", stop + 3);
    const QList<QByteArray> words = headers.mid(start, stop - start).split('\n');
    QVERIFY(words.size() > 1);
    QByteArray decoded;
    for (QByteArray word : words) {
        word = word.trimmed();
        QVERIFY2(word.size() <= 75, word.constData());
        QVERIFY(word.startsWith("=?UTF-8?B?") && word.endsWith("?="));
        const QByteArray octets = QByteArray::fromBase64(word.mid(10, word.size() - 12));
        // Each word must be valid UTF-8 on its own (RFC 2047 section 5).
        QCOMPARE(QString::fromUtf8(octets).toUtf8(), octets);
        QVERIFY(!QString::fromUtf8(octets).contains(QChar::ReplacementCharacter));
        decoded += octets;
    }
    QCOMPARE(QString::fromUtf8(decoded), request.subject);
    QVERIFY(headers.contains("\r\nContent-Transfer-Encoding: 7bit\r\n"));
}

void tst_TestMailClient::composeMessageDefaultBody()
{
    TestMailRequest request;
    request.host = QStringLiteral("192.0.2.1");
    request.port = 587;
    request.mode = Mode::StartTls;
    request.to = {QStringLiteral("rcpt@example.net")};
    const QByteArray message = TestMailClient::composeMessage(
        request, QStringLiteral("uniq@mailport.invalid"), QDateTime::currentDateTime());
    QVERIFY(!hasBareLineBreak(message));
    const QByteArray headers = headersOf(message);
    QVERIFY(headers.contains("\r\nSubject: Mailport test message\r\n"));
    QVERIFY(headers.contains("\r\nMessage-ID: <uniq@mailport.invalid>\r\n"));
    const QByteArray body = bodyOf(message);
    QVERIFY(body.contains("192.0.2.1 port 587 (starttls)"));
    QVERIFY(body.contains("Message-ID: <uniq@mailport.invalid>"));
    QVERIFY(body.contains("Sent: "));
    QVERIFY(body.endsWith("\r\n"));
}

void tst_TestMailClient::queueIdFromReply_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("id");

    QTest::newRow("exim / mailportd") << "250 2.0.0 OK id=1rXa4Z-000Abc-3D"
                                      << "1rXa4Z-000Abc-3D";
    QTest::newRow("postfix") << "250 2.0.0 Ok: queued as 4XyZ12AbC"
                             << "4XyZ12AbC";
    QTest::newRow("none") << "250 2.0.0 OK"
                          << "";
    QTest::newRow("not a word boundary") << "250 OK msgid=abc"
                                         << "";
    QTest::newRow("multi-line, trailing dot") << "250-first\n250 accepted id=X42."
                                              << "X42";
    QTest::newRow("in parentheses") << "250 OK (id=ABC)"
                                    << "ABC";
}

void tst_TestMailClient::queueIdFromReply()
{
    QFETCH(QString, reply);
    QFETCH(QString, id);
    QCOMPARE(TestMailClient::queueIdFromReply(reply), id);
}

void tst_TestMailClient::plainDelivery_data()
{
    QTest::addColumn<QHostAddress>("listen");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QByteArray>("ehlo");

    QTest::newRow("IPv4") << QHostAddress(QHostAddress::LocalHost) << "127.0.0.1"
                          << QByteArray("EHLO [127.0.0.1]");
    QTest::newRow("IPv6") << QHostAddress(QHostAddress::LocalHostIPv6) << "::1"
                          << QByteArray("EHLO [IPv6:::1]");
    QTest::newRow("IPv6 in brackets")
        << QHostAddress(QHostAddress::LocalHostIPv6) << "[::1]" << QByteArray("EHLO [IPv6:::1]");
}

void tst_TestMailClient::plainDelivery()
{
    QFETCH(QHostAddress, listen);
    QFETCH(QString, host);
    QFETCH(QByteArray, ehlo);

    FakeSmtpServer server{FakeSmtpScript{}};
    QVERIFY(server.listenOnLoopback(listen));
    TestMailRequest request = this->request(server);
    request.host = host;
    request.to.append(QStringLiteral("second@example.net"));

    TestMailResult result;
    QStringList signalled;
    QVERIFY(run(request, result, &signalled));
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.failedStep.isEmpty());
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.lastReplyCode, 221);
    QCOMPARE(result.queueId, QStringLiteral("1rXa4Z-000Abc-3D"));
    QVERIFY(!result.messageId.isEmpty());
    QCOMPARE(result.capabilities,
             QStringList({"PIPELINING", "SIZE 1000000", "STARTTLS", "8BITMIME"}));
    QVERIFY(!result.encrypted);
    QVERIFY(result.protocol.isEmpty());
    QVERIFY(result.cipher.isEmpty());
    QVERIFY(result.peerCertificate.isNull());
    QVERIFY(result.sslErrors.isEmpty());
    QVERIFY(result.elapsedMs >= 0);

    QCOMPARE(server.messages.size(), 1);
    const QByteArray received = server.messages.first();
    QCOMPARE(bodyOf(received), TrickyBodyOnTheWire);
    const QByteArray headers = headersOf(received);
    QVERIFY(headers.contains("\r\nSubject: Mailport test\r\n"));
    QVERIFY(headers.contains("\r\nMessage-ID: <" + result.messageId.toUtf8() + ">\r\n"));
    QVERIFY(headers.contains("\r\nDate: "));

    const QByteArray mail
        = "MAIL FROM:<sender@example.org> SIZE=" + QByteArray::number(unstuffed(received).size());
    QCOMPARE(server.commands, QList<QByteArray>({ehlo, mail, "RCPT TO:<rcpt@example.net>",
                                                 "RCPT TO:<second@example.net>", "DATA", "QUIT"}));
    QCOMPARE(server.quits, 1);

    QCOMPARE(signalled, result.transcript);
    QVERIFY(result.transcript.first().startsWith(QStringLiteral("* Connecting to ")));
    QVERIFY(result.transcript.contains(QStringLiteral("S: 220 fake.test ESMTP ready")));
    QVERIFY(result.transcript.contains(QStringLiteral("C: ") + QString::fromLatin1(mail)));
    QVERIFY(result.transcript.contains(QStringLiteral("S: 250-SIZE 1000000")));
    QCOMPARE(result.transcript.last(), QStringLiteral("S: 221 2.0.0 fake.test closing connection"));
    // The message is summarised, never copied into the transcript.
    QVERIFY(!result.transcript.join(QLatin1Char('\n')).contains(QStringLiteral("leading dot")));
}

void tst_TestMailClient::startTlsDelivery_data()
{
    QTest::addColumn<QSsl::SslProtocol>("serverProtocol");
    QTest::addColumn<QString>("protocol");

    QTest::newRow("TLS 1.3") << QSsl::TlsV1_3 << "TLSv1.3";
    QTest::newRow("TLS 1.2") << QSsl::TlsV1_2 << "TLSv1.2";
}

void tst_TestMailClient::startTlsDelivery()
{
    QFETCH(QSsl::SslProtocol, serverProtocol);
    QFETCH(QString, protocol);

    FakeSmtpServer server(FakeSmtpScript{}, serverTls(serverProtocol));
    QVERIFY(server.listenOnLoopback());
    TestMailResult result;
    QVERIFY(run(request(server, Mode::StartTls), result));
    QVERIFY2(result.ok, qPrintable(result.error));

    QCOMPARE(server.commands.size(), 7);
    QCOMPARE(server.commands.mid(0, 3),
             QList<QByteArray>({"EHLO [127.0.0.1]", "STARTTLS", "EHLO [127.0.0.1]"}));
    QVERIFY(server.commands.at(3).startsWith("MAIL FROM:<sender@example.org>"));
    QCOMPARE(server.commands.last(), QByteArray("QUIT"));
    QCOMPARE(server.messageEncrypted, QList<bool>{true});
    QCOMPARE(bodyOf(server.messages.first()), TrickyBodyOnTheWire);

    QVERIFY(result.encrypted);
    QCOMPARE(result.protocol, protocol);
    QVERIFY(!result.cipher.isEmpty());
    QCOMPARE(result.peerCertificate, m_pair.chain.first());
    QCOMPARE(result.peerCertificateChain.first(), m_pair.chain.first());
    // Self-signed: reported, yet the delivery went on.
    QVERIFY(!result.sslErrors.isEmpty());
    const bool selfSigned = std::any_of(
        result.sslErrors.cbegin(), result.sslErrors.cend(),
        [](const QSslError &error) { return error.error() == QSslError::SelfSignedCertificate; });
    QVERIFY(selfSigned);
    // The capabilities are those after TLS, where STARTTLS is no longer offered.
    QVERIFY(!result.capabilities.contains(QStringLiteral("STARTTLS")));
    QVERIFY(result.capabilities.contains(QStringLiteral("8BITMIME")));
    QVERIFY(result.transcript.contains(
        QStringLiteral("* TLS established: %1, %2.").arg(result.protocol, result.cipher)));
}

void tst_TestMailClient::implicitTlsDelivery()
{
    FakeSmtpScript script;
    script.implicitTls = true;
    FakeSmtpServer server(script, serverTls());
    QVERIFY(server.listenOnLoopback());
    TestMailResult result;
    QVERIFY(run(request(server, Mode::ImplicitTls), result));
    QVERIFY2(result.ok, qPrintable(result.error));

    QCOMPARE(server.commands.size(), 5);
    QCOMPARE(server.commands.first(), QByteArray("EHLO [127.0.0.1]"));
    QVERIFY(!server.commands.contains("STARTTLS"));
    QCOMPARE(server.messageEncrypted, QList<bool>{true});
    QCOMPARE(bodyOf(server.messages.first()), TrickyBodyOnTheWire);
    QVERIFY(result.encrypted);
    QCOMPARE(result.protocol, QStringLiteral("TLSv1.3"));
    QVERIFY(!result.cipher.isEmpty());
    QCOMPARE(result.peerCertificate, m_pair.chain.first());
    QVERIFY(!result.sslErrors.isEmpty());
    QCOMPARE(result.queueId, QStringLiteral("1rXa4Z-000Abc-3D"));
}

void tst_TestMailClient::startTlsNotOffered_data()
{
    QTest::addColumn<bool>("require");
    QTest::newRow("required") << true;
    QTest::newRow("optional") << false;
}

void tst_TestMailClient::startTlsNotOffered()
{
    QFETCH(bool, require);
    FakeSmtpScript script;
    script.offerStartTls = false;
    FakeSmtpServer server(script, serverTls());
    QVERIFY(server.listenOnLoopback());
    TestMailRequest request = this->request(server, Mode::StartTls);
    request.requireStartTls = require;

    TestMailResult result;
    QVERIFY(run(request, result));
    QVERIFY(!result.encrypted);
    QVERIFY(!server.commands.contains("STARTTLS"));
    QCOMPARE(server.quits, 1);
    if (require) {
        QVERIFY(!result.ok);
        QCOMPARE(result.failedStep, TestMailStep::StartTls);
        QCOMPARE(result.error, QStringLiteral("The server does not offer STARTTLS."));
        QCOMPARE(server.commands, QList<QByteArray>({"EHLO [127.0.0.1]", "QUIT"}));
        QVERIFY(server.messages.isEmpty());
        // The code of the step that failed, not of the polite QUIT after it.
        QCOMPARE(result.lastReplyCode, 250);
    } else {
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(server.messages.size(), 1);
        QCOMPARE(server.messageEncrypted, QList<bool>{false});
    }
}

void tst_TestMailClient::rejections_data()
{
    QTest::addColumn<QString>("at");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("step");
    QTest::addColumn<bool>("stored");
    QTest::addColumn<QByteArrayList>("verbs"); ///< what the server received, in order

    const int plain = int(Mode::Plain);
    const QByteArrayList all{"EHLO", "MAIL", "RCPT", "RCPT", "DATA", "QUIT"};
    QTest::newRow("greeting 554") << "greeting" << QByteArray("554 5.7.1 go away\r\n") << plain
                                  << "greeting" << false << QByteArrayList{"QUIT"};
    QTest::newRow("EHLO 421") << "ehlo" << QByteArray("421 4.3.2 shutting down\r\n") << plain
                              << "ehlo" << false << QByteArrayList{"EHLO", "QUIT"};
    QTest::newRow("STARTTLS 454") << "starttls" << QByteArray("454 4.7.0 TLS not available\r\n")
                                  << int(Mode::StartTls) << "starttls" << false
                                  << QByteArrayList{"EHLO", "STARTTLS", "QUIT"};
    QTest::newRow("MAIL 550") << "mail" << QByteArray("550 5.7.1 sender refused\r\n") << plain
                              << "mail" << false << QByteArrayList{"EHLO", "MAIL", "QUIT"};
    QTest::newRow("RCPT 550") << "rcpt" << QByteArray("550 5.1.1 no such user\r\n") << plain
                              << "rcpt" << false << QByteArrayList{"EHLO", "MAIL", "RCPT", "QUIT"};
    QTest::newRow("DATA 554") << "data" << QByteArray("554 5.5.1 no valid recipients\r\n") << plain
                              << "data" << false << all;
    QTest::newRow("message 552") << "dataEnd" << QByteArray("552 5.3.4 message too big\r\n")
                                 << plain << "data" << true << all;
    QTest::newRow("message 451 multi-line")
        << "dataEnd" << QByteArray("451-4.3.0 local error\r\n451 4.3.0 try again later\r\n")
        << plain << "data" << true << all;
    QTest::newRow("QUIT 500") << "quit" << QByteArray("500 5.5.1 what?\r\n") << plain << "quit"
                              << true << all;
}

void tst_TestMailClient::rejections()
{
    QFETCH(QString, at);
    QFETCH(QByteArray, reply);
    QFETCH(int, mode);
    QFETCH(QString, step);
    QFETCH(bool, stored);
    QFETCH(QByteArrayList, verbs);

    FakeSmtpScript script;
    QByteArray *field = nullptr;
    if (at == QLatin1String("greeting"))
        field = &script.greeting;
    else if (at == QLatin1String("ehlo"))
        field = &script.ehloReply;
    else if (at == QLatin1String("starttls"))
        field = &script.startTlsReply;
    else if (at == QLatin1String("mail"))
        field = &script.mailReply;
    else if (at == QLatin1String("rcpt"))
        field = &script.rcptReply;
    else if (at == QLatin1String("data"))
        field = &script.dataReply;
    else if (at == QLatin1String("dataEnd"))
        field = &script.dataEndReply;
    else if (at == QLatin1String("quit"))
        field = &script.quitReply;
    QVERIFY(field);
    *field = reply;
    FakeSmtpServer server(script, serverTls());
    QVERIFY(server.listenOnLoopback());
    TestMailRequest request = this->request(server, Mode(mode));
    request.to.append(QStringLiteral("second@example.net"));

    TestMailResult result;
    QVERIFY(run(request, result));
    QVERIFY(!result.ok);
    QCOMPARE(result.failedStep, step);
    QCOMPARE(result.lastReplyCode, reply.left(3).toInt());
    QCOMPARE(result.lastReply.toUtf8(), reply.trimmed().replace("\r\n", "\n"));
    // The reply's words reach the human-readable error.
    const QByteArray lastLine = reply.trimmed().split('\n').last();
    QVERIFY2(result.error.contains(QString::fromUtf8(lastLine.mid(4))), qPrintable(result.error));
    QCOMPARE(server.messages.size(), stored ? 1 : 0);
    // Politely, a refused client still says QUIT, and says it last.
    QByteArrayList received;
    for (const QByteArray &command : std::as_const(server.commands))
        received.append(command.split(' ').constFirst());
    QCOMPARE(received, verbs);
    QCOMPARE(server.quits, 1);
    QCOMPARE(result.queueId.isEmpty(), at != QLatin1String("quit"));
}

void tst_TestMailClient::greetings_data()
{
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<QStringList>("lines");

    QTest::newRow("multi-line")
        << QByteArray("220-fake.test ESMTP\r\n220-second line\r\n220 third line\r\n")
        << QStringList({"S: 220-fake.test ESMTP", "S: 220-second line", "S: 220 third line"});
    QTest::newRow("code only") << QByteArray("220\r\n") << QStringList({"S: 220"});
    QTest::newRow("bare LF line ends")
        << QByteArray("220-a\n220 b\n") << QStringList({"S: 220-a", "S: 220 b"});
    QTest::newRow("empty continuation")
        << QByteArray("220-\r\n220 ready\r\n") << QStringList({"S: 220-", "S: 220 ready"});
}

void tst_TestMailClient::greetings()
{
    QFETCH(QByteArray, greeting);
    QFETCH(QStringList, lines);
    FakeSmtpScript script;
    script.greeting = greeting;
    FakeSmtpServer server(script);
    QVERIFY(server.listenOnLoopback());
    TestMailResult result;
    QVERIFY(run(request(server), result));
    QVERIFY2(result.ok, qPrintable(result.error));
    const qsizetype first = result.transcript.indexOf(lines.first());
    QVERIFY(first > 0);
    QCOMPARE(result.transcript.mid(first, lines.size()), lines);
    QCOMPARE(result.transcript.at(first + lines.size()), QStringLiteral("C: EHLO [127.0.0.1]"));
}

void tst_TestMailClient::malformedReplies_data()
{
    QTest::addColumn<QByteArray>("greeting");
    QTest::addColumn<QByteArray>("ehloReply");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("error");

    const QByteArray ok = "220 ok\r\n";
    QTest::newRow("not SMTP") << QByteArray("hello there\r\n") << QByteArray() << "greeting"
                              << "not an SMTP reply";
    QTest::newRow("code out of range") << QByteArray("199 early\r\n") << QByteArray() << "greeting"
                                       << "not an SMTP reply";
    QTest::newRow("no separator") << QByteArray("220x\r\n") << QByteArray() << "greeting"
                                  << "not an SMTP reply";
    QTest::newRow("mixed codes") << QByteArray("220-a\r\n250 b\r\n") << QByteArray() << "greeting"
                                 << "different codes";
    QTest::newRow("endless line") << QByteArray("220 ") + QByteArray(5000, 'x') << QByteArray()
                                  << "greeting"
                                  << "longer than";
    QTest::newRow("bad EHLO line")
        << ok << QByteArray("250-fake.test\r\n25O STARTTLS\r\n") << "ehlo"
        << "not an SMTP reply";
    QByteArray endless;
    for (int i = 0; i < 300; ++i)
        endless += "250-LINE\r\n";
    QTest::newRow("endless reply") << ok << endless << "ehlo"
                                   << "more than 200 lines";
}

void tst_TestMailClient::malformedReplies()
{
    QFETCH(QByteArray, greeting);
    QFETCH(QByteArray, ehloReply);
    QFETCH(QString, step);
    QFETCH(QString, error);

    FakeSmtpScript script;
    script.greeting = greeting;
    script.ehloReply = ehloReply;
    FakeSmtpServer server(script);
    QVERIFY(server.listenOnLoopback());
    TestMailResult result;
    QVERIFY(run(request(server), result));
    QVERIFY(!result.ok);
    QCOMPARE(result.failedStep, step);
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    // The conversation is out of step: no QUIT into it.
    QCOMPARE(server.quits, 0);
}

void tst_TestMailClient::ehloRefusedFallsBackToHelo()
{
    FakeSmtpScript script;
    script.ehloReply = "502 5.5.2 EHLO not implemented\r\n";
    FakeSmtpServer server(script);
    QVERIFY(server.listenOnLoopback());
    TestMailResult result;
    QVERIFY(run(request(server), result));
    QVERIFY2(result.ok, qPrintable(result.error));
    // Without EHLO there are no extensions, so no SIZE parameter either.
    QCOMPARE(server.commands.mid(0, 3), QList<QByteArray>({"EHLO [127.0.0.1]", "HELO [127.0.0.1]",
                                                           "MAIL FROM:<sender@example.org>"}));
    QVERIFY(result.capabilities.isEmpty());
    QCOMPARE(server.messages.size(), 1);
}

void tst_TestMailClient::dataAfterTheStartTlsReplyIsRefused()
{
    FakeSmtpScript script;
    script.startTlsReply = "220 2.0.0 go ahead\r\n250 injected before TLS\r\n";
    FakeSmtpServer server(script, serverTls());
    QVERIFY(server.listenOnLoopback());
    TestMailResult result;
    QVERIFY(run(request(server, Mode::StartTls), result));
    QVERIFY(!result.ok);
    QCOMPARE(result.failedStep, TestMailStep::StartTls);
    QVERIFY2(result.error.contains(QStringLiteral("CVE-2011-0411")), qPrintable(result.error));
    QVERIFY(!result.encrypted);
    QCOMPARE(server.commands, QList<QByteArray>({"EHLO [127.0.0.1]", "STARTTLS"}));
}

void tst_TestMailClient::implicitTlsAgainstAPlainServer()
{
    FakeSmtpServer server{FakeSmtpScript{}};
    QVERIFY(server.listenOnLoopback());
    TestMailResult result;
    QVERIFY(run(request(server, Mode::ImplicitTls), result));
    QVERIFY(!result.ok);
    QCOMPARE(result.failedStep, TestMailStep::TlsHandshake);
    QVERIFY(result.error.startsWith(QStringLiteral("The TLS handshake with 127.0.0.1 port ")));
    QVERIFY(!result.encrypted);
    QCOMPARE(result.lastReplyCode, 0);
    QVERIFY(server.messages.isEmpty());
}

void tst_TestMailClient::serverClosesMidSession()
{
    FakeSmtpScript script;
    script.closeAtMail = true;
    FakeSmtpServer server(script);
    QVERIFY(server.listenOnLoopback());
    TestMailResult result;
    QVERIFY(run(request(server), result));
    QVERIFY(!result.ok);
    QCOMPARE(result.failedStep, TestMailStep::Mail);
    QCOMPARE(result.error, QStringLiteral("The server closed the connection while the client "
                                          "waited for the reply to MAIL FROM."));
    QCOMPARE(result.lastReplyCode, 250);
}

void tst_TestMailClient::timeouts_data()
{
    QTest::addColumn<bool>("silent");
    QTest::addColumn<bool>("implicitTls");
    QTest::addColumn<bool>("answerMessage");
    QTest::addColumn<QString>("error");

    QTest::newRow("no greeting") << true << false << true << "The greeting did not come within";
    QTest::newRow("no TLS handshake")
        << true << true << true << "The TLS handshake with 127.0.0.1 port ";
    QTest::newRow("no reply to the message")
        << false << false << false << "The reply to the message did not come within";
}

void tst_TestMailClient::timeouts()
{
    QFETCH(bool, silent);
    QFETCH(bool, implicitTls);
    QFETCH(bool, answerMessage);
    QFETCH(QString, error);

    FakeSmtpScript script;
    script.silent = silent;
    if (!answerMessage)
        script.dataEndReply.clear();
    FakeSmtpServer server(script, serverTls());
    QVERIFY(server.listenOnLoopback());
    TestMailRequest request = this->request(server, implicitTls ? Mode::ImplicitTls : Mode::Plain);
    request.timeoutMs = 300;

    TestMailResult result;
    QVERIFY(run(request, result));
    QVERIFY(!result.ok);
    QCOMPARE(result.failedStep, TestMailStep::Timeout);
    QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
    QVERIFY(result.error.endsWith(QStringLiteral("within 300 ms.")));
    QCOMPARE(server.connections, 1);
    QCOMPARE(server.quits, 0);
    QCOMPARE(server.messages.size(), answerMessage ? 0 : 1);
}

void tst_TestMailClient::connectionRefused()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();

    TestMailRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.port = port;
    request.to = {QStringLiteral("rcpt@example.net")};
    TestMailResult result;
    QVERIFY(run(request, result));
    QVERIFY(!result.ok);
    QCOMPARE(result.failedStep, TestMailStep::Connect);
    QCOMPARE(result.error, QStringLiteral("Nothing accepts connections on 127.0.0.1 port %1 "
                                          "(connection refused).")
                               .arg(port));
    QCOMPARE(result.lastReplyCode, 0);
    QCOMPARE(result.transcript.first(),
             QStringLiteral("* Connecting to 127.0.0.1 port %1 (plain).").arg(port));
}

void tst_TestMailClient::scopedAddressIsParsedNotResolved()
{
    // Nothing listens at fe80::1 on the loopback interface: what matters is that the scoped
    // address is taken as an address and a connection is attempted.
    TestMailRequest request;
    request.host = QStringLiteral("fe80::1%lo");
    request.port = 25;
    request.to = {QStringLiteral("rcpt@example.net")};
    request.timeoutMs = 300;
    TestMailResult result;
    QVERIFY(run(request, result));
    QVERIFY(!result.ok);
    QVERIFY2(result.failedStep == TestMailStep::Connect
                 || result.failedStep == TestMailStep::Timeout,
             qPrintable(result.failedStep));
    QCOMPARE(result.transcript.first(),
             QStringLiteral("* Connecting to fe80::1%lo port 25 (plain)."));
}

void tst_TestMailClient::invalidRequests_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QString>("helo");
    QTest::addColumn<QString>("error");

    const QStringList to{"rcpt@example.net"};
    QTest::newRow("host name") << "localhost" << 25 << "" << to << ""
                               << "\"localhost\" is not an IP address";
    QTest::newRow("empty host") << "" << 25 << "" << to << ""
                                << "is not an IP address";
    QTest::newRow("port 0") << "127.0.0.1" << 0 << "" << to << ""
                            << "Port 0";
    QTest::newRow("no recipient") << "127.0.0.1" << 25 << "" << QStringList() << ""
                                  << "no recipient";
    QTest::newRow("command in the sender")
        << "127.0.0.1" << 25 << "a@b>\r\nRCPT TO:<victim@example.net" << to << ""
        << "The sender";
    QTest::newRow("bracket in a recipient")
        << "127.0.0.1" << 25 << "" << QStringList({"ok@example.net", "x>y@example.net"}) << ""
        << "The recipient \"x>y@example.net\"";
    QTest::newRow("empty recipient") << "127.0.0.1" << 25 << "" << QStringList({""}) << ""
                                     << "The recipient \"\"";
    QTest::newRow("space in the EHLO name") << "127.0.0.1" << 25 << "" << to << "my host"
                                            << "The EHLO name";
}

void tst_TestMailClient::invalidRequests()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, from);
    QFETCH(QStringList, to);
    QFETCH(QString, helo);
    QFETCH(QString, error);

    TestMailRequest request;
    request.host = host;
    request.port = quint16(port);
    request.from = from;
    request.to = to;
    request.heloName = helo;
    TestMailResult result;
    QVERIFY(run(request, result));
    QVERIFY(!result.ok);
    QCOMPARE(result.failedStep, TestMailStep::Request);
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    // Refused before any connection attempt.
    QCOMPARE(result.transcript, QStringList{QStringLiteral("* ") + result.error});
}

void tst_TestMailClient::abortReportsCancelledAndTheClientCanBeReused()
{
    FakeSmtpScript silent;
    silent.silent = true;
    FakeSmtpServer quiet(silent);
    QVERIFY(quiet.listenOnLoopback());

    TestMailClient client;
    QSignalSpy finished(&client, &TestMailClient::finished);
    QVERIFY(client.start(request(quiet)));
    QVERIFY(client.isRunning());
    QTest::ignoreMessage(QtWarningMsg, "TestMailClient::start() while a test is running; ignored");
    QVERIFY(!client.start(request(quiet)));
    QTRY_COMPARE(quiet.connections, 1);
    QCOMPARE(finished.count(), 0);

    client.abort();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!client.isRunning());
    const auto cancelled = finished.takeFirst().at(0).value<TestMailResult>();
    QCOMPARE(cancelled.failedStep, TestMailStep::Cancelled);
    QVERIFY(!cancelled.ok);
    client.abort();
    QCOMPARE(finished.count(), 0);
    QTRY_COMPARE(quiet.active, 0);

    FakeSmtpServer server{FakeSmtpScript{}};
    QVERIFY(server.listenOnLoopback());
    QVERIFY(client.start(request(server)));
    QVERIFY(finished.wait(10000));
    const auto delivered = finished.takeFirst().at(0).value<TestMailResult>();
    QVERIFY2(delivered.ok, qPrintable(delivered.error));
    QVERIFY(delivered.messageId != cancelled.messageId);
    QVERIFY(!delivered.transcript.contains(QStringLiteral("* The test was cancelled.")));
    QCOMPARE(server.messages.size(), 1);
}

QTEST_GUILESS_MAIN(tst_TestMailClient)
#include "tst_testmailclient.moc"
