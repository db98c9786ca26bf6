#include "maildirreader.h"
#include "spoolheaders.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailport;

Q_DECLARE_METATYPE(Mailport::SpoolMessage)
Q_DECLARE_METATYPE(Mailport::SpoolEnvelope)

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::OffsetFromUTC, 0);
}

QHostAddress ip(const char *text)
{
    return QHostAddress(QString::fromLatin1(text));
}

// Field by field, so that a failure names the field.
void compareHeaderFields(const SpoolMessage &actual, const SpoolMessage &expected)
{
    QCOMPARE(actual.sender, expected.sender);
    QCOMPARE(actual.recipients, expected.recipients);
    QCOMPARE(actual.subject, expected.subject);
    QCOMPARE(actual.from, expected.from);
    QCOMPARE(actual.arrival, expected.arrival);
    QCOMPARE(actual.clientAddress, expected.clientAddress);
    QCOMPARE(actual.clientPort, expected.clientPort);
    QCOMPARE(actual.listenerAddress, expected.listenerAddress);
    QCOMPARE(actual.listenerPort, expected.listenerPort);
    QCOMPARE(actual.proxyAddress, expected.proxyAddress);
    QCOMPARE(actual.proxyPort, expected.proxyPort);
    QCOMPARE(actual.heloName, expected.heloName);
    QCOMPARE(actual.tlsProtocol, expected.tlsProtocol);
    QCOMPARE(actual.tlsCipher, expected.tlsCipher);
    QCOMPARE(actual.protocol, expected.protocol);
    QCOMPARE(actual.receivingHost, expected.receivingHost);
}

const QByteArray MailportHeaders
    = "Return-Path: <alice@example.org>\r\n"
      "Envelope-to: bob@example.net\r\n"
      "Received: from [192.0.2.10] (port=50122 helo=client.example.org\r\n"
      "\tproxy=[10.0.0.1]:41000)\r\n"
      "\tby mx.example.net ([198.51.100.1]:25) with esmtps (TLS1.3)\r\n"
      "\ttls TLS_AES_256_GCM_SHA384\r\n"
      "\t(Mailport 0.1.0)\r\n"
      "\t(envelope-from <alice@example.org>)\r\n"
      "\tid 1rAbCd-00012X-a9Zz00\r\n"
      "\tfor bob@example.net;\r\n"
      "\tThu, 01 Feb 2024 10:00:00 +0000\r\n";

} // namespace

class tst_MaildirReader final : public QObject
{
    Q_OBJECT

private slots:
    void parseHeaderBlock_data();
    void parseHeaderBlock();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void decodeHeaderText_data();
    void decodeHeaderText();
    void idFromFileName_data();
    void idFromFileName();
    void roundTripWithSpoolFormat_data();
    void roundTripWithSpoolFormat();
    void listsNewestFirstAndSkipsGarbage();
    void listReadsOnlyTheHeaderBlock();
    void listOfMissingDirectoryExplains();
    void readRaw();
};

void tst_MaildirReader::parseHeaderBlock_data()
{
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<SpoolMessage>("expected");

    SpoolMessage mailport;
    mailport.sender = QStringLiteral("alice@example.org");
    mailport.recipients = {QStringLiteral("bob@example.net")};
    mailport.subject = QStringLiteral("Hello");
    mailport.from = QStringLiteral("Alice <alice@example.org>");
    mailport.arrival = utc(2024, 2, 1, 10, 0);
    mailport.clientAddress = ip("192.0.2.10");
    mailport.clientPort = 50122;
    mailport.listenerAddress = ip("198.51.100.1");
    mailport.listenerPort = 25;
    mailport.proxyAddress = ip("10.0.0.1");
    mailport.proxyPort = 41000;
    mailport.heloName = QStringLiteral("client.example.org");
    mailport.tlsProtocol = QStringLiteral("TLS1.3");
    mailport.tlsCipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    mailport.protocol = QStringLiteral("esmtps");
    mailport.receivingHost = QStringLiteral("mx.example.net");
    QTest::newRow("mailport, TLS and proxy")
        << MailportHeaders + "Subject: Hello\r\nFrom: Alice <alice@example.org>\r\n\r\nbody\r\n"
        << mailport;

    SpoolMessage exim;
    exim.sender = QStringLiteral("a@b.example");
    exim.recipients = {QStringLiteral("x@y.example")};
    exim.arrival = QDateTime(QDate(2024, 2, 1), QTime(11, 0), Qt::OffsetFromUTC, 3600);
    exim.clientAddress = ip("192.0.2.1");
    exim.clientPort = 54321;
    exim.heloName = QStringLiteral("mail.example.com");
    exim.tlsProtocol = QStringLiteral("TLS1.3");
    exim.tlsCipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    exim.protocol = QStringLiteral("esmtps");
    exim.receivingHost = QStringLiteral("mx.example.org");
    QTest::newRow("Exim, host name, LF line ends")
        << QByteArray("Received: from mail.example.com ([192.0.2.1]:54321 helo=mail.example.com)\n"
                      "\tby mx.example.org with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384\n"
                      "\t(Exim 4.96)\n"
                      "\t(envelope-from <a@b.example>)\n"
                      "\tid 1rAbCd-000123-Xy\n"
                      "\tfor x@y.example;\n"
                      "\tThu, 01 Feb 2024 11:00:00 +0100\n"
                      "\n")
        << exim;

    SpoolMessage eximNoName;
    eximNoName.arrival = utc(2024, 1, 5, 8, 30, 15);
    eximNoName.clientAddress = ip("127.0.0.1");
    eximNoName.clientPort = 49888;
    eximNoName.heloName = QStringLiteral("localhost");
    eximNoName.protocol = QStringLiteral("esmtp");
    eximNoName.receivingHost = QStringLiteral("host");
    QTest::newRow("Exim, address only, zone comment")
        << QByteArray("Received: from [127.0.0.1] (port=49888 helo=localhost) by host with esmtp "
                      "(Exim 4.92) id 1abc-0001-XY; Fri, 05 Jan 2024 08:30:15 +0000 (UTC)\r\n\r\n")
        << eximNoName;

    SpoolMessage nullSender;
    nullSender.recipients = {QStringLiteral("\"a,b\"@example.net"), QStringLiteral("c@example.net"),
                             QStringLiteral("d@example.net")};
    nullSender.arrival
        = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::OffsetFromUTC, -(3 * 3600 + 1800));
    nullSender.clientAddress = ip("2001:db8::5");
    nullSender.clientPort = 4000;
    nullSender.listenerAddress = ip("::1");
    nullSender.listenerPort = 2525;
    nullSender.protocol = QStringLiteral("smtp");
    nullSender.receivingHost = QStringLiteral("localhost");
    QTest::newRow("null sender, folded recipients with a quoted comma, IPv6")
        << QByteArray("Return-Path: <>\r\n"
                      "Envelope-to: \"a,b\"@example.net, c@example.net,\r\n"
                      "\td@example.net\r\n"
                      "Received: from [2001:db8::5] (port=4000)\r\n"
                      "\tby localhost ([::1]:2525) with smtp\r\n"
                      "\t(Mailport 0.1.0)\r\n"
                      "\tid X;\r\n"
                      "\tThu, 29 Feb 2024 23:59:59 -0330\r\n"
                      "\r\n")
        << nullSender;

    SpoolMessage plain;
    plain.subject = QStringLiteral("Grüße aus Köln");
    plain.from = QStringLiteral("Jürgen <j@example.de>");
    QTest::newRow("no envelope headers, case-insensitive names, encoded words")
        << QByteArray("SUBJECT: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= aus\r\n =?ISO-8859-1?B?S/Zsbg==?=\r\n"
                      "from: =?utf-8?b?SsO8cmdlbg==?= <j@example.de>\r\n"
                      "Subject: second subject is ignored\r\n"
                      "\r\n")
        << plain;

    SpoolMessage late = mailport;
    late.subject = QStringLiteral("first");
    late.from.clear();
    QTest::newRow("a malformed line ends the header block")
        << MailportHeaders + "Subject: first\r\nthis is no header\r\nFrom: x@example.org\r\n"
        << late;

    SpoolMessage received;
    received.subject = QStringLiteral("s");
    QTest::newRow("foreign Received without our fields")
        << QByteArray("Received: (qmail 1234 invoked by uid 0); bad date\r\nSubject: s\r\n")
        << received;

    QTest::newRow("Received of odd tokens")
        << QByteArray("Received: from by ( with\r\n") << SpoolMessage{};

    SpoolMessage raw8bit;
    raw8bit.sender = QStringLiteral("δοκιμή@παράδειγμα.δοκιμή");
    raw8bit.recipients = {QStringLiteral("用户@例子.广告")};
    raw8bit.subject = QStringLiteral("café");
    QTest::newRow("SMTPUTF8 addresses and a Latin-1 subject")
        << QByteArray("Return-Path: <δοκιμή@παράδειγμα.δοκιμή>\r\nEnvelope-to: 用户@例子.广告\r\n"
                      "Subject: caf\xe9\r\n\r\n")
        << raw8bit;
}

void tst_MaildirReader::parseHeaderBlock()
{
    QFETCH(QByteArray, block);
    QFETCH(SpoolMessage, expected);
    SpoolMessage message;
    QString error;
    QVERIFY2(MaildirReader::parseHeaderBlock(block, &message, &error), qPrintable(error));
    compareHeaderFields(message, expected);
}

void tst_MaildirReader::rejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("block");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only a blank line") << QByteArray("\r\n");
    QTest::newRow("mbox From line")
        << QByteArray("From alice@example.org Thu Feb  1 10:00:00 2024\n"
                      "Subject: x\n\n");
    QTest::newRow("continuation first") << QByteArray(" folded: value\r\n");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    QTest::newRow("NUL in a header") << QByteArray("Subject: a\0b\r\n\r\n", 16);
    QTest::newRow("colon first") << QByteArray(": no name\r\n");
    QTest::newRow("space in name") << QByteArray("Sub ject: x\r\n");
}

void tst_MaildirReader::rejectsGarbage()
{
    QFETCH(QByteArray, block);
    SpoolMessage message;
    QString error;
    QVERIFY(!MaildirReader::parseHeaderBlock(block, &message, &error));
    QVERIFY(!error.isEmpty());
}

void tst_MaildirReader::decodeHeaderText_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("plain") << QByteArray("Hello world") << QStringLiteral("Hello world");
    QTest::newRow("raw UTF-8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                             "e")
                               << QStringLiteral("Grüße");
    QTest::newRow("raw Latin-1") << QByteArray("Gr\xfc\xdf"
                                               "e")
                                 << QStringLiteral("Grüße");
    QTest::newRow("B UTF-8") << QByteArray("=?UTF-8?B?R3LDvMOfZQ==?=") << QStringLiteral("Grüße");
    QTest::newRow("B without padding")
        << QByteArray("=?utf-8?b?R3LDvMOfZQ?=") << QStringLiteral("Grüße");
    QTest::newRow("Q with underscores") << QByteArray("=?utf-8?q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=")
                                        << QStringLiteral("Grüße aus Köln");
    QTest::newRow("Q Latin-1") << QByteArray("=?ISO-8859-1?Q?K=F6ln?=") << QStringLiteral("Köln");
    QTest::newRow("windows-1252 euro")
        << QByteArray("=?windows-1252?Q?=80_5?=") << QStringLiteral("€ 5");
    QTest::newRow("adjacent words join")
        << QByteArray("=?UTF-8?Q?a?= \t =?UTF-8?Q?b?=") << QStringLiteral("ab");
    QTest::newRow("text between words keeps spaces")
        << QByteArray("=?UTF-8?Q?a?= and =?UTF-8?Q?b?= c") << QStringLiteral("a and b c");
    QTest::newRow("language suffix")
        << QByteArray("=?UTF-8*de?Q?Stra=C3=9Fe?=") << QStringLiteral("Straße");
    QTest::newRow("unknown charset stays")
        << QByteArray("=?koi8-r?Q?abc?= x") << QStringLiteral("=?koi8-r?Q?abc?= x");
    QTest::newRow("unterminated stays")
        << QByteArray("=?UTF-8?Q?abc") << QStringLiteral("=?UTF-8?Q?abc");
    QTest::newRow("bad encoding letter stays")
        << QByteArray("=?UTF-8?X?abc?=") << QStringLiteral("=?UTF-8?X?abc?=");
    QTest::newRow("bad base64 stays")
        << QByteArray("=?UTF-8?B?R3L*?=") << QStringLiteral("=?UTF-8?B?R3L*?=");
    QTest::newRow("space inside stays")
        << QByteArray("=?UTF-8?Q?a b?=") << QStringLiteral("=?UTF-8?Q?a b?=");
    QTest::newRow("bad Q escape kept literally")
        << QByteArray("=?UTF-8?Q?100=ZZ?=") << QStringLiteral("100=ZZ");
    QTest::newRow("lone =?") << QByteArray("a =? b") << QStringLiteral("a =? b");
    QTest::newRow("empty") << QByteArray() << QString();
}

void tst_MaildirReader::decodeHeaderText()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QString, decoded);
    QCOMPARE(MaildirReader::decodeHeaderText(encoded), decoded);
}

void tst_MaildirReader::idFromFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("id");
    QTest::newRow("mailport") << QStringLiteral("1706781600.1rAbCd-00012X-a9Zz00.mx.example,S=812")
                              << QStringLiteral("1rAbCd-00012X-a9Zz00");
    QTest::newRow("seen, with info")
        << QStringLiteral("1706781600.ABC.host:2,S") << QStringLiteral("ABC");
    QTest::newRow("dovecot") << QStringLiteral("1706781600.M12P34.host,S=5,W=6:2,")
                             << QStringLiteral("M12P34");
    QTest::newRow("no dots") << QStringLiteral("message:2,") << QStringLiteral("message");
}

void tst_MaildirReader::idFromFileName()
{
    QFETCH(QString, fileName);
    QFETCH(QString, id);
    QCOMPARE(MaildirReader::idFromFileName(fileName), id);
}

void tst_MaildirReader::roundTripWithSpoolFormat_data()
{
    QTest::addColumn<SpoolEnvelope>("envelope");

    SpoolEnvelope basic;
    basic.sender = QStringLiteral("alice@example.org");
    basic.recipients = {QStringLiteral("bob@example.net")};
    basic.heloName = QStringLiteral("client.example.org");
    basic.clientAddress = ip("192.0.2.10");
    basic.clientPort = 50122;
    basic.listenerAddress = ip("127.0.0.1");
    basic.listenerPort = 2525;
    basic.protocol = QStringLiteral("esmtp");
    basic.receivingHost = QStringLiteral("mx.example.net");
    basic.arrival = utc(2024, 2, 1, 10, 0);
    QTest::newRow("basic") << basic;

    SpoolEnvelope everything = basic;
    everything.heloName = QStringLiteral("[192.0.2.10]");
    everything.clientAddress = ip("2001:db8::1:2");
    everything.listenerAddress = ip("fe80::1");
    everything.tlsProtocol = QStringLiteral("TLS1.2");
    everything.tlsCipher = QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305");
    everything.protocol = QStringLiteral("esmtpsa");
    everything.proxyAddress = ip("198.51.100.200");
    everything.proxyPort = 65535;
    everything.arrival
        = QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59), Qt::OffsetFromUTC, 14 * 3600);
    QTest::newRow("IPv6, TLS, proxy, far offset") << everything;

    SpoolEnvelope many = basic;
    many.sender.clear();
    many.recipients.clear();
    for (int i = 0; i < 150; ++i)
        many.recipients.append(QStringLiteral("user%1@a-long-domain-name.example.com").arg(i));
    many.heloName = QString(300, u'h');
    many.receivingHost = QString(100, u'r') + QLatin1String(".example");
    QTest::newRow("null sender, 150 recipients, overlong names") << many;

    SpoolEnvelope utf8 = basic;
    utf8.sender = QStringLiteral("δοκιμή@παράδειγμα.δοκιμή");
    utf8.recipients
        = {QStringLiteral("用户@例子.广告"), QStringLiteral("\"quoted, name\"@example.org")};
    utf8.heloName = QStringLiteral("bad (helo) name\r\n");
    utf8.protocol = QStringLiteral("utf8esmtps");
    QTest::newRow("SMTPUTF8, quoted comma, hostile HELO") << utf8;
}

void tst_MaildirReader::roundTripWithSpoolFormat()
{
    QFETCH(SpoolEnvelope, envelope);
    const QByteArray block
        = SpoolHeaders::render(envelope, QStringLiteral("ID-1")) + "\r\nbody\r\n";
    SpoolMessage message;
    QString error;
    QVERIFY2(MaildirReader::parseHeaderBlock(block, &message, &error), qPrintable(error));

    SpoolMessage expected;
    expected.sender = envelope.sender;
    expected.recipients = envelope.recipients;
    expected.arrival = envelope.arrival;
    expected.clientAddress = envelope.clientAddress;
    expected.clientPort = envelope.clientPort;
    expected.listenerAddress = envelope.listenerAddress;
    expected.listenerPort = envelope.listenerPort;
    expected.proxyAddress = envelope.proxyAddress;
    expected.proxyPort = envelope.proxyPort;
    expected.heloName = SpoolHeaders::sanitizedHelo(envelope.heloName);
    expected.tlsProtocol = envelope.tlsProtocol;
    expected.tlsCipher = envelope.tlsCipher;
    expected.protocol = envelope.protocol;
    expected.receivingHost = envelope.receivingHost;
    compareHeaderFields(message, expected);
    QCOMPARE(
        SpoolHeaders::parseReceived(SpoolHeaders::renderReceived(envelope, QStringLiteral("ID-1"))
                                        .sliced(qstrlen("Received:")))
            .id,
        QStringLiteral("ID-1"));
}

void tst_MaildirReader::listsNewestFirstAndSkipsGarbage()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString spool = temp.path();
    QVERIFY(QDir(spool).mkpath(QStringLiteral("new")));
    QVERIFY(QDir(spool).mkpath(QStringLiteral("cur")));
    QVERIFY(QDir(spool).mkpath(QStringLiteral("new/subdir")));

    SpoolEnvelope envelope;
    envelope.sender = QStringLiteral("a@example.org");
    envelope.recipients = {QStringLiteral("b@example.org")};
    envelope.clientAddress = ip("127.0.0.1");
    envelope.protocol = QStringLiteral("esmtp");
    const auto message = [&](const QDateTime &arrival, const QString &id) {
        envelope.arrival = arrival;
        return SpoolHeaders::render(envelope, id) + "Subject: " + id.toLatin1()
               + "\r\n\r\nbody\r\n";
    };
    // File name times deliberately disagree with the Received dates: the header wins.
    QVERIFY(writeFile(spool + QLatin1String("/new/1000.OLD.host,S=1"),
                      message(utc(2024, 1, 1, 0, 0), QStringLiteral("OLD"))));
    QVERIFY(writeFile(spool + QLatin1String("/cur/1001.NEWEST.host:2,S"),
                      message(utc(2024, 3, 1, 0, 0), QStringLiteral("NEWEST"))));
    QVERIFY(writeFile(spool + QLatin1String("/new/1002.MIDDLE.host"),
                      message(utc(2024, 2, 1, 0, 0), QStringLiteral("MIDDLE"))));
    QVERIFY(writeFile(spool + QLatin1String("/new/1003.GARBAGE.host"),
                      QByteArray("\x7f"
                                 "ELF\x02\x01\x01\0\0\0\0",
                                 11)));
    QVERIFY(writeFile(spool + QLatin1String("/new/1004.EMPTY.host"), QByteArray()));
    QVERIFY(writeFile(spool + QLatin1String("/new/.hidden"), "Subject: x\r\n\r\n"));
    // A message from elsewhere without a Received header: its file name gives the time.
    QVERIFY(writeFile(spool + QLatin1String("/new/1700000000.FOREIGN.host"),
                      "Subject: foreign\r\n\r\nhi\r\n"));

    const MaildirReader reader(spool);
    QCOMPARE(reader.directory(), QDir(spool).absolutePath());
    MaildirReader::Listing listing = reader.list();
    QStringList ids;
    for (const SpoolMessage &m : std::as_const(listing.messages))
        ids.append(m.id);
    QCOMPARE(ids, (QStringList{QStringLiteral("NEWEST"), QStringLiteral("MIDDLE"),
                               QStringLiteral("OLD"), QStringLiteral("FOREIGN")}));
    QCOMPARE(listing.notes.size(), 2);
    QVERIFY2(listing.notes.filter(QLatin1String("1003.GARBAGE.host")).size() == 1,
             qPrintable(listing.notes.join(u'\n')));
    QVERIFY2(listing.notes.filter(QLatin1String("1004.EMPTY.host")).size() == 1,
             qPrintable(listing.notes.join(u'\n')));

    const SpoolMessage &newest = listing.messages.at(0);
    QVERIFY(!newest.isNew);
    QCOMPARE(newest.subject, QStringLiteral("NEWEST"));
    QCOMPARE(newest.sender, QStringLiteral("a@example.org"));
    QCOMPARE(newest.filePath, spool + QLatin1String("/cur/1001.NEWEST.host:2,S"));
    QCOMPARE(newest.size, QFileInfo(newest.filePath).size());
    QVERIFY(listing.messages.at(1).isNew);
    QCOMPARE(listing.messages.at(3).arrival, QDateTime::fromSecsSinceEpoch(1700000000));

    // A limit picks the newest by file name (cheap: no file is opened for the others), then the
    // chosen ones are ordered by their Received dates.
    listing = reader.list(2);
    QCOMPARE(listing.messages.size(), 2);
    QCOMPARE(listing.messages.at(0).id, QStringLiteral("MIDDLE"));
    QCOMPARE(listing.messages.at(1).id, QStringLiteral("FOREIGN"));
}

void tst_MaildirReader::listReadsOnlyTheHeaderBlock()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString spool = temp.path();
    QVERIFY(QDir(spool).mkpath(QStringLiteral("new")));
    QVERIFY(QDir(spool).mkpath(QStringLiteral("cur")));

    // A body far beyond the read limit, with a header-like line that must not be seen.
    QByteArray big = "Subject: big\r\n\r\n" + QByteArray(200 * 1024, 'x') + "\r\nFrom: no\r\n";
    QVERIFY(writeFile(spool + QLatin1String("/new/3.BIG.host"), big));
    // Headers longer than the read limit: what was read is used, the cut line is dropped.
    QByteArray longHeaders = "Subject: long\r\n";
    while (longHeaders.size() < MaildirReader::HeaderReadLimit + 1000)
        longHeaders += "X-Filler: " + QByteArray(60, 'f') + "\r\n";
    longHeaders += "From: too-late@example.org\r\n\r\nbody\r\n";
    QVERIFY(writeFile(spool + QLatin1String("/new/2.LONG.host"), longHeaders));
    // One header line longer than the read limit leaves nothing usable.
    QVERIFY(writeFile(spool + QLatin1String("/new/1.HUGE.host"),
                      "Subject: " + QByteArray(MaildirReader::HeaderReadLimit * 2, 's') + "\r\n"));

    const MaildirReader::Listing listing = MaildirReader(spool).list();
    QCOMPARE(listing.messages.size(), 2);
    QCOMPARE(listing.messages.at(0).subject, QStringLiteral("big"));
    QCOMPARE(listing.messages.at(0).from, QString());
    QCOMPARE(listing.messages.at(0).size, big.size());
    QCOMPARE(listing.messages.at(1).subject, QStringLiteral("long"));
    QCOMPARE(listing.messages.at(1).from, QString());
    QCOMPARE(listing.notes.size(), 1);
    QVERIFY(listing.notes.constFirst().contains(QLatin1String("1.HUGE.host")));
}

void tst_MaildirReader::listOfMissingDirectoryExplains()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const MaildirReader::Listing listing
        = MaildirReader(temp.filePath(QStringLiteral("nowhere"))).list();
    QVERIFY(listing.messages.isEmpty());
    QCOMPARE(listing.notes.size(), 2);
    QVERIFY(listing.notes.constFirst().contains(QLatin1String("nowhere/new")));
}

void tst_MaildirReader::readRaw()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString spool = temp.path();
    QVERIFY(QDir(spool).mkpath(QStringLiteral("new")));
    QVERIFY(QDir(spool).mkpath(QStringLiteral("cur")));
    const QByteArray content = MailportHeaders + "Subject: x\r\n\r\nbody\r\n";
    QVERIFY(writeFile(spool + QLatin1String("/cur/1.SEEN.host,S=9:2,S"), content));
    QVERIFY(writeFile(temp.filePath(QStringLiteral("secret")), "secret"));
    const MaildirReader reader(spool);

    MaildirReader::RawMessage raw = reader.readRaw(QStringLiteral("SEEN"), 1 << 20);
    QVERIFY2(raw.ok, qPrintable(raw.error));
    QCOMPARE(raw.data, content);
    QCOMPARE(raw.size, content.size());
    QVERIFY(!raw.truncated);

    raw = reader.readRaw(QStringLiteral("SEEN"), 10);
    QVERIFY(raw.ok);
    QCOMPARE(raw.data, content.left(10));
    QCOMPARE(raw.size, content.size());
    QVERIFY(raw.truncated);

    for (const QString &id : {QStringLiteral("MISSING"), QString(), QStringLiteral("../secret"),
                              QStringLiteral("secret")}) {
        raw = reader.readRaw(id, 1 << 20);
        QVERIFY2(!raw.ok, qPrintable(id));
        QVERIFY(raw.data.isEmpty());
        QVERIFY(!raw.error.isEmpty());
    }
}

QTEST_APPLESS_MAIN(tst_MaildirReader)
#include "tst_maildirreader.moc"
