#pragma once

#include "daemoncontroller.h"
#include "listenplan.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Mailport {

/// The sockets the daemon actually bound beside the ones the plan asks for: one row per socket
/// of either, marking planned sockets that are not bound and bound sockets the plan does not
/// have (an attached daemon running another configuration, or a plan edited since the start).
class ListenerStatusModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerStatusModel)

public:
    enum Column { EndpointColumn, TlsColumn, ItemColumn, BoundColumn, StatusColumn, ColumnCount };
    enum class Status {
        Planned,     ///< the daemon does not run; the plan only
        Bound,       ///< planned and bound
        NotBound,    ///< planned, but the running daemon did not bind it
        NotPlanned,  ///< bound, but not in the plan
        TlsMismatch, ///< bound, but with the other TLS mode
    };
    Q_ENUM(Status)
    enum Role {
        StatusRole = Qt::UserRole + 1, ///< Status, as int
    };

    explicit ListenerStatusModel(QObject *parent = nullptr);

    /// @p running: whether a daemon runs whose listeners @p bound are.
    void setSockets(const QList<PlannedSocket> &plan, const QList<BoundListener> &bound,
                    bool running);

    Status status(int row) const { return m_rows.value(row).status; }
    /// The endpoint of @p row, as the plan or the daemon writes it.
    QString endpoint(int row) const;
    int count(Status status) const;
    static QString statusText(Status status);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        std::optional<PlannedSocket> planned;
        std::optional<BoundListener> bound;
        Status status = Status::Planned;
    };

    QList<Row> m_rows;
};

} // namespace Mailport
