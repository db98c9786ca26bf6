#include "controlclient.h"
#include "controlcodec.h"
#include "controlprotocol.h"
#include "controlserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Mailport;
using namespace Mailport::ControlProtocol;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(std::optional<qint64>)

namespace {

// A stand-in daemon whose every reply the test decides, for what a real one never does: stay
// silent, answer late, speak another version, send garbage.
class FakeDaemon final : public QObject
{
public:
    enum class Hello { Answer, Ignore, Refuse, OtherVersion, Garbage };

    FakeDaemon(const QString &directory, Hello hello)
        : m_hello(hello)
    {
        QDir().mkpath(directory);
        QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QLocalServer::removeServer(socketPath(directory));
        listening = server.listen(socketPath(directory));
        connect(&server, &QLocalServer::newConnection, this, [this] {
            peer = server.nextPendingConnection();
            connect(peer, &QLocalSocket::readyRead, this, [this] { read(); });
        });
    }

    void reply(qint64 id, const Reply &reply)
    {
        peer->write(ControlCodec::encode(makeReply(id, reply)));
    }
    void sendRaw(const QByteArray &bytes) { peer->write(bytes); }

    QLocalServer server;
    QLocalSocket *peer = nullptr;
    bool listening = false;
    QList<QJsonObject> requests;

private:
    void read()
    {
        for (const ControlCodec::Result &result : codec.feed(peer->readAll())) {
            if (result.status != ControlCodec::Status::Message)
                continue;
            requests.append(result.message);
            if (result.message.value(Field::Type).toString() != QLatin1String("hello"))
                continue;
            const qint64 id = messageId(result.message).value_or(-1);
            switch (m_hello) {
            case Hello::Answer:
                reply(id, Reply::success({{Field::Version, Version},
                                          {Field::Pid, 4242},
                                          {Field::Daemon, QStringLiteral("9.9")}}));
                break;
            case Hello::Ignore:
                break;
            case Hello::Refuse:
                reply(id, Reply::failure(Error::UnsupportedVersion,
                                         QStringLiteral("version 1 is too old")));
                break;
            case Hello::OtherVersion:
                reply(id, Reply::success({{Field::Version, Version + 1}}));
                break;
            case Hello::Garbage:
                sendRaw(QByteArray::fromHex("00000003") + "abc");
                break;
            }
        }
    }

    Hello m_hello;
    ControlCodec codec;
};

// Collects what callbacks receive, in order.
struct Replies
{
    ControlClient::Callback collect()
    {
        return [this](const Reply &reply) {
            received.append(reply);
        };
    }
    QList<Reply> received;
};

} // namespace

class tst_ControlClient final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void connectsAndSaysHello();
    void requestsMadeWhileConnectingWaitForTheHandshake();
    void errorRepliesReachTheCallback();
    void requestWhileDisconnectedFailsLater();
    void noDaemonIsReported();
    void requestTimesOutAndLateReplyIsIgnored();
    void cancelledRequestIsForgotten();
    void handshakeTimesOut();
    void helloRefused();
    void otherProtocolVersionIsRefused();
    void garbageFromDaemonBreaksTheConnection();
    void eventsAreDelivered();
    void daemonVanishing();
    void disconnectFromDaemonIsQuiet();
    void reconnectAfterTheDaemonRestarts();

    void vocabularyNamesRoundTrip();
    void messageId_data();
    void messageId();
    void parseReply_data();
    void parseReply();

private:
    std::unique_ptr<ControlServer> startServer();

    std::unique_ptr<QTemporaryDir> m_temp;
    QString m_dir;
};

void tst_ControlClient::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    m_dir = m_temp->filePath(QStringLiteral("ctl"));
}

void tst_ControlClient::cleanup()
{
    m_temp.reset();
}

std::unique_ptr<ControlServer> tst_ControlClient::startServer()
{
    auto server = std::make_unique<ControlServer>(m_dir);
    server->setHandler([](Request request, const QJsonObject &message) {
        if (request == Request::Reload)
            return Reply::failure(Error::ReloadFailed, QStringLiteral("bad certificate"));
        return Reply::success({{QStringLiteral("request"), requestName(request)},
                               {QStringLiteral("n"), message.value(QStringLiteral("n"))}});
    });
    const ControlServer::StartResult started = server->start();
    if (!started.ok())
        qWarning("%ls", qUtf16Printable(started.message));
    return server;
}

void tst_ControlClient::connectsAndSaysHello()
{
    auto server = startServer();
    QVERIFY(server->isListening());
    ControlClient client;
    client.setClientName(QStringLiteral("tst_controlclient"));
    QSignalSpy states(&client, &ControlClient::stateChanged);
    QSignalSpy connected(&client, &ControlClient::connected);
    QSignalSpy errors(&client, &ControlClient::errorOccurred);

    client.connectToDaemon(m_dir);
    QCOMPARE(client.state(), ControlClient::State::Connecting);
    QCOMPARE(connected.size(), 0); // never from inside connectToDaemon()
    QTRY_COMPARE(connected.size(), 1);
    QVERIFY(client.isConnected());
    QCOMPARE(client.directory(), m_dir);
    QCOMPARE(client.daemonPid(), QCoreApplication::applicationPid());
    QCOMPARE(client.daemonVersion(), QStringLiteral(MAILPORT_VERSION));
    QCOMPARE(states.size(), 3);
    QCOMPARE(states.at(0).first().value<ControlClient::State>(), ControlClient::State::Connecting);
    QCOMPARE(states.at(1).first().value<ControlClient::State>(), ControlClient::State::Handshaking);
    QCOMPARE(states.at(2).first().value<ControlClient::State>(), ControlClient::State::Connected);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(server->clientCount(), 1);
}

void tst_ControlClient::requestsMadeWhileConnectingWaitForTheHandshake()
{
    auto server = startServer();
    ControlClient client;
    Replies replies;
    client.connectToDaemon(m_dir);
    const qint64 first
        = client.request(Request::Status, {{QStringLiteral("n"), 1}}, replies.collect());
    const qint64 second
        = client.request(Request::Listeners, {{QStringLiteral("n"), 2}}, replies.collect());
    QVERIFY(second > first);
    QCOMPARE(client.pendingRequests(), 2);
    QTRY_COMPARE(replies.received.size(), 2);
    QVERIFY(replies.received.at(0).ok);
    QCOMPARE(replies.received.at(0).result,
             QJsonObject({{QStringLiteral("request"), QStringLiteral("status")},
                          {QStringLiteral("n"), 1}}));
    QCOMPARE(replies.received.at(1).result.value(QStringLiteral("request")).toString(),
             QStringLiteral("listeners"));
    QCOMPARE(replies.received.at(1).result.value(QStringLiteral("n")).toInt(), 2);
    QCOMPARE(client.pendingRequests(), 0);
}

void tst_ControlClient::errorRepliesReachTheCallback()
{
    auto server = startServer();
    ControlClient client;
    Replies replies;
    client.connectToDaemon(m_dir);
    client.request(Request::Reload, {}, replies.collect());
    QTRY_COMPARE(replies.received.size(), 1);
    QCOMPARE(replies.received.first(),
             Reply::failure(Error::ReloadFailed, QStringLiteral("bad certificate")));
    QVERIFY(client.isConnected());
}

void tst_ControlClient::requestWhileDisconnectedFailsLater()
{
    ControlClient client;
    Replies replies;
    client.request(Request::Status, {}, replies.collect());
    client.request(Request::Hello, {}, replies.collect());
    QVERIFY(replies.received.isEmpty()); // never from inside request()
    QTRY_COMPARE(replies.received.size(), 2);
    QCOMPARE(replies.received.at(0).error, Error::NotConnected);
    QCOMPARE(replies.received.at(1).error, Error::BadRequest);
}

void tst_ControlClient::noDaemonIsReported()
{
    QVERIFY(QDir().mkpath(m_dir));
    ControlClient client;
    QSignalSpy errors(&client, &ControlClient::errorOccurred);
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    Replies replies;
    client.connectToDaemon(m_dir);
    client.request(Request::Status, {}, replies.collect());
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).value<Error>(), Error::ConnectFailed);
    QVERIFY2(errors.first().at(1).toString().contains(socketPath(m_dir)),
             qPrintable(errors.first().at(1).toString()));
    QCOMPARE(client.state(), ControlClient::State::Disconnected);
    QCOMPARE(replies.received.size(), 1);
    QCOMPARE(replies.received.first().error, Error::ConnectFailed);
    QCOMPARE(disconnected.size(), 0);
}

void tst_ControlClient::requestTimesOutAndLateReplyIsIgnored()
{
    FakeDaemon daemon(m_dir, FakeDaemon::Hello::Answer);
    QVERIFY(daemon.listening);
    ControlClient client;
    QSignalSpy connected(&client, &ControlClient::connected);
    client.connectToDaemon(m_dir);
    QTRY_COMPARE(connected.size(), 1);
    QCOMPARE(client.daemonPid(), 4242);
    QCOMPARE(client.daemonVersion(), QStringLiteral("9.9"));

    Replies replies;
    const qint64 id = client.request(Request::Stats, {}, replies.collect(), 50ms);
    QTRY_COMPARE(replies.received.size(), 1);
    QCOMPARE(replies.received.first().error, Error::Timeout);
    QVERIFY(replies.received.first().detail.contains(QLatin1String("stats")));
    QCOMPARE(client.pendingRequests(), 0);

    // The late reply changes nothing, and the connection keeps working.
    daemon.reply(id, Reply::success());
    const qint64 next = client.request(Request::Status, {}, replies.collect());
    QTRY_COMPARE(daemon.requests.size(), 3);
    daemon.reply(next, Reply::success({{QStringLiteral("state"), QStringLiteral("ok")}}));
    QTRY_COMPARE(replies.received.size(), 2);
    QVERIFY(replies.received.at(1).ok);
    QCOMPARE(replies.received.at(1).result.value(QStringLiteral("state")).toString(),
             QStringLiteral("ok"));
    QVERIFY(client.isConnected());
}

void tst_ControlClient::cancelledRequestIsForgotten()
{
    FakeDaemon daemon(m_dir, FakeDaemon::Hello::Answer);
    ControlClient client;
    QSignalSpy connected(&client, &ControlClient::connected);
    client.connectToDaemon(m_dir);
    QTRY_COMPARE(connected.size(), 1);

    Replies replies;
    const qint64 cancelled = client.request(Request::Log, {}, replies.collect());
    const qint64 kept = client.request(Request::Messages, {}, replies.collect());
    client.cancel(cancelled);
    QCOMPARE(client.pendingRequests(), 1);
    QTRY_COMPARE(daemon.requests.size(), 3);
    daemon.reply(cancelled, Reply::success({{QStringLiteral("which"), 1}}));
    daemon.reply(kept, Reply::success({{QStringLiteral("which"), 2}}));
    QTRY_COMPARE(replies.received.size(), 1);
    QCOMPARE(replies.received.first().result.value(QStringLiteral("which")).toInt(), 2);
}

void tst_ControlClient::handshakeTimesOut()
{
    FakeDaemon daemon(m_dir, FakeDaemon::Hello::Ignore);
    ControlClient client;
    client.setDefaultTimeout(100ms);
    QSignalSpy errors(&client, &ControlClient::errorOccurred);
    QSignalSpy connected(&client, &ControlClient::connected);
    client.connectToDaemon(m_dir);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).value<Error>(), Error::Timeout);
    QCOMPARE(client.state(), ControlClient::State::Disconnected);
    QCOMPARE(connected.size(), 0);
    QCOMPARE(daemon.requests.size(), 1);
    QCOMPARE(daemon.requests.first().value(Field::Type).toString(), QStringLiteral("hello"));
    QCOMPARE(daemon.requests.first().value(Field::Version).toInt(), Version);
}

void tst_ControlClient::helloRefused()
{
    FakeDaemon daemon(m_dir, FakeDaemon::Hello::Refuse);
    ControlClient client;
    QSignalSpy errors(&client, &ControlClient::errorOccurred);
    Replies replies;
    client.connectToDaemon(m_dir);
    client.request(Request::Status, {}, replies.collect());
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).value<Error>(), Error::UnsupportedVersion);
    QCOMPARE(errors.first().at(1).toString(), QStringLiteral("version 1 is too old"));
    QCOMPARE(replies.received.size(), 1);
    QCOMPARE(replies.received.first().error, Error::UnsupportedVersion);
    QCOMPARE(client.state(), ControlClient::State::Disconnected);
}

void tst_ControlClient::otherProtocolVersionIsRefused()
{
    FakeDaemon daemon(m_dir, FakeDaemon::Hello::OtherVersion);
    ControlClient client;
    QSignalSpy errors(&client, &ControlClient::errorOccurred);
    client.connectToDaemon(m_dir);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).value<Error>(), Error::UnsupportedVersion);
    QCOMPARE(client.state(), ControlClient::State::Disconnected);
}

void tst_ControlClient::garbageFromDaemonBreaksTheConnection()
{
    FakeDaemon daemon(m_dir, FakeDaemon::Hello::Answer);
    ControlClient client;
    QSignalSpy connected(&client, &ControlClient::connected);
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    QSignalSpy errors(&client, &ControlClient::errorOccurred);
    client.connectToDaemon(m_dir);
    QTRY_COMPARE(connected.size(), 1);
    Replies replies;
    client.request(Request::Status, {}, replies.collect());
    QTRY_COMPARE(daemon.requests.size(), 2);
    daemon.sendRaw(QByteArray::fromHex("00000002") + "[]");
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).value<Error>(), Error::ProtocolError);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(replies.received.size(), 1);
    QCOMPARE(replies.received.first().error, Error::ProtocolError);

    // Garbage instead of the hello reply: an error, but no disconnected() as it never connected.
    FakeDaemon garbage(m_temp->filePath(QStringLiteral("other")), FakeDaemon::Hello::Garbage);
    ControlClient second;
    QSignalSpy secondErrors(&second, &ControlClient::errorOccurred);
    QSignalSpy secondDisconnected(&second, &ControlClient::disconnected);
    second.connectToDaemon(m_temp->filePath(QStringLiteral("other")));
    QTRY_COMPARE(secondErrors.size(), 1);
    QCOMPARE(secondErrors.first().at(0).value<Error>(), Error::ProtocolError);
    QCOMPARE(secondDisconnected.size(), 0);
}

void tst_ControlClient::eventsAreDelivered()
{
    auto server = startServer();
    ControlClient client;
    QSignalSpy events(&client, &ControlClient::eventReceived);
    Replies replies;
    client.connectToDaemon(m_dir);
    client.subscribe({Event::Log, Event::State}, replies.collect());
    QTRY_COMPARE(replies.received.size(), 1);
    QVERIFY(replies.received.first().ok);

    const QJsonObject line{{QStringLiteral("line"), QStringLiteral("<= a@example.org H=x")}};
    server->publish(Event::Arrival, {{QStringLiteral("id"), QStringLiteral("1")}});
    server->publish(Event::Log, line);
    server->publish(Event::State, {{QStringLiteral("state"), QStringLiteral("reloading")}});
    QTRY_COMPARE(events.size(), 2);
    QCOMPARE(events.at(0).at(0).value<Event>(), Event::Log);
    QCOMPARE(events.at(0).at(1).toJsonObject(), line);
    QCOMPARE(events.at(1).at(0).value<Event>(), Event::State);

    // Anything sent before this reply has arrived by the time its callback runs.
    client.request(Request::Status, {}, replies.collect());
    QTRY_COMPARE(replies.received.size(), 2);
    QCOMPARE(events.size(), 2);
}

void tst_ControlClient::daemonVanishing()
{
    auto daemon = std::make_unique<FakeDaemon>(m_dir, FakeDaemon::Hello::Answer);
    ControlClient client;
    QSignalSpy connected(&client, &ControlClient::connected);
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    QSignalSpy errors(&client, &ControlClient::errorOccurred);
    client.connectToDaemon(m_dir);
    QTRY_COMPARE(connected.size(), 1);
    Replies replies;
    client.request(Request::Status, {}, replies.collect());
    QTRY_COMPARE(daemon->requests.size(), 2);

    daemon.reset();
    QTRY_COMPARE(disconnected.size(), 1);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).value<Error>(), Error::Disconnected);
    QCOMPARE(client.state(), ControlClient::State::Disconnected);
    QCOMPARE(replies.received.size(), 1);
    QCOMPARE(replies.received.first().error, Error::Disconnected);

    // The same with the real server going away.
    auto server = startServer();
    client.connectToDaemon(m_dir);
    QTRY_COMPARE(connected.size(), 2);
    server.reset();
    QTRY_COMPARE(disconnected.size(), 2);
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(1).at(0).value<Error>(), Error::Disconnected);
}

void tst_ControlClient::disconnectFromDaemonIsQuiet()
{
    FakeDaemon daemon(m_dir, FakeDaemon::Hello::Answer);
    ControlClient client;
    QSignalSpy connected(&client, &ControlClient::connected);
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    QSignalSpy errors(&client, &ControlClient::errorOccurred);
    client.connectToDaemon(m_dir);
    QTRY_COMPARE(connected.size(), 1);
    Replies replies;
    client.request(Request::Shutdown, {}, replies.collect());
    client.disconnectFromDaemon();
    QCOMPARE(client.state(), ControlClient::State::Disconnected);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(replies.received.size(), 1);
    QCOMPARE(replies.received.first().error, Error::Disconnected);
    // What was written before the close still reaches the daemon.
    QTRY_COMPARE(daemon.requests.size(), 2);
    QCOMPARE(daemon.requests.at(1).value(Field::Type).toString(), QStringLiteral("shutdown"));
    QCOMPARE(errors.size(), 0);
}

void tst_ControlClient::reconnectAfterTheDaemonRestarts()
{
    auto server = startServer();
    ControlClient client;
    QSignalSpy connected(&client, &ControlClient::connected);
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    client.connectToDaemon(m_dir);
    QTRY_COMPARE(connected.size(), 1);
    server.reset();
    QTRY_COMPARE(disconnected.size(), 1);

    server = startServer();
    QVERIFY(server->isListening());
    client.connectToDaemon(m_dir);
    Replies replies;
    client.request(Request::Status, {}, replies.collect());
    QTRY_COMPARE(replies.received.size(), 1);
    QVERIFY(replies.received.first().ok);
    QCOMPARE(connected.size(), 2);
}

void tst_ControlClient::vocabularyNamesRoundTrip()
{
    QSet<QString> requests;
    for (const auto request :
         {Request::Hello, Request::Status, Request::Listeners, Request::Stats, Request::Log,
          Request::Messages, Request::Reload, Request::Shutdown, Request::Subscribe}) {
        const QString name = requestName(request);
        QVERIFY(!name.isEmpty());
        QCOMPARE(requestFromName(name), request);
        requests.insert(name);
    }
    QCOMPARE(requests.size(), 9);
    QCOMPARE(requestFromName(u"Status"), std::nullopt);

    for (const auto event : {Event::Log, Event::Connection, Event::Arrival, Event::State})
        QCOMPARE(eventFromName(eventName(event)), event);
    QCOMPARE(eventFromName(u"weather"), std::nullopt);

    QSet<QString> errors;
    for (int i = int(Error::BadFrame); i <= int(Error::Unknown); ++i) {
        const auto error = Error(i);
        const QString name = errorName(error);
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
        for (const QChar c : name)
            QVERIFY2(c.isLower() || c == u'-', qPrintable(name));
        QCOMPARE(errorFromName(name), error);
        QVERIFY(!errorDetail(error).isEmpty());
        errors.insert(name);
    }
    QCOMPARE(errors.size(), int(Error::Unknown));
    QCOMPARE(errorFromName(u"from-the-future"), Error::Unknown);
    QCOMPARE(errorName(Error::None), QString());
}

void tst_ControlClient::messageId_data()
{
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<std::optional<qint64>>("expected");

    QTest::newRow("zero") << QJsonValue(0) << std::optional<qint64>(0);
    QTest::newRow("small") << QJsonValue(17) << std::optional<qint64>(17);
    QTest::newRow("2^53") << QJsonValue(qint64(1) << 53) << std::optional<qint64>(qint64(1) << 53);
    QTest::newRow("2^53 + 2") << QJsonValue(double((qint64(1) << 53) + 2))
                              << std::optional<qint64>();
    QTest::newRow("negative") << QJsonValue(-1) << std::optional<qint64>();
    QTest::newRow("fraction") << QJsonValue(1.5) << std::optional<qint64>();
    QTest::newRow("string") << QJsonValue(QStringLiteral("1")) << std::optional<qint64>();
    QTest::newRow("null") << QJsonValue() << std::optional<qint64>();
    QTest::newRow("bool") << QJsonValue(true) << std::optional<qint64>();
    QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << std::optional<qint64>();
}

void tst_ControlClient::messageId()
{
    QFETCH(QJsonValue, id);
    QFETCH(std::optional<qint64>, expected);
    QJsonObject message{{Field::Type, QStringLiteral("status")}};
    if (!id.isUndefined())
        message.insert(Field::Id, id);
    QCOMPARE(ControlProtocol::messageId(message), expected);
}

void tst_ControlClient::parseReply_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("wellFormed");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Error>("error");

    QTest::newRow("success") << QByteArray(R"({"id":1,"ok":true,"result":{"a":1}})") << true << true
                             << Error::None;
    QTest::newRow("success without result")
        << QByteArray(R"({"id":1,"ok":true})") << true << true << Error::None;
    QTest::newRow("failure") << QByteArray(
        R"({"id":1,"ok":false,"error":{"code":"not-hello","detail":"x"}})")
                             << true << false << Error::NotHello;
    QTest::newRow("unknown code") << QByteArray(
        R"({"id":1,"ok":false,"error":{"code":"disk-on-fire"}})")
                                  << true << false << Error::Unknown;
    QTest::newRow("no ok") << QByteArray(R"({"id":1,"result":{}})") << false << false
                           << Error::None;
    QTest::newRow("ok not bool") << QByteArray(R"({"id":1,"ok":1})") << false << false
                                 << Error::None;
    QTest::newRow("result not object")
        << QByteArray(R"({"id":1,"ok":true,"result":[]})") << false << false << Error::None;
    QTest::newRow("failure without error")
        << QByteArray(R"({"id":1,"ok":false})") << false << false << Error::None;
    QTest::newRow("code not string")
        << QByteArray(R"({"id":1,"ok":false,"error":{"code":3}})") << false << false << Error::None;
}

void tst_ControlClient::parseReply()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, wellFormed);
    QFETCH(bool, ok);
    QFETCH(Error, error);

    const std::optional<Reply> reply
        = ControlProtocol::parseReply(QJsonDocument::fromJson(json).object());
    QCOMPARE(reply.has_value(), wellFormed);
    if (!reply)
        return;
    QCOMPARE(reply->ok, ok);
    QCOMPARE(reply->error, error);
    if (!ok)
        QVERIFY(!reply->detail.isEmpty());

    // What makeReply() writes, parseReply() reads back.
    const std::optional<Reply> again = ControlProtocol::parseReply(makeReply(1, *reply));
    QVERIFY(again.has_value());
    QCOMPARE(*again, *reply);
}

QTEST_GUILESS_MAIN(tst_ControlClient)
#include "tst_controlclient.moc"
