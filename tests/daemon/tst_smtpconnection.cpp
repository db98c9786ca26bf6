// SmtpConnection in process: the test controls when the daemon side runs (only inside the event
// loop), so bytes can be made to wait in the kernel exactly where an attack would put them.

#include "certificatetool.h"
#include "listener.h"
#include "smtpconnection.h"

#include <QSslCipher>
#include <QSslKey>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Mailport;

namespace {

constexpr int kTimeout = 5000;

// A client socket connected with plain blocking system calls, so that what it sends is in the
// server's kernel buffer before the server side runs at all.
int rawConnect(quint16 port, const char *from = "127.0.0.1")
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const int big = 1 << 20;
    ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &big, sizeof big);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
    sockaddr_in in{};
    in.sin_family = AF_INET;
    in.sin_port = htons(port);
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&in), sizeof in) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool rawSend(int fd, const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.constData() + sent, size_t(bytes.size() - sent), 0);
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

// Reads what the server says through a QTcpSocket that takes over the raw descriptor.
class Reader final : public QObject
{
public:
    explicit Reader(int fd)
    {
        m_socket.setSocketDescriptor(fd);
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { m_data += m_socket.readAll(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { m_closed = true; });
    }
    bool waitFor(const QByteArray &needle, int timeout = kTimeout)
    {
        return QTest::qWaitFor([&] { return m_data.contains(needle); }, timeout);
    }
    bool waitClosed(int timeout = kTimeout)
    {
        return QTest::qWaitFor([&] { return m_closed; }, timeout);
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    /// From the greeting to the 354 of a one-recipient transaction.
    bool openData()
    {
        if (!waitFor("220 "))
            return false;
        send("EHLO c.test\r\n");
        if (!waitFor("250 "))
            return false;
        send("MAIL FROM:<a@x.test>\r\nRCPT TO:<b@y.test>\r\nDATA\r\n");
        return waitFor("354 ");
    }
    const QByteArray &data() const { return m_data; }
    void clear() { m_data.clear(); }
    bool isClosed() const { return m_closed; }

private:
    QTcpSocket m_socket;
    QByteArray m_data;
    bool m_closed = false;
};

} // namespace

class tst_SmtpConnection final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void greetingAndQuit();
    void earlyTalker();
    void injectionBehindStartTls();
    void startTlsUpgrades();
    void receiveTimeout();
    void minimumDataRate();
    void proxyHeaderInPieces();
    void storeFailureIsTemporary();
    void asyncStoreRepliesWhenFinished();
    void asyncStoreOfAVanishedClientIsIgnored();
    void halfClosedClientGetsItsReplies();
    void shutdownSays421();
    void refuseBeforeStart();

private:
    void listen(TlsMode mode = TlsMode::StartTls);
    SmtpConnection *lastConnection() const
    {
        return m_connections.isEmpty() ? nullptr : m_connections.last();
    }

    QTemporaryDir m_dir;
    QSslConfiguration m_tls;
    SmtpConnectionSettings m_settings;
    StoreOutcome m_storeOutcome;
    QList<SmtpMessage> m_stored;
    bool m_asyncStore = false;
    QStringList m_log;
    QByteArray m_refusal;
    std::unique_ptr<Listener> m_listener;
    QList<SmtpConnection *> m_connections;
    int m_finished = 0;
};

void tst_SmtpConnection::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    const CertificateWriteResult written = CertificateTool::generateSelfSigned(
        cert, key, QStringLiteral("mx.test"), {QStringLiteral("mx.test")},
        {QHostAddress::LocalHost}, 1);
    QVERIFY2(written.ok(), qPrintable(written.message));
    const CertificateLoadResult loaded = CertificateTool::load(cert, key);
    QVERIFY2(loaded.ok(), qPrintable(loaded.message));
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificateChain(loaded.chain);
    m_tls.setPrivateKey(loaded.key);
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
}

void tst_SmtpConnection::init()
{
    m_settings = SmtpConnectionSettings();
    m_settings.session.hostname = QStringLiteral("mx.test");
    m_settings.session.banner = QStringLiteral("$smtp_active_hostname ESMTP Test");
    m_settings.session.tlsAvailable = true;
    m_settings.tlsConfiguration = m_tls;
    m_settings.tlsAdvertiseHosts = HostList::parse(QStringLiteral("*"));
    m_settings.receiveTimeout = std::chrono::milliseconds(kTimeout * 2);
    m_storeOutcome = {true, QStringLiteral("id-1"), false, {}};
    m_stored.clear();
    m_asyncStore = false;
    m_log.clear();
    m_refusal.clear();
    m_finished = 0;
}

void tst_SmtpConnection::cleanup()
{
    qDeleteAll(m_connections);
    m_connections.clear();
    m_listener.reset();
}

void tst_SmtpConnection::listen(TlsMode mode)
{
    PlannedSocket socket;
    socket.address = QStringLiteral("127.0.0.1");
    socket.port = 0;
    socket.tls = mode;
    m_listener = std::make_unique<Listener>(socket);
    m_listener->setHandler([this, mode](Listener *, qintptr descriptor) {
        SmtpConnectionSettings settings = m_settings;
        settings.tls = mode;
        SmtpConnectionHooks hooks;
        hooks.admit = [this](const SmtpConnection &) {
            return m_refusal;
        };
        hooks.store = [this](const SmtpMessage &message) {
            m_stored.append(message);
            return m_storeOutcome;
        };
        if (m_asyncStore) {
            hooks.storeAsync = [this](SmtpConnection &, const SmtpMessage &message) {
                m_stored.append(message);
            };
        }
        hooks.log = [this](const QString &line) {
            m_log.append(line);
        };
        auto *c = new SmtpConnection(descriptor, settings, hooks);
        connect(c, &SmtpConnection::finished, this, [this] { ++m_finished; });
        m_connections.append(c);
        c->start();
    });
    const Listener::BindResult r = m_listener->bind(20);
    QVERIFY2(r.ok(), qPrintable(r.message));
}

void tst_SmtpConnection::greetingAndQuit()
{
    listen();
    Reader client(rawConnect(m_listener->serverPort()));
    QVERIFY(client.waitFor("220 mx.test ESMTP Test\r\n"));
    client.send("EHLO c.test\r\n");
    QVERIFY(client.waitFor("250 "));
    client.send("QUIT\r\n");
    QVERIFY(client.waitFor("221 "));
    QVERIFY(client.waitClosed());
    QTRY_COMPARE(m_finished, 1);
    QVERIFY(lastConnection()->bytesReceived() > 0);
    QCOMPARE(lastConnection()->bytesSent(), qint64(client.data().size()));
}

void tst_SmtpConnection::earlyTalker()
{
    listen();
    const int fd = rawConnect(m_listener->serverPort());
    // Before the server side has even accepted: talk before the greeting.
    QVERIFY(rawSend(fd, "EHLO early.test\r\n"));
    Reader client(fd);
    QVERIFY(client.waitClosed());
    QCOMPARE(client.data(), QByteArray("554 5.5.0 SMTP synchronization error\r\n"));
    QCOMPARE(lastConnection()->rejections(), 1);
}

void tst_SmtpConnection::injectionBehindStartTls()
{
    // The session sees a chunk that ends exactly after STARTTLS (RSETs fill the first 64 KiB
    // read), so only the connection can notice the command waiting behind it.
    listen();
    const int fd = rawConnect(m_listener->serverPort());
    Reader client(fd);
    QVERIFY(client.waitFor("220 "));
    client.send("EHLO c.test\r\n");
    QVERIFY(client.waitFor("250 "));
    client.clear();
    QByteArray attack;
    while (attack.size() < 65536 - 10)
        attack += "RSET\r\n";
    QCOMPARE(attack.size() + 10, 65536);
    attack += "STARTTLS\r\nEHLO evil\r\n";
    QVERIFY(rawSend(fd, attack));
    QVERIFY(client.waitClosed());
    QVERIFY2(client.data().endsWith(
                 "554 5.5.1 Error: input sent after STARTTLS (command injection)\r\n"),
             client.data().right(200).constData());
    QVERIFY(!client.data().contains("220 2.0.0"));
    QCOMPARE(client.data().count("250 "), (65536 - 10) / 6);
    QVERIFY(m_log.join(u'\n').contains(QStringLiteral("command injection attempt): 11 bytes")));
}

void tst_SmtpConnection::startTlsUpgrades()
{
    listen();
    QSslSocket client;
    QSslConfiguration config = client.sslConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.setSslConfiguration(config);
    QByteArray data;
    connect(&client, &QSslSocket::readyRead, this, [&] { data += client.readAll(); });
    client.connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
    QTRY_VERIFY(data.contains("220 mx.test"));
    client.write("EHLO c.test\r\n");
    QTRY_VERIFY(data.contains("250 HELP"));
    QVERIFY(data.contains("STARTTLS"));
    data.clear();
    client.write("STARTTLS\r\n");
    QTRY_VERIFY(data.contains("220 2.0.0"));
    data.clear();
    client.startClientEncryption();
    QTRY_VERIFY(client.isEncrypted());
    client.write("EHLO c.test\r\n");
    QTRY_VERIFY(data.contains("250 HELP"));
    QVERIFY(!data.contains("STARTTLS"));
    client.write("MAIL FROM:<a@x.test>\r\nRCPT TO:<b@y.test>\r\nDATA\r\n");
    QTRY_VERIFY(data.contains("354 "));
    client.write("Subject: t\r\n\r\nx\r\n.\r\n");
    QTRY_COMPARE(m_stored.size(), 1);
    QTRY_VERIFY(data.contains("250 2.0.0 OK id=id-1"));
    QCOMPARE(m_stored.first().protocol, QStringLiteral("esmtps"));
    QCOMPARE(m_stored.first().tlsCipher, client.sessionCipher().name());
    QVERIFY(m_stored.first().tlsProtocol.startsWith(QStringLiteral("TLS1.")));

    // A TLS error ends the TCP connection at once: garbage where a record should be.
    m_finished = 0;
    const qintptr fd = client.socketDescriptor();
    QVERIFY(::send(int(fd), "\x17\x03\x03\x00\x05garbage", 12, 0) == 12);
    QTRY_COMPARE(m_finished, 1);
    QVERIFY(m_log.join(u'\n').contains(QStringLiteral("TLS error on connection from")));
}

void tst_SmtpConnection::receiveTimeout()
{
    m_settings.receiveTimeout = std::chrono::milliseconds(200);
    listen();
    Reader client(rawConnect(m_listener->serverPort()));
    QVERIFY(client.waitFor("220 "));
    QVERIFY(client.waitFor("421 4.4.2 mx.test Error: timeout exceeded\r\n"));
    QVERIFY(client.waitClosed());
}

void tst_SmtpConnection::minimumDataRate()
{
    // A client that never pauses longer than the timeout, but sends almost nothing, is cut off
    // all the same: each byte buys only 1/minimumDataRate seconds.
    m_settings.receiveTimeout = std::chrono::milliseconds(1000);
    m_settings.minimumDataRate = 1000;
    listen();
    Reader client(rawConnect(m_listener->serverPort()));
    QVERIFY(client.openData());
    QTimer trickle;
    int sent = 0;
    connect(&trickle, &QTimer::timeout, this, [&] {
        client.send("x");
        ++sent;
    });
    trickle.start(50);
    // Without the rate rule the trickle would keep the session for as long as it lasts.
    QVERIFY(client.waitFor("421 4.4.2", 8000));
    trickle.stop();
    QVERIFY(sent > 0);
    QVERIFY(client.waitClosed());
    QVERIFY(m_stored.isEmpty());
}

void tst_SmtpConnection::proxyHeaderInPieces()
{
    m_settings.hostsProxy = HostList::parse(QStringLiteral("127.0.0.2"));
    listen();
    const int fd = rawConnect(m_listener->serverPort(), "127.0.0.2");
    QVERIFY(rawSend(fd, "PROXY TCP4 192.0"));
    Reader client(fd);
    QTRY_COMPARE(m_connections.size(), 1);
    // Incomplete: nothing is said, and the connection waits.
    QVERIFY(!client.waitFor("220", 100));
    QVERIFY(rawSend(fd, ".2.55 127.0.0.1 1234 25\r"));
    QVERIFY(!client.waitFor("220", 100));
    QVERIFY(rawSend(fd, "\n"));
    QVERIFY(client.waitFor("220 mx.test"));
    client.send("EHLO p.test\r\n");
    QVERIFY(client.waitFor("250-mx.test Hello p.test [192.0.2.55]"));
    const SmtpConnection *c = lastConnection();
    QVERIFY(c->isProxied());
    QCOMPARE(c->client().address, QHostAddress(QStringLiteral("192.0.2.55")));
    QCOMPARE(c->client().port, 1234);
    QCOMPARE(c->tcpPeer().address, QHostAddress(QStringLiteral("127.0.0.2")));
}

void tst_SmtpConnection::storeFailureIsTemporary()
{
    m_storeOutcome = {false, {}, true, QStringLiteral("disk full")};
    listen();
    Reader client(rawConnect(m_listener->serverPort()));
    QVERIFY(client.openData());
    client.send("Subject: t\r\n\r\nx\r\n.\r\n");
    QVERIFY(client.waitFor("452 4.3.1"));
    QCOMPARE(m_stored.size(), 1);
    QCOMPARE(lastConnection()->messages(), 0);
}

void tst_SmtpConnection::asyncStoreRepliesWhenFinished()
{
    m_asyncStore = true;
    listen();
    const int fd = rawConnect(m_listener->serverPort());
    Reader client(fd);
    QVERIFY(client.openData());
    client.clear();
    // The QUIT behind the final dot must wait for the store, and its reply after the 250.
    client.send("Subject: t\r\n\r\nx\r\n.\r\nQUIT\r\n");
    QTRY_COMPARE(m_stored.size(), 1);
    SmtpConnection *c = lastConnection();
    QVERIFY(c->isStoring());
    QCOMPARE(client.data(), QByteArray());
    c->storeFinished({true, QStringLiteral("id-9"), false, {}});
    QVERIFY(client.waitFor("221 "));
    QVERIFY(client.data().startsWith("250 2.0.0 OK id=id-9\r\n221 "));
    QVERIFY(!c->isStoring());
    QCOMPARE(c->messages(), 1);
    QVERIFY(client.waitClosed());
}

void tst_SmtpConnection::asyncStoreOfAVanishedClientIsIgnored()
{
    m_asyncStore = true;
    listen();
    const int fd = rawConnect(m_listener->serverPort());
    auto client = std::make_unique<Reader>(fd);
    QVERIFY(client->openData());
    client->send("Subject: t\r\n\r\nx\r\n.\r\n");
    QTRY_COMPARE(m_stored.size(), 1);
    client.reset(); // gone before the spool answers
    SmtpConnection *c = lastConnection();
    // The client may only have shut down its sending side and still wait for the reply, so
    // the connection waits for the spool, replies, and only then finds the end of the input.
    QVERIFY(c->isStoring());
    c->storeFinished({false, {}, false, QStringLiteral("I/O error")});
    QTRY_COMPARE(m_finished, 1);
    QCOMPARE(c->messages(), 0);
    QVERIFY(c->isFinished());
    // A late or repeated answer is ignored.
    c->storeFinished({true, QStringLiteral("id-2"), false, {}});
    QCOMPARE(c->messages(), 0);
}

void tst_SmtpConnection::halfClosedClientGetsItsReplies()
{
    // A script that sends everything and shuts down its sending side still reads the replies,
    // the one that waits for the spool included.
    m_asyncStore = true;
    listen();
    const int fd = rawConnect(m_listener->serverPort());
    Reader client(fd);
    QVERIFY(client.openData());
    client.clear();
    QVERIFY(rawSend(fd, "Subject: t\r\n\r\nx\r\n.\r\nQUIT\r\n"));
    QCOMPARE(::shutdown(fd, SHUT_WR), 0);
    QTRY_COMPARE(m_stored.size(), 1);
    lastConnection()->storeFinished({true, QStringLiteral("id-3"), false, {}});
    QVERIFY(client.waitClosed());
    QVERIFY2(client.data().startsWith("250 2.0.0 OK id=id-3\r\n221 "), client.data().constData());
    QTRY_COMPARE(m_finished, 1);
    QCOMPARE(lastConnection()->messages(), 1);
}

void tst_SmtpConnection::shutdownSays421()
{
    listen();
    Reader client(rawConnect(m_listener->serverPort()));
    QVERIFY(client.waitFor("220 "));
    lastConnection()->shutdown();
    QVERIFY(client.waitFor("421 4.3.2 mx.test Service shutting down"));
    QVERIFY(client.waitClosed());
    QTRY_COMPARE(m_finished, 1);
}

void tst_SmtpConnection::refuseBeforeStart()
{
    m_refusal = "421 4.7.0 mx.test Too many connections from your host";
    listen();
    Reader client(rawConnect(m_listener->serverPort()));
    QVERIFY(client.waitClosed());
    QCOMPARE(client.data(), m_refusal + "\r\n");
    QVERIFY(!lastConnection()->isAdmitted());
    QCOMPARE(lastConnection()->rejections(), 1);
}

QTEST_GUILESS_MAIN(tst_SmtpConnection)

#include "tst_smtpconnection.moc"
