#pragma once

#include "configuration.h"
#include "diagnostic.h"
#include "listenplan.h"
#include "sendmailoptions.h"

#include <QByteArray>
#include <QString>

namespace Mailport {

/// A configuration as mailportd reads it: an Exim-syntax file, or a sendmail `.cf`/`.mc` file
/// recognised by its content, or the safe built-in default. Both the command line and the
/// daemon (at start and on reload) read configurations through this one class.
class LoadedConfiguration final
{
    Q_DECLARE_TR_FUNCTIONS(LoadedConfiguration)

public:
    /// Reads @p path. A file that cannot be read gives an error diagnostic naming it.
    static LoadedConfiguration fromFile(const QString &path);
    static LoadedConfiguration fromData(const QByteArray &data, const QString &path = QString());
    /// Loopback only (127.0.0.1, and ::1 when @p host has it), port 2525 plain and 4650 implicit
    /// TLS: safe to run on any machine.
    static LoadedConfiguration builtInDefault(const HostInterfaces &host);
    static QByteArray builtInDefaultText(bool withIpv6);

    QString path() const { return m_path; }
    bool isSendmail() const { return m_sendmail; }
    /// The Exim options; for a sendmail file, Exim's defaults for everything but listening.
    const Configuration &configuration() const { return m_config; }
    const QList<SendmailDaemon> &sendmailDaemons() const { return m_daemons; }
    /// Problems reading the file itself (syntax, unknown options, unreadable file).
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    /// The plan, with the file's own diagnostics first.
    ListenPlan plan(const PlanInputs &inputs) const;

private:
    QString m_path;
    bool m_sendmail = false;
    Configuration m_config;
    QList<SendmailDaemon> m_daemons;
    Diagnostics m_diagnostics;
};

} // namespace Mailport
