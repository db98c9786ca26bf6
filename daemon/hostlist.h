#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mailport {

/// An Exim host list reduced to what needs no DNS: `*`, IP addresses and CIDR networks, each
/// optionally negated with `!`. The first item that matches decides, as in Exim. Used for
/// `hosts_proxy` and `tls_advertise_hosts`.
class HostList final
{
public:
    HostList() = default;

    /// Reads an Exim list value (`<;` separator changes included). Items that need lookups (host
    /// names, `@`, `net-` lookups, files) cannot be matched here; they are listed in
    /// @p unsupported and never match.
    static HostList parse(const QString &value, QStringList *unsupported = nullptr);

    bool isEmpty() const { return m_items.isEmpty(); }
    bool contains(const QHostAddress &address) const;

    /// IPv4-mapped IPv6 addresses (`::ffff:192.0.2.1`) become plain IPv4, so that lists, logs and
    /// per-host limits see one spelling of a client.
    static QHostAddress normalized(const QHostAddress &address);

private:
    struct Item
    {
        bool negated = false;
        bool any = false;
        QPair<QHostAddress, int> subnet;
    };
    QList<Item> m_items;
};

} // namespace Mailport
