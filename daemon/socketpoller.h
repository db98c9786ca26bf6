#pragma once

#include <QObject>
#include <QSet>

#include <cstdint>

class QSocketNotifier;

namespace Mailport {

/// Readiness of many plain sockets through one epoll descriptor, which is the only thing Qt's
/// event dispatcher watches for them.
///
/// Qt's dispatcher builds and polls an array of every socket notifier on each loop iteration,
/// so with thousands of idle SMTP connections each iteration costs thousands of entries; with
/// this poller it costs one, and epoll reports only the sockets that are ready. Level
/// triggered: a watcher that does not want an event must take its interest away.
class SocketPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocketPoller)

public:
    /// Told about readiness; @p events holds EPOLLIN, EPOLLOUT, EPOLLERR and EPOLLHUP bits.
    class Watcher
    {
    public:
        virtual ~Watcher() = default;
        virtual void socketActivated(std::uint32_t events) = 0;
    };

    explicit SocketPoller(QObject *parent = nullptr);
    ~SocketPoller() override;

    /// Starts watching @p fd for @p watcher (one watcher per descriptor). False with errno set
    /// when epoll refuses.
    bool add(int fd, Watcher *watcher, bool read, bool write);
    /// Changes what @p fd is watched for.
    bool update(int fd, Watcher *watcher, bool read, bool write);
    /// Stops watching @p fd, before it is closed. Events already collected for @p watcher are
    /// not delivered, so it may be destroyed right after.
    void remove(int fd, Watcher *watcher);

    int count() const { return m_count; }

private:
    void dispatch();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
    bool m_dispatching = false;
    QSet<Watcher *> m_removed; ///< during dispatch(): watchers whose events must be dropped
};

} // namespace Mailport
