#pragma once

#include "hostinterfaces.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace Mailport {

/// Keeps a snapshot of the host's interfaces up to date: it polls the source every few seconds
/// and reports when anything an admin would see has changed (an address, a flag, the MTU).
/// Polling is cheap (one netlink dump) and avoids platform-specific change notifications.
class HostMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostMonitor)

public:
    using Source = std::function<HostInterfaces()>;

    static constexpr int DefaultInterval = 3000;

    /// Reads @p source once at once; polling starts with start().
    explicit HostMonitor(Source source = &HostInterfaces::fromSystem, QObject *parent = nullptr);

    const HostInterfaces &host() const { return m_host; }

    void setSource(Source source);
    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    int interval() const { return m_timer.interval(); }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    bool isActive() const { return m_timer.isActive(); }

    /// Reads the source now and emits hostChanged() if the snapshot differs.
    void poll();

    /// Everything of @p host that the views show, as one comparable text.
    static QString snapshot(const HostInterfaces &host);

signals:
    void hostChanged();

private:
    Source m_source;
    HostInterfaces m_host;
    QString m_snapshot;
    QTimer m_timer;
};

} // namespace Mailport
