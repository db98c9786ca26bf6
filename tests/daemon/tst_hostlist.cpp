#include "hostlist.h"

#include <QTest>

using namespace Mailport;

class tst_HostList final : public QObject
{
    Q_OBJECT

private slots:
    void contains_data();
    void contains();
    void unsupportedItems();
    void normalized();
};

void tst_HostList::contains_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("expected");

    QTest::newRow("empty") << QString() << QStringLiteral("192.0.2.1") << false;
    QTest::newRow("star") << QStringLiteral("*") << QStringLiteral("192.0.2.1") << true;
    QTest::newRow("star v6") << QStringLiteral("*") << QStringLiteral("2001:db8::1") << true;
    QTest::newRow("exact") << QStringLiteral("192.0.2.1") << QStringLiteral("192.0.2.1") << true;
    QTest::newRow("exact other") << QStringLiteral("192.0.2.1") << QStringLiteral("192.0.2.2")
                                 << false;
    QTest::newRow("cidr in") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.200.1.2")
                             << true;
    QTest::newRow("cidr out") << QStringLiteral("10.0.0.0/8") << QStringLiteral("11.0.0.1")
                              << false;
    QTest::newRow("second item") << QStringLiteral("10.0.0.0/8 : 127.0.0.1")
                                 << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("mapped client")
        << QStringLiteral("127.0.0.1") << QStringLiteral("::ffff:127.0.0.1") << true;
    QTest::newRow("mapped item") << QStringLiteral("<; ::ffff:127.0.0.0/104")
                                 << QStringLiteral("127.0.0.9") << true;
    QTest::newRow("v6 doubled colons") << QStringLiteral("::::1") << QStringLiteral("::1") << true;
    QTest::newRow("v6 semicolon list") << QStringLiteral("<; 2001:db8::/32 ; 127.0.0.1")
                                       << QStringLiteral("2001:db8:1::5") << true;
    QTest::newRow("v6 not v4") << QStringLiteral("<; ::1") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("negated first")
        << QStringLiteral("!192.0.2.1 : 192.0.2.0/24") << QStringLiteral("192.0.2.1") << false;
    QTest::newRow("negated other")
        << QStringLiteral("!192.0.2.1 : 192.0.2.0/24") << QStringLiteral("192.0.2.2") << true;
    QTest::newRow("negated star") << QStringLiteral("!* : 192.0.2.1") << QStringLiteral("192.0.2.1")
                                  << false;
    QTest::newRow("name never matches")
        << QStringLiteral("localhost") << QStringLiteral("127.0.0.1") << false;
}

void tst_HostList::contains()
{
    QFETCH(QString, list);
    QFETCH(QString, address);
    QFETCH(bool, expected);
    QCOMPARE(HostList::parse(list).contains(QHostAddress(address)), expected);
}

void tst_HostList::unsupportedItems()
{
    QStringList unsupported;
    const HostList list = HostList::parse(
        QStringLiteral(
            "127.0.0.1 : mail.example.org : @ : net24-lsearch;/etc/x : 10.0.0.0/33 : !*.example"),
        &unsupported);
    QCOMPARE(unsupported,
             QStringList({QStringLiteral("mail.example.org"), QStringLiteral("@"),
                          QStringLiteral("net24-lsearch;/etc/x"), QStringLiteral("10.0.0.0/33"),
                          QStringLiteral("!*.example")}));
    QVERIFY(!list.isEmpty());
    QVERIFY(list.contains(QHostAddress(QStringLiteral("127.0.0.1"))));
}

void tst_HostList::normalized()
{
    QCOMPARE(HostList::normalized(QHostAddress(QStringLiteral("::ffff:192.0.2.1"))),
             QHostAddress(QStringLiteral("192.0.2.1")));
    QCOMPARE(HostList::normalized(QHostAddress(QStringLiteral("::ffff:192.0.2.1"))).protocol(),
             QAbstractSocket::IPv4Protocol);
    QCOMPARE(HostList::normalized(QHostAddress(QStringLiteral("::1"))).protocol(),
             QAbstractSocket::IPv6Protocol);
    QCOMPARE(HostList::normalized(QHostAddress(QStringLiteral("::"))).protocol(),
             QAbstractSocket::IPv6Protocol);
    QCOMPARE(HostList::normalized(QHostAddress(QStringLiteral("2001:db8::1"))),
             QHostAddress(QStringLiteral("2001:db8::1")));
}

QTEST_APPLESS_MAIN(tst_HostList)

#include "tst_hostlist.moc"
