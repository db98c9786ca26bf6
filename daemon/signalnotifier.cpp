#include "signalnotifier.h"

#include "logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace Mailport {

namespace {

int g_pipe[2] = {-1, -1};

extern "C" void handleSignal(int signalNumber)
{
    const int saved = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // Nothing to do on failure: a full pipe already holds pending signals to wake the loop.
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &byte, 1);
    errno = saved;
}

} // namespace

SignalNotifier::SignalNotifier(QObject *parent)
    : QObject(parent)
{}

SignalNotifier::~SignalNotifier()
{
    for (int number : std::as_const(m_watched))
        std::signal(number, SIG_DFL);
    delete m_notifier;
    if (g_pipe[0] >= 0) {
        ::close(g_pipe[0]);
        ::close(g_pipe[1]);
        g_pipe[0] = g_pipe[1] = -1;
    }
}

bool SignalNotifier::watch(const QList<int> &signalNumbers)
{
    if (g_pipe[0] < 0) {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, g_pipe) != 0) {
            qCWarning(lcDaemon) << "cannot create the signal pipe:" << std::strerror(errno);
            return false;
        }
        m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &SignalNotifier::readSignals);
    }
    for (int number : signalNumbers) {
        struct sigaction action = {};
        action.sa_handler = handleSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        if (::sigaction(number, &action, nullptr) != 0) {
            qCWarning(lcDaemon) << "cannot catch signal" << number << std::strerror(errno);
            return false;
        }
        m_watched.append(number);
    }
    return true;
}

void SignalNotifier::readSignals()
{
    unsigned char buffer[64];
    for (;;) {
        const ssize_t n = ::read(g_pipe[0], buffer, sizeof buffer);
        if (n <= 0)
            return;
        for (ssize_t i = 0; i < n; ++i)
            emit signalReceived(buffer[i]);
    }
}

} // namespace Mailport
