#include "smtpsession.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringDecoder>

#include <algorithm>
#include <cstring>
#include <utility>

namespace Mailport {

namespace {

// RFC 5321 4.5.3.1.4: a command line is at most 512 octets including CR LF.
constexpr qsizetype kMaxCommandLine = 512;
// RFC 5321 4.5.3.1.6: a text line is at most 1000 octets including CR LF, the stuffed dot excluded.
constexpr qsizetype kMaxTextLineContent = 998;
// A banner with more newlines is cut: the greeting stays a few lines, not a flood.
constexpr qsizetype kMaxGreetingLines = 20;
// Bounds memory when no message_size_limit is configured.
constexpr qint64 kHardMessageMax = qint64(1) << 30;
constexpr int kHardRecipientsMax = 10000;
// Input held while the owner stores a message; a legitimate pipelined group is far smaller.
constexpr qsizetype kMaxPendingInput = qsizetype(1) << 20;
// Keeps SIZE= and BDAT counts far from qint64 overflow.
constexpr qsizetype kMaxCountDigits = 15;
constexpr qsizetype kLogExcerpt = 80;
constexpr qsizetype kMaxReplyText = 200;

bool isDigits(QByteArrayView s)
{
    return !s.isEmpty()
           && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool hasNonAscii(QByteArrayView s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<uchar>(c) >= 0x80; });
}

bool isValidUtf8(QByteArrayView s)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(s);
    return !decoder.hasError();
}

bool startsWithCaseInsensitive(QByteArrayView s, QByteArrayView prefix)
{
    return s.size() >= prefix.size() && qstrnicmp(s.data(), prefix.data(), prefix.size()) == 0;
}

// Exim's string_printing(): untrusted bytes become one readable, bounded log token.
QString printable(QByteArrayView s, qsizetype max = kLogExcerpt)
{
    QString out;
    for (qsizetype i = 0; i < s.size() && i < max; ++i) {
        const auto c = static_cast<uchar>(s[i]);
        if (c == '\r') {
            out += QLatin1String("\\r");
        } else if (c == '\n') {
            out += QLatin1String("\\n");
        } else if (c == '\t') {
            out += QLatin1String("\\t");
        } else if (c == '\\' || c == '"') {
            out += QLatin1Char('\\');
            out += QLatin1Char(char(c));
        } else if (c < 0x20 || c >= 0x7f) {
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        } else {
            out += QLatin1Char(char(c));
        }
    }
    if (s.size() > max)
        out += QLatin1String("...");
    return out;
}

// Text from the owner or the configuration must never split a reply line.
QByteArray replyText(const QString &text)
{
    QByteArray out = text.toUtf8().left(kMaxReplyText);
    for (char &c : out) {
        const auto u = static_cast<uchar>(c);
        if (u < 0x20 || u >= 0x7f)
            c = '?';
    }
    return out;
}

QString addressText(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

bool isAtext(uchar c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80)
        return true;
    return std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr && c != 0;
}

bool isValidDotString(QByteArrayView s)
{
    if (s.isEmpty() || s.front() == '.' || s.back() == '.')
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const auto c = static_cast<uchar>(s[i]);
        if (c == '.') {
            if (s[i - 1] == '.')
                return false;
        } else if (!isAtext(c)) {
            return false;
        }
    }
    return true;
}

bool isValidDomain(QByteArrayView s, bool allowUnderscore)
{
    if (s.isEmpty() || s.size() > 255)
        return false;
    qsizetype labelStart = 0;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '.') {
            const qsizetype length = i - labelStart;
            if (length < 1 || length > 63 || s[labelStart] == '-' || s[i - 1] == '-')
                return false;
            labelStart = i + 1;
            continue;
        }
        const auto c = static_cast<uchar>(s[i]);
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c >= 0x80 || (allowUnderscore && c == '_');
        if (!ok)
            return false;
    }
    return true;
}

bool isValidIpv4(QByteArrayView s)
{
    int parts = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        if (i < s.size() && s[i] != '.')
            continue;
        const QByteArrayView part = s.sliced(start, i - start);
        if (!isDigits(part) || part.size() > 3 || part.toByteArray().toInt() > 255)
            return false;
        ++parts;
        start = i + 1;
    }
    return parts == 4;
}

// RFC 5321 address-literal: [IPv4] or [IPv6:...].
bool isValidAddressLiteral(QByteArrayView s)
{
    if (s.size() < 3 || s.front() != '[' || s.back() != ']')
        return false;
    const QByteArrayView inner = s.sliced(1, s.size() - 2);
    if (startsWithCaseInsensitive(inner, "IPv6:")) {
        const QHostAddress address(QString::fromLatin1(inner.sliced(5)));
        return address.protocol() == QAbstractSocket::IPv6Protocol && !inner.contains('%');
    }
    return isValidIpv4(inner);
}

bool isValidHeloName(QByteArrayView s)
{
    if (hasNonAscii(s))
        return false;
    return s.startsWith('[') ? isValidAddressLiteral(s) : isValidDomain(s, true);
}

// RFC 5321 Mailbox; non-ASCII bytes pass here and are checked against SMTPUTF8 by the caller.
bool isValidMailbox(QByteArrayView s)
{
    qsizetype at = -1;
    if (s.startsWith('"')) {
        qsizetype i = 1;
        for (; i < s.size(); ++i) {
            const auto c = static_cast<uchar>(s[i]);
            if (c == '\\') {
                if (i + 1 >= s.size())
                    return false;
                const auto next = static_cast<uchar>(s[i + 1]);
                if (next < 0x20 || next == 0x7f)
                    return false;
                ++i;
            } else if (c == '"') {
                break;
            } else if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        at = i + 1;
        if (i >= s.size() || at >= s.size() || s[at] != '@')
            return false;
    } else {
        at = s.lastIndexOf('@');
        if (at <= 0 || !isValidDotString(s.first(at)))
            return false;
    }
    const QByteArrayView domain = s.sliced(at + 1);
    return domain.startsWith('[') ? isValidAddressLiteral(domain) : isValidDomain(domain, false);
}

struct Path
{
    bool ok = false;
    QByteArray mailbox;
    QByteArrayView parameters;
};

// Accepts "<mailbox>", "<>", a source route "<@a,@b:mailbox>" (dropped, RFC 5321 C) and, as
// most MTAs do, a bare mailbox without brackets.
Path parsePath(QByteArrayView s)
{
    while (s.startsWith(' '))
        s = s.sliced(1);
    if (s.isEmpty())
        return {};
    QByteArrayView inner;
    QByteArrayView rest;
    if (s.front() == '<') {
        bool quoted = false;
        qsizetype i = 1;
        for (; i < s.size(); ++i) {
            const char c = s[i];
            if (quoted) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '>' || c == '<') {
                break;
            }
        }
        if (i >= s.size() || s[i] != '>')
            return {};
        inner = s.sliced(1, i - 1);
        rest = s.sliced(i + 1);
        if (inner.startsWith('@')) {
            const qsizetype colon = inner.indexOf(':');
            if (colon < 0)
                return {};
            for (const QByteArrayView hop : inner.first(colon).toByteArray().split(',')) {
                if (!hop.startsWith('@') || !isValidDomain(hop.sliced(1), false))
                    return {};
            }
            inner = inner.sliced(colon + 1);
            if (inner.isEmpty())
                return {};
        }
    } else {
        const qsizetype space = s.indexOf(' ');
        inner = space < 0 ? s : s.first(space);
        rest = space < 0 ? QByteArrayView() : s.sliced(space);
        if (inner.contains('<') || inner.contains('>'))
            return {};
    }
    if (!rest.isEmpty() && rest.front() != ' ')
        return {};
    return {true, inner.toByteArray(), rest};
}

QList<QByteArray> words(QByteArrayView s)
{
    QList<QByteArray> out;
    for (const QByteArray &w : s.toByteArray().split(' ')) {
        if (!w.isEmpty())
            out.append(w);
    }
    return out;
}

bool looksLikeOtherProtocol(QByteArrayView line)
{
    static constexpr const char *prefixes[] = {
        "GET ",     "HEAD ",           "POST ",         "PUT ",        "DELETE ",
        "OPTIONS ", "CONNECT ",        "TRACE ",        "PATCH ",      "PRI * HTTP",
        "SSH-",     "Host:",           "User-Agent:",   "Accept:",     "Referer:",
        "Cookie:",  "Content-Length:", "Content-Type:", "Connection:",
    };
    for (const char *prefix : prefixes) {
        if (startsWithCaseInsensitive(line, QByteArrayView(prefix)))
            return true;
    }
    return false;
}

// RFC 2920 3.1: the client must wait for the reply to these before sending more.
bool endsPipelineGroup(QByteArrayView verb, QByteArrayView args)
{
    static constexpr const char *verbs[]
        = {"EHLO", "HELO", "DATA", "STARTTLS", "QUIT", "NOOP", "VRFY", "EXPN", "TURN"};
    for (const char *v : verbs) {
        if (verb == QByteArrayView(v))
            return true;
    }
    return verb == "AUTH" && words(args).size() < 2;
}

} // namespace

SmtpSession::SmtpSession(SmtpSessionSettings settings, SmtpPeer peer)
    : m_settings(std::move(settings))
    , m_peer(std::move(peer))
    , m_host(replyText(m_settings.hostname))
    , m_inTls(m_settings.implicitTls)
{}

SmtpSession::~SmtpSession() = default;

void SmtpSession::setProxiedPeer(const SmtpPeer &realClient)
{
    if (m_started)
        return;
    m_proxyAddress = m_peer.address;
    m_proxyPort = m_peer.port;
    m_peer = realClient;
}

void SmtpSession::proxyFailed()
{
    m_proxyFailed = true;
}

void SmtpSession::start()
{
    if (m_started || m_closed)
        return;
    m_started = true;
    SmtpBanner::Variables variables;
    variables.hostname = m_settings.hostname;
    variables.version = QStringLiteral(MAILPORT_VERSION);
    variables.now = QDateTime::currentDateTime();
    variables.pid = QCoreApplication::applicationPid();
    variables.client = m_peer.address;
    variables.clientPort = m_peer.port;
    variables.listener = m_peer.localAddress;
    variables.listenerPort = m_peer.localPort;
    // Exim's greeting is the expanded banner after "220"; a newline makes more lines.
    QStringList lines = SmtpBanner::expand(m_settings.banner, variables).split(u'\n');
    if (lines.size() > kMaxGreetingLines)
        lines.resize(kMaxGreetingLines);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray text = replyText(lines.at(i));
        reply((i + 1 < lines.size() ? "220-" : "220 ") + text);
    }
}

void SmtpSession::feed(QByteArrayView bytes)
{
    if (m_closed || bytes.isEmpty())
        return;
    if (!m_started) {
        closeWith(
            "554 5.5.0 SMTP synchronization error",
            QStringLiteral("SMTP protocol synchronization error (input sent without waiting for "
                           "greeting): rejected connection from %1 input=\"%2\"")
                .arg(hostField(), printable(bytes, 32)));
        return;
    }
    if (m_mode == Mode::TlsHandshake) {
        // No plaintext reply can reach the client in the middle of its handshake.
        log(QStringLiteral("SMTP protocol error: input during TLS negotiation after STARTTLS "
                           "(command injection?) %1")
                .arg(hostField()));
        m_closed = true;
        m_events.append({SmtpEvent::Type::Close, {}, {}});
        return;
    }
    if (m_waiting) {
        if (m_pendingOverflow || m_in.size() - m_inPos + bytes.size() > kMaxPendingInput) {
            m_pendingOverflow = true;
            return;
        }
        m_in.append(bytes);
        return;
    }
    m_in.append(bytes);
    process();
}

void SmtpSession::timeout()
{
    if (m_closed)
        return;
    const QString what
        = isReceivingData()
              ? QStringLiteral("SMTP data timeout (message abandoned) on connection from %1%2")
                    .arg(hostField(), envelopeField())
              : QStringLiteral("SMTP command timeout on connection from %1").arg(hostField());
    closeWith("421 4.4.2 " + m_host + " Error: timeout exceeded", what);
}

void SmtpSession::tlsEstablished(const QString &protocol, const QString &cipher)
{
    if (m_closed || (m_started && m_mode != Mode::TlsHandshake)) {
        qCWarning(lcSmtp) << "tlsEstablished() without a pending TLS negotiation ignored";
        return;
    }
    m_inTls = true;
    m_tlsProtocol = protocol;
    m_tlsCipher = cipher;
    if (m_mode != Mode::TlsHandshake)
        return;
    // RFC 3207 4.2: everything learned before TLS is discarded.
    m_mode = Mode::Command;
    resetTransaction();
    m_helo.clear();
    m_heloSeen = false;
    m_extended = false;
    m_startTlsAdvertised = false;
    process();
}

void SmtpSession::messageStored(const QString &id)
{
    if (!m_waiting || m_closed) {
        qCWarning(lcSmtp) << "messageStored() without a pending message ignored";
        return;
    }
    m_waiting = false;
    reply("250 2.0.0 OK id=" + replyText(id));
    resume();
}

void SmtpSession::messageFailed(bool temporary, const QString &reason, bool insufficientStorage)
{
    if (!m_waiting || m_closed) {
        qCWarning(lcSmtp) << "messageFailed() without a pending message ignored";
        return;
    }
    m_waiting = false;
    const QByteArray text = replyText(reason);
    if (!temporary)
        reply("554 5.3.0 " + text);
    else if (insufficientStorage)
        reply("452 4.3.1 Insufficient system storage: " + text);
    else
        reply("451 4.3.0 Local error in processing: " + text);
    log(QStringLiteral("%1 %2 rejected after DATA: %3")
            .arg(hostField(),
                 temporary ? QStringLiteral("temporarily") : QStringLiteral("permanently"),
                 printable(reason.toUtf8(), kMaxReplyText)));
    resume();
}

QByteArray SmtpSession::takeOutput()
{
    return std::exchange(m_out, {});
}

QList<SmtpEvent> SmtpSession::takeEvents()
{
    return std::exchange(m_events, {});
}

qsizetype SmtpSession::bufferedBytes() const
{
    return m_in.size() + m_txn.data.size();
}

QString SmtpSession::hostField() const
{
    QString field = QStringLiteral("H=");
    if (!m_helo.isEmpty())
        field += QLatin1Char('(') + m_helo + QLatin1String(") ");
    return field + QStringLiteral("[%1]:%2").arg(addressText(m_peer.address)).arg(m_peer.port);
}

void SmtpSession::resume()
{
    if (m_pendingOverflow) {
        closeWith("421 4.7.0 " + m_host + " Too much pipelined input, closing connection",
                  QStringLiteral("SMTP call from %1 dropped: too much input sent while a message "
                                 "was being stored")
                      .arg(hostField()));
        return;
    }
    process();
}

void SmtpSession::process()
{
    while (!m_closed && !m_waiting) {
        bool progressed = false;
        switch (m_mode) {
        case Mode::Command:
            progressed = processCommandLine();
            break;
        case Mode::DiscardLine:
            progressed = processDiscardLine();
            break;
        case Mode::Data:
            progressed = processData();
            break;
        case Mode::Bdat:
            progressed = processBdat();
            break;
        case Mode::TlsHandshake:
            break;
        }
        if (!progressed)
            break;
    }
    if (m_closed) {
        m_in.clear();
        m_inPos = 0;
    } else if (m_inPos > 0) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
}

bool SmtpSession::processCommandLine()
{
    const qsizetype available = m_in.size() - m_inPos;
    if (available == 0)
        return false;
    const char *begin = m_in.constData() + m_inPos;
    if (begin[0] == '\x16') {
        // A TLS record: a client speaking implicit TLS to a plaintext port.
        closeWith("421 4.7.0 " + m_host + " This is an SMTP server; closing connection",
                  QStringLiteral("SMTP call from %1 dropped: TLS handshake on a plaintext port")
                      .arg(hostField()));
        return true;
    }
    const auto *lf = static_cast<const char *>(
        std::memchr(begin, '\n', size_t(std::min(available, kMaxCommandLine))));
    if (!lf) {
        if (available >= kMaxCommandLine) {
            // Bounded memory: the rest of an over-long line is dropped, never buffered.
            m_inPos += kMaxCommandLine;
            m_mode = Mode::DiscardLine;
            return true;
        }
        return false;
    }
    const qsizetype length = lf - begin;
    QByteArray line(begin, length);
    if (line.endsWith('\r'))
        line.chop(1);
    m_inPos += length + 1;
    handleCommand(line, m_inPos < m_in.size());
    return true;
}

bool SmtpSession::processDiscardLine()
{
    const qsizetype available = m_in.size() - m_inPos;
    if (available == 0)
        return false;
    const char *begin = m_in.constData() + m_inPos;
    const auto *lf = static_cast<const char *>(std::memchr(begin, '\n', size_t(available)));
    if (!lf) {
        m_inPos = m_in.size();
        return false;
    }
    m_inPos += (lf - begin) + 1;
    m_mode = Mode::Command;
    m_lastCommand = QStringLiteral("(line too long)");
    protocolError("500 5.5.2 Error: line too long",
                  QStringLiteral("command line longer than 512 octets"));
    return true;
}

void SmtpSession::handleCommand(const QByteArray &line, bool moreInput)
{
    m_lastCommand = printable(line);
    if (looksLikeOtherProtocol(line)) {
        closeWith("421 4.7.0 " + m_host + " This is an SMTP server; closing connection",
                  QStringLiteral(
                      "SMTP call from %1 dropped: HTTP request or other protocol (input=\"%2\")")
                      .arg(hostField(), m_lastCommand));
        return;
    }
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.first(space)).toUpper();
    const QByteArray args = space < 0 ? QByteArray() : line.sliced(space + 1).trimmed();

    if (moreInput && verb == "STARTTLS") {
        closeWith("554 5.5.1 Error: input sent after STARTTLS (command injection)",
                  QStringLiteral("SMTP protocol synchronization error (input sent after STARTTLS, "
                                 "command injection attempt): rejected \"%1\" %2")
                      .arg(m_lastCommand, hostField()));
        return;
    }
    // Without PIPELINING advertised every command must wait for its reply. BDAT is exempt: its
    // chunk follows it by definition.
    if (moreInput && verb != "BDAT" && (!m_extended || endsPipelineGroup(verb, args))) {
        closeWith(
            "554 5.5.0 SMTP synchronization error",
            QStringLiteral("SMTP protocol synchronization error (next input sent too soon: "
                           "pipelining was%1 advertised): rejected \"%2\" %3")
                .arg(m_extended ? QString() : QStringLiteral(" not"), m_lastCommand, hostField()));
        return;
    }
    if (m_proxyFailed && verb != "QUIT") {
        protocolError("503 Command refused, required Proxy negotiation failed",
                      QStringLiteral("required PROXY negotiation failed"));
        return;
    }
    if (line.contains('\0') || line.contains('\r')) {
        protocolError("500 5.5.2 Error: invalid character in command",
                      QStringLiteral("NUL or bare CR in command"));
        return;
    }

    if (verb == "EHLO" || verb == "HELO") {
        commandEhlo(args, verb == "EHLO");
    } else if (verb == "MAIL") {
        commandMail(args);
    } else if (verb == "RCPT") {
        commandRcpt(args);
    } else if (verb == "DATA") {
        commandData(args);
    } else if (verb == "BDAT") {
        commandBdat(line, args);
    } else if (verb == "RSET") {
        if (!args.isEmpty()) {
            protocolError("501 5.5.4 Syntax: RSET", QStringLiteral("RSET takes no argument"));
            return;
        }
        resetTransaction();
        reply("250 2.0.0 OK");
    } else if (verb == "NOOP") {
        reply("250 2.0.0 OK");
    } else if (verb == "QUIT") {
        closeWith("221 2.0.0 " + m_host + " closing connection", {});
    } else if (verb == "VRFY") {
        if (args.isEmpty()) {
            protocolError("501 5.5.4 Syntax: VRFY address",
                          QStringLiteral("VRFY needs an argument"));
            return;
        }
        reply("252 2.5.2 Cannot VRFY user, but will accept message and attempt delivery");
    } else if (verb == "HELP") {
        reply(
            "214 2.0.0 Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS");
    } else if (verb == "STARTTLS") {
        commandStartTls(args);
    } else if (verb == "AUTH") {
        protocolError("503 5.5.1 Error: AUTH not advertised",
                      QStringLiteral("AUTH not advertised"));
    } else if (verb == "EXPN" || verb == "ETRN" || verb == "TURN" || verb == "ATRN") {
        protocolError("502 5.5.1 Error: command not implemented",
                      QStringLiteral("command not implemented"));
    } else {
        protocolError("500 5.5.1 Error: command not recognized",
                      QStringLiteral("unrecognized command"));
    }
}

void SmtpSession::commandEhlo(const QByteArray &args, bool extended)
{
    const QByteArray verb = extended ? "EHLO" : "HELO";
    if (args.isEmpty()) {
        protocolError("501 5.5.4 Syntax: " + verb + " hostname",
                      QStringLiteral("%1 needs a host name").arg(QLatin1String(verb)));
        return;
    }
    if (!isValidHeloName(args)) {
        protocolError("501 5.5.4 Syntactically invalid " + verb + " argument",
                      QStringLiteral("syntactically invalid %1 argument").arg(QLatin1String(verb)));
        return;
    }
    resetTransaction();
    m_helo = QString::fromLatin1(args);
    m_heloSeen = true;
    m_extended = extended;
    const QByteArray hello
        = m_host + " Hello " + args + " [" + addressText(m_peer.address).toLatin1() + ']';
    if (!extended) {
        m_startTlsAdvertised = false;
        reply("250 " + hello);
        return;
    }
    m_startTlsAdvertised = m_settings.tlsAvailable && m_settings.advertiseStartTls && !m_inTls;
    QList<QByteArray> lines{hello};
    lines.append(m_settings.messageSizeLimit > 0
                     ? "SIZE " + QByteArray::number(m_settings.messageSizeLimit)
                     : QByteArray("SIZE"));
    lines << "8BITMIME"
          << "PIPELINING"
          << "CHUNKING"
          << "SMTPUTF8"
          << "ENHANCEDSTATUSCODES";
    if (m_startTlsAdvertised)
        lines.append("STARTTLS");
    lines.append("HELP");
    for (qsizetype i = 0; i < lines.size(); ++i)
        reply((i + 1 < lines.size() ? "250-" : "250 ") + lines.at(i));
}

void SmtpSession::commandMail(const QByteArray &args)
{
    if (!m_heloSeen) {
        protocolError("503 5.5.1 Error: send HELO/EHLO first",
                      QStringLiteral("MAIL before HELO/EHLO"));
        return;
    }
    if (m_txn.active) {
        protocolError("503 5.5.1 Error: nested MAIL command",
                      QStringLiteral("nested MAIL command"));
        return;
    }
    if (!startsWithCaseInsensitive(args, "FROM:")) {
        protocolError("501 5.5.4 Syntax: MAIL FROM:<address>",
                      QStringLiteral("MAIL without FROM:"));
        return;
    }
    const Path path = parsePath(QByteArrayView(args).sliced(5));
    if (!path.ok || (!path.mailbox.isEmpty() && !isValidMailbox(path.mailbox))) {
        protocolError("501 5.1.7 Bad sender address syntax",
                      QStringLiteral("bad sender address syntax"));
        return;
    }
    const QList<QByteArray> params = words(path.parameters);
    if (!params.isEmpty() && !m_extended) {
        protocolError("555 5.5.4 MAIL parameters need EHLO",
                      QStringLiteral("MAIL parameters after HELO"));
        return;
    }
    Transaction txn;
    bool seenSize = false;
    bool seenBody = false;
    for (const QByteArray &param : params) {
        const qsizetype equals = param.indexOf('=');
        const QByteArray key = (equals < 0 ? param : param.first(equals)).toUpper();
        const QByteArray value = equals < 0 ? QByteArray() : param.sliced(equals + 1);
        if (key == "SIZE") {
            if (seenSize || !isDigits(value) || value.size() > kMaxCountDigits) {
                protocolError("501 5.5.4 Bad SIZE parameter", QStringLiteral("bad SIZE parameter"));
                return;
            }
            seenSize = true;
            txn.declaredSize = value.toLongLong();
        } else if (key == "BODY") {
            const QByteArray body = seenBody ? QByteArray() : value.toUpper();
            if (body == "7BIT") {
                txn.bodyType = SmtpBodyType::SevenBit;
            } else if (body == "8BITMIME") {
                txn.bodyType = SmtpBodyType::EightBitMime;
            } else if (body == "BINARYMIME") {
                txn.bodyType = SmtpBodyType::BinaryMime;
            } else {
                protocolError("501 5.5.4 Bad BODY parameter", QStringLiteral("bad BODY parameter"));
                return;
            }
            seenBody = true;
        } else if (key == "SMTPUTF8") {
            if (equals >= 0 || txn.smtpUtf8) {
                protocolError("501 5.5.4 Bad SMTPUTF8 parameter",
                              QStringLiteral("bad SMTPUTF8 parameter"));
                return;
            }
            txn.smtpUtf8 = true;
        } else {
            protocolError("555 5.5.4 Unsupported MAIL parameter",
                          QStringLiteral("unsupported MAIL parameter %1").arg(printable(key, 32)));
            return;
        }
    }
    if (hasNonAscii(path.mailbox)) {
        if (!isValidUtf8(path.mailbox)) {
            protocolError("501 5.1.7 Bad sender address syntax",
                          QStringLiteral("sender address is not UTF-8"));
            return;
        }
        if (!txn.smtpUtf8) {
            reply("553 5.6.7 Non-ASCII sender address needs SMTPUTF8");
            log(QStringLiteral("%1 rejected MAIL <%2>: non-ASCII address without SMTPUTF8")
                    .arg(hostField(), printable(path.mailbox)));
            return;
        }
    }
    const qint64 declared = std::max<qint64>(txn.declaredSize, 0);
    if (declared > effectiveSizeLimit()) {
        reply("552 5.3.4 Message size exceeds fixed maximum message size");
        log(QStringLiteral("%1 rejected MAIL <%2>: message too big: SIZE=%3")
                .arg(hostField(), printable(path.mailbox))
                .arg(declared));
        return;
    }
    if (m_settings.spaceAvailable && !m_settings.spaceAvailable(declared)) {
        reply("452 4.3.1 Insufficient system storage");
        log(QStringLiteral("%1 temporarily rejected MAIL <%2>: insufficient disk space")
                .arg(hostField(), printable(path.mailbox)));
        return;
    }
    txn.active = true;
    txn.sender = QString::fromUtf8(path.mailbox);
    m_txn = std::move(txn);
    reply("250 2.1.0 Sender OK");
}

void SmtpSession::commandRcpt(const QByteArray &args)
{
    if (!m_txn.active) {
        protocolError("503 5.5.1 Error: need MAIL command", QStringLiteral("RCPT before MAIL"));
        return;
    }
    if (!startsWithCaseInsensitive(args, "TO:")) {
        protocolError("501 5.5.4 Syntax: RCPT TO:<address>", QStringLiteral("RCPT without TO:"));
        return;
    }
    const Path path = parsePath(QByteArrayView(args).sliced(3));
    const bool postmaster = path.ok && path.mailbox.compare("postmaster", Qt::CaseInsensitive) == 0;
    if (!path.ok || (!postmaster && !isValidMailbox(path.mailbox))) {
        protocolError("501 5.1.3 Bad recipient address syntax",
                      QStringLiteral("bad recipient address syntax"));
        return;
    }
    if (!words(path.parameters).isEmpty()) {
        protocolError("555 5.5.4 Unsupported RCPT parameter",
                      QStringLiteral("unsupported RCPT parameter"));
        return;
    }
    if (hasNonAscii(path.mailbox)) {
        if (!isValidUtf8(path.mailbox)) {
            protocolError("501 5.1.3 Bad recipient address syntax",
                          QStringLiteral("recipient address is not UTF-8"));
            return;
        }
        if (!m_txn.smtpUtf8) {
            reply("553 5.6.7 Non-ASCII recipient address needs SMTPUTF8");
            log(QStringLiteral("%1%2 rejected RCPT <%3>: non-ASCII address without SMTPUTF8")
                    .arg(hostField(), envelopeField(), printable(path.mailbox)));
            return;
        }
    }
    if (m_txn.recipients.size() >= effectiveRecipientsMax()) {
        reply("452 4.5.3 Too many recipients");
        log(QStringLiteral("%1%2 rejected RCPT <%3>: too many recipients")
                .arg(hostField(), envelopeField(), printable(path.mailbox)));
        return;
    }
    m_txn.recipients.append(QString::fromUtf8(path.mailbox));
    reply("250 2.1.5 Recipient OK");
}

void SmtpSession::commandData(const QByteArray &args)
{
    if (!args.isEmpty()) {
        protocolError("501 5.5.4 Syntax: DATA", QStringLiteral("DATA takes no argument"));
        return;
    }
    if (!m_txn.active) {
        protocolError("503 5.5.1 Error: need MAIL command", QStringLiteral("DATA before MAIL"));
        return;
    }
    if (m_txn.usedBdat) {
        protocolError("503 5.5.1 Error: DATA after BDAT in one transaction",
                      QStringLiteral("DATA after BDAT"));
        return;
    }
    if (m_txn.bodyType == SmtpBodyType::BinaryMime) {
        protocolError("503 5.5.1 Error: BODY=BINARYMIME needs BDAT",
                      QStringLiteral("DATA with BODY=BINARYMIME"));
        return;
    }
    if (m_txn.recipients.isEmpty()) {
        reply("554 5.5.1 Error: no valid recipients");
        return;
    }
    m_scan = {};
    m_txn.data.clear();
    m_mode = Mode::Data;
    reply("354 End data with <CR><LF>.<CR><LF>");
}

bool SmtpSession::processData()
{
    const char *const begin = m_in.constData();
    const char *p = begin + m_inPos;
    const char *const end = begin + m_in.size();
    DataScan &s = m_scan;
    const qint64 limit = effectiveSizeLimit();
    const auto append = [&](const char *bytes, qsizetype count) {
        s.size += count;
        if (s.size > limit)
            s.tooBig = true;
        // An invalid transaction stores nothing, so it keeps nothing either.
        if (!s.bareLineEnding && !s.tooBig && !s.lineTooLong)
            m_txn.data.append(bytes, count);
    };

    while (p < end) {
        if (s.atLineStart && !s.pendingCr) {
            // Fast path: whole, well-formed lines (text, CR LF) are found with memchr and kept
            // as one run; only a leading dot breaks the run. Anything else (a bare CR or LF, a
            // line not complete yet) is left to the byte-by-byte scan below.
            const char *run = p;
            while (p < end) {
                const auto *lf = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
                if (!lf)
                    break;
                const char *text = *p == '.' ? p + 1 : p;
                const char *cr = lf - 1;
                if (cr < text || *cr != '\r' || std::memchr(text, '\r', size_t(cr - text)))
                    break;
                if (text != p) {
                    if (p > run)
                        append(run, p - run);
                    if (cr == text) { // CR LF . CR LF
                        m_inPos = lf + 1 - begin;
                        finishData();
                        return true;
                    }
                    run = text;
                }
                if (cr - text > kMaxTextLineContent)
                    s.lineTooLong = true;
                p = lf + 1;
            }
            if (p > run)
                append(run, p - run);
            if (p == end)
                break;
        }
        if (s.pendingCr) {
            s.pendingCr = false;
            if (*p == '\n') {
                ++p;
                if (s.dotLine && s.lineLength == 0) {
                    m_inPos = p - begin;
                    finishData();
                    return true;
                }
                append("\r\n", 2);
                s.atLineStart = true;
                s.dotLine = false;
                s.lineLength = 0;
                continue;
            }
            // A bare CR: only CR LF . CR LF ends the data, so this line can end nothing.
            s.bareLineEnding = true;
            s.dotLine = false;
        }
        if (s.atLineStart) {
            s.atLineStart = false;
            if (*p == '.') {
                s.dotLine = true;
                ++p;
                continue;
            }
        }
        const char *q = std::find_if(p, end, [](char c) { return c == '\r' || c == '\n'; });
        if (q > p) {
            s.lineLength += q - p;
            if (s.lineLength > kMaxTextLineContent)
                s.lineTooLong = true;
            append(p, q - p);
            p = q;
        }
        if (p == end)
            break;
        if (*p == '\r') {
            s.pendingCr = true;
        } else {
            // A bare LF; what follows is not at the start of a line.
            s.bareLineEnding = true;
            s.dotLine = false;
            s.lineLength = 0;
        }
        ++p;
    }
    m_inPos = m_in.size();
    return false;
}

void SmtpSession::finishData()
{
    m_mode = Mode::Command;
    const DataScan scan = std::exchange(m_scan, {});
    if (scan.bareLineEnding) {
        log(QStringLiteral(
                "%1%2 rejected after DATA: bare CR or LF in message data (SMTP smuggling "
                "attempt?)")
                .arg(hostField(), envelopeField()));
        resetTransaction();
        protocolError(
            "550 5.5.2 Error: bare CR or bare LF in message data; lines must end with CR LF", {});
        return;
    }
    if (scan.tooBig || scan.lineTooLong) {
        log(QStringLiteral("%1%2 rejected after DATA: %3")
                .arg(hostField(), envelopeField(),
                     scan.tooBig ? QStringLiteral("message too big: read=%1 max=%2")
                                       .arg(scan.size)
                                       .arg(effectiveSizeLimit())
                                 : QStringLiteral("message line longer than 1000 octets")));
        resetTransaction();
        reply(scan.tooBig ? QByteArray("552 5.3.4 Message size exceeds fixed maximum message size")
                          : QByteArray("550 5.6.0 Message line longer than 1000 octets"));
        return;
    }
    deliver();
}

void SmtpSession::commandBdat(const QByteArray &line, const QByteArray &args)
{
    const QList<QByteArray> parts = words(args);
    const bool wellFormed
        = (parts.size() == 1 || (parts.size() == 2 && parts.at(1).toUpper() == "LAST"))
          && isDigits(parts.at(0)) && parts.at(0).size() <= kMaxCountDigits;
    if (!wellFormed) {
        // The client sends the chunk regardless; without its size it cannot be skipped safely.
        closeWith("521 5.5.4 Syntax: BDAT count [LAST]",
                  QStringLiteral("SMTP protocol error in \"%1\" %2 malformed BDAT, closing because "
                                 "raw content follows")
                      .arg(printable(line), hostField()));
        return;
    }
    m_chunk = {};
    m_chunk.size = parts.at(0).toLongLong();
    m_chunk.remaining = m_chunk.size;
    m_chunk.last = parts.size() == 2;
    if (!m_extended) {
        m_chunk.rejection = "503 5.5.1 Error: send EHLO first";
    } else if (!m_txn.active) {
        m_chunk.rejection = "503 5.5.1 Error: need MAIL command";
    } else if (m_txn.recipients.isEmpty()) {
        m_chunk.rejection = "554 5.5.1 Error: no valid recipients";
        m_chunk.failTransaction = true;
    } else if (m_txn.data.size() + m_chunk.size > effectiveSizeLimit()) {
        m_chunk.rejection = "552 5.3.4 Message size exceeds fixed maximum message size";
        m_chunk.failTransaction = true;
    } else {
        m_txn.usedBdat = true;
    }
    m_mode = Mode::Bdat;
}

bool SmtpSession::processBdat()
{
    const qint64 take = std::min<qint64>(m_in.size() - m_inPos, m_chunk.remaining);
    if (m_chunk.rejection.isEmpty())
        m_txn.data.append(m_in.constData() + m_inPos, take);
    m_inPos += take;
    m_chunk.remaining -= take;
    if (m_chunk.remaining > 0)
        return false;
    finishBdat();
    return true;
}

void SmtpSession::finishBdat()
{
    m_mode = Mode::Command;
    const BdatChunk chunk = std::exchange(m_chunk, {});
    if (chunk.failTransaction) {
        log(QStringLiteral("%1%2 rejected BDAT: %3")
                .arg(hostField(), envelopeField(),
                     QString::fromLatin1(chunk.rejection.sliced(10))));
        resetTransaction();
        reply(chunk.rejection);
        return;
    }
    if (!chunk.rejection.isEmpty()) {
        protocolError(chunk.rejection, QStringLiteral("BDAT out of sequence"));
        return;
    }
    if (!chunk.last) {
        reply("250 2.0.0 " + QByteArray::number(chunk.size) + " octets received");
        return;
    }
    deliver();
}

void SmtpSession::commandStartTls(const QByteArray &args)
{
    if (!args.isEmpty()) {
        protocolError("501 5.5.4 Syntax: STARTTLS", QStringLiteral("STARTTLS takes no argument"));
        return;
    }
    if (m_inTls) {
        protocolError("503 5.5.1 Error: TLS already active", QStringLiteral("STARTTLS in TLS"));
        return;
    }
    if (!m_startTlsAdvertised) {
        protocolError("503 5.5.1 Error: STARTTLS not advertised",
                      QStringLiteral("STARTTLS not advertised"));
        return;
    }
    reply("220 2.0.0 Ready to start TLS");
    m_mode = Mode::TlsHandshake;
    m_events.append({SmtpEvent::Type::StartTls, {}, {}});
}

void SmtpSession::deliver()
{
    SmtpMessage message;
    message.sender = m_txn.sender;
    message.recipients = m_txn.recipients;
    message.data = std::move(m_txn.data);
    message.heloName = m_helo;
    message.peer = m_peer;
    message.proxyAddress = m_proxyAddress;
    message.proxyPort = m_proxyPort;
    message.tlsProtocol = m_tlsProtocol;
    message.tlsCipher = m_tlsCipher;
    message.protocol = protocolName();
    message.bodyType = m_txn.bodyType;
    message.smtpUtf8 = m_txn.smtpUtf8;
    message.chunked = m_txn.usedBdat;
    message.declaredSize = m_txn.declaredSize;
    message.size = message.data.size();
    resetTransaction();
    m_waiting = true;
    m_events.append({SmtpEvent::Type::Message, {}, std::move(message)});
}

void SmtpSession::resetTransaction()
{
    m_txn = {};
}

void SmtpSession::reply(const QByteArray &line)
{
    qCDebug(lcSmtp).noquote() << "<<" << line;
    m_out += line;
    m_out += "\r\n";
}

void SmtpSession::protocolError(const QByteArray &replyLine, const QString &reason)
{
    reply(replyLine);
    if (!reason.isEmpty()) {
        const bool syntax = replyLine.startsWith("500") || replyLine.startsWith("501")
                            || replyLine.startsWith("555");
        log(QStringLiteral("SMTP %1 error in \"%2\" %3 %4")
                .arg(syntax ? QStringLiteral("syntax") : QStringLiteral("protocol"), m_lastCommand,
                     hostField(), reason));
    }
    ++m_errors;
    if (m_settings.maxErrors > 0 && m_errors >= m_settings.maxErrors && !m_closed) {
        closeWith("421 4.7.0 " + m_host + " Too many errors, closing connection",
                  QStringLiteral("SMTP call from %1 dropped: too many syntax or protocol errors "
                                 "(last command was \"%2\")")
                      .arg(hostField(), m_lastCommand));
    }
}

void SmtpSession::closeWith(const QByteArray &replyLine, const QString &logText)
{
    reply(replyLine);
    if (!logText.isEmpty())
        log(logText);
    m_closed = true;
    m_in.clear();
    m_inPos = 0;
    m_events.append({SmtpEvent::Type::Close, {}, {}});
}

void SmtpSession::log(const QString &text)
{
    qCDebug(lcSmtp).noquote() << text;
    m_events.append({SmtpEvent::Type::Log, text, {}});
}

qint64 SmtpSession::effectiveSizeLimit() const
{
    const qint64 limit = m_settings.messageSizeLimit;
    return limit > 0 ? std::min(limit, kHardMessageMax) : kHardMessageMax;
}

int SmtpSession::effectiveRecipientsMax() const
{
    const int max = m_settings.recipientsMax;
    return max > 0 ? std::min(max, kHardRecipientsMax) : kHardRecipientsMax;
}

QString SmtpSession::protocolName() const
{
    if (m_extended)
        return m_inTls ? QStringLiteral("esmtps") : QStringLiteral("esmtp");
    return m_inTls ? QStringLiteral("smtps") : QStringLiteral("smtp");
}

QString SmtpSession::envelopeField() const
{
    if (!m_txn.active)
        return {};
    return QStringLiteral(" F=<%1>").arg(printable(m_txn.sender.toUtf8()));
}

} // namespace Mailport
