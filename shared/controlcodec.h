#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mailport {

/// Frames of the control channel: a 4-byte big-endian body length, then that many bytes of UTF-8
/// JSON holding one object. Does no I/O.
///
/// Encoding is static. Decoding is stateful: append() the bytes as they arrive, then call next()
/// until it says Incomplete (wait for more) or Invalid (close the connection; the decoder stays
/// invalid until reset()). feed() does both at once.
class ControlCodec final
{
public:
    /// Largest body accepted or produced. A length prefix above it is rejected on sight, so a
    /// peer cannot make the decoder buffer more than this plus what it already sent.
    static constexpr qsizetype MaxFrameSize = 1024 * 1024;
    static constexpr qsizetype HeaderSize = 4;

    enum class Status { Incomplete, Invalid, Message };
    enum class Error { None, Oversized, Empty, BadUtf8, NotJson, NotObject };

    struct Result
    {
        Status status = Status::Incomplete;
        Error error = Error::None;
        QString reason;      ///< English, for logs and the peer; set when Invalid
        QJsonObject message; ///< set when Message
    };

    /// The frame carrying \a message, or an empty array if its body would exceed MaxFrameSize.
    static QByteArray encode(const QJsonObject &message);

    /// Buffers \a data; ignored once the decoder is invalid.
    void append(QByteArrayView data);
    /// The next decoded frame, Incomplete if more bytes are needed, or Invalid.
    Result next();
    /// append() then next() until not Message: zero or more Message results followed by exactly
    /// one Incomplete or Invalid.
    QList<Result> feed(QByteArrayView data);
    /// Forgets buffered bytes and any error.
    void reset();

    /// Bytes buffered and not yet decoded.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_consumed; }
    bool isInvalid() const { return m_failure.status == Status::Invalid; }

    /// True if \a data is well-formed UTF-8 (no overlong forms, surrogates or code points above
    /// U+10FFFF).
    static bool isValidUtf8(QByteArrayView data);

private:
    Result fail(Error error, const QString &reason);

    QByteArray m_buffer;
    qsizetype m_consumed = 0;
    Result m_failure;
};

} // namespace Mailport
