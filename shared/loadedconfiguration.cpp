#include "loadedconfiguration.h"

#include <QFile>

namespace Mailport {

LoadedConfiguration LoadedConfiguration::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadedConfiguration loaded;
        loaded.m_path = path;
        loaded.m_diagnostics.append(Diagnostic{
            Severity::Error, DiagnosticCode::SyntaxError, QString(), path, 0, 0,
            tr("Cannot read the configuration file %1: %2.").arg(path, file.errorString())});
        return loaded;
    }
    return fromData(file.readAll(), path);
}

LoadedConfiguration LoadedConfiguration::fromData(const QByteArray &data, const QString &path)
{
    LoadedConfiguration loaded;
    loaded.m_path = path;
    const QString text = QString::fromUtf8(data);
    if (SendmailOptions::looksLikeSendmail(text)) {
        loaded.m_sendmail = true;
        SendmailParseResult parsed = SendmailOptions::parse(text);
        loaded.m_daemons = parsed.daemons;
        loaded.m_diagnostics = parsed.diagnostics;
        return loaded;
    }
    loaded.m_config = Configuration::parse(data, &loaded.m_diagnostics);
    return loaded;
}

QByteArray LoadedConfiguration::builtInDefaultText(bool withIpv6)
{
    QByteArray text = "# mailportd's built-in default: loopback only, safe on any machine.\n";
    text += withIpv6 ? "local_interfaces = <; 127.0.0.1 ; ::1\n" : "local_interfaces = 127.0.0.1\n";
    text += "daemon_smtp_ports = 2525 : 4650\n"
            "tls_on_connect_ports = 4650\n";
    return text;
}

LoadedConfiguration LoadedConfiguration::builtInDefault(const HostInterfaces &host)
{
    const bool ipv6 = host.canBind(QHostAddress(QHostAddress::LocalHostIPv6));
    return fromData(builtInDefaultText(ipv6));
}

ListenPlan LoadedConfiguration::plan(const PlanInputs &inputs) const
{
    ListenPlan plan
        = m_sendmail ? Planner::planSendmail(m_daemons, inputs) : Planner::plan(m_config, inputs);
    plan.diagnostics = m_diagnostics + plan.diagnostics;
    return plan;
}

} // namespace Mailport
