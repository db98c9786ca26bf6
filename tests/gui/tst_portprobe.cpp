#include "portprobe.h"

#include "listenplan.h"

#include <QTcpServer>
#include <QTest>

using namespace Mailport;

namespace {

const QByteArray kHeader = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
                           "retrnsmt   uid  timeout inode\n";

PlannedSocket socket(const QString &address, int port, bool wildcard = false)
{
    PlannedSocket s;
    s.address = address;
    s.port = port;
    s.configuredPort = port;
    s.ipv6 = address.contains(u':');
    s.wildcard = wildcard;
    return s;
}

} // namespace

class tst_PortProbe : public QObject
{
    Q_OBJECT

private slots:
    void parseProcNet_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        // The kernel prints each 32-bit word in host byte order (little-endian here).
        QTest::newRow("loopback v4")
            << QByteArray("   0: 0100007F:09DD 00000000:0000 0A 00000000:00000000 00:00000000 "
                          "00000000     0        0 1 1 0 100 0 0 10 0")
            << QStringLiteral("127.0.0.1") << 2525;
        QTest::newRow("any v4") << QByteArray(
            "   1: 00000000:0019 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0     "
            "   0 2 1 0 100 0 0 10 0")
                                << QStringLiteral("0.0.0.0") << 25;
        QTest::newRow("loopback v6") << QByteArray(
            "   0: 00000000000000000000000001000000:01D1 00000000000000000000000000000000:0000 0A "
            "00000000:00000000 00:00000000 00000000     0        0 3 1 0 100 0 0 10 0")
                                     << QStringLiteral("::1") << 465;
        QTest::newRow("documentation v6") << QByteArray(
            "   0: B80D0120000000000000000010000000:024B 00000000000000000000000000000000:0000 0A "
            "00000000:00000000 00:00000000 00000000     0        0 4 1 0 100 0 0 10 0")
                                          << QStringLiteral("2001:db8::10") << 587;
    }

    void parseProcNet()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, address);
        QFETCH(int, port);
        const QList<ListeningSocket> found = PortProbe::parseProcNet(kHeader + line + '\n');
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].address, QHostAddress(address));
        QCOMPARE(found[0].port, port);
    }

    void parseSkipsOtherStatesAndGarbage()
    {
        const QByteArray table = kHeader
                                 + "   0: 0100007F:09DD 0100007F:D431 01 00000000:00000000 "
                                   "00:00000000 00000000 0 0 1\n"
                                   "   1: nonsense\n"
                                   "   2: 0100007F:ZZZZ 00000000:0000 0A\n";
        QVERIFY(PortProbe::parseProcNet(table).isEmpty());
        QVERIFY(PortProbe::parseProcNet(QByteArray()).isEmpty());
    }

    void conflicts_data()
    {
        QTest::addColumn<QString>("listener");
        QTest::addColumn<QString>("planned");
        QTest::addColumn<bool>("inUse");
        QTest::newRow("same address") << "127.0.0.1"
                                      << "127.0.0.1" << true;
        QTest::newRow("listener on any") << "0.0.0.0"
                                         << "127.0.0.1" << true;
        QTest::newRow("plan on any") << "127.0.0.1"
                                     << "0.0.0.0" << true;
        QTest::newRow("other address") << "127.0.0.2"
                                       << "127.0.0.1" << false;
        QTest::newRow("v6 any and v4") << "::"
                                       << "127.0.0.1" << false;
        QTest::newRow("v6 any and v6") << "::"
                                       << "::1" << true;
        QTest::newRow("v6 wildcard spelling") << "::1"
                                              << "::0" << true;
        QTest::newRow("mapped v4") << "127.0.0.1"
                                   << "::ffff:127.0.0.1" << true;
    }

    void conflicts()
    {
        QFETCH(QString, listener);
        QFETCH(QString, planned);
        QFETCH(bool, inUse);
        PortProbe probe([&] { return QList<ListeningSocket>{{QHostAddress(listener), 2525}}; });
        probe.refresh();
        QCOMPARE(probe.isInUse(socket(planned, 2525)), inUse);
        QVERIFY(!probe.isInUse(socket(planned, 2526)));
    }

    void findsARealListener()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        PortProbe probe;
        probe.refresh();
        QVERIFY(probe.isInUse(socket(QStringLiteral("127.0.0.1"), server.serverPort())));
        server.close();
        probe.refresh();
        QVERIFY(!probe.isInUse(socket(QStringLiteral("127.0.0.1"), server.serverPort())));
    }

    void privilegeMatchesWhatTheKernelAllows()
    {
        // Binding a low port on loopback is the ground truth the probe predicts.
        bool allowed = false;
        bool denied = false;
        for (quint16 port = 1023; port >= 1000 && !allowed && !denied; --port) {
            QTcpServer server;
            if (server.listen(QHostAddress::LocalHost, port))
                allowed = true;
            else if (server.serverError() == QAbstractSocket::SocketAccessError)
                denied = true;
        }
        QVERIFY(allowed || denied);
        QCOMPARE(PortProbe::canBindPrivilegedPorts(), allowed);
    }
};

QTEST_GUILESS_MAIN(tst_PortProbe)
#include "tst_portprobe.moc"
