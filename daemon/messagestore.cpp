#include "messagestore.h"

#include "spoolheaders.h"

#include <QDateTime>

namespace Mailport {

namespace {

// A Message-ID longer than this is cut in the log: the line stays readable and bounded.
constexpr qsizetype kMaxLoggedMessageId = 255;
constexpr qsizetype kHeaderScanLimit = 64 * 1024;

QString printable(QByteArrayView bytes)
{
    QString text = QString::fromUtf8(bytes);
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    return text;
}

} // namespace

MessageStore::MessageStore(MaildirSpool *spool, LogFunction log)
    : m_spool(spool)
    , m_log(std::move(log))
{}

SpoolEnvelope MessageStore::envelopeOf(const SmtpMessage &message, const QString &receivingHost)
{
    SpoolEnvelope envelope;
    envelope.sender = message.sender;
    envelope.recipients = message.recipients;
    envelope.heloName = message.heloName;
    envelope.clientAddress = message.peer.address;
    envelope.clientPort = message.peer.port;
    envelope.listenerAddress = message.peer.localAddress;
    envelope.listenerPort = message.peer.localPort;
    envelope.tlsProtocol = message.tlsProtocol;
    envelope.tlsCipher = message.tlsCipher;
    envelope.protocol = message.protocol;
    envelope.receivingHost = receivingHost;
    envelope.proxyAddress = message.proxyAddress;
    envelope.proxyPort = message.proxyPort;
    envelope.arrival = QDateTime::currentDateTime();
    return envelope;
}

QString MessageStore::hostField(const SmtpMessage &message)
{
    QString field = QStringLiteral("H=");
    if (!message.heloName.isEmpty())
        field += u'(' + SpoolHeaders::sanitizedHelo(message.heloName) + QStringLiteral(") ");
    field += QStringLiteral("[%1]:%2").arg(message.peer.address.toString()).arg(message.peer.port);
    return field;
}

QString MessageStore::messageIdHeader(QByteArrayView data)
{
    const QByteArrayView head = data.first(qMin(data.size(), kHeaderScanLimit));
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype end = head.indexOf('\n', start);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the end of the header block
        if (line.size() > 11
            && QByteArrayView(line.first(11)).compare("Message-ID:", Qt::CaseInsensitive) == 0) {
            QByteArray value = line.sliced(11).trimmed().toByteArray();
            if (value.startsWith('<') && value.endsWith('>'))
                value = value.sliced(1, value.size() - 2);
            return printable(value.left(kMaxLoggedMessageId));
        }
        start = end + 1;
    }
    return {};
}

StoreOutcome MessageStore::store(const SmtpMessage &message, Arrival *arrival)
{
    StoreOutcome outcome;
    if (!m_spool || !m_spool->isOpen()) {
        outcome.reason = QStringLiteral("spool not available");
        if (m_log)
            m_log(QStringLiteral("%1 F=<%2> temporarily rejected after DATA: %3")
                      .arg(hostField(message), message.sender, outcome.reason));
        return outcome;
    }
    return record(message, m_spool->store(envelopeOf(message, m_receivingHost), message.data),
                  arrival);
}

StoreOutcome MessageStore::record(const SmtpMessage &message,
                                  const MaildirSpool::StoreResult &result, Arrival *arrival)
{
    StoreOutcome outcome;
    const QString sender = message.sender.isEmpty() ? QStringLiteral("<>") : message.sender;
    if (!result.ok()) {
        outcome.reason = result.message;
        outcome.insufficientStorage = result.status == MaildirSpool::Status::NoSpace;
        if (m_log)
            m_log(
                QStringLiteral("%1 F=<%2> temporarily rejected after DATA: spool write failed: %3")
                    .arg(hostField(message), message.sender, result.message));
        return outcome;
    }
    outcome.ok = true;
    outcome.id = result.id;
    const QString messageId = messageIdHeader(message.data);
    if (arrival)
        *arrival = {result.id, result.filePath, result.size, messageId};
    if (m_log) {
        QString line = QStringLiteral("%1 <= %2 %3 P=%4")
                           .arg(result.id, sender, hostField(message), message.protocol);
        if (!message.proxyAddress.isNull())
            line += QStringLiteral(" PRX=%1").arg(message.proxyAddress.toString());
        if (!message.tlsProtocol.isEmpty())
            line += QStringLiteral(" X=%1:%2").arg(message.tlsProtocol, message.tlsCipher);
        line += QStringLiteral(" S=%1").arg(result.size);
        if (!messageId.isEmpty())
            line += QStringLiteral(" id=%1").arg(messageId);
        m_log(line);
    }
    return outcome;
}

} // namespace Mailport
