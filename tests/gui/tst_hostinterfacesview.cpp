#include "hostinterfacesview.h"

#include "fakehost.h"
#include "hostinterfacesmodel.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Mailport;

class tst_HostInterfacesView : public QObject
{
    Q_OBJECT

private slots:
    void addActionsFollowTheSelection()
    {
        HostInterfacesView view;
        view.setHost(fakeHost());
        QVERIFY(!view.addToLocalInterfacesAction()->isEnabled());
        view.view()->setCurrentIndex(view.model()->index(1, 0)); // eth0 itself
        QVERIFY(!view.addToLocalInterfacesAction()->isEnabled());

        QSignalSpy add(&view, &HostInterfacesView::addRequested);
        QVERIFY(view.selectAddress(QStringLiteral("fe80::10"), QStringLiteral("eth0")));
        QVERIFY(view.addToLocalInterfacesAction()->isEnabled());
        QCOMPARE(view.selectedItem(), QStringLiteral("fe80::10%eth0"));
        view.addToLocalInterfacesAction()->trigger();
        view.selectAddress(QStringLiteral("192.0.2.10"));
        view.addToExtraLocalInterfacesAction()->trigger();
        QCOMPARE(add.size(), 2);
        QCOMPARE(add[0].at(0).toString(), QStringLiteral("local_interfaces"));
        QCOMPARE(add[0].at(1).toString(), QStringLiteral("fe80::10%eth0"));
        QCOMPARE(add[1].at(0).toString(), QStringLiteral("extra_local_interfaces"));
        QCOMPARE(add[1].at(1).toString(), QStringLiteral("192.0.2.10"));
        QVERIFY(!view.selectAddress(QStringLiteral("203.0.113.1")));
    }

    void selectionSurvivesARefresh()
    {
        HostInterfacesView view;
        view.setHost(fakeHost());
        view.selectAddress(QStringLiteral("2001:db8::10"));
        view.setHost(fakeHost(true));
        QCOMPARE(view.selectedItem(), QStringLiteral("2001:db8::10"));
        QCOMPARE(view.model()->rowCount(), 3);
    }

    void refreshAsks()
    {
        HostInterfacesView view;
        QSignalSpy refresh(&view, &HostInterfacesView::refreshRequested);
        view.refreshAction()->trigger();
        QCOMPARE(refresh.size(), 1);
    }
};

QTEST_MAIN(tst_HostInterfacesView)
#include "tst_hostinterfacesview.moc"
