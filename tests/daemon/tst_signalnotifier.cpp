#include "signalnotifier.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace Mailport;

class tst_SignalNotifier final : public QObject
{
    Q_OBJECT

private slots:
    void deliversSignalsOnTheEventLoop();
};

void tst_SignalNotifier::deliversSignalsOnTheEventLoop()
{
    SignalNotifier notifier;
    QVERIFY(notifier.watch({SIGHUP, SIGUSR1}));
    QSignalSpy spy(&notifier, &SignalNotifier::signalReceived);
    QCOMPARE(::raise(SIGHUP), 0);
    QCOMPARE(::raise(SIGUSR1), 0);
    // Nothing happens inside the handler: the slots run from the event loop.
    QCOMPARE(spy.size(), 0);
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy.at(0).at(0).toInt(), SIGHUP);
    QCOMPARE(spy.at(1).at(0).toInt(), SIGUSR1);
}

QTEST_GUILESS_MAIN(tst_SignalNotifier)

#include "tst_signalnotifier.moc"
