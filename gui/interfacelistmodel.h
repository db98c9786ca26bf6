#pragma once

#include "addressitem.h"
#include "diagnostic.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace Mailport {

/// The items of local_interfaces or extra_local_interfaces as an editable table of address,
/// port and IPv6 scope. Each row is one list item; editing a cell rewrites only that item
/// (AddressItem::format), so the others keep their spelling. Rows carry the diagnostics about
/// their item, shown as an icon, a tint and a tooltip.
class InterfaceListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterfaceListModel)

public:
    enum Column { AddressColumn, PortColumn, ScopeColumn, ColumnCount };
    enum Role {
        ItemTextRole = Qt::UserRole + 1, ///< the list item as written
        SeverityRole,                    ///< worst Severity of the row as int, or -1
    };

    explicit InterfaceListModel(QObject *parent = nullptr);

    /// Shows @p items, leaving the rows alone when nothing changed.
    void setItems(const QStringList &items);
    QStringList items() const { return m_items; }
    /// Rows in italics: Exim's default value, not written in the file.
    void setShowingDefault(bool showingDefault);
    bool isShowingDefault() const { return m_default; }

    /// One list of diagnostics per row (missing rows have none).
    void setRowDiagnostics(const QList<Diagnostics> &perRow);
    Diagnostics rowDiagnostics(int row) const;
    /// Row @p row's item as parsed.
    const AddressItem &parsedItem(int row) const { return m_parsed.at(row); }

    /// Appends an item as the user's edit; returns its row.
    int appendItem(const QString &item);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

signals:
    /// The user changed the list; items() holds the new one.
    void itemsEdited();

private:
    QStringList m_items;
    QList<AddressItem> m_parsed;
    QList<Diagnostics> m_diagnostics;
    bool m_default = false;
};

} // namespace Mailport
