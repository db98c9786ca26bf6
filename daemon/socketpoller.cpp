#include "socketpoller.h"

#include "logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/epoll.h>
#include <unistd.h>

namespace Mailport {

namespace {

// Events taken per dispatch; more stay ready in epoll for the next loop iteration, so timers
// and other sockets are never starved.
constexpr int kMaxEvents = 256;

std::uint32_t interest(bool read, bool write)
{
    return (read ? std::uint32_t(EPOLLIN) : 0u) | (write ? std::uint32_t(EPOLLOUT) : 0u);
}

} // namespace

SocketPoller::SocketPoller(QObject *parent)
    : QObject(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        qCCritical(lcDaemon) << "epoll_create1 failed:" << std::strerror(errno);
        return;
    }
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SocketPoller::dispatch);
}

SocketPoller::~SocketPoller()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool SocketPoller::add(int fd, Watcher *watcher, bool read, bool write)
{
    if (m_epoll < 0) {
        errno = EBADF;
        return false;
    }
    epoll_event event{};
    event.events = interest(read, write);
    event.data.ptr = watcher;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0)
        return false;
    ++m_count;
    // A watcher removed and added again within one dispatch is alive again.
    if (m_dispatching)
        m_removed.remove(watcher);
    return true;
}

bool SocketPoller::update(int fd, Watcher *watcher, bool read, bool write)
{
    epoll_event event{};
    event.events = interest(read, write);
    event.data.ptr = watcher;
    return m_epoll >= 0 && ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event) == 0;
}

void SocketPoller::remove(int fd, Watcher *watcher)
{
    if (m_epoll < 0)
        return;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr) == 0)
        --m_count;
    if (m_dispatching)
        m_removed.insert(watcher);
}

void SocketPoller::dispatch()
{
    epoll_event events[kMaxEvents];
    int n;
    do {
        n = ::epoll_wait(m_epoll, events, kMaxEvents, 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0)
        return;
    m_dispatching = true;
    for (int i = 0; i < n; ++i) {
        auto *watcher = static_cast<Watcher *>(events[i].data.ptr);
        if (!m_removed.isEmpty() && m_removed.contains(watcher))
            continue;
        watcher->socketActivated(events[i].events);
    }
    m_dispatching = false;
    m_removed.clear();
}

} // namespace Mailport
