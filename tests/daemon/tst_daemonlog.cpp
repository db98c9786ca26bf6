#include "daemonlog.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Mailport;

class tst_DaemonLog final : public QObject
{
    Q_OBJECT

private slots:
    void resolvePath_data();
    void resolvePath();
    void writesTimestampedLinesToFile();
    void keepsRecentLines();
    void openFailureKeepsDestination();
};

void tst_DaemonLog::resolvePath_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unset") << QString() << QString();
    QTest::newRow("plain") << QStringLiteral("/var/log/mailport.log")
                           << QStringLiteral("/var/log/mailport.log");
    QTest::newRow("exim %s") << QStringLiteral("/var/log/exim/%slog")
                             << QStringLiteral("/var/log/exim/mainlog");
    QTest::newRow("syslog only") << QStringLiteral("syslog") << QString();
    QTest::newRow("syslog first") << QStringLiteral("syslog : /var/log/%s.log")
                                  << QStringLiteral("/var/log/main.log");
}

void tst_DaemonLog::resolvePath()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(DaemonLog::resolvePath(value), expected);
}

void tst_DaemonLog::writesTimestampedLinesToFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("main.log"));
    DaemonLog log;
    QString error;
    QVERIFY(log.open(path, &error));
    QCOMPARE(log.path(), path);
    QSignalSpy spy(&log, &DaemonLog::lineWritten);
    log.write(QStringLiteral("first line"));
    log.write(QStringLiteral("second line"));
    QCOMPARE(spy.size(), 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3);
    static const QRegularExpression stamp(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d first line$"));
    QVERIFY2(stamp.match(QString::fromUtf8(lines.at(0))).hasMatch(), lines.at(0).constData());
    QCOMPARE(spy.at(0).at(0).toString(), QString::fromUtf8(lines.at(0)));
    QVERIFY(lines.at(1).endsWith(" second line"));
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0640));
}

void tst_DaemonLog::keepsRecentLines()
{
    QTemporaryDir dir;
    DaemonLog log;
    QString error;
    QVERIFY(log.open(dir.filePath(QStringLiteral("x.log")), &error));
    for (int i = 0; i < DaemonLog::RecentCapacity + 5; ++i)
        log.write(QStringLiteral("line %1").arg(i));
    const QStringList all = log.recent();
    QCOMPARE(all.size(), DaemonLog::RecentCapacity);
    QVERIFY(all.first().endsWith(QStringLiteral(" line 5")));
    const QStringList last = log.recent(2);
    QCOMPARE(last.size(), 2);
    QVERIFY(last.at(0).endsWith(QStringLiteral(" line %1").arg(DaemonLog::RecentCapacity + 3)));
    QVERIFY(last.at(1).endsWith(QStringLiteral(" line %1").arg(DaemonLog::RecentCapacity + 4)));
    QVERIFY(log.recent(0).isEmpty());
}

void tst_DaemonLog::openFailureKeepsDestination()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.log"));
    DaemonLog log;
    QString error;
    QVERIFY(log.open(good, &error));
    QVERIFY(!log.open(dir.filePath(QStringLiteral("no/such/dir/x.log")), &error));
    QVERIFY2(error.contains(QStringLiteral("no/such/dir/x.log")), qPrintable(error));
    QCOMPARE(log.path(), good);
    log.write(QStringLiteral("still here"));
    QFile file(good);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("still here"));
}

QTEST_GUILESS_MAIN(tst_DaemonLog)

#include "tst_daemonlog.moc"
