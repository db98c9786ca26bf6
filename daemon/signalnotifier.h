#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace Mailport {

/// Turns POSIX signals into a Qt signal on the event loop (the self-pipe trick over a socketpair):
/// the handler only writes the signal number, everything else happens in signalReceived's slots.
/// One instance per process.
class SignalNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalNotifier)

public:
    explicit SignalNotifier(QObject *parent = nullptr);
    /// Restores the default dispositions of the watched signals.
    ~SignalNotifier() override;

    /// Starts catching @p signalNumbers. Returns false if the pipe or a handler cannot be set up.
    bool watch(const QList<int> &signalNumbers);

signals:
    void signalReceived(int signalNumber);

private:
    void readSignals();

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_watched;
};

} // namespace Mailport
