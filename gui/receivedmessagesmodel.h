#pragma once

#include "maildirreader.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace Mailport {

/// The messages in mailportd's spool, newest first: time, envelope sender and recipients,
/// subject, size, the listener that took it, the client and the TLS it used.
class ReceivedMessagesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceivedMessagesModel)

public:
    enum Column {
        TimeColumn,
        FromColumn,
        ToColumn,
        SubjectColumn,
        SizeColumn,
        ListenerColumn,
        ClientColumn,
        TlsColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< QString: the message's id in the spool
        SortRole,                  ///< a value that sorts naturally (time, size as numbers)
    };

    explicit ReceivedMessagesModel(QObject *parent = nullptr);

    /// Replaces the list. Rows whose message stays keep their place in a sorted view.
    void setMessages(const QList<SpoolMessage> &messages);
    const QList<SpoolMessage> &messages() const { return m_messages; }
    SpoolMessage message(int row) const { return m_messages.value(row); }
    /// The row of the message with @p id, or -1.
    int rowOf(const QString &id) const;

    /// A message as the daemon's `messages` reply describes it.
    static SpoolMessage fromJson(const QJsonObject &object);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<SpoolMessage> m_messages;
};

} // namespace Mailport
