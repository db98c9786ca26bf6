#include "listenerset.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <cerrno>

using namespace Mailport;

namespace {

PlannedSocket planned(const QString &address, int port, bool optional = false)
{
    PlannedSocket s;
    s.address = address;
    s.port = port;
    s.configuredPort = port;
    s.ipv6 = address.contains(u':');
    s.wildcard = address == QLatin1String("0.0.0.0") || address == QLatin1String("::0");
    s.v6only = address == QLatin1String("::0");
    s.optional = optional;
    return s;
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::Any, 0))
        return 0;
    return server.serverPort();
}

// Whether something accepts connections on 127.0.0.1:port.
bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    const bool done = QTest::qWaitFor(
        [&] {
            return socket.state() == QAbstractSocket::ConnectedState
                   || socket.state() == QAbstractSocket::UnconnectedState;
        },
        5000);
    return done && socket.state() == QAbstractSocket::ConnectedState;
}

QList<int> ports(const ListenerSet &set)
{
    QList<int> out;
    for (const Listener *l : set.listeners())
        out.append(l->planned().port);
    return out;
}

} // namespace

class tst_ListenerSet final : public QObject
{
    Q_OBJECT

private slots:
    void bindAllOrNothing();
    void optionalSocketIsSkipped();
    void applyAddsAndRemoves();
    void applyFailureKeepsEverything();
    void applyReplacesAClashingSocket();
    void closeAll();
};

void tst_ListenerSet::bindAllOrNothing()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const quint16 free = freePort();
    ListenerSet set;
    const ListenerSet::Result r
        = set.bindAll({planned(QStringLiteral("127.0.0.1"), free),
                       planned(QStringLiteral("127.0.0.1"), holder.serverPort())},
                      20);
    QVERIFY(!r.ok());
    QCOMPARE(r.failures.size(), 1);
    QCOMPARE(r.failures.first().error, int(EADDRINUSE));
    QVERIFY(r.errorText().contains(QStringLiteral("already in use")));
    QVERIFY(set.isEmpty());
    QVERIFY(r.added.isEmpty());
    // The socket bound before the failure was closed again.
    QVERIFY(!accepts(free));
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, free));
}

void tst_ListenerSet::optionalSocketIsSkipped()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const quint16 free = freePort();
    ListenerSet set;
    const ListenerSet::Result r
        = set.bindAll({planned(QStringLiteral("127.0.0.1"), free),
                       planned(QStringLiteral("127.0.0.1"), holder.serverPort(), true)},
                      20);
    QVERIFY(r.ok());
    QCOMPARE(r.warnings.size(), 1);
    QVERIFY(r.warnings.first().contains(QStringLiteral("optional socket skipped")));
    QCOMPARE(ports(set), QList<int>({free}));
    QVERIFY(accepts(free));
}

void tst_ListenerSet::applyAddsAndRemoves()
{
    const quint16 a = freePort();
    const quint16 b = freePort();
    const quint16 c = freePort();
    ListenerSet set;
    int accepted = 0;
    set.setHandler([&](Listener *, qintptr descriptor) {
        ++accepted;
        auto *socket = new QTcpSocket(&set);
        socket->setSocketDescriptor(descriptor);
    });
    QVERIFY(set.bindAll({planned(QStringLiteral("127.0.0.1"), a),
                         planned(QStringLiteral("127.0.0.1"), b)},
                        20)
                .ok());
    const Listener *kept = set.listeners().first();

    // A connection accepted before the change stays up through it.
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, a);
    QTRY_COMPARE(accepted, 1);

    PlannedSocket changed = planned(QStringLiteral("127.0.0.1"), a);
    changed.tls = TlsMode::Smtps;
    const ListenerSet::Result r = set.apply({changed, planned(QStringLiteral("127.0.0.1"), c)}, 20);
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QCOMPARE(r.kept.size(), 1);
    QCOMPARE(r.added.size(), 1);
    QCOMPARE(r.added.first().port, int(c));
    QCOMPARE(r.removed.size(), 1);
    QCOMPARE(r.removed.first().port, int(b));
    QCOMPARE(set.listeners().first(), kept);
    QCOMPARE(kept->planned().tls, TlsMode::Smtps);
    QCOMPARE(ports(set), QList<int>({a, c}));
    QVERIFY(accepts(a));
    QVERIFY(accepts(c));
    QVERIFY(!accepts(b));
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

void tst_ListenerSet::applyFailureKeepsEverything()
{
    const quint16 a = freePort();
    const quint16 b = freePort();
    const quint16 c = freePort();
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    ListenerSet set;
    QVERIFY(set.bindAll({planned(QStringLiteral("127.0.0.1"), a),
                         planned(QStringLiteral("127.0.0.1"), b)},
                        20)
                .ok());
    const ListenerSet::Result r = set.apply(
        {planned(QStringLiteral("127.0.0.1"), a), planned(QStringLiteral("127.0.0.1"), c),
         planned(QStringLiteral("127.0.0.1"), holder.serverPort())},
        20);
    QVERIFY(!r.ok());
    QCOMPARE(r.failures.size(), 1);
    QCOMPARE(r.failures.first().socket.port, int(holder.serverPort()));
    QCOMPARE(ports(set), QList<int>({a, b}));
    QVERIFY(accepts(a));
    QVERIFY(accepts(b));
    QVERIFY(!accepts(c));
}

void tst_ListenerSet::applyReplacesAClashingSocket()
{
    // 0.0.0.0:P cannot bind while 127.0.0.1:P listens; the old one goes first, and comes back if
    // the new one still fails.
    const quint16 port = freePort();
    ListenerSet set;
    QVERIFY(set.bindAll({planned(QStringLiteral("127.0.0.1"), port)}, 20).ok());
    const ListenerSet::Result r = set.apply({planned(QStringLiteral("0.0.0.0"), port)}, 20);
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QCOMPARE(r.added.size(), 1);
    QCOMPARE(r.removed.size(), 1);
    QCOMPARE(set.listeners().size(), 1);
    QCOMPARE(set.listeners().first()->planned().address, QStringLiteral("0.0.0.0"));
    QVERIFY(accepts(port));

    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const ListenerSet::Result failed
        = set.apply({planned(QStringLiteral("127.0.0.1"), port),
                     planned(QStringLiteral("127.0.0.1"), holder.serverPort())},
                    20);
    QVERIFY(!failed.ok());
    QCOMPARE(set.listeners().size(), 1);
    QVERIFY(set.listeners().first()->isListening());
    QCOMPARE(set.listeners().first()->planned().address, QStringLiteral("0.0.0.0"));
    QVERIFY(accepts(port));
}

void tst_ListenerSet::closeAll()
{
    const quint16 a = freePort();
    ListenerSet set;
    QVERIFY(set.bindAll({planned(QStringLiteral("127.0.0.1"), a)}, 20).ok());
    set.closeAll();
    QVERIFY(set.isEmpty());
    QVERIFY(!accepts(a));
}

QTEST_GUILESS_MAIN(tst_ListenerSet)

#include "tst_listenerset.moc"
