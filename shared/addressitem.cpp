#include "addressitem.h"
#include "cchar.h"

#include <arpa/inet.h>

#include <limits>

namespace Mailport {

namespace {

int digitValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'z')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'Z')
        return c.unicode() - u'A' + 10;
    return 99;
}

// Exim's scope suffix check: letters, digits and punctuation only (isalnum || ispunct).
bool isScopeChar(QChar c)
{
    return c.unicode() > 0x20 && c.unicode() < 0x7f;
}

// The port text after `]:` or the port dot, converted as Exim does; false leaves the item whole.
bool portText(QStringView text, qint64 *port)
{
    const CNumber n = CNumber::parse(text, 10);
    if (!n.complete)
        return false;
    *port = n.value;
    return true;
}

} // namespace

CNumber CNumber::parse(QStringView text, int base)
{
    CNumber n;
    qsizetype i = 0;
    while (i < text.size() && isCSpace(text[i]))
        ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == u'+' || text[i] == u'-')) {
        negative = text[i] == u'-';
        ++i;
    }
    if (base == 0) {
        if (i + 1 < text.size() && text[i] == u'0' && (text[i + 1] == u'x' || text[i + 1] == u'X')
            && i + 2 < text.size() && digitValue(text[i + 2]) < 16) {
            base = 16;
            i += 2;
        } else if (i < text.size() && text[i] == u'0') {
            base = 8;
        } else {
            base = 10;
        }
    }
    const qsizetype digitsStart = i;
    qint64 value = 0;
    bool overflow = false;
    while (i < text.size() && digitValue(text[i]) < base) {
        const int d = digitValue(text[i]);
        if (value > (std::numeric_limits<qint64>::max() - d) / base)
            overflow = true;
        else
            value = value * base + d;
        ++i;
    }
    if (i == digitsStart) {
        n.end = 0;
        n.complete = text.isEmpty();
        return n;
    }
    if (overflow)
        value = std::numeric_limits<qint64>::max();
    n.value = negative ? -value : value;
    n.end = i;
    n.complete = i == text.size();
    return n;
}

AddressItem AddressItem::parse(const QString &item)
{
    AddressItem a;
    a.written = item;
    a.address = item;

    // Port extraction works on the raw text and, when the port is not a number, leaves the
    // whole item as it was (brackets included) so that the syntax check rejects it.
    const QStringView text(item);
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close >= 0) {
            const QStringView after = text.mid(close + 1);
            qint64 port = 0;
            if (after.isEmpty() || (after.front() == u':' && portText(after.mid(1), &port))) {
                a.address = text.mid(1, close - 1).toString();
                a.port = port;
            }
        }
    } else {
        int skip = -3; // the 4th dot of IPv4, or the 1st dot after the last colon of IPv6
        qsizetype dot = -1;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == u':') {
                skip = 0;
            } else if (text[i] == u'.' && skip++ >= 0) {
                dot = i;
                break;
            }
        }
        qint64 port = 0;
        if (dot >= 0 && portText(text.mid(dot + 1), &port)) {
            a.address = text.left(dot).toString();
            a.port = port;
        }
    }

    const qsizetype percent = a.address.indexOf(u'%');
    a.host = percent >= 0 ? a.address.left(percent) : a.address;
    if (percent >= 0) {
        a.hasScope = true;
        a.scope = a.address.mid(percent + 1);
    }
    a.ipv6 = a.host.contains(u':');
    a.wildcard = a.address == QLatin1String("0.0.0.0") || a.address == QLatin1String("::0");

    if (a.address.contains(u'/'))
        return a;
    for (const QChar c : std::as_const(a.scope)) {
        if (!isScopeChar(c))
            return a;
    }
    if (a.hasScope && !a.ipv6)
        return a;
    // inet_pton is the exact test Exim applies; QHostAddress is more lenient (leading zeros).
    const QByteArray host = a.host.toLatin1();
    if (a.host.size() != host.size() || host.contains('\0'))
        return a;
    unsigned char buffer[16];
    if (inet_pton(a.ipv6 ? AF_INET6 : AF_INET, host.constData(), buffer) != 1)
        return a;
    a.valid = true;
    if (a.ipv6) {
        a.ip = QHostAddress(buffer);
        a.anyAddress = a.ip == QHostAddress(QHostAddress::AnyIPv6);
    } else {
        a.ip = QHostAddress(a.host);
        a.anyAddress = a.ip == QHostAddress(QHostAddress::AnyIPv4);
    }
    return a;
}

QString AddressItem::format(const QString &host, const QString &scope, int port)
{
    const QString address = scope.isEmpty() ? host : host + u'%' + scope;
    if (port <= 0)
        return address;
    if (host.contains(u':'))
        return QStringLiteral("[%1]:%2").arg(address).arg(port);
    return QStringLiteral("%1.%2").arg(address).arg(port);
}

} // namespace Mailport
