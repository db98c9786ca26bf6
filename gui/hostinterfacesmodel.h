#pragma once

#include "hostinterfaces.h"
#include "listenplan.h"

#include <QAbstractItemModel>

namespace Mailport {

/// The host's interfaces (top level) and their addresses (children) with flags, MTU, hardware
/// address, prefix, scope kind and scope id. Addresses the configuration uses are highlighted:
/// bound by a socket of the plan, covered by a wildcard socket, or only treated as local.
class HostInterfacesModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostInterfacesModel)

public:
    enum Column {
        NameColumn,
        PrefixColumn,
        ScopeColumn,
        ScopeIdColumn,
        UsageColumn,
        MtuColumn,
        HardwareColumn,
        FlagsColumn,
        ColumnCount
    };
    enum Role {
        IsAddressRole = Qt::UserRole + 1, ///< bool: an address row
        AddressRole,                      ///< the address as Exim writes it, without scope
        ListItemRole,                     ///< the item for local_interfaces (with %scope if needed)
        UsageRole,                        ///< Usage as int
    };
    enum class Usage { None, Local, Covered, Bound };

    explicit HostInterfacesModel(QObject *parent = nullptr);

    void setHost(const HostInterfaces &host);
    const HostInterfaces &host() const { return m_host; }
    void setPlan(const ListenPlan &plan);

    /// The local_interfaces item for an address: link-local IPv6 carries its interface.
    static QString listItem(const HostAddress &address);
    Usage usage(const HostAddress &address) const;
    /// The row of an address, or an invalid index.
    QModelIndex indexOfAddress(const QString &address, const QString &scopeId = QString()) const;

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString usageText(const HostAddress &address) const;
    QVariant interfaceData(const HostInterface &interface, int column, int role) const;
    QVariant addressData(const HostAddress &address, int column, int role) const;

    HostInterfaces m_host;
    ListenPlan m_plan;
};

} // namespace Mailport
