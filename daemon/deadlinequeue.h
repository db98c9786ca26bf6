#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <map>

namespace Mailport {

/// One coarse timer for the deadlines of many connections (receive timeouts, PROXY header and
/// close timeouts), instead of a QTimer each: a QTimer is a QObject with a registration in the
/// event dispatcher's sorted timer list, which every restart walks. Each client has at most one
/// deadline; it is told at the deadline or up to one resolution later, never earlier.
class DeadlineQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadlineQueue)

public:
    class Client
    {
    public:
        virtual ~Client() = default;
        /// The deadline has passed; it is no longer scheduled.
        virtual void deadlineReached() = 0;
    };

    explicit DeadlineQueue(std::chrono::milliseconds resolution = std::chrono::milliseconds(50),
                           QObject *parent = nullptr);

    /// The clock deadlines are given in: milliseconds, monotonic.
    qint64 now() const { return m_clock.elapsed(); }
    /// Replaces @p client's deadline with @p deadline (on now()'s clock).
    void schedule(Client *client, qint64 deadline);
    void cancel(Client *client);
    bool isScheduled(Client *client) const { return m_entries.contains(client); }
    qsizetype size() const { return m_entries.size(); }

private:
    using Map = std::multimap<qint64, Client *>;

    void expire();
    void arm();

    const qint64 m_resolution;
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_armedFor = 0; ///< when m_timer fires, while it is active
    Map m_byTime;
    QHash<Client *, Map::iterator> m_entries;
};

} // namespace Mailport
