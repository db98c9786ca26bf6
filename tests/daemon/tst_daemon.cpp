// Integration test: runs the real mailportd (MAILPORTD_PATH) with a temporary configuration, data
// and runtime directory, and talks SMTP to it over loopback.

#include "controlclient.h"
#include "controlprotocol.h"
#include "spoolheaders.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/types.h>

using namespace Mailport;

namespace {

constexpr int kTimeout = 5000;
const QByteArray kHost = "mx.test";

quint16 freePort(QList<quint16> *taken)
{
    for (;;) {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        const quint16 port = server.serverPort();
        if (!taken->contains(port)) {
            taken->append(port);
            return port;
        }
    }
}

QByteArray proxyV2(const QHostAddress &source, quint16 sourcePort, quint16 destinationPort)
{
    QByteArray header("\x0D\x0A\x0D\x0A\x00\x0D\x0A\x51\x55\x49\x54\x0A", 12);
    header += char(0x21);
    header += char(0x11);
    header += char(0);
    header += char(12);
    const quint32 src = source.toIPv4Address();
    const quint32 dst = QHostAddress(QHostAddress::LocalHost).toIPv4Address();
    for (quint32 v : {src, dst}) {
        for (int shift = 24; shift >= 0; shift -= 8)
            header += char((v >> shift) & 0xFF);
    }
    for (quint16 p : {sourcePort, destinationPort}) {
        header += char(p >> 8);
        header += char(p & 0xFF);
    }
    return header;
}

QString tlsName(QSsl::SslProtocol protocol)
{
    return protocol == QSsl::TlsV1_3 ? QStringLiteral("TLS1.3") : QStringLiteral("TLS1.2");
}

// One SMTP client connection with a reply reader that never blocks the event loop.
class SmtpClient final : public QObject
{
public:
    SmtpClient()
    {
        QSslConfiguration tls = m_socket.sslConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QSslSocket::readyRead, this,
                [this] { m_buffer += m_socket.readAll(); });
        connect(&m_socket, &QSslSocket::disconnected, this, [this] { m_closed = true; });
        connect(&m_socket, &QSslSocket::errorOccurred, this,
                [this](QAbstractSocket::SocketError e) {
                    m_error = e;
                    if (m_socket.state() != QAbstractSocket::ConnectedState)
                        m_closed = true;
                });
    }

    bool connectTo(quint16 port, const QString &from = QStringLiteral("127.0.0.1"))
    {
        m_socket.bind(QHostAddress(from));
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor(
                   [this] {
                       return m_socket.state() == QAbstractSocket::ConnectedState || m_closed;
                   },
                   kTimeout)
               && m_socket.state() == QAbstractSocket::ConnectedState;
    }

    bool connectEncrypted(quint16 port)
    {
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        return QTest::qWaitFor([this] { return m_socket.isEncrypted() || m_closed; }, kTimeout)
               && m_socket.isEncrypted();
    }

    bool startTls()
    {
        m_socket.startClientEncryption();
        return QTest::qWaitFor([this] { return m_socket.isEncrypted() || m_closed; }, kTimeout)
               && m_socket.isEncrypted();
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // The next complete reply (all its lines), or empty on timeout or close.
    QByteArray reply(int timeout = kTimeout)
    {
        QByteArray out;
        [[maybe_unused]] const bool complete = QTest::qWaitFor(
            [&] {
                out = takeReply();
                return !out.isEmpty() || m_closed;
            },
            timeout);
        if (out.isEmpty())
            out = takeReply();
        return out;
    }

    QByteArray command(const QByteArray &line)
    {
        send(line + "\r\n");
        return reply();
    }

    bool waitClosed(int timeout = kTimeout)
    {
        return QTest::qWaitFor([this] { return m_closed; }, timeout);
    }

    QByteArray pending() const { return m_buffer; }
    bool isClosed() const { return m_closed; }
    QAbstractSocket::SocketError error() const { return m_error; }
    QSslSocket &socket() { return m_socket; }

private:
    QByteArray takeReply()
    {
        qsizetype start = 0;
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n", start);
            if (end < 0)
                return {};
            const QByteArray line = m_buffer.mid(start, end - start);
            start = end + 2;
            if (line.size() < 4 || line[3] != '-') {
                const QByteArray out = m_buffer.left(start);
                m_buffer.remove(0, start);
                return out;
            }
        }
    }

    QSslSocket m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
    QAbstractSocket::SocketError m_error = QAbstractSocket::UnknownSocketError;
};

// A running mailportd and what it wrote to standard error (its log).
class DaemonProcess final : public QObject
{
public:
    bool start(const QString &config, const QString &dataHome, const QString &runtimeDir)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
        m_process.setProcessEnvironment(env);
        connect(&m_process, &QProcess::readyReadStandardError, this,
                [this] { m_log += m_process.readAllStandardError(); });
        m_process.start(QStringLiteral(MAILPORTD_PATH),
                        {QStringLiteral("-C"), config, QStringLiteral("-bd")});
        return waitForLog("daemon started");
    }

    // Waits for @p needle in what was logged from offset @p from on (see mark()).
    bool waitForLog(const QByteArray &needle, qsizetype from = 0, int timeout = kTimeout)
    {
        auto found = [&] {
            return m_log.indexOf(needle, from) >= 0;
        };
        return QTest::qWaitFor([&] { return found() || m_process.state() == QProcess::NotRunning; },
                               timeout)
               && found();
    }

    qsizetype mark() const { return m_log.size(); }

    bool waitForExit(int timeout = kTimeout)
    {
        return QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, timeout);
    }

    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        signal(SIGTERM);
        signal(SIGTERM); // a second one skips the grace period
        if (!waitForExit())
            m_process.kill();
        waitForExit();
    }

    ~DaemonProcess() override { stop(); }

    const QByteArray &log() const { return m_log; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_log;
};

// What the daemon records for alice's message to bob sent over @p client.
SpoolEnvelope expectedEnvelope(SmtpClient &client, const QString &helo, quint16 listenerPort)
{
    SpoolEnvelope envelope;
    envelope.sender = QStringLiteral("alice@example.org");
    envelope.recipients = {QStringLiteral("bob@example.net")};
    envelope.heloName = helo;
    envelope.clientAddress = QHostAddress::LocalHost;
    envelope.clientPort = client.socket().localPort();
    envelope.listenerAddress = QHostAddress::LocalHost;
    envelope.listenerPort = listenerPort;
    envelope.protocol = QStringLiteral("esmtp");
    if (client.socket().isEncrypted()) {
        envelope.protocol = QStringLiteral("esmtps");
        envelope.tlsProtocol = tlsName(client.socket().sessionProtocol());
        envelope.tlsCipher = client.socket().sessionCipher().name();
    }
    return envelope;
}

// MAIL, RCPT and DATA for alice's message to bob (after EHLO); the id from the 250, or empty.
QString sendMessage(SmtpClient &client, const QByteArray &body)
{
    if (!client.command("MAIL FROM:<alice@example.org>").startsWith("250")
        || !client.command("RCPT TO:<bob@example.net>").startsWith("250")
        || !client.command("DATA").startsWith("354"))
        return {};
    client.send(body + ".\r\n");
    const QByteArray reply = client.reply();
    if (!reply.startsWith("250 2.0.0 OK id="))
        return {};
    return QString::fromLatin1(reply.mid(16).trimmed());
}

// The daemon's `stats`, asked over its control socket; empty on failure.
QJsonObject controlStats(const QString &socket)
{
    ControlClient control;
    control.connectToDaemon(socket);
    QJsonObject stats;
    bool answered = false;
    control.request(ControlProtocol::Request::Stats, {}, [&](const ControlProtocol::Reply &r) {
        if (r.ok)
            stats = r.result;
        answered = true;
    });
    QTest::qWaitFor([&] { return answered; }, kTimeout);
    return stats;
}

} // namespace

class tst_Daemon final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plainTransaction();
    void pipelining();
    void concurrentMessagesAreAllStored();
    void startTlsTransaction();
    void implicitTlsTransaction();
    void rejections();
    void perHostLimit();
    void messageLimits();
    void totalConnectionLimit();
    void proxyV1();
    void proxyV2WithClientHello();
    void proxyBad_data();
    void proxyBad();
    void proxyTimeout();
    void proxyLineFromUnlistedPeer();
    void startTlsInjection_data();
    void startTlsInjection();
    void smuggling_data();
    void smuggling();
    void secondInstanceRefused();
    void reloadAddsAndRemoves();
    void brokenCertificateOnReload();
    void stdioSession();
    void sigtermDuringSession();

private:
    QString configText(const QList<quint16> &ports, const QString &extra = {}) const;
    void writeConfig(const QString &text);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList spoolFiles() const;
    void checkStored(const QString &id, const QByteArray &body, SpoolEnvelope envelope);

    QTemporaryDir m_dir;
    QList<quint16> m_taken;
    quint16 m_plain = 0;
    quint16 m_smtps = 0;
    quint16 m_removed = 0; ///< listened on at first, dropped by the reload test
    quint16 m_added = 0;   ///< added by the reload test
    std::unique_ptr<DaemonProcess> m_daemon;
};

QString tst_Daemon::configText(const QList<quint16> &ports, const QString &extra) const
{
    QStringList portList;
    for (quint16 p : ports)
        portList.append(QString::number(p));
    return QStringLiteral("local_interfaces = <; 127.0.0.1\n"
                          "daemon_smtp_ports = %1\n"
                          "tls_on_connect_ports = %2\n"
                          "primary_hostname = mx.test\n"
                          "spool_directory = %3\n"
                          "hosts_proxy = 127.0.0.2\n"
                          "proxy_protocol_timeout = 1s\n"
                          "smtp_accept_max_per_host = 3\n"
                          "message_size_limit = 20K\n"
                          "recipients_max = 3\n"
                          "smtp_receive_timeout = 30s\n")
               .arg(portList.join(QStringLiteral(" : ")))
               .arg(m_smtps)
               .arg(path(QStringLiteral("spool")))
           + extra;
}

void tst_Daemon::writeConfig(const QString &text)
{
    QFile file(path(QStringLiteral("mailport.conf")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

QStringList tst_Daemon::spoolFiles() const
{
    return QDir(path(QStringLiteral("spool/new"))).entryList(QDir::Files, QDir::Name);
}

void tst_Daemon::checkStored(const QString &id, const QByteArray &body, SpoolEnvelope envelope)
{
    QStringList matching;
    for (const QString &name : spoolFiles()) {
        if (name.contains(id))
            matching.append(name);
    }
    QCOMPARE(matching.size(), 1);
    QFile file(path(QStringLiteral("spool/new/")) + matching.first());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();

    // The date is the one thing the test cannot know: take it from the file, then the whole file
    // must be exactly the rendered headers followed by the dot-unstuffed data.
    const qsizetype receivedAt = stored.indexOf("\r\nReceived: ");
    QVERIFY(receivedAt > 0);
    qsizetype end = receivedAt + 2;
    do {
        end = stored.indexOf("\r\n", end + 1);
        QVERIFY(end > 0);
    } while (end + 2 < stored.size() && (stored[end + 2] == ' ' || stored[end + 2] == '\t'));
    const ReceivedFields fields
        = SpoolHeaders::parseReceived(stored.mid(receivedAt + 12, end - receivedAt - 12));
    QVERIFY(fields.date.isValid());
    QCOMPARE(fields.id, id);
    envelope.arrival = fields.date;
    envelope.receivingHost = QString::fromLatin1(kHost);
    const QByteArray expected = SpoolHeaders::render(envelope, id) + body;
    QCOMPARE(stored, expected);
}

void tst_Daemon::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(path(QStringLiteral("run"))));
    QVERIFY(QFile::setPermissions(path(QStringLiteral("run")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    m_plain = freePort(&m_taken);
    m_smtps = freePort(&m_taken);
    m_removed = freePort(&m_taken);
    m_added = freePort(&m_taken);
    QVERIFY(m_plain && m_smtps && m_removed && m_added);
    writeConfig(configText({m_plain, m_smtps, m_removed}));
    m_daemon = std::make_unique<DaemonProcess>();
    QVERIFY2(m_daemon->start(path(QStringLiteral("mailport.conf")), path(QStringLiteral("data")),
                             path(QStringLiteral("run"))),
             m_daemon->log().constData());
}

void tst_Daemon::plainTransaction()
{
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain));
    QCOMPARE(client.reply(), QByteArray("220 mx.test ESMTP Mailport\r\n"));
    const QByteArray ehlo = client.command("EHLO client.test");
    QVERIFY2(ehlo.startsWith("250-mx.test"), ehlo.constData());
    QVERIFY(ehlo.contains("250-STARTTLS\r\n"));
    QVERIFY(ehlo.contains("250-PIPELINING\r\n"));
    QVERIFY(ehlo.contains("250-SIZE 20480\r\n"));
    QCOMPARE(client.command("MAIL FROM:<alice@example.org>").left(3), QByteArray("250"));
    QCOMPARE(client.command("RCPT TO:<bob@example.net>").left(3), QByteArray("250"));
    QCOMPARE(client.command("RCPT TO:<Postmaster>").left(3), QByteArray("250"));
    QCOMPARE(client.command("DATA").left(3), QByteArray("354"));
    const QByteArray data = "From: Alice <alice@example.org>\r\n"
                            "Subject: plain\r\n"
                            "Message-ID: <plain-1@example.org>\r\n"
                            "\r\n"
                            "..a line that started with a dot\r\n"
                            "caf\xc3\xa9 \t trailing space \r\n"
                            "\r\n"
                            "last line\r\n";
    client.send(data + ".\r\n");
    const QByteArray reply = client.reply();
    QVERIFY2(reply.startsWith("250 2.0.0 OK id="), reply.constData());
    const QString id = QString::fromLatin1(reply.mid(16).trimmed());
    const quint16 clientPort = client.socket().localPort();
    QCOMPARE(client.command("QUIT").left(4), QByteArray("221 "));
    QVERIFY(client.waitClosed());

    SpoolEnvelope envelope = expectedEnvelope(client, QStringLiteral("client.test"), m_plain);
    envelope.recipients.append(QStringLiteral("Postmaster"));
    envelope.clientPort = clientPort;
    QByteArray stored = data;
    stored.replace("\r\n..a line", "\r\n.a line");
    checkStored(id, stored, envelope);
    QVERIFY(
        m_daemon->waitForLog(id.toLatin1() + " <= alice@example.org H=(client.test) [127.0.0.1]:"));
    QVERIFY(m_daemon->log().contains("P=esmtp S="));
    QVERIFY(m_daemon->log().contains("id=plain-1@example.org"));
    // Never a body in the log.
    QVERIFY(!m_daemon->log().contains("started with a dot"));
}

void tst_Daemon::pipelining()
{
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain));
    QVERIFY(client.reply().startsWith("220 "));
    QVERIFY(client.command("EHLO pipe.test").startsWith("250-"));
    client.send(
        "MAIL FROM:<p@example.org>\r\nRCPT TO:<a@example.net>\r\nRCPT TO:<b@example.net>\r\n"
        "RCPT TO:<c@example.net>\r\nRCPT TO:<d@example.net>\r\nDATA\r\n");
    QCOMPARE(client.reply().left(4), QByteArray("250 "));
    QCOMPARE(client.reply().left(4), QByteArray("250 "));
    QCOMPARE(client.reply().left(4), QByteArray("250 "));
    QCOMPARE(client.reply().left(4), QByteArray("250 "));
    QCOMPARE(client.reply().left(10), QByteArray("452 4.5.3 ")); // recipients_max = 3
    QCOMPARE(client.reply().left(4), QByteArray("354 "));
    // The message, the next transaction and QUIT in one write.
    client.send(
        "Subject: pipelined\r\n\r\nbody\r\n.\r\nRSET\r\nMAIL FROM:<q@example.org>\r\nQUIT\r\n");
    QVERIFY(client.reply().startsWith("250 2.0.0 OK id="));
    QCOMPARE(client.reply().left(4), QByteArray("250 "));
    QCOMPARE(client.reply().left(4), QByteArray("250 "));
    QCOMPARE(client.reply().left(4), QByteArray("221 "));
    QVERIFY(client.waitClosed());

    // A command after one that must end a group is a synchronization error.
    SmtpClient eager;
    QVERIFY(eager.connectTo(m_plain));
    QVERIFY(eager.reply().startsWith("220 "));
    eager.send("EHLO eager.test\r\nMAIL FROM:<x@example.org>\r\n");
    QVERIFY(eager.reply().startsWith("554 5.5.0"));
    QVERIFY(eager.waitClosed());
}

void tst_Daemon::concurrentMessagesAreAllStored()
{
    // Every client finishes its DATA before any reply is read, so the messages reach the spool
    // together and share directory fsyncs; each must still get its own 250 and its own file.
    constexpr int Clients = 16; // below the default smtp_accept_max of 20
    const QString control = path(QStringLiteral("run/mailport"));
    const QJsonObject before = controlStats(control);
    QVERIFY(!before.isEmpty());
    std::vector<std::unique_ptr<SmtpClient>> clients;
    for (int i = 0; i < Clients; ++i) {
        clients.push_back(std::make_unique<SmtpClient>());
        // Addresses of their own: smtp_accept_max_per_host is 3.
        const QString from = QStringLiteral("127.0.1.%1").arg(i + 1);
        QVERIFY(clients.back()->connectTo(m_plain, from));
        QVERIFY(clients.back()->reply().startsWith("220 "));
        QVERIFY(clients.back()->command("EHLO many.test").startsWith("250-"));
    }
    for (auto &client : clients)
        client->send("MAIL FROM:<alice@example.org>\r\nRCPT TO:<bob@example.net>\r\nDATA\r\n");
    for (auto &client : clients) {
        QCOMPARE(client->reply().left(4), QByteArray("250 "));
        QCOMPARE(client->reply().left(4), QByteArray("250 "));
        QCOMPARE(client->reply().left(4), QByteArray("354 "));
    }
    auto body = [](int i) {
        return "Subject: concurrent " + QByteArray::number(i) + "\r\n\r\nbody "
               + QByteArray::number(i) + "\r\n";
    };
    for (int i = 0; i < Clients; ++i)
        clients[size_t(i)]->send(body(i) + ".\r\n");
    QSet<QString> ids;
    for (int i = 0; i < Clients; ++i) {
        SmtpClient &client = *clients[size_t(i)];
        const QByteArray reply = client.reply();
        QVERIFY2(reply.startsWith("250 2.0.0 OK id="), reply.constData());
        const QString id = QString::fromLatin1(reply.mid(16).trimmed());
        ids.insert(id);
        SpoolEnvelope envelope = expectedEnvelope(client, QStringLiteral("many.test"), m_plain);
        envelope.clientAddress = QHostAddress(QStringLiteral("127.0.1.%1").arg(i + 1));
        checkStored(id, body(i), envelope);
        QCOMPARE(client.command("QUIT").left(4), QByteArray("221 "));
    }
    QCOMPARE(ids.size(), Clients);

    // The daemon counts them, and says how many directory fsyncs covered them.
    const QJsonObject after = controlStats(control);
    const auto delta = [&](const QJsonObject &a, const QJsonObject &b, const char *key) {
        return b.value(QLatin1String(key)).toInteger() - a.value(QLatin1String(key)).toInteger();
    };
    QCOMPARE(delta(before, after, "messages"), qint64(Clients));
    const QJsonObject spoolBefore = before.value(QStringLiteral("spool")).toObject();
    const QJsonObject spoolAfter = after.value(QStringLiteral("spool")).toObject();
    QCOMPARE(delta(spoolBefore, spoolAfter, "stored"), qint64(Clients));
    const qint64 syncs = delta(spoolBefore, spoolAfter, "directorySyncs");
    QVERIFY2(syncs >= 1 && syncs <= Clients, qPrintable(QString::number(syncs)));
    QCOMPARE(delta(spoolBefore, spoolAfter, "failedBatches"), qint64(0));
    QCOMPARE(spoolAfter.value(QStringLiteral("pending")).toInt(), 0);
    QVERIFY(spoolAfter.value(QStringLiteral("largestBatch")).toInteger() >= 1);
}

void tst_Daemon::startTlsTransaction()
{
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain));
    QVERIFY(client.reply().startsWith("220 "));
    QVERIFY(client.command("EHLO tls.test").contains("250-STARTTLS"));
    QCOMPARE(client.command("STARTTLS"), QByteArray("220 2.0.0 Ready to start TLS\r\n"));
    QVERIFY(client.startTls());
    // No new greeting; the session starts over and STARTTLS is not offered again.
    const QByteArray ehlo = client.command("EHLO tls.test");
    QVERIFY2(ehlo.startsWith("250-mx.test"), ehlo.constData());
    QVERIFY(!ehlo.contains("STARTTLS"));
    QVERIFY(client.command("STARTTLS").startsWith("503"));
    const QByteArray body = "Subject: over STARTTLS\r\n\r\nsecret\r\n";
    const QString id = sendMessage(client, body);
    QVERIFY(!id.isEmpty());
    const SpoolEnvelope envelope = expectedEnvelope(client, QStringLiteral("tls.test"), m_plain);
    QCOMPARE(envelope.protocol, QStringLiteral("esmtps"));
    checkStored(id, body, envelope);
    QVERIFY(client.command("QUIT").startsWith("221"));
}

void tst_Daemon::implicitTlsTransaction()
{
    SmtpClient client;
    QVERIFY(client.connectEncrypted(m_smtps));
    QCOMPARE(client.reply(), QByteArray("220 mx.test ESMTP Mailport\r\n"));
    const QByteArray ehlo = client.command("EHLO smtps.test");
    QVERIFY(ehlo.startsWith("250-"));
    QVERIFY(!ehlo.contains("STARTTLS"));
    const QByteArray body = "Subject: over SMTPS\r\n\r\nhello\r\n";
    const QString id = sendMessage(client, body);
    QVERIFY(!id.isEmpty());
    checkStored(id, body, expectedEnvelope(client, QStringLiteral("smtps.test"), m_smtps));

    // Plaintext on the SMTPS port never gets an SMTP answer.
    SmtpClient plain;
    QVERIFY(plain.connectTo(m_smtps));
    plain.send("EHLO plain.test\r\n");
    QVERIFY(plain.waitClosed());
    QVERIFY(!plain.pending().contains("250"));
}

void tst_Daemon::rejections()
{
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain));
    QVERIFY(client.reply().startsWith("220 "));
    QVERIFY(client.command("MAIL FROM:<a@example.org>").startsWith("503"));
    QVERIFY(client.command("EHLO").startsWith("501"));
    QVERIFY(client.command("EHLO reject.test").startsWith("250"));
    QVERIFY(client.command("FROB").startsWith("500"));
    QVERIFY(client.command("RCPT TO:<b@example.net>").startsWith("503"));
    QVERIFY(client.command("MAIL FROM:no-brackets").startsWith("501"));
    QVERIFY(client.command("DATA").startsWith("503"));
    QVERIFY(client.command("VRFY bob").startsWith("252"));
    QVERIFY(client.command("MAIL FROM:<a@example.org> SIZE=999999").startsWith("552"));
    QVERIFY(client.command("QUIT").startsWith("221"));

    SmtpClient http;
    QVERIFY(http.connectTo(m_plain));
    QVERIFY(http.reply().startsWith("220 "));
    http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(http.reply().startsWith("421 4.7.0"));
    QVERIFY(http.waitClosed());
    QVERIFY(m_daemon->waitForLog("HTTP request"));
}

void tst_Daemon::perHostLimit()
{
    // smtp_accept_max_per_host = 3, counted for the client address (127.0.0.3 is used by no other
    // test, so no connection of theirs that is still closing can count).
    std::vector<std::unique_ptr<SmtpClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<SmtpClient>());
        QVERIFY(clients.back()->connectTo(m_plain, QStringLiteral("127.0.0.3")));
        QVERIFY(clients.back()->reply().startsWith("220 "));
    }
    SmtpClient excess;
    QVERIFY(excess.connectTo(m_plain, QStringLiteral("127.0.0.3")));
    QVERIFY(excess.reply().startsWith(
        "421 4.7.0 mx.test Too many concurrent SMTP connections from this IP"));
    QVERIFY(excess.waitClosed());
    QVERIFY(m_daemon->waitForLog("refused: too many connections from that IP address"));
    // Another address is not affected.
    SmtpClient other;
    QVERIFY(other.connectTo(m_plain, QStringLiteral("127.0.0.4")));
    QVERIFY(other.reply().startsWith("220 "));
    // One leaves, one more may come.
    QVERIFY(clients.front()->command("QUIT").startsWith("221"));
    QVERIFY(clients.front()->waitClosed());
    QVERIFY(QTest::qWaitFor(
        [&] {
            SmtpClient again;
            if (!again.connectTo(m_plain, QStringLiteral("127.0.0.3")))
                return false;
            return again.reply().startsWith("220 ");
        },
        kTimeout));
}

void tst_Daemon::messageLimits()
{
    const QStringList before = spoolFiles();
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain));
    QVERIFY(client.reply().startsWith("220 "));
    QVERIFY(client.command("EHLO big.test").startsWith("250"));
    // Declared too big: refused at MAIL.
    QVERIFY(client.command("MAIL FROM:<a@example.org> SIZE=20481").startsWith("552"));
    // Not declared, but too big: read to the end, then 552, nothing stored.
    QVERIFY(client.command("MAIL FROM:<a@example.org>").startsWith("250"));
    QVERIFY(client.command("RCPT TO:<b@example.net>").startsWith("250"));
    QVERIFY(client.command("DATA").startsWith("354"));
    QByteArray big = "Subject: big\r\n\r\n";
    while (big.size() < 30000)
        big += QByteArray(70, 'x') + "\r\n";
    client.send(big + ".\r\n");
    QVERIFY(client.reply().startsWith("552 5.3.4"));
    // The session goes on.
    QVERIFY(client.command("NOOP").startsWith("250"));
    // A line longer than 1000 octets.
    QVERIFY(client.command("MAIL FROM:<a@example.org>").startsWith("250"));
    QVERIFY(client.command("RCPT TO:<b@example.net>").startsWith("250"));
    QVERIFY(client.command("DATA").startsWith("354"));
    client.send("Subject: long\r\n\r\n" + QByteArray(1200, 'y') + "\r\n.\r\n");
    QVERIFY(client.reply().startsWith("550"));
    // A command longer than 512 octets.
    QVERIFY(client.command("NOOP " + QByteArray(2000, 'z')).startsWith("500"));
    QVERIFY(client.command("QUIT").startsWith("221"));
    QCOMPARE(spoolFiles(), before);
}

void tst_Daemon::totalConnectionLimit()
{
    // A daemon of its own (its own runtime directory, so its own control socket) with
    // smtp_accept_max = 1.
    QVERIFY(QDir().mkpath(path(QStringLiteral("run-limit"))));
    QVERIFY(QFile::setPermissions(path(QStringLiteral("run-limit")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const quint16 port = freePort(&m_taken);
    QFile config(path(QStringLiteral("limit.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        QStringLiteral("local_interfaces = 127.0.0.1\ndaemon_smtp_ports = %1\n"
                       "primary_hostname = mx.test\nsmtp_accept_max = 1\nspool_directory = %2\n")
            .arg(port)
            .arg(path(QStringLiteral("spool-limit")))
            .toUtf8());
    config.close();
    DaemonProcess daemon;
    QVERIFY2(daemon.start(config.fileName(), path(QStringLiteral("data")),
                          path(QStringLiteral("run-limit"))),
             daemon.log().constData());
    SmtpClient first;
    QVERIFY(first.connectTo(port));
    QVERIFY(first.reply().startsWith("220 "));
    SmtpClient second;
    QVERIFY(second.connectTo(port));
    QVERIFY(second.reply().startsWith("421 4.3.2 mx.test Too many concurrent SMTP connections"));
    QVERIFY(second.waitClosed());
    QVERIFY(first.command("QUIT").startsWith("221"));
    QVERIFY(first.waitClosed());
    daemon.signal(SIGTERM);
    QVERIFY(daemon.waitForExit());
    QCOMPARE(daemon.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.process().exitCode(), 0);
}

void tst_Daemon::proxyV1()
{
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain, QStringLiteral("127.0.0.2")));
    client.send(
        QStringLiteral("PROXY TCP4 192.0.2.7 127.0.0.1 40000 %1\r\n").arg(m_plain).toLatin1());
    QCOMPARE(client.reply(), QByteArray("220 mx.test ESMTP Mailport\r\n"));
    QVERIFY(client.command("EHLO proxied.test")
                .startsWith("250-mx.test Hello proxied.test [192.0.2.7]"));
    const QByteArray body = "Subject: proxied\r\n\r\nvia haproxy\r\n";
    const QString id = sendMessage(client, body);
    QVERIFY(!id.isEmpty());
    SpoolEnvelope envelope = expectedEnvelope(client, QStringLiteral("proxied.test"), m_plain);
    envelope.clientAddress = QHostAddress(QStringLiteral("192.0.2.7"));
    envelope.clientPort = 40000;
    envelope.proxyAddress = QHostAddress(QStringLiteral("127.0.0.2"));
    envelope.proxyPort = client.socket().localPort();
    checkStored(id, body, envelope);
    QVERIFY(m_daemon->waitForLog("H=(proxied.test) [192.0.2.7]:40000 P=esmtp PRX=127.0.0.2 S="));
}

void tst_Daemon::proxyV2WithClientHello()
{
    // The header and the TLS ClientHello leave in one write: the daemon must take exactly the
    // header and leave the ClientHello for the handshake.
    SmtpClient client;
    QVERIFY(client.connectTo(m_smtps, QStringLiteral("127.0.0.2")));
    client.socket().write(proxyV2(QHostAddress(QStringLiteral("198.51.100.9")), 41000, m_smtps));
    client.socket().startClientEncryption();
    QVERIFY(QTest::qWaitFor([&] { return client.socket().isEncrypted() || client.isClosed(); },
                            kTimeout));
    QVERIFY(client.socket().isEncrypted());
    QCOMPARE(client.reply(), QByteArray("220 mx.test ESMTP Mailport\r\n"));
    QVERIFY(client.command("EHLO v2.test").startsWith("250-mx.test Hello v2.test [198.51.100.9]"));
    QVERIFY(client.command("QUIT").startsWith("221"));
}

void tst_Daemon::proxyBad_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("v1 missing fields") << QByteArray("PROXY TCP4 192.0.2.7\r\n");
    QTest::newRow("v1 bare LF") << QByteArray("PROXY TCP4 192.0.2.7 127.0.0.1 40000 25\n");
    QTest::newRow("v1 leading zero") << QByteArray("PROXY TCP4 192.0.2.07 127.0.0.1 40000 25\r\n");
    QTest::newRow("v1 port too big") << QByteArray("PROXY TCP4 192.0.2.7 127.0.0.1 70000 25\r\n");
    QTest::newRow("v1 too long") << "PROXY UNKNOWN " + QByteArray(120, 'x') + "\r\n";
    QTest::newRow("smtp instead") << QByteArray("EHLO no-header.test\r\n");
    QByteArray v2 = proxyV2(QHostAddress(QStringLiteral("192.0.2.7")), 1, 25);
    v2[12] = char(0x11); // version 1 in a v2 header
    QTest::newRow("v2 wrong version") << v2;
    QByteArray udp = proxyV2(QHostAddress(QStringLiteral("192.0.2.7")), 1, 25);
    udp[13] = char(0x12);
    QTest::newRow("v2 udp") << udp;
}

void tst_Daemon::proxyBad()
{
    QFETCH(QByteArray, header);
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain, QStringLiteral("127.0.0.2")));
    const quint16 port = client.socket().localPort();
    client.send(header);
    // Anything that is not a valid header was sent before the greeting: a synchronization error.
    QCOMPARE(client.reply(), QByteArray("554 5.5.0 SMTP synchronization error\r\n"));
    QVERIFY(client.waitClosed());
    QVERIFY(m_daemon->waitForLog("PROXY protocol failure from [127.0.0.2]:"
                                 + QByteArray::number(port)));
}

void tst_Daemon::proxyTimeout()
{
    // proxy_protocol_timeout = 1s: then the greeting, and every command but QUIT gets 503.
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain, QStringLiteral("127.0.0.2")));
    QCOMPARE(client.reply(3000), QByteArray("220 mx.test ESMTP Mailport\r\n"));
    QCOMPARE(client.command("EHLO late.test"),
             QByteArray("503 Command refused, required Proxy negotiation failed\r\n"));
    QVERIFY(client.command("MAIL FROM:<a@example.org>").startsWith("503 Command refused"));
    QVERIFY(client.command("QUIT").startsWith("221"));
}

void tst_Daemon::proxyLineFromUnlistedPeer()
{
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain));
    QVERIFY(client.reply().startsWith("220 "));
    QVERIFY(client.command("PROXY TCP4 192.0.2.7 127.0.0.1 40000 25").startsWith("500"));
    QVERIFY(
        client.command("EHLO direct.test").startsWith("250-mx.test Hello direct.test [127.0.0.1]"));
    QVERIFY(client.command("QUIT").startsWith("221"));
}

void tst_Daemon::startTlsInjection_data()
{
    QTest::addColumn<bool>("oneWrite");
    QTest::newRow("one write") << true;
    QTest::newRow("two writes") << false;
}

void tst_Daemon::startTlsInjection()
{
    QFETCH(bool, oneWrite);
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain));
    QVERIFY(client.reply().startsWith("220 "));
    QVERIFY(client.command("EHLO inject.test").contains("STARTTLS"));
    if (oneWrite) {
        client.send("STARTTLS\r\nMAIL FROM:<evil@example.org>\r\n");
    } else {
        client.send("STARTTLS\r\n");
        client.send("MAIL FROM:<evil@example.org>\r\n");
    }
    QVERIFY(client.waitClosed());
    // The injected command is never answered, in plaintext or otherwise; when the daemon saw it
    // behind STARTTLS it says why, else the TLS handshake fails on it.
    const QByteArray rest = client.pending();
    QVERIFY2(!rest.contains("250"), rest.constData());
    if (oneWrite)
        QCOMPARE(rest,
                 QByteArray("554 5.5.1 Error: input sent after STARTTLS (command injection)\r\n"));
    else
        QVERIFY2(rest.isEmpty() || rest.startsWith("554 5.5.1")
                     || rest == "220 2.0.0 Ready to start TLS\r\n",
                 rest.constData());
    QVERIFY(!m_daemon->log().contains("evil@example.org> H="));
}

void tst_Daemon::smuggling_data()
{
    QTest::addColumn<QByteArray>("ending");
    QTest::newRow("LF . LF") << QByteArray("\n.\n");
    QTest::newRow("LF . CRLF") << QByteArray("\n.\r\n");
    QTest::newRow("CRLF . LF") << QByteArray("\r\n.\n");
    QTest::newRow("CR . CR") << QByteArray("\r.\r");
    QTest::newRow("CR . CRLF") << QByteArray("\r.\r\n");
    QTest::newRow("CRLF . CR") << QByteArray("\r\n.\r");
    QTest::newRow("bare LF in a line") << QByteArray("\r\nx\ny\r\n");
    QTest::newRow("NUL . CRLF") << QByteArray("\r\n\0.\r\n", 6);
}

void tst_Daemon::smuggling()
{
    QFETCH(QByteArray, ending);
    const QStringList before = spoolFiles();
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain));
    QVERIFY(client.reply().startsWith("220 "));
    QVERIFY(client.command("EHLO smuggle.test").startsWith("250"));
    QVERIFY(client.command("MAIL FROM:<alice@example.org>").startsWith("250"));
    QVERIFY(client.command("RCPT TO:<bob@example.net>").startsWith("250"));
    QVERIFY(client.command("DATA").startsWith("354"));
    client.send("Subject: innocent\r\n\r\nhello" + ending
                + "MAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@example.net>\r\nDATA\r\n"
                  "Subject: smuggled\r\n\r\nevil\r\n.\r\n");
    const QByteArray reply = client.reply();
    if (ending.contains('\0')) {
        // A NUL is data: the smuggled lines are data too, and only the real end counts.
        QVERIFY2(reply.startsWith("250 2.0.0 OK"), reply.constData());
    } else {
        QVERIFY2(reply.startsWith("550 5.5.2"), reply.constData());
        QCOMPARE(spoolFiles(), before);
    }
    // Exactly one reply: nothing in the data was taken as a command.
    QCOMPARE(client.command("NOOP").left(4), QByteArray("250 "));
    QVERIFY(client.pending().isEmpty());
    QVERIFY(client.command("QUIT").startsWith("221"));
    QVERIFY(!m_daemon->log().contains("<= evil@example.org"));
}

void tst_Daemon::secondInstanceRefused()
{
    const quint16 port = freePort(&m_taken);
    QFile config(path(QStringLiteral("second.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral(
                     "local_interfaces = 127.0.0.1\ndaemon_smtp_ports = %1\nspool_directory = %2\n")
                     .arg(port)
                     .arg(path(QStringLiteral("spool-second")))
                     .toUtf8());
    config.close();
    DaemonProcess second;
    QVERIFY(!second.start(config.fileName(), path(QStringLiteral("data")),
                          path(QStringLiteral("run"))));
    QVERIFY(second.waitForExit());
    QCOMPARE(second.process().exitCode(), 4); // ExitCode::AlreadyRunning
    QVERIFY2(second.log().contains("already running"), second.log().constData());
    // It bound nothing.
    SmtpClient probe;
    QVERIFY(!probe.connectTo(port));

    // The first daemon keeps its control socket and its listeners.
    ControlClient control;
    ControlProtocol::Reply status;
    ControlProtocol::Reply listeners;
    bool haveStatus = false;
    bool haveListeners = false;
    control.connectToDaemon(path(QStringLiteral("run/mailport")));
    control.request(ControlProtocol::Request::Status, {}, [&](const ControlProtocol::Reply &r) {
        status = r;
        haveStatus = true;
    });
    control.request(ControlProtocol::Request::Listeners, {}, [&](const ControlProtocol::Reply &r) {
        listeners = r;
        haveListeners = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return haveStatus && haveListeners; }, kTimeout));
    QVERIFY2(status.ok, qPrintable(status.detail));
    QCOMPARE(status.result.value(QStringLiteral("pid")).toInteger(),
             m_daemon->process().processId());
    QCOMPARE(status.result.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
    QVERIFY(listeners.ok);
    QList<int> ports;
    for (const QJsonValue &v : listeners.result.value(QStringLiteral("listeners")).toArray())
        ports.append(v.toObject().value(QStringLiteral("boundPort")).toInt());
    QCOMPARE(ports, QList<int>({m_plain, m_smtps, m_removed}));
    SmtpClient client;
    QVERIFY(client.connectTo(m_plain));
    QVERIFY(client.reply().startsWith("220 "));
}

void tst_Daemon::reloadAddsAndRemoves()
{
    // A session on a listener that stays, in the middle of a transaction.
    SmtpClient session;
    QVERIFY(session.connectTo(m_plain));
    QVERIFY(session.reply().startsWith("220 "));
    QVERIFY(session.command("EHLO reload.test").startsWith("250"));
    QVERIFY(session.command("MAIL FROM:<alice@example.org>").startsWith("250"));

    // A configuration with an error is refused as a whole.
    writeConfig(configText({m_plain, m_smtps, m_added}, QStringLiteral("no_such_option = 1\n")));
    qsizetype mark = m_daemon->mark();
    m_daemon->signal(SIGHUP);
    QVERIFY(m_daemon->waitForLog("reload failed, the configuration in use is unchanged", mark));
    {
        SmtpClient stillThere;
        QVERIFY(stillThere.connectTo(m_removed));
        QVERIFY(stillThere.reply().startsWith("220 "));
        SmtpClient notYet;
        QVERIFY(!notYet.connectTo(m_added));
    }

    writeConfig(configText({m_plain, m_smtps, m_added}));
    mark = m_daemon->mark();
    m_daemon->signal(SIGHUP);
    QVERIFY(m_daemon->waitForLog("1 listener(s) added, 1 removed, 2 unchanged", mark));
    SmtpClient added;
    QVERIFY(added.connectTo(m_added));
    QVERIFY(added.reply().startsWith("220 "));
    SmtpClient removed;
    QVERIFY(!removed.connectTo(m_removed));
    QCOMPARE(removed.error(), QAbstractSocket::ConnectionRefusedError);

    // The session on the unchanged listener never noticed.
    QVERIFY(session.command("RCPT TO:<bob@example.net>").startsWith("250"));
    QVERIFY(session.command("DATA").startsWith("354"));
    const QByteArray body = "Subject: across a reload\r\n\r\nstill here\r\n";
    session.send(body + ".\r\n");
    const QByteArray reply = session.reply();
    QVERIFY(reply.startsWith("250 2.0.0 OK id="));
    SpoolEnvelope envelope = expectedEnvelope(session, QStringLiteral("reload.test"), m_plain);
    checkStored(QString::fromLatin1(reply.mid(16).trimmed()), body, envelope);
    QVERIFY(session.command("QUIT").startsWith("221"));
}

void tst_Daemon::brokenCertificateOnReload()
{
    SmtpClient before;
    QVERIFY(before.connectEncrypted(m_smtps));
    const QSslCertificate certificate = before.socket().peerCertificate();
    QVERIFY(!certificate.isNull());
    QVERIFY(before.reply().startsWith("220 "));

    const QString broken = path(QStringLiteral("broken.pem"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
    file.close();
    writeConfig(configText({m_plain, m_smtps, m_added},
                           QStringLiteral("tls_certificate = %1\n").arg(broken)));
    const qsizetype mark = m_daemon->mark();
    m_daemon->signal(SIGHUP);
    QVERIFY(m_daemon->waitForLog("configuration reloaded", mark));
    // One line naming the file and the reason.
    const QByteArray logged = m_daemon->log().mid(mark);
    const qsizetype at = logged.indexOf(broken.toUtf8());
    QVERIFY2(at >= 0, logged.constData());
    const QByteArray line = logged.mid(logged.lastIndexOf('\n', at) + 1,
                                       logged.indexOf('\n', at) - logged.lastIndexOf('\n', at) - 1);
    QVERIFY2(line.contains("the previous certificate stays in use"), line.constData());

    SmtpClient after;
    QVERIFY(after.connectEncrypted(m_smtps));
    QCOMPARE(after.socket().peerCertificate(), certificate);
    QVERIFY(after.reply().startsWith("220 "));
    SmtpClient plain;
    QVERIFY(plain.connectTo(m_plain));
    QVERIFY(plain.reply().startsWith("220 "));
    QVERIFY(plain.command("EHLO cert.test").contains("250-STARTTLS"));
}

void tst_Daemon::stdioSession()
{
    // -bh: one session on standard input and output, as if from the given address, stored like
    // any other; a script is taken one line at a time, as a client waiting for replies sends it.
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MAILPORTD_PATH),
                  {QStringLiteral("-C"), path(QStringLiteral("mailport.conf")),
                   QStringLiteral("-bh"), QStringLiteral("192.0.2.44")});
    const QByteArray body = "Subject: from -bh\r\n\r\nscripted\r\n";
    process.write(
        "EHLO script.test\r\nMAIL FROM:<alice@example.org>\r\nRCPT TO:<bob@example.net>\r\nDATA\r\n"
        + body + ".\r\nQUIT\r\n");
    process.closeWriteChannel();
    QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, kTimeout));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray out = process.readAllStandardOutput();
    QVERIFY2(
        out.startsWith("220 mx.test ESMTP Mailport\r\n250-mx.test Hello script.test [192.0.2.44]"),
        out.constData());
    const qsizetype at = out.indexOf("250 2.0.0 OK id=");
    QVERIFY2(at > 0, out.constData());
    QVERIFY(out.endsWith("221 2.0.0 mx.test closing connection\r\n"));
    const QString id = QString::fromLatin1(out.mid(at + 16, out.indexOf("\r\n", at) - at - 16));
    SpoolEnvelope envelope;
    envelope.sender = QStringLiteral("alice@example.org");
    envelope.recipients = {QStringLiteral("bob@example.net")};
    envelope.heloName = QStringLiteral("script.test");
    envelope.clientAddress = QHostAddress(QStringLiteral("192.0.2.44"));
    envelope.protocol = QStringLiteral("esmtp");
    checkStored(id, body, envelope);
}

void tst_Daemon::sigtermDuringSession()
{
    SmtpClient busy;
    QVERIFY(busy.connectTo(m_plain));
    QVERIFY(busy.reply().startsWith("220 "));
    QVERIFY(busy.command("EHLO busy.test").startsWith("250"));
    QVERIFY(busy.command("MAIL FROM:<alice@example.org>").startsWith("250"));
    SmtpClient idle;
    QVERIFY(idle.connectTo(m_plain));
    QVERIFY(idle.reply().startsWith("220 "));

    const qsizetype mark = m_daemon->mark();
    m_daemon->signal(SIGTERM);
    QVERIFY(m_daemon->waitForLog("SIGTERM received: stopping", mark));
    // No new connections...
    SmtpClient late;
    QVERIFY(!late.connectTo(m_plain));
    // ...but the sessions in progress may finish.
    QVERIFY(busy.command("RCPT TO:<bob@example.net>").startsWith("250"));
    QVERIFY(busy.command("DATA").startsWith("354"));
    busy.send("Subject: during shutdown\r\n\r\nmade it\r\n.\r\n");
    QVERIFY(busy.reply().startsWith("250 2.0.0 OK id="));
    QVERIFY(busy.command("QUIT").startsWith("221"));
    QVERIFY(m_daemon->process().state() == QProcess::Running);

    // A second SIGTERM ends the grace period: the idle session gets 421.
    m_daemon->signal(SIGTERM);
    QCOMPARE(idle.reply().left(10), QByteArray("421 4.3.2 "));
    QVERIFY(idle.waitClosed());
    QVERIFY(m_daemon->waitForExit());
    QCOMPARE(m_daemon->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_daemon->process().exitCode(), 0);
    QVERIFY(m_daemon->log().contains("daemon stopped"));
    QVERIFY(!QFile::exists(path(QStringLiteral("run/mailport/control"))));
}

QTEST_GUILESS_MAIN(tst_Daemon)

#include "tst_daemon.moc"
