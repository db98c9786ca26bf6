#include "hostmonitor.h"

#include "fakehost.h"

#include <QSignalSpy>
#include <QTest>

using namespace Mailport;

class tst_HostMonitor : public QObject
{
    Q_OBJECT

private slots:
    void readsAtOnce()
    {
        int reads = 0;
        HostMonitor monitor([&reads] {
            ++reads;
            return fakeHost();
        });
        QCOMPARE(reads, 1);
        QCOMPARE(monitor.host().interfaces().size(), 2);
        QVERIFY(!monitor.isActive());
    }

    void reportsOnlyChanges()
    {
        HostInterfaces current = fakeHost();
        HostMonitor monitor([&current] { return current; });
        QSignalSpy changed(&monitor, &HostMonitor::hostChanged);
        monitor.poll();
        QCOMPARE(changed.size(), 0);

        current = fakeHost(true);
        monitor.poll();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(monitor.host().interfaces().size(), 3);

        current.mutableByName(QStringLiteral("eth1"))->mtu = 9000;
        monitor.poll();
        QCOMPARE(changed.size(), 2);

        current.mutableByName(QStringLiteral("eth0"))->addresses.removeLast();
        monitor.poll();
        monitor.poll();
        QCOMPARE(changed.size(), 3);
    }

    void pollsByItself()
    {
        HostInterfaces current = fakeHost();
        HostMonitor monitor([&current] { return current; });
        monitor.setInterval(10);
        QSignalSpy changed(&monitor, &HostMonitor::hostChanged);
        monitor.start();
        current = HostInterfaces::loopbackOnly();
        QVERIFY(changed.wait());
        QCOMPARE(monitor.host().interfaces().size(), 1);
        monitor.stop();
        QVERIFY(!monitor.isActive());
    }

    void snapshotSeesFlags()
    {
        HostInterfaces a = fakeHost();
        HostInterfaces b = fakeHost();
        QCOMPARE(HostMonitor::snapshot(a), HostMonitor::snapshot(b));
        b.mutableByName(QStringLiteral("eth0"))->flags = QNetworkInterface::CanBroadcast;
        QVERIFY(HostMonitor::snapshot(a) != HostMonitor::snapshot(b));
    }
};

QTEST_GUILESS_MAIN(tst_HostMonitor)
#include "tst_hostmonitor.moc"
