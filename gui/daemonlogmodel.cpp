#include "daemonlogmodel.h"

#include <QBrush>
#include <QFontDatabase>
#include <QPalette>

namespace Mailport {

DaemonLogModel::DaemonLogModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void DaemonLogModel::append(const QString &line, DaemonController::LogSource source)
{
    if (line.isEmpty())
        return;
    const int row = int(m_lines.size());
    beginInsertRows(QModelIndex(), row, row);
    m_lines.append(Line{line, source, QDateTime::currentDateTime()});
    endInsertRows();
    trim();
}

void DaemonLogModel::clear()
{
    if (m_lines.isEmpty())
        return;
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

void DaemonLogModel::setCapacity(int lines)
{
    m_capacity = qMax(1, lines);
    trim();
}

void DaemonLogModel::trim()
{
    const int excess = int(m_lines.size()) - m_capacity;
    if (excess <= 0)
        return;
    beginRemoveRows(QModelIndex(), 0, excess - 1);
    m_lines.remove(0, excess);
    endRemoveRows();
}

QString DaemonLogModel::text() const
{
    QStringList lines;
    lines.reserve(m_lines.size());
    for (const Line &l : m_lines)
        lines.append(l.text);
    return lines.join(u'\n');
}

int DaemonLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant DaemonLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &l = m_lines[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return l.text;
    case Qt::ToolTipRole:
        switch (l.source) {
        case DaemonController::LogSource::Daemon:
            return tr("From mailportd's log, received %1").arg(l.received.toString(Qt::ISODate));
        case DaemonController::LogSource::StandardError:
            return tr("Printed by mailportd on standard error, received %1")
                .arg(l.received.toString(Qt::ISODate));
        case DaemonController::LogSource::Controller:
            return tr("Noted by Mailport at %1").arg(l.received.toString(Qt::ISODate));
        }
        return {};
    case Qt::FontRole:
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    case Qt::ForegroundRole:
        // mailportd prefixes its own error messages so; the rest is its ordinary logging.
        if (l.source == DaemonController::LogSource::StandardError
            && l.text.startsWith(QLatin1String("mailportd: ")))
            return QBrush(QColor(0xb0, 0x20, 0x20));
        if (l.source == DaemonController::LogSource::Controller)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case SourceRole:
        return int(l.source);
    case ReceivedRole:
        return l.received;
    default:
        return {};
    }
}

} // namespace Mailport
