#include "proxyheader.h"

#include <QTest>

using namespace Mailport;

namespace {

using Status = ProxyHeaderParser::Status;

const QByteArray kV2Signature
    = QByteArrayLiteral("\x0D\x0A\x0D\x0A\x00\x0D\x0A\x51\x55\x49\x54\x0A");

QByteArray be16(int value)
{
    QByteArray out;
    out.append(char((value >> 8) & 0xFF));
    out.append(char(value & 0xFF));
    return out;
}

QByteArray inet(const QString &address)
{
    const quint32 v = QHostAddress(address).toIPv4Address();
    QByteArray out;
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((v >> shift) & 0xFF));
    return out;
}

QByteArray inet6(const QString &address)
{
    const Q_IPV6ADDR raw = QHostAddress(address).toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(raw.c), 16);
}

// A v2 header; length < 0 means the length of body.
QByteArray v2(int versionCommand, int family, const QByteArray &body, int length = -1)
{
    return kV2Signature + char(versionCommand) + char(family)
           + be16(length < 0 ? int(body.size()) : length) + body;
}

QByteArray v2Inet(const QByteArray &tlvs = {})
{
    return v2(0x21, 0x11,
              inet(QStringLiteral("192.0.2.1")) + inet(QStringLiteral("198.51.100.2")) + be16(56324)
                  + be16(25) + tlvs);
}

QByteArray v2Inet6(const QByteArray &tlvs = {})
{
    return v2(0x21, 0x21,
              inet6(QStringLiteral("2001:db8::1")) + inet6(QStringLiteral("2001:db8::2"))
                  + be16(4000) + be16(465) + tlvs);
}

struct Expected
{
    int version = 0;
    bool local = false;
    QString source;
    int sourcePort = 0;
    QString destination;
    int destinationPort = 0;
};

} // namespace

Q_DECLARE_METATYPE(ProxyHeaderParser::Status)

class tst_ProxyHeader final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void everySplit_data() { parse_data(); }
    void everySplit();
    void byteByByte_data() { parse_data(); }
    void byteByByte();
    void remainderKeepsTrailingBytes_data();
    void remainderKeepsTrailingBytes();
    void earlyRejection_data();
    void earlyRejection();
    void feedAfterResultKeepsResult();

private:
    static void addDone(const char *name, const QByteArray &input, const Expected &expected);
    static void addInvalid(const char *name, const QByteArray &input, const QString &reasonPart);
    static void check(const ProxyHeaderParser::Result &result, const QByteArray &input);
};

void tst_ProxyHeader::addDone(const char *name, const QByteArray &input, const Expected &e)
{
    QTest::newRow(name) << input << Status::Done << QString() << e.version << e.local << e.source
                        << e.sourcePort << e.destination << e.destinationPort;
}

void tst_ProxyHeader::addInvalid(const char *name, const QByteArray &input,
                                 const QString &reasonPart)
{
    QTest::newRow(name) << input << Status::Invalid << reasonPart << 0 << false << QString() << 0
                        << QString() << 0;
}

void tst_ProxyHeader::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("reasonPart");
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("local");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("sourcePort");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<int>("destinationPort");

    const QString v4a = QStringLiteral("192.0.2.1");
    const QString v4b = QStringLiteral("198.51.100.2");
    const QString v6a = QStringLiteral("2001:db8::1");
    const QString v6b = QStringLiteral("2001:db8::2");

    // Version 1, valid.
    addDone("v1 tcp4", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 25\r\n",
            {1, false, v4a, 56324, v4b, 25});
    addDone("v1 tcp6", "PROXY TCP6 2001:db8::1 2001:db8::2 4000 465\r\n",
            {1, false, v6a, 4000, v6b, 465});
    addDone("v1 tcp6 mapped", "PROXY TCP6 ::ffff:192.0.2.1 ::1 1 2\r\n",
            {1, false, QStringLiteral("::ffff:192.0.2.1"), 1, QStringLiteral("::1"), 2});
    addDone("v1 tcp6 upper hex", "PROXY TCP6 2001:DB8::1 2001:db8::2 4000 465\r\n",
            {1, false, v6a, 4000, v6b, 465});
    addDone("v1 port bounds", "PROXY TCP4 0.0.0.0 255.255.255.255 0 65535\r\n",
            {1, false, QStringLiteral("0.0.0.0"), 0, QStringLiteral("255.255.255.255"), 65535});
    addDone("v1 unknown", "PROXY UNKNOWN\r\n", {1, true, {}, 0, {}, 0});
    addDone("v1 unknown with rest", "PROXY UNKNOWN whatever it says 1 2\r\n",
            {1, true, {}, 0, {}, 0});
    {
        // The specification's worst case: exactly 107 bytes.
        const QByteArray longest = "PROXY UNKNOWN ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff "
                                   "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n";
        QCOMPARE(longest.size(), ProxyHeaderParser::MaxV1Length);
        addDone("v1 worst case", longest, {1, true, {}, 0, {}, 0});
        const QByteArray exact = "PROXY UNKNOWN " + QByteArray(91, 'x') + "\r\n";
        QCOMPARE(exact.size(), ProxyHeaderParser::MaxV1Length);
        addDone("v1 exactly 107 bytes", exact, {1, true, {}, 0, {}, 0});
        addInvalid("v1 108 bytes", "PROXY UNKNOWN " + QByteArray(92, 'x') + "\r\n",
                   QStringLiteral("107"));
    }

    // Version 1, malformed.
    addInvalid("v1 bare LF", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 25\n",
               QStringLiteral("bare LF"));
    addInvalid("v1 CR without LF", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 25\rX",
               QStringLiteral("CR not followed by LF"));
    addInvalid("v1 CR CR LF", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 25\r\r\n",
               QStringLiteral("CR not followed by LF"));
    addInvalid("v1 double space", "PROXY TCP4  192.0.2.1 198.51.100.2 56324 25\r\n",
               QStringLiteral("single spaces"));
    addInvalid("v1 trailing space", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 25 \r\n",
               QStringLiteral("single spaces"));
    addInvalid("v1 tab", "PROXY TCP4\t192.0.2.1 198.51.100.2 56324 25\r\n",
               QStringLiteral("control"));
    addInvalid("v1 missing field", "PROXY TCP4 192.0.2.1 198.51.100.2 56324\r\n",
               QStringLiteral("single spaces"));
    addInvalid("v1 extra field", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 25 26\r\n",
               QStringLiteral("single spaces"));
    addInvalid("v1 empty", "PROXY \r\n", QStringLiteral("unknown protocol"));
    addInvalid("v1 no space after PROXY", "PROXY\r\n", QStringLiteral("not a PROXY"));
    addInvalid("v1 lower case", "proxy TCP4 192.0.2.1 198.51.100.2 56324 25\r\n",
               QStringLiteral("not a PROXY"));
    addInvalid("v1 lower case protocol", "PROXY tcp4 192.0.2.1 198.51.100.2 56324 25\r\n",
               QStringLiteral("unknown protocol"));
    addInvalid("v1 TCP5", "PROXY TCP5 192.0.2.1 198.51.100.2 56324 25\r\n",
               QStringLiteral("unknown protocol"));
    addInvalid("v1 UNKNOWNX", "PROXY UNKNOWNX\r\n", QStringLiteral("unknown protocol"));
    addInvalid("v1 port leading zero", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 025\r\n",
               QStringLiteral("destination port"));
    addInvalid("v1 source port leading zero", "PROXY TCP4 192.0.2.1 198.51.100.2 00 25\r\n",
               QStringLiteral("source port"));
    addInvalid("v1 port 65536", "PROXY TCP4 192.0.2.1 198.51.100.2 65536 25\r\n",
               QStringLiteral("source port"));
    addInvalid("v1 port six digits", "PROXY TCP4 192.0.2.1 198.51.100.2 100000 25\r\n",
               QStringLiteral("source port"));
    addInvalid("v1 port hex", "PROXY TCP4 192.0.2.1 198.51.100.2 0x19 25\r\n",
               QStringLiteral("source port"));
    addInvalid("v1 port negative", "PROXY TCP4 192.0.2.1 198.51.100.2 -1 25\r\n",
               QStringLiteral("source port"));
    addInvalid("v1 port plus", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 +25\r\n",
               QStringLiteral("destination port"));
    addInvalid("v1 octet leading zero", "PROXY TCP4 192.0.2.01 198.51.100.2 56324 25\r\n",
               QStringLiteral("source address"));
    addInvalid("v1 octet 256", "PROXY TCP4 192.0.2.1 198.51.100.256 56324 25\r\n",
               QStringLiteral("destination address"));
    addInvalid("v1 three octets", "PROXY TCP4 192.0.2 198.51.100.2 56324 25\r\n",
               QStringLiteral("source address"));
    addInvalid("v1 five octets", "PROXY TCP4 192.0.2.1.5 198.51.100.2 56324 25\r\n",
               QStringLiteral("source address"));
    addInvalid("v1 empty octet", "PROXY TCP4 192..2.1 198.51.100.2 56324 25\r\n",
               QStringLiteral("source address"));
    addInvalid("v1 tcp4 with ipv6", "PROXY TCP4 2001:db8::1 198.51.100.2 56324 25\r\n",
               QStringLiteral("source address"));
    addInvalid("v1 tcp6 with ipv4", "PROXY TCP6 192.0.2.1 2001:db8::2 56324 25\r\n",
               QStringLiteral("source address"));
    addInvalid("v1 tcp6 scope", "PROXY TCP6 fe80::1%eth0 2001:db8::2 56324 25\r\n",
               QStringLiteral("source address"));
    addInvalid("v1 tcp6 brackets", "PROXY TCP6 [2001:db8::1] 2001:db8::2 56324 25\r\n",
               QStringLiteral("source address"));
    addInvalid("v1 tcp6 two gaps", "PROXY TCP6 2001::db8::1 2001:db8::2 56324 25\r\n",
               QStringLiteral("source address"));
    addInvalid("v1 NUL", QByteArray("PROXY TCP4 192.0.2.1") + '\0' + " 198.51.100.2 56324 25\r\n",
               QStringLiteral("control"));
    addInvalid("v1 eight bit", "PROXY TCP4 192.0.2.1 198.51.100.2 56324 25\xff\r\n",
               QStringLiteral("non-ASCII"));
    addInvalid("smtp instead", "EHLO client.example\r\n", QStringLiteral("not a PROXY"));
    addInvalid("http instead", "GET / HTTP/1.0\r\n\r\n", QStringLiteral("not a PROXY"));
    addInvalid("tls instead", QByteArray("\x16\x03\x01\x00\xa5\x01", 6),
               QStringLiteral("not a PROXY"));

    // Version 2, valid.
    addDone("v2 inet", v2Inet(), {2, false, v4a, 56324, v4b, 25});
    addDone("v2 inet6", v2Inet6(), {2, false, v6a, 4000, v6b, 465});
    addDone("v2 inet with tlvs",
            v2Inet(QByteArray("\x01\x00\x02h2", 5) + QByteArray("\x04\x00\x00", 3)),
            {2, false, v4a, 56324, v4b, 25});
    addDone("v2 inet6 with tlv", v2Inet6(QByteArray("\x20\x00\x01\x07", 4)),
            {2, false, v6a, 4000, v6b, 465});
    addDone("v2 local", v2(0x20, 0x00, {}), {2, true, {}, 0, {}, 0});
    addDone("v2 local with addresses", v2(0x20, 0x11, QByteArray(12, 'x')),
            {2, true, {}, 0, {}, 0});
    addDone("v2 local unix", v2(0x20, 0x31, QByteArray(216, '\0')), {2, true, {}, 0, {}, 0});

    // Version 2, malformed.
    {
        QByteArray badSignature = v2Inet();
        badSignature[11] = 'X';
        addInvalid("v2 bad signature", badSignature, QStringLiteral("not a PROXY"));
        QByteArray badFirst = v2Inet();
        badFirst[4] = 'x';
        addInvalid("v2 bad signature byte 5", badFirst, QStringLiteral("not a PROXY"));
    }
    addInvalid("v2 version 1", v2(0x11, 0x11, QByteArray(12, '\0')), QStringLiteral("version 1"));
    addInvalid("v2 version 3", v2(0x31, 0x11, QByteArray(12, '\0')), QStringLiteral("version 3"));
    addInvalid("v2 command 2", v2(0x22, 0x11, QByteArray(12, '\0')), QStringLiteral("command 2"));
    addInvalid("v2 command 15", v2(0x2F, 0x11, QByteArray(12, '\0')), QStringLiteral("command 15"));
    addInvalid("v2 udp", v2(0x21, 0x12, QByteArray(12, '\0')), QStringLiteral("only TCP"));
    addInvalid("v2 unix stream", v2(0x21, 0x31, QByteArray(216, '\0')), QStringLiteral("only TCP"));
    addInvalid("v2 proxy unspec", v2(0x21, 0x00, {}), QStringLiteral("only TCP"));
    addInvalid("v2 family 4", v2(0x21, 0x41, QByteArray(12, '\0')), QStringLiteral("undefined"));
    addInvalid("v2 transport 3", v2(0x21, 0x13, QByteArray(12, '\0')), QStringLiteral("undefined"));
    addInvalid("v2 unspec family stream", v2(0x20, 0x01, {}), QStringLiteral("undefined"));
    addInvalid("v2 inet unspec transport", v2(0x20, 0x10, {}), QStringLiteral("undefined"));
    addInvalid("v2 inet too short", v2(0x21, 0x11, QByteArray(8, '\0')),
               QStringLiteral("too short"));
    addInvalid("v2 inet6 too short", v2(0x21, 0x21, QByteArray(12, '\0')),
               QStringLiteral("too short"));
    addInvalid("v2 truncated tlv", v2Inet(QByteArray("\x01\x00", 2)),
               QStringLiteral("truncated TLV"));
    addInvalid("v2 tlv overruns", v2Inet(QByteArray("\x01\x00\x05h2", 5)),
               QStringLiteral("runs past"));
}

void tst_ProxyHeader::check(const ProxyHeaderParser::Result &result, const QByteArray &input)
{
    QFETCH(Status, status);
    QFETCH(QString, reasonPart);
    QCOMPARE(result.status, status);
    if (status == Status::Invalid) {
        QVERIFY2(result.reason.contains(reasonPart), qPrintable(result.reason));
        return;
    }
    QFETCH(int, version);
    QFETCH(bool, local);
    QFETCH(QString, source);
    QFETCH(int, sourcePort);
    QFETCH(QString, destination);
    QFETCH(int, destinationPort);
    QVERIFY(result.reason.isEmpty());
    QCOMPARE(result.header.version, version);
    QCOMPARE(result.header.local, local);
    QCOMPARE(result.header.length, input.size());
    if (local) {
        QVERIFY(result.header.sourceAddress.isNull());
        QVERIFY(result.header.destinationAddress.isNull());
        return;
    }
    QCOMPARE(result.header.sourceAddress, QHostAddress(source));
    QCOMPARE(int(result.header.sourcePort), sourcePort);
    QCOMPARE(result.header.destinationAddress, QHostAddress(destination));
    QCOMPARE(int(result.header.destinationPort), destinationPort);
}

void tst_ProxyHeader::parse()
{
    QFETCH(QByteArray, input);
    check(ProxyHeaderParser::parse(input), input);
    // Bytes after a header never change how the header reads.
    check(ProxyHeaderParser::parse(input + QByteArrayLiteral("\x16\x03\x01\x00\xa5")), input);
    check(ProxyHeaderParser::parse(input + QByteArrayLiteral("EHLO x\r\n")), input);
}

void tst_ProxyHeader::everySplit()
{
    QFETCH(QByteArray, input);
    QFETCH(Status, status);
    for (qsizetype split = 0; split <= input.size(); ++split) {
        ProxyHeaderParser parser;
        const ProxyHeaderParser::Result first = parser.feed(QByteArrayView(input).first(split));
        if (split < input.size()) {
            // A valid header is never taken as complete early; a broken one may be seen early.
            if (status == Status::Done)
                QCOMPARE(first.status, Status::Incomplete);
            else
                QVERIFY(first.status != Status::Done);
        }
        check(parser.feed(QByteArrayView(input).sliced(split)), input);
        QVERIFY(parser.remainder().isEmpty());
    }
}

void tst_ProxyHeader::byteByByte()
{
    QFETCH(QByteArray, input);
    QFETCH(Status, status);
    ProxyHeaderParser parser;
    ProxyHeaderParser::Result result;
    for (qsizetype i = 0; i < input.size(); ++i) {
        result = parser.feed(QByteArrayView(input).sliced(i, 1));
        if (i + 1 < input.size() && status == Status::Done)
            QCOMPARE(result.status, Status::Incomplete);
    }
    check(result, input);
}

void tst_ProxyHeader::remainderKeepsTrailingBytes_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("trailing");
    const QByteArray clientHello("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", 11);
    QTest::newRow("v1 + ClientHello")
        << QByteArray("PROXY TCP4 192.0.2.1 198.51.100.2 56324 465\r\n") << clientHello;
    QTest::newRow("v1 + EHLO") << QByteArray("PROXY TCP4 192.0.2.1 198.51.100.2 56324 25\r\n")
                               << QByteArray("EHLO x\r\n");
    QTest::newRow("v1 + second PROXY")
        << QByteArray("PROXY UNKNOWN\r\n") << QByteArray("PROXY TCP4 1.2.3.4 1.2.3.4 1 1\r\n");
    QTest::newRow("v2 + ClientHello") << v2Inet() << clientHello;
    QTest::newRow("v2 tlv + ClientHello") << v2Inet6(QByteArray("\x04\x00\x01x", 4)) << clientHello;
    QTest::newRow("v2 local + EHLO") << v2(0x20, 0x00, {}) << QByteArray("EHLO x\r\n");
}

void tst_ProxyHeader::remainderKeepsTrailingBytes()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, trailing);
    const QByteArray all = header + trailing;
    for (qsizetype split = 0; split <= all.size(); ++split) {
        ProxyHeaderParser parser;
        const ProxyHeaderParser::Result first = parser.feed(QByteArrayView(all).first(split));
        if (split < header.size()) {
            QCOMPARE(first.status, Status::Incomplete);
            const ProxyHeaderParser::Result result = parser.feed(QByteArrayView(all).sliced(split));
            QCOMPARE(result.status, Status::Done);
            QCOMPARE(result.header.length, header.size());
            QCOMPARE(parser.remainder(), trailing);
        } else {
            // Done as soon as the header is complete: what was fed beyond it is the remainder,
            // and later input is the caller's, not the parser's.
            QCOMPARE(first.status, Status::Done);
            QCOMPARE(first.header.length, header.size());
            QCOMPARE(parser.remainder(), all.sliced(header.size(), split - header.size()));
            parser.feed(QByteArrayView(all).sliced(split));
            QCOMPARE(parser.remainder(), all.sliced(header.size(), split - header.size()));
        }
    }
}

void tst_ProxyHeader::earlyRejection_data()
{
    // Rejected from the first bytes, without waiting for a line end or a timeout.
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("E") << QByteArray("E");
    QTest::newRow("PROXX") << QByteArray("PROXX");
    QTest::newRow("v2 first byte then junk") << QByteArray("\r\n\r\nX");
    QTest::newRow("v2 wrong version") << kV2Signature + char(0x11);
    QTest::newRow("v2 wrong family") << kV2Signature + char(0x21) + char(0x51);
    QTest::newRow("v1 bare LF") << QByteArray("PROXY TCP4\n");
    QTest::newRow("v1 control") << QByteArray("PROXY \x01");
}

void tst_ProxyHeader::earlyRejection()
{
    QFETCH(QByteArray, input);
    QCOMPARE(ProxyHeaderParser::parse(input).status, Status::Invalid);
}

void tst_ProxyHeader::feedAfterResultKeepsResult()
{
    ProxyHeaderParser parser;
    QCOMPARE(parser.feed("PROXY UNKNOWN\r\nEH").status, Status::Done);
    QCOMPARE(parser.feed("LO x\r\n").status, Status::Done);
    QCOMPARE(parser.remainder(), QByteArray("EH"));
    QCOMPARE(parser.result().header.length, 15);

    ProxyHeaderParser broken;
    QCOMPARE(broken.feed("HELO").status, Status::Invalid);
    QCOMPARE(broken.feed("PROXY UNKNOWN\r\n").status, Status::Invalid);
    QVERIFY(broken.remainder().isEmpty());
    QCOMPARE(ProxyHeaderParser().feed({}).status, Status::Incomplete);
}

QTEST_APPLESS_MAIN(tst_ProxyHeader)

#include "tst_proxyheader.moc"
