#pragma once

#include "diagnostic.h"

#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Mailport {

/// One sendmail listening socket: what one DaemonPortOptions declaration says.
///
/// Values are kept as written so that SendmailOptions::write() gives the declaration back; the
/// interpreted numbers sit beside them. sendmail's own defaults apply to keys that were not given.
struct SendmailDaemon
{
    /// sendmail's listen(2) backlog when a declaration has no Listen key.
    static constexpr int DefaultListen = 10;

    QString name; ///< Name=; empty when not given (sendmail says "DaemonN")
    QString family = QStringLiteral("inet"); ///< "inet" or "inet6"; other families as written
    QString address;                ///< Addr= as written (trimmed); empty means any address
    bool addressIsHostName = false; ///< Addr is a host name: it must be resolved before binding
    QString port = QStringLiteral("smtp"); ///< Port= as written (trimmed), or sendmail's default
    int resolvedPort = -1;      ///< the TCP port sendmail binds; -1 when it cannot be known
    int listen = DefaultListen; ///< Listen= backlog; at most 0 means the system's default
    int receiveBufSize = 0;     ///< ReceiveBufSize= in bytes; 0 (or less) leaves it unset
    int sendBufSize = 0;        ///< SendBufSize= in bytes; 0 (or less) leaves it unset
    QString modifiers;          ///< Modify= letters as sendmail keeps them, e.g. "bS"
    /// Recognised keys Mailport does not interpret (InputMailFilters, children, DeliveryMode,
    /// refuseLA, delayLA, queueLA), as "key=value" with the key as written; a key given twice
    /// keeps its last value, as in sendmail.
    QStringList otherKeys;
    /// Pairs whose key sendmail does not know, as "key=value"; sendmail ignores them.
    QStringList unknownKeys;
    int line = 0;   ///< 1-based line where the declaration starts; 0 when not from a text
    int column = 0; ///< 1-based column where the declaration starts
    /// The form the declaration was written in, one of SendmailOptions::Spelling*; empty means
    /// the sendmail.cf form.
    QString spelling;

    /// Whether Modify has the letter, e.g. 'S' (no STARTTLS) or 'O' (a socket that may fail).
    bool hasModifier(QChar letter) const { return modifiers.contains(letter); }
    friend bool operator==(const SendmailDaemon &, const SendmailDaemon &) = default;
};

/// What SendmailOptions::parse() found in a text.
struct SendmailParseResult
{
    QList<SendmailDaemon> daemons; ///< one per declaration, in the order sendmail reads them
    Diagnostics diagnostics;       ///< problems, with line and column in the text
    bool isSendmail = false;       ///< the text looks like sendmail configuration at all
};

/// Exim listening options equivalent to a set of sendmail daemons.
struct SendmailEximConversion
{
    QString localInterfaces;    ///< value for local_interfaces; empty: nothing could be converted
    QString daemonSmtpPorts;    ///< value for daemon_smtp_ports; empty: leave the option unset
    QString smtpConnectBacklog; ///< value for smtp_connect_backlog; empty: leave it unset
    Diagnostics notConvertible; ///< what Exim cannot express, one diagnostic per finding
};

/// sendmail declarations built from a set of Exim sockets.
struct SendmailFromEximResult
{
    QList<SendmailDaemon> daemons;
    Diagnostics notConvertible; ///< sockets sendmail cannot express, left out of daemons
};

/// Reads, writes and converts sendmail's DaemonPortOptions.
///
/// Pure text processing: no socket is opened and no host name is resolved (service names are
/// looked up in the services database, as sendmail does).
class SendmailOptions final
{
public:
    SendmailOptions() = delete;

    /// `O DaemonPortOptions=...` in sendmail.cf.
    static constexpr QLatin1String SpellingCf{"cf"};
    /// `OO...` in sendmail.cf (deprecated).
    static constexpr QLatin1String SpellingCfDeprecated{"cf-deprecated"};
    /// `-ODaemonPortOptions=...` on sendmail's command line.
    static constexpr QLatin1String SpellingCommandLine{"command-line"};
    /// `-oO...` on sendmail's command line (deprecated).
    static constexpr QLatin1String SpellingCommandLineDeprecated{"command-line-deprecated"};
    /// `DAEMON_OPTIONS(`...')` in sendmail.mc.
    static constexpr QLatin1String SpellingMc{"mc"};
    /// `define(`confDAEMON_OPTIONS', ``...'')` in sendmail.mc.
    static constexpr QLatin1String SpellingMcDefine{"mc-define"};

    /// The form write() renders declarations in.
    enum class Syntax {
        AsParsed, ///< each declaration in its own spelling (sendmail.cf when it has none)
        Cf,       ///< `O DaemonPortOptions=` lines
        Mc,       ///< `DAEMON_OPTIONS(`...')dnl` lines
    };

    /// Finds every DaemonPortOptions declaration in a sendmail.cf, a sendmail.mc or text holding
    /// sendmail command lines (a shell script, a unit file). The m4 forms are read when the text
    /// is m4 (see looksLikeM4()), the others otherwise.
    static SendmailParseResult parse(const QString &text);

    /// Whether a text is sendmail configuration (.cf, .mc or a DaemonPortOptions command line),
    /// judged by content alone.
    static bool looksLikeSendmail(const QString &text);

    /// Whether a text is m4 input for sendmail (a .mc file) rather than a sendmail.cf.
    static bool looksLikeM4(const QString &text);

    /// Renders declarations, one per line, each ending in a newline.
    static QString write(const QList<SendmailDaemon> &daemons, Syntax syntax = Syntax::AsParsed);

    /// The "key=value, ..." list of one declaration, without the option around it.
    static QString pairs(const SendmailDaemon &daemon);

    /// Exim's local_interfaces, daemon_smtp_ports and smtp_connect_backlog for the daemons.
    ///
    /// The any-address is 0.0.0.0 for inet and ::0 for inet6; the list uses `<;` when it holds an
    /// IPv6 address. When every socket has the same port, daemon_smtp_ports holds it and the items
    /// have none; otherwise each item carries its port (`a.b.c.d.port`, `[v6]:port`) and
    /// daemon_smtp_ports stays empty. Sockets Exim cannot have (host names, other families,
    /// unusable ports) are left out with an error; settings it cannot express are warnings. An
    /// empty list converts sendmail's built-in default daemon (any IPv4 address, port smtp).
    static SendmailEximConversion toExim(const QList<SendmailDaemon> &daemons);

    /// One declaration per Exim socket (address with an optional %scope, port), in order; the
    /// family follows the address, names are MTA-v4 / MTA-v6 (numbered when repeated) and the
    /// backlog becomes every daemon's Listen. sendmail sets no IPV6_V6ONLY, so an IPv4 wildcard
    /// that follows the IPv6 wildcard of its port gets Modify=O (sendmail skips it if the IPv6
    /// socket already holds the port). Scoped addresses and bad ports are left out with an error.
    static SendmailFromEximResult fromExim(const QList<std::pair<QString, int>> &sockets,
                                           int backlog);
};

} // namespace Mailport
