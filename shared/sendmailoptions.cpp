#include "sendmailoptions.h"
#include "cchar.h"

#include <QHash>
#include <QSet>
#include <QStringView>
#include <QtEndian>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace Mailport {

namespace {

// A text full of broken pairs would otherwise give one diagnostic per pair.
constexpr int MaxDiagnostics = 500;
// sendmail's MAXDAEMONS: setdaemonoptions() refuses declarations beyond it.
constexpr int MaxDaemons = 10;
// getmodifiers() drops the whole Modify value when 3 * length + 3 exceeds 256 bytes.
constexpr qsizetype MaxModifierBytes = 84;
// sendmail's own fallback when the services database has no "smtp".
constexpr int SmtpFallbackPort = 25;

QString optionName()
{
    return QStringLiteral("DaemonPortOptions");
}

// C isspace() in the C locale, which is what sendmail and m4 use.

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isIdentStart(QChar c)
{
    return isAsciiLetter(c) || c == u'_';
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || isAsciiDigit(c);
}

// isascii() && isprint() && !isspace(): what getmodifiers() keeps.
bool isGraphicAscii(QChar c)
{
    return c.unicode() > 0x20 && c.unicode() < 0x7f;
}

bool isGraphicAscii(const QString &s)
{
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return isGraphicAscii(c); });
}

QString trimmedRight(const QString &s)
{
    qsizetype n = s.size();
    while (n > 0 && isCSpace(s.at(n - 1)))
        --n;
    return s.left(n);
}

// A piece of the input with the offset of every character, so that positions survive the removal
// of quotes, escapes, comments and line folds.
struct Span
{
    QString text;
    QList<qsizetype> offsets;
    qsizetype endOffset = 0; // just after the last character, or where an empty span sits

    Span() = default;
    explicit Span(qsizetype at)
        : endOffset(at)
    {}

    qsizetype size() const { return text.size(); }
    bool isEmpty() const { return text.isEmpty(); }
    QChar at(qsizetype i) const { return text.at(i); }
    qsizetype offsetAt(qsizetype i) const { return i < offsets.size() ? offsets.at(i) : endOffset; }

    void append(QChar c, qsizetype offset)
    {
        text.append(c);
        offsets.append(offset);
        endOffset = offset + 1;
    }

    void append(const Span &other)
    {
        text.append(other.text);
        offsets.append(other.offsets);
        if (!other.isEmpty())
            endOffset = other.endOffset;
    }

    void removeLast()
    {
        text.chop(1);
        offsets.removeLast();
        if (!offsets.isEmpty())
            endOffset = offsets.last() + 1;
    }

    Span mid(qsizetype from, qsizetype length = -1) const
    {
        from = std::clamp<qsizetype>(from, 0, size());
        if (length < 0 || length > size() - from)
            length = size() - from;
        Span s(offsetAt(from));
        s.text = text.mid(from, length);
        s.offsets = offsets.mid(from, length);
        if (length > 0)
            s.endOffset = offsets.at(from + length - 1) + 1;
        return s;
    }

    Span trimmedRight() const
    {
        qsizetype n = size();
        while (n > 0 && isCSpace(text.at(n - 1)))
            --n;
        return mid(0, n);
    }

    Span trimmedLeft() const
    {
        qsizetype i = 0;
        while (i < size() && isCSpace(text.at(i)))
            ++i;
        return mid(i);
    }

    Span trimmed() const { return trimmedLeft().trimmedRight(); }
};

QList<Span> physicalLines(const QString &text)
{
    QList<Span> lines;
    Span current(0);
    const auto finish = [&lines](Span &line) {
        if (!line.isEmpty() && line.text.back() == u'\r')
            line.removeLast();
        lines.append(line);
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            finish(current);
            current = Span(i + 1);
            continue;
        }
        current.append(c, i);
    }
    finish(current);
    return lines;
}

// Collects diagnostics with line and column, capped so that garbage input stays cheap.
class Reporter
{
public:
    Reporter(const QString &text, Diagnostics &out)
        : m_out(out)
    {
        m_lineStarts.append(0);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == u'\n')
                m_lineStarts.append(i + 1);
        }
    }

    std::pair<int, int> locate(qsizetype offset) const
    {
        const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
        const qsizetype line = std::max<qsizetype>(1, std::distance(m_lineStarts.cbegin(), it));
        return {static_cast<int>(line), static_cast<int>(offset - m_lineStarts.at(line - 1) + 1)};
    }

    void report(Severity severity, DiagnosticCode code, const QString &item, qsizetype offset,
                const QString &message)
    {
        const auto [line, column] = locate(offset);
        if (m_out.size() < MaxDiagnostics) {
            m_out.append({severity, code, optionName(), item, line, column, message});
            return;
        }
        if (m_summary < 0) {
            m_summary = m_out.size();
            m_out.append({Severity::Info, DiagnosticCode::SyntaxError, optionName(), QString(),
                          line, column,
                          QStringLiteral("Too many problems: the rest are not listed.")});
        }
        // A dropped error must still make the result unusable.
        if (severity == Severity::Error)
            m_out[m_summary].severity = Severity::Error;
    }

private:
    Diagnostics &m_out;
    QList<qsizetype> m_lineStarts;
    qsizetype m_summary = -1;
};

// What a value means to sendmail, and what Mailport has to say about it (nothing when empty).
struct Finding
{
    Severity severity = Severity::Info;
    DiagnosticCode code = DiagnosticCode::BadValue;
    QString message;

    static Finding error(DiagnosticCode code, const QString &message)
    {
        return {Severity::Error, code, message};
    }
    static Finding warning(DiagnosticCode code, const QString &message)
    {
        return {Severity::Warning, code, message};
    }
};

int lookupService(const QString &name)
{
    if (name.isEmpty() || name.size() > 255 || !isGraphicAscii(name))
        return -1;
    const QByteArray key = name.toLatin1();
    servent entry{};
    servent *found = nullptr;
    std::array<char, 4096> buffer{};
    if (getservbyname_r(key.constData(), "tcp", &entry, buffer.data(), buffer.size(), &found) == 0
        && found != nullptr) {
        return qFromBigEndian(static_cast<quint16>(found->s_port));
    }
    // Minimal systems can lack /etc/services; these are the names mail configurations use.
    static const std::array<std::pair<QLatin1String, int>, 4> mailServices{{
        {QLatin1String("smtp"), 25},
        {QLatin1String("submission"), 587},
        {QLatin1String("submissions"), 465},
        {QLatin1String("smtps"), 465},
    }};
    for (const auto &[service, port] : mailServices) {
        if (name == service)
            return port;
    }
    return -1;
}

int smtpPort()
{
    const int port = lookupService(QStringLiteral("smtp"));
    return port > 0 ? port : SmtpFallbackPort;
}

// Four decimal octets without leading zeros: the only IPv4 form that means the same everywhere.
bool isStrictIpv4(const QString &s)
{
    const QList<QStringView> parts = QStringView(s).split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QStringView part : parts) {
        if (part.isEmpty() || part.size() > 3)
            return false;
        if (!std::all_of(part.cbegin(), part.cend(), [](QChar c) { return isAsciiDigit(c); }))
            return false;
        if (part.size() > 1 && part.front() == u'0')
            return false;
        if (part.toInt() > 255)
            return false;
    }
    return true;
}

// sendmail reads numeric IPv4 addresses with inet_addr(), which takes octal, hex and short forms.
std::optional<quint32> inetAton(const QString &s)
{
    if (s.isEmpty() || s.contains(QChar(0))
        || !std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() < 0x80; })) {
        return std::nullopt;
    }
    in_addr address{};
    if (inet_aton(s.toLatin1().constData(), &address) == 0)
        return std::nullopt;
    return qFromBigEndian(static_cast<quint32>(address.s_addr));
}

QString dottedQuad(quint32 v)
{
    return QStringLiteral("%1.%2.%3.%4")
        .arg((v >> 24) & 0xff)
        .arg((v >> 16) & 0xff)
        .arg((v >> 8) & 0xff)
        .arg(v & 0xff);
}

// inet_pton(AF_INET6), as sendmail's anynet_pton() uses it.
bool parseIpv6(const QString &s, bool *isAny)
{
    if (s.isEmpty() || !isGraphicAscii(s))
        return false;
    in6_addr address{};
    if (inet_pton(AF_INET6, s.toLatin1().constData(), &address) != 1)
        return false;
    if (isAny) {
        const auto *bytes = address.s6_addr;
        *isAny = std::all_of(bytes, bytes + sizeof(address.s6_addr),
                             [](unsigned char b) { return b == 0; });
    }
    return true;
}

// sendmail's anynet_pton() accepts the "IPv6:" prefix that SMTP address literals use.
QString withoutIpv6Prefix(const QString &s)
{
    return s.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive) ? s.mid(5) : s;
}

bool isHostName(const QString &s)
{
    QString name = s;
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name.isEmpty() || name.size() > 253)
        return false;
    bool hasNonDigit = false;
    for (const QStringView label : QStringView(name).split(u'.')) {
        if (label.isEmpty() || label.size() > 63)
            return false;
        for (const QChar c : label) {
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u'-' && c != u'_')
                return false;
            if (!isAsciiDigit(c))
                hasNonDigit = true;
        }
    }
    // All-numeric names are failed IPv4 addresses, not host names.
    return hasNonDigit;
}

enum class AddressKind { Any, Literal, HostName, Invalid };

struct AddressReading
{
    AddressKind kind = AddressKind::Invalid;
    QString eximText; ///< the address as Exim's local_interfaces wants it
    Finding finding;
};

AddressReading readAddress(const QString &family, const QString &written)
{
    AddressReading r;
    const QString item = QStringLiteral("Addr=%1").arg(written);
    const auto hostName = [&r, &item](const QString &name) {
        r.kind = AddressKind::HostName;
        r.eximText = name;
        r.finding = {Severity::Info, DiagnosticCode::UnsupportedInImport,
                     QStringLiteral("%1 is a host name: sendmail resolves it when it starts; "
                                    "Mailport does not, so it must be resolved before the socket "
                                    "can be bound.")
                         .arg(item)};
    };
    if (written.isEmpty()) {
        r.finding = Finding::error(DiagnosticCode::BadValue,
                                   QStringLiteral("Addr= is empty: sendmail looks up an empty host "
                                                  "name and fails."));
        return r;
    }
    if (family == QLatin1String("inet6")) {
        const QString bare = withoutIpv6Prefix(written);
        bool any = false;
        if (bare.isEmpty()) {
            r.finding = Finding::error(
                DiagnosticCode::MalformedAddress,
                QStringLiteral("%1 has nothing after the IPv6: prefix.").arg(item));
        } else if (bare.contains(u'%')) {
            r.finding = Finding::error(DiagnosticCode::MalformedAddress,
                                       QStringLiteral("%1 has an IPv6 scope: sendmail's Addr takes "
                                                      "none, so it cannot bind it.")
                                           .arg(item));
        } else if (parseIpv6(bare, &any)) {
            r.kind = any ? AddressKind::Any : AddressKind::Literal;
            r.eximText = bare;
        } else if (isStrictIpv4(bare) || (isAsciiDigit(bare.front()) && inetAton(bare))) {
            r.finding = Finding::error(DiagnosticCode::MalformedAddress,
                                       QStringLiteral("%1 is an IPv4 address but the family is "
                                                      "inet6: drop Family=inet6.")
                                           .arg(item));
        } else if (isHostName(bare)) {
            hostName(bare);
        } else {
            r.finding = Finding::error(DiagnosticCode::MalformedAddress,
                                       QStringLiteral("%1 is neither an IPv6 address nor a host "
                                                      "name: sendmail cannot bind it.")
                                           .arg(item));
        }
        return r;
    }
    if (isStrictIpv4(written)) {
        r.kind = written == QLatin1String("0.0.0.0") ? AddressKind::Any : AddressKind::Literal;
        r.eximText = written;
    } else if (const auto value
               = isAsciiDigit(written.front()) ? inetAton(written) : std::nullopt) {
        r.kind = *value == 0 ? AddressKind::Any : AddressKind::Literal;
        r.eximText = dottedQuad(*value);
        r.finding = Finding::warning(DiagnosticCode::BadValue,
                                     QStringLiteral("sendmail reads %1 as %2 (inet_addr() takes "
                                                    "short, octal and hexadecimal forms): write "
                                                    "%2.")
                                         .arg(item, r.eximText));
    } else if (parseIpv6(withoutIpv6Prefix(written), nullptr)) {
        r.finding = Finding::error(DiagnosticCode::MalformedAddress,
                                   QStringLiteral("%1 is an IPv6 address but the family is inet: "
                                                  "add Family=inet6.")
                                       .arg(item));
    } else if (isHostName(written)) {
        hostName(written);
    } else {
        r.finding = Finding::error(DiagnosticCode::MalformedAddress,
                                   QStringLiteral("%1 is neither an IPv4 address nor a host name: "
                                                  "sendmail cannot bind it.")
                                       .arg(item));
    }
    return r;
}

struct PortReading
{
    int port = -1;
    Finding finding;
};

// raw: the value with its leading blanks skipped but its trailing ones kept, as sendmail sees it.
PortReading readPort(const QString &raw)
{
    PortReading r;
    const QString text = trimmedRight(raw);
    const QString item = QStringLiteral("Port=%1").arg(text);
    if (text.isEmpty()) {
        r.finding = Finding::error(DiagnosticCode::BadValue,
                                   QStringLiteral("Port= is empty: sendmail looks up an empty "
                                                  "service name and fails."));
        return r;
    }
    if (!isAsciiDigit(text.front())) {
        if (raw != text) {
            r.finding = Finding::error(DiagnosticCode::UnknownService,
                                       QStringLiteral("service \"%1\" unknown: sendmail keeps the "
                                                      "blanks before the comma in the name.")
                                           .arg(raw));
            return r;
        }
        r.port = lookupService(text);
        if (r.port < 0) {
            r.finding = Finding::error(DiagnosticCode::UnknownService,
                                       QStringLiteral("service \"%1\" unknown: it is not in the "
                                                      "services database, so sendmail refuses it.")
                                           .arg(text));
        }
        return r;
    }
    qsizetype digits = 0;
    while (digits < text.size() && isAsciiDigit(text.at(digits)))
        ++digits;
    // Anything this long is beyond every port; keep the arithmetic in range.
    const qlonglong value = digits > 12 ? std::numeric_limits<qlonglong>::max()
                                        : QStringView(text).left(digits).toLongLong();
    if (digits != text.size()) {
        r.finding = Finding::error(DiagnosticCode::BadValue,
                                   QStringLiteral("%1 is not a number: sendmail reads it as %2 and "
                                                  "ignores the rest.")
                                       .arg(item, QStringView(text).left(digits)));
        return r;
    }
    if (value > 65535) {
        const QString bound
            = value <= std::numeric_limits<int>::max()
                  ? QStringLiteral("sendmail binds it modulo 65536 (port %1).").arg(value % 65536)
                  : QStringLiteral("sendmail cannot read it.");
        r.finding = Finding::error(DiagnosticCode::PortOutOfRange,
                                   QStringLiteral("%1 is above 65535: %2").arg(item, bound));
        return r;
    }
    if (value == 0) {
        r.port = smtpPort();
        r.finding = Finding::warning(DiagnosticCode::BadValue,
                                     QStringLiteral("Port=0 makes sendmail listen on port smtp "
                                                    "(%1); write Port=smtp.")
                                         .arg(r.port));
        return r;
    }
    r.port = static_cast<int>(value);
    return r;
}

struct FamilyReading
{
    QString family;
    bool supported = false;
    Finding finding;
};

FamilyReading readFamily(const QString &raw)
{
    FamilyReading r;
    const QString text = trimmedRight(raw);
    const QString lower = text.toLower();
    r.family = text;
    if (lower == QLatin1String("inet") || lower == QLatin1String("inet6")) {
        r.family = lower;
        r.supported = true;
        if (raw != text) {
            // sendmail compares the whole value, blanks included.
            r.finding = Finding::error(DiagnosticCode::BadValue,
                                       QStringLiteral("Family=%1 has blanks before the comma: "
                                                      "sendmail compares them too and reports an "
                                                      "unknown address family.")
                                           .arg(text));
        }
        return r;
    }
    if (!text.isEmpty() && isAsciiDigit(text.front())) {
        r.finding = Finding::error(DiagnosticCode::SendmailUnsupportedFamily,
                                   QStringLiteral("Family=%1 is a system-dependent AF_ number: "
                                                  "write inet or inet6.")
                                       .arg(text));
        return r;
    }
    static const std::array<QLatin1String, 5> others{QLatin1String("local"), QLatin1String("unix"),
                                                     QLatin1String("iso"), QLatin1String("ns"),
                                                     QLatin1String("x.25")};
    if (std::find(others.cbegin(), others.cend(), lower) != others.cend()) {
        r.finding = Finding::error(DiagnosticCode::SendmailUnsupportedFamily,
                                   QStringLiteral("Family=%1 is not supported: Mailport listens on "
                                                  "inet and inet6 sockets only.")
                                       .arg(text));
        return r;
    }
    r.finding = Finding::error(DiagnosticCode::SendmailUnsupportedFamily,
                               QStringLiteral("Unknown address family \"%1\" in Family=: sendmail "
                                              "knows inet, inet6, iso, ns, x.25 and local.")
                                   .arg(text));
    return r;
}

// atoi(): optional sign, then digits; the rest ignored.
int atoiValue(const QString &text)
{
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text.at(i) == u'+' || text.at(i) == u'-'))
        negative = text.at(i++) == u'-';
    qlonglong value = 0;
    while (i < text.size() && isAsciiDigit(text.at(i))) {
        value = std::min<qlonglong>(value * 10 + text.at(i).digitValue(),
                                    std::numeric_limits<int>::max());
        ++i;
    }
    return static_cast<int>(negative ? -value : value);
}

std::optional<int> strictInt(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    const qsizetype start = (text.front() == u'+' || text.front() == u'-') ? 1 : 0;
    if (start == text.size() || text.size() > 11)
        return std::nullopt;
    for (qsizetype i = start; i < text.size(); ++i) {
        if (!isAsciiDigit(text.at(i)))
            return std::nullopt;
    }
    const qlonglong value = text.toLongLong();
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(value);
}

// The key sendmail's setsockaddroptions() dispatches on: the first character, whose case matters
// for some keys (a lower-case r is refuseLA, an upper-case R is ReceiveBufSize). 0 = unknown.
char16_t canonicalKey(QChar first)
{
    switch (first.unicode()) {
    case u'A':
    case u'a':
        return u'A';
    case u'c':
        return u'c';
    case u'D':
        return u'D';
    case u'd':
        return u'd';
    case u'F':
    case u'f':
        return u'F';
    case u'I':
    case u'i':
        return u'I';
    case u'L':
    case u'l':
        return u'L';
    case u'M':
    case u'm':
        return u'M';
    case u'N':
    case u'n':
        return u'N';
    case u'P':
    case u'p':
        return u'P';
    case u'q':
        return u'q';
    case u'R':
        return u'R';
    case u'r':
        return u'r';
    case u'S':
    case u's':
        return u'S';
    default:
        return 0;
    }
}

QString keyName(char16_t key)
{
    switch (key) {
    case u'A':
        return QStringLiteral("Addr");
    case u'c':
        return QStringLiteral("children");
    case u'D':
        return QStringLiteral("DeliveryMode");
    case u'd':
        return QStringLiteral("delayLA");
    case u'F':
        return QStringLiteral("Family");
    case u'I':
        return QStringLiteral("InputMailFilters");
    case u'L':
        return QStringLiteral("Listen");
    case u'M':
        return QStringLiteral("Modify");
    case u'N':
        return QStringLiteral("Name");
    case u'P':
        return QStringLiteral("Port");
    case u'q':
        return QStringLiteral("queueLA");
    case u'R':
        return QStringLiteral("ReceiveBufSize");
    case u'r':
        return QStringLiteral("refuseLA");
    case u'S':
        return QStringLiteral("SendBufSize");
    default:
        return QString();
    }
}

// Keys whose first letter's case sends them to a different key than their spelling suggests.
QString caseTrap(const QString &key)
{
    const struct
    {
        QLatin1String prefix;
        char16_t meant;
    } traps[] = {
        {QLatin1String("rec"), u'R'},  // receiveBufSize
        {QLatin1String("ref"), u'r'},  // RefuseLA
        {QLatin1String("deli"), u'D'}, // deliveryMode
        {QLatin1String("dela"), u'd'}, // DelayLA
        {QLatin1String("chi"), u'c'},  // Children
    };
    for (const auto &trap : traps) {
        if (!key.startsWith(trap.prefix, Qt::CaseInsensitive))
            continue;
        const char16_t read = canonicalKey(key.front());
        if (read != trap.meant) {
            return read == 0 ? QString()
                             : QStringLiteral("sendmail reads \"%1\" as %2: it looks at the first "
                                              "letter only, and its case matters; write %3.")
                                   .arg(key, keyName(read), keyName(trap.meant));
        }
    }
    return QString();
}

// Reads one declaration's "key=value,key=value" text the way sendmail's setsockaddroptions() does.
class DeclarationReader
{
public:
    explicit DeclarationReader(Reporter &reporter)
        : m_reporter(reporter)
    {}

    SendmailDaemon read(const Span &input, qsizetype start, const QString &spelling)
    {
        SendmailDaemon d;
        const auto [line, column] = m_reporter.locate(start);
        d.line = line;
        d.column = column;
        d.spelling = spelling;

        Span value = input;
        if (const qsizetype nul = value.text.indexOf(QChar(0)); nul >= 0) {
            m_reporter.report(Severity::Error, DiagnosticCode::SyntaxError, QString(),
                              value.offsetAt(nul),
                              QStringLiteral("A NUL character ends the value for sendmail; the "
                                             "rest of it is ignored."));
            value = value.mid(0, nul);
        }

        struct Pending
        {
            QString raw;
            qsizetype offset = -1;
        };
        std::optional<Pending> address;
        std::optional<Pending> port;
        std::optional<Pending> family;
        QSet<char16_t> seen;
        QHash<char16_t, qsizetype> otherIndex;

        const QString &text = value.text;
        qsizetype i = 0;
        while (i < text.size()) {
            while (i < text.size() && isCSpace(text.at(i)))
                ++i;
            if (i >= text.size())
                break;
            qsizetype comma = text.indexOf(u',', i);
            if (comma < 0)
                comma = text.size();
            const qsizetype pairStart = i;
            i = comma + 1;
            if (comma == pairStart)
                continue; // ",," is nothing to sendmail either
            const qsizetype eq = QStringView(text).mid(pairStart, comma - pairStart).indexOf(u'=');
            if (eq < 0) {
                const QString pair = trimmedRight(text.mid(pairStart, comma - pairStart));
                m_reporter.report(
                    Severity::Warning, DiagnosticCode::SyntaxError, pair, value.offsetAt(pairStart),
                    QStringLiteral("\"%1\" has no \"=\": sendmail ignores it.").arg(pair));
                continue;
            }
            const Span key = value.mid(pairStart, eq).trimmedRight();
            qsizetype v = pairStart + eq + 1;
            while (v < comma && isCSpace(text.at(v)))
                ++v;
            const Pending raw{text.mid(v, comma - v), value.offsetAt(v)};
            const QString rawTrimmed = trimmedRight(raw.raw);
            const qsizetype keyOffset = value.offsetAt(pairStart);
            const QString keyText = key.text;
            const char16_t id = keyText.isEmpty() ? char16_t(0) : canonicalKey(keyText.front());

            if (id == 0) {
                m_reporter.report(
                    Severity::Error, DiagnosticCode::SendmailUnknownKey, keyText, keyOffset,
                    QStringLiteral("DaemonPortOptions unknown parameter \"%1\"").arg(keyText));
                d.unknownKeys.append(keyText + u'=' + rawTrimmed);
                continue;
            }
            if (const QString trap = caseTrap(keyText); !trap.isEmpty()) {
                m_reporter.report(Severity::Warning, DiagnosticCode::SendmailUnknownKey, keyText,
                                  keyOffset, trap);
            }
            if (seen.contains(id)) {
                m_reporter.report(Severity::Warning, DiagnosticCode::OptionSetTwice, keyText,
                                  keyOffset,
                                  QStringLiteral("%1 is given twice in one declaration: sendmail "
                                                 "uses the last one.")
                                      .arg(keyName(id)));
            }
            seen.insert(id);

            switch (id) {
            case u'A':
                address = raw;
                break;
            case u'F':
                family = raw;
                break;
            case u'P':
                port = raw;
                break;
            case u'N':
                d.name = rawTrimmed;
                break;
            case u'L':
                d.listen = readNumber(keyText, raw);
                break;
            case u'R':
                d.receiveBufSize = readBufferSize(keyText, raw);
                break;
            case u'S':
                d.sendBufSize = readBufferSize(keyText, raw);
                break;
            case u'M':
                d.modifiers = readModifiers(keyText, raw);
                break;
            default: {
                if (id == u'D')
                    checkDeliveryMode(keyText, raw);
                else if (id != u'I')
                    readNumber(keyText, raw);
                const QString pair = keyText + u'=' + rawTrimmed;
                if (const auto it = otherIndex.constFind(id); it != otherIndex.cend()) {
                    d.otherKeys[*it] = pair;
                } else {
                    otherIndex.insert(id, d.otherKeys.size());
                    d.otherKeys.append(pair);
                }
                break;
            }
            }
        }

        // sendmail reads Addr and Port after the whole list, once the family is known.
        bool supported = true;
        if (family) {
            const FamilyReading f = readFamily(family->raw);
            d.family = f.family;
            supported = f.supported;
            report(f.finding, QStringLiteral("Family=%1").arg(f.family), family->offset);
        }
        if (address) {
            d.address = trimmedRight(address->raw);
            if (supported) {
                const AddressReading a = readAddress(d.family, d.address);
                d.addressIsHostName = a.kind == AddressKind::HostName;
                report(a.finding, QStringLiteral("Addr=%1").arg(d.address), address->offset);
            }
        }
        if (port) {
            d.port = trimmedRight(port->raw);
            if (supported) {
                const PortReading p = readPort(port->raw);
                d.resolvedPort = p.port;
                report(p.finding, QStringLiteral("Port=%1").arg(d.port), port->offset);
            }
        } else if (supported) {
            d.resolvedPort = smtpPort();
        }
        return d;
    }

private:
    void report(const Finding &f, const QString &item, qsizetype offset)
    {
        if (!f.message.isEmpty())
            m_reporter.report(f.severity, f.code, item, offset, f.message);
    }

    template<typename Raw>
    int readNumber(const QString &key, const Raw &raw)
    {
        const QString text = trimmedRight(raw.raw);
        if (const auto value = strictInt(text))
            return *value;
        const int read = atoiValue(text);
        m_reporter.report(Severity::Error, DiagnosticCode::BadValue,
                          QStringLiteral("%1=%2").arg(key, text), raw.offset,
                          QStringLiteral("%1=%2 is not a number: sendmail reads it as %3.")
                              .arg(key, text)
                              .arg(read));
        return read;
    }

    template<typename Raw>
    int readBufferSize(const QString &key, const Raw &raw)
    {
        const int value = readNumber(key, raw);
        if (value < 0) {
            m_reporter.report(Severity::Warning, DiagnosticCode::BadValue,
                              QStringLiteral("%1=%2").arg(key).arg(value), raw.offset,
                              QStringLiteral("%1=%2: sendmail only sets buffer sizes above 0, so "
                                             "the system default applies.")
                                  .arg(key)
                                  .arg(value));
        }
        return value;
    }

    template<typename Raw>
    QString readModifiers(const QString &key, const Raw &raw)
    {
        const QString item = QStringLiteral("%1=%2").arg(key, trimmedRight(raw.raw));
        if (raw.raw.toUtf8().size() > MaxModifierBytes) {
            m_reporter.report(Severity::Warning, DiagnosticCode::BadValue, item, raw.offset,
                              QStringLiteral("The Modify value is longer than %1 characters: "
                                             "sendmail ignores all of it.")
                                  .arg(MaxModifierBytes));
            return QString();
        }
        QString letters;
        bool dropped = false;
        for (const QChar c : raw.raw) {
            if (isGraphicAscii(c))
                letters.append(c);
            else if (!isCSpace(c))
                dropped = true;
        }
        if (dropped) {
            m_reporter.report(Severity::Warning, DiagnosticCode::BadValue, item, raw.offset,
                              QStringLiteral("sendmail ignores Modify characters that are not "
                                             "printable ASCII."));
        }
        return letters;
    }

    template<typename Raw>
    void checkDeliveryMode(const QString &key, const Raw &raw)
    {
        const QString text = trimmedRight(raw.raw);
        // interactive, background, queueonly, deferred: sendmail looks at the first letter.
        if (!text.isEmpty() && QStringView(u"ibqd").contains(text.front()))
            return;
        m_reporter.report(Severity::Error, DiagnosticCode::BadValue,
                          QStringLiteral("%1=%2").arg(key, text), raw.offset,
                          QStringLiteral("Unknown delivery mode \"%1\": sendmail takes "
                                         "interactive, background, queueonly or deferred.")
                              .arg(text));
    }

    Reporter &m_reporter;
};

// sendmail.cf reading (translate_dollars()): a '#' after the first column starts a comment unless
// written \# or $#; the blanks before it and at the end of the line go with it.
Span stripCfComment(const Span &line)
{
    Span out(line.offsetAt(0));
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == u'#' && i > 0) {
            if (!out.isEmpty() && out.text.back() == u'\\') {
                out.removeLast();
                out.append(c, line.offsetAt(i));
                continue;
            }
            if (!out.isEmpty() && out.text.back() == u'$') {
                out.append(c, line.offsetAt(i));
                continue;
            }
            break;
        }
        out.append(c, line.offsetAt(i));
    }
    return out.trimmedRight();
}

// The same rule for an m4 value, which ends up after "O DaemonPortOptions=" in sendmail.cf.
Span stripCfCommentInValue(const Span &value)
{
    Span prefixed(value.offsetAt(0));
    prefixed.append(u'O', value.offsetAt(0));
    prefixed.append(value);
    return stripCfComment(prefixed).mid(1);
}

bool isOptionName(const Span &name)
{
    return name.text.compare(optionName(), Qt::CaseInsensitive) == 0;
}

// Shell words of a command line, with quotes and backslashes removed; '#' at a word start ends it.
QList<Span> shellWords(const Span &line)
{
    QList<Span> words;
    Span current;
    bool inWord = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!inWord) {
            if (isCSpace(c))
                continue;
            if (c == u'#')
                break;
            inWord = true;
            current = Span(line.offsetAt(i));
        }
        if (isCSpace(c)) {
            words.append(current);
            inWord = false;
        } else if (c == u'\'') {
            for (++i; i < line.size() && line.at(i) != u'\''; ++i)
                current.append(line.at(i), line.offsetAt(i));
        } else if (c == u'"') {
            for (++i; i < line.size() && line.at(i) != u'"'; ++i) {
                if (line.at(i) == u'\\' && i + 1 < line.size()
                    && QStringView(u"\"\\$`").contains(line.at(i + 1))) {
                    ++i;
                }
                current.append(line.at(i), line.offsetAt(i));
            }
        } else if (c == u'\\' && i + 1 < line.size()) {
            ++i;
            current.append(line.at(i), line.offsetAt(i));
        } else {
            current.append(c, line.offsetAt(i));
        }
    }
    if (inWord)
        words.append(current);
    return words;
}

// m4 quote removal: every level of `...' goes, as it does by the time sendmail.cf is written.
Span stripM4Quotes(const Span &s)
{
    Span out(s.offsetAt(0));
    int depth = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'`') {
            ++depth;
            continue;
        }
        if (c == u'\'' && depth > 0) {
            --depth;
            continue;
        }
        out.append(c, s.offsetAt(i));
    }
    return out;
}

struct M4Call
{
    QList<Span> args; // one quote level removed, as m4 collects them
    bool terminated = false;
};

// Collects a macro call's arguments; i is at the '(' and ends after the ')'.
M4Call readM4Arguments(const QString &text, qsizetype &i)
{
    M4Call call;
    ++i;
    Span current(i);
    bool argStart = true;
    int quotes = 0;
    int parens = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quotes > 0) {
            if (c == u'`')
                ++quotes;
            else if (c == u'\'')
                --quotes;
            if (quotes > 0)
                current.append(c, i);
            ++i;
            continue;
        }
        if (argStart && isCSpace(c)) {
            ++i;
            current = Span(i);
            continue;
        }
        argStart = false;
        if (c == u'`') {
            quotes = 1;
        } else if (c == u'#') {
            // m4 copies a comment through, commas and parentheses included.
            for (; i < text.size() && text.at(i) != u'\n'; ++i)
                current.append(text.at(i), i);
            continue;
        } else if (c == u'(') {
            ++parens;
            current.append(c, i);
        } else if (c == u')' && parens == 0) {
            call.args.append(current);
            call.terminated = true;
            ++i;
            return call;
        } else if (c == u')') {
            --parens;
            current.append(c, i);
        } else if (c == u',' && parens == 0) {
            call.args.append(current);
            current = Span(i + 1);
            argStart = true;
        } else {
            current.append(c, i);
        }
        ++i;
    }
    call.args.append(current);
    return call;
}

qsizetype skipM4Quote(const QString &text, qsizetype i)
{
    int depth = 0;
    for (; i < text.size(); ++i) {
        if (text.at(i) == u'`')
            ++depth;
        else if (text.at(i) == u'\'' && --depth == 0)
            return i + 1;
    }
    return i;
}

qsizetype skipToLineEnd(const QString &text, qsizetype i)
{
    const qsizetype newline = text.indexOf(u'\n', i);
    return newline < 0 ? text.size() : newline + 1;
}

bool lineStartsCfDeclaration(const QString &line)
{
    if (line.startsWith(QLatin1String("OO"))) {
        // "OOPort=25": a key right after the OO; "OOPS = 1" is more likely an Exim macro.
        qsizetype i = 2;
        while (i < line.size() && isAsciiLetter(line.at(i)))
            ++i;
        return i > 2 && i < line.size() && line.at(i) == u'=';
    }
    if (!line.startsWith(QLatin1String("O ")))
        return false;
    const QString rest = line.mid(2).trimmed();
    const qsizetype eq = rest.indexOf(u'=');
    return rest.left(eq < 0 ? rest.size() : eq).trimmed().compare(optionName(), Qt::CaseInsensitive)
           == 0;
}

// Finds the declarations in a text; one instance per parse().
class Scanner
{
public:
    Scanner(const QString &text, SendmailParseResult &result)
        : m_text(text)
        , m_result(result)
        , m_reporter(text, result.diagnostics)
        , m_reader(m_reporter)
    {}

    void scanLines()
    {
        const QList<Span> lines = physicalLines(m_text);
        for (qsizetype n = 0; n < lines.size(); ++n) {
            const Span &line = lines.at(n);
            if (line.isEmpty() || line.at(0) == u'#')
                continue;
            if (line.at(0) != u'O') {
                scanShell(shellWords(line), 0);
                continue;
            }
            // sendmail.cf folds lines that start with a blank into the one before.
            Span joined = stripCfComment(line);
            while (n + 1 < lines.size() && !lines.at(n + 1).isEmpty()
                   && (lines.at(n + 1).at(0) == u' ' || lines.at(n + 1).at(0) == u'\t')) {
                ++n;
                joined.append(u'\n', lines.at(n).offsetAt(0) - 1);
                joined.append(stripCfComment(lines.at(n)));
            }
            readCfOption(joined.trimmedRight());
        }
    }

    void scanM4()
    {
        const QString &t = m_text;
        qsizetype defineIndex = -1;
        qsizetype i = 0;
        while (i < t.size()) {
            const QChar c = t.at(i);
            if (c == u'`') {
                i = skipM4Quote(t, i);
                continue;
            }
            if (c == u'#') {
                i = skipToLineEnd(t, i);
                continue;
            }
            if (!isIdentStart(c)) {
                ++i;
                continue;
            }
            const qsizetype start = i;
            while (i < t.size() && isIdentChar(t.at(i)))
                ++i;
            const QStringView word = QStringView(t).mid(start, i - start);
            if (word == u"dnl") {
                i = skipToLineEnd(t, i);
                continue;
            }
            if (i >= t.size() || t.at(i) != u'(')
                continue;
            if (word == u"FEATURE") {
                const M4Call call = readM4Arguments(t, i);
                if (stripM4Quotes(call.args.front()).text.trimmed()
                    == QLatin1String("no_default_msa")) {
                    m_noDefaultMsa = true;
                }
                continue;
            }
            const bool isDaemonOptions = word == u"DAEMON_OPTIONS";
            if (!isDaemonOptions && word != u"define")
                continue;
            const qsizetype open = i;
            const M4Call call = readM4Arguments(t, i);
            if (!isDaemonOptions
                && stripM4Quotes(call.args.front()).text.trimmed()
                       != QLatin1String("confDAEMON_OPTIONS")) {
                continue;
            }
            if (!call.terminated) {
                m_reporter.report(Severity::Error, DiagnosticCode::SyntaxError, word.toString(),
                                  start,
                                  QStringLiteral("%1( has no closing parenthesis: m4 reads to the "
                                                 "end of the file.")
                                      .arg(word));
                continue;
            }
            const int valueArg = isDaemonOptions ? 0 : 1;
            if (call.args.size() > valueArg + 1) {
                const Span &used = call.args.at(valueArg);
                m_reporter.report(Severity::Warning, DiagnosticCode::SyntaxError,
                                  call.args.at(valueArg + 1).text,
                                  call.args.at(valueArg + 1).offsetAt(0),
                                  QStringLiteral("An unquoted comma splits the value: m4 passes "
                                                 "only \"%1\" to %2 and drops the rest; quote the "
                                                 "whole value with ` and '.")
                                      .arg(stripM4Quotes(used).text, word));
            }
            const Span value
                = call.args.size() > valueArg ? call.args.at(valueArg) : Span(open + 1);
            const Span cleaned = stripCfCommentInValue(stripM4Quotes(value));
            if (isDaemonOptions) {
                addDeclaration(cleaned, start, SendmailOptions::SpellingMc);
                continue;
            }
            m_reporter.report(Severity::Info, DiagnosticCode::UnsupportedInImport,
                              QStringLiteral("confDAEMON_OPTIONS"), start,
                              QStringLiteral("confDAEMON_OPTIONS is obsolete: sendmail's m4 files "
                                             "warn and turn it into DAEMON_OPTIONS; write "
                                             "DAEMON_OPTIONS instead."));
            if (defineIndex >= 0) {
                // m4 keeps only the last definition.
                m_result.daemons.removeAt(defineIndex);
                const qsizetype earlier = m_starts.takeAt(defineIndex);
                m_reporter.report(
                    Severity::Warning, DiagnosticCode::OptionSetTwice,
                    QStringLiteral("confDAEMON_OPTIONS"), earlier,
                    QStringLiteral("confDAEMON_OPTIONS is defined again on line %1: m4 keeps only "
                                   "the last definition, so this one has no effect.")
                        .arg(m_reporter.locate(start).first));
                defineIndex = -1;
            }
            // proto.m4 turns only a non-empty confDAEMON_OPTIONS into a daemon.
            if (cleaned.trimmed().isEmpty())
                continue;
            defineIndex = m_result.daemons.size();
            addDeclaration(cleaned, start, SendmailOptions::SpellingMcDefine);
        }

        // cf lines pasted into an m4 file reach sendmail.cf only outside divert(-1).
        for (const Span &line : physicalLines(m_text)) {
            if (lineStartsCfDeclaration(line.text)) {
                m_reporter.report(Severity::Warning, DiagnosticCode::UnsupportedInImport, line.text,
                                  line.offsetAt(0),
                                  QStringLiteral("A sendmail.cf line in an m4 file is not "
                                                 "imported: write it as DAEMON_OPTIONS."));
            }
        }
    }

    void finish(bool m4)
    {
        for (qsizetype n = MaxDaemons; n < m_starts.size(); ++n) {
            m_reporter.report(Severity::Error, DiagnosticCode::BadValue, optionName(),
                              m_starts.at(n),
                              QStringLiteral("sendmail accepts at most %1 daemons and ignores this "
                                             "declaration (\"too many daemons defined\").")
                                  .arg(MaxDaemons));
        }
        m_result.isSendmail
            = !m_result.daemons.isEmpty() || SendmailOptions::looksLikeSendmail(m_text);
        if (!m_result.isSendmail) {
            m_reporter.report(Severity::Error, DiagnosticCode::SyntaxError, QString(), 0,
                              QStringLiteral("This is not sendmail configuration: there is no "
                                             "DaemonPortOptions declaration and no sendmail.cf or "
                                             "sendmail.mc content."));
            return;
        }
        if (!m4)
            return;
        const qsizetype at = m_starts.isEmpty() ? 0 : m_starts.front();
        if (m_result.daemons.isEmpty()) {
            m_reporter.report(Severity::Info, DiagnosticCode::UnsupportedInImport, QString(), at,
                              QStringLiteral("There is no DAEMON_OPTIONS: sendmail's m4 files then "
                                             "declare the default daemon Name=MTA (every IPv4 "
                                             "address, port smtp)."));
        }
        if (!m_noDefaultMsa) {
            m_reporter.report(
                Severity::Info, DiagnosticCode::UnsupportedInImport, QString(), at,
                QStringLiteral("Without FEATURE(`no_default_msa') sendmail's m4 files "
                               "also declare Port=587, Name=MSA, M=E; that daemon is "
                               "not part of this import."));
        }
    }

private:
    void readCfOption(const Span &line)
    {
        if (line.size() >= 2 && line.at(1) == u'O') {
            addDeclaration(line.mid(2), line.offsetAt(0), SendmailOptions::SpellingCfDeprecated);
            return;
        }
        // "O name=value": the long form needs exactly a space after the O.
        if (line.size() < 2 || line.at(1) != u' ')
            return;
        const qsizetype eq = line.text.indexOf(u'=');
        const Span name = line.mid(2, eq < 0 ? -1 : eq - 2).trimmed();
        if (!isOptionName(name))
            return;
        addDeclaration(eq < 0 ? Span(line.endOffset) : line.mid(eq + 1), line.offsetAt(0),
                       SendmailOptions::SpellingCf);
    }

    // sendmail -ODaemonPortOptions=..., -O DaemonPortOptions=..., -oO..., -o O...; a quoted word
    // (a shell variable's value) is searched once more.
    void scanShell(const QList<Span> &words, int depth)
    {
        for (qsizetype w = 0; w < words.size(); ++w) {
            const Span &word = words.at(w);
            const bool longForm = word.text.startsWith(QLatin1String("-O"));
            if (longForm || word.text.startsWith(QLatin1String("-o"))) {
                Span arg = word.mid(2);
                if (arg.isEmpty() && w + 1 < words.size())
                    arg = words.at(++w);
                const qsizetype eq = arg.text.indexOf(u'=');
                if (eq < 0)
                    continue;
                if (longForm && isOptionName(arg.mid(0, eq).trimmed())) {
                    addDeclaration(arg.mid(eq + 1), word.offsetAt(0),
                                   SendmailOptions::SpellingCommandLine);
                } else if (!longForm && arg.at(0) == u'O') {
                    addDeclaration(arg.mid(1), word.offsetAt(0),
                                   SendmailOptions::SpellingCommandLineDeprecated);
                }
                continue;
            }
            if (depth == 0 && std::any_of(word.text.cbegin(), word.text.cend(), isCSpace))
                scanShell(shellWords(word), depth + 1);
        }
    }

    void addDeclaration(const Span &value, qsizetype start, const QString &spelling)
    {
        m_result.daemons.append(m_reader.read(value, start, spelling));
        m_starts.append(start);
    }

    const QString &m_text;
    SendmailParseResult &m_result;
    Reporter m_reporter;
    DeclarationReader m_reader;
    QList<qsizetype> m_starts; // where each of m_result.daemons starts in the text
    bool m_noDefaultMsa = false;
};

QString modifierMeaning(QChar letter)
{
    switch (letter.unicode()) {
    case u'a':
        return QStringLiteral("require AUTH");
    case u'b':
        return QStringLiteral("send from the receiving interface");
    case u'c':
        return QStringLiteral("canonify host names");
    case u'f':
        return QStringLiteral("require qualified senders");
    case u'h':
        return QStringLiteral("use the interface's name in HELO");
    case u'r':
        return QStringLiteral("require qualified recipients");
    case u's':
        return QStringLiteral("SMTPS, TLS on connect (Exim: tls_on_connect_ports)");
    case u'u':
        return QStringLiteral("allow unqualified addresses");
    case u'A':
        return QStringLiteral("no AUTH");
    case u'C':
        return QStringLiteral("no host name canonification");
    case u'E':
        return QStringLiteral("no ETRN");
    case u'O':
        return QStringLiteral("optional socket");
    case u'S':
        return QStringLiteral("no STARTTLS (Exim: tls_advertise_hosts, for all sockets)");
    default:
        return QStringLiteral("site-defined");
    }
}

QString cfEscape(QString s)
{
    s.replace(u'#', QLatin1String("\\#"));
    return s;
}

QString shellQuote(const QString &word)
{
    const auto plain = [](QChar c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || QStringView(u"-_=,.:/@%+").contains(c);
    };
    if (!word.isEmpty() && std::all_of(word.cbegin(), word.cend(), plain))
        return word;
    QString quoted = word;
    quoted.replace(u'\'', QLatin1String("'\\''"));
    return QStringLiteral("'") + quoted + QStringLiteral("'");
}

} // namespace

SendmailParseResult SendmailOptions::parse(const QString &text)
{
    SendmailParseResult result;
    Scanner scanner(text, result);
    const bool m4 = looksLikeM4(text);
    if (m4)
        scanner.scanM4();
    else
        scanner.scanLines();
    scanner.finish(m4);
    return result;
}

bool SendmailOptions::looksLikeM4(const QString &text)
{
    static const std::array<QLatin1String, 9> calls{
        QLatin1String("divert("), QLatin1String("DAEMON_OPTIONS("), QLatin1String("define(`"),
        QLatin1String("OSTYPE("), QLatin1String("DOMAIN("),         QLatin1String("FEATURE("),
        QLatin1String("MAILER("), QLatin1String("VERSIONID("),      QLatin1String("include(`")};
    for (const Span &line : physicalLines(text)) {
        const QString t = line.text.trimmed();
        if (t.isEmpty() || t.front() == u'#')
            continue;
        for (const QLatin1String &call : calls) {
            if (t.contains(call))
                return true;
        }
        for (qsizetype at = t.indexOf(QLatin1String("dnl")); at >= 0;
             at = t.indexOf(QLatin1String("dnl"), at + 1)) {
            const bool before = at == 0 || !isIdentChar(t.at(at - 1));
            const bool after = at + 3 >= t.size() || !isIdentChar(t.at(at + 3));
            if (before && after)
                return true;
        }
    }
    return false;
}

bool SendmailOptions::looksLikeSendmail(const QString &text)
{
    static const std::array<QLatin1String, 7> m4Calls{QLatin1String("DAEMON_OPTIONS("),
                                                      QLatin1String("OSTYPE("),
                                                      QLatin1String("MAILER("),
                                                      QLatin1String("FEATURE("),
                                                      QLatin1String("VERSIONID("),
                                                      QLatin1String("define(`conf"),
                                                      QLatin1String("cf.m4")};
    int cfLines = 0;
    bool versionLine = false;
    for (const Span &physical : physicalLines(text)) {
        const QString &line = physical.text;
        const QString t = line.trimmed();
        if (t.isEmpty() || t.front() == u'#')
            continue;
        if (lineStartsCfDeclaration(line)
            || t.contains(QLatin1String("-ODaemonPortOptions="), Qt::CaseInsensitive)
            || t.contains(QLatin1String("-O DaemonPortOptions="), Qt::CaseInsensitive)) {
            return true;
        }
        for (const QLatin1String &call : m4Calls) {
            if (t.contains(call))
                return true;
        }
        const QChar first = line.front();
        if (first == u'V' && line.size() > 1 && isAsciiDigit(line.at(1))) {
            versionLine = versionLine || std::all_of(line.cbegin() + 1, line.cend(), [](QChar c) {
                              return isAsciiLetter(c) || isAsciiDigit(c) || c == u'/';
                          });
        } else if (first == u'O' && line.size() > 2 && line.at(1) == u' '
                   && isAsciiLetter(line.at(2)) && line.contains(u'=')) {
            ++cfLines;
        } else if (first == u'R' && line.size() > 1 && (line.at(1) == u'$' || line.at(1) == u'<')
                   && line.contains(u'\t')) {
            ++cfLines;
        } else if (first == u'M' && line.contains(QLatin1String("P=")) && line.contains(u',')) {
            ++cfLines;
        }
    }
    return (versionLine && cfLines > 0) || cfLines >= 3;
}

QString SendmailOptions::pairs(const SendmailDaemon &daemon)
{
    QStringList parts;
    if (!daemon.name.isEmpty())
        parts.append(QStringLiteral("Name=") + daemon.name);
    if (daemon.family != QLatin1String("inet"))
        parts.append(QStringLiteral("Family=") + daemon.family);
    if (!daemon.address.isEmpty())
        parts.append(QStringLiteral("Addr=") + daemon.address);
    if (daemon.port != QLatin1String("smtp"))
        parts.append(QStringLiteral("Port=") + daemon.port);
    if (daemon.listen != SendmailDaemon::DefaultListen)
        parts.append(QStringLiteral("Listen=%1").arg(daemon.listen));
    if (daemon.receiveBufSize != 0)
        parts.append(QStringLiteral("ReceiveBufSize=%1").arg(daemon.receiveBufSize));
    if (daemon.sendBufSize != 0)
        parts.append(QStringLiteral("SendBufSize=%1").arg(daemon.sendBufSize));
    if (!daemon.modifiers.isEmpty())
        parts.append(QStringLiteral("Modify=") + daemon.modifiers);
    parts.append(daemon.otherKeys);
    parts.append(daemon.unknownKeys);
    return parts.join(QLatin1String(", "));
}

QString SendmailOptions::write(const QList<SendmailDaemon> &daemons, Syntax syntax)
{
    QString out;
    bool defineWritten = false;
    for (const SendmailDaemon &d : daemons) {
        const QString spelling = syntax == Syntax::Cf   ? QString(SpellingCf)
                                 : syntax == Syntax::Mc ? QString(SpellingMc)
                                                        : d.spelling;
        const QString p = pairs(d);
        if (spelling == SpellingCfDeprecated) {
            out += QStringLiteral("OO") + cfEscape(p);
        } else if (spelling == SpellingCommandLine) {
            out += shellQuote(QStringLiteral("-ODaemonPortOptions=") + p);
        } else if (spelling == SpellingCommandLineDeprecated) {
            out += shellQuote(QStringLiteral("-oO") + p);
        } else if (spelling == SpellingMcDefine && !defineWritten) {
            // Double quotes, as sendmail's documentation asks for a define holding commas.
            out += QStringLiteral("define(`confDAEMON_OPTIONS', ``") + cfEscape(p)
                   + QStringLiteral("'')dnl");
            defineWritten = true;
        } else if (spelling == SpellingMc || spelling == SpellingMcDefine) {
            // A second define would replace the first; DAEMON_OPTIONS adds a daemon instead.
            out += QStringLiteral("DAEMON_OPTIONS(`") + cfEscape(p) + QStringLiteral("')dnl");
        } else {
            out += QStringLiteral("O DaemonPortOptions=") + cfEscape(p);
        }
        out += u'\n';
    }
    return out;
}

SendmailEximConversion SendmailOptions::toExim(const QList<SendmailDaemon> &input)
{
    SendmailEximConversion result;
    QList<SendmailDaemon> daemons = input;
    if (daemons.isEmpty()) {
        // sendmail's initdaemon(): one daemon with every default.
        SendmailDaemon d;
        d.resolvedPort = smtpPort();
        daemons.append(d);
    }

    struct Item
    {
        QString address;
        bool ipv6 = false;
        bool wildcard = false;
        int port = 0;
        const SendmailDaemon *daemon = nullptr;
    };
    QList<Item> items;

    for (qsizetype n = 0; n < daemons.size(); ++n) {
        const SendmailDaemon &d = daemons.at(n);
        const QString who = d.name.isEmpty() ? QStringLiteral("Daemon%1").arg(n) : d.name;
        const auto note
            = [&result, &d](Severity severity, const QString &item, const QString &message) {
                  result.notConvertible.append({severity, DiagnosticCode::SendmailNotConvertible,
                                                optionName(), item, d.line, d.column, message});
              };
        const bool ipv6 = d.family == QLatin1String("inet6");
        if (!ipv6 && d.family != QLatin1String("inet")) {
            note(Severity::Error, QStringLiteral("Family=%1").arg(d.family),
                 QStringLiteral("Daemon %1: Family=%2 has no Exim equivalent; the socket is left "
                                "out.")
                     .arg(who, d.family));
            continue;
        }
        AddressReading address;
        if (d.address.isEmpty()) {
            address.kind = AddressKind::Any;
        } else {
            address = readAddress(d.family, d.address);
        }
        if (address.kind == AddressKind::HostName) {
            note(Severity::Error, QStringLiteral("Addr=%1").arg(d.address),
                 QStringLiteral("Daemon %1: Addr=%2 is a host name and Exim's local_interfaces "
                                "takes IP addresses only; resolve it. The socket is left out.")
                     .arg(who, d.address));
            continue;
        }
        if (address.kind == AddressKind::Invalid) {
            note(Severity::Error, QStringLiteral("Addr=%1").arg(d.address),
                 QStringLiteral("Daemon %1: sendmail cannot bind Addr=%2; the socket is left out.")
                     .arg(who, d.address));
            continue;
        }
        if (d.resolvedPort < 1 || d.resolvedPort > 65535) {
            note(Severity::Error, QStringLiteral("Port=%1").arg(d.port),
                 QStringLiteral("Daemon %1: Port=%2 gives no usable port; the socket is left out.")
                     .arg(who, d.port));
            continue;
        }
        Item item;
        item.ipv6 = ipv6;
        item.wildcard = address.kind == AddressKind::Any;
        item.address = item.wildcard ? (ipv6 ? QStringLiteral("::0") : QStringLiteral("0.0.0.0"))
                                     : address.eximText;
        item.port = d.resolvedPort;
        item.daemon = &d;
        const bool duplicate = std::any_of(items.cbegin(), items.cend(), [&item](const Item &i) {
            return i.address == item.address && i.port == item.port;
        });
        if (duplicate) {
            note(Severity::Warning, QStringLiteral("%1 port %2").arg(item.address).arg(item.port),
                 QStringLiteral("Daemon %1: %2 port %3 is declared twice (sendmail cannot bind it "
                                "twice either); it is converted once.")
                     .arg(who, item.address)
                     .arg(item.port));
            continue;
        }
        items.append(item);

        if (!d.name.isEmpty()) {
            note(Severity::Warning, QStringLiteral("Name=%1").arg(d.name),
                 QStringLiteral("Name=%1 cannot be expressed in Exim, which does not name its "
                                "sockets.")
                     .arg(d.name));
        }
        if (d.receiveBufSize > 0) {
            note(Severity::Warning, QStringLiteral("ReceiveBufSize=%1").arg(d.receiveBufSize),
                 QStringLiteral("Daemon %1: ReceiveBufSize=%2 cannot be expressed in Exim, which "
                                "leaves socket buffers at the system default.")
                     .arg(who)
                     .arg(d.receiveBufSize));
        }
        if (d.sendBufSize > 0) {
            note(Severity::Warning, QStringLiteral("SendBufSize=%1").arg(d.sendBufSize),
                 QStringLiteral("Daemon %1: SendBufSize=%2 cannot be expressed in Exim, which "
                                "leaves socket buffers at the system default.")
                     .arg(who)
                     .arg(d.sendBufSize));
        }
        if (!d.modifiers.isEmpty()) {
            QStringList meanings;
            for (const QChar letter : d.modifiers)
                meanings.append(QStringLiteral("%1: %2").arg(letter, modifierMeaning(letter)));
            note(Severity::Warning, QStringLiteral("Modify=%1").arg(d.modifiers),
                 QStringLiteral("Daemon %1: Modify=%2 (%3) cannot be expressed per socket in "
                                "Exim's listening options.")
                     .arg(who, d.modifiers, meanings.join(QLatin1String("; "))));
        }
        for (const QString &other : d.otherKeys) {
            note(Severity::Warning, other,
                 QStringLiteral("Daemon %1: %2 is a per-socket sendmail setting that Exim's "
                                "listening options cannot express.")
                     .arg(who, other));
        }
    }

    if (items.isEmpty())
        return result;

    // Exim's ::0 is IPv6-only; sendmail sets no IPV6_V6ONLY on its sockets.
    for (const Item &item : std::as_const(items)) {
        if (!item.ipv6 || !item.wildcard)
            continue;
        const bool paired = std::any_of(items.cbegin(), items.cend(), [&item](const Item &i) {
            return !i.ipv6 && i.wildcard && i.port == item.port;
        });
        if (!paired) {
            const SendmailDaemon &d = *item.daemon;
            result.notConvertible.append(
                {Severity::Warning, DiagnosticCode::SendmailNotConvertible, optionName(),
                 QStringLiteral("::0"), d.line, d.column,
                 QStringLiteral("Exim's ::0 listens on IPv6 only, while sendmail's inet6 "
                                "any-address socket also takes IPv4 where the system allows it "
                                "(net.ipv6.bindv6only = 0): add 0.0.0.0 on port %1 to keep IPv4.")
                     .arg(item.port)});
        }
    }

    const int firstPort = items.front().port;
    const bool samePort = std::all_of(items.cbegin(), items.cend(),
                                      [firstPort](const Item &i) { return i.port == firstPort; });
    QStringList texts;
    bool anyIpv6 = false;
    for (const Item &item : std::as_const(items)) {
        anyIpv6 = anyIpv6 || item.ipv6;
        if (samePort)
            texts.append(item.address);
        else if (item.ipv6)
            texts.append(QStringLiteral("[%1]:%2").arg(item.address).arg(item.port));
        else
            texts.append(QStringLiteral("%1.%2").arg(item.address).arg(item.port));
    }
    result.localInterfaces = anyIpv6 ? QStringLiteral("<; ") + texts.join(QLatin1String(" ; "))
                                     : texts.join(QLatin1String(" : "));
    if (samePort) {
        // Exim looks service names up in the same services database.
        const QString written = items.front().daemon->port;
        const bool sameName
            = !written.isEmpty() && !isAsciiDigit(written.front())
              && std::all_of(items.cbegin(), items.cend(),
                             [&written](const Item &i) { return i.daemon->port == written; });
        result.daemonSmtpPorts = sameName ? written : QString::number(firstPort);
    }

    QList<int> backlogs;
    for (const Item &item : std::as_const(items)) {
        if (!backlogs.contains(item.daemon->listen))
            backlogs.append(item.daemon->listen);
    }
    const int largest = *std::max_element(backlogs.cbegin(), backlogs.cend());
    const SendmailDaemon &first = *items.front().daemon;
    if (largest > 0)
        result.smtpConnectBacklog = QString::number(largest);
    if (backlogs.size() > 1) {
        QStringList values;
        for (const int b : std::as_const(backlogs))
            values.append(QString::number(b));
        result.notConvertible.append(
            {Severity::Warning, DiagnosticCode::SendmailNotConvertible, optionName(),
             QStringLiteral("Listen"), first.line, first.column,
             QStringLiteral("The daemons have different Listen values (%1), but Exim's "
                            "smtp_connect_backlog applies to every socket: %2.")
                 .arg(values.join(QLatin1String(", ")),
                      largest > 0 ? QStringLiteral("using %1").arg(largest)
                                  : QStringLiteral("Exim's default (20) applies"))});
    } else if (largest <= 0) {
        result.notConvertible.append(
            {Severity::Warning, DiagnosticCode::SendmailNotConvertible, optionName(),
             QStringLiteral("Listen=%1").arg(largest), first.line, first.column,
             QStringLiteral("Listen=%1 asks for the system's default backlog, which Exim cannot: "
                            "its default smtp_connect_backlog (20) applies.")
                 .arg(largest)});
    }
    return result;
}

SendmailFromEximResult SendmailOptions::fromExim(const QList<std::pair<QString, int>> &sockets,
                                                 int backlog)
{
    SendmailFromEximResult result;
    int v4Count = 0;
    int v6Count = 0;
    for (const auto &[written, port] : sockets) {
        const QString address = written.trimmed();
        const QString item = QStringLiteral("%1 port %2").arg(address).arg(port);
        const auto leftOut = [&result, &item](const QString &message) {
            result.notConvertible.append({Severity::Error, DiagnosticCode::SendmailNotConvertible,
                                          optionName(), item, 0, 0, message});
        };
        if (port < 1 || port > 65535) {
            leftOut(QStringLiteral("Port %1 is outside 1 to 65535: sendmail cannot listen on %2; "
                                   "it is left out.")
                        .arg(port)
                        .arg(item));
            continue;
        }
        if (address.contains(u'%')) {
            leftOut(QStringLiteral("sendmail's Addr takes no IPv6 scope: %1 cannot be expressed "
                                   "and is left out.")
                        .arg(item));
            continue;
        }
        SendmailDaemon d;
        const bool ipv6 = address.contains(u':');
        d.family = ipv6 ? QStringLiteral("inet6") : QStringLiteral("inet");
        const bool wildcard = address.isEmpty() || address == QLatin1String("0.0.0.0")
                              || address == QLatin1String("::0");
        d.address = wildcard ? QString() : address;
        d.port = QString::number(port);
        d.resolvedPort = port;
        d.listen = backlog;
        const int count = ipv6 ? ++v6Count : ++v4Count;
        d.name = ipv6 ? QStringLiteral("MTA-v6") : QStringLiteral("MTA-v4");
        if (count > 1)
            d.name += QStringLiteral("-%1").arg(count);

        if (!ipv6 && wildcard) {
            const bool v6WildcardBefore = std::any_of(
                result.daemons.cbegin(), result.daemons.cend(), [port](const SendmailDaemon &o) {
                    return o.family == QLatin1String("inet6") && o.address.isEmpty()
                           && o.resolvedPort == port;
                });
            if (v6WildcardBefore) {
                // Where IPv6 sockets take IPv4 too, sendmail's inet6 socket already holds the
                // port: Modify=O lets sendmail carry on without this one instead of failing.
                d.modifiers = QStringLiteral("O");
                result.notConvertible.append(
                    {Severity::Info, DiagnosticCode::SendmailNotConvertible, optionName(), item, 0,
                     0,
                     QStringLiteral("sendmail sets no IPV6_V6ONLY: where the IPv6 any-address "
                                    "socket also takes IPv4, binding 0.0.0.0 port %1 fails, so it "
                                    "is marked Modify=O (optional).")
                         .arg(port)});
            }
        }
        result.daemons.append(d);
    }
    return result;
}

} // namespace Mailport
