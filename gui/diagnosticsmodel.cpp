#include "diagnosticsmodel.h"

#include "diagnostictext.h"

#include <algorithm>

namespace Mailport {

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DiagnosticsModel::setDiagnostics(const Diagnostics &diagnostics)
{
    if (diagnostics == m_diagnostics)
        return;
    if (diagnostics.size() == m_diagnostics.size()) {
        m_diagnostics = diagnostics;
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticsModel::count(Severity severity) const
{
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
                             [severity](const Diagnostic &d) { return d.severity == severity; }));
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ProblemColumn:
            return DiagnosticText::title(d.code);
        case OptionColumn:
            return d.option;
        case ItemColumn:
            return d.item;
        case PositionColumn:
            return DiagnosticText::position(d);
        case DetailColumn:
            return d.message;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == ProblemColumn)
            return DiagnosticText::icon(d.severity);
        break;
    case Qt::ToolTipRole:
        return QStringLiteral("%1<br><i>%2</i>")
            .arg(DiagnosticText::toolTip(d), DiagnosticText::severityText(d.severity));
    case SeverityRole:
        return int(d.severity);
    case CodeRole:
        return diagnosticCodeName(d.code);
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProblemColumn:
        return tr("Problem");
    case OptionColumn:
        return tr("Option");
    case ItemColumn:
        return tr("Item");
    case PositionColumn:
        return tr("Where");
    case DetailColumn:
        return tr("Details");
    }
    return {};
}

} // namespace Mailport
