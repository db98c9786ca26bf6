#include "controlcodec.h"
#include "controlprotocol.h"
#include "controlserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Mailport;
using namespace Mailport::ControlProtocol;

namespace {

// A client that speaks raw frames, so the tests control every byte the server sees.
class RawClient final : public QObject
{
public:
    explicit RawClient(const QString &path)
    {
        connect(&socket, &QLocalSocket::readyRead, this, [this] {
            for (const ControlCodec::Result &result : codec.feed(socket.readAll())) {
                if (result.status == ControlCodec::Status::Message)
                    received.append(result.message);
                else if (result.status == ControlCodec::Status::Invalid)
                    badFrames++;
            }
        });
        socket.connectToServer(path);
    }

    void send(const QJsonObject &message) { sendRaw(ControlCodec::encode(message)); }
    void sendRaw(const QByteArray &bytes) { socket.write(bytes); }
    void hello(qint64 id = 1)
    {
        send(makeRequest(id, Request::Hello,
                         {{Field::Version, Version}, {Field::Client, QStringLiteral("test")}}));
    }
    bool isConnected() const { return socket.state() == QLocalSocket::ConnectedState; }
    bool isGone() const { return socket.state() == QLocalSocket::UnconnectedState; }

    QLocalSocket socket;
    ControlCodec codec;
    QList<QJsonObject> received;
    int badFrames = 0;
};

QString errorCode(const QJsonObject &reply)
{
    return reply.value(Field::Error).toObject().value(Field::Code).toString();
}

uint modeOf(const QString &path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0xffffffffu;
    return uint(status.st_mode & 07777);
}

} // namespace

class tst_ControlServer final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void helloHandshake();
    void requestsAreAnsweredWithTheirIds();
    void handlerErrorsAreTyped();
    void unknownAndMalformedRequestsKeepTheConnection();
    void requestBeforeHelloClosesTheClient();
    void wrongVersionClosesTheClient();
    void silentClientIsClosedAfterTheHandshakeTimeout();
    void garbageClosesOnlyThatClient();
    void oversizedFrameClosesTheClient();
    void secondServerIsRefusedWhileTheFirstServes();
    void restartAfterStopAndStaleSocket();
    void staleLockOfADeadDaemonIsTakenOver();
    void directoryIsCreatedPrivate();
    void directoryNotPrivateIsRefused();
    void strangerUidIsTurnedAway();
    void subscriptionReceivesPublishedEvents();
    void subscribeRejectsUnknownEvents();
    void clientThatDoesNotReadIsDropped();
    void handlerMayStopTheServer();

private:
    std::unique_ptr<ControlServer> startServer(const QString &directory);

    std::unique_ptr<QTemporaryDir> m_temp;
    QString m_dir;
    QList<QPair<Request, QJsonObject>> m_handled;
};

std::unique_ptr<ControlServer> tst_ControlServer::startServer(const QString &directory)
{
    auto server = std::make_unique<ControlServer>(directory);
    server->setHandler([this](Request request, const QJsonObject &message) {
        m_handled.append({request, message});
        switch (request) {
        case Request::Status:
            return Reply::success({{QStringLiteral("state"), QStringLiteral("running")},
                                   {QStringLiteral("echo"), message.value(QStringLiteral("arg"))}});
        case Request::Reload:
            return Reply::failure(Error::ReloadFailed,
                                  QStringLiteral("line 3: unknown option \"foo\""));
        default:
            return Reply::success({{QStringLiteral("request"), requestName(request)}});
        }
    });
    return server;
}

void tst_ControlServer::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    m_dir = m_temp->filePath(QStringLiteral("ctl"));
    m_handled.clear();
}

void tst_ControlServer::cleanup()
{
    m_temp.reset();
}

void tst_ControlServer::helloHandshake()
{
    auto server = startServer(m_dir);
    const ControlServer::StartResult started = server->start();
    QVERIFY2(started.ok(), qPrintable(started.message));
    QVERIFY(server->isListening());
    QCOMPARE(server->socketPath(), socketPath(m_dir));

    RawClient client(server->socketPath());
    client.hello(41);
    QTRY_COMPARE(client.received.size(), 1);
    const QJsonObject reply = client.received.first();
    QCOMPARE(reply.value(Field::Id).toInteger(), 41);
    QCOMPARE(reply.value(Field::Ok).toBool(), true);
    const QJsonObject result = reply.value(Field::Result).toObject();
    QCOMPARE(result.value(Field::Version).toInteger(), Version);
    QCOMPARE(result.value(Field::Pid).toInteger(), QCoreApplication::applicationPid());
    QCOMPARE(result.value(Field::Daemon).toString(), QStringLiteral(MAILPORT_VERSION));
    QCOMPARE(server->clientCount(), 1);
    QVERIFY(m_handled.isEmpty());
}

void tst_ControlServer::requestsAreAnsweredWithTheirIds()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient client(server->socketPath());
    client.hello();
    // Pipelined in one write: replies come in order, each with its own id.
    client.sendRaw(
        ControlCodec::encode(makeRequest(7, Request::Status, {{QStringLiteral("arg"), 42}}))
        + ControlCodec::encode(makeRequest(3, Request::Listeners))
        + ControlCodec::encode(makeRequest(9007199254740992, Request::Stats)));
    QTRY_COMPARE(client.received.size(), 4);
    QCOMPARE(client.received.at(1).value(Field::Id).toInteger(), 7);
    QCOMPARE(client.received.at(1).value(Field::Result).toObject(),
             QJsonObject({{QStringLiteral("state"), QStringLiteral("running")},
                          {QStringLiteral("echo"), 42}}));
    QCOMPARE(client.received.at(2).value(Field::Id).toInteger(), 3);
    QCOMPARE(client.received.at(2).value(Field::Result).toObject(),
             QJsonObject({{QStringLiteral("request"), QStringLiteral("listeners")}}));
    QCOMPARE(client.received.at(3).value(Field::Id).toInteger(), 9007199254740992);
    QCOMPARE(m_handled.size(), 3);
    QCOMPARE(m_handled.at(0).first, Request::Status);
    QCOMPARE(m_handled.at(0).second.value(QStringLiteral("arg")).toInt(), 42);
    QCOMPARE(m_handled.at(1).first, Request::Listeners);
    QCOMPARE(m_handled.at(2).first, Request::Stats);
}

void tst_ControlServer::handlerErrorsAreTyped()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient client(server->socketPath());
    client.hello();
    client.send(makeRequest(5, Request::Reload));
    QTRY_COMPARE(client.received.size(), 2);
    const QJsonObject reply = client.received.at(1);
    QCOMPARE(reply.value(Field::Id).toInteger(), 5);
    QCOMPARE(reply.value(Field::Ok).toBool(true), false);
    QCOMPARE(errorCode(reply), QStringLiteral("reload-failed"));
    QCOMPARE(reply.value(Field::Error).toObject().value(Field::Detail).toString(),
             QStringLiteral("line 3: unknown option \"foo\""));
    QVERIFY(!reply.contains(Field::Result));
    QVERIFY(client.isConnected());
}

void tst_ControlServer::unknownAndMalformedRequestsKeepTheConnection()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient client(server->socketPath());
    client.hello();
    client.send({{Field::Type, QStringLiteral("format-disk")}, {Field::Id, 2}});
    client.send({{Field::Type, QStringLiteral("status")}});                   // no id
    client.send({{Field::Type, QStringLiteral("status")}, {Field::Id, 1.5}}); // not an integer
    client.send({{Field::Type, 12}, {Field::Id, 4}});
    client.send(makeRequest(5, Request::Hello, {{Field::Version, Version}}));
    client.send(makeRequest(6, Request::Status));
    QTRY_COMPARE(client.received.size(), 7);

    QCOMPARE(client.received.at(1).value(Field::Id).toInteger(), 2);
    QCOMPARE(errorCode(client.received.at(1)), QStringLiteral("unknown-request"));
    QVERIFY(client.received.at(2).value(Field::Id).isNull());
    QCOMPARE(errorCode(client.received.at(2)), QStringLiteral("bad-request"));
    QVERIFY(client.received.at(3).value(Field::Id).isNull());
    QCOMPARE(errorCode(client.received.at(3)), QStringLiteral("bad-request"));
    QCOMPARE(client.received.at(4).value(Field::Id).toInteger(), 4);
    QCOMPARE(errorCode(client.received.at(4)), QStringLiteral("bad-request"));
    QCOMPARE(client.received.at(5).value(Field::Id).toInteger(), 5);
    QCOMPARE(errorCode(client.received.at(5)), QStringLiteral("bad-request"));
    QCOMPARE(client.received.at(6).value(Field::Ok).toBool(), true);
    QVERIFY(client.isConnected());
    QCOMPARE(m_handled.size(), 1);
}

void tst_ControlServer::requestBeforeHelloClosesTheClient()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient client(server->socketPath());
    client.send(makeRequest(1, Request::Status));
    client.send(makeRequest(2, Request::Shutdown));
    QTRY_VERIFY(client.isGone());
    QCOMPARE(client.received.size(), 1);
    QCOMPARE(client.received.first().value(Field::Id).toInteger(), 1);
    QCOMPARE(errorCode(client.received.first()), QStringLiteral("not-hello"));
    QVERIFY(m_handled.isEmpty());
    QTRY_COMPARE(server->clientCount(), 0);
}

void tst_ControlServer::wrongVersionClosesTheClient()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient client(server->socketPath());
    client.send(makeRequest(1, Request::Hello, {{Field::Version, Version + 1}}));
    QTRY_VERIFY(client.isGone());
    QCOMPARE(client.received.size(), 1);
    QCOMPARE(errorCode(client.received.first()), QStringLiteral("unsupported-version"));
    QVERIFY(client.received.first()
                .value(Field::Error)
                .toObject()
                .value(Field::Detail)
                .toString()
                .contains(QString::number(Version)));
}

void tst_ControlServer::silentClientIsClosedAfterTheHandshakeTimeout()
{
    auto server = startServer(m_dir);
    server->setHandshakeTimeout(std::chrono::milliseconds(50));
    QVERIFY(server->start().ok());
    RawClient client(server->socketPath());
    QTRY_VERIFY(client.isGone());
    QCOMPARE(client.received.size(), 1);
    QCOMPARE(errorCode(client.received.first()), QStringLiteral("not-hello"));
}

void tst_ControlServer::garbageClosesOnlyThatClient()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient good(server->socketPath());
    RawClient bad(server->socketPath());
    good.hello();
    bad.hello();
    QTRY_COMPARE(good.received.size(), 1);
    QTRY_COMPARE(bad.received.size(), 1);
    QCOMPARE(server->clientCount(), 2);

    // A well-formed length with a body that is not JSON, then a request that must not be seen.
    bad.sendRaw(QByteArray::fromHex("00000005") + "nope!"
                + ControlCodec::encode(makeRequest(2, Request::Shutdown)));
    QTRY_VERIFY(bad.isGone());
    QCOMPARE(bad.received.size(), 2);
    QVERIFY(bad.received.at(1).value(Field::Id).isNull());
    QCOMPARE(errorCode(bad.received.at(1)), QStringLiteral("bad-frame"));
    QTRY_COMPARE(server->clientCount(), 1);

    good.send(makeRequest(2, Request::Status));
    QTRY_COMPARE(good.received.size(), 2);
    QCOMPARE(good.received.at(1).value(Field::Ok).toBool(), true);
    QVERIFY(good.isConnected());
    QCOMPARE(m_handled.size(), 1);
    QCOMPARE(m_handled.first().first, Request::Status);
}

void tst_ControlServer::oversizedFrameClosesTheClient()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient client(server->socketPath());
    client.hello();
    QTRY_COMPARE(client.received.size(), 1);
    // Only the length prefix: the server must give up without waiting for 16 MiB.
    client.sendRaw(QByteArray::fromHex("01000000"));
    QTRY_VERIFY(client.isGone());
    QCOMPARE(client.received.size(), 2);
    QCOMPARE(errorCode(client.received.at(1)), QStringLiteral("bad-frame"));
}

void tst_ControlServer::secondServerIsRefusedWhileTheFirstServes()
{
    auto first = startServer(m_dir);
    QVERIFY(first->start().ok());
    RawClient before(first->socketPath());
    before.hello();
    QTRY_COMPARE(before.received.size(), 1);

    // A daemon runs for days: an old lock file held by a live process is not stale.
    QFile lockFile(lockFilePath(m_dir));
    QVERIFY(lockFile.open(QIODevice::ReadWrite));
    QVERIFY(lockFile.setFileTime(QDateTime::currentDateTime().addDays(-3),
                                 QFileDevice::FileModificationTime));
    lockFile.close();

    auto second = startServer(m_dir);
    const ControlServer::StartResult refused = second->start();
    QCOMPARE(refused.error, ControlServer::StartError::LockHeld);
    QCOMPARE(refused.lockHolderPid, QCoreApplication::applicationPid());
    QVERIFY2(refused.message.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(refused.message));
    QVERIFY(!second->isListening());
    second.reset();

    // The first keeps its socket: the old client still works and a new one gets in.
    QVERIFY(QFile::exists(socketPath(m_dir)));
    before.send(makeRequest(2, Request::Status));
    QTRY_COMPARE(before.received.size(), 2);
    RawClient after(first->socketPath());
    after.hello();
    QTRY_COMPARE(after.received.size(), 1);
    QCOMPARE(after.received.first().value(Field::Ok).toBool(), true);
}

void tst_ControlServer::restartAfterStopAndStaleSocket()
{
    auto first = startServer(m_dir);
    QVERIFY(first->start().ok());
    first->stop();
    QVERIFY(!first->isListening());
    QVERIFY(!QFile::exists(socketPath(m_dir)));
    QVERIFY(!QFile::exists(lockFilePath(m_dir)));

    // A socket file left by a daemon that died without a lock is replaced.
    QFile stale(socketPath(m_dir));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();

    auto second = startServer(m_dir);
    const ControlServer::StartResult started = second->start();
    QVERIFY2(started.ok(), qPrintable(started.message));
    RawClient client(second->socketPath());
    client.hello();
    QTRY_COMPARE(client.received.size(), 1);
    QCOMPARE(client.received.first().value(Field::Ok).toBool(), true);
}

void tst_ControlServer::staleLockOfADeadDaemonIsTakenOver()
{
    QVERIFY(QDir().mkdir(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    // A pid above any pid_max: the holder is certainly gone, as after a crash.
    QFile lock(lockFilePath(m_dir));
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write("999999999\nmailportd\n\n");
    lock.close();

    auto server = startServer(m_dir);
    const ControlServer::StartResult started = server->start();
    QVERIFY2(started.ok(), qPrintable(started.message));
    QVERIFY(server->isListening());
}

void tst_ControlServer::directoryIsCreatedPrivate()
{
    const QString nested = m_temp->filePath(QStringLiteral("run/user/mailport"));
    auto server = startServer(nested);
    const ControlServer::StartResult started = server->start();
    QVERIFY2(started.ok(), qPrintable(started.message));
    QCOMPARE(modeOf(nested), 0700u);
    QCOMPARE(modeOf(socketPath(nested)) & 0077u, 0u);
}

void tst_ControlServer::directoryNotPrivateIsRefused()
{
    QVERIFY(QDir().mkpath(m_dir));
    QVERIFY(::chmod(QFile::encodeName(m_dir).constData(), 0755) == 0);
    auto server = startServer(m_dir);
    const ControlServer::StartResult refused = server->start();
    QCOMPARE(refused.error, ControlServer::StartError::DirectoryNotPrivate);
    QVERIFY2(refused.message.contains(QStringLiteral("0755")), qPrintable(refused.message));
    QVERIFY(!server->isListening());
    QVERIFY(!QFile::exists(socketPath(m_dir)));
    QVERIFY(!QFile::exists(lockFilePath(m_dir)));

    // A symlink to a private directory is not accepted either: whoever controls the link
    // controls where the socket goes.
    const QString target = m_temp->filePath(QStringLiteral("target"));
    QVERIFY(QDir().mkdir(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString link = m_temp->filePath(QStringLiteral("link"));
    QVERIFY(QFile::link(target, link));
    auto linked = startServer(link);
    QCOMPARE(linked->start().error, ControlServer::StartError::DirectoryNotPrivate);
}

void tst_ControlServer::strangerUidIsTurnedAway()
{
    auto server = startServer(m_dir);
    server->setAllowedUid(uint(::geteuid()) + 1);
    QVERIFY(server->start().ok());
    RawClient client(server->socketPath());
    client.hello();
    QTRY_VERIFY(client.isGone());
    QVERIFY(client.received.isEmpty());
    QCOMPARE(server->clientCount(), 0);
}

void tst_ControlServer::subscriptionReceivesPublishedEvents()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient watcher(server->socketPath());
    RawClient bystander(server->socketPath());
    RawClient everything(server->socketPath());
    watcher.hello();
    bystander.hello();
    everything.hello();
    watcher.send(makeRequest(
        2, Request::Subscribe,
        {{Field::Events, QJsonArray{QStringLiteral("log"), QStringLiteral("arrival")}}}));
    everything.send(makeRequest(2, Request::Subscribe));
    QTRY_COMPARE(watcher.received.size(), 2);
    QTRY_COMPARE(everything.received.size(), 2);
    QTRY_COMPARE(bystander.received.size(), 1);
    QCOMPARE(watcher.received.at(1).value(Field::Result).toObject().value(Field::Events),
             QJsonValue(QJsonArray{QStringLiteral("log"), QStringLiteral("arrival")}));

    const QJsonObject line{{QStringLiteral("line"), QStringLiteral("<= a@example.org")}};
    server->publish(Event::Log, line);
    server->publish(Event::Connection, {{QStringLiteral("peer"), QStringLiteral("::1")}});
    server->publish(Event::Arrival, {{QStringLiteral("id"), QStringLiteral("1abc")}});

    QTRY_COMPARE(watcher.received.size(), 4);
    QCOMPARE(watcher.received.at(2), makeEvent(Event::Log, line));
    QCOMPARE(watcher.received.at(3).value(Field::Event).toString(), QStringLiteral("arrival"));
    QTRY_COMPARE(everything.received.size(), 5);
    QCOMPARE(everything.received.at(3).value(Field::Event).toString(),
             QStringLiteral("connection"));

    // Replies and events share one ordered stream: if the bystander had been sent an event, it
    // would arrive before this reply.
    bystander.send(makeRequest(2, Request::Status));
    QTRY_COMPARE(bystander.received.size(), 2);
    QCOMPARE(bystander.received.at(1).value(Field::Id).toInteger(), 2);
    watcher.send(makeRequest(3, Request::Status));
    QTRY_COMPARE(watcher.received.size(), 5);
    QCOMPARE(watcher.received.at(4).value(Field::Id).toInteger(), 3);

    // An empty list unsubscribes.
    watcher.send(makeRequest(4, Request::Subscribe, {{Field::Events, QJsonArray()}}));
    QTRY_COMPARE(watcher.received.size(), 6);
    server->publish(Event::Log, line);
    watcher.send(makeRequest(5, Request::Status));
    QTRY_COMPARE(watcher.received.size(), 7);
    QCOMPARE(watcher.received.at(6).value(Field::Id).toInteger(), 5);
}

void tst_ControlServer::subscribeRejectsUnknownEvents()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient client(server->socketPath());
    client.hello();
    client.send(makeRequest(2, Request::Subscribe,
                            {{Field::Events, QJsonArray{QStringLiteral("log"), 7}}}));
    client.send(makeRequest(3, Request::Subscribe,
                            {{Field::Events, QJsonArray{QStringLiteral("weather")}}}));
    client.send(makeRequest(4, Request::Subscribe, {{Field::Events, QStringLiteral("log")}}));
    QTRY_COMPARE(client.received.size(), 4);
    for (int i = 1; i < 4; ++i)
        QCOMPARE(errorCode(client.received.at(i)), QStringLiteral("bad-request"));

    // A rejected subscription changes nothing.
    server->publish(Event::Log, {});
    client.send(makeRequest(5, Request::Status));
    QTRY_COMPARE(client.received.size(), 5);
    QCOMPARE(client.received.at(4).value(Field::Id).toInteger(), 5);
}

void tst_ControlServer::clientThatDoesNotReadIsDropped()
{
    auto server = startServer(m_dir);
    QVERIFY(server->start().ok());
    RawClient watcher(server->socketPath());
    RawClient bystander(server->socketPath());
    watcher.hello();
    bystander.hello();
    watcher.send(makeRequest(2, Request::Subscribe));
    QTRY_COMPARE(watcher.received.size(), 2);
    QTRY_COMPARE(bystander.received.size(), 1);

    // Without a return to the event loop the watcher reads nothing, so its output piles up
    // until the cap cuts it off instead of letting the daemon's memory grow.
    const QJsonObject bulky{{QStringLiteral("line"), QString(512 * 1024, u'x')}};
    const int bursts = int(2 * ControlServer::MaxPendingOutput / (512 * 1024));
    for (int i = 0; i < bursts; ++i)
        server->publish(Event::Log, bulky);
    QCOMPARE(server->clientCount(), 1);
    QTRY_VERIFY(watcher.isGone());

    bystander.send(makeRequest(2, Request::Status));
    QTRY_COMPARE(bystander.received.size(), 2);
    QCOMPARE(bystander.received.at(1).value(Field::Ok).toBool(), true);
}

void tst_ControlServer::handlerMayStopTheServer()
{
    // What a shutdown handler may well do: stop the control server from inside the request.
    ControlServer server(m_dir);
    server.setHandler([&server](Request, const QJsonObject &) {
        server.stop();
        return Reply::success();
    });
    QVERIFY(server.start().ok());
    RawClient client(server.socketPath());
    client.hello();
    QTRY_COMPARE(client.received.size(), 1);
    client.send(makeRequest(2, Request::Shutdown));
    QTRY_VERIFY(client.isGone());
    // The request that stopped the server is still answered.
    QCOMPARE(client.received.size(), 2);
    QCOMPARE(client.received.at(1).value(Field::Id).toInteger(), 2);
    QCOMPARE(client.received.at(1).value(Field::Ok).toBool(), true);
    QVERIFY(!server.isListening());
    QVERIFY(!QFile::exists(socketPath(m_dir)));
}

QTEST_GUILESS_MAIN(tst_ControlServer)
#include "tst_controlserver.moc"
