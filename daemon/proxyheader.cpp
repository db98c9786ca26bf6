#include "proxyheader.h"

#include <QList>

#include <cstring>

namespace Mailport {

namespace {

constexpr char kV1Prefix[] = "PROXY ";
constexpr qsizetype kV1PrefixLength = 6;
constexpr unsigned char kV2Signature[12]
    = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
constexpr qsizetype kV2SignatureLength = 12;

constexpr int kFamilyUnspec = 0;
constexpr int kFamilyInet = 1;
constexpr int kFamilyInet6 = 2;
constexpr int kFamilyUnix = 3;
constexpr int kTransportUnspec = 0;
constexpr int kTransportStream = 1;
constexpr int kTransportDgram = 2;
constexpr int kCommandLocal = 0;
constexpr int kCommandProxy = 1;
constexpr qsizetype kInetAddressLength = 12;
constexpr qsizetype kInet6AddressLength = 36;
constexpr qsizetype kTlvHeaderLength = 3;

ProxyHeaderParser::Result invalid(const QString &reason)
{
    ProxyHeaderParser::Result r;
    r.status = ProxyHeaderParser::Status::Invalid;
    r.reason = reason;
    return r;
}

ProxyHeaderParser::Result incomplete()
{
    return {};
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// A decimal number of at most maxDigits digits without a leading zero (other than "0" itself):
// the canonical form is the only one accepted, so no two spellings reach the log.
bool parseDecimal(QByteArrayView text, int maxDigits, quint32 maxValue, quint32 *out)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return false;
    if (text.size() > 1 && text.front() == '0')
        return false;
    quint32 value = 0;
    for (char c : text) {
        if (!isDigit(c))
            return false;
        value = value * 10 + quint32(c - '0');
    }
    if (value > maxValue)
        return false;
    *out = value;
    return true;
}

bool parseIpv4(QByteArrayView text, QHostAddress *out)
{
    quint32 address = 0;
    int parts = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '.')
            continue;
        quint32 octet = 0;
        if (parts == 4 || !parseDecimal(text.sliced(start, i - start), 3, 255, &octet))
            return false;
        address = (address << 8) | octet;
        ++parts;
        start = i + 1;
    }
    if (parts != 4)
        return false;
    *out = QHostAddress(address);
    return true;
}

bool parseIpv6(QByteArrayView text, QHostAddress *out)
{
    // Only the characters of RFC 4291 text: no scope, no brackets, no white space.
    if (text.isEmpty() || text.size() > 45)
        return false;
    for (char c : text) {
        const bool hex = isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex && c != ':' && c != '.')
            return false;
    }
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(text))
        || address.protocol() != QAbstractSocket::IPv6Protocol)
        return false;
    *out = address;
    return true;
}

QString printable(QByteArrayView bytes)
{
    QString out;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F)
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return out;
}

ProxyHeaderParser::Result parseV1Line(QByteArrayView line, qsizetype length)
{
    // line is what follows "PROXY ", without the CRLF.
    ProxyHeaderParser::Result r;
    r.header.version = 1;
    r.header.length = length;
    if (line.startsWith("UNKNOWN") && (line.size() == 7 || line[7] == ' ')) {
        // The specification makes the receiver ignore everything after UNKNOWN.
        r.status = ProxyHeaderParser::Status::Done;
        r.header.local = true;
        return r;
    }
    QList<QByteArrayView> fields;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == ' ') {
            fields.append(line.sliced(start, i - start));
            start = i + 1;
        }
    }
    const QByteArrayView protocol = fields.first();
    const bool tcp4 = protocol == "TCP4";
    if (!tcp4 && protocol != "TCP6")
        return invalid(
            QStringLiteral("PROXY v1: unknown protocol \"%1\"").arg(printable(protocol)));
    if (fields.size() != 5)
        return invalid(QStringLiteral("PROXY v1: %1 needs exactly four fields separated by single "
                                      "spaces")
                           .arg(printable(protocol)));
    auto address = [tcp4](QByteArrayView text, QHostAddress *out) {
        return tcp4 ? parseIpv4(text, out) : parseIpv6(text, out);
    };
    if (!address(fields[1], &r.header.sourceAddress))
        return invalid(QStringLiteral("PROXY v1: malformed %1 source address \"%2\"")
                           .arg(printable(protocol), printable(fields[1])));
    if (!address(fields[2], &r.header.destinationAddress))
        return invalid(QStringLiteral("PROXY v1: malformed %1 destination address \"%2\"")
                           .arg(printable(protocol), printable(fields[2])));
    quint32 port = 0;
    if (!parseDecimal(fields[3], 5, 65535, &port))
        return invalid(
            QStringLiteral("PROXY v1: malformed source port \"%1\"").arg(printable(fields[3])));
    r.header.sourcePort = quint16(port);
    if (!parseDecimal(fields[4], 5, 65535, &port))
        return invalid(QStringLiteral("PROXY v1: malformed destination port \"%1\"")
                           .arg(printable(fields[4])));
    r.header.destinationPort = quint16(port);
    r.status = ProxyHeaderParser::Status::Done;
    return r;
}

ProxyHeaderParser::Result parseV1(QByteArrayView bytes)
{
    const qsizetype prefix = qMin(bytes.size(), kV1PrefixLength);
    if (bytes.first(prefix) != QByteArrayView(kV1Prefix, prefix))
        return invalid(QStringLiteral("not a PROXY protocol header (starts with \"%1\")")
                           .arg(printable(bytes.first(qMin(bytes.size(), qsizetype(16))))));
    for (qsizetype i = 0; i < bytes.size() && i < ProxyHeaderParser::MaxV1Length; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n')
            return invalid(QStringLiteral("PROXY v1: line ends in a bare LF"));
        if (c == '\r') {
            if (i + 2 > ProxyHeaderParser::MaxV1Length)
                break;
            if (i + 1 == bytes.size())
                return incomplete();
            if (bytes[i + 1] != '\n')
                return invalid(QStringLiteral("PROXY v1: CR not followed by LF"));
            return parseV1Line(bytes.sliced(kV1PrefixLength, i - kV1PrefixLength), i + 2);
        }
        if (c < 0x20 || c >= 0x7F)
            return invalid(QStringLiteral("PROXY v1: control or non-ASCII byte 0x%1")
                               .arg(c, 2, 16, QLatin1Char('0')));
    }
    if (bytes.size() >= ProxyHeaderParser::MaxV1Length)
        return invalid(QStringLiteral("PROXY v1: no CRLF within %1 bytes")
                           .arg(ProxyHeaderParser::MaxV1Length));
    return incomplete();
}

quint16 bigEndian16(QByteArrayView bytes, qsizetype at)
{
    return quint16((static_cast<unsigned char>(bytes[at]) << 8)
                   | static_cast<unsigned char>(bytes[at + 1]));
}

QHostAddress inet6At(QByteArrayView bytes, qsizetype at)
{
    Q_IPV6ADDR raw;
    std::memcpy(raw.c, bytes.data() + at, sizeof raw.c);
    return QHostAddress(raw);
}

QHostAddress inetAt(QByteArrayView bytes, qsizetype at)
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return QHostAddress(value);
}

ProxyHeaderParser::Result parseV2(QByteArrayView bytes)
{
    const qsizetype prefix = qMin(bytes.size(), kV2SignatureLength);
    if (std::memcmp(bytes.data(), kV2Signature, size_t(prefix)) != 0)
        return invalid(QStringLiteral("not a PROXY protocol header (starts with \"%1\")")
                           .arg(printable(bytes.first(qMin(bytes.size(), qsizetype(16))))));
    if (bytes.size() > 12) {
        const int versionCommand = static_cast<unsigned char>(bytes[12]);
        if ((versionCommand >> 4) != 2)
            return invalid(
                QStringLiteral("PROXY v2: unsupported version %1").arg(versionCommand >> 4));
        if ((versionCommand & 0x0F) > kCommandProxy)
            return invalid(
                QStringLiteral("PROXY v2: unknown command %1").arg(versionCommand & 0x0F));
    }
    if (bytes.size() > 13) {
        const int family = static_cast<unsigned char>(bytes[13]) >> 4;
        const int transport = static_cast<unsigned char>(bytes[13]) & 0x0F;
        if (family > kFamilyUnix || transport > kTransportDgram
            || ((family == kFamilyUnspec) != (transport == kTransportUnspec)))
            return invalid(
                QStringLiteral("PROXY v2: undefined address family and transport byte 0x%1")
                    .arg(static_cast<unsigned char>(bytes[13]), 2, 16, QLatin1Char('0')));
    }
    if (bytes.size() < ProxyHeaderParser::V2FixedLength)
        return incomplete();

    const int command = static_cast<unsigned char>(bytes[12]) & 0x0F;
    const int family = static_cast<unsigned char>(bytes[13]) >> 4;
    const int transport = static_cast<unsigned char>(bytes[13]) & 0x0F;
    const qsizetype length = bigEndian16(bytes, 14);
    const qsizetype total = ProxyHeaderParser::V2FixedLength + length;
    if (command == kCommandProxy) {
        if ((family != kFamilyInet && family != kFamilyInet6) || transport != kTransportStream)
            return invalid(QStringLiteral("PROXY v2: only TCP over IPv4 or IPv6 is supported"));
        const qsizetype needed = family == kFamilyInet ? kInetAddressLength : kInet6AddressLength;
        if (length < needed)
            return invalid(
                QStringLiteral("PROXY v2: length %1 is too short for the addresses").arg(length));
    }
    if (bytes.size() < total)
        return incomplete();

    ProxyHeaderParser::Result r;
    r.status = ProxyHeaderParser::Status::Done;
    r.header.version = 2;
    r.header.length = total;
    if (command == kCommandLocal) {
        // The receiver must accept LOCAL and ignore whatever address block it carries.
        r.header.local = true;
        return r;
    }
    const qsizetype at = ProxyHeaderParser::V2FixedLength;
    qsizetype tlv = at;
    if (family == kFamilyInet) {
        r.header.sourceAddress = inetAt(bytes, at);
        r.header.destinationAddress = inetAt(bytes, at + 4);
        r.header.sourcePort = bigEndian16(bytes, at + 8);
        r.header.destinationPort = bigEndian16(bytes, at + 10);
        tlv += kInetAddressLength;
    } else {
        r.header.sourceAddress = inet6At(bytes, at);
        r.header.destinationAddress = inet6At(bytes, at + 16);
        r.header.sourcePort = bigEndian16(bytes, at + 32);
        r.header.destinationPort = bigEndian16(bytes, at + 34);
        tlv += kInet6AddressLength;
    }
    while (tlv < total) {
        if (total - tlv < kTlvHeaderLength)
            return invalid(QStringLiteral("PROXY v2: truncated TLV header"));
        const qsizetype valueLength = bigEndian16(bytes, tlv + 1);
        if (total - tlv - kTlvHeaderLength < valueLength)
            return invalid(
                QStringLiteral("PROXY v2: TLV of type 0x%1 runs past the header")
                    .arg(static_cast<unsigned char>(bytes[tlv]), 2, 16, QLatin1Char('0')));
        tlv += kTlvHeaderLength + valueLength;
    }
    return r;
}

} // namespace

ProxyHeaderParser::Result ProxyHeaderParser::parse(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return incomplete();
    if (bytes.front() == kV2Signature[0])
        return parseV2(bytes);
    return parseV1(bytes);
}

ProxyHeaderParser::Result ProxyHeaderParser::feed(QByteArrayView bytes)
{
    if (m_result.status != Status::Incomplete)
        return m_result;
    // Bounded: while Incomplete the buffer holds less than MaxLength bytes before this append.
    m_buffer.append(bytes);
    m_result = parse(m_buffer);
    return m_result;
}

QByteArray ProxyHeaderParser::remainder() const
{
    if (m_result.status != Status::Done)
        return {};
    return m_buffer.sliced(m_result.header.length);
}

} // namespace Mailport
