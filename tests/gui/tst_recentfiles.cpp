#include "recentfiles.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Mailport;

class tst_RecentFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MailportTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_recentfiles"));
    }

    void init() { RecentFiles(QStringLiteral("testRecent")).clear(); }

    void newestFirstWithoutDuplicates()
    {
        RecentFiles recent(QStringLiteral("testRecent"));
        recent.add(QStringLiteral("/tmp/a.conf"));
        recent.add(QStringLiteral("/tmp/b.conf"));
        recent.add(QStringLiteral("/tmp/a.conf"));
        QCOMPARE(recent.files(),
                 QStringList({QStringLiteral("/tmp/a.conf"), QStringLiteral("/tmp/b.conf")}));
        recent.remove(QStringLiteral("/tmp/a.conf"));
        QCOMPARE(recent.files(), QStringList({QStringLiteral("/tmp/b.conf")}));
    }

    void pathsAreAbsolute()
    {
        RecentFiles recent(QStringLiteral("testRecent"));
        recent.add(QStringLiteral("relative.conf"));
        QCOMPARE(recent.files(),
                 QStringList({QDir::current().absoluteFilePath(QStringLiteral("relative.conf"))}));
    }

    void keepsAtMostMaxFiles()
    {
        RecentFiles recent(QStringLiteral("testRecent"));
        for (int i = 0; i < RecentFiles::MaxFiles + 5; ++i)
            recent.add(QStringLiteral("/tmp/%1.conf").arg(i));
        QCOMPARE(recent.files().size(), RecentFiles::MaxFiles);
        QCOMPARE(recent.files().first(),
                 QStringLiteral("/tmp/%1.conf").arg(RecentFiles::MaxFiles + 4));
        recent.clear();
        QVERIFY(recent.files().isEmpty());
        QVERIFY(!QSettings().contains(QStringLiteral("testRecent")));
    }
};

QTEST_GUILESS_MAIN(tst_RecentFiles)
#include "tst_recentfiles.moc"
