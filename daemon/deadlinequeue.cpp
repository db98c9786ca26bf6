#include "deadlinequeue.h"

#include <climits>

namespace Mailport {

DeadlineQueue::DeadlineQueue(std::chrono::milliseconds resolution, QObject *parent)
    : QObject(parent)
    , m_resolution(qMax<qint64>(1, resolution.count()))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DeadlineQueue::expire);
}

void DeadlineQueue::schedule(Client *client, qint64 deadline)
{
    const auto existing = m_entries.find(client);
    if (existing != m_entries.end()) {
        m_byTime.erase(existing.value());
        existing.value() = m_byTime.emplace(deadline, client);
    } else {
        m_entries.insert(client, m_byTime.emplace(deadline, client));
    }
    // Deadlines mostly move later (every reply restores the receive timeout): the timer then
    // stays as it is, fires early once and is armed again for what is due then.
    if (!m_timer.isActive() || deadline + m_resolution < m_armedFor)
        arm();
}

void DeadlineQueue::cancel(Client *client)
{
    const auto existing = m_entries.find(client);
    if (existing == m_entries.end())
        return;
    m_byTime.erase(existing.value());
    m_entries.erase(existing);
    if (m_byTime.empty())
        m_timer.stop();
}

void DeadlineQueue::arm()
{
    if (m_byTime.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 current = now();
    // Late by up to one resolution, so that deadlines close together are handled together.
    const qint64 due = qMax(m_byTime.begin()->first, current) + m_resolution;
    m_armedFor = due;
    m_timer.start(int(qMin<qint64>(due - current, INT_MAX)));
}

void DeadlineQueue::expire()
{
    // One entry at a time from the front: a client's callback may schedule or cancel anything,
    // itself and others included.
    const qint64 current = now();
    while (!m_byTime.empty() && m_byTime.begin()->first <= current) {
        Client *client = m_byTime.begin()->second;
        m_byTime.erase(m_byTime.begin());
        m_entries.remove(client);
        client->deadlineReached();
    }
    arm();
}

} // namespace Mailport
