#include "planmodel.h"

#include "fakehost.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
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

class tst_PlanModel : public QObject
{
    Q_OBJECT

private slots:
    void columns()
    {
        PlanModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(planOf("daemon_smtp_ports = 25 : 465\ntls_on_connect_ports = 465\n"));
        QCOMPARE(model.rowCount(), 4); // ::0 and 0.0.0.0, each on 25 and 465
        const auto cell = [&model](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(cell(0, PlanModel::AddressColumn), QStringLiteral("::0 (every IPv6 address)"));
        QCOMPARE(cell(0, PlanModel::FamilyColumn), QStringLiteral("IPv6 only"));
        QCOMPARE(cell(1, PlanModel::FamilyColumn), QStringLiteral("IPv4"));
        QCOMPARE(cell(0, PlanModel::PortColumn), QStringLiteral("25"));
        QCOMPARE(cell(0, PlanModel::TlsColumn), QStringLiteral("SMTP with STARTTLS"));
        QCOMPARE(cell(2, PlanModel::PortColumn), QStringLiteral("465"));
        QCOMPARE(cell(2, PlanModel::TlsColumn), QStringLiteral("Implicit TLS (SMTPS)"));
        QCOMPARE(cell(0, PlanModel::SourceColumn), QStringLiteral("local_interfaces"));
        QCOMPARE(cell(0, PlanModel::ItemColumn), QStringLiteral("::0"));
        QCOMPARE(cell(0, PlanModel::StatusColumn), QStringLiteral("Ready to bind"));
        QCOMPARE(model.problemCount(), 0);
    }

    void problemsInWords()
    {
        PlanModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(planOf("local_interfaces = <; 127.0.0.1 ; 127.0.0.1 ; 198.51.100.7\n"));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.index(0, 0).data(PlanModel::HasProblemRole).toBool());
        QVERIFY(model.index(1, 0).data(PlanModel::HasProblemRole).toBool());
        QCOMPARE(model.index(1, PlanModel::StatusColumn).data().toString(),
                 QStringLiteral("Socket listed twice"));
        QVERIFY(model.problems(1).first().contains(QLatin1String("Address already in use")));
        QVERIFY(model.problems(2).first().contains(QLatin1String("198.51.100.7")));
        QCOMPARE(model.index(2, 0).data(PlanModel::LineRole).toInt(), 1);
        QCOMPARE(model.index(2, 0).data(PlanModel::ColumnRole).toInt(), 47);
        QCOMPARE(model.problemCount(), 2);
    }

    void portsInUse()
    {
        PlanModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(
            planOf("local_interfaces = <; 127.0.0.1.2525 ; ::1.2525 ; 192.0.2.10.2525\n"));
        model.setListening({{QHostAddress(QStringLiteral("127.0.0.1")), 2525},
                            {QHostAddress(QStringLiteral("::")), 2525}});
        QVERIFY(model.isInUse(0));
        QVERIFY(model.isInUse(1));
        QVERIFY(!model.isInUse(2));
        QCOMPARE(model.index(0, PlanModel::StatusColumn).data().toString(),
                 QStringLiteral("Port in use"));
        QVERIFY(model.problems(0).first().contains(QLatin1String("127.0.0.1:2525")));
        model.setListening({});
        QVERIFY(!model.isInUse(0));
        QCOMPARE(model.problemCount(), 0);
    }

    void keepsRowsWhenTheShapeStays()
    {
        PlanModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(planOf("local_interfaces = 127.0.0.1\n"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setPlan(planOf("local_interfaces = <; ::1\n"));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.index(0, PlanModel::AddressColumn).data().toString(), QStringLiteral("::1"));
        model.setPlan(planOf("local_interfaces = <; ::1 ; 127.0.0.1\n"));
        QCOMPARE(reset.size(), 1);
    }
};

QTEST_MAIN(tst_PlanModel)
#include "tst_planmodel.moc"
