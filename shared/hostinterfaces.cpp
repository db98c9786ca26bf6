#include "hostinterfaces.h"

namespace Mailport {

QString scopeKindName(ScopeKind kind)
{
    switch (kind) {
    case ScopeKind::Loopback:
        return QStringLiteral("loopback");
    case ScopeKind::LinkLocal:
        return QStringLiteral("link-local");
    case ScopeKind::UniqueLocal:
        return QStringLiteral("unique-local");
    case ScopeKind::SiteLocal:
        return QStringLiteral("site-local");
    case ScopeKind::Global:
        return QStringLiteral("global");
    case ScopeKind::Multicast:
        return QStringLiteral("multicast");
    case ScopeKind::Unspecified:
        return QStringLiteral("unspecified");
    }
    return QStringLiteral("global");
}

QString HostAddress::text() const
{
    QHostAddress plain = ip;
    plain.setScopeId(QString());
    return plain.toString();
}

HostInterfaces::HostInterfaces(QList<HostInterface> interfaces)
    : m_interfaces(std::move(interfaces))
{}

ScopeKind HostInterfaces::scopeKindOf(const QHostAddress &address)
{
    if (address.isLoopback())
        return ScopeKind::Loopback;
    if (address.isNull() || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6)
        return ScopeKind::Unspecified;
    if (address.isMulticast())
        return ScopeKind::Multicast;
    if (address.isLinkLocal())
        return ScopeKind::LinkLocal;
    if (address.isUniqueLocalUnicast())
        return ScopeKind::UniqueLocal;
    if (address.isSiteLocal())
        return ScopeKind::SiteLocal;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        // RFC 1918 private ranges are the IPv4 counterpart of site-local.
        const quint32 v4 = address.toIPv4Address();
        if ((v4 >> 24) == 10 || (v4 >> 20) == 0xac1 || (v4 >> 16) == 0xc0a8)
            return ScopeKind::SiteLocal;
    }
    return ScopeKind::Global;
}

HostInterfaces HostInterfaces::fromSystem()
{
    QList<HostInterface> list;
    const QList<QNetworkInterface> all = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &qi : all) {
        HostInterface hi;
        hi.name = qi.name();
        hi.index = qi.index();
        hi.flags = qi.flags();
        hi.type = qi.type();
        hi.mtu = qi.maximumTransmissionUnit();
        hi.hardwareAddress = qi.hardwareAddress();
        const QList<QNetworkAddressEntry> entries = qi.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            HostAddress a;
            a.ip = entry.ip();
            a.scopeKind = scopeKindOf(a.ip);
            if (a.scopeKind == ScopeKind::LinkLocal
                && a.ip.protocol() == QAbstractSocket::IPv6Protocol)
                a.scopeId = hi.name;
            a.ip.setScopeId(QString());
            a.prefixLength = entry.prefixLength();
            hi.addresses.append(a);
        }
        list.append(hi);
    }
    return HostInterfaces(list);
}

HostInterfaces HostInterfaces::loopbackOnly()
{
    HostInterface lo;
    lo.name = QStringLiteral("lo");
    lo.index = 1;
    lo.flags
        = QNetworkInterface::IsUp | QNetworkInterface::IsRunning | QNetworkInterface::IsLoopBack;
    lo.type = QNetworkInterface::Loopback;
    lo.mtu = 65536;
    lo.hardwareAddress = QStringLiteral("00:00:00:00:00:00");
    lo.addresses.append({QHostAddress(QStringLiteral("127.0.0.1")), 8, ScopeKind::Loopback, {}});
    lo.addresses.append({QHostAddress(QStringLiteral("::1")), 128, ScopeKind::Loopback, {}});
    return HostInterfaces({lo});
}

const HostInterface *HostInterfaces::byName(const QString &name) const
{
    for (const HostInterface &i : m_interfaces) {
        if (i.name == name)
            return &i;
    }
    return nullptr;
}

HostInterface *HostInterfaces::mutableByName(const QString &name)
{
    for (HostInterface &i : m_interfaces) {
        if (i.name == name)
            return &i;
    }
    return nullptr;
}

const HostInterface *HostInterfaces::byIndex(int index) const
{
    for (const HostInterface &i : m_interfaces) {
        if (i.index == index)
            return &i;
    }
    return nullptr;
}

const HostInterface *HostInterfaces::byScope(const QString &scope) const
{
    if (const HostInterface *i = byName(scope))
        return i;
    bool numeric = false;
    const int index = scope.toInt(&numeric);
    return numeric ? byIndex(index) : nullptr;
}

bool HostInterfaces::canBind(const QHostAddress &address, const QString &scope) const
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (address.protocol() == QAbstractSocket::IPv6Protocol && mapped)
        return canBind(QHostAddress(v4));

    QHostAddress plain = address;
    plain.setScopeId(QString());
    for (const HostInterface &i : m_interfaces) {
        for (const HostAddress &a : i.addresses) {
            if (a.ip == plain) {
                if (plain.protocol() == QAbstractSocket::IPv6Protocol && plain.isLinkLocal()) {
                    const HostInterface *scoped = byScope(scope);
                    if (!scoped || scoped->name != i.name)
                        continue;
                }
                return true;
            }
            // Linux routes a loopback interface's whole IPv4 subnet locally (all of 127/8).
            if (i.isLoopback() && plain.protocol() == QAbstractSocket::IPv4Protocol
                && a.ip.protocol() == QAbstractSocket::IPv4Protocol
                && plain.isInSubnet(a.ip, a.prefixLength))
                return true;
        }
    }
    return false;
}

QStringList HostInterfaces::upAddresses(QAbstractSocket::NetworkLayerProtocol family) const
{
    QStringList out;
    for (const HostInterface &i : m_interfaces) {
        if (!i.isUp())
            continue;
        for (const HostAddress &a : i.addresses) {
            if (a.ip.protocol() == family)
                out.append(a.text());
        }
    }
    return out;
}

} // namespace Mailport
