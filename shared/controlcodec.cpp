#include "controlcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QtEndian>

namespace Mailport {

QByteArray ControlCodec::encode(const QJsonObject &message)
{
    const QByteArray body = QJsonDocument(message).toJson(QJsonDocument::Compact);
    if (body.size() > MaxFrameSize)
        return {};
    QByteArray frame(HeaderSize, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(body.size()), frame.data());
    frame.append(body);
    return frame;
}

void ControlCodec::append(QByteArrayView data)
{
    if (isInvalid())
        return;
    // Drop consumed bytes before growing, so the buffer holds at most one partial frame plus the
    // new data.
    if (m_consumed > 0) {
        m_buffer.remove(0, m_consumed);
        m_consumed = 0;
    }
    m_buffer.append(data);
}

ControlCodec::Result ControlCodec::next()
{
    if (isInvalid())
        return m_failure;
    const qsizetype available = bufferedBytes();
    if (available < HeaderSize)
        return {};
    const char *header = m_buffer.constData() + m_consumed;
    const quint32 length = qFromBigEndian<quint32>(header);
    if (length > quint64(MaxFrameSize)) {
        return fail(Error::Oversized, QStringLiteral("frame of %1 bytes exceeds the limit of %2")
                                          .arg(length)
                                          .arg(MaxFrameSize));
    }
    if (length == 0)
        return fail(Error::Empty, QStringLiteral("empty frame"));
    if (available < HeaderSize + qsizetype(length))
        return {};

    const QByteArrayView body(header + HeaderSize, qsizetype(length));
    if (!isValidUtf8(body))
        return fail(Error::BadUtf8, QStringLiteral("frame is not valid UTF-8"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    m_consumed += HeaderSize + qsizetype(length);
    if (m_consumed == m_buffer.size()) {
        // The common case: keep the allocation, forget the content.
        m_buffer.resize(0);
        m_consumed = 0;
    }
    if (parseError.error != QJsonParseError::NoError) {
        // Qt 6.4 rejects a bare scalar at the top level as a syntax error; seen inside an array
        // it tells "valid JSON, but not an object" apart from "not JSON".
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + body.toByteArray() + ']');
        if (wrapped.isArray() && wrapped.array().size() == 1)
            return fail(Error::NotObject, QStringLiteral("frame is JSON but not an object"));
        return fail(Error::NotJson, QStringLiteral("frame is not JSON: %1 at offset %2")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset));
    }
    if (!document.isObject())
        return fail(Error::NotObject, QStringLiteral("frame is JSON but not an object"));
    return {Status::Message, Error::None, {}, document.object()};
}

QList<ControlCodec::Result> ControlCodec::feed(QByteArrayView data)
{
    append(data);
    QList<Result> results;
    for (;;) {
        Result result = next();
        const bool done = result.status != Status::Message;
        results.append(std::move(result));
        if (done)
            return results;
    }
}

void ControlCodec::reset()
{
    m_buffer.clear();
    m_consumed = 0;
    m_failure = {};
}

ControlCodec::Result ControlCodec::fail(Error error, const QString &reason)
{
    m_failure = {Status::Invalid, error, reason, {}};
    m_buffer.clear();
    m_consumed = 0;
    return m_failure;
}

bool ControlCodec::isValidUtf8(QByteArrayView data)
{
    // Written out rather than left to the JSON parser so that "bad UTF-8" is reported as such,
    // including outside strings, and with RFC 3629's exact rules.
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.data());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int continuation = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            if (lead == 0xE0)
                low = 0xA0; // overlong
            else if (lead == 0xED)
                high = 0x9F; // UTF-16 surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            if (lead == 0xF0)
                low = 0x90; // overlong
            else if (lead == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return false;
        }
        if (size - i <= continuation)
            return false;
        if (bytes[i + 1] < low || bytes[i + 1] > high)
            return false;
        for (int k = 2; k <= continuation; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return false;
        }
        i += continuation + 1;
    }
    return true;
}

} // namespace Mailport
