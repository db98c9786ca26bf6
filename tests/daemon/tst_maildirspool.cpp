#include "maildirreader.h"
#include "maildirspool.h"
#include "spooltesting.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <limits>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Mailport;
using namespace Mailport::SpoolTesting;

Q_DECLARE_METATYPE(Mailport::SpoolEnvelope)

namespace {

const QByteArray Body = "Subject: hello\r\nFrom: a@example.org\r\n\r\nline one\r\n.dot\r\n";

// Every file under new/ must be complete and tmp/ must be empty whenever store() has returned.
void verifyNothingLeft(const QString &spool)
{
    QCOMPARE(entries(spool + QLatin1String("/new")), QStringList());
    QCOMPARE(entries(spool + QLatin1String("/tmp")), QStringList());
}

} // namespace

class tst_MaildirSpool final : public QObject
{
    Q_OBJECT

private slots:
    void openCreatesPrivateDirectories();
    void openRemovesLeftoversFromTmp();
    void openReportsAFileInTheWay();
    void storeWritesExactBytes_data();
    void storeWritesExactBytes();
    void storedMessageReadsBack();
    void headerInjectionIsNeutralised();
    void longRecipientListIsFolded();
    void storeBeforeOpenFails();
    void vanishedTmpDirectoryIsAnIoError();
    void diskFullIsNoSpace_data();
    void diskFullIsNoSpace();
    void fileSyncFailureLeavesNothing();
    void directorySyncFailureLeavesNothing();
    void renameFailureLeavesNothing();
    void writeWithoutProgressFails();
    void shortWritesAndInterruptsAreCompleted();
    void nameCollisionRetriesWithNewId();
    void syncCanBeDisabledForBenchmarks();
    void concurrentStoresGetUniqueNames();
    void hostNameIsEscapedInFileNames();
    void hasSpaceFor();
};

void tst_MaildirSpool::openCreatesPrivateDirectories()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString spool = temp.filePath(QStringLiteral("a/b/spool"));
    MaildirSpool maildir;
    const MaildirSpool::OpenResult result = maildir.open(spool);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(maildir.isOpen());
    QCOMPARE(result.removedLeftovers, 0);
    for (const char *sub : {"", "/tmp", "/new", "/cur"}) {
        struct stat info;
        const QByteArray path = QFile::encodeName(spool + QLatin1String(sub));
        QCOMPARE(::stat(path.constData(), &info), 0);
        QVERIFY(S_ISDIR(info.st_mode));
        QCOMPARE(info.st_mode & 0777, 0700u);
    }
    // Opening an existing spool again is fine.
    QVERIFY(maildir.open(spool).ok());
}

void tst_MaildirSpool::openRemovesLeftoversFromTmp()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString spool = temp.path();
    QVERIFY(QDir(spool).mkpath(QStringLiteral("tmp")));
    QVERIFY(QDir(spool).mkpath(QStringLiteral("new")));
    for (const char *name : {"tmp/1.a.host", "tmp/2.b.host", "tmp/.hidden", "new/3.c.host"}) {
        QFile file(spool + u'/' + QLatin1String(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("partial");
    }
    MaildirSpool maildir;
    const MaildirSpool::OpenResult result = maildir.open(spool);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.removedLeftovers, 3);
    QCOMPARE(entries(spool + QLatin1String("/tmp")), QStringList());
    QCOMPARE(entries(spool + QLatin1String("/new")), QStringList{QStringLiteral("3.c.host")});
}

void tst_MaildirSpool::openReportsAFileInTheWay()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString blocker = temp.filePath(QStringLiteral("blocker"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    MaildirSpool maildir;
    MaildirSpool::OpenResult result = maildir.open(blocker);
    QCOMPARE(result.status, MaildirSpool::Status::IoError);
    QVERIFY2(result.message.contains(blocker), qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String("Not a directory")), qPrintable(result.message));
    QVERIFY(!maildir.isOpen());

    result = maildir.open(blocker + QLatin1String("/spool"));
    QCOMPARE(result.status, MaildirSpool::Status::IoError);
    QVERIFY(!maildir.isOpen());

    // A spool whose tmp/ is a file cannot work either.
    const QString spool = temp.filePath(QStringLiteral("spool"));
    QVERIFY(QDir().mkpath(spool));
    QFile tmpFile(spool + QLatin1String("/tmp"));
    QVERIFY(tmpFile.open(QIODevice::WriteOnly));
    tmpFile.close();
    result = maildir.open(spool);
    QCOMPARE(result.status, MaildirSpool::Status::IoError);
    QVERIFY2(result.message.contains(spool + QLatin1String("/tmp")), qPrintable(result.message));
}

void tst_MaildirSpool::storeWritesExactBytes_data()
{
    QTest::addColumn<SpoolEnvelope>("envelope");
    QTest::addColumn<QByteArray>("expectedHeaders");

    SpoolEnvelope tls = simpleEnvelope();
    tls.listenerAddress = QHostAddress(QStringLiteral("198.51.100.1"));
    tls.listenerPort = 25;
    tls.tlsProtocol = QStringLiteral("TLS1.3");
    tls.tlsCipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    tls.protocol = QStringLiteral("esmtps");
    tls.proxyAddress = QHostAddress(QStringLiteral("10.0.0.1"));
    tls.proxyPort = 41000;
    QTest::newRow("tls, proxied, one recipient")
        << tls
        << QByteArray("Return-Path: <alice@example.org>\r\n"
                      "Envelope-to: bob@example.net\r\n"
                      "Received: from [192.0.2.10] (port=50122 helo=client.example.org\r\n"
                      "\tproxy=[10.0.0.1]:41000)\r\n"
                      "\tby mx.example.net ([198.51.100.1]:25) with esmtps (TLS1.3)\r\n"
                      "\ttls TLS_AES_256_GCM_SHA384\r\n"
                      "\t(Mailport " MAILPORT_VERSION ")\r\n"
                      "\t(envelope-from <alice@example.org>)\r\n"
                      "\tid @ID@\r\n"
                      "\tfor bob@example.net;\r\n"
                      "\tThu, 01 Feb 2024 10:00:00 +0000\r\n");

    SpoolEnvelope plain;
    plain.recipients = {QStringLiteral("a@example.net"), QStringLiteral("b@example.net")};
    plain.clientAddress = QHostAddress(QStringLiteral("2001:db8::5"));
    plain.clientPort = 4000;
    plain.listenerAddress = QHostAddress(QStringLiteral("::1"));
    plain.listenerPort = 2525;
    plain.protocol = QStringLiteral("smtp");
    plain.receivingHost = QStringLiteral("localhost.localdomain");
    plain.arrival
        = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::OffsetFromUTC, -(3 * 3600 + 1800));
    QTest::newRow("null sender, IPv6, two recipients, no HELO")
        << plain
        << QByteArray("Return-Path: <>\r\n"
                      "Envelope-to: a@example.net, b@example.net\r\n"
                      "Received: from [2001:db8::5] (port=4000)\r\n"
                      "\tby localhost.localdomain ([::1]:2525) with smtp\r\n"
                      "\t(Mailport " MAILPORT_VERSION ")\r\n"
                      "\tid @ID@;\r\n"
                      "\tThu, 29 Feb 2024 23:59:59 -0330\r\n");

    SpoolEnvelope mapped;
    mapped.sender = QStringLiteral("x@y.example");
    mapped.recipients = {QStringLiteral("postmaster")};
    mapped.heloName = QStringLiteral("[203.0.113.7]");
    mapped.clientAddress = QHostAddress(QStringLiteral("::ffff:203.0.113.7"));
    mapped.clientPort = 1;
    mapped.listenerAddress = QHostAddress(QStringLiteral("::ffff:127.0.0.1"));
    mapped.listenerPort = 587;
    mapped.tlsProtocol = QStringLiteral("TLS1.2");
    mapped.tlsCipher = QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256");
    mapped.protocol = QStringLiteral("esmtpsa");
    mapped.receivingHost = QStringLiteral("mx");
    mapped.arrival = QDateTime(QDate(2023, 12, 31), QTime(0, 0), Qt::OffsetFromUTC, 3600);
    QTest::newRow("v4-mapped addresses, authenticated TLS")
        << mapped
        << QByteArray("Return-Path: <x@y.example>\r\n"
                      "Envelope-to: postmaster\r\n"
                      "Received: from [203.0.113.7] (port=1 helo=[203.0.113.7])\r\n"
                      // exactly 78 characters: still one line
                      "\tby mx ([127.0.0.1]:587) with esmtpsa (TLS1.2) "
                      "tls ECDHE-RSA-AES128-GCM-SHA256\r\n"
                      "\t(Mailport " MAILPORT_VERSION ")\r\n"
                      "\t(envelope-from <x@y.example>)\r\n"
                      "\tid @ID@\r\n"
                      "\tfor postmaster;\r\n"
                      "\tSun, 31 Dec 2023 00:00:00 +0100\r\n");
}

void tst_MaildirSpool::storeWritesExactBytes()
{
    QFETCH(SpoolEnvelope, envelope);
    QFETCH(QByteArray, expectedHeaders);

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    maildir.setHostName(QStringLiteral("spool.test"));
    QVERIFY(maildir.open(temp.path()).ok());

    const MaildirSpool::StoreResult result = maildir.store(envelope, Body);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.smtpCode(), 250);
    QVERIFY(result.message.isEmpty());
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{6}$"))
                 .match(result.id)
                 .hasMatch(),
             qPrintable(result.id));

    const QByteArray expected
        = QByteArray(expectedHeaders).replace("@ID@", result.id.toLatin1()) + Body;
    QCOMPARE(readAll(result.filePath), expected);
    QCOMPARE(result.size, qint64(expected.size()));

    const QString name = QFileInfo(result.filePath).fileName();
    QCOMPARE(QFileInfo(result.filePath).absolutePath(), temp.path() + QLatin1String("/new"));
    const QRegularExpression pattern(QStringLiteral("^\\d+\\.%1\\.spool\\.test,S=%2$")
                                         .arg(QRegularExpression::escape(result.id))
                                         .arg(expected.size()));
    QVERIFY2(pattern.match(name).hasMatch(), qPrintable(name));
    QCOMPARE(MaildirReader::idFromFileName(name), result.id);

    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(result.filePath).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);
    QCOMPARE(entries(temp.filePath(QStringLiteral("tmp"))), QStringList());
}

void tst_MaildirSpool::storedMessageReadsBack()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    SpoolEnvelope envelope = simpleEnvelope();
    envelope.tlsProtocol = QStringLiteral("TLS1.3");
    envelope.tlsCipher = QStringLiteral("TLS_AES_128_GCM_SHA256");
    envelope.proxyAddress = QHostAddress(QStringLiteral("fd00::1"));
    envelope.proxyPort = 9;
    const MaildirSpool::StoreResult stored = maildir.store(envelope, Body);
    QVERIFY2(stored.ok(), qPrintable(stored.message));

    const MaildirReader::Listing listing = MaildirReader(temp.path()).list();
    QCOMPARE(listing.notes, QStringList());
    QCOMPARE(listing.messages.size(), 1);
    const SpoolMessage &message = listing.messages.constFirst();
    QCOMPARE(message.id, stored.id);
    QCOMPARE(message.filePath, stored.filePath);
    QCOMPARE(message.size, stored.size);
    QCOMPARE(message.sender, envelope.sender);
    QCOMPARE(message.recipients, envelope.recipients);
    QCOMPARE(message.heloName, envelope.heloName);
    QCOMPARE(message.clientAddress, envelope.clientAddress);
    QCOMPARE(message.clientPort, envelope.clientPort);
    QCOMPARE(message.listenerAddress, envelope.listenerAddress);
    QCOMPARE(message.listenerPort, envelope.listenerPort);
    QCOMPARE(message.proxyAddress, envelope.proxyAddress);
    QCOMPARE(message.proxyPort, envelope.proxyPort);
    QCOMPARE(message.tlsProtocol, envelope.tlsProtocol);
    QCOMPARE(message.tlsCipher, envelope.tlsCipher);
    QCOMPARE(message.protocol, envelope.protocol);
    QCOMPARE(message.arrival, envelope.arrival);
    QCOMPARE(message.subject, QStringLiteral("hello"));
    QCOMPARE(MaildirReader(temp.path()).readRaw(stored.id, 1 << 20).data, readAll(stored.filePath));
}

void tst_MaildirSpool::headerInjectionIsNeutralised()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    SpoolEnvelope envelope = simpleEnvelope();
    envelope.heloName = QStringLiteral("evil\r\nX-Injected: 1 (x)");
    envelope.sender = QStringLiteral("a@b\r\nX-Injected: 2");
    envelope.recipients = {QStringLiteral("c@d\nX-Injected: 3")};
    envelope.protocol = QStringLiteral("esmtp\r\nX-Injected: 4");
    const MaildirSpool::StoreResult result = maildir.store(envelope, "\r\nbody\r\n");
    QVERIFY2(result.ok(), qPrintable(result.message));
    const QByteArray content = readAll(result.filePath);
    QVERIFY(!content.contains("\nX-Injected"));
    QVERIFY(!content.contains("\r\r"));
    const QByteArray headers = content.left(content.indexOf("\r\n\r\n") + 2);
    QVERIFY(headers.endsWith("\r\n"));
    for (const QByteArray &line : headers.chopped(1).split('\n'))
        QVERIFY2(line.endsWith('\r') && line.indexOf('\r') == line.size() - 1, line.constData());
    QVERIFY2(content.contains("helo=evil??X-Injected:?1??x?)"), content.constData());
}

void tst_MaildirSpool::longRecipientListIsFolded()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    SpoolEnvelope envelope = simpleEnvelope();
    envelope.recipients.clear();
    for (int i = 0; i < 120; ++i)
        envelope.recipients.append(QStringLiteral("recipient%1@example.net").arg(i));
    envelope.receivingHost = QStringLiteral("a-rather-long-host-name.of-a-subdomain.example.net");
    envelope.tlsProtocol = QStringLiteral("TLS1.3");
    envelope.tlsCipher = QStringLiteral("TLS_CHACHA20_POLY1305_SHA256");
    const MaildirSpool::StoreResult result = maildir.store(envelope, Body);
    QVERIFY2(result.ok(), qPrintable(result.message));
    const QByteArray content = readAll(result.filePath);
    const QByteArray headers = content.left(content.indexOf(Body));
    const QList<QByteArray> lines = headers.split('\n');
    QVERIFY(lines.size() > 30);
    for (const QByteArray &line : lines)
        QVERIFY2(line.size() <= 79, line.constData()); // 78 plus the CR
    QVERIFY(content.endsWith(Body));
    QCOMPARE(MaildirReader(temp.path()).list().messages.value(0).recipients, envelope.recipients);
}

void tst_MaildirSpool::storeBeforeOpenFails()
{
    MaildirSpool maildir;
    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), Body);
    QCOMPARE(result.status, MaildirSpool::Status::IoError);
    QCOMPARE(result.smtpCode(), 451);
    QVERIFY(!result.message.isEmpty());
    QVERIFY(!maildir.hasSpaceFor(0));
}

void tst_MaildirSpool::vanishedTmpDirectoryIsAnIoError()
{
    // Works as root too, where permission bits would not stop anything.
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    QVERIFY(QDir(temp.filePath(QStringLiteral("tmp"))).removeRecursively());
    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), Body);
    QCOMPARE(result.status, MaildirSpool::Status::IoError);
    QCOMPARE(result.smtpCode(), 451);
    QVERIFY2(result.message.contains(QLatin1String("No such file or directory")),
             qPrintable(result.message));
    QCOMPARE(entries(temp.filePath(QStringLiteral("new"))), QStringList());
}

void tst_MaildirSpool::diskFullIsNoSpace_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("inBody"); // whether the disk fills up after the headers
    QTest::newRow("ENOSPC in the headers") << ENOSPC << false;
    QTest::newRow("ENOSPC in the body") << ENOSPC << true;
    QTest::newRow("EDQUOT") << EDQUOT << true;
    QTest::newRow("EFBIG") << EFBIG << false;
}

void tst_MaildirSpool::diskFullIsNoSpace()
{
    QFETCH(int, error);
    QFETCH(bool, inBody);
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());

    // Ids have a fixed length, so any id gives the real header size.
    const qint64 headerSize
        = SpoolHeaders::render(simpleEnvelope(), QStringLiteral("000000-000000-000000")).size();
    const qint64 capacity = inBody ? headerSize + 10 : 100;
    qint64 written = 0;
    MaildirSpool::SystemCalls system;
    // Like a file system filling up: a short write up to the last free byte, then the error.
    system.write = [&](int fd, const void *buffer, size_t count) -> ssize_t {
        const qint64 room = capacity - written;
        if (room <= 0) {
            errno = error;
            return -1;
        }
        const ssize_t done = ::write(fd, buffer, size_t(qMin<qint64>(qint64(count), room)));
        if (done > 0)
            written += done;
        return done;
    };
    system.fsync = [](int fd) {
        return ::fsync(fd);
    };
    system.rename = [](int oldDir, const char *oldName, int newDir, const char *newName) {
        return ::renameat(oldDir, oldName, newDir, newName);
    };
    maildir.setSystemCallsForTesting(system);

    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), Body);
    QCOMPARE(result.status, MaildirSpool::Status::NoSpace);
    QCOMPARE(result.smtpCode(), 452);
    QVERIFY2(result.message.contains(qt_error_string(error)), qPrintable(result.message));
    QVERIFY(result.id.isEmpty());
    QVERIFY(result.filePath.isEmpty());
    QCOMPARE(written, capacity);
    verifyNothingLeft(temp.path());
}

void tst_MaildirSpool::fileSyncFailureLeavesNothing()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    MaildirSpool::SystemCalls system;
    system.write = [](int fd, const void *buffer, size_t count) {
        return ::write(fd, buffer, count);
    };
    system.fsync = [](int) {
        errno = EIO;
        return -1;
    };
    bool renamed = false;
    system.rename = [&](int, const char *, int, const char *) {
        renamed = true;
        return 0;
    };
    maildir.setSystemCallsForTesting(system);
    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), Body);
    QCOMPARE(result.status, MaildirSpool::Status::IoError);
    QCOMPARE(result.smtpCode(), 451);
    QVERIFY2(result.message.contains(qt_error_string(EIO)), qPrintable(result.message));
    QVERIFY(!renamed);
    verifyNothingLeft(temp.path());
}

void tst_MaildirSpool::directorySyncFailureLeavesNothing()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    int syncs = 0;
    MaildirSpool::SystemCalls system;
    system.write = [](int fd, const void *buffer, size_t count) {
        return ::write(fd, buffer, count);
    };
    system.fsync = [&](int fd) {
        if (++syncs == 2) {
            errno = EIO;
            return -1;
        }
        return ::fsync(fd);
    };
    system.rename = [](int oldDir, const char *oldName, int newDir, const char *newName) {
        return ::renameat(oldDir, oldName, newDir, newName);
    };
    maildir.setSystemCallsForTesting(system);
    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), Body);
    QCOMPARE(syncs, 2);
    QCOMPARE(result.status, MaildirSpool::Status::IoError);
    QVERIFY2(result.message.contains(QLatin1String("/new/")), qPrintable(result.message));
    verifyNothingLeft(temp.path());
}

void tst_MaildirSpool::renameFailureLeavesNothing()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    MaildirSpool::SystemCalls system;
    system.write = [](int fd, const void *buffer, size_t count) {
        return ::write(fd, buffer, count);
    };
    system.fsync = [](int fd) {
        return ::fsync(fd);
    };
    system.rename = [](int, const char *, int, const char *) {
        errno = EROFS;
        return -1;
    };
    maildir.setSystemCallsForTesting(system);
    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), Body);
    QCOMPARE(result.status, MaildirSpool::Status::IoError);
    QVERIFY2(result.message.contains(qt_error_string(EROFS)), qPrintable(result.message));
    verifyNothingLeft(temp.path());
}

void tst_MaildirSpool::writeWithoutProgressFails()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    MaildirSpool::SystemCalls system;
    system.write = [](int, const void *, size_t) -> ssize_t {
        return 0;
    };
    system.fsync = [](int fd) {
        return ::fsync(fd);
    };
    system.rename = [](int oldDir, const char *oldName, int newDir, const char *newName) {
        return ::renameat(oldDir, oldName, newDir, newName);
    };
    maildir.setSystemCallsForTesting(system);
    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), Body);
    QCOMPARE(result.status, MaildirSpool::Status::IoError);
    verifyNothingLeft(temp.path());
}

void tst_MaildirSpool::shortWritesAndInterruptsAreCompleted()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    int writes = 0;
    int syncs = 0;
    MaildirSpool::SystemCalls system;
    system.write = [&](int fd, const void *buffer, size_t count) -> ssize_t {
        if (++writes % 3 == 0) {
            errno = EINTR;
            return -1;
        }
        return ::write(fd, buffer, qMin<size_t>(count, 7));
    };
    system.fsync = [&](int fd) {
        if (++syncs == 1) {
            errno = EINTR;
            return -1;
        }
        return ::fsync(fd);
    };
    system.rename = [](int oldDir, const char *oldName, int newDir, const char *newName) {
        return ::renameat(oldDir, oldName, newDir, newName);
    };
    maildir.setSystemCallsForTesting(system);
    QByteArray body;
    for (int i = 0; i < 200; ++i)
        body += "line " + QByteArray::number(i) + "\r\n";
    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), body);
    QVERIFY2(result.ok(), qPrintable(result.message));
    const QByteArray content = readAll(result.filePath);
    QCOMPARE(content.size(), result.size);
    QVERIFY(content.endsWith(body));
    QVERIFY(content.startsWith("Return-Path: <alice@example.org>\r\n"));
    QVERIFY(writes > 300);
    QCOMPARE(syncs, 3);
}

void tst_MaildirSpool::nameCollisionRetriesWithNewId()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    int renames = 0;
    MaildirSpool::SystemCalls system;
    system.write = [](int fd, const void *buffer, size_t count) {
        return ::write(fd, buffer, count);
    };
    system.fsync = [](int fd) {
        return ::fsync(fd);
    };
    system.rename = [&](int oldDir, const char *oldName, int newDir, const char *newName) {
        if (++renames == 1) {
            errno = EEXIST;
            return -1;
        }
        return ::renameat(oldDir, oldName, newDir, newName);
    };
    maildir.setSystemCallsForTesting(system);
    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), Body);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(renames, 2);
    QCOMPARE(entries(temp.filePath(QStringLiteral("new"))).size(), 1);
    QCOMPARE(entries(temp.filePath(QStringLiteral("tmp"))), QStringList());
    QVERIFY(readAll(result.filePath).contains("id " + result.id.toLatin1()));
}

void tst_MaildirSpool::syncCanBeDisabledForBenchmarks()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    QVERIFY(maildir.syncEnabled());
    int syncs = 0;
    MaildirSpool::SystemCalls system;
    system.write = [](int fd, const void *buffer, size_t count) {
        return ::write(fd, buffer, count);
    };
    system.fsync = [&](int fd) {
        ++syncs;
        return ::fsync(fd);
    };
    system.rename = [](int oldDir, const char *oldName, int newDir, const char *newName) {
        return ::renameat(oldDir, oldName, newDir, newName);
    };
    maildir.setSystemCallsForTesting(system);
    QVERIFY(maildir.store(simpleEnvelope(), Body).ok());
    QCOMPARE(syncs, 2);
    maildir.setSyncEnabled(false);
    QVERIFY(maildir.store(simpleEnvelope(), Body).ok());
    QCOMPARE(syncs, 2);
    QCOMPARE(entries(temp.filePath(QStringLiteral("new"))).size(), 2);
}

void tst_MaildirSpool::concurrentStoresGetUniqueNames()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool first;
    MaildirSpool second;
    QVERIFY(first.open(temp.path()).ok());
    QVERIFY(second.open(temp.path()).ok());
    first.setSyncEnabled(false);
    second.setSyncEnabled(false);

    constexpr int Threads = 4;
    constexpr int PerThread = 100;
    QMutex mutex;
    QSet<QString> ids;
    int failures = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back([&, t] {
            MaildirSpool &spool = t % 2 ? second : first;
            for (int i = 0; i < PerThread; ++i) {
                const MaildirSpool::StoreResult result = spool.store(simpleEnvelope(), Body);
                const QMutexLocker locker(&mutex);
                if (result.ok())
                    ids.insert(result.id);
                else
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures, 0);
    QCOMPARE(ids.size(), Threads * PerThread);
    QCOMPARE(entries(temp.filePath(QStringLiteral("new"))).size(), Threads * PerThread);
    QCOMPARE(entries(temp.filePath(QStringLiteral("tmp"))), QStringList());
}

void tst_MaildirSpool::hostNameIsEscapedInFileNames()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    maildir.setHostName(QStringLiteral("a/b:c,d e"));
    const MaildirSpool::StoreResult result = maildir.store(simpleEnvelope(), Body);
    QVERIFY2(result.ok(), qPrintable(result.message));
    const QString name = QFileInfo(result.filePath).fileName();
    QVERIFY2(name.contains(QLatin1String(".a\\057b\\072c\\054de,S=")), qPrintable(name));
    QCOMPARE(MaildirReader::idFromFileName(name), result.id);
}

void tst_MaildirSpool::hasSpaceFor()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    MaildirSpool maildir;
    QVERIFY(maildir.open(temp.path()).ok());
    maildir.setFreeSpaceReserve(1024 * 1024);
    QCOMPARE(maildir.freeSpaceReserve(), qint64(1024 * 1024));
    QVERIFY(maildir.hasSpaceFor(0));
    QVERIFY(maildir.hasSpaceFor(-5));
    QVERIFY(maildir.hasSpaceFor(64 * 1024));
    // Half of the largest representable size can never fit (and must not overflow).
    QVERIFY(!maildir.hasSpaceFor(std::numeric_limits<qint64>::max()));
    QVERIFY(!maildir.hasSpaceFor(qint64(1) << 60));
    maildir.setFreeSpaceReserve(std::numeric_limits<qint64>::max());
    QVERIFY(!maildir.hasSpaceFor(0));
}

QTEST_APPLESS_MAIN(tst_MaildirSpool)
#include "tst_maildirspool.moc"
