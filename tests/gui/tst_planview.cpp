#include "planview.h"

#include "fakehost.h"
#include "planmodel.h"
#include "translations.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Mailport;

namespace {

ListenPlan planOf(const QByteArray &text)
{
    Diagnostics d;
    PlanInputs inputs;
    inputs.host = fakeHost();
    return Planner::plan(Configuration::parse(text, &d), inputs);
}

} // namespace

class tst_PlanView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // English plural forms ("1 socket", "2 sockets") come from mailport_en.ts.
        Translations::load(QCoreApplication::instance(), QLocale(QLocale::English));
    }

    void verdictWhenEximWouldStart()
    {
        PlanView view;
        view.setPlan(planOf("local_interfaces = <; 127.0.0.1.2525 ; ::1.2525\n"));
        QCOMPARE(view.verdict(), QStringLiteral("Exim would start and bind 2 sockets."));
        QCOMPARE(view.model()->rowCount(), 2);
    }

    void verdictWhenEximWouldRefuse()
    {
        PlanView view;
        view.setPlan(planOf("local_interfaces = <; 127.0.0.1 ; 1.2.3\n"));
        QCOMPARE(view.verdict(), QStringLiteral("Exim would refuse to start (1 error)."));
    }

    void severalReasonsAreBulleted()
    {
        PlanView view;
        view.setPlan(planOf("local_interfaces = <; 127.0.0.1 ; 1.2.3 ; 4.5.6\n"));
        const QList<QLabel *> labels = view.findChildren<QLabel *>();
        const bool bulleted = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->text().startsWith(QStringLiteral("\u2022 "))
                   && label->text().contains(QStringLiteral("\n\u2022 "));
        });
        QVERIFY(bulleted);
    }

    void listenersShowInTheTable()
    {
        PlanView view;
        view.setPlan(planOf("local_interfaces = 127.0.0.1.2525\n"));
        view.setListening({{QHostAddress(QStringLiteral("127.0.0.1")), 2525}});
        QVERIFY(view.model()->isInUse(0));
    }

    void activatingASocket()
    {
        PlanView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setPlan(planOf("local_interfaces = <; 127.0.0.1.2525 ; ::1.2526\n"));
        QSignalSpy activated(&view, &PlanView::socketActivated);
        view.view()->setCurrentIndex(view.model()->index(1, 0));
        QTest::keyClick(view.view(), Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().value<PlannedSocket>().item, QStringLiteral("::1.2526"));
    }
};

QTEST_MAIN(tst_PlanView)
#include "tst_planview.moc"
