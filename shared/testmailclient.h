#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QLatin1String>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

class QSslSocket;
class QTimer;

namespace Mailport {

/// One test delivery to one endpoint: where, how, and what to send.
struct TestMailRequest
{
    enum class Mode {
        Plain,       ///< no TLS at all
        StartTls,    ///< plain connection upgraded with STARTTLS (RFC 3207)
        ImplicitTls, ///< TLS from the first byte (RFC 8314, "SMTPS", usually port 465)
    };
    static constexpr int DefaultTimeoutMs = 10000;

    /// An IP address, never a host name (no DNS lookup is ever made): "192.0.2.1", "::1",
    /// "[2001:db8::1]", "fe80::1%eth0".
    QString host;
    quint16 port = 25;
    Mode mode = Mode::Plain;
    /// The EHLO argument; empty: the address literal of the local end, e.g. "[192.0.2.7]".
    QString heloName;
    /// The name sent as SNI and checked against the certificate; empty: the address.
    QString tlsServerName;
    /// The envelope sender; empty: the null sender "<>".
    QString from;
    /// The envelope recipients; at least one.
    QStringList to;
    QString subject;
    /// The message text after the headers, with any line endings; empty: a short text naming
    /// the endpoint, the date and the Message-ID. Headers are always generated.
    QByteArray body;
    /// The longest wait for any one step: connecting, a TLS handshake, each reply. Zero or
    /// less: the default.
    int timeoutMs = DefaultTimeoutMs;
    /// With Mode::StartTls: fail when the server does not offer STARTTLS, instead of going on
    /// without TLS.
    bool requireStartTls = true;
};

/// The kebab-case name of a mode: "plain", "starttls", "implicit-tls".
QString testMailModeName(TestMailRequest::Mode mode);

/// The values of TestMailResult::failedStep. Stable names: the GUI translates them.
namespace TestMailStep {
inline constexpr QLatin1String Request{"request"}; ///< the request itself is unusable
inline constexpr QLatin1String Connect{"connect"};
inline constexpr QLatin1String Greeting{"greeting"};
inline constexpr QLatin1String Ehlo{"ehlo"}; ///< EHLO, and HELO when EHLO is not understood
inline constexpr QLatin1String StartTls{"starttls"};
inline constexpr QLatin1String TlsHandshake{"tls-handshake"};
inline constexpr QLatin1String Mail{"mail"};
inline constexpr QLatin1String Rcpt{"rcpt"};
inline constexpr QLatin1String Data{"data"}; ///< the DATA command or the reply after the message
inline constexpr QLatin1String Quit{"quit"};
inline constexpr QLatin1String Timeout{"timeout"}; ///< the error names the step that timed out
inline constexpr QLatin1String Cancelled{"cancelled"};
} // namespace TestMailStep

/// The outcome of one test delivery.
struct TestMailResult
{
    bool ok = false;
    QString failedStep;    ///< empty on success, else one of TestMailStep
    QString error;         ///< one English sentence; empty on success
    int lastReplyCode = 0; ///< of the last complete server reply; 0 if none came
    QString lastReply;     ///< that reply's lines as received, joined with '\n'
    /// Every line of the session: "C: " sent, "S: " received, "* " the client's own notes.
    /// The message itself is summarised, never included.
    QStringList transcript;
    QStringList capabilities; ///< the last EHLO reply's lines after the first: "SIZE 10240000"
    QString messageId;        ///< the Message-ID sent, without angle brackets
    /// The server's id for the accepted message, from "250 ... id=X" or "queued as X"; its
    /// presence means the message was accepted even if QUIT then failed.
    QString queueId;

    bool encrypted = false; ///< TLS was negotiated (implicit or STARTTLS)
    QString protocol;       ///< "TLSv1.3", "TLSv1.2"
    QString cipher;         ///< OpenSSL's name, e.g. "TLS_AES_256_GCM_SHA384"
    QSslCertificate peerCertificate = QSslCertificate(); // not {}: its constructor is explicit
    QList<QSslCertificate> peerCertificateChain;         ///< leaf first
    /// Verification problems, reported but ignored: a test daemon's certificate is usually
    /// self-signed.
    QList<QSslError> sslErrors;

    qint64 elapsedMs = 0;
};

/// Sends one test message to one SMTP endpoint and reports every step. Never blocks: all I/O
/// is signal-driven and each wait is bounded by a single-shot timer.
///
/// \code
/// auto *client = new TestMailClient(parent);
/// QObject::connect(client, &TestMailClient::finished, parent,
///                  [client](const TestMailResult &result) {
///                      // result.ok, or result.failedStep / result.error
///                      client->deleteLater();
///                  });
/// client->start(request);
/// \endcode
///
/// Commands go one at a time (no pipelining), so every reply belongs to a known command. After
/// a refusal the client still sends QUIT; after a timeout or a broken connection it does not.
/// Delete the client with deleteLater(), not from a slot connected to its signals.
class TestMailClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestMailClient)

public:
    enum class Direction {
        Client, ///< a command the client sent
        Server, ///< a reply line the server sent
        Info,   ///< the client's own note: connecting, TLS details, a summary of the message
    };
    Q_ENUM(Direction)

    explicit TestMailClient(QObject *parent = nullptr);
    ~TestMailClient() override;

    /// Starts a test; finished() follows exactly once, never from inside start(). Returns
    /// false and does nothing while a test is running.
    bool start(const TestMailRequest &request);
    /// Ends a running test at once, without QUIT; finished() is emitted from inside with
    /// failedStep "cancelled". Does nothing when no test is running.
    void abort();
    bool isRunning() const { return m_state != State::Idle; }

    /// The message as it goes into DATA before dot-stuffing: generated headers, an empty line,
    /// the body (or the default text), every line ending CRLF.
    static QByteArray composeMessage(const TestMailRequest &request, const QString &messageId,
                                     const QDateTime &date);
    /// The DATA payload for @p message: bare CR and bare LF turned into CRLF, a CRLF added at
    /// the end if missing, a dot doubled at the start of each line, then the final ".\r\n".
    static QByteArray dotStuff(const QByteArray &message);
    /// The server's message id in a reply to the end of DATA ("250 OK id=1rXa-0001",
    /// "250 2.0.0 Ok: queued as 4XyZ"), or an empty string.
    static QString queueIdFromReply(const QString &reply);

signals:
    void transcriptLine(Mailport::TestMailClient::Direction direction, const QString &line);
    void finished(const Mailport::TestMailResult &result);

private:
    enum class State {
        Idle,
        Connecting,
        Handshaking, ///< TLS, implicit or after STARTTLS
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        MailFrom,
        RcptTo,
        Data,
        DataContent, ///< the message is sent, waiting for the final reply
        Quit,
        QuitAfterFailure, ///< the result is decided; QUIT is only politeness
    };

    void connectToServer(quint64 generation);
    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();
    void onSocketError();
    void onTimeout();
    /// Feeds buffered bytes to the reply parser; returns false once the test has finished.
    bool processBuffer();
    bool handleReply();
    void handleGreeting(int code);
    void handleEhlo(int code);
    void handleStartTls(int code);
    void sendMailFrom();
    void sendNextRecipient();
    void sendMessage();
    void sendCommand(const QByteArray &command, State next);
    bool hasCapability(QLatin1String keyword) const;
    void armTimer();
    void note(const QString &line);
    void record(Direction direction, const QString &line);
    /// Records the failure; with @p politeQuit sends QUIT before finishing.
    void fail(const QString &step, const QString &error, bool politeQuit);
    /// @p graceful: the session ended with a reply to QUIT, so close rather than reset.
    void finish(bool graceful = false);
    QString currentStepName() const;
    QString waitingFor() const;
    QString endpoint() const;

    TestMailRequest m_request;
    TestMailResult m_result;
    QHostAddress m_address;
    QByteArray m_heloName;
    QByteArray m_payload; ///< dot-stuffed, with the final ".\r\n"
    qsizetype m_messageSize = 0;
    bool m_eightBit = false;
    QSslSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    State m_state = State::Idle;
    quint64 m_generation = 0; ///< bumped per test, so stale queued calls do nothing
    QByteArray m_buffer;
    QStringList m_replyLines;
    int m_replyCode = 0;
    qsizetype m_nextRecipient = 0;
    bool m_triedHelo = false;
};

} // namespace Mailport
