#include "controlcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

using namespace Mailport;

Q_DECLARE_METATYPE(Mailport::ControlCodec::Status)
Q_DECLARE_METATYPE(Mailport::ControlCodec::Error)

namespace {

QByteArray header(quint32 length)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian<quint32>(length, bytes.data());
    return bytes;
}

QByteArray frame(const QByteArray &body)
{
    return header(quint32(body.size())) + body;
}

struct Outcome
{
    QList<QJsonObject> messages;
    ControlCodec::Status status = ControlCodec::Status::Incomplete;
    ControlCodec::Error error = ControlCodec::Error::None;
    QString reason;
    bool wellShaped = true; ///< every feed gave messages, then exactly one terminal result
};

// Feeds the chunks one after the other, as a socket would deliver them.
Outcome decode(const QList<QByteArray> &chunks)
{
    ControlCodec codec;
    Outcome outcome;
    for (const QByteArray &chunk : chunks) {
        const QList<ControlCodec::Result> results = codec.feed(chunk);
        if (results.isEmpty()) {
            outcome.wellShaped = false;
            return outcome;
        }
        for (qsizetype i = 0; i < results.size(); ++i) {
            const ControlCodec::Result &result = results.at(i);
            const bool last = i == results.size() - 1;
            if (last == (result.status == ControlCodec::Status::Message))
                outcome.wellShaped = false;
            if (result.status == ControlCodec::Status::Message)
                outcome.messages.append(result.message);
        }
        outcome.status = results.constLast().status;
        outcome.error = results.constLast().error;
        outcome.reason = results.constLast().reason;
    }
    return outcome;
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class tst_ControlCodec final : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void oversizedLengthRejectedBeforeBody();
    void largestFrameAccepted();
    void encodeRoundTrip_data();
    void encodeRoundTrip();
    void invalidStaysInvalidUntilReset();
    void utf8Validation_data();
    void utf8Validation();
};

void tst_ControlCodec::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QJsonObject>>("messages");
    QTest::addColumn<ControlCodec::Status>("status");
    QTest::addColumn<ControlCodec::Error>("error");

    using S = ControlCodec::Status;
    using E = ControlCodec::Error;
    const QByteArray hello = R"({"type":"hello","id":1,"version":1,"client":"test"})";
    const QJsonObject helloObject = object(hello.constData());
    const QByteArray status = R"({"type":"status","id":2})";
    const QJsonObject statusObject = object(status.constData());
    const QByteArray unicode
        = "{\"s\":\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\",\"e\":\"\\u00e9\\u0000\"}";
    const QJsonObject unicodeObject{{QStringLiteral("s"), QString::fromUtf8("é€😀")},
                                    {QStringLiteral("e"), QString(QStringLiteral("é") + QChar(0))}};
    const QByteArray nested = R"({"a":[1,2,{"b":true}],"n":null,"o":{"x":{"y":"z"}}})";

    QTest::newRow("nothing") << QByteArray() << QList<QJsonObject>() << S::Incomplete << E::None;
    QTest::newRow("one") << frame(hello) << QList<QJsonObject>{helloObject} << S::Incomplete
                         << E::None;
    QTest::newRow("two in a row") << frame(hello) + frame(status)
                                  << QList<QJsonObject>{helloObject, statusObject} << S::Incomplete
                                  << E::None;
    QTest::newRow("three with unicode and nesting")
        << frame(unicode) + frame(nested) + frame("{}")
        << QList<QJsonObject>{unicodeObject, object(nested.constData()), QJsonObject()}
        << S::Incomplete << E::None;
    QTest::newRow("whitespace around the object")
        << frame(" \n{\"a\":1}\t ") << QList<QJsonObject>{object(R"({"a":1})")} << S::Incomplete
        << E::None;
    QTest::newRow("partial header after a frame")
        << frame(hello) + header(10).left(3) << QList<QJsonObject>{helloObject} << S::Incomplete
        << E::None;
    QTest::newRow("partial body") << frame(hello).chopped(1) << QList<QJsonObject>()
                                  << S::Incomplete << E::None;

    QTest::newRow("zero length") << header(0) << QList<QJsonObject>() << S::Invalid << E::Empty;
    QTest::newRow("zero length after a frame")
        << frame(hello) + header(0) + frame(status) << QList<QJsonObject>{helloObject} << S::Invalid
        << E::Empty;
    QTest::newRow("length one over the cap") << header(quint32(ControlCodec::MaxFrameSize + 1))
                                             << QList<QJsonObject>() << S::Invalid << E::Oversized;
    QTest::newRow("length 0xffffffff with a body")
        << header(0xffffffffu) + hello << QList<QJsonObject>() << S::Invalid << E::Oversized;
    QTest::newRow("oversized after a frame")
        << frame(status) + header(0x7fffffffu) << QList<QJsonObject>{statusObject} << S::Invalid
        << E::Oversized;

    QTest::newRow("truncated JSON")
        << frame(R"({"type":)") << QList<QJsonObject>() << S::Invalid << E::NotJson;
    QTest::newRow("plain text") << frame("hello") << QList<QJsonObject>() << S::Invalid
                                << E::NotJson;
    QTest::newRow("two objects in one frame")
        << frame("{}{}") << QList<QJsonObject>() << S::Invalid << E::NotJson;
    QTest::newRow("trailing comma")
        << frame(R"({"a":1,})") << QList<QJsonObject>() << S::Invalid << E::NotJson;
    QTest::newRow("NUL outside a string")
        << frame(QByteArray("{}\0", 3)) << QList<QJsonObject>() << S::Invalid << E::NotJson;
    QTest::newRow("invalid after a valid frame")
        << frame(hello) + frame("{") + frame(status) << QList<QJsonObject>{helloObject}
        << S::Invalid << E::NotJson;

    QTest::newRow("array") << frame("[1,2]") << QList<QJsonObject>() << S::Invalid << E::NotObject;
    QTest::newRow("number") << frame("42") << QList<QJsonObject>() << S::Invalid << E::NotObject;
    QTest::newRow("string") << frame("\"x\"") << QList<QJsonObject>() << S::Invalid << E::NotObject;
    QTest::newRow("null") << frame("null") << QList<QJsonObject>() << S::Invalid << E::NotObject;
    QTest::newRow("true") << frame("true") << QList<QJsonObject>() << S::Invalid << E::NotObject;
    QTest::newRow("two scalars") << frame("1,2") << QList<QJsonObject>() << S::Invalid
                                 << E::NotJson;

    QTest::newRow("overlong slash")
        << frame("{\"s\":\"\xC0\xAF\"}") << QList<QJsonObject>() << S::Invalid << E::BadUtf8;
    QTest::newRow("UTF-16 surrogate")
        << frame("{\"s\":\"\xED\xA0\x80\"}") << QList<QJsonObject>() << S::Invalid << E::BadUtf8;
    QTest::newRow("above U+10FFFF") << frame("{\"s\":\"\xF4\x90\x80\x80\"}") << QList<QJsonObject>()
                                    << S::Invalid << E::BadUtf8;
    QTest::newRow("lone continuation byte")
        << frame("{\"s\":\"\x80\"}") << QList<QJsonObject>() << S::Invalid << E::BadUtf8;
    QTest::newRow("truncated sequence")
        << frame("{\"s\":\"\xE2\x82\"}") << QList<QJsonObject>() << S::Invalid << E::BadUtf8;
    QTest::newRow("0xff byte") << frame("{\"s\":\"\xFF\"}") << QList<QJsonObject>() << S::Invalid
                               << E::BadUtf8;
    QTest::newRow("Latin-1 outside a string")
        << frame("{\"a\":1}\xE9") << QList<QJsonObject>() << S::Invalid << E::BadUtf8;
}

void tst_ControlCodec::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QJsonObject>, messages);
    QFETCH(ControlCodec::Status, status);
    QFETCH(ControlCodec::Error, error);

    const auto check = [&](const Outcome &outcome, const QString &how) {
        QVERIFY2(outcome.wellShaped, qPrintable(how));
        QVERIFY2(outcome.messages == messages, qPrintable(how));
        QVERIFY2(outcome.status == status, qPrintable(how));
        QVERIFY2(outcome.error == error, qPrintable(how));
        QVERIFY2((status == ControlCodec::Status::Invalid) != outcome.reason.isEmpty(),
                 qPrintable(how));
    };

    check(::decode({input}), QStringLiteral("in one piece"));
    if (QTest::currentTestFailed())
        return;

    for (qsizetype split = 0; split <= input.size(); ++split) {
        check(::decode({input.left(split), input.mid(split)}),
              QStringLiteral("split at byte %1").arg(split));
        if (QTest::currentTestFailed())
            return;
    }

    QList<QByteArray> bytes;
    for (const char byte : std::as_const(input))
        bytes.append(QByteArray(1, byte));
    check(::decode(bytes), QStringLiteral("byte by byte"));
}

void tst_ControlCodec::oversizedLengthRejectedBeforeBody()
{
    ControlCodec codec;
    const QByteArray prefix = header(quint32(ControlCodec::MaxFrameSize + 1));
    QList<ControlCodec::Result> results = codec.feed(prefix.left(3));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, ControlCodec::Status::Incomplete);

    results = codec.feed(prefix.mid(3));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, ControlCodec::Status::Invalid);
    QCOMPARE(results.first().error, ControlCodec::Error::Oversized);
    QVERIFY(codec.isInvalid());
    QCOMPARE(codec.bufferedBytes(), 0);

    // Whatever the peer sends next is not buffered.
    codec.append(QByteArray(4096, 'x'));
    QCOMPARE(codec.bufferedBytes(), 0);
}

void tst_ControlCodec::largestFrameAccepted()
{
    // {"s":"xxx..."} is 8 bytes plus the string.
    const QString filler(ControlCodec::MaxFrameSize - 8, u'x');
    const QJsonObject largest{{QStringLiteral("s"), filler}};
    const QByteArray encoded = ControlCodec::encode(largest);
    QCOMPARE(encoded.size(), ControlCodec::HeaderSize + ControlCodec::MaxFrameSize);

    ControlCodec codec;
    const QList<ControlCodec::Result> results = codec.feed(encoded);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).status, ControlCodec::Status::Message);
    QCOMPARE(results.at(0).message, largest);
    QCOMPARE(results.at(1).status, ControlCodec::Status::Incomplete);

    const QJsonObject tooLarge{{QStringLiteral("s"), filler + u'x'}};
    QVERIFY(ControlCodec::encode(tooLarge).isEmpty());
}

void tst_ControlCodec::encodeRoundTrip_data()
{
    QTest::addColumn<QJsonObject>("message");

    QTest::newRow("empty") << QJsonObject();
    QTest::newRow("request") << object(R"({"type":"status","id":7})");
    QTest::newRow("reply") << object(R"({"id":7,"ok":false,"error":{"code":"x","detail":"y"}})");
    QTest::newRow("unicode") << QJsonObject{{QStringLiteral("line"), QString::fromUtf8("ÄÖ € 😀")}};
    QTest::newRow("nested") << QJsonObject{
        {QStringLiteral("list"), QJsonArray{1, 2.5, QStringLiteral("three"), QJsonValue()}},
        {QStringLiteral("big"), qint64(1) << 53}};
}

void tst_ControlCodec::encodeRoundTrip()
{
    QFETCH(QJsonObject, message);

    const QByteArray encoded = ControlCodec::encode(message);
    QVERIFY(encoded.size() > ControlCodec::HeaderSize);
    QCOMPARE(qFromBigEndian<quint32>(encoded.constData()),
             quint32(encoded.size() - ControlCodec::HeaderSize));

    ControlCodec codec;
    const QList<ControlCodec::Result> results = codec.feed(encoded + encoded);
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).message, message);
    QCOMPARE(results.at(1).message, message);
    QCOMPARE(results.at(2).status, ControlCodec::Status::Incomplete);
    QCOMPARE(codec.bufferedBytes(), 0);
}

void tst_ControlCodec::invalidStaysInvalidUntilReset()
{
    ControlCodec codec;
    QCOMPARE(codec.feed(frame("[]")).constLast().error, ControlCodec::Error::NotObject);
    const QList<ControlCodec::Result> after = codec.feed(frame("{}"));
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().status, ControlCodec::Status::Invalid);
    QCOMPARE(after.first().error, ControlCodec::Error::NotObject);

    codec.reset();
    QVERIFY(!codec.isInvalid());
    const QList<ControlCodec::Result> fresh = codec.feed(frame("{}"));
    QCOMPARE(fresh.size(), 2);
    QCOMPARE(fresh.first().status, ControlCodec::Status::Message);
}

void tst_ControlCodec::utf8Validation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ASCII with NUL") << QByteArray("a\0b", 3) << true;
    QTest::newRow("U+007F") << QByteArray("\x7F") << true;
    QTest::newRow("U+0080") << QByteArray("\xC2\x80") << true;
    QTest::newRow("U+07FF") << QByteArray("\xDF\xBF") << true;
    QTest::newRow("U+0800") << QByteArray("\xE0\xA0\x80") << true;
    QTest::newRow("U+D7FF") << QByteArray("\xED\x9F\xBF") << true;
    QTest::newRow("U+E000") << QByteArray("\xEE\x80\x80") << true;
    QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBF") << true;
    QTest::newRow("U+10000") << QByteArray("\xF0\x90\x80\x80") << true;
    QTest::newRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true;

    QTest::newRow("C0 80 overlong NUL") << QByteArray("\xC0\x80") << false;
    QTest::newRow("C1 BF overlong") << QByteArray("\xC1\xBF") << false;
    QTest::newRow("E0 9F BF overlong") << QByteArray("\xE0\x9F\xBF") << false;
    QTest::newRow("F0 8F BF BF overlong") << QByteArray("\xF0\x8F\xBF\xBF") << false;
    QTest::newRow("U+D800") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("U+DFFF") << QByteArray("\xED\xBF\xBF") << false;
    QTest::newRow("U+110000") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80") << false;
    QTest::newRow("lone continuation") << QByteArray("a\x80") << false;
    QTest::newRow("truncated two-byte") << QByteArray("\xC2") << false;
    QTest::newRow("truncated four-byte") << QByteArray("\xF0\x90\x80") << false;
    QTest::newRow("ASCII as continuation") << QByteArray("\xC2\x41") << false;
    QTest::newRow("bad third byte") << QByteArray("\xE2\x82\x28") << false;
    QTest::newRow("bad fourth byte") << QByteArray("\xF0\x90\x80\xC0") << false;
}

void tst_ControlCodec::utf8Validation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(ControlCodec::isValidUtf8(bytes), valid);
}

QTEST_APPLESS_MAIN(tst_ControlCodec)
#include "tst_controlcodec.moc"
