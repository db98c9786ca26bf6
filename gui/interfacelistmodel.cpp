#include "interfacelistmodel.h"

#include "diagnostictext.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Mailport {

namespace {

int worstSeverity(const Diagnostics &diagnostics)
{
    int worst = -1;
    for (const Diagnostic &d : diagnostics) {
        const int s = int(d.severity);
        if (worst < 0 || s < worst) // Error is the smallest value
            worst = s;
    }
    return worst;
}

} // namespace

InterfaceListModel::InterfaceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void InterfaceListModel::setItems(const QStringList &items)
{
    if (items == m_items)
        return;
    if (items.size() == m_items.size()) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items[i] != m_items[i]) {
                m_items[i] = items[i];
                m_parsed[i] = AddressItem::parse(items[i]);
                emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
            }
        }
        return;
    }
    beginResetModel();
    m_items = items;
    m_parsed.clear();
    for (const QString &item : items)
        m_parsed.append(AddressItem::parse(item));
    m_diagnostics.clear();
    endResetModel();
}

void InterfaceListModel::setShowingDefault(bool showingDefault)
{
    if (showingDefault == m_default)
        return;
    m_default = showingDefault;
    if (!m_items.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::FontRole});
}

void InterfaceListModel::setRowDiagnostics(const QList<Diagnostics> &perRow)
{
    QList<Diagnostics> next = perRow;
    next.resize(m_items.size());
    if (next == m_diagnostics)
        return;
    m_diagnostics = next;
    if (!m_items.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DecorationRole, Qt::ToolTipRole, Qt::BackgroundRole, SeverityRole});
}

Diagnostics InterfaceListModel::rowDiagnostics(int row) const
{
    return m_diagnostics.value(row);
}

int InterfaceListModel::appendItem(const QString &item)
{
    const int row = rowCount();
    beginInsertRows(QModelIndex(), row, row);
    m_items.append(item);
    m_parsed.append(AddressItem::parse(item));
    if (!m_diagnostics.isEmpty())
        m_diagnostics.append(Diagnostics());
    endInsertRows();
    emit itemsEdited();
    return row;
}

int InterfaceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int InterfaceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InterfaceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AddressItem &a = m_parsed.at(index.row());
    const Diagnostics diagnostics = m_diagnostics.value(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AddressColumn:
            return a.host;
        case PortColumn:
            return a.port > 0 ? QVariant(a.port) : QVariant(tr("default ports"));
        case ScopeColumn:
            return a.scope;
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case AddressColumn:
            return a.host;
        case PortColumn:
            return int(qBound(qint64(0), a.port, qint64(65535)));
        case ScopeColumn:
            return a.scope;
        }
        break;
    case Qt::ToolTipRole: {
        QStringList tips;
        for (const Diagnostic &d : diagnostics)
            tips.append(DiagnosticText::toolTip(d));
        if (tips.isEmpty())
            return tr("Item: %1").arg(m_items.at(index.row())).toHtmlEscaped();
        return tips.join(QLatin1String("<hr>"));
    }
    case Qt::DecorationRole:
        if (index.column() == AddressColumn && !diagnostics.isEmpty())
            return DiagnosticText::icon(Severity(worstSeverity(diagnostics)));
        break;
    case Qt::BackgroundRole: {
        const int worst = worstSeverity(diagnostics);
        if (worst == int(Severity::Error))
            return QColor(220, 50, 47, 48);
        if (worst == int(Severity::Warning))
            return QColor(230, 160, 20, 48);
        break;
    }
    case Qt::ForegroundRole:
        if (index.column() == PortColumn && a.port <= 0)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        break;
    case Qt::FontRole:
        if (m_default) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PortColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ItemTextRole:
        return m_items.at(index.row());
    case SeverityRole:
        return worstSeverity(diagnostics);
    }
    return {};
}

QVariant InterfaceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Address");
    case PortColumn:
        return tr("Port");
    case ScopeColumn:
        return tr("IPv6 scope");
    }
    return {};
}

Qt::ItemFlags InterfaceListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool InterfaceListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const AddressItem &current = m_parsed.at(index.row());
    QString host = current.host;
    QString scope = current.scope;
    int port = int(qBound(qint64(0), current.port, qint64(65535)));
    switch (index.column()) {
    case AddressColumn: {
        // The whole item syntax is accepted here too: "fe80::1%eth0", "[::1]:2525", "10.0.0.1.26".
        const AddressItem typed = AddressItem::parse(value.toString().trimmed());
        host = typed.host;
        if (typed.hasScope)
            scope = typed.scope;
        else if (!typed.ipv6)
            scope.clear();
        if (typed.port > 0)
            port = int(qMin<qint64>(typed.port, 65535));
        break;
    }
    case PortColumn:
        port = qMax(0, value.toInt());
        break;
    case ScopeColumn:
        scope = value.toString().trimmed();
        break;
    default:
        return false;
    }
    const QString item = AddressItem::format(host, scope, port);
    if (item == m_items.at(index.row()))
        return true;
    m_items[index.row()] = item;
    m_parsed[index.row()] = AddressItem::parse(item);
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit itemsEdited();
    return true;
}

bool InterfaceListModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count <= 0)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i) {
        m_items.insert(row, QString());
        m_parsed.insert(row, AddressItem::parse(QString()));
        if (!m_diagnostics.isEmpty())
            m_diagnostics.insert(row, Diagnostics());
    }
    endInsertRows();
    emit itemsEdited();
    return true;
}

bool InterfaceListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_items.remove(row, count);
    m_parsed.remove(row, count);
    if (m_diagnostics.size() >= row + count)
        m_diagnostics.remove(row, count);
    endRemoveRows();
    emit itemsEdited();
    return true;
}

bool InterfaceListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                  const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0
        || sourceRow + count > rowCount() || destinationChild < 0 || destinationChild > rowCount()
        || (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    if (!beginMoveRows(sourceParent, sourceRow, sourceRow + count - 1, destinationParent,
                       destinationChild))
        return false;
    const int target = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    const auto moveList = [&](auto &list) {
        auto moved = list.mid(sourceRow, count);
        list.remove(sourceRow, count);
        for (int i = 0; i < count; ++i)
            list.insert(target + i, moved.at(i));
    };
    moveList(m_items);
    moveList(m_parsed);
    if (m_diagnostics.size() == m_items.size())
        moveList(m_diagnostics);
    endMoveRows();
    emit itemsEdited();
    return true;
}

} // namespace Mailport
