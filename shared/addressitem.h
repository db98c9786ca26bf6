#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringView>

namespace Mailport {

/// C's strtol on QString text: leading white space, a sign, base 0 prefixes (`0x`, `0`).
struct CNumber
{
    qint64 value = 0;
    qsizetype end = 0;     ///< index just past the number; 0 when nothing was converted
    bool complete = false; ///< the whole text was consumed (an empty text counts as complete)

    static CNumber parse(QStringView text, int base);
};

/// One item of local_interfaces, extra_local_interfaces or an -oX address, read as Exim reads it
/// (exim-rules.md §3): port extraction on the raw text, then the address syntax check.
struct AddressItem
{
    QString written; ///< the list item
    QString address; ///< the text after port extraction (Exim's "TEXT" in its errors), with scope
    QString host;    ///< address without `%scope`
    QString scope;   ///< text after `%`
    bool hasScope = false;
    qint64 port = 0;       ///< extracted port; 0 or negative mean "none" (daemon_smtp_ports apply)
    bool valid = false;    ///< passed Exim's syntax check
    bool ipv6 = false;     ///< contains a colon: an IPv6 socket
    bool wildcard = false; ///< exactly `0.0.0.0` or `::0`
    bool anyAddress = false; ///< all zero bits, however spelled (`::`, `0::0`, `::0.0.0.0` ...)
    QHostAddress ip;         ///< parsed host part, without scope (null when invalid)

    static AddressItem parse(const QString &item);

    /// Writes an item for a list: `addr`, `addr.port` or `[addr]:port` (the bracket form for IPv6,
    /// whose dot form would be ambiguous after an embedded IPv4 tail).
    static QString format(const QString &host, const QString &scope, int port);
};

} // namespace Mailport
