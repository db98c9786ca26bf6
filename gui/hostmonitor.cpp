#include "hostmonitor.h"

#include "logging.h"

namespace Mailport {

HostMonitor::HostMonitor(Source source, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
{
    m_timer.setInterval(DefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &HostMonitor::poll);
    if (m_source)
        m_host = m_source();
    m_snapshot = snapshot(m_host);
}

void HostMonitor::setSource(Source source)
{
    m_source = std::move(source);
    poll();
}

void HostMonitor::poll()
{
    if (!m_source)
        return;
    HostInterfaces host = m_source();
    QString key = snapshot(host);
    if (key == m_snapshot)
        return;
    m_host = std::move(host);
    m_snapshot = std::move(key);
    qCDebug(lcGui) << "host interfaces changed";
    emit hostChanged();
}

QString HostMonitor::snapshot(const HostInterfaces &host)
{
    QString out;
    for (const HostInterface &i : host.interfaces()) {
        out += QStringLiteral("%1|%2|%3|%4|%5|%6\n")
                   .arg(i.name)
                   .arg(i.index)
                   .arg(int(i.flags))
                   .arg(int(i.type))
                   .arg(i.mtu)
                   .arg(i.hardwareAddress);
        for (const HostAddress &a : i.addresses) {
            out += QStringLiteral(" %1/%2%%3 %4\n")
                       .arg(a.text())
                       .arg(a.prefixLength)
                       .arg(a.scopeId)
                       .arg(int(a.scopeKind));
        }
    }
    return out;
}

} // namespace Mailport
