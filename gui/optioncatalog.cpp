#include "optioncatalog.h"
#include "icons.h"

#include "configuration.h"

namespace Mailport {

namespace {

struct Entry
{
    const char *name;
    OptionCatalog::Group group;
};

// Every option Mailport knows, in the order the editor lays them out.
const QList<Entry> &entries()
{
    using G = OptionCatalog::Group;
    static const QList<Entry> list = {
        {"local_interfaces", G::Listening},
        {"daemon_smtp_ports", G::Listening},
        {"tls_on_connect_ports", G::Listening},
        {"extra_local_interfaces", G::Listening},
        {"disable_ipv6", G::Listening},
        {"smtp_connect_backlog", G::Listening},
        {"primary_hostname", G::Listening},
        {"smtp_banner", G::Listening},
        {"tls_certificate", G::Tls},
        {"tls_privatekey", G::Tls},
        {"tls_advertise_hosts", G::Tls},
        {"tls_ocsp_file", G::Tls},
        {"hosts_proxy", G::Proxy},
        {"proxy_protocol_timeout", G::Proxy},
        {"smtp_accept_max", G::Limits},
        {"smtp_accept_max_per_host", G::Limits},
        {"smtp_receive_timeout", G::Limits},
        {"message_size_limit", G::Limits},
        {"recipients_max", G::Limits},
        {"spool_directory", G::SpoolAndLogs},
        {"log_file_path", G::SpoolAndLogs},
        {"pid_file_path", G::SpoolAndLogs},
    };
    return list;
}

QString typeText(OptionType type)
{
    switch (type) {
    case OptionType::String:
        return OptionCatalog::tr("text");
    case OptionType::List:
        return OptionCatalog::tr("list");
    case OptionType::Bool:
        return OptionCatalog::tr("true or false");
    case OptionType::Int:
        return OptionCatalog::tr("number");
    case OptionType::Time:
        return OptionCatalog::tr("time");
    case OptionType::Size:
        return OptionCatalog::tr("size");
    }
    return OptionCatalog::tr("text");
}

} // namespace

QList<OptionCatalog::Group> OptionCatalog::groups()
{
    return {Group::Listening, Group::Tls, Group::Proxy, Group::Limits, Group::SpoolAndLogs};
}

QString OptionCatalog::groupTitle(Group group)
{
    switch (group) {
    case Group::Listening:
        return tr("Listening");
    case Group::Tls:
        return tr("TLS");
    case Group::Proxy:
        return tr("PROXY");
    case Group::Limits:
        return tr("Limits");
    case Group::SpoolAndLogs:
        return tr("Spool and logs");
    }
    return {};
}

QIcon OptionCatalog::groupIcon(Group group)
{
    switch (group) {
    case Group::Listening:
        return resourceIcon(QStringLiteral("listening"));
    case Group::Tls:
        return resourceIcon(QStringLiteral("tls"));
    case Group::Proxy:
        return resourceIcon(QStringLiteral("proxy"));
    case Group::Limits:
        return resourceIcon(QStringLiteral("limits"));
    case Group::SpoolAndLogs:
        return resourceIcon(QStringLiteral("spool"));
    }
    return {};
}

QStringList OptionCatalog::options(Group group)
{
    QStringList out;
    for (const Entry &e : entries()) {
        if (e.group == group)
            out.append(QLatin1String(e.name));
    }
    return out;
}

OptionCatalog::Group OptionCatalog::group(const QString &option)
{
    const QString name = canonicalName(option);
    for (const Entry &e : entries()) {
        if (name == QLatin1String(e.name))
            return e.group;
    }
    return Group::Listening; // the command-line inputs sit with the listening options
}

QString OptionCatalog::label(const QString &option)
{
    const QString name = canonicalName(option);
    if (name == QLatin1String("local_interfaces"))
        return tr("Listen on");
    if (name == QLatin1String("extra_local_interfaces"))
        return tr("Also local (not listened on)");
    if (name == QLatin1String("daemon_smtp_ports"))
        return tr("Default ports");
    if (name == QLatin1String("tls_on_connect_ports"))
        return tr("Implicit TLS ports (SMTPS)");
    if (name == QLatin1String("disable_ipv6"))
        return tr("Disable IPv6");
    if (name == QLatin1String("smtp_connect_backlog"))
        return tr("Connection backlog");
    if (name == QLatin1String("primary_hostname"))
        return tr("Primary host name");
    if (name == QLatin1String("smtp_banner"))
        return tr("Greeting banner");
    if (name == QLatin1String("smtp_accept_max"))
        return tr("Connections at once");
    if (name == QLatin1String("smtp_accept_max_per_host"))
        return tr("Connections per client host");
    if (name == QLatin1String("smtp_receive_timeout"))
        return tr("Receive timeout");
    if (name == QLatin1String("message_size_limit"))
        return tr("Largest message");
    if (name == QLatin1String("recipients_max"))
        return tr("Recipients per message");
    if (name == QLatin1String("spool_directory"))
        return tr("Spool directory");
    if (name == QLatin1String("log_file_path"))
        return tr("Log file");
    if (name == QLatin1String("pid_file_path"))
        return tr("PID file");
    if (name == QLatin1String("tls_certificate"))
        return tr("Certificate");
    if (name == QLatin1String("tls_privatekey"))
        return tr("Private key");
    if (name == QLatin1String("tls_advertise_hosts"))
        return tr("Offer STARTTLS to");
    if (name == QLatin1String("tls_ocsp_file"))
        return tr("OCSP response file");
    if (name == QLatin1String("hosts_proxy"))
        return tr("PROXY protocol from");
    if (name == QLatin1String("proxy_protocol_timeout"))
        return tr("PROXY header timeout");
    if (name == OxOption)
        return tr("Test with -oX");
    if (name == TlsOnConnectOption)
        return tr("Every port uses implicit TLS (-tls-on-connect)");
    return option;
}

QString OptionCatalog::description(const QString &option)
{
    const QString name = canonicalName(option);
    if (name == QLatin1String("local_interfaces"))
        return tr("The IP addresses the daemon listens on, each optionally with its own port "
                  "(192.168.1.5.2525 or [::1]:2525). Items without a port use daemon_smtp_ports. "
                  "0.0.0.0 and ::0 mean every IPv4 and every IPv6 address. These addresses also "
                  "count as the local host when Exim routes mail.");
    if (name == QLatin1String("extra_local_interfaces"))
        return tr("Addresses that Exim treats as the local host when it routes mail (MX lists, "
                  "delivery to itself) but does not listen on. Ports are ignored; 0.0.0.0 and ::0 "
                  "stand for every address of the host.");
    if (name == QLatin1String("daemon_smtp_ports"))
        return tr("The ports of every local_interfaces item that has no port of its own, as "
                  "numbers or service names from /etc/services (smtp, submission). "
                  "daemon_smtp_port is the same option.");
    if (name == QLatin1String("tls_on_connect_ports"))
        return tr("Connections to these ports start with TLS at once (SMTPS, usually port 465) "
                  "instead of offering STARTTLS. This only marks ports: the daemon must also "
                  "listen on them through daemon_smtp_ports or local_interfaces.");
    if (name == QLatin1String("disable_ipv6"))
        return tr("No IPv6 activity takes place: IPv6 addresses in local_interfaces are silently "
                  "ignored and AAAA records are not looked up.");
    if (name == QLatin1String("smtp_connect_backlog"))
        return tr("How many incoming TCP connections the kernel queues for each listening socket "
                  "before the daemon accepts them.");
    if (name == QLatin1String("primary_hostname"))
        return tr("The fully qualified name of this host, used in the greeting and in Received: "
                  "headers. Unset means the name the system reports.");
    if (name == QLatin1String("smtp_banner"))
        return tr("The text after the 220 code that the daemon sends when a client connects, "
                  "expanded as Exim does: $smtp_active_hostname, $primary_hostname, "
                  "$version_number, $tod_full and the client's and listener's addresses and "
                  "ports are replaced, and a newline starts another line.");
    if (name == QLatin1String("smtp_accept_max"))
        return tr("The most SMTP connections the daemon handles at the same time; further clients "
                  "are refused with a temporary error. 0 means no limit.");
    if (name == QLatin1String("smtp_accept_max_per_host"))
        return tr("The most simultaneous connections from one client IP address. Unset means no "
                  "limit.");
    if (name == QLatin1String("smtp_receive_timeout"))
        return tr("How long the daemon waits for each SMTP command or line of message data "
                  "before it drops the connection (30s, 5m, 1h).");
    if (name == QLatin1String("message_size_limit"))
        return tr("Messages larger than this are refused (100K, 50M). 0 means no limit.");
    if (name == QLatin1String("recipients_max"))
        return tr("The most recipients accepted for one message; further RCPT commands get a "
                  "temporary error. 0 means no limit.");
    if (name == QLatin1String("spool_directory"))
        return tr("The directory where received messages are stored.");
    if (name == QLatin1String("log_file_path"))
        return tr("Where the daemon writes its log; as in Exim, %s stands for main, reject or "
                  "panic.");
    if (name == QLatin1String("pid_file_path"))
        return tr("The file where the daemon writes its process ID.");
    if (name == QLatin1String("tls_certificate"))
        return tr("The PEM file with the server certificate (and its chain) that clients see on "
                  "STARTTLS and SMTPS connections.");
    if (name == QLatin1String("tls_privatekey"))
        return tr("The PEM file with the certificate's private key. Unset means the key is in the "
                  "certificate file.");
    if (name == QLatin1String("tls_advertise_hosts"))
        return tr("The client hosts to which STARTTLS is offered after EHLO: * means every host, "
                  "an empty list none.");
    if (name == QLatin1String("tls_ocsp_file"))
        return tr("A file with an OCSP response for the certificate, stapled to the TLS handshake "
                  "so that clients need not ask the certificate authority.");
    if (name == QLatin1String("hosts_proxy"))
        return tr("Hosts, typically load balancers, that must start each connection with a PROXY "
                  "protocol header (version 1 or 2); the daemon then sees the real client "
                  "address. proxy_required_hosts is accepted as the same option.");
    if (name == QLatin1String("proxy_protocol_timeout"))
        return tr("How long to wait for the PROXY header from a listed host before dropping the "
                  "connection.");
    if (name == OxOption)
        return tr("Overrides daemon_smtp_ports and local_interfaces for one daemon, as Exim's -oX "
                  "does: items without a dot or colon replace the ports, the others replace the "
                  "interfaces. It is not saved in the file.");
    if (name == TlsOnConnectOption)
        return tr("Exim's -tls-on-connect: every port behaves as if it were listed in "
                  "tls_on_connect_ports. It is not saved in the file.");
    return {};
}

QString OptionCatalog::toolTip(const QString &option)
{
    const QString name = canonicalName(option);
    const OptionSpec *spec = Configuration::spec(name);
    QString heading;
    if (spec) {
        const QString defaultText
            = spec->defaultValue && *spec->defaultValue
                  ? QStringLiteral("<code>%1</code>")
                        .arg(QString::fromLatin1(spec->defaultValue).toHtmlEscaped())
                  : tr("unset");
        heading = tr("<b>%1</b> (%2; default: %3)")
                      .arg(name, typeText(spec->type).toHtmlEscaped(), defaultText);
    } else {
        heading = QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped());
    }
    return QStringLiteral("<p>%1</p><p>%2</p>").arg(heading, description(name).toHtmlEscaped());
}

QString OptionCatalog::canonicalName(const QString &written)
{
    if (written == OxOption || written == TlsOnConnectOption)
        return written;
    QString name = written;
    for (const QLatin1String prefix : {QLatin1String("no_"), QLatin1String("not_")}) {
        if (name.startsWith(prefix)) {
            const OptionSpec *s = Configuration::spec(name.mid(prefix.size()));
            if (s && s->type == OptionType::Bool)
                name = name.mid(prefix.size());
        }
    }
    const OptionSpec *spec = Configuration::spec(name);
    if (!spec)
        return {};
    return spec->aliasOf ? QLatin1String(spec->aliasOf) : QLatin1String(spec->name);
}

} // namespace Mailport
