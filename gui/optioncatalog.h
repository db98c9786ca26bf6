#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mailport {

/// How the GUI presents each option of Configuration::options(): its group, a short label and a
/// translated explanation of what Exim does with it. Also names the two command-line inputs of a
/// plan, "-oX" and "-tls-on-connect", so that they can be shown like options.
class OptionCatalog final
{
    Q_DECLARE_TR_FUNCTIONS(OptionCatalog)

public:
    enum class Group { Listening, Tls, Proxy, Limits, SpoolAndLogs };

    static constexpr QLatin1String OxOption{"-oX"};
    static constexpr QLatin1String TlsOnConnectOption{"-tls-on-connect"};

    OptionCatalog() = delete;

    static QList<Group> groups();
    static QString groupTitle(Group group);
    static QIcon groupIcon(Group group);
    /// The options of a group, in the order the editor shows them (aliases left out).
    static QStringList options(Group group);
    static Group group(const QString &option);

    static QString label(const QString &option);
    static QString description(const QString &option);
    /// Rich text: the option's name, type and default, then its description.
    static QString toolTip(const QString &option);

    /// The option a written name stands for: `no_disable_ipv6` is disable_ipv6,
    /// `daemon_smtp_port` is daemon_smtp_ports; "-oX" stays. Empty when unknown.
    static QString canonicalName(const QString &written);
};

} // namespace Mailport
