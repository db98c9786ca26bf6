#include "testmailmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Mailport;
using Mode = TestMailRequest::Mode;
using CellState = TestMailModel::CellState;

namespace {

PlannedSocket socket(const QString &address, int port, TlsMode tls = TlsMode::StartTls)
{
    PlannedSocket s;
    s.address = address;
    s.port = port;
    s.configuredPort = port;
    s.ipv6 = address.contains(u':');
    s.wildcard = address == "0.0.0.0" || address == "::0";
    s.tls = tls;
    return s;
}

TestMailResult passed(qint64 ms)
{
    TestMailResult r;
    r.ok = true;
    r.elapsedMs = ms;
    r.transcript = {"* connected", "S: 220 hi", "C: QUIT"};
    r.encrypted = true;
    r.protocol = "TLSv1.3";
    r.cipher = "TLS_AES_256_GCM_SHA384";
    return r;
}

TestMailResult failed(const QString &step)
{
    TestMailResult r;
    r.failedStep = step;
    r.error = "Connection refused by 127.0.0.1 port 2525.";
    r.lastReplyCode = 554;
    r.lastReply = "554 5.7.1 go away";
    r.transcript = {"* connecting"};
    return r;
}

} // namespace

class tst_TestMailModel : public QObject
{
    Q_OBJECT

private slots:
    void modesFollowThePlan_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("smtps");
        QTest::addColumn<bool>("noStartTls");
        QTest::addColumn<int>("override");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QList<Mode>>("modes");
        QTest::newRow("starttls") << "127.0.0.1" << false << false << -1 << "127.0.0.1"
                                  << QList<Mode>{Mode::Plain, Mode::StartTls};
        QTest::newRow("smtps") << "::1" << true << false << -1 << "::1"
                               << QList<Mode>{Mode::ImplicitTls};
        QTest::newRow("sendmail Modify=S")
            << "127.0.0.1" << false << true << -1 << "127.0.0.1" << QList<Mode>{Mode::Plain};
        QTest::newRow("IPv4 wildcard") << "0.0.0.0" << false << false << -1 << "127.0.0.1"
                                       << QList<Mode>{Mode::Plain, Mode::StartTls};
        QTest::newRow("IPv6 wildcard")
            << "::0" << true << false << -1 << "::1" << QList<Mode>{Mode::ImplicitTls};
        QTest::newRow("override") << "127.0.0.1" << true << false << int(Mode::StartTls)
                                  << "127.0.0.1" << QList<Mode>{Mode::StartTls};
    }

    void modesFollowThePlan()
    {
        QFETCH(QString, address);
        QFETCH(bool, smtps);
        QFETCH(bool, noStartTls);
        QFETCH(int, override);
        QFETCH(QString, host);
        QFETCH(QList<Mode>, modes);
        PlannedSocket s = socket(address, 2525, smtps ? TlsMode::Smtps : TlsMode::StartTls);
        s.noStartTls = noStartTls;
        const TestMailTarget t = TestMailTarget::fromSocket(
            s, override < 0 ? std::nullopt : std::optional<Mode>(Mode(override)));
        QCOMPARE(t.host, host);
        QCOMPARE(t.port, quint16(2525));
        QCOMPARE(t.modes, modes);
        QCOMPARE(t.endpoint, s.endpoint());
    }

    void matrixFollowsTheRuns()
    {
        TestMailModel model;
        QAbstractItemModelTester tester(&model);
        model.setTargets({TestMailTarget::fromSocket(socket("127.0.0.1", 2525)),
                          TestMailTarget::fromSocket(socket("127.0.0.1", 2465, TlsMode::Smtps))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(TestMailModel::ColumnCount));
        QCOMPARE(model.cellState(0, Mode::Plain), CellState::Waiting);
        QCOMPARE(model.cellState(0, Mode::StartTls), CellState::Waiting);
        QCOMPARE(model.cellState(0, Mode::ImplicitTls), CellState::NotRequested);
        QCOMPARE(model.cellState(1, Mode::ImplicitTls), CellState::Waiting);
        QCOMPARE(model.count(CellState::Waiting), 3);
        QCOMPARE(model.index(0, TestMailModel::ListenerColumn).data().toString(),
                 QStringLiteral("127.0.0.1:2525"));
        QCOMPARE(model.headerData(TestMailModel::StartTlsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("STARTTLS"));

        model.setRunning(0, Mode::Plain);
        model.appendTranscript(0, Mode::Plain, "* live line");
        QCOMPARE(model.cellState(0, Mode::Plain), CellState::Running);
        QCOMPARE(model.transcript(0, Mode::Plain), QStringList{"* live line"});
        QVERIFY(!model.result(0, Mode::Plain));

        model.setResult(0, Mode::Plain, passed(42));
        model.setResult(1, Mode::ImplicitTls, failed("connect"));
        QCOMPARE(model.cellState(0, Mode::Plain), CellState::Passed);
        QCOMPARE(model.index(0, TestMailModel::PlainColumn).data().toString(),
                 QStringLiteral("Passed (42 ms)"));
        QCOMPARE(model.index(1, TestMailModel::ImplicitTlsColumn).data().toString(),
                 QStringLiteral("Failed: could not connect"));
        QCOMPARE(model.index(1, TestMailModel::ImplicitTlsColumn)
                     .data(TestMailModel::CellStateRole)
                     .toInt(),
                 int(CellState::Failed));
        // The finished run's full transcript replaces the live lines.
        QCOMPARE(model.transcript(0, Mode::Plain), passed(0).transcript);
        QCOMPARE(model.result(1, Mode::ImplicitTls)->failedStep, QStringLiteral("connect"));
        QCOMPARE(model.count(CellState::Passed), 1);
        QCOMPARE(model.count(CellState::Failed), 1);
        QCOMPARE(model.count(CellState::Waiting), 1);

        // Out of range is harmless.
        model.setResult(7, Mode::Plain, passed(1));
        QCOMPARE(model.cellState(7, Mode::Plain), CellState::NotRequested);
    }

    void failuresAreExplained()
    {
        const TestMailTarget t = TestMailTarget::fromSocket(socket("127.0.0.1", 2525));
        const UserMessage m = TestMailModel::explain(t, Mode::StartTls, failed("rcpt"));
        QCOMPARE(m.kind, UserMessage::Kind::Error);
        QCOMPARE(m.primary,
                 QStringLiteral("Test mail to 127.0.0.1:2525 (STARTTLS): the recipient was "
                                "refused"));
        QVERIFY(m.detail.contains("Connection refused by"));
        QVERIFY(m.detail.contains("554 5.7.1 go away"));
        QVERIFY(TestMailModel::explain(t, Mode::Plain, passed(1)).isNull());
        QCOMPARE(TestMailModel::explain(t, Mode::Plain, failed("cancelled")).kind,
                 UserMessage::Kind::Information);
        for (const char *step : {"request", "connect", "greeting", "ehlo", "starttls",
                                 "tls-handshake", "mail", "rcpt", "data", "quit", "timeout"})
            QVERIFY2(TestMailModel::stepText(QLatin1String(step)) != QLatin1String(step), step);
        // A step a newer core may add is shown as it is named.
        QCOMPARE(TestMailModel::stepText("auth"), QStringLiteral("auth"));
    }
};

QTEST_MAIN(tst_TestMailModel)
#include "tst_testmailmodel.moc"
