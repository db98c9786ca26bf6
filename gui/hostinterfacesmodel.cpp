#include "hostinterfacesmodel.h"
#include "icons.h"

#include <QColor>
#include <QFont>
#include <QIcon>

#include <algorithm>

namespace Mailport {

namespace {

// Top-level rows have internal id 0; an address row stores its interface's row + 1.
constexpr quintptr kTopLevel = 0;

QString flagsText(QNetworkInterface::InterfaceFlags flags)
{
    QStringList out;
    if (flags.testFlag(QNetworkInterface::IsUp))
        out.append(HostInterfacesModel::tr("up"));
    else
        out.append(HostInterfacesModel::tr("down"));
    if (flags.testFlag(QNetworkInterface::IsRunning))
        out.append(HostInterfacesModel::tr("running"));
    if (flags.testFlag(QNetworkInterface::IsLoopBack))
        out.append(HostInterfacesModel::tr("loopback"));
    if (flags.testFlag(QNetworkInterface::IsPointToPoint))
        out.append(HostInterfacesModel::tr("point-to-point"));
    if (flags.testFlag(QNetworkInterface::CanBroadcast))
        out.append(HostInterfacesModel::tr("broadcast"));
    if (flags.testFlag(QNetworkInterface::CanMulticast))
        out.append(HostInterfacesModel::tr("multicast"));
    return out.join(QLatin1String(", "));
}

QString scopeKindText(ScopeKind kind)
{
    switch (kind) {
    case ScopeKind::Loopback:
        return HostInterfacesModel::tr("loopback");
    case ScopeKind::LinkLocal:
        return HostInterfacesModel::tr("link-local");
    case ScopeKind::UniqueLocal:
        return HostInterfacesModel::tr("unique local");
    case ScopeKind::SiteLocal:
        return HostInterfacesModel::tr("private");
    case ScopeKind::Global:
        return HostInterfacesModel::tr("global");
    case ScopeKind::Multicast:
        return HostInterfacesModel::tr("multicast");
    case ScopeKind::Unspecified:
        return HostInterfacesModel::tr("unspecified");
    }
    return {};
}

bool isIpv6(const HostAddress &a)
{
    return a.ip.protocol() == QAbstractSocket::IPv6Protocol;
}

bool sameAddress(const PlannedSocket &s, const HostAddress &a)
{
    QHostAddress planned(s.address);
    bool mapped = false;
    const quint32 v4 = planned.toIPv4Address(&mapped);
    if (s.ipv6 && mapped && planned != QHostAddress(QHostAddress::AnyIPv6))
        planned = QHostAddress(v4);
    if (planned.isNull() || planned != a.ip)
        return false;
    return !(isIpv6(a) && a.ip.isLinkLocal()) || s.scope == a.scopeId;
}

// Whether the socket would bind: a port below 1024 without the privilege is only a warning.
bool binds(const PlannedSocket &s)
{
    return std::all_of(s.problems.cbegin(), s.problems.cend(),
                       [](DiagnosticCode c) { return c == DiagnosticCode::PrivilegedPort; });
}

bool covers(const PlannedSocket &s, const HostAddress &a)
{
    const QHostAddress planned(s.address);
    const bool any = planned == QHostAddress(QHostAddress::AnyIPv4)
                     || planned == QHostAddress(QHostAddress::AnyIPv6);
    if (!any || !binds(s))
        return false;
    if (isIpv6(a))
        return s.ipv6;
    // A dual-stack socket (IPv6 any address without IPV6_V6ONLY) takes IPv4 as well.
    return !s.ipv6 || !s.v6only;
}

QString portList(const QList<int> &ports)
{
    QStringList out;
    for (const int p : ports)
        out.append(QString::number(p));
    return out.join(QLatin1String(", "));
}

} // namespace

HostInterfacesModel::HostInterfacesModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void HostInterfacesModel::setHost(const HostInterfaces &host)
{
    beginResetModel();
    m_host = host;
    endResetModel();
}

void HostInterfacesModel::setPlan(const ListenPlan &plan)
{
    m_plan = plan;
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex parent = index(row, 0);
        const int children = rowCount(parent);
        if (children > 0)
            emit dataChanged(index(0, 0, parent), index(children - 1, ColumnCount - 1, parent));
    }
}

QString HostInterfacesModel::listItem(const HostAddress &address)
{
    if (isIpv6(address) && address.ip.isLinkLocal() && !address.scopeId.isEmpty())
        return address.text() + u'%' + address.scopeId;
    return address.text();
}

HostInterfacesModel::Usage HostInterfacesModel::usage(const HostAddress &address) const
{
    Usage best = Usage::None;
    for (const PlannedSocket &s : m_plan.sockets) {
        if (binds(s) && sameAddress(s, address))
            return Usage::Bound;
        if (covers(s, address))
            best = Usage::Covered;
    }
    if (best == Usage::None && m_plan.isLocal(address.text()))
        best = Usage::Local;
    return best;
}

QString HostInterfacesModel::usageText(const HostAddress &address) const
{
    QList<int> bound;
    QList<int> covered;
    QString wildcard;
    for (const PlannedSocket &s : m_plan.sockets) {
        if (binds(s) && sameAddress(s, address) && !bound.contains(s.port))
            bound.append(s.port);
        else if (covers(s, address) && !covered.contains(s.port)) {
            covered.append(s.port);
            wildcard = s.address;
        }
    }
    if (!bound.isEmpty())
        return tr("Listened on, port %1", "", int(bound.size())).arg(portList(bound));
    if (!covered.isEmpty())
        return tr("Covered by %1, port %2", "", int(covered.size()))
            .arg(wildcard, portList(covered));
    if (m_plan.isLocal(address.text()))
        return tr("Treated as local, not listened on");
    return {};
}

QModelIndex HostInterfacesModel::indexOfAddress(const QString &address,
                                                const QString &scopeId) const
{
    const QHostAddress wanted(address);
    const auto &interfaces = m_host.interfaces();
    for (int i = 0; i < interfaces.size(); ++i) {
        for (int j = 0; j < interfaces[i].addresses.size(); ++j) {
            const HostAddress &a = interfaces[i].addresses[j];
            if (a.ip == wanted && (scopeId.isEmpty() || a.scopeId == scopeId))
                return index(j, 0, index(i, 0));
        }
    }
    return {};
}

QModelIndex HostInterfacesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex HostInterfacesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int HostInterfacesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_host.interfaces().size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return int(m_host.interfaces().at(parent.row()).addresses.size());
}

int HostInterfacesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant HostInterfacesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTopLevel)
        return interfaceData(m_host.interfaces().at(index.row()), index.column(), role);
    const HostInterface &i = m_host.interfaces().at(int(index.internalId() - 1));
    return addressData(i.addresses.at(index.row()), index.column(), role);
}

QVariant HostInterfacesModel::interfaceData(const HostInterface &interface, int column,
                                            int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return interface.name;
        case MtuColumn:
            return interface.mtu > 0 ? QVariant(interface.mtu) : QVariant();
        case HardwareColumn:
            return interface.hardwareAddress;
        case FlagsColumn:
            return flagsText(interface.flags);
        }
        break;
    case Qt::DecorationRole:
        if (column == NameColumn)
            return resourceIcon(interface.isUp() ? QStringLiteral("interface-up")
                                                 : QStringLiteral("interface-down"));
        break;
    case Qt::ToolTipRole:
        return tr("Interface %1 (index %2): %3")
            .arg(interface.name)
            .arg(interface.index)
            .arg(flagsText(interface.flags));
    case Qt::FontRole:
        if (column == NameColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case IsAddressRole:
        return false;
    }
    return {};
}

QVariant HostInterfacesModel::addressData(const HostAddress &address, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return address.text();
        case PrefixColumn:
            return address.prefixLength >= 0
                       ? QVariant(QStringLiteral("/%1").arg(address.prefixLength))
                       : QVariant();
        case ScopeColumn:
            return scopeKindText(address.scopeKind);
        case ScopeIdColumn:
            return address.scopeId;
        case UsageColumn:
            return usageText(address);
        }
        break;
    case Qt::DecorationRole:
        if (column == NameColumn) {
            switch (usage(address)) {
            case Usage::Bound:
                return resourceIcon(QStringLiteral("listening"));
            case Usage::Covered:
                return resourceIcon(QStringLiteral("covered"));
            case Usage::Local:
            case Usage::None:
                return resourceIcon(QStringLiteral("address"));
            }
        }
        break;
    case Qt::FontRole:
        if (usage(address) == Usage::Bound) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::BackgroundRole:
        if (usage(address) == Usage::Bound)
            return QColor(38, 139, 210, 45);
        break;
    case Qt::ToolTipRole: {
        const QString used = usageText(address);
        return used.isEmpty() ? listItem(address) : tr("%1: %2").arg(listItem(address), used);
    }
    case IsAddressRole:
        return true;
    case AddressRole:
        return address.text();
    case ListItemRole:
        return listItem(address);
    case UsageRole:
        return int(usage(address));
    }
    return {};
}

QVariant HostInterfacesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Interface / address");
    case PrefixColumn:
        return tr("Prefix");
    case ScopeColumn:
        return tr("Scope");
    case ScopeIdColumn:
        return tr("Scope ID");
    case UsageColumn:
        return tr("Used by the configuration");
    case MtuColumn:
        return tr("MTU");
    case HardwareColumn:
        return tr("Hardware address");
    case FlagsColumn:
        return tr("Flags");
    }
    return {};
}

} // namespace Mailport
