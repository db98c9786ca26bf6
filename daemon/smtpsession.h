#pragma once

#include "smtpbanner.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Mailport {

/// What one listener and the global configuration decide for every session it accepts.
struct SmtpSessionSettings
{
    QString hostname = QStringLiteral("localhost");
    /// smtp_banner, expanded when a session starts (see SmtpBanner).
    QString banner = QString::fromLatin1(SmtpBanner::DefaultBanner);
    /// 0 means no configured limit; an internal cap still bounds memory.
    qint64 messageSizeLimit = 50 * 1024 * 1024;
    /// Recipients beyond this get 452 4.5.3; 0 means only the internal cap applies.
    int recipientsMax = 100;
    /// A usable certificate exists, so STARTTLS may be offered.
    bool tlsAvailable = false;
    /// Per listener (sendmail's Modify=S switches it off).
    bool advertiseStartTls = true;
    /// The session is on an SMTPS port: the owner completed the handshake before start().
    bool implicitTls = false;
    /// Syntax and protocol errors tolerated before 421; 0 means no limit.
    int maxErrors = 10;
    /// Asked at MAIL with the SIZE value (or 0); false answers 452 4.3.1. Empty means always true.
    std::function<bool(qint64)> spaceAvailable;
};

struct SmtpPeer
{
    QHostAddress address;
    quint16 port = 0;
    QHostAddress localAddress;
    quint16 localPort = 0;
};

enum class SmtpBodyType { Unspecified, SevenBit, EightBitMime, BinaryMime };

/// A message the protocol accepted; the owner stores it and then answers the session.
struct SmtpMessage
{
    QString sender; // empty for the null reverse-path <>
    QStringList recipients;
    /// DATA: CRLF lines, dot-unstuffed, without the final ".". BDAT: the chunks as received.
    QByteArray data;
    QString heloName;
    SmtpPeer peer;             // the real client (from the PROXY header when there was one)
    QHostAddress proxyAddress; // null unless the connection came through a PROXY header
    quint16 proxyPort = 0;
    QString tlsProtocol; // empty without TLS
    QString tlsCipher;
    QString protocol; // Exim's names: smtp, esmtp, smtps, esmtps
    SmtpBodyType bodyType = SmtpBodyType::Unspecified;
    bool smtpUtf8 = false;
    bool chunked = false;     // received with BDAT
    qint64 declaredSize = -1; // MAIL's SIZE=, -1 when absent
    qint64 size = 0;
};

struct SmtpEvent
{
    enum class Type {
        /// The 220 to STARTTLS is in the output: flush it, start the handshake, then call
        /// tlsEstablished(). Any input before that is treated as injection.
        StartTls,
        /// Flush the output, then close the connection.
        Close,
        /// Store `message`, then call messageStored() or messageFailed().
        Message,
        /// `text` is an Exim-style log line (without timestamp and message id); never a body.
        Log,
    };

    Type type = Type::Log;
    QString text;
    SmtpMessage message;
};

/// The SMTP server protocol of one connection, without any I/O: bytes in, replies and events out.
///
/// After every call that can produce something (start, feed, timeout, tlsEstablished,
/// messageStored, messageFailed) the owner writes takeOutput() and then handles takeEvents():
/// at most the last event of a batch is StartTls, Close or Message, and no output follows it.
class SmtpSession final
{
public:
    SmtpSession(SmtpSessionSettings settings, SmtpPeer peer);
    ~SmtpSession();
    Q_DISABLE_COPY_MOVE(SmtpSession)

    /// Before start(): the PROXY header named `realClient`; the TCP peer becomes the proxy.
    void setProxiedPeer(const SmtpPeer &realClient);
    /// Before start(): the required PROXY header failed; every command but QUIT gets 503.
    void proxyFailed();

    /// Sends the greeting. Bytes fed before this are early talk: 554 5.5.0 and Close, so an owner
    /// that delays the greeting (an early-talker check) feeds what arrived meanwhile first.
    void start();
    void feed(QByteArrayView bytes);
    /// The owner's idle or data-rate timer fired.
    void timeout();
    /// The handshake after StartTls finished (or, for implicit TLS, before start()).
    void tlsEstablished(const QString &protocol, const QString &cipher);
    void messageStored(const QString &id);
    /// temporary: 451 4.3.0 (452 4.3.1 when insufficientStorage); permanent: 554 5.3.0.
    void messageFailed(bool temporary, const QString &reason, bool insufficientStorage = false);

    QByteArray takeOutput();
    QList<SmtpEvent> takeEvents();

    bool isStarted() const { return m_started; }
    bool isClosed() const { return m_closed; }
    bool isInTls() const { return m_inTls; }
    /// A Message event is out and the session waits for the owner's answer; input is buffered.
    bool isWaitingForStore() const { return m_waiting; }
    /// Inside DATA or a BDAT chunk (for a minimum-data-rate check).
    bool isReceivingData() const { return m_mode == Mode::Data || m_mode == Mode::Bdat; }
    /// Input and message bytes held; bounded whatever the client sends.
    qsizetype bufferedBytes() const;
    const SmtpPeer &peer() const { return m_peer; }
    /// Exim's host field for log lines, e.g. `H=(helo) [192.0.2.1]:1234`.
    QString hostField() const;

private:
    enum class Mode { Command, DiscardLine, Data, Bdat, TlsHandshake };

    struct Transaction
    {
        bool active = false;
        QString sender;
        QStringList recipients;
        SmtpBodyType bodyType = SmtpBodyType::Unspecified;
        bool smtpUtf8 = false;
        qint64 declaredSize = -1;
        bool usedBdat = false;
        QByteArray data;
    };

    // DATA is scanned as a byte stream, so state survives any split of the input.
    struct DataScan
    {
        bool atLineStart = true;
        bool pendingCr = false;
        bool dotLine = false;
        qsizetype lineLength = 0;
        bool bareLineEnding = false;
        bool lineTooLong = false;
        bool tooBig = false;
        qint64 size = 0;
    };

    struct BdatChunk
    {
        qint64 remaining = 0;
        qint64 size = 0;
        bool last = false;
        QByteArray rejection;         // non-empty: discard the chunk, then send this
        bool failTransaction = false; // the rejection also ends the transaction
    };

    void process();
    bool processCommandLine();
    bool processDiscardLine();
    bool processData();
    bool processBdat();
    void handleCommand(const QByteArray &line, bool moreInput);

    void commandEhlo(const QByteArray &args, bool extended);
    void commandMail(const QByteArray &args);
    void commandRcpt(const QByteArray &args);
    void commandData(const QByteArray &args);
    void commandBdat(const QByteArray &line, const QByteArray &args);
    void commandStartTls(const QByteArray &args);

    void finishData();
    void finishBdat();
    void deliver();
    void resetTransaction();

    void resume();
    void reply(const QByteArray &line);
    // Counts towards maxErrors; an empty reason logs nothing (the caller logged already).
    void protocolError(const QByteArray &replyLine, const QString &reason);
    void closeWith(const QByteArray &replyLine, const QString &logText);
    void log(const QString &text);
    qint64 effectiveSizeLimit() const;
    int effectiveRecipientsMax() const;
    QString protocolName() const;
    QString envelopeField() const;

    SmtpSessionSettings m_settings;
    SmtpPeer m_peer;
    QHostAddress m_proxyAddress;
    quint16 m_proxyPort = 0;
    QByteArray m_host; // hostname as sent in replies

    Mode m_mode = Mode::Command;
    bool m_started = false;
    bool m_closed = false;
    bool m_waiting = false;
    bool m_inTls = false;
    bool m_proxyFailed = false;
    bool m_pendingOverflow = false;
    QString m_tlsProtocol;
    QString m_tlsCipher;

    QString m_helo;
    bool m_heloSeen = false;
    bool m_extended = false; // EHLO, so PIPELINING and the extensions were advertised
    bool m_startTlsAdvertised = false;
    int m_errors = 0;
    QString m_lastCommand; // printable excerpt, for log lines

    Transaction m_txn;
    DataScan m_scan;
    BdatChunk m_chunk;

    QByteArray m_in;
    qsizetype m_inPos = 0;
    QByteArray m_out;
    QList<SmtpEvent> m_events;
};

} // namespace Mailport
