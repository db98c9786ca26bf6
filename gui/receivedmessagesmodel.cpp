#include "receivedmessagesmodel.h"
#include "icons.h"

#include <QIcon>
#include <QJsonArray>
#include <QLocale>

namespace Mailport {

namespace {

QString endpoint(const QHostAddress &address, quint16 port)
{
    if (address.isNull())
        return QString();
    const QString a = address.toString();
    if (port == 0)
        return a;
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QStringLiteral("[%1]:%2").arg(a).arg(port)
               : QStringLiteral("%1:%2").arg(a).arg(port);
}

} // namespace

ReceivedMessagesModel::ReceivedMessagesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReceivedMessagesModel::setMessages(const QList<SpoolMessage> &messages)
{
    if (messages == m_messages)
        return;
    beginResetModel();
    m_messages = messages;
    endResetModel();
}

int ReceivedMessagesModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_messages.size(); ++i) {
        if (m_messages[i].id == id)
            return i;
    }
    return -1;
}

SpoolMessage ReceivedMessagesModel::fromJson(const QJsonObject &o)
{
    auto text = [&o](const char *name) {
        return o.value(QLatin1String(name)).toString();
    };
    auto port = [&o](const char *name) {
        return quint16(o.value(QLatin1String(name)).toInt());
    };
    SpoolMessage m;
    m.id = text("id");
    m.filePath = text("file");
    m.isNew = o.value(QLatin1String("new")).toBool(true);
    m.arrival = QDateTime::fromString(text("arrival"), Qt::ISODate);
    m.size = o.value(QLatin1String("size")).toInteger();
    m.sender = text("sender");
    for (const QJsonValue &v : o.value(QLatin1String("recipients")).toArray())
        m.recipients.append(v.toString());
    m.subject = text("subject");
    m.from = text("from");
    m.clientAddress = QHostAddress(text("client"));
    m.clientPort = port("clientPort");
    m.proxyAddress = QHostAddress(text("proxy"));
    m.proxyPort = port("proxyPort");
    m.listenerAddress = QHostAddress(text("listener"));
    m.listenerPort = port("listenerPort");
    m.heloName = text("helo");
    m.protocol = text("protocol");
    m.tlsProtocol = text("tls");
    m.tlsCipher = text("cipher");
    return m;
}

int ReceivedMessagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int ReceivedMessagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReceivedMessagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SpoolMessage &m = m_messages[index.row()];
    if (role == IdRole)
        return m.id;
    if (role == SortRole) {
        switch (index.column()) {
        case TimeColumn:
            return m.arrival;
        case SizeColumn:
            return m.size;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DecorationRole && index.column() == TlsColumn && !m.tlsProtocol.isEmpty())
        return resourceIcon(QStringLiteral("tls"));
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case FromColumn:
            return m.from.isEmpty() ? QVariant() : tr("From: %1").arg(m.from);
        case ClientColumn:
            if (!m.proxyAddress.isNull())
                return tr("Through the proxy %1").arg(endpoint(m.proxyAddress, m.proxyPort));
            return m.heloName.isEmpty() ? QVariant() : tr("HELO %1").arg(m.heloName);
        case TlsColumn:
            return m.tlsCipher.isEmpty() ? QVariant() : m.tlsCipher;
        case TimeColumn:
            return m.filePath;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        // Seconds matter when telling test messages apart; the ISO order sorts as it reads.
        return m.arrival.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case FromColumn:
        return m.sender.isEmpty() ? QStringLiteral("<>") : m.sender;
    case ToColumn:
        return m.recipients.join(QLatin1String(", "));
    case SubjectColumn:
        return m.subject;
    case SizeColumn:
        return QLocale().formattedDataSize(m.size);
    case ListenerColumn:
        return endpoint(m.listenerAddress, m.listenerPort);
    case ClientColumn:
        return endpoint(m.clientAddress, m.clientPort);
    case TlsColumn:
        return m.tlsProtocol.isEmpty() ? tr("No") : m.tlsProtocol;
    default:
        return {};
    }
}

QVariant ReceivedMessagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Received");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case SubjectColumn:
        return tr("Subject");
    case SizeColumn:
        return tr("Size");
    case ListenerColumn:
        return tr("Listener");
    case ClientColumn:
        return tr("Client");
    case TlsColumn:
        return tr("TLS");
    default:
        return {};
    }
}

} // namespace Mailport
