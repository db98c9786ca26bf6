#include "diagnosticspanel.h"

#include "diagnosticsmodel.h"

#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

using namespace Mailport;

namespace {

Diagnostics two()
{
    return {Diagnostic{Severity::Error, DiagnosticCode::MalformedAddress,
                       QStringLiteral("local_interfaces"), QStringLiteral("1.2.3"), 1, 20,
                       QStringLiteral("first")},
            Diagnostic{Severity::Warning, DiagnosticCode::LoopbackMissing,
                       QStringLiteral("local_interfaces"), QString(), 1, 20,
                       QStringLiteral("second")}};
}

} // namespace

class tst_DiagnosticsPanel : public QObject
{
    Q_OBJECT

private slots:
    void emptyStateAndList()
    {
        DiagnosticsPanel panel;
        panel.show();
        auto *stack = panel.findChild<QStackedWidget *>();
        QVERIFY(stack->currentWidget() != panel.view());
        panel.setDiagnostics(two());
        QCOMPARE(stack->currentWidget(), panel.view());
        QCOMPARE(panel.model()->rowCount(), 2);
        panel.setDiagnostics({});
        QVERIFY(stack->currentWidget() != panel.view());
    }

    void clickActivates()
    {
        DiagnosticsPanel panel;
        panel.resize(800, 200);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setDiagnostics(two());
        QSignalSpy activated(&panel, &DiagnosticsPanel::diagnosticActivated);
        const QRect second = panel.view()->visualRect(panel.model()->index(1, 0));
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().value<Diagnostic>().message, QStringLiteral("second"));
    }

    void nextAndPreviousWrap()
    {
        DiagnosticsPanel panel;
        QSignalSpy activated(&panel, &DiagnosticsPanel::diagnosticActivated);
        QVERIFY(!panel.activateNext());
        panel.setDiagnostics(two());
        QVERIFY(panel.activateNext());
        QVERIFY(panel.activateNext());
        QVERIFY(panel.activateNext());
        QCOMPARE(activated.size(), 3);
        QCOMPARE(activated[0].first().value<Diagnostic>().message, QStringLiteral("first"));
        QCOMPARE(activated[1].first().value<Diagnostic>().message, QStringLiteral("second"));
        QCOMPARE(activated[2].first().value<Diagnostic>().message, QStringLiteral("first"));
        QVERIFY(panel.activateNext(-1));
        QCOMPARE(activated[3].first().value<Diagnostic>().message, QStringLiteral("second"));
    }
};

QTEST_MAIN(tst_DiagnosticsPanel)
#include "tst_diagnosticspanel.moc"
