#include "testmailbatch.h"

#include "certificatetool.h"
#include "fakesmtpserver.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Mailport;
using Mailport::Test::FakeSmtpScript;
using Mailport::Test::FakeSmtpServer;
using Mode = TestMailRequest::Mode;

class tst_TestMailBatch final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void mixedOutcomesWithLimitedConcurrency();
    void emptyBatchFinishesFromTheEventLoop();
    void abortCancelsRunningAndWaiting();
    void startWhileRunningIsRefused();

private:
    static TestMailRequest request(const QHostAddress &host, quint16 port, Mode mode,
                                   int timeoutMs = 5000);
    QSslConfiguration serverTls() const;

    QTemporaryDir m_dir;
    CertificateLoadResult m_pair;
};

void tst_TestMailBatch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString cert = m_dir.filePath(QStringLiteral("server.crt"));
    const QString key = m_dir.filePath(QStringLiteral("server.key"));
    const CertificateWriteResult written = CertificateTool::generateSelfSigned(
        cert, key, QStringLiteral("fake.test"), {QStringLiteral("fake.test")},
        {QHostAddress::LocalHost}, 30);
    QVERIFY2(written.ok(), qPrintable(written.message));
    m_pair = CertificateTool::load(cert, key);
    QVERIFY2(m_pair.ok(), qPrintable(m_pair.message));
}

QSslConfiguration tst_TestMailBatch::serverTls() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(m_pair.chain);
    configuration.setPrivateKey(m_pair.key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

TestMailRequest tst_TestMailBatch::request(const QHostAddress &host, quint16 port, Mode mode,
                                           int timeoutMs)
{
    TestMailRequest request;
    request.host = host.toString();
    request.port = port;
    request.mode = mode;
    request.from = QStringLiteral("sender@example.org");
    request.to = {QStringLiteral("rcpt@example.net")};
    request.timeoutMs = timeoutMs;
    return request;
}

void tst_TestMailBatch::mixedOutcomesWithLimitedConcurrency()
{
    FakeSmtpServer plain{FakeSmtpScript{}};
    QVERIFY(plain.listenOnLoopback());
    FakeSmtpServer startTls(FakeSmtpScript{}, serverTls());
    QVERIFY(startTls.listenOnLoopback());
    FakeSmtpScript refusing;
    refusing.rcptReply = "550 5.1.1 no such user\r\n";
    FakeSmtpServer rejecting(refusing);
    QVERIFY(rejecting.listenOnLoopback());
    FakeSmtpScript mute;
    mute.silent = true;
    FakeSmtpServer silent(mute);
    QVERIFY(silent.listenOnLoopback());
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 closedPort = closed.serverPort();
    closed.close();

    const QHostAddress loopback(QHostAddress::LocalHost);
    const QList<TestMailRequest> requests{
        request(loopback, plain.serverPort(), Mode::Plain),
        request(loopback, rejecting.serverPort(), Mode::Plain),
        request(loopback, silent.serverPort(), Mode::Plain, 300),
        request(loopback, closedPort, Mode::Plain),
        request(loopback, startTls.serverPort(), Mode::StartTls),
    };

    TestMailBatch batch;
    batch.setMaxConcurrent(2);
    QCOMPARE(batch.maxConcurrent(), 2);
    QSignalSpy started(&batch, &TestMailBatch::requestStarted);
    QSignalSpy finished(&batch, &TestMailBatch::finished);
    QList<int> finishedOrder;
    QList<TestMailResult> reported(requests.size());
    int maxRunning = 0;
    connect(&batch, &TestMailBatch::requestStarted, this,
            [&] { maxRunning = std::max(maxRunning, batch.runningCount()); });
    connect(&batch, &TestMailBatch::requestFinished, this,
            [&](int index, const TestMailResult &result) {
                finishedOrder.append(index);
                reported[index] = result;
            });
    QList<int> lineCounts(requests.size());
    connect(&batch, &TestMailBatch::transcriptLine, this,
            [&lineCounts](int index, TestMailClient::Direction, const QString &) {
                ++lineCounts[index];
            });

    QVERIFY(batch.start(requests));
    QVERIFY(batch.isRunning());
    QCOMPARE(started.count(), 0);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!batch.isRunning());

    QCOMPARE(started.count(), requests.size());
    QCOMPARE(maxRunning, 2);
    QCOMPARE(finishedOrder.size(), requests.size());
    QCOMPARE(QSet<int>(finishedOrder.cbegin(), finishedOrder.cend()).size(), requests.size());
    QCOMPARE(batch.finishedCount(), int(requests.size()));
    QCOMPARE(batch.passedCount(), 2);

    const QList<TestMailResult> &results = batch.results();
    QCOMPARE(results.size(), requests.size());
    QVERIFY2(results.at(0).ok, qPrintable(results.at(0).error));
    QCOMPARE(results.at(1).failedStep, TestMailStep::Rcpt);
    QCOMPARE(results.at(1).lastReplyCode, 550);
    QCOMPARE(results.at(2).failedStep, TestMailStep::Timeout);
    QCOMPARE(results.at(3).failedStep, TestMailStep::Connect);
    QVERIFY2(results.at(4).ok, qPrintable(results.at(4).error));
    QVERIFY(results.at(4).encrypted);
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QCOMPARE(reported.at(i).failedStep, results.at(i).failedStep);
        QCOMPARE(reported.at(i).transcript, results.at(i).transcript);
        QCOMPARE(lineCounts.at(i), int(results.at(i).transcript.size()));
    }
    QCOMPARE(plain.messages.size(), 1);
    QCOMPARE(startTls.messageEncrypted, QList<bool>{true});
    QVERIFY(rejecting.messages.isEmpty());
}

void tst_TestMailBatch::emptyBatchFinishesFromTheEventLoop()
{
    TestMailBatch batch;
    QSignalSpy finished(&batch, &TestMailBatch::finished);
    QVERIFY(batch.start({}));
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(1000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(batch.results().isEmpty());
    QCOMPARE(batch.passedCount(), 0);
}

void tst_TestMailBatch::abortCancelsRunningAndWaiting()
{
    FakeSmtpScript mute;
    mute.silent = true;
    FakeSmtpServer silent(mute);
    QVERIFY(silent.listenOnLoopback());
    const QHostAddress loopback(QHostAddress::LocalHost);
    const TestMailRequest waiting = request(loopback, silent.serverPort(), Mode::Plain, 10000);

    TestMailBatch batch;
    batch.setMaxConcurrent(1);
    QSignalSpy finished(&batch, &TestMailBatch::finished);
    QSignalSpy requestFinished(&batch, &TestMailBatch::requestFinished);
    QVERIFY(batch.start({waiting, waiting, waiting}));
    QTRY_COMPARE(silent.connections, 1);
    QCOMPARE(batch.runningCount(), 1);

    batch.abort();
    QCOMPARE(requestFinished.count(), 3);
    QCOMPARE(finished.count(), 1);
    QVERIFY(!batch.isRunning());
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(requestFinished.at(i).at(0).toInt(), i);
        const auto result = requestFinished.at(i).at(1).value<TestMailResult>();
        QCOMPARE(result.failedStep, TestMailStep::Cancelled);
        QCOMPARE(batch.results().at(i).failedStep, TestMailStep::Cancelled);
    }
    QCOMPARE(batch.results().at(1).error,
             QStringLiteral("The test was cancelled before it started."));
    QTRY_COMPARE(silent.active, 0);
    QCOMPARE(silent.connections, 1);
}

void tst_TestMailBatch::startWhileRunningIsRefused()
{
    FakeSmtpServer server{FakeSmtpScript{}};
    QVERIFY(server.listenOnLoopback());
    const QHostAddress loopback(QHostAddress::LocalHost);
    const TestMailRequest one = request(loopback, server.serverPort(), Mode::Plain);

    TestMailBatch batch;
    QSignalSpy finished(&batch, &TestMailBatch::finished);
    QVERIFY(batch.start({one}));
    QVERIFY(!batch.start({one, one}));
    QVERIFY(finished.wait(10000));
    QCOMPARE(batch.requests().size(), 1);
    QCOMPARE(batch.passedCount(), 1);
    // Once finished, the same batch runs again.
    QVERIFY(batch.start({one, one}));
    QVERIFY(finished.wait(10000));
    QCOMPARE(batch.passedCount(), 2);
    QCOMPARE(server.messages.size(), 3);
}

QTEST_GUILESS_MAIN(tst_TestMailBatch)
#include "tst_testmailbatch.moc"
