#pragma once

#include "listenplan.h"
#include "portprobe.h"

#include <QAbstractTableModel>

namespace Mailport {

/// The sockets of a ListenPlan in the order Exim binds them: address, scope, port, family,
/// plain SMTP with STARTTLS or implicit TLS, the item and option they come from, and what would
/// go wrong with each, in words (the plan's problems plus ports another program already holds).
class PlanModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanModel)

public:
    enum Column {
        AddressColumn,
        ScopeColumn,
        PortColumn,
        FamilyColumn,
        TlsColumn,
        ItemColumn,
        SourceColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        HasProblemRole = Qt::UserRole + 1, ///< bool: the socket would not bind as planned
        InUseRole,                         ///< bool: another program listens there
        LineRole,                          ///< int: line of the item in the file (0: none)
        ColumnRole,                        ///< int: column of the item
    };

    explicit PlanModel(QObject *parent = nullptr);

    void setPlan(const ListenPlan &plan);
    const ListenPlan &plan() const { return m_plan; }
    /// The host's listening sockets, for the "in use" check.
    void setListening(const QList<ListeningSocket> &listening);

    PlannedSocket socket(int row) const { return m_plan.sockets.value(row); }
    bool isInUse(int row) const { return m_inUse.value(row); }
    /// Everything that would go wrong with the socket of @p row, one sentence per line.
    QStringList problems(int row) const;
    int problemCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void updateInUse();

    ListenPlan m_plan;
    QList<ListeningSocket> m_listening;
    QList<bool> m_inUse;
};

} // namespace Mailport
