#pragma once

#include "maildirspool.h"
#include "smtpconnection.h"
#include "smtpsession.h"

#include <QString>

#include <functional>

namespace Mailport {

/// Hands an accepted SmtpMessage to the spool and writes the Exim-style log line about it: `<=`
/// for an arrival (H=, P=, PRX=, X=, S=, id=), a temporary rejection with the reason otherwise.
/// Never logs a body.
class MessageStore final
{
public:
    using LogFunction = std::function<void(const QString &)>;

    /// Details of a stored message for counters and control events.
    struct Arrival
    {
        QString id;
        QString filePath;
        qint64 size = 0;
        QString messageId; ///< the Message-ID header, without angle brackets; may be empty
    };

    MessageStore(MaildirSpool *spool, LogFunction log);

    void setSpool(MaildirSpool *spool) { m_spool = spool; }
    MaildirSpool *spool() const { return m_spool; }
    /// primary_hostname, for the Received header.
    void setReceivingHost(const QString &host) { m_receivingHost = host; }

    StoreOutcome store(const SmtpMessage &message, Arrival *arrival = nullptr);
    /// store() without the spool: turns what the spool (or a SpoolCommitter) did with
    /// @p message into the session's outcome, and logs it.
    StoreOutcome record(const SmtpMessage &message, const MaildirSpool::StoreResult &result,
                        Arrival *arrival = nullptr);

    static SpoolEnvelope envelopeOf(const SmtpMessage &message, const QString &receivingHost);
    /// Exim's host field: `H=(helo) [192.0.2.1]:1234`.
    static QString hostField(const SmtpMessage &message);
    /// The Message-ID header of @p data (looked for in the header block only), without brackets.
    static QString messageIdHeader(QByteArrayView data);

private:
    MaildirSpool *m_spool;
    LogFunction m_log;
    QString m_receivingHost;
};

} // namespace Mailport
