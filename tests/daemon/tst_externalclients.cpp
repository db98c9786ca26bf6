// Real clients against the real mailportd: swaks (plain, STARTTLS, implicit TLS) and
// `openssl s_client -starttls smtp`. .ci/setup installs both; a missing one fails the test.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class tst_ExternalClients final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void swaks_data();
    void swaks();
    void opensslStartTls();
    void opensslImplicitTls();

private:
    QByteArray runTool(const QString &program, const QStringList &arguments,
                       const QByteArray &input, int *exitCode);
    QByteArray storedWith(const QByteArray &marker) const;
    QByteArray converse(const QStringList &arguments,
                        const QList<QPair<QByteArray, QByteArray>> &steps);
    static quint16 freePort();

    QTemporaryDir m_dir;
    QProcess m_daemon;
    quint16 m_plain = 0;
    quint16 m_smtps = 0;
};

quint16 tst_ExternalClients::freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

void tst_ExternalClients::initTestCase()
{
    for (const char *tool : {"swaks", "openssl"})
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                 qPrintable(QStringLiteral("%1 is not installed (bash .ci/run installs it)")
                                .arg(QLatin1String(tool))));
    QVERIFY(m_dir.isValid());
    m_plain = freePort();
    m_smtps = freePort();
    QVERIFY(m_plain && m_smtps && m_plain != m_smtps);
    QFile config(m_dir.filePath(QStringLiteral("clients.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("local_interfaces = 127.0.0.1\ndaemon_smtp_ports = " + QByteArray::number(m_plain)
                 + " : " + QByteArray::number(m_smtps)
                 + "\ntls_on_connect_ports = " + QByteArray::number(m_smtps)
                 + "\nprimary_hostname = mailport.test\nspool_directory = "
                 + m_dir.filePath(QStringLiteral("spool")).toUtf8() + "\n");
    config.close();
    QDir().mkpath(m_dir.filePath(QStringLiteral("run")));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    m_daemon.setProcessEnvironment(env);
    m_daemon.setStandardOutputFile(QProcess::nullDevice());
    m_daemon.setStandardErrorFile(m_dir.filePath(QStringLiteral("daemon.log")));
    m_daemon.start(QStringLiteral(MAILPORTD_PATH),
                   {QStringLiteral("-C"), config.fileName(), QStringLiteral("-bd")});
    QVERIFY(m_daemon.waitForStarted());
    bool ready = false;
    for (int attempt = 0; attempt < 100 && !ready; ++attempt) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_plain);
        ready = probe.waitForConnected(100) && probe.waitForReadyRead(1000)
                && probe.readAll().startsWith("220 ");
        if (!ready)
            QTest::qWait(50);
    }
    QVERIFY2(ready, "mailportd did not greet");
}

void tst_ExternalClients::cleanupTestCase()
{
    m_daemon.terminate();
    QVERIFY(m_daemon.waitForFinished(15000));
    QCOMPARE(m_daemon.exitCode(), 0);
}

QByteArray tst_ExternalClients::runTool(const QString &program, const QStringList &arguments,
                                        const QByteArray &input, int *exitCode)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(program, arguments);
    if (!tool.waitForStarted(5000))
        return "failed to start " + program.toUtf8();
    tool.write(input);
    tool.closeWriteChannel();
    if (!tool.waitForFinished(30000)) {
        tool.kill();
        tool.waitForFinished();
    }
    *exitCode = tool.exitStatus() == QProcess::NormalExit ? tool.exitCode() : -1;
    return tool.readAll();
}

// Drives `openssl s_client` one command at a time: s_client would send all of standard input in
// one packet, and a real client waits for each reply (EHLO and DATA end a pipelining group).
QByteArray tst_ExternalClients::converse(const QStringList &arguments,
                                         const QList<QPair<QByteArray, QByteArray>> &steps)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(QStringLiteral("openssl"), arguments);
    if (!tool.waitForStarted(5000))
        return "failed to start openssl";
    QByteArray output;
    for (const auto &[send, expect] : steps) {
        tool.write(send);
        const qsizetype from = output.size();
        while (!output.mid(from).contains(expect) && tool.waitForReadyRead(10000))
            output += tool.readAll();
        if (!output.mid(from).contains(expect))
            break;
    }
    tool.closeWriteChannel();
    if (!tool.waitForFinished(10000))
        tool.kill();
    tool.waitForFinished();
    return output + tool.readAll();
}

QByteArray tst_ExternalClients::storedWith(const QByteArray &marker) const
{
    const QDir spool(m_dir.filePath(QStringLiteral("spool/new")));
    for (const QString &name : spool.entryList(QDir::Files)) {
        QFile file(spool.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray content = file.readAll();
            if (content.contains(marker))
                return content;
        }
    }
    return QByteArray();
}

void tst_ExternalClients::swaks_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("implicitTls");
    QTest::addColumn<QByteArray>("protocol");
    QTest::newRow("plain") << QStringList{} << false << QByteArray("with esmtp\r\n");
    QTest::newRow("STARTTLS") << QStringList{"--tls"} << false << QByteArray("with esmtps (TLS1.");
    QTest::newRow("implicit TLS") << QStringList{"--tls-on-connect"} << true
                                  << QByteArray("with esmtps (TLS1.");
}

void tst_ExternalClients::swaks()
{
    QFETCH(QStringList, options);
    QFETCH(bool, implicitTls);
    QFETCH(QByteArray, protocol);
    const QByteArray marker = "swaks-" + QByteArray(QTest::currentDataTag()).replace(' ', '-');
    int exitCode = -1;
    const QByteArray output = runTool(
        QStringLiteral("swaks"),
        QStringList{"--server", "127.0.0.1", "--port",
                    QString::number(implicitTls ? m_smtps : m_plain), "--helo", "client.test",
                    "--from", "alice@client.test", "--to", "bob@mailport.test", "--header",
                    QStringLiteral("Subject: %1").arg(QString::fromLatin1(marker)), "--body",
                    QString::fromLatin1(marker), "--timeout", "20"}
            + options,
        QByteArray(), &exitCode);
    QVERIFY2(exitCode == 0, output.constData());
    QVERIFY2(output.contains("250 2.0.0 OK id="), output.constData());
    const QByteArray stored = storedWith(marker);
    QVERIFY2(!stored.isEmpty(), "the message is not in new/");
    QVERIFY(stored.startsWith("Return-Path: <alice@client.test>\r\n"));
    QVERIFY2(stored.contains(protocol), stored.constData());
    QCOMPARE(stored.contains("with esmtps"),
             implicitTls || options.contains(QLatin1String("--tls")));
    QVERIFY(stored.contains("helo=client.test"));
    QVERIFY(stored.contains("([127.0.0.1]:" + QByteArray::number(implicitTls ? m_smtps : m_plain)
                            + ")"));
}

void tst_ExternalClients::opensslStartTls()
{
    const QByteArray marker = "openssl-starttls";
    const QByteArray output
        = converse({QStringLiteral("s_client"), QStringLiteral("-starttls"), QStringLiteral("smtp"),
                    QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(m_plain),
                    QStringLiteral("-crlf"), QStringLiteral("-ign_eof")},
                   {{"", "250 "}, // s_client says EHLO itself before STARTTLS
                    {"EHLO openssl.test\n", "250 "},
                    {"MAIL FROM:<carol@client.test>\n", "250 "},
                    {"RCPT TO:<postmaster>\n", "250 "},
                    {"DATA\n", "354 "},
                    {"Subject: " + marker + "\n\n" + marker + "\n.\n", "250 "},
                    {"QUIT\n", "221 "}});
    QVERIFY2(output.contains("New, TLSv1.3") || output.contains("New, TLSv1.2"),
             output.constData());
    QVERIFY2(output.contains("250 2.0.0 OK id="), output.constData());
    QVERIFY2(!output.contains("250-STARTTLS"), "STARTTLS offered again inside TLS");
    const QByteArray stored = storedWith(marker);
    QVERIFY2(!stored.isEmpty(), output.constData());
    QVERIFY(stored.contains("with esmtps"));
}

void tst_ExternalClients::opensslImplicitTls()
{
    const QByteArray output = converse(
        {QStringLiteral("s_client"), QStringLiteral("-connect"),
         QStringLiteral("127.0.0.1:%1").arg(m_smtps), QStringLiteral("-crlf"),
         QStringLiteral("-ign_eof")},
        {{"", "220 mailport.test ESMTP"}, {"EHLO openssl.test\n", "250 "}, {"QUIT\n", "221 "}});
    QVERIFY2(output.contains("220 mailport.test ESMTP"), output.constData());
    QVERIFY2(output.contains("250-mailport.test Hello openssl.test"), output.constData());
    QVERIFY2(!output.contains("STARTTLS"), output.constData());
    QVERIFY2(output.contains("221 "), output.constData());
}

QTEST_GUILESS_MAIN(tst_ExternalClients)
#include "tst_externalclients.moc"
