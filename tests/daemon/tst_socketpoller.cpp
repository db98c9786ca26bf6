// SocketPoller: readiness of plain descriptors through one epoll descriptor.

#include "socketpoller.h"

#include <QTest>

#include <functional>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Mailport;

namespace {

class Watcher final : public SocketPoller::Watcher
{
public:
    void socketActivated(std::uint32_t events) override
    {
        ++calls;
        last = events;
        if (onEvent)
            onEvent();
    }
    int calls = 0;
    std::uint32_t last = 0;
    std::function<void()> onEvent;
};

struct Pair
{
    int fds[2] = {-1, -1};
    Pair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds); }
    ~Pair()
    {
        for (int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    Q_DISABLE_COPY_MOVE(Pair)
};

} // namespace

class tst_SocketPoller final : public QObject
{
    Q_OBJECT

private slots:
    void readAndWriteReadiness();
    void interestCanBeTakenAway();
    void removedWatcherHearsNothingMore();
};

void tst_SocketPoller::readAndWriteReadiness()
{
    SocketPoller poller;
    Pair pair;
    Watcher watcher;
    QVERIFY(poller.add(pair.fds[0], &watcher, true, false));
    QCOMPARE(poller.count(), 1);
    QCOMPARE(::write(pair.fds[1], "x", 1), ssize_t(1));
    QTRY_VERIFY(watcher.last & EPOLLIN);
    char c;
    QCOMPARE(::read(pair.fds[0], &c, 1), ssize_t(1));

    watcher.last = 0;
    QVERIFY(poller.update(pair.fds[0], &watcher, false, true));
    QTRY_VERIFY(watcher.last & EPOLLOUT);
    QVERIFY(!(watcher.last & EPOLLIN));
    poller.remove(pair.fds[0], &watcher);
    QCOMPARE(poller.count(), 0);
}

void tst_SocketPoller::interestCanBeTakenAway()
{
    SocketPoller poller;
    Pair pair;
    Watcher quiet;
    Watcher marker;
    QVERIFY(poller.add(pair.fds[0], &quiet, true, false));
    QVERIFY(poller.update(pair.fds[0], &quiet, false, false));
    Pair other;
    QVERIFY(poller.add(other.fds[0], &marker, true, false));
    // Both readable; only the one still interested hears about it, once the poller has run.
    QCOMPARE(::write(pair.fds[1], "x", 1), ssize_t(1));
    QCOMPARE(::write(other.fds[1], "x", 1), ssize_t(1));
    QTRY_VERIFY(marker.calls > 0);
    QCOMPARE(quiet.calls, 0);
}

void tst_SocketPoller::removedWatcherHearsNothingMore()
{
    // Both are ready in the same dispatch; whichever runs first removes the other, as a
    // connection that closes another would. The removed one must not be called.
    SocketPoller poller;
    Pair a;
    Pair b;
    Watcher first;
    Watcher second;
    char c;
    first.onEvent = [&] {
        poller.remove(b.fds[0], &second);
        QCOMPARE(::read(a.fds[0], &c, 1), ssize_t(1));
    };
    second.onEvent = [&] {
        poller.remove(a.fds[0], &first);
        QCOMPARE(::read(b.fds[0], &c, 1), ssize_t(1));
    };
    QVERIFY(poller.add(a.fds[0], &first, true, false));
    QVERIFY(poller.add(b.fds[0], &second, true, false));
    QCOMPARE(::write(a.fds[1], "x", 1), ssize_t(1));
    QCOMPARE(::write(b.fds[1], "x", 1), ssize_t(1));
    QTRY_COMPARE(first.calls + second.calls, 1);
    QCOMPARE(poller.count(), 1);
}

QTEST_GUILESS_MAIN(tst_SocketPoller)
#include "tst_socketpoller.moc"
