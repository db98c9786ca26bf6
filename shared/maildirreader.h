#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mailport {

/// One message in mailportd's spool, as far as its header block tells (see SpoolHeaders for the
/// format mailportd writes). Fields a message does not carry stay empty / null / 0.
struct SpoolMessage
{
    QString filePath;             ///< absolute path of the file (in new/ or cur/)
    QString id;                   ///< the unique part of the file name; the key for readRaw()
    bool isNew = true;            ///< in new/ rather than cur/ (not yet seen by a mail reader)
    QDateTime arrival;            ///< Received date; else the file name's time; else the mtime
    qint64 size = 0;              ///< file size in bytes, prepended headers included
    QString sender;               ///< envelope sender; empty for `<>`
    QStringList recipients;       ///< envelope recipients
    QString subject;              ///< decoded Subject:
    QString from;                 ///< decoded From: header
    QHostAddress listenerAddress; ///< local address that received it
    quint16 listenerPort = 0;
    QHostAddress clientAddress; ///< the real client (after PROXY)
    quint16 clientPort = 0;
    QHostAddress proxyAddress; ///< the PROXY peer; null when the connection was direct
    quint16 proxyPort = 0;
    QString heloName;
    QString tlsProtocol; ///< empty without TLS
    QString tlsCipher;
    QString protocol; ///< smtp, esmtp, esmtps, esmtpa...
    QString receivingHost;

    friend bool operator==(const SpoolMessage &, const SpoolMessage &) = default;
};

/// Reads mailportd's Maildir spool for the GUI and the control server. Only header blocks are read
/// when listing, never more than HeaderReadLimit bytes per file; files that are not mail messages
/// are skipped with a note. Stateless apart from the directory, so safe to use from any thread.
class MaildirReader final
{
public:
    /// The most bytes of a file list() reads to find its header block.
    static constexpr qint64 HeaderReadLimit = 64 * 1024;

    struct Listing
    {
        QList<SpoolMessage> messages; ///< newest first
        QStringList notes;            ///< one English line per skipped file or unreadable folder
    };

    struct RawMessage
    {
        bool ok = false;
        QByteArray data;        ///< the file's bytes, at most the requested cap
        qint64 size = 0;        ///< the file's full size
        bool truncated = false; ///< the file is larger than the cap; data holds its beginning
        QString error;          ///< English detail when !ok
    };

    /// @p directory is the spool directory, the one holding new/ and cur/.
    explicit MaildirReader(const QString &directory);
    QString directory() const { return m_directory; }

    /// Lists new/ and cur/, newest first; with @p limit >= 0 at most that many messages, chosen by
    /// the time in their file names (Maildir names start with the delivery time) so that the
    /// others need not be opened.
    Listing list(int limit = -1) const;

    /// The raw message with @p id (as in SpoolMessage::id), at most @p maxBytes of it.
    RawMessage readRaw(const QString &id, qint64 maxBytes) const;

    /// Parses a header block (everything up to the blank line; the body may follow and is
    /// ignored) into the header-derived fields of @p message. Returns false with @p error set when
    /// the bytes do not start like a mail message.
    static bool parseHeaderBlock(QByteArrayView block, SpoolMessage *message, QString *error);

    /// Decodes RFC 2047 encoded words (B and Q; UTF-8, US-ASCII, ISO-8859-1 and windows-1252) and
    /// raw UTF-8 (Latin-1 when not valid UTF-8). Words in unknown charsets stay as written.
    static QString decodeHeaderText(QByteArrayView value);

    /// The unique part of a Maildir file name ("<time>.<unique>.<host>[,S=..][:2,..]").
    static QString idFromFileName(const QString &fileName);

private:
    QString m_directory;
};

} // namespace Mailport
