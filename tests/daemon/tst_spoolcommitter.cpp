// SpoolCommitter: messages stored off the event loop, one directory fsync per batch. The batches
// are made deterministic by holding the commit thread inside an injected directory fsync while
// more messages are written behind it.

#include "spoolcommitter.h"
#include "spooltesting.h"

#include <QDir>
#include <QFile>
#include <QSemaphore>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Mailport;
using namespace Mailport::SpoolTesting;

namespace {

constexpr int kWait = 10000; // a fail-safe for waits on other threads, not a timing assertion

QByteArray body(int n)
{
    return "Subject: message " + QByteArray::number(n) + "\r\n\r\nbody of message "
           + QByteArray::number(n) + "\r\n";
}

bool isDirectory(int fd)
{
    struct stat info;
    return ::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode);
}

// The system calls, with hooks into the two kinds of fsync. Called from the commit threads.
struct Injected
{
    std::atomic<int> fileSyncs{0};
    std::atomic<int> directorySyncs{0};
    std::atomic<int> renames{0};
    int failFileSync = 0;      // the n-th file fsync fails with EIO (0: none)
    int failDirectorySync = 0; // the n-th directory fsync fails with EIO (0: none)
    int holdDirectorySync = 0; // the n-th directory fsync waits for `release`
    int renameTaken = 0;       // the n-th rename fails with EEXIST
    QSemaphore held;
    QSemaphore release;

    MaildirSpool::SystemCalls calls()
    {
        MaildirSpool::SystemCalls system;
        system.write = [](int fd, const void *buffer, size_t count) {
            return ::write(fd, buffer, count);
        };
        system.fsync = [this](int fd) {
            if (isDirectory(fd)) {
                const int n = ++directorySyncs;
                if (n == holdDirectorySync) {
                    held.release();
                    release.acquire();
                }
                if (n == failDirectorySync) {
                    errno = EIO;
                    return -1;
                }
            } else if (++fileSyncs == failFileSync) {
                errno = EIO;
                return -1;
            }
            return ::fsync(fd);
        };
        system.rename = [this](int oldDir, const char *oldName, int newDir, const char *newName) {
            if (++renames == renameTaken) {
                errno = EEXIST;
                return -1;
            }
            return ::renameat2(oldDir, oldName, newDir, newName, RENAME_NOREPLACE);
        };
        return system;
    }
};

} // namespace

class tst_SpoolCommitter final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void manyConcurrentMessagesAreAllStored_data();
    void manyConcurrentMessagesAreAllStored();
    void oneDirectorySyncCoversABatch();
    void taking_data();
    void taking();
    void failedDirectorySyncFailsTheWholeBatch();
    void failedFileSyncFailsOnlyThatMessage();
    void takenNameIsWrittenAgain();
    void closedSpoolFails();
    void destructionFinishesQueuedMessages();

private:
    void submit(SpoolCommitter &committer, int n);
    void holdFirstCommit(SpoolCommitter &committer, Injected &injected, int behind);
    void queueBehindAHeldCommit(SpoolCommitter::Taking taking, SpoolCommitter::Statistics *stats);
    std::shared_ptr<MaildirSpool> openSpool();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<MaildirSpool> m_spool;
    QMap<int, MaildirSpool::StoreResult> m_results;
    bool m_calledOffThread = false;
};

void tst_SpoolCommitter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_spool = openSpool();
    QVERIFY(m_spool->isOpen());
    m_results.clear();
    m_calledOffThread = false;
}

std::shared_ptr<MaildirSpool> tst_SpoolCommitter::openSpool()
{
    auto spool = std::make_shared<MaildirSpool>();
    spool->open(m_dir->path());
    return spool;
}

void tst_SpoolCommitter::submit(SpoolCommitter &committer, int n)
{
    committer.submit(m_spool, simpleEnvelope(), body(n),
                     [this, n](const MaildirSpool::StoreResult &r) {
                         if (QThread::currentThread() != thread())
                             m_calledOffThread = true;
                         m_results.insert(n, r);
                     });
}

void tst_SpoolCommitter::manyConcurrentMessagesAreAllStored_data()
{
    QTest::addColumn<int>("writers");
    QTest::addColumn<SpoolCommitter::Taking>("taking");
    QTest::newRow("4 writers, one each") << 4 << SpoolCommitter::Taking::One;
    QTest::newRow("1 writer, one each") << 1 << SpoolCommitter::Taking::One;
    QTest::newRow("1 writer, all waiting") << 1 << SpoolCommitter::Taking::AllWaiting;
    QTest::newRow("3 writers, all waiting") << 3 << SpoolCommitter::Taking::AllWaiting;
}

void tst_SpoolCommitter::manyConcurrentMessagesAreAllStored()
{
    QFETCH(int, writers);
    QFETCH(SpoolCommitter::Taking, taking);
    constexpr int Messages = 200;
    SpoolCommitter committer(writers, taking);
    for (int n = 0; n < Messages; ++n)
        submit(committer, n);
    QCOMPARE(committer.pending(), Messages);
    QVERIFY(m_results.isEmpty()); // never called back from inside submit()
    QTRY_COMPARE_WITH_TIMEOUT(m_results.size(), Messages, kWait);
    QCOMPARE(committer.pending(), 0);
    QVERIFY(!m_calledOffThread);

    QSet<QString> ids;
    for (auto it = m_results.cbegin(); it != m_results.cend(); ++it) {
        QVERIFY2(it->ok(), qPrintable(it->message));
        QCOMPARE(it->smtpCode(), 250);
        ids.insert(it->id);
        const QByteArray content = readAll(it->filePath);
        QVERIFY2(content.endsWith(body(it.key())), qPrintable(it->filePath));
        QVERIFY(content.contains("id " + it->id.toLatin1()));
        QCOMPARE(content.size(), it->size);
    }
    QCOMPARE(ids.size(), Messages);
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("new"))).size(), Messages);
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("tmp"))), QStringList());
    const SpoolCommitter::Statistics stats = committer.statistics();
    QCOMPARE(stats.messages, qint64(Messages));
    QCOMPARE(stats.filesWritten, qint64(Messages));
    QVERIFY(stats.directorySyncs >= 1 && stats.directorySyncs <= Messages);
    QCOMPARE(stats.failedBatches, qint64(0));
}

// Submits one message, waits until the commit thread is inside its directory fsync (held by
// @p injected until released), and submits @p behind more, which queue up behind it.
void tst_SpoolCommitter::holdFirstCommit(SpoolCommitter &committer, Injected &injected, int behind)
{
    submit(committer, 0);
    if (!injected.held.tryAcquire(1, kWait)) {
        injected.release.release(); // so that the committer can still be destroyed
        QFAIL("the commit thread never reached the directory fsync");
    }
    for (int n = 1; n <= behind; ++n)
        submit(committer, n);
}

void tst_SpoolCommitter::oneDirectorySyncCoversABatch()
{
    constexpr int Behind = 20;
    Injected injected;
    injected.holdDirectorySync = 1;
    m_spool->setSystemCallsForTesting(injected.calls());
    SpoolCommitter committer(4);
    holdFirstCommit(committer, injected, Behind);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(committer.statistics().filesWritten, qint64(Behind + 1), kWait);
    // Nothing is acknowledged before its directory fsync has returned.
    QVERIFY(m_results.isEmpty());
    injected.release.release();

    QTRY_COMPARE_WITH_TIMEOUT(m_results.size(), Behind + 1, kWait);
    for (const MaildirSpool::StoreResult &r : std::as_const(m_results))
        QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(injected.fileSyncs.load(), Behind + 1);
    QCOMPARE(injected.directorySyncs.load(), 2);
    const SpoolCommitter::Statistics stats = committer.statistics();
    QCOMPARE(stats.directorySyncs, qint64(2));
    QCOMPARE(stats.largestBatch, qint64(Behind));
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("new"))).size(), Behind + 1);
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("tmp"))), QStringList());
}

// With the lone writer held in the first directory fsync, twenty messages queue up behind it;
// @p stats is what the committer says once all are reported.
void tst_SpoolCommitter::queueBehindAHeldCommit(SpoolCommitter::Taking taking,
                                                SpoolCommitter::Statistics *stats)
{
    constexpr int Behind = 20;
    Injected injected;
    injected.holdDirectorySync = 1;
    m_spool->setSystemCallsForTesting(injected.calls());
    SpoolCommitter committer(1, taking);
    holdFirstCommit(committer, injected, Behind);
    if (QTest::currentTestFailed())
        return;
    // The only writer is in the fsync: nothing more is written until it is free.
    QCOMPARE(committer.statistics().filesWritten, qint64(1));
    injected.release.release();
    QTRY_COMPARE_WITH_TIMEOUT(m_results.size(), Behind + 1, kWait);
    for (const MaildirSpool::StoreResult &r : std::as_const(m_results))
        QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("new"))).size(), Behind + 1);
    *stats = committer.statistics();
}

void tst_SpoolCommitter::taking_data()
{
    QTest::addColumn<SpoolCommitter::Taking>("taking");
    QTest::addColumn<qint64>("directorySyncs");
    QTest::addColumn<qint64>("largestBatch");
    // One at a time, a lone writer commits each message by itself...
    QTest::newRow("one") << SpoolCommitter::Taking::One << qint64(21) << qint64(1);
    // ...taking all, it writes the twenty that waited and commits them together.
    QTest::newRow("all waiting") << SpoolCommitter::Taking::AllWaiting << qint64(2) << qint64(20);
}

void tst_SpoolCommitter::taking()
{
    QFETCH(SpoolCommitter::Taking, taking);
    QFETCH(qint64, directorySyncs);
    QFETCH(qint64, largestBatch);
    SpoolCommitter::Statistics stats;
    queueBehindAHeldCommit(taking, &stats);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(stats.messages, qint64(21));
    QCOMPARE(stats.directorySyncs, directorySyncs);
    QCOMPARE(stats.largestBatch, largestBatch);
}

void tst_SpoolCommitter::failedDirectorySyncFailsTheWholeBatch()
{
    constexpr int Behind = 20;
    Injected injected;
    injected.holdDirectorySync = 1;
    injected.failDirectorySync = 2;
    m_spool->setSystemCallsForTesting(injected.calls());
    SpoolCommitter committer(4);
    holdFirstCommit(committer, injected, Behind);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(committer.statistics().filesWritten, qint64(Behind + 1), kWait);
    injected.release.release();
    QTRY_COMPARE_WITH_TIMEOUT(m_results.size(), Behind + 1, kWait);

    // The first batch was synced; the second one's renames may or may not be durable, so none
    // of them may be acknowledged, so none of them may stay.
    QVERIFY2(m_results.value(0).ok(), qPrintable(m_results.value(0).message));
    for (int n = 1; n <= Behind; ++n) {
        const MaildirSpool::StoreResult r = m_results.value(n);
        QCOMPARE(r.status, MaildirSpool::Status::IoError);
        QCOMPARE(r.smtpCode(), 451);
        QVERIFY2(r.message.contains(QLatin1String("/new/")), qPrintable(r.message));
    }
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("new"))),
             QStringList{QFileInfo(m_results.value(0).filePath).fileName()});
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("tmp"))), QStringList());
    QCOMPARE(committer.statistics().failedBatches, qint64(1));
}

void tst_SpoolCommitter::failedFileSyncFailsOnlyThatMessage()
{
    constexpr int Messages = 10;
    Injected injected;
    injected.failFileSync = 3;
    m_spool->setSystemCallsForTesting(injected.calls());
    SpoolCommitter committer(4);
    for (int n = 0; n < Messages; ++n)
        submit(committer, n);
    QTRY_COMPARE_WITH_TIMEOUT(m_results.size(), Messages, kWait);

    int failed = 0;
    for (const MaildirSpool::StoreResult &r : std::as_const(m_results)) {
        if (r.ok())
            continue;
        ++failed;
        QCOMPARE(r.smtpCode(), 451);
        QVERIFY2(r.message.contains(QLatin1String("/tmp/")), qPrintable(r.message));
    }
    QCOMPARE(failed, 1);
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("new"))).size(), Messages - 1);
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("tmp"))), QStringList());
}

void tst_SpoolCommitter::takenNameIsWrittenAgain()
{
    Injected injected;
    injected.renameTaken = 1;
    m_spool->setSystemCallsForTesting(injected.calls());
    SpoolCommitter committer(1);
    submit(committer, 7);
    QTRY_COMPARE_WITH_TIMEOUT(m_results.size(), 1, kWait);
    const MaildirSpool::StoreResult r = m_results.value(7);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(injected.renames.load(), 2);
    QCOMPARE(injected.fileSyncs.load(), 2);
    QVERIFY(readAll(r.filePath).contains("id " + r.id.toLatin1()));
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("new"))).size(), 1);
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("tmp"))), QStringList());
}

void tst_SpoolCommitter::closedSpoolFails()
{
    m_spool = std::make_shared<MaildirSpool>(); // never opened
    SpoolCommitter committer(2);
    submit(committer, 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_results.size(), 1, kWait);
    QCOMPARE(m_results.value(1).smtpCode(), 451);
}

void tst_SpoolCommitter::destructionFinishesQueuedMessages()
{
    constexpr int Messages = 30;
    {
        SpoolCommitter committer(2);
        for (int n = 0; n < Messages; ++n)
            submit(committer, n);
        m_spool.reset(); // the committer keeps it alive
    }
    // Everything queued was committed, and nobody is called back from a destroyed committer.
    QCoreApplication::processEvents();
    QVERIFY(m_results.isEmpty());
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("new"))).size(), Messages);
    QCOMPARE(entries(m_dir->filePath(QStringLiteral("tmp"))), QStringList());
}

QTEST_GUILESS_MAIN(tst_SpoolCommitter)
#include "tst_spoolcommitter.moc"
