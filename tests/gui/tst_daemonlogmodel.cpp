#include "daemonlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Mailport;

class tst_DaemonLogModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsInOrderWithTheirSource()
    {
        DaemonLogModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append("2026-01-01 daemon started", DaemonController::LogSource::Daemon);
        model.append("mailportd: warning", DaemonController::LogSource::StandardError);
        model.append(QString(), DaemonController::LogSource::Daemon); // ignored
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.line(0), QStringLiteral("2026-01-01 daemon started"));
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("mailportd: warning"));
        QCOMPARE(model.index(1).data(DaemonLogModel::SourceRole).toInt(),
                 int(DaemonController::LogSource::StandardError));
        QVERIFY(model.index(0).data(DaemonLogModel::ReceivedRole).toDateTime().isValid());
        QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().contains("standard error"));
        QCOMPARE(model.text(), QStringLiteral("2026-01-01 daemon started\nmailportd: warning"));
    }

    void dropsTheOldestBeyondItsCapacity()
    {
        DaemonLogModel model;
        QAbstractItemModelTester tester(&model);
        model.setCapacity(3);
        for (int i = 1; i <= 5; ++i)
            model.append(QStringLiteral("line %1").arg(i), DaemonController::LogSource::Daemon);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.line(0), QStringLiteral("line 3"));
        QCOMPARE(model.line(2), QStringLiteral("line 5"));
        model.setCapacity(1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.line(0), QStringLiteral("line 5"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filtersCaseInsensitively()
    {
        DaemonLogModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester tester(&proxy);
        model.append("SMTP connection from [127.0.0.1]:4000", DaemonController::LogSource::Daemon);
        model.append("<= a@b H=[127.0.0.1] P=esmtp S=300", DaemonController::LogSource::Daemon);
        model.append("Starting mailportd", DaemonController::LogSource::Controller);
        proxy.setFilterFixedString("smtp");
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterFixedString("<=");
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(),
                 QStringLiteral("<= a@b H=[127.0.0.1] P=esmtp S=300"));
        model.append("<= c@d H=[::1] P=esmtps S=400", DaemonController::LogSource::Daemon);
        QCOMPARE(proxy.rowCount(), 2);
    }
};

QTEST_MAIN(tst_DaemonLogModel)
#include "tst_daemonlogmodel.moc"
