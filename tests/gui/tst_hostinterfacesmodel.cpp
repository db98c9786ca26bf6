#include "hostinterfacesmodel.h"

#include "fakehost.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Mailport;

namespace {

ListenPlan planOf(const QByteArray &text)
{
    Diagnostics d;
    const Configuration config = Configuration::parse(text, &d);
    PlanInputs inputs;
    inputs.host = fakeHost();
    return Planner::plan(config, inputs);
}

} // namespace

class tst_HostInterfacesModel : public QObject
{
    Q_OBJECT

private slots:
    void tree()
    {
        HostInterfacesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHost(fakeHost());
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex eth0 = model.index(1, 0);
        QCOMPARE(eth0.data().toString(), QStringLiteral("eth0"));
        QCOMPARE(model.index(1, HostInterfacesModel::MtuColumn).data().toInt(), 1500);
        QCOMPARE(model.index(1, HostInterfacesModel::HardwareColumn).data().toString(),
                 QStringLiteral("52:54:00:12:34:56"));
        QVERIFY(model.index(1, HostInterfacesModel::FlagsColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("up")));
        QCOMPARE(model.rowCount(eth0), 3);
        const QModelIndex linkLocal = model.index(2, 0, eth0);
        QCOMPARE(linkLocal.data().toString(), QStringLiteral("fe80::10"));
        QCOMPARE(linkLocal.parent(), eth0);
        QCOMPARE(model.index(2, HostInterfacesModel::PrefixColumn, eth0).data().toString(),
                 QStringLiteral("/64"));
        QCOMPARE(model.index(2, HostInterfacesModel::ScopeColumn, eth0).data().toString(),
                 QStringLiteral("link-local"));
        QCOMPARE(model.index(2, HostInterfacesModel::ScopeIdColumn, eth0).data().toString(),
                 QStringLiteral("eth0"));
        QCOMPARE(linkLocal.data(HostInterfacesModel::ListItemRole).toString(),
                 QStringLiteral("fe80::10%eth0"));
        QCOMPARE(model.index(0, 0, eth0).data(HostInterfacesModel::ListItemRole).toString(),
                 QStringLiteral("192.0.2.10"));
        QVERIFY(model.index(0, 0, eth0).data(HostInterfacesModel::IsAddressRole).toBool());
        QVERIFY(!eth0.data(HostInterfacesModel::IsAddressRole).toBool());
        QCOMPARE(model.indexOfAddress(QStringLiteral("fe80::10"), QStringLiteral("eth0")),
                 linkLocal);
        QVERIFY(!model.indexOfAddress(QStringLiteral("10.9.9.9")).isValid());
    }

    void usage()
    {
        HostInterfacesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHost(fakeHost());
        const QModelIndex eth0 = model.index(1, 0);
        const auto usageOf = [&](int row) {
            return HostInterfacesModel::Usage(
                model.index(row, 0, eth0).data(HostInterfacesModel::UsageRole).toInt());
        };
        model.setPlan(planOf("local_interfaces = <; 192.0.2.10.2525 ; ::0.25\n"
                             "extra_local_interfaces = fe80::10%eth0\n"));
        QCOMPARE(usageOf(0), HostInterfacesModel::Usage::Bound);
        QCOMPARE(model.index(0, HostInterfacesModel::UsageColumn, eth0).data().toString(),
                 QStringLiteral("Listened on, port 2525"));
        QVERIFY(model.index(0, 0, eth0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(usageOf(1), HostInterfacesModel::Usage::Covered);
        QCOMPARE(model.index(1, HostInterfacesModel::UsageColumn, eth0).data().toString(),
                 QStringLiteral("Covered by ::0, port 25"));
        // fe80::10 is covered by ::0 too; its usage comes from the wildcard first.
        QCOMPARE(usageOf(2), HostInterfacesModel::Usage::Covered);

        model.setPlan(
            planOf("local_interfaces = 127.0.0.1\nextra_local_interfaces = 192.0.2.10\n"));
        QCOMPARE(usageOf(0), HostInterfacesModel::Usage::Local);
        QCOMPARE(usageOf(1), HostInterfacesModel::Usage::None);
        QCOMPARE(model.index(1, HostInterfacesModel::UsageColumn, eth0).data().toString(),
                 QString());
    }
};

QTEST_MAIN(tst_HostInterfacesModel)
#include "tst_hostinterfacesmodel.moc"
