#include "smtpsession.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Mailport;

namespace {

constexpr qint64 kSizeLimit = 10000;

SmtpSessionSettings testSettings()
{
    SmtpSessionSettings settings;
    settings.hostname = QStringLiteral("mx.example.test");
    settings.banner = QStringLiteral("$smtp_active_hostname ESMTP Mailport test");
    settings.messageSizeLimit = kSizeLimit;
    settings.recipientsMax = 5;
    settings.tlsAvailable = true;
    settings.maxErrors = 10;
    return settings;
}

SmtpPeer testPeer()
{
    return {QHostAddress(QStringLiteral("192.0.2.10")), 40000,
            QHostAddress(QStringLiteral("198.51.100.1")), 25};
}

// Plays the owner: gathers output and events, and by default stores every message and completes
// every TLS handshake at once.
class Owner
{
public:
    explicit Owner(SmtpSessionSettings settings = testSettings(), bool start = true)
        : session(std::move(settings), testPeer())
    {
        if (start) {
            session.start();
            collect();
        }
    }

    QByteArray send(QByteArrayView bytes)
    {
        session.feed(bytes);
        return collect();
    }

    QByteArray collect()
    {
        QByteArray produced;
        for (;;) {
            produced += session.takeOutput();
            const QList<SmtpEvent> events = session.takeEvents();
            if (events.isEmpty())
                break;
            for (const SmtpEvent &event : events) {
                switch (event.type) {
                case SmtpEvent::Type::Log:
                    logs << event.text;
                    break;
                case SmtpEvent::Type::Close:
                    ++closes;
                    break;
                case SmtpEvent::Type::StartTls:
                    ++startTls;
                    if (autoTls)
                        session.tlsEstablished(QStringLiteral("TLSv1.3"),
                                               QStringLiteral("TLS_AES_128_GCM_SHA256"));
                    break;
                case SmtpEvent::Type::Message:
                    messages << event.message;
                    if (autoStore)
                        session.messageStored(QStringLiteral("id%1").arg(messages.size()));
                    break;
                }
            }
        }
        output += produced;
        return produced;
    }

    SmtpSession session;
    bool autoStore = true;
    bool autoTls = true;
    QByteArray output;
    QList<SmtpMessage> messages;
    QStringList logs;
    int closes = 0;
    int startTls = 0;
};

// Codes of complete replies; continuation lines ("250-...") belong to the reply that ends them.
QList<int> replyCodes(QByteArrayView out)
{
    QList<int> codes;
    for (const QByteArray &line : out.toByteArray().split('\n')) {
        if (line.size() >= 4 && line.at(3) == ' ')
            codes << line.left(3).toInt();
    }
    return codes;
}

QByteArray lastLine(QByteArrayView out)
{
    QByteArray text = out.toByteArray();
    if (text.endsWith("\r\n"))
        text.chop(2);
    const qsizetype previous = text.lastIndexOf("\r\n");
    return previous < 0 ? text : text.sliced(previous + 2);
}

QByteArray lines(const QByteArrayList &commands)
{
    QByteArray out;
    for (const QByteArray &command : commands)
        out += command + "\r\n";
    return out;
}

const QByteArray kEhlo = "EHLO client.example\r\n";
const QByteArray kEnvelope = "MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nDATA\r\n";

// Opens a DATA transaction; the caller continues with the body.
void openData(Owner &owner)
{
    owner.send(kEhlo);
    QCOMPARE(replyCodes(owner.send(kEnvelope)), QList<int>({250, 250, 354}));
}

} // namespace

class tst_SmtpSession final : public QObject
{
    Q_OBJECT

private slots:
    void greeting_data();
    void greeting();
    void commands_data();
    void commands();
    void ehloKeywords_data();
    void ehloKeywords();
    void pipelinedTransaction();
    void protocolNames_data();
    void protocolNames();
    void messageAttributes();
    void spaceCheckedAtMail();
    void synchronization_data();
    void synchronization();
    void earlyTalkerWithDelayedGreeting();
    void implicitTlsStartsCleanly();
    void commandLineLength_data();
    void commandLineLength();
    void overlongCommandUsesBoundedMemory();
    void dataLineLength_data();
    void dataLineLength();
    void recipientsMax();
    void sizeLimitDuringData();
    void sizeLimitDuringBdat();
    void tooManyErrors();
    void bareLineEndings_data();
    void bareLineEndings();
    void nulNeverEndsData();
    void dataSplitAnywhere_data();
    void dataSplitAnywhere();
    void dotUnstuffing_data();
    void dotUnstuffing();
    void bdatTransaction();
    void bdatBinaryMime();
    void bdatOutOfSequenceConsumesChunk();
    void dataAfterBdat();
    void bdatMalformed_data();
    void bdatMalformed();
    void startTls();
    void startTlsInjection_data();
    void startTlsInjection();
    void inputDuringTlsHandshake();
    void splitAtEveryByte();
    void waitsForStore();
    void storeFailures_data();
    void storeFailures();
    void storeReplyCannotInject();
    void pendingInputBounded();
    void timeoutCloses();
    void proxyFailed();
    void proxiedPeer();
    void otherProtocols_data();
    void otherProtocols();
    void logsReasonsButNoBodies();
    void fuzz();
};

void tst_SmtpSession::greeting_data()
{
    QTest::addColumn<QString>("banner");
    QTest::addColumn<QByteArray>("greeting");
    QTest::newRow("test banner") << testSettings().banner
                                 << QByteArray("220 mx.example.test ESMTP Mailport test\r\n");
    // Exim sends the expanded banner after 220, whatever it says.
    QTest::newRow("no host name") << "Welcome" << QByteArray("220 Welcome\r\n");
    QTest::newRow("multi-line") << "$smtp_active_hostname ESMTP\nsecond\nthird"
                                << QByteArray("220-mx.example.test ESMTP\r\n220-second\r\n"
                                              "220 third\r\n");
    QTest::newRow("control characters") << "a\tb\x7f" << QByteArray("220 a?b?\r\n");
    QTest::newRow("unknown variable as written") << "$nosuch" << QByteArray("220 $nosuch\r\n");
    QTest::newRow("at most 20 lines") << QString(QStringLiteral("x\n").repeated(30))
                                      << QByteArray("220-x\r\n").repeated(19) + "220 x\r\n";
}

void tst_SmtpSession::greeting()
{
    QFETCH(QString, banner);
    QFETCH(QByteArray, greeting);
    SmtpSessionSettings settings = testSettings();
    settings.banner = banner;
    Owner owner(settings, false);
    QVERIFY(!owner.session.isStarted());
    owner.session.start();
    QCOMPARE(owner.collect(), greeting);
    QVERIFY(owner.session.isStarted());
}

void tst_SmtpSession::commands_data()
{
    QTest::addColumn<QByteArrayList>("setup");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("expected");

    const QByteArrayList none;
    const QByteArrayList ehlo{"EHLO client.example"};
    const QByteArrayList helo{"HELO client.example"};
    const QByteArrayList mail = ehlo + QByteArrayList{"MAIL FROM:<a@example.org>"};
    const QByteArrayList rcpt = mail + QByteArrayList{"RCPT TO:<b@example.net>"};
    const QByteArrayList utf8Mail = ehlo + QByteArrayList{"MAIL FROM:<a@example.org> SMTPUTF8"};

    QTest::newRow("noop") << none << QByteArray("NOOP") << QByteArray("250 2.0.0");
    QTest::newRow("noop with argument")
        << none << QByteArray("NOOP hello") << QByteArray("250 2.0.0");
    QTest::newRow("rset") << rcpt << QByteArray("RSET") << QByteArray("250 2.0.0");
    QTest::newRow("rset with argument") << none << QByteArray("RSET x") << QByteArray("501 5.5.4");
    QTest::newRow("helo") << none << QByteArray("HELO client.example")
                          << QByteArray("250 mx.example.test Hello client.example [192.0.2.10]");
    QTest::newRow("helo ipv4 literal") << none << QByteArray("HELO [192.0.2.10]")
                                       << QByteArray("250 mx.example.test Hello [192.0.2.10]");
    QTest::newRow("ehlo ipv6 literal")
        << none << QByteArray("EHLO [IPv6:2001:db8::1]") << QByteArray("250 HELP");
    QTest::newRow("ehlo lower case")
        << none << QByteArray("ehlo client.example") << QByteArray("250 HELP");
    QTest::newRow("ehlo underscore") << none << QByteArray("EHLO my_pc") << QByteArray("250 HELP");
    QTest::newRow("ehlo without name") << none << QByteArray("EHLO") << QByteArray("501 5.5.4");
    QTest::newRow("helo without name") << none << QByteArray("HELO") << QByteArray("501 5.5.4");
    QTest::newRow("ehlo empty label")
        << none << QByteArray("EHLO bad..name") << QByteArray("501 5.5.4");
    QTest::newRow("ehlo two words") << none << QByteArray("EHLO a b") << QByteArray("501 5.5.4");
    QTest::newRow("ehlo bad literal")
        << none << QByteArray("EHLO [300.1.1.1]") << QByteArray("501 5.5.4");
    QTest::newRow("mail before helo")
        << none << QByteArray("MAIL FROM:<a@example.org>") << QByteArray("503 5.5.1");
    QTest::newRow("mail") << ehlo << QByteArray("MAIL FROM:<a@example.org>")
                          << QByteArray("250 2.1.0");
    QTest::newRow("mail after helo")
        << helo << QByteArray("MAIL FROM:<a@example.org>") << QByteArray("250 2.1.0");
    QTest::newRow("mail null sender")
        << ehlo << QByteArray("MAIL FROM:<>") << QByteArray("250 2.1.0");
    QTest::newRow("mail space after colon")
        << ehlo << QByteArray("MAIL FROM: <a@example.org>") << QByteArray("250 2.1.0");
    QTest::newRow("mail without brackets")
        << ehlo << QByteArray("MAIL FROM:a@example.org") << QByteArray("250 2.1.0");
    QTest::newRow("mail source route")
        << ehlo << QByteArray("MAIL FROM:<@relay.example:a@example.org>")
        << QByteArray("250 2.1.0");
    QTest::newRow("mail quoted local part")
        << ehlo << QByteArray("MAIL FROM:<\"john >doe\"@example.org>") << QByteArray("250 2.1.0");
    QTest::newRow("mail address literal")
        << ehlo << QByteArray("MAIL FROM:<a@[192.0.2.1]>") << QByteArray("250 2.1.0");
    QTest::newRow("mail nested") << mail << QByteArray("MAIL FROM:<a@example.org>")
                                 << QByteArray("503 5.5.1");
    QTest::newRow("mail without from")
        << ehlo << QByteArray("MAIL <a@example.org>") << QByteArray("501 5.5.4");
    QTest::newRow("mail unqualified")
        << ehlo << QByteArray("MAIL FROM:<a>") << QByteArray("501 5.1.7");
    QTest::newRow("mail bad domain")
        << ehlo << QByteArray("MAIL FROM:<a@-x.example>") << QByteArray("501 5.1.7");
    QTest::newRow("mail double dot")
        << ehlo << QByteArray("MAIL FROM:<a..b@example.org>") << QByteArray("501 5.1.7");
    QTest::newRow("mail unclosed")
        << ehlo << QByteArray("MAIL FROM:<a@example.org") << QByteArray("501 5.1.7");
    QTest::newRow("mail unknown parameter")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> FOO=1") << QByteArray("555 5.5.4");
    QTest::newRow("mail parameter after helo")
        << helo << QByteArray("MAIL FROM:<a@example.org> SIZE=10") << QByteArray("555 5.5.4");
    QTest::newRow("mail size at limit")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> SIZE=10000") << QByteArray("250 2.1.0");
    QTest::newRow("mail size over limit")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> SIZE=10001") << QByteArray("552 5.3.4");
    QTest::newRow("mail size huge")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> SIZE=99999999999999999999")
        << QByteArray("501 5.5.4");
    QTest::newRow("mail size not a number")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> SIZE=ten") << QByteArray("501 5.5.4");
    QTest::newRow("mail size twice")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> SIZE=1 SIZE=2") << QByteArray("501 5.5.4");
    QTest::newRow("mail body 7bit")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> BODY=7BIT") << QByteArray("250 2.1.0");
    QTest::newRow("mail body 8bitmime")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> body=8bitmime") << QByteArray("250 2.1.0");
    QTest::newRow("mail body binarymime")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> BODY=BINARYMIME")
        << QByteArray("250 2.1.0");
    QTest::newRow("mail body unknown")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> BODY=9BIT") << QByteArray("501 5.5.4");
    QTest::newRow("mail smtputf8")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> SMTPUTF8") << QByteArray("250 2.1.0");
    QTest::newRow("mail smtputf8 with value")
        << ehlo << QByteArray("MAIL FROM:<a@example.org> SMTPUTF8=1") << QByteArray("501 5.5.4");
    QTest::newRow("mail utf8 without smtputf8")
        << ehlo << QByteArray("MAIL FROM:<jörg@exämple.org>") << QByteArray("553 5.6.7");
    QTest::newRow("mail utf8 with smtputf8")
        << ehlo << QByteArray("MAIL FROM:<jörg@exämple.org> SMTPUTF8") << QByteArray("250 2.1.0");
    QTest::newRow("mail invalid utf8")
        << ehlo << QByteArray("MAIL FROM:<\xff@example.org> SMTPUTF8") << QByteArray("501 5.1.7");
    QTest::newRow("rcpt before mail")
        << ehlo << QByteArray("RCPT TO:<b@example.net>") << QByteArray("503 5.5.1");
    QTest::newRow("rcpt") << mail << QByteArray("RCPT TO:<b@example.net>")
                          << QByteArray("250 2.1.5");
    QTest::newRow("rcpt postmaster")
        << mail << QByteArray("RCPT TO:<postmaster>") << QByteArray("250 2.1.5");
    QTest::newRow("rcpt postmaster upper case")
        << mail << QByteArray("RCPT TO:<POSTMASTER>") << QByteArray("250 2.1.5");
    QTest::newRow("rcpt postmaster with domain")
        << mail << QByteArray("RCPT TO:<PostMaster@other.example>") << QByteArray("250 2.1.5");
    QTest::newRow("rcpt unqualified")
        << mail << QByteArray("RCPT TO:<bob>") << QByteArray("501 5.1.3");
    QTest::newRow("rcpt null") << mail << QByteArray("RCPT TO:<>") << QByteArray("501 5.1.3");
    QTest::newRow("rcpt without to")
        << mail << QByteArray("RCPT <b@example.net>") << QByteArray("501 5.5.4");
    QTest::newRow("rcpt parameter")
        << mail << QByteArray("RCPT TO:<b@example.net> NOTIFY=NEVER") << QByteArray("555 5.5.4");
    QTest::newRow("rcpt utf8 without smtputf8")
        << mail << QByteArray("RCPT TO:<bö@example.net>") << QByteArray("553 5.6.7");
    QTest::newRow("rcpt utf8 with smtputf8")
        << utf8Mail << QByteArray("RCPT TO:<bö@example.net>") << QByteArray("250 2.1.5");
    QTest::newRow("data before mail") << ehlo << QByteArray("DATA") << QByteArray("503 5.5.1");
    QTest::newRow("data without recipients")
        << mail << QByteArray("DATA") << QByteArray("554 5.5.1");
    QTest::newRow("data") << rcpt << QByteArray("DATA") << QByteArray("354 ");
    QTest::newRow("data with argument")
        << rcpt << QByteArray("DATA now") << QByteArray("501 5.5.4");
    QTest::newRow("data with binarymime")
        << (ehlo
            + QByteArrayList{"MAIL FROM:<a@example.org> BODY=BINARYMIME",
                             "RCPT TO:<b@example.net>"})
        << QByteArray("DATA") << QByteArray("503 5.5.1");
    QTest::newRow("vrfy") << none << QByteArray("VRFY bob") << QByteArray("252 2.5.2");
    QTest::newRow("vrfy without argument") << none << QByteArray("VRFY") << QByteArray("501 5.5.4");
    QTest::newRow("expn") << none << QByteArray("EXPN staff") << QByteArray("502 5.5.1");
    QTest::newRow("help") << none << QByteArray("HELP") << QByteArray("214 2.0.0");
    QTest::newRow("unknown") << none << QByteArray("FROB x") << QByteArray("500 5.5.1");
    QTest::newRow("empty line") << none << QByteArray("") << QByteArray("500 5.5.1");
    QTest::newRow("nul in command")
        << none << QByteArrayLiteral("NOOP\0x") << QByteArray("500 5.5.2");
    QTest::newRow("bare cr in command") << none << QByteArray("NOOP\rx") << QByteArray("500 5.5.2");
    QTest::newRow("auth not advertised")
        << ehlo << QByteArray("AUTH PLAIN AGFAAGI=") << QByteArray("503 5.5.1");
    QTest::newRow("starttls") << ehlo << QByteArray("STARTTLS") << QByteArray("220 2.0.0");
    QTest::newRow("starttls before ehlo")
        << none << QByteArray("STARTTLS") << QByteArray("503 5.5.1");
    QTest::newRow("starttls after helo")
        << helo << QByteArray("STARTTLS") << QByteArray("503 5.5.1");
    QTest::newRow("starttls with argument")
        << ehlo << QByteArray("STARTTLS now") << QByteArray("501 5.5.4");
    QTest::newRow("quit") << none << QByteArray("QUIT")
                          << QByteArray("221 2.0.0 mx.example.test closing connection");
    QTest::newRow("bdat before mail")
        << ehlo << QByteArray("BDAT 0 LAST") << QByteArray("503 5.5.1");
    QTest::newRow("bdat without recipients")
        << mail << QByteArray("BDAT 0 LAST") << QByteArray("554 5.5.1");
    QTest::newRow("bdat after helo")
        << (helo + QByteArrayList{"MAIL FROM:<a@example.org>", "RCPT TO:<b@example.net>"})
        << QByteArray("BDAT 0 LAST") << QByteArray("503 5.5.1");
}

void tst_SmtpSession::commands()
{
    QFETCH(QByteArrayList, setup);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, expected);

    Owner owner;
    owner.autoTls = false;
    for (const QByteArray &step : setup) {
        const QByteArray out = owner.send(step + "\r\n");
        QVERIFY2(out.startsWith('2'), out.constData());
    }
    const QByteArray out = owner.send(command + "\r\n");
    QVERIFY2(lastLine(out).startsWith(expected), out.constData());
    QCOMPARE(replyCodes(out).size(), 1);

    // ENHANCEDSTATUSCODES: every reply carries one, except EHLO/HELO lines and 354 (RFC 2034).
    if (!command.toUpper().startsWith("EHLO") && !command.toUpper().startsWith("HELO")
        && !expected.startsWith('3')) {
        static const QRegularExpression enhanced(
            QStringLiteral("^([245])\\d\\d \\1\\.\\d{1,3}\\.\\d{1,3} "));
        QVERIFY2(enhanced.match(QString::fromLatin1(lastLine(out))).hasMatch(), out.constData());
    }
    QCOMPARE(owner.session.isClosed(), expected.startsWith("221"));
}

void tst_SmtpSession::ehloKeywords_data()
{
    QTest::addColumn<bool>("tlsAvailable");
    QTest::addColumn<bool>("advertiseStartTls");
    QTest::addColumn<bool>("implicitTls");
    QTest::addColumn<qint64>("sizeLimit");
    QTest::addColumn<bool>("expectStartTls");
    QTest::addColumn<QByteArray>("expectSize");

    QTest::newRow("certificate") << true << true << false << qint64(10000) << true
                                 << QByteArray("SIZE 10000");
    QTest::newRow("no certificate")
        << false << true << false << qint64(10000) << false << QByteArray("SIZE 10000");
    QTest::newRow("listener without starttls")
        << true << false << false << qint64(10000) << false << QByteArray("SIZE 10000");
    QTest::newRow("implicit tls") << true << true << true << qint64(10000) << false
                                  << QByteArray("SIZE 10000");
    QTest::newRow("no size limit")
        << true << true << false << qint64(0) << true << QByteArray("SIZE");
}

void tst_SmtpSession::ehloKeywords()
{
    QFETCH(bool, tlsAvailable);
    QFETCH(bool, advertiseStartTls);
    QFETCH(bool, implicitTls);
    QFETCH(qint64, sizeLimit);
    QFETCH(bool, expectStartTls);
    QFETCH(QByteArray, expectSize);

    SmtpSessionSettings settings = testSettings();
    settings.tlsAvailable = tlsAvailable;
    settings.advertiseStartTls = advertiseStartTls;
    settings.implicitTls = implicitTls;
    settings.messageSizeLimit = sizeLimit;
    Owner owner(settings);
    const QByteArray out = owner.send(kEhlo);
    QByteArrayList keywords;
    for (const QByteArray &line : out.split('\n')) {
        if (line.size() > 4)
            keywords << line.sliced(4).trimmed();
    }
    QCOMPARE(keywords.value(0), QByteArray("mx.example.test Hello client.example [192.0.2.10]"));
    QByteArrayList expected{expectSize, "8BITMIME", "PIPELINING",
                            "CHUNKING", "SMTPUTF8", "ENHANCEDSTATUSCODES"};
    if (expectStartTls)
        expected << "STARTTLS";
    expected << "HELP";
    QCOMPARE(keywords.mid(1), expected);
    QVERIFY(out.endsWith("250 HELP\r\n"));
}

void tst_SmtpSession::pipelinedTransaction()
{
    Owner owner;
    owner.send(kEhlo);
    const QByteArray group = lines({"MAIL FROM:<a@example.org>", "RCPT TO:<b@example.net>",
                                    "RCPT TO:<c@example.net>", "RCPT TO:<bad>", "DATA"});
    QCOMPARE(replyCodes(owner.send(group)), QList<int>({250, 250, 250, 501, 354}));
    const QByteArray out = owner.send("Subject: hi\r\n\r\nHello\r\n..dot\r\n.\r\nQUIT\r\n");
    QCOMPARE(out,
             QByteArray("250 2.0.0 OK id=id1\r\n221 2.0.0 mx.example.test closing connection\r\n"));
    QCOMPARE(owner.messages.size(), 1);
    const SmtpMessage &message = owner.messages.first();
    QCOMPARE(message.sender, QStringLiteral("a@example.org"));
    QCOMPARE(message.recipients,
             QStringList({QStringLiteral("b@example.net"), QStringLiteral("c@example.net")}));
    QCOMPARE(message.data, QByteArray("Subject: hi\r\n\r\nHello\r\n.dot\r\n"));
    QCOMPARE(message.size, message.data.size());
    QCOMPARE(message.heloName, QStringLiteral("client.example"));
    QCOMPARE(message.protocol, QStringLiteral("esmtp"));
    QCOMPARE(message.peer.address, testPeer().address);
    QCOMPARE(message.peer.port, testPeer().port);
    QCOMPARE(message.peer.localPort, quint16(25));
    QVERIFY(message.proxyAddress.isNull());
    QVERIFY(message.tlsProtocol.isEmpty());
    QVERIFY(!message.chunked);
    QCOMPARE(owner.closes, 1);
    QVERIFY(owner.session.isClosed());
}

void tst_SmtpSession::protocolNames_data()
{
    QTest::addColumn<QByteArray>("hello");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("expected");

    QTest::newRow("helo") << QByteArray("HELO c.example\r\n") << false << QStringLiteral("smtp");
    QTest::newRow("ehlo") << QByteArray("EHLO c.example\r\n") << false << QStringLiteral("esmtp");
    QTest::newRow("helo in tls") << QByteArray("HELO c.example\r\n") << true
                                 << QStringLiteral("smtps");
    QTest::newRow("ehlo in tls") << QByteArray("EHLO c.example\r\n") << true
                                 << QStringLiteral("esmtps");
}

void tst_SmtpSession::protocolNames()
{
    QFETCH(QByteArray, hello);
    QFETCH(bool, tls);
    QFETCH(QString, expected);

    SmtpSessionSettings settings = testSettings();
    settings.implicitTls = tls;
    Owner owner(settings, false);
    if (tls)
        owner.session.tlsEstablished(QStringLiteral("TLSv1.2"),
                                     QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"));
    owner.session.start();
    owner.collect();
    owner.send(hello);
    owner.send("MAIL FROM:<a@example.org>\r\n");
    owner.send("RCPT TO:<b@example.net>\r\n");
    owner.send("DATA\r\n");
    owner.send("x\r\n.\r\n");
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().protocol, expected);
    QCOMPARE(owner.messages.first().tlsProtocol, tls ? QStringLiteral("TLSv1.2") : QString());
}

void tst_SmtpSession::messageAttributes()
{
    Owner owner;
    owner.send(kEhlo);
    owner.send("MAIL FROM:<jörg@example.org> SIZE=40 BODY=8BITMIME SMTPUTF8\r\n"
               "RCPT TO:<postmaster>\r\nDATA\r\n");
    owner.send("Subject: \xc3\xa4\r\n\r\nbody\r\n.\r\n");
    QCOMPARE(owner.messages.size(), 1);
    const SmtpMessage &message = owner.messages.first();
    QCOMPARE(message.sender, QStringLiteral("jörg@example.org"));
    QCOMPARE(message.recipients, QStringList{QStringLiteral("postmaster")});
    QCOMPARE(message.bodyType, SmtpBodyType::EightBitMime);
    QVERIFY(message.smtpUtf8);
    QCOMPARE(message.declaredSize, qint64(40));
    QCOMPARE(message.size, qint64(21));
}

void tst_SmtpSession::spaceCheckedAtMail()
{
    QList<qint64> asked;
    SmtpSessionSettings settings = testSettings();
    settings.spaceAvailable = [&asked](qint64 size) {
        asked << size;
        return size < 500;
    };
    Owner owner(settings);
    owner.send(kEhlo);
    QVERIFY(owner.send("MAIL FROM:<a@example.org> SIZE=100\r\n").startsWith("250 2.1.0"));
    owner.send("RSET\r\n");
    QVERIFY(owner.send("MAIL FROM:<a@example.org> SIZE=600\r\n").startsWith("452 4.3.1"));
    QVERIFY(owner.send("MAIL FROM:<a@example.org>\r\n").startsWith("250 2.1.0"));
    QCOMPARE(asked, QList<qint64>({100, 600, 0}));
}

void tst_SmtpSession::synchronization_data()
{
    QTest::addColumn<QByteArrayList>("rounds");
    QTest::addColumn<QList<int>>("lastCodes");

    const QByteArray envelope = "MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\n";
    QTest::newRow("after EHLO") << QByteArrayList{"EHLO c.example\r\nMAIL FROM:<a@example.org>\r\n"}
                                << QList<int>{554};
    QTest::newRow("after HELO") << QByteArrayList{"HELO c.example\r\nMAIL FROM:<a@example.org>\r\n"}
                                << QList<int>{554};
    QTest::newRow("pipelining not advertised")
        << QByteArrayList{"HELO c.example\r\n", envelope} << QList<int>{554};
    QTest::newRow("before any HELO") << QByteArrayList{"RSET\r\nRSET\r\n"} << QList<int>{554};
    QTest::newRow("after DATA") << QByteArrayList{kEhlo, envelope + "DATA\r\nSubject: x\r\n"}
                                << QList<int>{250, 250, 554};
    QTest::newRow("after NOOP") << QByteArrayList{kEhlo, "NOOP\r\n" + envelope} << QList<int>{554};
    QTest::newRow("after QUIT") << QByteArrayList{"QUIT\r\nNOOP\r\n"} << QList<int>{554};
    QTest::newRow("after VRFY") << QByteArrayList{kEhlo, "VRFY bob\r\nNOOP\r\n"} << QList<int>{554};
    QTest::newRow("after AUTH without initial response")
        << QByteArrayList{kEhlo, "AUTH PLAIN\r\nAGFAAGI=\r\n"} << QList<int>{554};
    QTest::newRow("incomplete next command counts")
        << QByteArrayList{kEhlo, "NOOP\r\nNO"} << QList<int>{554};

    QTest::newRow("pipelined group") << QByteArrayList{kEhlo, envelope + "RSET\r\n" + envelope}
                                     << QList<int>{250, 250, 250, 250, 250};
    QTest::newRow("after end of data")
        << QByteArrayList{kEhlo, envelope + "DATA\r\n", "x\r\n.\r\nQUIT\r\n"}
        << QList<int>{250, 221};
    QTest::newRow("AUTH with initial response")
        << QByteArrayList{kEhlo, "AUTH PLAIN AGFAAGI=\r\nNOOP\r\n"} << QList<int>{503, 250};
    QTest::newRow("BDAT with its chunk")
        << QByteArrayList{kEhlo, envelope + "BDAT 4\r\nabcdBDAT 0 LAST\r\nQUIT\r\n"}
        << QList<int>{250, 250, 250, 250, 221};
}

void tst_SmtpSession::synchronization()
{
    QFETCH(QByteArrayList, rounds);
    QFETCH(QList<int>, lastCodes);

    Owner owner;
    QByteArray out;
    for (const QByteArray &round : rounds)
        out = owner.send(round);
    QCOMPARE(replyCodes(out), lastCodes);
    const bool syncError = lastCodes.last() == 554;
    if (syncError)
        QVERIFY(lastLine(out).startsWith("554 5.5.0 "));
    QCOMPARE(owner.session.isClosed(), syncError || lastCodes.last() == 221);
    const bool completesMessage
        = rounds.last().contains("\r\n.\r\n") || rounds.last().contains("LAST");
    QCOMPARE(owner.messages.size(), completesMessage ? 1 : 0);
}

void tst_SmtpSession::earlyTalkerWithDelayedGreeting()
{
    Owner owner(testSettings(), false);
    const QByteArray out = owner.send("EHLO eager.example\r\n");
    QVERIFY2(out.startsWith("554 5.5.0 "), out.constData());
    QCOMPARE(replyCodes(out).size(), 1);
    QVERIFY(owner.session.isClosed());
    QCOMPARE(owner.closes, 1);
    owner.session.start();
    QVERIFY(owner.collect().isEmpty());
}

void tst_SmtpSession::implicitTlsStartsCleanly()
{
    // The owner feeds only decrypted bytes, so the ClientHello never reaches the session.
    SmtpSessionSettings settings = testSettings();
    settings.implicitTls = true;
    Owner owner(settings, false);
    QVERIFY(owner.session.isInTls());
    owner.session.tlsEstablished(QStringLiteral("TLSv1.3"),
                                 QStringLiteral("TLS_AES_256_GCM_SHA384"));
    owner.session.start();
    QVERIFY(owner.collect().startsWith("220 mx.example.test ESMTP"));
    const QByteArray ehlo = owner.send(kEhlo);
    QVERIFY(ehlo.endsWith("250 HELP\r\n"));
    QVERIFY(!ehlo.contains("STARTTLS"));
    QVERIFY(owner.send("STARTTLS\r\n").startsWith("503 5.5.1"));
    owner.send(kEnvelope);
    owner.send("x\r\n.\r\n");
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().protocol, QStringLiteral("esmtps"));
    QCOMPARE(owner.messages.first().tlsCipher, QStringLiteral("TLS_AES_256_GCM_SHA384"));
    QVERIFY(!owner.session.isClosed());
}

void tst_SmtpSession::commandLineLength_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("511") << 511 << QByteArray("250 2.0.0");
    QTest::newRow("512") << 512 << QByteArray("250 2.0.0");
    QTest::newRow("513") << 513 << QByteArray("500 5.5.2");
    QTest::newRow("4000") << 4000 << QByteArray("500 5.5.2");
}

void tst_SmtpSession::commandLineLength()
{
    QFETCH(int, length);
    QFETCH(QByteArray, expected);

    Owner owner;
    const QByteArray line = "NOOP " + QByteArray(length - 7, 'x') + "\r\n";
    QCOMPARE(line.size(), length);
    QVERIFY(owner.send(line).startsWith(expected));
    QVERIFY(owner.send("NOOP\r\n").startsWith("250 2.0.0"));
}

void tst_SmtpSession::overlongCommandUsesBoundedMemory()
{
    Owner owner;
    const QByteArray piece(4096, 'A');
    for (int i = 0; i < 256; ++i) {
        QVERIFY(owner.send(piece).isEmpty());
        QVERIFY(owner.session.bufferedBytes() <= 512);
    }
    QVERIFY(owner.send("\r\n").startsWith("500 5.5.2"));
    QVERIFY(owner.send("NOOP\r\n").startsWith("250 2.0.0"));
}

void tst_SmtpSession::dataLineLength_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("998") << QByteArray(998, 'x') << true;
    QTest::newRow("999") << QByteArray(999, 'x') << false;
    QTest::newRow("stuffed 998") << "." + QByteArray(998, '.') << true;
    QTest::newRow("stuffed 999") << "." + QByteArray(999, '.') << false;
    QTest::newRow("5000") << QByteArray(5000, 'x') << false;
}

void tst_SmtpSession::dataLineLength()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, accepted);

    Owner owner;
    openData(owner);
    const QByteArray out = owner.send("a\r\n" + line + "\r\nb\r\n.\r\n");
    QCOMPARE(owner.messages.size(), accepted ? 1 : 0);
    QVERIFY2(out.startsWith(accepted ? "250 2.0.0" : "550 5.6.0"), out.constData());
    QVERIFY(owner.send("MAIL FROM:<a@example.org>\r\n").startsWith("250 2.1.0"));
}

void tst_SmtpSession::recipientsMax()
{
    SmtpSessionSettings settings = testSettings();
    settings.recipientsMax = 3;
    Owner owner(settings);
    owner.send(kEhlo);
    const QByteArray group
        = lines({"MAIL FROM:<a@example.org>", "RCPT TO:<postmaster>", "RCPT TO:<r2@example.net>",
                 "RCPT TO:<r3@example.net>", "RCPT TO:<r4@example.net>",
                 "RCPT TO:<postmaster@example.net>", "DATA"});
    const QByteArray out = owner.send(group);
    QCOMPARE(replyCodes(out), QList<int>({250, 250, 250, 250, 452, 452, 354}));
    QVERIFY(out.contains("452 4.5.3 "));
    owner.send("x\r\n.\r\n");
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().recipients,
             QStringList({QStringLiteral("postmaster"), QStringLiteral("r2@example.net"),
                          QStringLiteral("r3@example.net")}));
}

void tst_SmtpSession::sizeLimitDuringData()
{
    Owner owner;
    openData(owner);
    const QByteArray line = QByteArray(78, 'x') + "\r\n";
    for (int i = 0; i < 1000; ++i) {
        QVERIFY(owner.send(line).isEmpty());
        QVERIFY(owner.session.bufferedBytes() <= kSizeLimit);
    }
    QVERIFY(owner.send(".\r\n").startsWith("552 5.3.4"));
    QVERIFY(owner.messages.isEmpty());
    QVERIFY(!owner.session.isClosed());

    // Exactly at the limit is fine.
    owner.send(kEnvelope);
    const QByteArray body = (QByteArray(98, 'y') + "\r\n").repeated(kSizeLimit / 100);
    QVERIFY(owner.send(body + ".\r\n").startsWith("250 2.0.0"));
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().size, kSizeLimit);
}

void tst_SmtpSession::sizeLimitDuringBdat()
{
    Owner owner;
    owner.send(kEhlo);
    const QByteArray chunk = QByteArray(5996, 'z') + "QUIT\r\n";
    const QByteArray out
        = owner.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nBDAT 6002\r\n" + chunk
                     + "BDAT 6002 LAST\r\n" + chunk);
    QCOMPARE(replyCodes(out), QList<int>({250, 250, 250, 552}));
    QVERIFY(owner.messages.isEmpty());
    QVERIFY(!owner.session.isClosed());
    QVERIFY(owner.session.bufferedBytes() <= kSizeLimit);
    // The failed chunk ended the transaction.
    QVERIFY(owner.send("BDAT 1 LAST\r\nx").startsWith("503 5.5.1"));
    QVERIFY(owner.send("MAIL FROM:<a@example.org>\r\n").startsWith("250 2.1.0"));
}

void tst_SmtpSession::tooManyErrors()
{
    Owner owner;
    for (int i = 1; i < 10; ++i)
        QVERIFY(owner.send("FROB\r\n").startsWith("500 5.5.1"));
    QVERIFY(!owner.session.isClosed());
    const QByteArray out = owner.send("FROB\r\n");
    QCOMPARE(replyCodes(out), QList<int>({500, 421}));
    QVERIFY(lastLine(out).startsWith("421 4.7.0 "));
    QVERIFY(owner.session.isClosed());
    QCOMPARE(owner.closes, 1);
    QVERIFY(owner.send("NOOP\r\n").isEmpty());
}

void tst_SmtpSession::bareLineEndings_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("bare LF in a line") << QByteArray("a\nb\r\n");
    QTest::newRow("bare CR in a line") << QByteArray("a\rb\r\n");
    QTest::newRow("LF . CRLF") << QByteArray("x\n.\r\n");
    QTest::newRow("CRLF . LF") << QByteArray("x\r\n.\n");
    QTest::newRow("LF . LF") << QByteArray("x\n.\n");
    QTest::newRow("CR . CRLF") << QByteArray("x\r.\r\n");
    QTest::newRow("CRLF . CR") << QByteArray("x\r\n.\r");
    QTest::newRow("CRLF . CR x") << QByteArray("x\r\n.\rx\r\n");
    QTest::newRow("CR . CR") << QByteArray("x\r.\r");
    QTest::newRow("CR CR LF") << QByteArray("x\r\r\n");
    QTest::newRow("LF . CRLF at start") << QByteArray("\n.\r\n");
    QTest::newRow("CR . CRLF at start") << QByteArray("\r.\r\n");
    QTest::newRow(". LF at start") << QByteArray(".\n");
    QTest::newRow("CRLF LF . CRLF") << QByteArray("x\r\n\n.\r\n");
    QTest::newRow("trailing bare LF") << QByteArray("x\n");
    QTest::newRow("trailing bare CR") << QByteArray("x\r");
    QTest::newRow("smuggled transaction") << QByteArray(
        "x\r\n.\nMAIL FROM:<evil@example.org>\r\nRCPT TO:<v@example.net>\r\nDATA\r\nevil\r\n");
    QTest::newRow("smuggled with LF . LF")
        << QByteArray("x\n.\nMAIL FROM:<evil@example.org>\nRCPT TO:<v@example.net>\nDATA\nevil\n");
}

void tst_SmtpSession::bareLineEndings()
{
    QFETCH(QByteArray, body);

    Owner owner;
    openData(owner);
    QVERIFY2(owner.send(body).isEmpty(), "a bare line ending ended DATA");
    QVERIFY(owner.session.isReceivingData());
    const QByteArray out = owner.send("\r\n.\r\n");
    QCOMPARE(replyCodes(out), QList<int>{550});
    QVERIFY(out.startsWith("550 5.5.2 "));
    QVERIFY(owner.messages.isEmpty());
    QVERIFY(!owner.session.isReceivingData());
    QVERIFY(owner.send("MAIL FROM:<a@example.org>\r\n").startsWith("250 2.1.0"));
}

void tst_SmtpSession::nulNeverEndsData()
{
    Owner owner;
    openData(owner);
    QVERIFY(owner.send(QByteArrayLiteral("a\0b\r\n\0.\r\n.\0\r\n")).isEmpty());
    QVERIFY(owner.send(".\r\n").startsWith("250 2.0.0"));
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().data, QByteArrayLiteral("a\0b\r\n\0.\r\n\0\r\n"));
}

void tst_SmtpSession::dataSplitAnywhere_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("stored"); // empty: refused with 550
    QTest::addColumn<int>("piece");

    const QByteArray text
        = "Subject: x\r\n\r\n..dot\r\n..\r\n" + QByteArray(998, 'y') + "\r\nend.\r\n";
    const QByteArray kept
        = "Subject: x\r\n\r\n.dot\r\n.\r\n" + QByteArray(998, 'y') + "\r\nend.\r\n";
    const QList<int> pieces = {1, 2, 3, 5, 13, 64, 1 << 20};
    for (const int piece : pieces) {
        QTest::addRow("stuffed text, %d-byte pieces", piece) << text + ".\r\n" << kept << piece;
        QTest::addRow("bare LF mid-text, %d-byte pieces", piece) << text + "a\nb\r\n.\r\n"
                                                                 << QByteArray() << piece;
        QTest::addRow("bare CR mid-text, %d-byte pieces", piece) << text + "a\r.\r\n\r\n.\r\n"
                                                                 << QByteArray() << piece;
        QTest::addRow("LF . CRLF is no end, %d-byte pieces", piece) << text + "x\n.\r\n\r\n.\r\n"
                                                                    << QByteArray() << piece;
        QTest::addRow("999-octet line, %d-byte pieces", piece)
            << "." + QByteArray(999, 'z') + "\r\n.\r\n"
            << QByteArray() << piece;
    }
}

// The same bytes give the same verdict and the same stored text however the network cuts them.
void tst_SmtpSession::dataSplitAnywhere()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, stored);
    QFETCH(int, piece);

    Owner owner;
    openData(owner);
    QByteArray out;
    for (qsizetype at = 0; at < wire.size(); at += piece)
        out += owner.send(wire.mid(at, piece));
    if (stored.isEmpty()) {
        QCOMPARE(replyCodes(out), QList<int>{550});
        QVERIFY(owner.messages.isEmpty());
    } else {
        QCOMPARE(replyCodes(out), QList<int>{250});
        QCOMPARE(owner.messages.size(), 1);
        QCOMPARE(owner.messages.first().data, stored);
    }
    QVERIFY(!owner.session.isReceivingData());
}

void tst_SmtpSession::dotUnstuffing_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("stored");

    QTest::newRow("empty message") << QByteArray() << QByteArray();
    QTest::newRow("empty line") << QByteArray("\r\n") << QByteArray("\r\n");
    QTest::newRow("two dots") << QByteArray("..\r\n") << QByteArray(".\r\n");
    QTest::newRow("three dots") << QByteArray("...\r\n") << QByteArray("..\r\n");
    QTest::newRow("dot text") << QByteArray("..x\r\n") << QByteArray(".x\r\n");
    QTest::newRow("single leading dot dropped")
        << QByteArray("a\r\n.b\r\n") << QByteArray("a\r\nb\r\n");
    QTest::newRow("dot space") << QByteArray(". \r\n") << QByteArray(" \r\n");
    QTest::newRow("dot inside line") << QByteArray("a.b\r\n") << QByteArray("a.b\r\n");
    QTest::newRow("dot at line end") << QByteArray("a.\r\n") << QByteArray("a.\r\n");
    QTest::newRow("dot lines") << QByteArray("..\r\n..\r\n") << QByteArray(".\r\n.\r\n");
}

void tst_SmtpSession::dotUnstuffing()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, stored);

    Owner owner;
    openData(owner);
    const QByteArray out = owner.send(wire + ".\r\n");
    QVERIFY2(out.startsWith("250 2.0.0"), out.constData());
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().data, stored);
}

void tst_SmtpSession::bdatTransaction()
{
    Owner owner;
    owner.send(kEhlo);
    const QByteArray first = "QUIT\r\n.\r\nRSET\r\n";
    const QByteArray out
        = owner.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nBDAT "
                     + QByteArray::number(first.size()) + "\r\n" + first + "BDAT 3 LAST\r\nend");
    QCOMPARE(out,
             QByteArray(
                 "250 2.1.0 Sender OK\r\n250 2.1.5 Recipient OK\r\n250 2.0.0 15 octets received\r\n"
                 "250 2.0.0 OK id=id1\r\n"));
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().data, first + "end");
    QVERIFY(owner.messages.first().chunked);
    QVERIFY(!owner.session.isClosed());

    // An empty last chunk ends a message too.
    QCOMPARE(replyCodes(owner.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\n"
                                   "BDAT 2\r\nhiBDAT 0 LAST\r\n")),
             QList<int>({250, 250, 250, 250}));
    QCOMPARE(owner.messages.size(), 2);
    QCOMPARE(owner.messages.last().data, QByteArray("hi"));
}

void tst_SmtpSession::bdatBinaryMime()
{
    Owner owner;
    owner.send(kEhlo);
    const QByteArray binary = QByteArrayLiteral("\0\xff\n\r.\r\n");
    owner.send(
        "MAIL FROM:<a@example.org> BODY=BINARYMIME\r\nRCPT TO:<b@example.net>\r\nBDAT 7 LAST\r\n"
        + binary);
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().data, binary);
    QCOMPARE(owner.messages.first().bodyType, SmtpBodyType::BinaryMime);
}

void tst_SmtpSession::bdatOutOfSequenceConsumesChunk()
{
    Owner owner;
    owner.send(kEhlo);
    const QByteArray out = owner.send("BDAT 6 LAST\r\nQUIT\r\n");
    QCOMPARE(out, QByteArray("503 5.5.1 Error: need MAIL command\r\n"));
    QVERIFY(!owner.session.isClosed());
    QVERIFY(owner.send("NOOP\r\n").startsWith("250 2.0.0"));
}

void tst_SmtpSession::dataAfterBdat()
{
    Owner owner;
    owner.send(kEhlo);
    owner.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nBDAT 3\r\nabc");
    QVERIFY(owner.send("DATA\r\n").startsWith("503 5.5.1"));
    QVERIFY(owner.send("BDAT 3 LAST\r\ndef").startsWith("250 2.0.0 OK id=id1"));
    QCOMPARE(owner.messages.first().data, QByteArray("abcdef"));
}

void tst_SmtpSession::bdatMalformed_data()
{
    QTest::addColumn<QByteArray>("command");

    QTest::newRow("no size") << QByteArray("BDAT");
    QTest::newRow("not a number") << QByteArray("BDAT x");
    QTest::newRow("negative") << QByteArray("BDAT -1");
    QTest::newRow("unknown keyword") << QByteArray("BDAT 1 FIRST");
    QTest::newRow("extra word") << QByteArray("BDAT 1 LAST x");
    QTest::newRow("too large") << QByteArray("BDAT 12345678901234567890");
}

void tst_SmtpSession::bdatMalformed()
{
    QFETCH(QByteArray, command);

    Owner owner;
    owner.send(kEhlo);
    owner.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\n");
    const QByteArray out = owner.send(command + "\r\nNOOP\r\n");
    QCOMPARE(out, QByteArray("521 5.5.4 Syntax: BDAT count [LAST]\r\n"));
    QVERIFY(owner.session.isClosed());
    QCOMPARE(owner.closes, 1);
}

void tst_SmtpSession::startTls()
{
    Owner owner;
    owner.autoTls = false;
    const QByteArray ehlo = owner.send(kEhlo);
    QVERIFY(ehlo.contains("250-STARTTLS\r\n"));
    QCOMPARE(owner.send("STARTTLS\r\n"), QByteArray("220 2.0.0 Ready to start TLS\r\n"));
    QCOMPARE(owner.startTls, 1);
    QVERIFY(!owner.session.isInTls());

    owner.session.tlsEstablished(QStringLiteral("TLSv1.3"),
                                 QStringLiteral("TLS_AES_128_GCM_SHA256"));
    QVERIFY(owner.collect().isEmpty()); // no second greeting (RFC 3207)
    QVERIFY(owner.session.isInTls());
    QVERIFY(owner.send("MAIL FROM:<a@example.org>\r\n").startsWith("503 5.5.1"));
    const QByteArray secondEhlo = owner.send(kEhlo);
    QVERIFY(secondEhlo.endsWith("250 HELP\r\n"));
    QVERIFY(!secondEhlo.contains("STARTTLS"));
    QVERIFY(owner.send("STARTTLS\r\n").startsWith("503 5.5.1"));
    owner.send(kEnvelope);
    owner.send("x\r\n.\r\n");
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().protocol, QStringLiteral("esmtps"));
    QCOMPARE(owner.messages.first().tlsProtocol, QStringLiteral("TLSv1.3"));
    QCOMPARE(owner.messages.first().tlsCipher, QStringLiteral("TLS_AES_128_GCM_SHA256"));
}

void tst_SmtpSession::startTlsInjection_data()
{
    QTest::addColumn<QByteArray>("trailing");

    QTest::newRow("command") << QByteArray("MAIL FROM:<attacker@example.org>\r\n");
    QTest::newRow("ehlo") << QByteArray("EHLO evil.example\r\n");
    QTest::newRow("empty line") << QByteArray("\r\n");
    QTest::newRow("one byte") << QByteArray("x");
}

void tst_SmtpSession::startTlsInjection()
{
    QFETCH(QByteArray, trailing);

    Owner owner;
    owner.send(kEhlo);
    const QByteArray out = owner.send("STARTTLS\r\n" + trailing);
    QCOMPARE(replyCodes(out), QList<int>{554});
    QVERIFY(out.startsWith("554 5.5.1 "));
    QCOMPARE(owner.startTls, 0);
    QCOMPARE(owner.closes, 1);
    QVERIFY(owner.session.isClosed());
    QVERIFY(!owner.session.isInTls());
}

void tst_SmtpSession::inputDuringTlsHandshake()
{
    Owner owner;
    owner.autoTls = false;
    owner.send(kEhlo);
    owner.send("STARTTLS\r\n");
    QCOMPARE(owner.startTls, 1);
    QVERIFY(owner.send("MAIL FROM:<attacker@example.org>\r\n").isEmpty());
    QVERIFY(owner.session.isClosed());
    QCOMPARE(owner.closes, 1);
    QTest::ignoreMessage(QtWarningMsg,
                         "tlsEstablished() without a pending TLS negotiation ignored");
    owner.session.tlsEstablished(QStringLiteral("TLSv1.3"),
                                 QStringLiteral("TLS_AES_128_GCM_SHA256"));
    QVERIFY(owner.collect().isEmpty());
}

void tst_SmtpSession::splitAtEveryByte()
{
    // Each round is what a client following RFC 2920 sends before waiting for replies.
    const QByteArrayList rounds{
        kEhlo,
        lines({"MAIL FROM:<a@example.org> SIZE=100 BODY=8BITMIME", "RCPT TO:<b@example.net>",
               "RCPT TO:<postmaster>", "DATA"}),
        "Subject: split\r\n\r\n..leading dot\r\nline two\r\n.\r\nMAIL FROM:<c@example.org>\r\n"
        "RCPT TO:<d@example.net>\r\nBDAT 10\r\n0123456789BDAT 5 LAST\r\nabcde",
        "QUIT\r\n",
    };
    const auto run = [&rounds](qsizetype round, qsizetype split, Owner &owner) {
        for (qsizetype i = 0; i < rounds.size(); ++i) {
            if (i == round) {
                owner.send(rounds.at(i).first(split));
                owner.send(rounds.at(i).sliced(split));
            } else {
                owner.send(rounds.at(i));
            }
        }
    };
    Owner reference;
    run(-1, 0, reference);
    QCOMPARE(reference.messages.size(), 2);
    QCOMPARE(reference.messages.at(0).data,
             QByteArray("Subject: split\r\n\r\n.leading dot\r\nline two\r\n"));
    QCOMPARE(reference.messages.at(1).data, QByteArray("0123456789abcde"));
    QVERIFY(reference.session.isClosed());

    const auto sameAsReference = [&reference](const Owner &owner) {
        if (owner.output != reference.output || owner.messages.size() != reference.messages.size())
            return false;
        for (qsizetype i = 0; i < owner.messages.size(); ++i) {
            const SmtpMessage &a = owner.messages.at(i);
            const SmtpMessage &b = reference.messages.at(i);
            if (a.data != b.data || a.sender != b.sender || a.recipients != b.recipients)
                return false;
        }
        return true;
    };
    for (qsizetype round = 0; round < rounds.size(); ++round) {
        for (qsizetype split = 1; split < rounds.at(round).size(); ++split) {
            Owner owner;
            run(round, split, owner);
            QVERIFY2(sameAsReference(owner),
                     qPrintable(QStringLiteral("round %1 split at %2").arg(round).arg(split)));
        }
    }
    Owner bytewise;
    for (const QByteArray &round : rounds) {
        for (const char c : round)
            bytewise.send(QByteArrayView(&c, 1));
    }
    QVERIFY(sameAsReference(bytewise));
}

void tst_SmtpSession::waitsForStore()
{
    Owner owner;
    owner.autoStore = false;
    openData(owner);
    QVERIFY(owner.send("x\r\n.\r\nMAIL FROM:<a@example.org>\r\n").isEmpty());
    QCOMPARE(owner.messages.size(), 1);
    QVERIFY(owner.session.isWaitingForStore());
    QVERIFY(owner.send("RCPT TO:<b@example.net>\r\n").isEmpty());
    owner.session.messageStored(QStringLiteral("1qAbCd-000001-XY"));
    QCOMPARE(owner.collect(), QByteArray("250 2.0.0 OK id=1qAbCd-000001-XY\r\n250 2.1.0 Sender "
                                         "OK\r\n250 2.1.5 Recipient OK\r\n"));
    QVERIFY(!owner.session.isWaitingForStore());
    // A second answer for the same message is ignored.
    QTest::ignoreMessage(QtWarningMsg, "messageStored() without a pending message ignored");
    owner.session.messageStored(QStringLiteral("again"));
    QVERIFY(owner.collect().isEmpty());
}

void tst_SmtpSession::storeFailures_data()
{
    QTest::addColumn<bool>("temporary");
    QTest::addColumn<bool>("insufficientStorage");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("io error") << true << false << QByteArray("451 4.3.0 ");
    QTest::newRow("disk full") << true << true << QByteArray("452 4.3.1 ");
    QTest::newRow("permanent") << false << false << QByteArray("554 5.3.0 ");
}

void tst_SmtpSession::storeFailures()
{
    QFETCH(bool, temporary);
    QFETCH(bool, insufficientStorage);
    QFETCH(QByteArray, expected);

    Owner owner;
    owner.autoStore = false;
    openData(owner);
    owner.send("x\r\n.\r\n");
    owner.session.messageFailed(temporary, QStringLiteral("fsync failed"), insufficientStorage);
    const QByteArray out = owner.collect();
    QVERIFY2(out.startsWith(expected), out.constData());
    QVERIFY(out.contains("fsync failed"));
    // The transaction is over either way.
    QVERIFY(owner.send("RCPT TO:<b@example.net>\r\n").startsWith("503 5.5.1"));
}

void tst_SmtpSession::storeReplyCannotInject()
{
    Owner owner;
    owner.autoStore = false;
    openData(owner);
    owner.send("x\r\n.\r\n");
    owner.session.messageStored(QStringLiteral("x\r\n250 injected"));
    const QByteArray out = owner.collect();
    QCOMPARE(out.count("\r\n"), 1);
    QCOMPARE(out.count('\n'), 1);
}

void tst_SmtpSession::pendingInputBounded()
{
    Owner owner;
    owner.autoStore = false;
    openData(owner);
    owner.send("x\r\n.\r\n");
    const QByteArray flood(64 * 1024, 'N');
    for (int i = 0; i < 64; ++i) {
        owner.send(flood);
        QVERIFY(owner.session.bufferedBytes() <= 1024 * 1024);
    }
    owner.session.messageStored(QStringLiteral("id"));
    const QByteArray out = owner.collect();
    QCOMPARE(replyCodes(out), QList<int>({250, 421}));
    QVERIFY(owner.session.isClosed());
}

void tst_SmtpSession::timeoutCloses()
{
    Owner owner;
    openData(owner);
    owner.session.timeout();
    QVERIFY(owner.collect().startsWith("421 4.4.2 mx.example.test "));
    QVERIFY(owner.session.isClosed());
    QCOMPARE(owner.closes, 1);
    QVERIFY(owner.logs.last().contains(QLatin1String("data timeout")));
    QVERIFY(owner.send("x\r\n.\r\n").isEmpty());
    owner.session.timeout();
    QVERIFY(owner.collect().isEmpty());
    QVERIFY(owner.messages.isEmpty());
}

void tst_SmtpSession::proxyFailed()
{
    Owner owner(testSettings(), false);
    owner.session.proxyFailed();
    owner.session.start();
    QVERIFY(owner.collect().startsWith("220 "));
    QCOMPARE(owner.send(kEhlo),
             QByteArray("503 Command refused, required Proxy negotiation failed\r\n"));
    QCOMPARE(owner.send("MAIL FROM:<a@example.org>\r\n"),
             QByteArray("503 Command refused, required Proxy negotiation failed\r\n"));
    QVERIFY(owner.send("QUIT\r\n").startsWith("221 2.0.0"));
    QVERIFY(owner.session.isClosed());
}

void tst_SmtpSession::proxiedPeer()
{
    Owner owner(testSettings(), false);
    SmtpPeer real = testPeer();
    real.address = QHostAddress(QStringLiteral("203.0.113.7"));
    real.port = 5555;
    owner.session.setProxiedPeer(real);
    owner.session.start();
    owner.collect();
    QVERIFY(owner.send(kEhlo).startsWith("250-mx.example.test Hello client.example [203.0.113.7]"));
    QCOMPARE(owner.session.hostField(), QStringLiteral("H=(client.example) [203.0.113.7]:5555"));
    owner.send(kEnvelope);
    owner.send("x\r\n.\r\n");
    QCOMPARE(owner.messages.size(), 1);
    QCOMPARE(owner.messages.first().peer.address, real.address);
    QCOMPARE(owner.messages.first().proxyAddress, testPeer().address);
    QCOMPARE(owner.messages.first().proxyPort, testPeer().port);
}

void tst_SmtpSession::otherProtocols_data()
{
    QTest::addColumn<bool>("afterEhlo");
    QTest::addColumn<QByteArray>("input");

    QTest::newRow("GET") << false << QByteArray("GET / HTTP/1.1\r\nHost: mx.example.test\r\n\r\n");
    QTest::newRow("POST") << false << QByteArray("POST /submit HTTP/1.0\r\n");
    QTest::newRow("CONNECT") << false << QByteArray("CONNECT mx.example.test:25 HTTP/1.1\r\n");
    QTest::newRow("Host header") << false << QByteArray("Host: mx.example.test\r\n");
    QTest::newRow("User-Agent header") << true << QByteArray("User-Agent: curl/8.0\r\n");
    QTest::newRow("GET mid-session") << true << QByteArray("GET /index.html\r\n");
    QTest::newRow("SSH") << false << QByteArray("SSH-2.0-OpenSSH_9.2\r\n");
    QTest::newRow("TLS ClientHello")
        << false << QByteArrayLiteral("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03");
}

void tst_SmtpSession::otherProtocols()
{
    QFETCH(bool, afterEhlo);
    QFETCH(QByteArray, input);

    Owner owner;
    if (afterEhlo)
        owner.send(kEhlo);
    const QByteArray out = owner.send(input);
    QCOMPARE(replyCodes(out), QList<int>{421});
    QVERIFY(out.startsWith("421 4.7.0 "));
    QVERIFY(owner.session.isClosed());
    QCOMPARE(owner.closes, 1);
}

void tst_SmtpSession::logsReasonsButNoBodies()
{
    SmtpSessionSettings settings = testSettings();
    settings.recipientsMax = 1;
    Owner owner(settings);
    owner.send(kEhlo);
    owner.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nRCPT "
               "TO:<c@example.net>\r\nDATA\r\n");
    owner.send("Subject: SECRET-BODY-TEXT\n\r\n.\r\n");
    const QString all = owner.logs.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String(
                 "F=<a@example.org> rejected RCPT <c@example.net>: too many recipients")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("bare CR or LF")), qPrintable(all));
    QVERIFY(all.contains(QLatin1String("H=(client.example) [192.0.2.10]:40000")));
    QVERIFY(!all.contains(QLatin1String("SECRET")));
}

void tst_SmtpSession::fuzz()
{
    QRandomGenerator random(20240611);
    const auto pick = [&random](int bound) {
        return int(random.bounded(bound));
    };
    const auto noise = [&pick](int length) {
        QByteArray bytes(length, '\0');
        for (char &c : bytes)
            c = char(pick(256));
        return bytes;
    };
    static const QByteArrayList senders{"<a@b.example>",
                                        "<>",
                                        "<x@[192.0.2.1]> SIZE=100",
                                        "<y@z.example> BODY=8BITMIME",
                                        "<q@r.example> BODY=BINARYMIME",
                                        "<j\xc3\xb6@s.example> SMTPUTF8",
                                        "bad"};
    static const QByteArrayList recipients{"<d@e.example>", "<postmaster>", "<f@g.example>", "<>",
                                           "x"};
    static const QByteArrayList bodyPieces{
        "text",      ".",       "..",      "\r\n",     "\r",        "\n", QByteArrayLiteral("\0"),
        "\r\n.\r\n", "\r\n.\n", "\n.\r\n", "QUIT\r\n", "BDAT 1\r\n"};
    static const QByteArrayList singles{
        "EHLO a.example\r\n", "HELO b.example\r\n", "STARTTLS\r\n", "RSET\r\n",
        "NOOP\r\n",           "VRFY x\r\n",         "QUIT\r\n",     "HELP\r\n",
        "AUTH PLAIN\r\n",     "GET / HTTP/1.1\r\n", "DATA\r\n",     "BDAT x\r\n"};

    // One round is what a client sends before it waits for replies: a command, an envelope group,
    // a body, BDAT chunks; mutated now and then.
    const auto makeRound = [&]() {
        QByteArray round;
        switch (pick(8)) {
        case 0:
        case 1:
            round = "EHLO a.example\r\n";
            break;
        case 2:
            round = pick(2) ? QByteArray("STARTTLS\r\n") : singles.at(pick(int(singles.size())));
            break;
        case 3: {
            round = "MAIL FROM:" + senders.at(pick(int(senders.size()))) + "\r\n";
            for (int i = pick(5); i > 0; --i)
                round += "RCPT TO:" + recipients.at(pick(int(recipients.size()))) + "\r\n";
            round += "DATA\r\n";
            break;
        }
        case 4:
            for (int i = pick(30); i > 0; --i)
                round += pick(10) ? bodyPieces.at(pick(int(bodyPieces.size())))
                                  : QByteArray(pick(1200), 'x');
            round += pick(8) ? "\r\n.\r\n" : "";
            break;
        case 5: {
            round = "MAIL FROM:<a@b.example>\r\nRCPT TO:<d@e.example>\r\n";
            for (int i = pick(3); i >= 0; --i) {
                const QByteArray chunk = noise(pick(300));
                const qsizetype declared = pick(6) ? chunk.size() : chunk.size() + pick(7) - 3;
                round += "BDAT " + QByteArray::number(std::max<qsizetype>(declared, 0))
                         + (i == 0 ? " LAST" : "") + "\r\n" + chunk;
            }
            break;
        }
        case 6:
            round = noise(1 + pick(80));
            break;
        default:
            round = QByteArray(1 + pick(2000), 'A') + "\r\n";
        }
        if (pick(8) == 0) {
            for (int i = 1 + pick(3); i > 0 && !round.isEmpty(); --i) {
                const qsizetype at = pick(int(round.size()));
                static const char replacements[] = {'\r', '\n', '.', '\0', ' ', ':'};
                if (pick(2))
                    round.insert(at, replacements[pick(int(sizeof replacements))]);
                else
                    round.remove(at, 1);
            }
        }
        return round;
    };

    // Proof that the fuzzer reaches the deep states, not only the syntax errors.
    int messagesSeen = 0;
    int startTlsSeen = 0;
    int closesSeen = 0;

    for (int iteration = 0; iteration < 3000; ++iteration) {
        SmtpSessionSettings settings = testSettings();
        settings.messageSizeLimit = 200 + pick(2000);
        settings.recipientsMax = 1 + pick(4);
        settings.tlsAvailable = pick(4) != 0;
        settings.implicitTls = pick(4) == 0;
        settings.maxErrors = pick(11);
        SmtpSession session(settings, testPeer());

        QByteArrayList rounds;
        for (int i = 1 + pick(12); i > 0; --i) {
            // Sometimes a client does not wait: two rounds in one read.
            if (!rounds.isEmpty() && pick(20) == 0)
                rounds.last() += makeRound();
            else
                rounds << makeRound();
        }
        const QByteArray input = rounds.join();

        bool closed = false;
        bool activity = false;
        const auto check = [&]() {
            const QByteArray out = session.takeOutput();
            const QList<SmtpEvent> events = session.takeEvents();
            activity = !out.isEmpty() || !events.isEmpty();
            if (closed) {
                QVERIFY(out.isEmpty());
                QVERIFY(events.isEmpty());
                return;
            }
            QVERIFY(out.isEmpty() || out.endsWith("\r\n"));
            for (const QByteArray &line : out.split('\n')) {
                if (line.isEmpty())
                    continue;
                QVERIFY2(line.size() >= 5 && line.endsWith('\r') && line.at(0) >= '2'
                             && line.at(0) <= '5' && (line.at(3) == ' ' || line.at(3) == '-'),
                         line.constData());
                for (qsizetype i = 0; i + 1 < line.size(); ++i)
                    QVERIFY(uchar(line.at(i)) >= 0x20 && uchar(line.at(i)) < 0x7f);
            }
            int terminal = 0;
            for (const SmtpEvent &event : events) {
                if (event.type == SmtpEvent::Type::Log)
                    continue;
                ++terminal;
                closed = closed || event.type == SmtpEvent::Type::Close;
            }
            QVERIFY(terminal <= 1);
            QCOMPARE(session.isClosed(), closed);
            for (const SmtpEvent &event : events) {
                if (event.type == SmtpEvent::Type::Close) {
                    ++closesSeen;
                } else if (event.type == SmtpEvent::Type::StartTls) {
                    ++startTlsSeen;
                    if (pick(2))
                        session.tlsEstablished(QStringLiteral("TLSv1.3"), QStringLiteral("X"));
                } else if (event.type == SmtpEvent::Type::Message) {
                    const SmtpMessage &message = event.message;
                    ++messagesSeen;
                    QVERIFY(message.size <= settings.messageSizeLimit);
                    QVERIFY(!message.recipients.isEmpty());
                    QVERIFY(message.recipients.size() <= settings.recipientsMax);
                    if (!message.chunked) {
                        // Smuggling-proof: only CR LF line endings, no over-long line.
                        const QByteArray &data = message.data;
                        for (qsizetype i = 0; i < data.size(); ++i) {
                            if (data.at(i) == '\r')
                                QVERIFY(i + 1 < data.size() && data.at(i + 1) == '\n');
                            if (data.at(i) == '\n')
                                QVERIFY(i > 0 && data.at(i - 1) == '\r');
                        }
                        for (const QByteArray &line : data.split('\n'))
                            QVERIFY(line.size() <= 999);
                    }
                    if (pick(3))
                        session.messageStored(QStringLiteral("id"));
                    else
                        session.messageFailed(pick(2), QStringLiteral("no"), pick(2));
                }
            }
            const qsizetype bound = session.isWaitingForStore()
                                        ? (1 << 20) + settings.messageSizeLimit
                                        : 512 + settings.messageSizeLimit;
            QVERIFY(session.bufferedBytes() <= bound);
        };

        if (pick(20) == 0 && !input.isEmpty()) {
            session.feed(input.first(1));
            check();
            QVERIFY(closed);
        }
        session.start();
        check();
        for (const QByteArray &round : std::as_const(rounds)) {
            qsizetype position = 0;
            while (position < round.size()) {
                const qsizetype rest = round.size() - position;
                const qsizetype chunk
                    = pick(3) == 0 ? rest : std::min<qsizetype>(1 + pick(64), rest);
                session.feed(QByteArrayView(round).sliced(position, chunk));
                position += chunk;
                // Answers to events can produce more.
                do {
                    check();
                    if (QTest::currentTestFailed())
                        QFAIL(qPrintable(QStringLiteral("iteration %1").arg(iteration)));
                } while (activity);
            }
        }
        if (pick(5) == 0) {
            session.timeout();
            check();
            QVERIFY(closed);
        }
    }
    qDebug("fuzz: %d messages, %d STARTTLS, %d closes", messagesSeen, startTlsSeen, closesSeen);
    QVERIFY(messagesSeen > 100);
    QVERIFY(startTlsSeen > 20);
    QVERIFY(closesSeen > 1000);
}

QTEST_APPLESS_MAIN(tst_SmtpSession)
#include "tst_smtpsession.moc"
