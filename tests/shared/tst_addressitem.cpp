#include "addressitem.h"

#include <QTest>

using namespace Mailport;

class tst_AddressItem final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void cNumber_data();
    void cNumber();
    void format_data();
    void format();
};

void tst_AddressItem::parse_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("address");
    QTest::addColumn<qint64>("port");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("wildcard");
    QTest::addColumn<QString>("scope");

    // exim-rules.md §3: port extraction first, then the syntax check.
    QTest::newRow("ipv4") << "127.0.0.1"
                          << "127.0.0.1" << qint64(0) << true << false << "";
    QTest::newRow("ipv4 dot port") << "127.0.0.1.2525"
                                   << "127.0.0.1" << qint64(2525) << true << false << "";
    QTest::newRow("ipv6 dot port") << "::1.2526"
                                   << "::1" << qint64(2526) << true << false << "";
    QTest::newRow("bracket ipv4") << "[127.0.0.1]:2525"
                                  << "127.0.0.1" << qint64(2525) << true << false << "";
    QTest::newRow("bracket ipv6") << "[::1]:2526"
                                  << "::1" << qint64(2526) << true << false << "";
    QTest::newRow("bracket no port") << "[::1]"
                                     << "::1" << qint64(0) << true << false << "";
    QTest::newRow("bracket empty port") << "[::1]:"
                                        << "::1" << qint64(0) << true << false << "";
    QTest::newRow("bracket service name")
        << "[127.0.0.1]:smtp"
        << "[127.0.0.1]:smtp" << qint64(0) << false << false << "";
    QTest::newRow("bracket garbage after") << "[::1]x"
                                           << "[::1]x" << qint64(0) << false << false << "";
    QTest::newRow("bracket unclosed") << "[127.0.0.1"
                                      << "[127.0.0.1" << qint64(0) << false << false << "";
    QTest::newRow("dot service name") << "127.0.0.1.smtp"
                                      << "127.0.0.1.smtp" << qint64(0) << false << false << "";
    QTest::newRow("trailing dot") << "127.0.0.1."
                                  << "127.0.0.1" << qint64(0) << true << false << "";
    QTest::newRow("plus sign") << "127.0.0.1.+2526"
                               << "127.0.0.1" << qint64(2526) << true << false << "";
    QTest::newRow("space after dot") << "127.0.0.1. 2526"
                                     << "127.0.0.1" << qint64(2526) << true << false << "";
    QTest::newRow("negative") << "127.0.0.1.-5"
                              << "127.0.0.1" << qint64(-5) << true << false << "";
    QTest::newRow("hex is not a port here")
        << "127.0.0.1.0x9dd"
        << "127.0.0.1.0x9dd" << qint64(0) << false << false << "";
    QTest::newRow("over 65535 kept") << "127.0.0.1.99999"
                                     << "127.0.0.1" << qint64(99999) << true << false << "";
    QTest::newRow("v4 mapped no port") << "::ffff:127.0.0.1"
                                       << "::ffff:127.0.0.1" << qint64(0) << true << false << "";
    QTest::newRow("v4 mapped dot port")
        << "::ffff:127.0.0.1.2525"
        << "::ffff:127.0.0.1.2525" << qint64(0) << false << false << "";
    QTest::newRow("v4 mapped bracket") << "[::ffff:127.0.0.1]:2525"
                                       << "::ffff:127.0.0.1" << qint64(2525) << true << false << "";
    QTest::newRow("colon form is not a port")
        << "127.0.0.1:2525"
        << "127.0.0.1:2525" << qint64(0) << false << false << "";
    QTest::newRow("v4 wildcard") << "0.0.0.0"
                                 << "0.0.0.0" << qint64(0) << true << true << "";
    QTest::newRow("v6 wildcard with port") << "::0.2525"
                                           << "::0" << qint64(2525) << true << true << "";
    QTest::newRow("double colon not wildcard") << "::"
                                               << "::" << qint64(0) << true << false << "";
    QTest::newRow("long zero not wildcard")
        << "0:0:0:0:0:0:0:0"
        << "0:0:0:0:0:0:0:0" << qint64(0) << true << false << "";
    QTest::newRow("zero padded v4") << "000.000.000.000"
                                    << "000.000.000.000" << qint64(0) << false << false << "";
    QTest::newRow("leading zero") << "127.0.0.01"
                                  << "127.0.0.01" << qint64(0) << false << false << "";
    QTest::newRow("octet over 255") << "256.0.0.1"
                                    << "256.0.0.1" << qint64(0) << false << false << "";
    QTest::newRow("three octets") << "127.0.1"
                                  << "127.0.1" << qint64(0) << false << false << "";
    QTest::newRow("four digit octet") << "1277.0.0.1"
                                      << "1277.0.0.1" << qint64(0) << false << false << "";
    QTest::newRow("mask") << "127.0.0.1/8"
                          << "127.0.0.1/8" << qint64(0) << false << false << "";
    QTest::newRow("nine groups") << "1:2:3:4:5:6:7:8:9"
                                 << "1:2:3:4:5:6:7:8:9" << qint64(0) << false << false << "";
    QTest::newRow("garbage") << "foo.bar"
                             << "foo.bar" << qint64(0) << false << false << "";
    QTest::newRow("empty") << ""
                           << "" << qint64(0) << false << false << "";
    QTest::newRow("scope dot port") << "fe80::1%lo.2525"
                                    << "fe80::1%lo" << qint64(2525) << true << false << "lo";
    QTest::newRow("scope bracket") << "[fe80::1%eth0]:25"
                                   << "fe80::1%eth0" << qint64(25) << true << false << "eth0";
    QTest::newRow("empty scope passes syntax") << "fe80::1%.2525"
                                               << "fe80::1%" << qint64(2525) << true << false << "";
    QTest::newRow("scope on ipv4") << "127.0.0.1%lo.2525"
                                   << "127.0.0.1%lo" << qint64(2525) << false << false << "lo";
    QTest::newRow("uppercase ipv6") << "FE80::ABCD"
                                    << "FE80::ABCD" << qint64(0) << true << false << "";
    QTest::newRow("inner space") << "127.0.0.1 .2525"
                                 << "127.0.0.1 " << qint64(2525) << false << false << "";
}

void tst_AddressItem::parse()
{
    QFETCH(QString, item);
    QFETCH(QString, address);
    QFETCH(qint64, port);
    QFETCH(bool, valid);
    QFETCH(bool, wildcard);
    QFETCH(QString, scope);
    const AddressItem a = AddressItem::parse(item);
    QCOMPARE(a.address, address);
    QCOMPARE(a.port, port);
    QCOMPARE(a.valid, valid);
    QCOMPARE(a.wildcard, wildcard);
    QCOMPARE(a.scope, scope);
    QCOMPARE(a.written, item);
}

void tst_AddressItem::cNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("base");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("complete");
    QTest::newRow("decimal") << "2525" << 10 << qint64(2525) << true;
    QTest::newRow("hex base 0") << "0x9dd" << 0 << qint64(2525) << true;
    QTest::newRow("octal base 0") << "04736" << 0 << qint64(2526) << true;
    QTest::newRow("09 is invalid octal") << "09" << 0 << qint64(0) << false;
    QTest::newRow("0x alone") << "0x" << 0 << qint64(0) << false;
    QTest::newRow("trailing garbage") << "2525x" << 0 << qint64(2525) << false;
    QTest::newRow("leading space and sign") << " +25" << 10 << qint64(25) << true;
    QTest::newRow("negative") << "-5" << 10 << qint64(-5) << true;
    QTest::newRow("empty is complete zero") << "" << 10 << qint64(0) << true;
    QTest::newRow("space alone") << " " << 10 << qint64(0) << false;
    QTest::newRow("sign alone") << "+" << 10 << qint64(0) << false;
    QTest::newRow("overflow saturates")
        << "99999999999999999999999" << 10 << std::numeric_limits<qint64>::max() << true;
}

void tst_AddressItem::cNumber()
{
    QFETCH(QString, text);
    QFETCH(int, base);
    QFETCH(qint64, value);
    QFETCH(bool, complete);
    const CNumber n = CNumber::parse(text, base);
    QCOMPARE(n.complete, complete);
    if (complete || n.end > 0)
        QCOMPARE(n.value, value);
}

void tst_AddressItem::format_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ipv4 no port") << "127.0.0.1"
                                  << "" << 0 << "127.0.0.1";
    QTest::newRow("ipv4 port") << "127.0.0.1"
                               << "" << 2525 << "127.0.0.1.2525";
    QTest::newRow("ipv6 port") << "::1"
                               << "" << 2525 << "[::1]:2525";
    QTest::newRow("scoped") << "fe80::1"
                            << "eth0" << 25 << "[fe80::1%eth0]:25";
    QTest::newRow("scoped no port") << "fe80::1"
                                    << "eth0" << 0 << "fe80::1%eth0";
}

void tst_AddressItem::format()
{
    QFETCH(QString, host);
    QFETCH(QString, scope);
    QFETCH(int, port);
    QFETCH(QString, expected);
    const QString item = AddressItem::format(host, scope, port);
    QCOMPARE(item, expected);
    const AddressItem back = AddressItem::parse(item);
    QVERIFY(back.valid);
    QCOMPARE(back.host, host);
    QCOMPARE(back.scope, scope);
    QCOMPARE(back.port, qint64(port));
}

QTEST_APPLESS_MAIN(tst_AddressItem)
#include "tst_addressitem.moc"
