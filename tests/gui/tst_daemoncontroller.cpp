#include "daemoncontroller.h"

#include "controlclient.h"
#include "daemontestenv.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>

#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>

using namespace Mailport;

namespace {

DaemonTimeouts quickTimeouts()
{
    DaemonTimeouts t;
    t.start = std::chrono::milliseconds(10000);
    t.shutdown = std::chrono::milliseconds(5000);
    t.terminate = std::chrono::milliseconds(300);
    t.kill = std::chrono::milliseconds(3000);
    t.connectRetry = std::chrono::milliseconds(20);
    t.refresh = std::chrono::milliseconds(200);
    return t;
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

// Set in the environment of this executable started as a GUI stand-in by
// daemonDiesWithItsParent(): the configuration file and the data directory to start with.
constexpr char kParentConfig[] = "MAILPORT_TEST_PARENT_CONFIG";
constexpr char kParentData[] = "MAILPORT_TEST_PARENT_DATA";

// The GUI stand-in: starts mailportd as the window does, prints "pid N" once it runs, and waits
// to be killed.
int runAsParent(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    DaemonController controller;
    controller.setProgram(QStringLiteral(MAILPORTD_PATH));
    DaemonLaunch launch;
    launch.source = DaemonLaunch::Source::File;
    launch.file = qEnvironmentVariable(kParentConfig);
    launch.dataDirectory = qEnvironmentVariable(kParentData);
    QTextStream out(stdout);
    QObject::connect(&controller, &DaemonController::stateChanged, &app,
                     [&](DaemonController::State state) {
                         if (state == DaemonController::State::Running) {
                             out << "pid " << controller.pid() << Qt::endl;
                         } else if (state == DaemonController::State::Crashed) {
                             out << "failed " << controller.lastProblem().primary << Qt::endl;
                             QCoreApplication::exit(1);
                         }
                     });
    if (!controller.start(launch))
        return 1;
    return app.exec();
}

// Whether @p pid, a child of this process, has exited; its exit status in @p status.
bool reaped(pid_t pid, int *status)
{
    return ::waitpid(pid, status, WNOHANG) == pid;
}

} // namespace

class tst_DaemonController : public QObject
{
    Q_OBJECT

private:
    DaemonTestEnvironment m_env;
    int m_scripts = 0;

    /// A stand-in for mailportd: a shell script with @p body, which first records its
    /// arguments in args.txt.
    QString fakeDaemon(const QByteArray &body)
    {
        const QString path = m_env.path(QStringLiteral("fake-%1.sh").arg(++m_scripts));
        const QByteArray script = "#!/bin/sh\nprintf '%s\\n' \"$@\" > '"
                                  + m_env.path(QStringLiteral("args.txt")).toLocal8Bit() + "'\n"
                                  + body + '\n';
        return writeTextFile(path, script, true) ? path : QString();
    }

    DaemonLaunch launchFor(const QByteArray &configuration)
    {
        DaemonLaunch launch;
        launch.text = configuration;
        launch.dataDirectory = m_env.path(QStringLiteral("data"));
        return launch;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_env.isValid());
        QCOMPARE(ControlProtocol::defaultDirectory(), m_env.runtimeDirectory() + "/mailport");
    }

    void argumentsAreExplicit()
    {
        DaemonLaunch launch;
        launch.controlDirectory = "/run/x";
        launch.dataDirectory = "/var/lib/x";
        launch.oxGiven = true;
        launch.oxValue = "<; [::1]:2526";
        launch.tlsOnConnect = true;
        QCOMPARE(DaemonController::arguments(launch, "/etc/m.conf"),
                 QStringList({"-C", "/etc/m.conf", "-bd", "--control-dir", "/run/x", "--data-dir",
                              "/var/lib/x", "-oX", "<; [::1]:2526", "-tls-on-connect"}));
        QCOMPARE(DaemonController::arguments(DaemonLaunch(), "a.conf"),
                 QStringList({"-C", "a.conf", "-bd", "--control-dir",
                              ControlProtocol::defaultDirectory()}));
    }

    void defaultProgramIsBesideTheExecutable()
    {
        const QString program = DaemonController::defaultProgram();
        QVERIFY(program.endsWith("/mailportd"));
        QCOMPARE(DaemonController().program(), program);
    }

    void missingProgramIsExplained()
    {
        DaemonController controller;
        controller.setProgram(m_env.path("no-such-mailportd"));
        QSignalSpy problems(&controller, &DaemonController::problem);
        controller.start(launchFor("local_interfaces = 127.0.0.1\n"));
        QTRY_COMPARE(controller.state(), DaemonController::State::Crashed);
        QCOMPARE(problems.size(), 1);
        const auto message = problems.first().first().value<UserMessage>();
        QCOMPARE(message.primary, QStringLiteral("mailportd was not found."));
        QVERIFY(message.detail.contains(m_env.path("no-such-mailportd")));
        QVERIFY(!controller.ownsProcess());
    }

    void programThatIsNotExecutableIsExplained()
    {
        const QString path = m_env.path("not-executable");
        QVERIFY(writeTextFile(path, "#!/bin/sh\nexit 0\n"));
        DaemonController controller;
        controller.setProgram(path);
        controller.start(launchFor("local_interfaces = 127.0.0.1\n"));
        QTRY_COMPARE(controller.state(), DaemonController::State::Crashed);
        QCOMPARE(controller.lastProblem().primary, QStringLiteral("mailportd cannot be run."));
    }

    void temporaryConfigurationIsWrittenAndPassed()
    {
        DaemonController controller;
        controller.setTimeouts(quickTimeouts());
        controller.setProgram(fakeDaemon("exit 0"));
        const QByteArray text = "local_interfaces = 127.0.0.1\ndaemon_smtp_ports = 2525\n";
        QVERIFY(controller.start(launchFor(text)));
        QTRY_COMPARE(controller.state(), DaemonController::State::Stopped);
        QVERIFY(controller.usesTemporaryConfiguration());
        const QStringList args = readLines(m_env.path("args.txt"));
        QCOMPARE(args.value(0), QStringLiteral("-C"));
        QCOMPARE(args.value(1), controller.configurationFile());
        QFile config(args.value(1));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QCOMPARE(config.readAll(), text);
        QCOMPARE(args.mid(2, 3),
                 QStringList({"-bd", "--control-dir", ControlProtocol::defaultDirectory()}));
        QCOMPARE(args.mid(5), QStringList({"--data-dir", m_env.path("data")}));
        // Ending by itself with status 0 is worth a note, not an error.
        QCOMPARE(controller.lastProblem(), UserMessage());
    }

    void unreadableConfigurationFileIsRefused()
    {
        DaemonController controller;
        controller.setProgram(fakeDaemon("exit 0"));
        DaemonLaunch launch;
        launch.source = DaemonLaunch::Source::File;
        launch.file = m_env.path("missing.conf");
        QSignalSpy problems(&controller, &DaemonController::problem);
        QVERIFY(!controller.start(launch));
        QCOMPARE(controller.state(), DaemonController::State::Stopped);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(controller.lastProblem().primary,
                 QStringLiteral("The configuration file cannot be read."));
    }

    void exitStatusIsExplained_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("primary");
        QTest::newRow("config") << 1 << "mailportd refused the configuration.";
        QTest::newRow("usage") << 2 << "mailportd did not understand its command line.";
        QTest::newRow("bind") << 3 << "mailportd could not open a listening socket.";
        QTest::newRow("running") << 4 << "Another mailportd is already running.";
        QTest::newRow("tls") << 5 << "mailportd has no usable TLS certificate.";
        QTest::newRow("spool") << 6 << "mailportd cannot use its spool directory.";
        QTest::newRow("control") << 7 << "mailportd could not open its control socket.";
        QTest::newRow("internal") << 70 << "mailportd stopped because of an internal error.";
        QTest::newRow("undocumented") << 42 << "mailportd stopped with exit status 42.";
    }

    void exitStatusIsExplained()
    {
        QFETCH(int, code);
        QFETCH(QString, primary);
        DaemonController controller;
        controller.setTimeouts(quickTimeouts());
        controller.setProgram(fakeDaemon("echo 'first line' >&2\n"
                                         "echo 'mailportd: the reason, in English' >&2\n"
                                         "exit "
                                         + QByteArray::number(code)));
        QSignalSpy states(&controller, &DaemonController::stateChanged);
        QSignalSpy log(&controller, &DaemonController::logLine);
        QVERIFY(controller.start(launchFor("local_interfaces = 127.0.0.1\n")));
        QCOMPARE(controller.state(), DaemonController::State::Starting);
        QTRY_COMPARE(controller.state(), DaemonController::State::Crashed);
        const UserMessage problem = controller.lastProblem();
        QCOMPARE(problem.kind, UserMessage::Kind::Error);
        QCOMPARE(problem.primary, primary);
        QVERIFY2(problem.detail.contains("mailportd: the reason, in English"),
                 qPrintable(problem.detail));
        if (code != 42)
            QVERIFY2(problem.detail.contains(QStringLiteral("exit status %1").arg(code)),
                     qPrintable(problem.detail));
        QCOMPARE(problem, DaemonController::explainExit(
                              code, {"first line", "mailportd: the reason, in English"}));
        QCOMPARE(controller.standardError(),
                 QStringList({"first line", "mailportd: the reason, in English"}));
        bool forwarded = false;
        for (const QList<QVariant> &args : log)
            forwarded = forwarded
                        || (args.at(0).toString() == "first line"
                            && args.at(1).value<DaemonController::LogSource>()
                                   == DaemonController::LogSource::StandardError);
        QVERIFY(forwarded);
        QCOMPARE(controller.pid(), 0);
        QVERIFY(!controller.ownsProcess());
    }

    void crashIsExplained()
    {
        DaemonController controller;
        controller.setTimeouts(quickTimeouts());
        controller.setProgram(fakeDaemon("echo 'about to crash' >&2\nkill -SEGV $$"));
        controller.start(launchFor("local_interfaces = 127.0.0.1\n"));
        QTRY_COMPARE(controller.state(), DaemonController::State::Crashed);
        const UserMessage problem = controller.lastProblem();
        QCOMPARE(problem.primary, QStringLiteral("mailportd crashed."));
        QVERIFY2(problem.detail.contains(QStringLiteral("signal %1").arg(SIGSEGV)),
                 qPrintable(problem.detail));
        QVERIFY(problem.detail.contains("about to crash"));
    }

    void daemonThatNeverAnswersIsStopped()
    {
        DaemonTimeouts t = quickTimeouts();
        t.start = std::chrono::milliseconds(300);
        DaemonController controller;
        controller.setTimeouts(t);
        controller.setProgram(fakeDaemon("exec sleep 30"));
        QSignalSpy problems(&controller, &DaemonController::problem);
        controller.start(launchFor("local_interfaces = 127.0.0.1\n"));
        QTRY_VERIFY(controller.pid() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), DaemonController::State::Stopped, 10000);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().first().value<UserMessage>().primary,
                 QStringLiteral("mailportd did not come up in time."));
    }

    void stopEscalatesToSigkill()
    {
        DaemonController controller;
        controller.setTimeouts(quickTimeouts());
        // Ignores SIGTERM (and so does its sleep); only SIGKILL ends it.
        controller.setProgram(fakeDaemon("trap '' TERM\necho ready >&2\n"
                                         "while :; do sleep 0.05; done"));
        QSignalSpy log(&controller, &DaemonController::logLine);
        controller.start(launchFor("local_interfaces = 127.0.0.1\n"));
        QTRY_VERIFY(controller.standardError().contains("ready"));
        controller.stop();
        QCOMPARE(controller.state(), DaemonController::State::Stopping);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), DaemonController::State::Stopped, 10000);
        QCOMPARE(controller.lastProblem().primary, QStringLiteral("mailportd had to be killed."));
        QStringList lines;
        for (const QList<QVariant> &args : log)
            lines.append(args.at(0).toString());
        QVERIFY(lines.contains("mailportd has not stopped; sending SIGTERM"));
        QVERIFY(lines.contains("mailportd ignored SIGTERM; sending SIGKILL"));
    }

    void attachingToNothingIsExplained()
    {
        DaemonController controller;
        controller.setTimeouts(quickTimeouts());
        QSignalSpy problems(&controller, &DaemonController::problem);
        controller.attach(m_env.path("nobody-here"));
        QCOMPARE(controller.state(), DaemonController::State::Starting);
        QTRY_COMPARE(controller.state(), DaemonController::State::Stopped);
        QCOMPARE(problems.size(), 1);
        const auto message = problems.first().first().value<UserMessage>();
        QCOMPARE(message.primary, QStringLiteral("Could not attach to mailportd."));
        QVERIFY2(message.detail.contains("not running"), qPrintable(message.detail));
    }

    void processErrorsAreExplained_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("primary");
        QTest::newRow("crashed") << int(QProcess::Crashed) << "mailportd crashed.";
        QTest::newRow("timedout") << int(QProcess::Timedout)
                                  << "mailportd did not respond in time.";
        QTest::newRow("write") << int(QProcess::WriteError) << "Could not write to mailportd.";
        QTest::newRow("read") << int(QProcess::ReadError)
                              << "Could not read what mailportd printed.";
        QTest::newRow("unknown") << int(QProcess::UnknownError)
                                 << "Something went wrong with the mailportd process.";
    }

    void processErrorsAreExplained()
    {
        QFETCH(int, error);
        QFETCH(QString, primary);
        const UserMessage m = DaemonController::explainProcessError(QProcess::ProcessError(error),
                                                                    "/x/mailportd", "system words");
        QCOMPARE(m.primary, primary);
        QCOMPARE(m.detail, QStringLiteral("system words"));
    }

    // With the real mailportd from here on.

    void realDaemonRunsReloadsAndStops()
    {
        const quint16 port = freePort();
        const quint16 second = freePort();
        QVERIFY(port > 0 && second > 0 && port != second);
        DaemonController controller;
        controller.setProgram(QStringLiteral(MAILPORTD_PATH));
        controller.setTimeouts(quickTimeouts());
        QSignalSpy log(&controller, &DaemonController::logLine);
        QVERIFY(controller.start(launchFor(loopbackConfiguration(port))));
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), DaemonController::State::Running, 10000);
        QVERIFY(controller.ownsProcess());
        QVERIFY(controller.pid() > 0);
        QCOMPARE(controller.client()->daemonPid(), controller.pid());
        QTRY_COMPARE(controller.listeners().size(), 1);
        QCOMPARE(controller.listeners().first().boundPort, int(port));
        QCOMPARE(controller.listeners().first().endpoint(),
                 QStringLiteral("127.0.0.1:%1").arg(port));
        QTRY_COMPARE(controller.spoolDirectory(), m_env.path("data/spool"));
        QVERIFY(controller.startedAt().isValid());
        QVERIFY(controller.uptimeSeconds() >= 0);
        QTRY_VERIFY([&] {
            for (const QList<QVariant> &args : log) {
                if (args.at(0).toString().contains("daemon started"))
                    return true;
            }
            return false;
        }());

        QSignalSpy reloaded(&controller, &DaemonController::reloadFinished);
        controller.reload(loopbackConfiguration(port, second));
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.size(), 1, 10000);
        const auto outcome = reloaded.first().first().value<UserMessage>();
        QCOMPARE(outcome.kind, UserMessage::Kind::Information);
        QVERIFY2(outcome.detail.contains(QStringLiteral("127.0.0.1:%1").arg(second)),
                 qPrintable(outcome.detail));
        QTRY_COMPARE(controller.listeners().size(), 2);

        // A broken configuration is refused and the daemon keeps the one it has.
        reloaded.clear();
        controller.reload("local_interfaces = 300.1.1.1\n");
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.size(), 1, 10000);
        QCOMPARE(reloaded.first().first().value<UserMessage>().primary,
                 QStringLiteral("mailportd kept its previous configuration."));
        QCOMPARE(controller.state(), DaemonController::State::Running);

        // Restart: a new process with the launch given, here the first configuration again.
        const qint64 before = controller.pid();
        QSignalSpy states(&controller, &DaemonController::stateChanged);
        controller.restart(launchFor(loopbackConfiguration(port)));
        QTRY_VERIFY_WITH_TIMEOUT(controller.state() == DaemonController::State::Running
                                     && controller.pid() != before,
                                 15000);
        QVERIFY(
            states.contains(QVariantList{QVariant::fromValue(DaemonController::State::Stopped)}));
        QTRY_COMPARE(controller.listeners().size(), 1);
        QCOMPARE(controller.lastProblem(), UserMessage());

        controller.stop();
        QCOMPARE(controller.state(), DaemonController::State::Stopping);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), DaemonController::State::Stopped, 10000);
        QCOMPARE(controller.lastProblem(), UserMessage());
        QVERIFY(!controller.ownsProcess());
        QCOMPARE(controller.uptimeSeconds(), 0);
    }

    void daemonDiesWithItsParent()
    {
        // The window is killed outright and gets no chance to stop its daemon: the kernel sends
        // the daemon SIGTERM (PR_SET_PDEATHSIG) and it stops gracefully by itself. This process
        // adopts the orphan (a subreaper), so it can see that happen and reap it.
        QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
        const auto restore = qScopeGuard([] { ::prctl(PR_SET_CHILD_SUBREAPER, 0); });
        const QString config = m_env.path(QStringLiteral("orphan.conf"));
        QVERIFY(writeTextFile(config, loopbackConfiguration(freePort())));
        QProcess parent;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QLatin1String(kParentConfig), config);
        environment.insert(QLatin1String(kParentData), m_env.path(QStringLiteral("orphan-data")));
        parent.setProcessEnvironment(environment);
        parent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        parent.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(parent.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += parent.readAllStandardOutput()).contains('\n'), 15000);
        QVERIFY2(said.startsWith("pid "), said.constData());
        const pid_t daemon = pid_t(said.mid(4).trimmed().toLongLong());
        QVERIFY(daemon > 0);
        QCOMPARE(::kill(daemon, 0), 0);

        QCOMPARE(::kill(pid_t(parent.processId()), SIGKILL), 0);
        QVERIFY(parent.waitForFinished());
        int status = 0;
        const bool gone = QTest::qWaitFor([&] { return reaped(daemon, &status); }, 10000);
        if (!gone)
            ::kill(daemon, SIGKILL);
        QVERIFY2(gone, "mailportd outlived the process that started it");
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0); // stopped as on SIGTERM, not killed
    }

    void attachesToARunningDaemon()
    {
        const quint16 port = freePort();
        DaemonController owner;
        owner.setProgram(QStringLiteral(MAILPORTD_PATH));
        owner.setTimeouts(quickTimeouts());
        QVERIFY(owner.start(launchFor(loopbackConfiguration(port))));
        QTRY_COMPARE_WITH_TIMEOUT(owner.state(), DaemonController::State::Running, 10000);

        DaemonController watcher;
        watcher.setTimeouts(quickTimeouts());
        watcher.attach();
        QTRY_COMPARE(watcher.state(), DaemonController::State::Running);
        QVERIFY(!watcher.ownsProcess());
        QCOMPARE(watcher.pid(), owner.pid());
        QTRY_COMPARE(watcher.listeners().size(), 1);
        QTRY_COMPARE(watcher.configurationFile(), owner.configurationFile());

        watcher.detach();
        QCOMPARE(watcher.state(), DaemonController::State::Stopped);
        QCOMPARE(owner.state(), DaemonController::State::Running);

        // A second daemon in the same control directory refuses to start.
        DaemonController second;
        second.setProgram(QStringLiteral(MAILPORTD_PATH));
        second.setTimeouts(quickTimeouts());
        second.start(launchFor(loopbackConfiguration(freePort())));
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), DaemonController::State::Crashed, 10000);
        QCOMPARE(second.lastProblem().primary,
                 QStringLiteral("Another mailportd is already running."));

        // Stopping from the attached side: the owner sees it end, not crash.
        watcher.attach();
        QTRY_COMPARE(watcher.state(), DaemonController::State::Running);
        watcher.stop();
        QTRY_COMPARE_WITH_TIMEOUT(watcher.state(), DaemonController::State::Stopped, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(owner.state(), DaemonController::State::Stopped, 10000);
        QVERIFY2(owner.lastProblem().isNull(), qPrintable(owner.lastProblem().primary));
    }
};

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(kParentConfig))
        return runAsParent(argc, argv);
    QCoreApplication app(argc, argv);
    tst_DaemonController test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_daemoncontroller.moc"
