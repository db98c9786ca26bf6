#include "planreport.h"

#include <QJsonArray>

namespace Mailport {

QString PlanReport::tlsName(TlsMode mode)
{
    return mode == TlsMode::Smtps ? QStringLiteral("smtps") : QStringLiteral("starttls");
}

QJsonObject PlanReport::toJson(const PlannedSocket &s)
{
    return QJsonObject{
        {QStringLiteral("address"), s.address},
        {QStringLiteral("scope"), s.scope},
        {QStringLiteral("port"), s.port},
        {QStringLiteral("family"), s.ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4")},
        {QStringLiteral("wildcard"), s.wildcard},
        {QStringLiteral("v6only"), s.v6only},
        {QStringLiteral("tls"), tlsName(s.tls)},
        {QStringLiteral("source"), s.source},
        {QStringLiteral("item"), s.item},
    };
}

QJsonObject PlanReport::toJson(const Diagnostic &d)
{
    return QJsonObject{
        {QStringLiteral("severity"), severityName(d.severity)},
        {QStringLiteral("code"), diagnosticCodeName(d.code)},
        {QStringLiteral("option"), d.option},
        {QStringLiteral("item"), d.item},
        {QStringLiteral("line"), d.line},
        {QStringLiteral("column"), d.column},
        {QStringLiteral("message"), d.message},
    };
}

QJsonObject PlanReport::toJson(const ListenPlan &plan)
{
    QJsonArray listeners;
    for (const PlannedSocket &s : plan.sockets)
        listeners.append(toJson(s));
    QJsonArray diagnostics;
    for (const Diagnostic &d : plan.diagnostics)
        diagnostics.append(toJson(d));
    return QJsonObject{
        {QStringLiteral("ok"), plan.ok()},
        {QStringLiteral("listeners"), listeners},
        {QStringLiteral("diagnostics"), diagnostics},
        {QStringLiteral("local_addresses"), QJsonArray::fromStringList(plan.localAddresses)},
    };
}

QString PlanReport::toLine(const Diagnostic &d)
{
    QString where = d.option;
    if (d.line > 0)
        where += QStringLiteral(" (line %1, column %2)").arg(d.line).arg(d.column);
    else if (d.column > 0 && !d.option.isEmpty())
        where += QStringLiteral(" (column %1)").arg(d.column);
    if (where.isEmpty())
        return QStringLiteral("%1: %2").arg(severityName(d.severity), d.message);
    return QStringLiteral("%1: %2: %3").arg(severityName(d.severity), where, d.message);
}

QString PlanReport::toTable(const ListenPlan &plan)
{
    const QStringList headers
        = {QStringLiteral("#"),      QStringLiteral("ADDRESS"), QStringLiteral("SCOPE"),
           QStringLiteral("PORT"),   QStringLiteral("FAMILY"),  QStringLiteral("TLS"),
           QStringLiteral("SOURCE"), QStringLiteral("ITEM")};
    QList<QStringList> rows;
    for (int i = 0; i < plan.sockets.size(); ++i) {
        const PlannedSocket &s = plan.sockets[i];
        QString address = s.address;
        if (s.wildcard)
            address += s.ipv6 ? QStringLiteral(" (all IPv6)") : QStringLiteral(" (all IPv4)");
        rows.append({QString::number(i + 1), address, s.scope, QString::number(s.port),
                     s.ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4"), tlsName(s.tls),
                     s.source, s.item});
    }
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < headers.size(); ++c) {
        qsizetype w = headers[c].size();
        for (const QStringList &row : std::as_const(rows))
            w = qMax(w, row[c].size());
        widths.append(w);
    }
    const auto format = [&widths](const QStringList &cells) {
        QString line;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            line += c + 1 < cells.size() ? cells[c].leftJustified(widths[c] + 2) : cells[c];
        }
        return line + u'\n';
    };
    QString out = QStringLiteral("Listening plan: %1\n\n")
                      .arg(plan.sockets.size() == 1
                               ? QStringLiteral("1 socket")
                               : QStringLiteral("%1 sockets").arg(plan.sockets.size()));
    if (!rows.isEmpty()) {
        out += format(headers);
        for (const QStringList &row : std::as_const(rows))
            out += format(row);
        out += u'\n';
    }
    for (const Diagnostic &d : plan.diagnostics)
        out += toLine(d) + u'\n';
    if (!plan.diagnostics.isEmpty())
        out += u'\n';
    out += QStringLiteral("Local addresses: %1\n")
               .arg(plan.localAddresses.isEmpty() ? QStringLiteral("(none)")
                                                  : plan.localAddresses.join(QLatin1String(", ")));
    out += plan.ok() ? QStringLiteral("The plan is usable.\n")
                     : QStringLiteral("The plan is NOT usable: fix the errors above.\n");
    return out;
}

} // namespace Mailport
