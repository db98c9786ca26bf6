#include "listenerstatusmodel.h"
#include "icons.h"

#include "diagnostictext.h"

#include <QHostAddress>
#include <QIcon>

namespace Mailport {

namespace {

// "::0", "0:0::0" and "::" are one address; compare them as the kernel does.
QString normalized(const QString &address)
{
    const QHostAddress parsed(address);
    return parsed.isNull() ? address.toLower() : parsed.toString();
}

bool sameSocket(const PlannedSocket &p, const BoundListener &b)
{
    return p.port == b.port && p.scope == b.scope && normalized(p.address) == normalized(b.address);
}

QString tlsText(TlsMode mode)
{
    return mode == TlsMode::Smtps ? ListenerStatusModel::tr("Implicit TLS")
                                  : ListenerStatusModel::tr("SMTP with STARTTLS");
}

} // namespace

ListenerStatusModel::ListenerStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ListenerStatusModel::setSockets(const QList<PlannedSocket> &plan,
                                     const QList<BoundListener> &bound, bool running)
{
    QList<Row> rows;
    QList<bool> matched(bound.size(), false);
    for (const PlannedSocket &p : plan) {
        Row row;
        row.planned = p;
        row.status = running ? Status::NotBound : Status::Planned;
        for (qsizetype i = 0; running && i < bound.size(); ++i) {
            if (matched[i] || !sameSocket(p, bound[i]))
                continue;
            matched[i] = true;
            row.bound = bound[i];
            row.status = bound[i].tls == p.tls ? Status::Bound : Status::TlsMismatch;
            break;
        }
        rows.append(row);
    }
    for (qsizetype i = 0; running && i < bound.size(); ++i) {
        if (!matched[i])
            rows.append(Row{std::nullopt, bound[i], Status::NotPlanned});
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QString ListenerStatusModel::endpoint(int row) const
{
    const Row &r = m_rows.at(row);
    return r.planned ? r.planned->endpoint() : r.bound->endpoint();
}

int ListenerStatusModel::count(Status status) const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.status == status ? 1 : 0;
    return n;
}

QString ListenerStatusModel::statusText(Status status)
{
    switch (status) {
    case Status::Planned:
        return tr("Planned");
    case Status::Bound:
        return tr("Listening");
    case Status::NotBound:
        return tr("Planned, but not bound");
    case Status::NotPlanned:
        return tr("Bound, but not in the plan");
    case Status::TlsMismatch:
        return tr("Bound with the other TLS mode");
    }
    return QString();
}

int ListenerStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ListenerStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ListenerStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    if (role == StatusRole)
        return int(r.status);
    if (role == Qt::DecorationRole && index.column() == StatusColumn) {
        switch (r.status) {
        case Status::Planned:
            return resourceIcon(QStringLiteral("listening"));
        case Status::Bound:
            return DiagnosticText::okIcon();
        case Status::NotBound:
            return DiagnosticText::icon(Severity::Error);
        case Status::NotPlanned:
        case Status::TlsMismatch:
            return DiagnosticText::icon(Severity::Warning);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == StatusColumn) {
        switch (r.status) {
        case Status::Planned:
            return tr("mailportd does not run; this is what it would bind.");
        case Status::Bound:
            return tr("mailportd listens here as planned.");
        case Status::NotBound:
            return tr("The plan has this socket, but the running mailportd does not listen on "
                      "it: it was started with another configuration, or the socket was "
                      "skipped (see the log).");
        case Status::NotPlanned:
            return tr("mailportd listens here, but the edited configuration does not plan it: "
                      "reload or restart the daemon to apply the edits.");
        case Status::TlsMismatch:
            return tr("mailportd listens here, but not with the TLS mode the plan has.");
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case EndpointColumn:
        return r.planned ? r.planned->endpoint() : r.bound->endpoint();
    case TlsColumn:
        if (r.status == Status::TlsMismatch)
            return tr("%1 (planned: %2)").arg(tlsText(r.bound->tls), tlsText(r.planned->tls));
        return tlsText(r.planned ? r.planned->tls : r.bound->tls);
    case ItemColumn: {
        const QString item = r.planned ? r.planned->item : r.bound->item;
        const QString source = r.planned ? r.planned->source : r.bound->source;
        return source.isEmpty() ? item : QStringLiteral("%1 (%2)").arg(item, source);
    }
    case BoundColumn:
        if (!r.bound)
            return QString();
        return r.bound->boundAddress.contains(u':')
                   ? QStringLiteral("[%1]:%2").arg(r.bound->boundAddress).arg(r.bound->boundPort)
                   : QStringLiteral("%1:%2").arg(r.bound->boundAddress).arg(r.bound->boundPort);
    case StatusColumn:
        return statusText(r.status);
    default:
        return {};
    }
}

QVariant ListenerStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EndpointColumn:
        return tr("Socket");
    case TlsColumn:
        return tr("TLS");
    case ItemColumn:
        return tr("Planned by");
    case BoundColumn:
        return tr("Bound as");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace Mailport
