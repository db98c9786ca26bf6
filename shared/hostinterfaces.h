#pragma once

#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QString>

namespace Mailport {

/// What kind of scope an address has, as an admin reads it.
enum class ScopeKind {
    Loopback,
    LinkLocal,
    UniqueLocal,
    SiteLocal,
    Global,
    Multicast,
    Unspecified
};

QString scopeKindName(ScopeKind kind);

/// One address of an interface.
struct HostAddress
{
    QHostAddress ip; ///< without scope id
    int prefixLength = -1;
    ScopeKind scopeKind = ScopeKind::Global;
    QString scopeId; ///< the interface name for link-local IPv6, else empty

    /// The address as Exim writes it in lists and logs (IPv6 compressed, no scope).
    QString text() const;
};

/// One network interface of the host.
struct HostInterface
{
    QString name;
    int index = 0;
    QNetworkInterface::InterfaceFlags flags;
    QNetworkInterface::InterfaceType type = QNetworkInterface::Unknown;
    int mtu = 0;
    QString hardwareAddress;
    QList<HostAddress> addresses;

    bool isUp() const { return flags.testFlag(QNetworkInterface::IsUp); }
    bool isLoopback() const { return flags.testFlag(QNetworkInterface::IsLoopBack); }
};

/// The host's interfaces and addresses. Read from the system with fromSystem(), or built by hand
/// (tests, previews of another host) from a list.
class HostInterfaces final
{
public:
    HostInterfaces() = default;
    explicit HostInterfaces(QList<HostInterface> interfaces);

    static HostInterfaces fromSystem();
    /// A host with only `lo`: 127.0.0.1/8 and ::1/128, as in the namespace Exim's cases ran in.
    static HostInterfaces loopbackOnly();

    static ScopeKind scopeKindOf(const QHostAddress &address);

    const QList<HostInterface> &interfaces() const { return m_interfaces; }
    const HostInterface *byName(const QString &name) const;
    const HostInterface *byIndex(int index) const;
    /// Resolves an IPv6 scope as getaddrinfo does: an interface name, or a number naming an
    /// interface index. Returns nullptr when neither.
    const HostInterface *byScope(const QString &scope) const;

    /// Whether binding @p address (with @p scope for link-local IPv6) can succeed on this host:
    /// an address of some interface, any address of a loopback interface's subnet (Linux binds
    /// all of 127/8), or the IPv4 inside an IPv4-mapped IPv6 address.
    bool canBind(const QHostAddress &address, const QString &scope = QString()) const;

    /// Every address of every interface that is up, as Exim expands `0.0.0.0` and `::0` when it
    /// recognises the local host (exim-rules.md §10.3).
    QStringList upAddresses(QAbstractSocket::NetworkLayerProtocol family) const;

    void addInterface(const HostInterface &interface) { m_interfaces.append(interface); }
    HostInterface *mutableByName(const QString &name);

private:
    QList<HostInterface> m_interfaces;
};

} // namespace Mailport
