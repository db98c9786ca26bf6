#include "planmodel.h"
#include "icons.h"

#include "diagnostictext.h"

#include <QColor>

#include <algorithm>

namespace Mailport {

namespace {

QString familyText(const PlannedSocket &s)
{
    if (!s.ipv6)
        return PlanModel::tr("IPv4");
    if (s.v6only)
        return PlanModel::tr("IPv6 only");
    if (s.claimsIpv4)
        return PlanModel::tr("IPv6 (Exim assumes IPv4 too)");
    return PlanModel::tr("IPv6");
}

QString tlsText(const PlannedSocket &s)
{
    if (s.tls == TlsMode::Smtps)
        return PlanModel::tr("Implicit TLS (SMTPS)");
    if (s.noStartTls)
        return PlanModel::tr("Plain SMTP, no STARTTLS");
    return PlanModel::tr("SMTP with STARTTLS");
}

QString addressText(const PlannedSocket &s)
{
    if (s.wildcard)
        return s.ipv6 ? PlanModel::tr("%1 (every IPv6 address)").arg(s.address)
                      : PlanModel::tr("%1 (every IPv4 address)").arg(s.address);
    return s.address;
}

} // namespace

PlanModel::PlanModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PlanModel::setPlan(const ListenPlan &plan)
{
    const bool sameShape = plan.sockets.size() == m_plan.sockets.size();
    if (sameShape) {
        m_plan = plan;
        updateInUse();
        if (!m_plan.sockets.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_plan = plan;
    updateInUse();
    endResetModel();
}

void PlanModel::setListening(const QList<ListeningSocket> &listening)
{
    if (listening == m_listening)
        return;
    m_listening = listening;
    const QList<bool> before = m_inUse;
    updateInUse();
    if (before != m_inUse && !m_plan.sockets.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void PlanModel::updateInUse()
{
    m_inUse.clear();
    for (const PlannedSocket &s : std::as_const(m_plan.sockets))
        m_inUse.append(!PortProbe::conflicts(m_listening, s).isEmpty());
}

QStringList PlanModel::problems(int row) const
{
    QStringList out;
    if (row < 0 || row >= m_plan.sockets.size())
        return out;
    const PlannedSocket &s = m_plan.sockets.at(row);
    for (const DiagnosticCode code : s.problems) {
        QString sentence = DiagnosticText::title(code);
        for (const Diagnostic &d : m_plan.diagnostics) {
            if (d.code == code && d.line == s.line && d.column == s.column) {
                sentence = d.message;
                break;
            }
        }
        out.append(sentence);
    }
    if (m_inUse.value(row))
        out.append(tr("Another program already listens on %1, so binding it fails with "
                      "\"Address already in use\".")
                       .arg(s.endpoint()));
    return out;
}

int PlanModel::problemCount() const
{
    int n = 0;
    for (int row = 0; row < rowCount(); ++row)
        n += problems(row).isEmpty() ? 0 : 1;
    return n;
}

int PlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.sockets.size());
}

int PlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlannedSocket &s = m_plan.sockets.at(index.row());
    const bool inUse = m_inUse.value(index.row());
    // A port below 1024 without the privilege is a warning; every other problem stops Exim.
    const bool broken = std::any_of(s.problems.cbegin(), s.problems.cend(), [](DiagnosticCode c) {
        return c != DiagnosticCode::PrivilegedPort;
    });
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AddressColumn:
            return addressText(s);
        case ScopeColumn:
            return s.scope;
        case PortColumn:
            return s.port == s.configuredPort
                       ? QString::number(s.port)
                       : tr("%1 (written %2)").arg(s.port).arg(s.configuredPort);
        case FamilyColumn:
            return familyText(s);
        case TlsColumn:
            return tlsText(s);
        case ItemColumn:
            return s.item;
        case SourceColumn:
            return s.source;
        case StatusColumn: {
            QStringList titles;
            for (const DiagnosticCode code : s.problems)
                titles.append(DiagnosticText::title(code));
            if (inUse)
                titles.append(tr("Port in use"));
            return titles.isEmpty() ? tr("Ready to bind") : titles.join(QLatin1String("; "));
        }
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn) {
            if (broken)
                return DiagnosticText::icon(Severity::Error);
            if (inUse || s.problems.contains(DiagnosticCode::PrivilegedPort))
                return DiagnosticText::icon(Severity::Warning);
            return DiagnosticText::okIcon();
        }
        if (index.column() == TlsColumn)
            return resourceIcon(s.tls == TlsMode::Smtps ? QStringLiteral("tls")
                                                        : QStringLiteral("starttls"));
        break;
    case Qt::ToolTipRole: {
        const QStringList p = problems(index.row());
        const QString where = s.line > 0 ? tr("%1, line %2, column %3: %4")
                                               .arg(s.source)
                                               .arg(s.line)
                                               .arg(s.column)
                                               .arg(s.item)
                                         : tr("%1: %2").arg(s.source, s.item);
        QString tip = QStringLiteral("<b>%1</b><br>%2")
                          .arg(s.endpoint().toHtmlEscaped(), where.toHtmlEscaped());
        for (const QString &line : p)
            tip += QStringLiteral("<br>• %1").arg(line.toHtmlEscaped());
        return tip;
    }
    case Qt::BackgroundRole:
        if (broken)
            return QColor(220, 50, 47, 40);
        if (inUse)
            return QColor(230, 160, 20, 40);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PortColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case HasProblemRole:
        return broken || inUse;
    case InUseRole:
        return inUse;
    case LineRole:
        return s.line;
    case ColumnRole:
        return s.column;
    }
    return {};
}

QVariant PlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Address");
    case ScopeColumn:
        return tr("Scope");
    case PortColumn:
        return tr("Port");
    case FamilyColumn:
        return tr("Family");
    case TlsColumn:
        return tr("Protocol");
    case ItemColumn:
        return tr("Item");
    case SourceColumn:
        return tr("Source");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace Mailport
