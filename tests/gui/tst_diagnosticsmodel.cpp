#include "diagnosticsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Mailport;

namespace {

Diagnostic make(Severity severity, DiagnosticCode code, int line)
{
    return Diagnostic{severity, code, QStringLiteral("local_interfaces"),    QStringLiteral("::2"),
                      line,     20,   QStringLiteral("message %1").arg(line)};
}

} // namespace

class tst_DiagnosticsModel : public QObject
{
    Q_OBJECT

private slots:
    void content()
    {
        DiagnosticsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiagnostics({make(Severity::Error, DiagnosticCode::AddressNotLocal, 3),
                              make(Severity::Warning, DiagnosticCode::LoopbackMissing, 0)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(DiagnosticsModel::ColumnCount));
        QCOMPARE(model.index(0, DiagnosticsModel::ProblemColumn).data().toString(),
                 QStringLiteral("Address not on this host"));
        QCOMPARE(model.index(0, DiagnosticsModel::OptionColumn).data().toString(),
                 QStringLiteral("local_interfaces"));
        QCOMPARE(model.index(0, DiagnosticsModel::ItemColumn).data().toString(),
                 QStringLiteral("::2"));
        QCOMPARE(model.index(0, DiagnosticsModel::PositionColumn).data().toString(),
                 QStringLiteral("Line 3, column 20"));
        QCOMPARE(model.index(1, DiagnosticsModel::PositionColumn).data().toString(),
                 QStringLiteral("Exim's default"));
        QCOMPARE(model.index(0, DiagnosticsModel::DetailColumn).data().toString(),
                 QStringLiteral("message 3"));
        QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).isNull());
        QCOMPARE(model.index(1, 0).data(DiagnosticsModel::SeverityRole).toInt(),
                 int(Severity::Warning));
        QCOMPARE(model.index(1, 0).data(DiagnosticsModel::CodeRole).toString(),
                 QStringLiteral("loopback-missing"));
        QCOMPARE(model.count(Severity::Error), 1);
        QCOMPARE(model.count(Severity::Info), 0);
        QCOMPARE(model.diagnostic(1).line, 0);
    }

    void updates()
    {
        DiagnosticsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const Diagnostics two{make(Severity::Error, DiagnosticCode::BadScope, 1),
                              make(Severity::Error, DiagnosticCode::BadScope, 2)};
        model.setDiagnostics(two);
        model.setDiagnostics(two);
        QCOMPARE(reset.size(), 1);
        model.setDiagnostics({two[1], two[0]});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(changed.size(), 1);
        model.setDiagnostics({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_DiagnosticsModel)
#include "tst_diagnosticsmodel.moc"
