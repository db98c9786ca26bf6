#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

namespace Mailport {

/// What a HAProxy PROXY protocol header says about the connection it precedes.
struct ProxyHeader
{
    int version = 0; ///< 1 (text) or 2 (binary)
    /// v1 `UNKNOWN` or v2 `LOCAL`: no addresses; the connection's own endpoints apply (health
    /// checks from the proxy itself).
    bool local = false;
    QHostAddress sourceAddress; ///< the real client
    quint16 sourcePort = 0;
    QHostAddress destinationAddress; ///< the address the client connected to at the proxy
    quint16 destinationPort = 0;
    qsizetype length = 0; ///< bytes the header occupies at the start of the stream
};

/// A strict parser of the PROXY protocol (haproxy's proxy-protocol.txt), versions 1 and 2, without
/// any I/O. Bytes after the header (a TLS ClientHello, an early SMTP command) are never consumed,
/// so the caller can hand them on.
///
/// Version 1: `PROXY TCP4|TCP6 <src> <dst> <srcport> <dstport>\r\n` with single spaces, canonical
/// addresses and ports, or `PROXY UNKNOWN...\r\n`; at most 107 bytes, CRLF only.
/// Version 2: the 12-byte signature, version 2, command LOCAL or PROXY, AF_INET or AF_INET6 over
/// STREAM for PROXY, the length, then TLVs, whose framing is checked and whose content is skipped.
class ProxyHeaderParser final
{
public:
    enum class Status {
        Incomplete, ///< every byte so far may begin a valid header; more are needed
        Invalid,    ///< not a valid header; reason says why
        Done,       ///< a complete header; see header
    };

    struct Result
    {
        Status status = Status::Incomplete;
        QString reason; ///< English, for the log; set when Invalid
        ProxyHeader header;
    };

    static constexpr qsizetype MaxV1Length = 107;
    static constexpr qsizetype V2FixedLength = 16;
    static constexpr qsizetype MaxLength = V2FixedLength + 0xFFFF;

    /// Parses the header at the start of @p bytes (which may hold more than the header).
    static Result parse(QByteArrayView bytes);

    /// Appends @p bytes to what was fed before and parses the whole. Once the result is Done or
    /// Invalid, further calls return the same result and keep nothing new.
    Result feed(QByteArrayView bytes);
    /// After Done: the bytes fed beyond the header.
    QByteArray remainder() const;
    Result result() const { return m_result; }

private:
    QByteArray m_buffer;
    Result m_result;
};

} // namespace Mailport
