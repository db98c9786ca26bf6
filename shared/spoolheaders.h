#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Mailport {

/// Everything mailportd knows about one accepted message besides its content. The spool records it
/// in the headers it prepends, and MaildirReader reads it back from there.
struct SpoolEnvelope
{
    QString sender;             ///< envelope sender without angle brackets; empty for `<>`
    QStringList recipients;     ///< accepted envelope recipients, in RCPT order
    QString heloName;           ///< the EHLO/HELO argument; empty when the client sent none
    QHostAddress clientAddress; ///< the real client (taken from the PROXY header when proxied)
    quint16 clientPort = 0;
    QHostAddress
        listenerAddress;      ///< local address that accepted the connection ($received_ip_address)
    quint16 listenerPort = 0; ///< local port ($received_port)
    QString tlsProtocol;      ///< e.g. "TLS1.3"; empty without TLS
    QString tlsCipher; ///< standard cipher name, e.g. "TLS_AES_256_GCM_SHA384"; empty without TLS
    QString protocol;  ///< received protocol: smtp, esmtp, esmtps, esmtpa, esmtpsa...
    QString receivingHost;     ///< primary_hostname of the receiving daemon
    QHostAddress proxyAddress; ///< the PROXY protocol peer; null when the connection was direct
    quint16 proxyPort = 0;
    QDateTime arrival; ///< when the message was accepted (rendered with its own UTC offset)
};

/// What a `Received:` header says, as far as it follows the format mailportd (or Exim) writes.
/// Fields the header does not carry stay empty / null / 0.
struct ReceivedFields
{
    QString clientHost; ///< the word after "from": "[192.0.2.1]" or a host name
    QHostAddress clientAddress;
    quint16 clientPort = 0;
    QString heloName;
    QHostAddress proxyAddress;
    quint16 proxyPort = 0;
    QString receivingHost; ///< the word after "by"
    QHostAddress listenerAddress;
    quint16 listenerPort = 0;
    QString protocol; ///< the word after "with"
    QString tlsProtocol;
    QString tlsCipher;
    QString envelopeFrom; ///< from "(envelope-from <...>)"; empty for `<>` or when absent
    QString id;           ///< the word after "id"
    QString forRecipient; ///< the word after "for" (only written for a single recipient)
    QDateTime date;       ///< after the last ';'; invalid when missing or malformed
    QString software;     ///< e.g. "Mailport 0.1.0" or "Exim 4.96"
};

/// The format of the headers mailportd prepends to every stored message, written and parsed in this
/// one place so that the daemon's spool and the readers can never drift apart.
///
/// A stored message starts like this (lines folded at 78 columns when longer):
/// @code
/// Return-Path: <alice@example.org>
/// Envelope-to: bob@example.net, carol@example.net
/// Received: from [192.0.2.10] (port=50122 helo=client.example.org proxy=[10.0.0.1]:41000)
///         by mx.example.net ([198.51.100.1]:25) with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384
///         (Mailport 0.1.0)
///         (envelope-from <alice@example.org>)
///         id 1rAbCd-00012X-a9Zz
///         for bob@example.net;
///         Thu, 01 Feb 2024 10:00:00 +0000
/// @endcode
namespace SpoolHeaders {

inline constexpr char ReturnPath[] = "Return-Path";
inline constexpr char EnvelopeTo[] = "Envelope-to";
inline constexpr char Received[] = "Received";

/// Lines are folded before this many characters where the content allows it (RFC 5322 2.1.1).
inline constexpr int FoldColumn = 78;

/// Renders Return-Path, Envelope-to and Received for @p envelope, each line ending in CRLF.
/// Control characters in any field become '?', so nothing a client sent can start a new header;
/// the HELO name additionally loses spaces, parentheses and backslashes and is capped at 255.
QByteArray render(const SpoolEnvelope &envelope, const QString &messageId);

/// The `Received:` header alone (name included, CRLF terminated).
QByteArray renderReceived(const SpoolEnvelope &envelope, const QString &messageId);

/// RFC 5322 date-time, e.g. "Thu, 01 Feb 2024 10:00:00 +0000", in @p time's own offset from UTC.
QByteArray formatDate(const QDateTime &time);

/// The HELO name exactly as render() writes it, for callers that want to compare.
QString sanitizedHelo(const QString &helo);

/// Parses the (unfolded or folded) value of a `Received:` header. Never fails: unknown parts are
/// ignored and the fields found are returned.
ReceivedFields parseReceived(QByteArrayView value);

/// Parses "<addr>" (or a bare address) as in `Return-Path:`; "<>" gives an empty string.
QString parseReturnPath(QByteArrayView value);

/// Splits an address list such as `Envelope-to:` at commas outside quotes, trimming each address.
QStringList parseAddressList(QByteArrayView value);

/// Parses "[address]:port", "[address]" or "address" into its parts. Returns false when the
/// address part is not an IP address.
bool parseAddressLiteral(QStringView text, QHostAddress *address, quint16 *port);

} // namespace SpoolHeaders
} // namespace Mailport
