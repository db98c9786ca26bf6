#include "messagestore.h"

#include "spoolheaders.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace Mailport;

namespace {

SmtpMessage message()
{
    SmtpMessage m;
    m.sender = QStringLiteral("alice@example.org");
    m.recipients = {QStringLiteral("bob@example.net")};
    m.data = "Subject: hi\r\nMessage-ID: <m1@example.org>\r\n\r\nbody text\r\n";
    m.heloName = QStringLiteral("client.test");
    m.peer.address = QHostAddress(QStringLiteral("192.0.2.7"));
    m.peer.port = 40000;
    m.peer.localAddress = QHostAddress::LocalHost;
    m.peer.localPort = 2525;
    m.protocol = QStringLiteral("esmtps");
    m.tlsProtocol = QStringLiteral("TLS1.3");
    m.tlsCipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    m.proxyAddress = QHostAddress(QStringLiteral("10.0.0.1"));
    m.proxyPort = 5000;
    return m;
}

} // namespace

class tst_MessageStore final : public QObject
{
    Q_OBJECT

private slots:
    void messageIdHeader_data();
    void messageIdHeader();
    void storesAndLogsArrival();
    void failureIsLoggedAndTemporary();
    void noSpool();
};

void tst_MessageStore::messageIdHeader_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QByteArray("Message-ID: <a@b>\r\n\r\nx\r\n") << QStringLiteral("a@b");
    QTest::newRow("case") << QByteArray("Subject: s\r\nmessage-id:   <a@b> \r\n\r\n")
                          << QStringLiteral("a@b");
    QTest::newRow("in body only") << QByteArray("Subject: s\r\n\r\nMessage-ID: <a@b>\r\n")
                                  << QString();
    QTest::newRow("none") << QByteArray("Subject: s\r\n\r\n") << QString();
    QTest::newRow("control chars") << QByteArray("Message-ID: <a\x01"
                                                 "b@c>\r\n\r\n")
                                   << QStringLiteral("a?b@c");
}

void tst_MessageStore::messageIdHeader()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    QCOMPARE(MessageStore::messageIdHeader(data), expected);
}

void tst_MessageStore::storesAndLogsArrival()
{
    QTemporaryDir dir;
    MaildirSpool spool;
    spool.setSyncEnabled(false);
    QVERIFY(spool.open(dir.path()).ok());
    QStringList log;
    MessageStore store(&spool, [&](const QString &line) { log.append(line); });
    store.setReceivingHost(QStringLiteral("mx.test"));
    MessageStore::Arrival arrival;
    const StoreOutcome outcome = store.store(message(), &arrival);
    QVERIFY2(outcome.ok, qPrintable(outcome.reason));
    QCOMPARE(outcome.id, arrival.id);
    QCOMPARE(arrival.messageId, QStringLiteral("m1@example.org"));
    QFile file(arrival.filePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QCOMPARE(qint64(stored.size()), arrival.size);
    QVERIFY(stored.startsWith("Return-Path: <alice@example.org>\r\n"));
    QVERIFY(stored.endsWith(message().data));
    QVERIFY(stored.contains("proxy=[10.0.0.1]:5000"));
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first(),
             QStringLiteral("%1 <= alice@example.org H=(client.test) [192.0.2.7]:40000 P=esmtps "
                            "PRX=10.0.0.1 X=TLS1.3:TLS_AES_256_GCM_SHA384 S=%2 id=m1@example.org")
                 .arg(arrival.id)
                 .arg(arrival.size));
    QVERIFY(!log.first().contains(QStringLiteral("body text")));
}

void tst_MessageStore::failureIsLoggedAndTemporary()
{
    QTemporaryDir dir;
    MaildirSpool spool;
    QVERIFY(spool.open(dir.path()).ok());
    MaildirSpool::SystemCalls calls;
    calls.write = [](int, const void *, size_t) -> ssize_t {
        errno = ENOSPC;
        return -1;
    };
    spool.setSystemCallsForTesting(calls);
    QStringList log;
    MessageStore store(&spool, [&](const QString &line) { log.append(line); });
    const StoreOutcome outcome = store.store(message());
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.insufficientStorage);
    QVERIFY(!outcome.reason.isEmpty());
    QCOMPARE(log.size(), 1);
    QVERIFY2(log.first().startsWith(
                 QStringLiteral("H=(client.test) [192.0.2.7]:40000 F=<alice@example.org> "
                                "temporarily rejected after DATA: spool write failed: ")),
             qPrintable(log.first()));
    QVERIFY(QDir(dir.filePath(QStringLiteral("new"))).isEmpty());
}

void tst_MessageStore::noSpool()
{
    MessageStore store(nullptr, {});
    const StoreOutcome outcome = store.store(message());
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.insufficientStorage);
}

QTEST_GUILESS_MAIN(tst_MessageStore)

#include "tst_messagestore.moc"
