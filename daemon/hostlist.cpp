#include "hostlist.h"

#include "eximlist.h"

namespace Mailport {

HostList HostList::parse(const QString &value, QStringList *unsupported)
{
    HostList list;
    for (const ListItem &listItem : EximList::split(value).items) {
        QString text = listItem.text;
        Item item;
        if (text.startsWith(u'!')) {
            item.negated = true;
            text = text.mid(1).trimmed();
        }
        if (text == QLatin1String("*")) {
            item.any = true;
            list.m_items.append(item);
            continue;
        }
        // Only a plain address or address/prefix: anything else would need a lookup.
        bool plain = !text.isEmpty();
        for (const QChar c : std::as_const(text)) {
            if (!(c.isDigit() || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') || c == u'.'
                  || c == u':' || c == u'/'))
                plain = false;
        }
        const QPair<QHostAddress, int> subnet = plain
                                                    ? QHostAddress::parseSubnet(text)
                                                    : QPair<QHostAddress, int>(QHostAddress(), -1);
        if (subnet.first.isNull() || subnet.second < 0) {
            if (unsupported)
                unsupported->append(listItem.text);
            continue;
        }
        item.subnet = subnet;
        if (item.subnet.first.protocol() == QAbstractSocket::IPv6Protocol) {
            bool mapped = false;
            const quint32 v4 = item.subnet.first.toIPv4Address(&mapped);
            if (mapped && item.subnet.second >= 96)
                item.subnet = {QHostAddress(v4), item.subnet.second - 96};
        }
        list.m_items.append(item);
    }
    return list;
}

bool HostList::contains(const QHostAddress &address) const
{
    const QHostAddress client = normalized(address);
    for (const Item &item : m_items) {
        if (item.any || client.isInSubnet(item.subnet))
            return !item.negated;
    }
    return false;
}

QHostAddress HostList::normalized(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    // toIPv4Address also accepts ::0.0.0.0-style compatible forms only when mapped; :: stays.
    if (mapped
        && !address.isEqual(QHostAddress(QHostAddress::AnyIPv6), QHostAddress::StrictConversion))
        return QHostAddress(v4);
    return address;
}

} // namespace Mailport
