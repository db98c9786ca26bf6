#include "hostinterfaces.h"

#include <QTest>

using namespace Mailport;

namespace {

// A host like a small server: lo, eth0 with IPv4 and IPv6 (global and link-local), a down wlan0.
HostInterfaces fakeHost()
{
    HostInterfaces host = HostInterfaces::loopbackOnly();
    HostInterface eth;
    eth.name = QStringLiteral("eth0");
    eth.index = 2;
    eth.flags = QNetworkInterface::IsUp | QNetworkInterface::IsRunning
                | QNetworkInterface::CanBroadcast | QNetworkInterface::CanMulticast;
    eth.mtu = 1500;
    eth.hardwareAddress = QStringLiteral("52:54:00:12:34:56");
    eth.addresses = {
        {QHostAddress(QStringLiteral("192.0.2.10")), 24, ScopeKind::Global, {}},
        {QHostAddress(QStringLiteral("2001:db8::10")), 64, ScopeKind::Global, {}},
        {QHostAddress(QStringLiteral("fe80::5054:ff:fe12:3456")), 64, ScopeKind::LinkLocal,
         QStringLiteral("eth0")},
    };
    host.addInterface(eth);
    HostInterface wlan;
    wlan.name = QStringLiteral("wlan0");
    wlan.index = 3;
    wlan.addresses = {{QHostAddress(QStringLiteral("10.1.2.3")), 8, ScopeKind::SiteLocal, {}}};
    host.addInterface(wlan);
    return host;
}

} // namespace

class tst_HostInterfaces final : public QObject
{
    Q_OBJECT

private slots:
    void scopeKinds_data();
    void scopeKinds();
    void canBind_data();
    void canBind();
    void lookups();
    void upAddresses();
    void systemHasLoopback();
};

void tst_HostInterfaces::scopeKinds_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("kind");
    QTest::newRow("v4 loopback") << "127.0.0.5"
                                 << "loopback";
    QTest::newRow("v6 loopback") << "::1"
                                 << "loopback";
    QTest::newRow("link-local") << "fe80::1"
                                << "link-local";
    QTest::newRow("v4 link-local") << "169.254.1.1"
                                   << "link-local";
    QTest::newRow("unique-local") << "fd00::1"
                                  << "unique-local";
    QTest::newRow("site-local v6") << "fec0::1"
                                   << "site-local";
    QTest::newRow("private v4") << "192.168.1.1"
                                << "site-local";
    QTest::newRow("private 172") << "172.20.0.1"
                                 << "site-local";
    QTest::newRow("global v4") << "192.0.2.1"
                               << "global";
    QTest::newRow("global v6") << "2001:db8::1"
                               << "global";
    QTest::newRow("any") << "::"
                         << "unspecified";
    QTest::newRow("multicast") << "ff02::1"
                               << "multicast";
}

void tst_HostInterfaces::scopeKinds()
{
    QFETCH(QString, address);
    QFETCH(QString, kind);
    QCOMPARE(scopeKindName(HostInterfaces::scopeKindOf(QHostAddress(address))), kind);
}

void tst_HostInterfaces::canBind_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<bool>("expected");
    QTest::newRow("own v4") << "192.0.2.10"
                            << "" << true;
    QTest::newRow("other v4 in the subnet") << "192.0.2.11"
                                            << "" << false;
    QTest::newRow("any 127/8") << "127.0.0.2"
                               << "" << true;
    QTest::newRow("v6 loopback") << "::1"
                                 << "" << true;
    QTest::newRow("own v6") << "2001:db8::10"
                            << "" << true;
    QTest::newRow("v4 mapped") << "::ffff:192.0.2.10"
                               << "" << true;
    QTest::newRow("v4 mapped loopback") << "::ffff:127.0.0.1"
                                        << "" << true;
    QTest::newRow("link-local right scope") << "fe80::5054:ff:fe12:3456"
                                            << "eth0" << true;
    QTest::newRow("link-local by index") << "fe80::5054:ff:fe12:3456"
                                         << "2" << true;
    QTest::newRow("link-local wrong scope") << "fe80::5054:ff:fe12:3456"
                                            << "lo" << false;
    QTest::newRow("down interface still binds") << "10.1.2.3"
                                                << "" << true;
    QTest::newRow("absent") << "203.0.113.1"
                            << "" << false;
}

void tst_HostInterfaces::canBind()
{
    QFETCH(QString, address);
    QFETCH(QString, scope);
    QFETCH(bool, expected);
    QCOMPARE(fakeHost().canBind(QHostAddress(address), scope), expected);
}

void tst_HostInterfaces::lookups()
{
    const HostInterfaces host = fakeHost();
    QCOMPARE(host.byName(QStringLiteral("eth0"))->mtu, 1500);
    QCOMPARE(host.byIndex(2)->name, QStringLiteral("eth0"));
    QCOMPARE(host.byScope(QStringLiteral("3"))->name, QStringLiteral("wlan0"));
    QVERIFY(!host.byScope(QStringLiteral("eth9")));
    QVERIFY(!host.byScope(QStringLiteral("9")));
    QVERIFY(host.byName(QStringLiteral("lo"))->isLoopback());
    QVERIFY(!host.byName(QStringLiteral("wlan0"))->isUp());
    QCOMPARE(host.byName(QStringLiteral("eth0"))->addresses[2].text(),
             QStringLiteral("fe80::5054:ff:fe12:3456"));
}

void tst_HostInterfaces::upAddresses()
{
    const HostInterfaces host = fakeHost();
    QCOMPARE(host.upAddresses(QAbstractSocket::IPv4Protocol),
             QStringList({QStringLiteral("127.0.0.1"), QStringLiteral("192.0.2.10")}));
    QCOMPARE(host.upAddresses(QAbstractSocket::IPv6Protocol),
             QStringList({QStringLiteral("::1"), QStringLiteral("2001:db8::10"),
                          QStringLiteral("fe80::5054:ff:fe12:3456")}));
}

void tst_HostInterfaces::systemHasLoopback()
{
    // The real host: whatever else it has, it has a loopback interface with 127.0.0.1.
    const HostInterfaces host = HostInterfaces::fromSystem();
    QVERIFY(!host.interfaces().isEmpty());
    QVERIFY(host.canBind(QHostAddress(QHostAddress::LocalHost)));
    bool foundLoopback = false;
    for (const HostInterface &i : host.interfaces()) {
        foundLoopback = foundLoopback || i.isLoopback();
        for (const HostAddress &a : i.addresses)
            QVERIFY(a.ip.scopeId().isEmpty());
    }
    QVERIFY(foundLoopback);
}

QTEST_GUILESS_MAIN(tst_HostInterfaces)
#include "tst_hostinterfaces.moc"
