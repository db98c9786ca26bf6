// DeadlineQueue: one coarse timer for many deadlines, never early, in deadline order.

#include "deadlinequeue.h"

#include <QTest>

#include <functional>

using namespace Mailport;

namespace {

class Client final : public DeadlineQueue::Client
{
public:
    Client(DeadlineQueue &queue, QList<Client *> *order)
        : m_queue(queue)
        , m_order(order)
    {}
    void deadlineReached() override
    {
        ++fired;
        firedAt = m_queue.now();
        if (m_order)
            m_order->append(this);
        if (onFire)
            onFire();
    }

    int fired = 0;
    qint64 firedAt = -1;
    std::function<void()> onFire;

private:
    DeadlineQueue &m_queue;
    QList<Client *> *m_order;
};

} // namespace

class tst_DeadlineQueue final : public QObject
{
    Q_OBJECT

private slots:
    void neverEarly();
    void deadlineOrder();
    void rescheduleReplaces();
    void cancelledNeverFires();
    void callbackMayScheduleAgain();
};

void tst_DeadlineQueue::neverEarly()
{
    DeadlineQueue queue(std::chrono::milliseconds(10));
    Client client(queue, nullptr);
    const qint64 deadline = queue.now() + 30;
    queue.schedule(&client, deadline);
    QVERIFY(queue.isScheduled(&client));
    QCOMPARE(queue.size(), 1);
    QTRY_COMPARE(client.fired, 1);
    QVERIFY(client.firedAt >= deadline);
    QVERIFY(!queue.isScheduled(&client));
    QCOMPARE(queue.size(), 0);
}

void tst_DeadlineQueue::deadlineOrder()
{
    DeadlineQueue queue(std::chrono::milliseconds(50));
    QList<Client *> order;
    Client a(queue, &order);
    Client b(queue, &order);
    Client c(queue, &order);
    const qint64 now = queue.now();
    queue.schedule(&a, now + 60);
    queue.schedule(&b, now + 20);
    queue.schedule(&c, now + 40);
    QTRY_COMPARE(order.size(), 3);
    QCOMPARE(order, (QList<Client *>{&b, &c, &a}));
}

void tst_DeadlineQueue::rescheduleReplaces()
{
    DeadlineQueue queue(std::chrono::milliseconds(10));
    QList<Client *> order;
    Client moved(queue, &order);
    Client marker(queue, &order);
    const qint64 now = queue.now();
    queue.schedule(&moved, now + 10);
    queue.schedule(&moved, now + 60); // later: the first deadline is gone
    queue.schedule(&marker, now + 30);
    QCOMPARE(queue.size(), 2);
    QTRY_COMPARE(order.size(), 2);
    QCOMPARE(order, (QList<Client *>{&marker, &moved}));
    QCOMPARE(moved.fired, 1);
    QVERIFY(moved.firedAt >= now + 60);
}

void tst_DeadlineQueue::cancelledNeverFires()
{
    DeadlineQueue queue(std::chrono::milliseconds(10));
    Client cancelled(queue, nullptr);
    Client later(queue, nullptr);
    const qint64 now = queue.now();
    queue.schedule(&cancelled, now + 10);
    queue.schedule(&later, now + 40);
    queue.cancel(&cancelled);
    queue.cancel(&cancelled); // twice is harmless
    QTRY_COMPARE(later.fired, 1);
    QCOMPARE(cancelled.fired, 0);
}

void tst_DeadlineQueue::callbackMayScheduleAgain()
{
    DeadlineQueue queue(std::chrono::milliseconds(10));
    Client client(queue, nullptr);
    Client other(queue, nullptr);
    client.onFire = [&] {
        if (client.fired == 1) {
            queue.schedule(&client, queue.now() + 20);
            queue.cancel(&other);
        }
    };
    const qint64 now = queue.now();
    queue.schedule(&client, now + 10);
    queue.schedule(&other, now + 200);
    QTRY_COMPARE(client.fired, 2);
    QCOMPARE(other.fired, 0);
    QCOMPARE(queue.size(), 0);
}

QTEST_GUILESS_MAIN(tst_DeadlineQueue)
#include "tst_deadlinequeue.moc"
