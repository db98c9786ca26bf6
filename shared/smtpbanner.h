#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Mailport {

/// `smtp_banner` as Exim expands it: the whole text after the 220 code, with `$name` and
/// `${name}` replaced and a backslash taking the next character as it is. Mailport expands the
/// variables below, which is what a banner needs; any other `$` is sent as written, where Exim
/// would expand it (or, if it could not, drop every connection). A newline in the result makes a
/// multi-line greeting.
namespace SmtpBanner {

/// Mailport's default: what Exim's default says, without the version and the time.
inline constexpr char DefaultBanner[] = "$smtp_active_hostname ESMTP Mailport";

struct Variables
{
    QString hostname;         ///< $smtp_active_hostname and $primary_hostname
    QString version;          ///< $version_number: Mailport's
    QDateTime now;            ///< $tod_full, $tod_log
    qint64 pid = 0;           ///< $pid
    QHostAddress client;      ///< $sender_host_address
    quint16 clientPort = 0;   ///< $sender_host_port
    QHostAddress listener;    ///< $received_ip_address, $interface_address
    quint16 listenerPort = 0; ///< $received_port, $interface_port
};

/// The variable names expand() replaces, without the `$`.
const QStringList &variableNames();

QString expand(const QString &banner, const Variables &variables);

/// The `$` references in @p banner that expand() leaves as written, each as written: `$foo`,
/// `${foo}`, `${if`.
QStringList unexpanded(const QString &banner);

} // namespace SmtpBanner
} // namespace Mailport
