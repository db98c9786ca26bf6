#include "listener.h"

#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Mailport;

namespace {

PlannedSocket planned(const QString &address, int port, const QString &scope = {})
{
    PlannedSocket s;
    s.address = address;
    s.scope = scope;
    s.port = port;
    s.configuredPort = port;
    s.ipv6 = address.contains(u':');
    s.wildcard = address == QLatin1String("0.0.0.0") || address == QLatin1String("::0");
    s.v6only = address == QLatin1String("::0");
    s.source = QStringLiteral("local_interfaces");
    s.item = scope.isEmpty() ? address : address + u'%' + scope;
    return s;
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::Any, 0))
        return 0;
    return server.serverPort();
}

int intOption(qintptr fd, int level, int name)
{
    int value = -1;
    socklen_t length = sizeof value;
    if (::getsockopt(int(fd), level, name, &value, &length) != 0)
        return -1;
    return value;
}

} // namespace

class tst_Listener final : public QObject
{
    Q_OBJECT

private slots:
    void bindsAndHandsOverConnections();
    void wildcardPairWithV6Only();
    void otherAnySpellingIsDualStack();
    void bufferSizes();
    void updateKeepsTheSocket();
    void bindErrors_data();
    void bindErrors();
    void addressInUseNamesTheHolder();
    void holderInAnotherProcess();
    void privilegedPortMessage();
    void sameEndpoint();
};

void tst_Listener::bindsAndHandsOverConnections()
{
    const quint16 port = freePort();
    Listener listener(planned(QStringLiteral("127.0.0.1"), port));
    qintptr received = -1;
    listener.setHandler([&](Listener *from, qintptr descriptor) {
        QCOMPARE(from, &listener);
        received = descriptor;
    });
    const Listener::BindResult r = listener.bind(20);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(listener.isListening());
    QCOMPARE(listener.serverPort(), port);
    QCOMPARE(listener.serverAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(intOption(listener.socketDescriptor(), SOL_SOCKET, SO_REUSEADDR), 1);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_VERIFY(received >= 0);
    QTcpSocket server;
    QVERIFY(server.setSocketDescriptor(received));
    client.write("hello");
    QTRY_COMPARE(server.bytesAvailable(), 5);
    QCOMPARE(server.readAll(), QByteArray("hello"));
}

void tst_Listener::wildcardPairWithV6Only()
{
    // Exim's pair: ::0 is IPv6-only, so 0.0.0.0 on the same port is a socket of its own.
    const quint16 port = freePort();
    Listener v6(planned(QStringLiteral("::0"), port));
    Listener v4(planned(QStringLiteral("0.0.0.0"), port));
    const Listener::BindResult r6 = v6.bind(20);
    QVERIFY2(r6.ok(), qPrintable(r6.message));
    const Listener::BindResult r = v4.bind(20);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(intOption(v6.socketDescriptor(), IPPROTO_IPV6, IPV6_V6ONLY), 1);
}

void tst_Listener::otherAnySpellingIsDualStack()
{
    // Only the exact text ::0 is Exim's IPv6-only wildcard; `::` is one dual-stack socket, which
    // is why it clashes with 0.0.0.0 on the same port.
    const quint16 port = freePort();
    Listener listener(planned(QStringLiteral("::"), port));
    QVERIFY(listener.bind(20).ok());
    QCOMPARE(intOption(listener.socketDescriptor(), IPPROTO_IPV6, IPV6_V6ONLY), 0);
    Listener v4(planned(QStringLiteral("0.0.0.0"), port));
    QCOMPARE(v4.bind(20).error, int(EADDRINUSE));
}

void tst_Listener::bufferSizes()
{
    PlannedSocket s = planned(QStringLiteral("127.0.0.1"), freePort());
    s.receiveBufSize = 200000;
    s.sendBufSize = 150000;
    Listener listener(s);
    QVERIFY(listener.bind(20).ok());
    // Linux doubles what it is given (for its bookkeeping).
    QVERIFY(intOption(listener.socketDescriptor(), SOL_SOCKET, SO_RCVBUF) >= 200000);
    QVERIFY(intOption(listener.socketDescriptor(), SOL_SOCKET, SO_SNDBUF) >= 150000);
}

void tst_Listener::updateKeepsTheSocket()
{
    PlannedSocket s = planned(QStringLiteral("127.0.0.1"), freePort());
    Listener listener(s);
    QVERIFY(listener.bind(20).ok());
    const qintptr fd = listener.socketDescriptor();
    s.tls = TlsMode::Smtps;
    s.name = QStringLiteral("MSA");
    s.receiveBufSize = 100000;
    listener.update(s, 50);
    QCOMPARE(listener.socketDescriptor(), fd);
    QVERIFY(listener.isListening());
    QCOMPARE(listener.planned().tls, TlsMode::Smtps);
    QCOMPARE(listener.planned().name, QStringLiteral("MSA"));
    QVERIFY(intOption(fd, SOL_SOCKET, SO_RCVBUF) >= 100000);
}

void tst_Listener::bindErrors_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("message");
    QTest::newRow("address not on this host")
        << QStringLiteral("192.0.2.1") << QString() << int(EADDRNOTAVAIL)
        << QStringLiteral("no interface of this host has 192.0.2.1");
    QTest::newRow("ipv6 not on this host")
        << QStringLiteral("2001:db8::1") << QString() << int(EADDRNOTAVAIL)
        << QStringLiteral("no interface of this host has 2001:db8::1");
    QTest::newRow("link-local without scope")
        << QStringLiteral("fe80::1") << QString() << int(EINVAL)
        << QStringLiteral("the link-local address fe80::1 needs its scope, e.g. fe80::1%eth0");
    QTest::newRow("unknown scope")
        << QStringLiteral("fe80::1") << QStringLiteral("nosuchif0") << int(ENODEV)
        << QStringLiteral("the scope \"nosuchif0\" names no interface");
}

void tst_Listener::bindErrors()
{
    QFETCH(QString, address);
    QFETCH(QString, scope);
    QFETCH(int, error);
    QFETCH(QString, message);
    Listener listener(planned(address, freePort(), scope));
    const Listener::BindResult r = listener.bind(20);
    QCOMPARE(r.error, error);
    QVERIFY2(r.message.contains(message), qPrintable(r.message));
    QVERIFY2(r.message.startsWith(QStringLiteral("Cannot bind ")), qPrintable(r.message));
    QVERIFY(r.message.contains(QStringLiteral("(local_interfaces item \"")));
    QVERIFY(!listener.isListening());
}

void tst_Listener::addressInUseNamesTheHolder()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    Listener listener(planned(QStringLiteral("127.0.0.1"), holder.serverPort()));
    const Listener::BindResult r = listener.bind(20);
    QCOMPARE(r.error, int(EADDRINUSE));
    QVERIFY2(r.message.contains(QStringLiteral("already in use, held by this process (pid %1")
                                    .arg(QCoreApplication::applicationPid())),
             qPrintable(r.message));
}

void tst_Listener::holderInAnotherProcess()
{
    const quint16 port = freePort();
    int ready[2];
    int release[2];
    QVERIFY(::pipe(ready) == 0 && ::pipe(release) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // Only system calls here: the child holds a listening socket until the parent closes its
        // end of the release pipe (or exits).
        ::close(ready[0]);
        ::close(release[1]);
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in in{};
        in.sin_family = AF_INET;
        in.sin_port = htons(port);
        in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const char ok = (::bind(fd, reinterpret_cast<sockaddr *>(&in), sizeof in) == 0
                         && ::listen(fd, 1) == 0)
                            ? '1'
                            : '0';
        [[maybe_unused]] const ssize_t w = ::write(ready[1], &ok, 1);
        char c;
        [[maybe_unused]] const ssize_t r = ::read(release[0], &c, 1);
        ::_exit(0);
    }
    ::close(ready[1]);
    ::close(release[0]);
    auto reap = qScopeGuard([&] {
        ::close(release[1]);
        ::close(ready[0]);
        ::waitpid(child, nullptr, 0);
    });
    char ok = 0;
    QCOMPARE(::read(ready[0], &ok, 1), ssize_t(1));
    QCOMPARE(ok, '1');
    const QString holder = Listener::portHolder(port, false, QHostAddress(QHostAddress::LocalHost));
    reap.dismiss();
    ::close(release[1]);
    ::close(ready[0]);
    ::waitpid(child, nullptr, 0);
    QVERIFY2(holder.startsWith(QStringLiteral("held by pid %1 (").arg(child)), qPrintable(holder));
    QVERIFY(Listener::portHolder(port, false, QHostAddress(QHostAddress::LocalHost)).isEmpty());
}

void tst_Listener::privilegedPortMessage()
{
    const QString message
        = Listener::describeBindError(EACCES, planned(QStringLiteral("0.0.0.0"), 25));
    QVERIFY2(message.contains(
                 QStringLiteral("port 25 is below 1024 and needs root or CAP_NET_BIND_SERVICE")),
             qPrintable(message));
    QVERIFY(message.startsWith(QStringLiteral("Cannot bind 0.0.0.0:25")));
}

void tst_Listener::sameEndpoint()
{
    QVERIFY(Listener::sameEndpoint(planned(QStringLiteral("::1"), 25),
                                   planned(QStringLiteral("0::1"), 25)));
    QVERIFY(!Listener::sameEndpoint(planned(QStringLiteral("::1"), 25),
                                    planned(QStringLiteral("::1"), 26)));
    QVERIFY(!Listener::sameEndpoint(planned(QStringLiteral("fe80::1"), 25, QStringLiteral("eth0")),
                                    planned(QStringLiteral("fe80::1"), 25, QStringLiteral("lo"))));
    QVERIFY(!Listener::sameEndpoint(planned(QStringLiteral("127.0.0.1"), 25),
                                    planned(QStringLiteral("::1"), 25)));
}

QTEST_GUILESS_MAIN(tst_Listener)

#include "tst_listener.moc"
