// Crash safety of the spool, end to end: the real mailportd is killed with SIGKILL at many points
// around the end of DATA. Every message that got its 250 must be in new/, complete; nothing partial
// may ever appear in new/.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <csignal>
#include <thread>

class tst_CrashSafety final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killAroundEndOfData();

private:
    bool startDaemon();
    QByteArray body(int round) const;

    QTemporaryDir m_dir;
    QProcess m_daemon;
    quint16 m_port = 0;
};

void tst_CrashSafety::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    m_port = probe.serverPort();
    probe.close();
    QFile config(m_dir.filePath(QStringLiteral("crash.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("local_interfaces = 127.0.0.1\ndaemon_smtp_ports = " + QByteArray::number(m_port)
                 + "\nspool_directory = " + m_dir.filePath(QStringLiteral("spool")).toUtf8()
                 + "\nprimary_hostname = crash.test\n");
    config.close();
    QDir().mkpath(m_dir.filePath(QStringLiteral("run")));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    m_daemon.setProcessEnvironment(env);
    m_daemon.setProgram(QStringLiteral(MAILPORTD_PATH));
    m_daemon.setArguments({QStringLiteral("-C"), config.fileName(), QStringLiteral("-bd")});
    m_daemon.setStandardOutputFile(QProcess::nullDevice());
    m_daemon.setStandardErrorFile(QProcess::nullDevice());
}

bool tst_CrashSafety::startDaemon()
{
    m_daemon.start();
    if (!m_daemon.waitForStarted(5000))
        return false;
    // Ready once it answers with its greeting.
    for (int attempt = 0; attempt < 200; ++attempt) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(100) && probe.waitForReadyRead(1000)
            && probe.readAll().startsWith("220 "))
            return true;
        QTest::qWait(20);
    }
    return false;
}

QByteArray tst_CrashSafety::body(int round) const
{
    QByteArray text = "Subject: crash round " + QByteArray::number(round) + "\r\n\r\n";
    for (int line = 0; line < 200; ++line)
        text += "round " + QByteArray::number(round) + " line " + QByteArray::number(line)
                + " the quick brown fox jumps over the lazy dog\r\n";
    return text + "END OF ROUND " + QByteArray::number(round) + "\r\n";
}

void tst_CrashSafety::killAroundEndOfData()
{
    const QString newDir = m_dir.filePath(QStringLiteral("spool/new"));
    QList<int> acknowledged;
    int killedAfterDot = 0; // the final dot was sent, the daemon died before its 250
    int rounds = 0;
    // Kill points from before the final dot to well after the 250 (fsync takes milliseconds).
    QList<int> delaysUs{-1};
    for (int us = 0; us < 2000; us += 100)
        delaysUs.append(us);
    for (int us = 2000; us <= 12000; us += 1000)
        delaysUs.append(us);
    for (const int delayUs : std::as_const(delaysUs)) {
        QVERIFY2(startDaemon(), "mailportd did not start");
        const int round = ++rounds;
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(client.waitForConnected(5000));
        const auto expect = [&client](const QByteArray &code) {
            QByteArray reply;
            while (!reply.contains("\r\n") && client.waitForReadyRead(5000))
                reply += client.readAll();
            return reply.startsWith(code);
        };
        QVERIFY(expect("220"));
        for (const QByteArray &command :
             {QByteArray("EHLO client.test\r\n"), QByteArray("MAIL FROM:<a@client.test>\r\n"),
              QByteArray("RCPT TO:<postmaster>\r\n")}) {
            client.write(command);
            QVERIFY(expect("250"));
        }
        client.write("DATA\r\n");
        QVERIFY(expect("354"));
        client.write(body(round));
        QVERIFY(client.waitForBytesWritten(5000));
        if (delayUs >= 0) {
            client.write(".\r\n");
            client.flush();
            std::this_thread::sleep_for(std::chrono::microseconds(delayUs));
        }
        ::kill(pid_t(m_daemon.processId()), SIGKILL);
        QVERIFY(m_daemon.waitForFinished(5000));
        // Whatever the daemon wrote before it died is still in this socket's receive buffer.
        client.waitForReadyRead(200);
        const QByteArray replies = client.readAll();
        if (replies.contains("250 2.0.0"))
            acknowledged.append(round);
        else if (delayUs >= 0)
            ++killedAfterDot;

        // Nothing partial in new/, ever: every file there holds one whole message.
        const QStringList files = QDir(newDir).entryList(QDir::Files);
        for (const QString &name : files) {
            QFile file(QDir(newDir).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            const qsizetype subject = content.indexOf("Subject: crash round ");
            QVERIFY2(subject >= 0, qPrintable(name));
            const int stored
                = content.mid(subject + 21, content.indexOf("\r\n", subject) - subject - 21)
                      .toInt();
            QVERIFY2(content.endsWith(body(stored)), qPrintable(name));
        }
    }
    // Every acknowledged message is there.
    QStringList bodies;
    for (const QString &name : QDir(newDir).entryList(QDir::Files)) {
        QFile file(QDir(newDir).filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        bodies.append(QString::fromLatin1(file.readAll()));
    }
    for (const int round : std::as_const(acknowledged)) {
        const QString marker = QStringLiteral("END OF ROUND %1\r\n").arg(round);
        QVERIFY2(std::any_of(bodies.cbegin(), bodies.cend(),
                             [&marker](const QString &b) { return b.endsWith(marker); }),
                 qPrintable(marker));
    }
    // The test must have seen both outcomes, or it proved nothing.
    QVERIFY2(!acknowledged.isEmpty(), "no kill point came after a 250");
    QVERIFY2(killedAfterDot > 0, "no kill point fell between the final dot and the 250");
    qInfo("%d kill points: %d after the 250, %d between the final dot and the 250; %lld "
          "messages in new/",
          rounds, int(acknowledged.size()), killedAfterDot, qint64(bodies.size()));
}

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
