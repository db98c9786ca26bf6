#pragma once

#include "daemoncontroller.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

namespace Mailport {

/// The daemon's log as the GUI received it: mailportd's own lines, what it printed to standard
/// error, and the controller's notes, oldest first, capped so that a busy daemon cannot fill
/// the memory. Filter it with a QSortFilterProxyModel on the display text.
class DaemonLogModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaemonLogModel)

public:
    static constexpr int DefaultCapacity = 5000;

    enum Role {
        SourceRole = Qt::UserRole + 1, ///< DaemonController::LogSource, as int
        ReceivedRole,                  ///< QDateTime: when the GUI got the line
    };

    explicit DaemonLogModel(QObject *parent = nullptr);

    void append(const QString &line, DaemonController::LogSource source);
    void clear();
    void setCapacity(int lines);
    int capacity() const { return m_capacity; }
    QString line(int row) const { return m_lines.value(row).text; }
    /// Every line, for copying.
    QString text() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Line
    {
        QString text;
        DaemonController::LogSource source = DaemonController::LogSource::Daemon;
        QDateTime received;
    };

    void trim();

    QList<Line> m_lines;
    int m_capacity = DefaultCapacity;
};

} // namespace Mailport
