#include "daemoncontroller.h"

#include "controlclient.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QTemporaryDir>

#include <sys/prctl.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <utility>

namespace Mailport {

namespace {

// Enough lines to show why a start failed; older ones are rarely the reason.
constexpr int kKeptErrorLines = 200;
constexpr int kDetailErrorLines = 20;
constexpr int kRecentLogLines = 1000;
constexpr std::chrono::milliseconds kReloadTimeout{30000};
constexpr std::chrono::milliseconds kSoonDelay{200};

QStringList toStringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

/// The explanation, then what the daemon printed: its own error lines ("mailportd: ...") first,
/// since Qt's logging lines before them rarely say what went wrong.
QString withOutput(const QString &explanation, const QStringList &standardError)
{
    if (standardError.isEmpty())
        return explanation;
    QStringList errors;
    QStringList others;
    for (const QString &line : standardError)
        (line.startsWith(QLatin1String("mailportd: ")) ? errors : others).append(line);
    errors = errors.mid(0, kDetailErrorLines);
    const qsizetype room = kDetailErrorLines - errors.size();
    const QStringList lines = errors + others.mid(qMax<qsizetype>(0, others.size() - room));
    return DaemonController::tr("%1\n\nmailportd printed:\n%2").arg(explanation, lines.join(u'\n'));
}

QString signalName(int signal)
{
    const char *name = ::strsignal(signal);
    return name ? QString::fromLocal8Bit(name) : QString::number(signal);
}

} // namespace

BoundListener BoundListener::fromJson(const QJsonObject &o)
{
    BoundListener l;
    l.address = o.value(QLatin1String("address")).toString();
    l.scope = o.value(QLatin1String("scope")).toString();
    l.port = o.value(QLatin1String("port")).toInt();
    l.ipv6 = o.value(QLatin1String("family")).toString() == QLatin1String("ipv6");
    l.wildcard = o.value(QLatin1String("wildcard")).toBool();
    const QString tls = o.value(QLatin1String("tls")).toString();
    l.tls = tls == QLatin1String("smtps") || tls == QLatin1String("implicit-tls")
                    || tls == QLatin1String("tls-on-connect")
                ? TlsMode::Smtps
                : TlsMode::StartTls;
    l.source = o.value(QLatin1String("source")).toString();
    l.item = o.value(QLatin1String("item")).toString();
    l.name = o.value(QLatin1String("name")).toString();
    l.boundAddress = o.value(QLatin1String("boundAddress")).toString();
    l.boundPort = o.value(QLatin1String("boundPort")).toInt();
    return l;
}

QString BoundListener::endpoint() const
{
    PlannedSocket s;
    s.address = address;
    s.scope = scope;
    s.port = port;
    s.configuredPort = port;
    s.ipv6 = ipv6;
    return s.endpoint();
}

DaemonStats DaemonStats::fromJson(const QJsonObject &o)
{
    auto number = [&o](const char *name) {
        return o.value(QLatin1String(name)).toInteger();
    };
    DaemonStats s;
    s.connections = number("connections");
    s.activeConnections = number("activeConnections");
    s.refusedConnections = number("refusedConnections");
    s.messages = number("messages");
    s.rejections = number("rejections");
    s.bytesReceived = number("bytesReceived");
    s.bytesSent = number("bytesSent");
    return s;
}

DaemonController::DaemonController(QObject *parent)
    : QObject(parent)
    , m_program(defaultProgram())
    , m_environment(QProcessEnvironment::systemEnvironment())
    , m_client(new ControlClient(this))
{
    m_client->setClientName(QStringLiteral("mailport"));
    connect(m_client, &ControlClient::connected, this, &DaemonController::onControlConnected);
    connect(m_client, &ControlClient::errorOccurred, this, &DaemonController::onControlError);
    connect(m_client, &ControlClient::disconnected, this, &DaemonController::onControlDisconnected);
    connect(m_client, &ControlClient::eventReceived, this, &DaemonController::onEvent);

    for (QTimer *t : {&m_startTimer, &m_retryTimer, &m_stopTimer, &m_soonTimer})
        t->setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &DaemonController::tryConnect);
    connect(&m_stopTimer, &QTimer::timeout, this, &DaemonController::onStopTimeout);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        requestStats();
        requestStatus();
    });
    connect(&m_soonTimer, &QTimer::timeout, this, &DaemonController::requestStats);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Starting)
            return;
        const QString seconds = QString::number(double(m_timeouts.start.count()) / 1000.0);
        if (!m_owned) {
            m_client->disconnectFromDaemon();
            setState(State::Stopped);
            report({UserMessage::Kind::Error, tr("Could not attach to mailportd."),
                    tr("No answer on the control socket in %1 within %2 seconds.")
                        .arg(ControlProtocol::socketPath(m_controlDirectory), seconds)});
            return;
        }
        report({UserMessage::Kind::Error, tr("mailportd did not come up in time."),
                withOutput(tr("Its control socket in %1 did not answer within %2 seconds, so "
                              "Mailport stops it.")
                               .arg(m_controlDirectory, seconds),
                           m_stderr)});
        stop();
    });
}

DaemonController::~DaemonController()
{
    if (m_process) {
        // No more signals into a half-destroyed controller; QProcess ends the child itself.
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning)
            m_process->terminate();
    }
}

QString DaemonController::defaultProgram()
{
    const QDir here(QCoreApplication::applicationDirPath());
    const QString buildTree = QDir::cleanPath(here.filePath(QStringLiteral("../daemon/mailportd")));
    if (QFileInfo(buildTree).isExecutable())
        return buildTree;
    return here.filePath(QStringLiteral("mailportd"));
}

QStringList DaemonController::arguments(const DaemonLaunch &launch, const QString &configFile)
{
    QStringList args{QStringLiteral("-C"), configFile, QStringLiteral("-bd"),
                     QStringLiteral("--control-dir"),
                     launch.controlDirectory.isEmpty() ? ControlProtocol::defaultDirectory()
                                                       : launch.controlDirectory};
    if (!launch.dataDirectory.isEmpty())
        args << QStringLiteral("--data-dir") << launch.dataDirectory;
    if (launch.oxGiven)
        args << QStringLiteral("-oX") << launch.oxValue;
    if (launch.tlsOnConnect)
        args << QStringLiteral("-tls-on-connect");
    return args;
}

qint64 DaemonController::uptimeSeconds() const
{
    if (!m_startedAt.isValid() || (m_state != State::Running && m_state != State::Stopping))
        return 0;
    return qMax<qint64>(0, m_startedAt.secsTo(QDateTime::currentDateTime()));
}

void DaemonController::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcGui) << "mailportd controller:" << m_state << "->" << state;
    m_state = state;
    if (state != State::Running)
        m_refreshTimer.stop();
    emit stateChanged(state);
}

void DaemonController::report(const UserMessage &message)
{
    if (message.kind != UserMessage::Kind::Information)
        m_lastProblem = message;
    emit logLine(message.primary, LogSource::Controller);
    emit problem(message);
}

void DaemonController::resetRuntime()
{
    m_startTimer.stop();
    m_retryTimer.stop();
    m_stopTimer.stop();
    m_refreshTimer.stop();
    m_soonTimer.stop();
    m_stopStep = StopStep::None;
    m_pid = 0;
    m_startedAt = QDateTime();
    m_spoolDirectory.clear();
    m_status = QJsonObject();
    m_stderr.clear();
    m_partialOutput[0].clear();
    m_partialOutput[1].clear();
    m_shownLines.clear();
    m_subscribed = false;
    m_daemonSaidStopping = false;
    m_lastProblem = UserMessage();
    if (!m_listeners.isEmpty()) {
        m_listeners.clear();
        emit listenersChanged();
    }
    if (!(m_stats == DaemonStats())) {
        m_stats = DaemonStats();
        emit statsChanged();
    }
}

bool DaemonController::writeTemporaryConfiguration(const QByteArray &text)
{
    if (!m_temporaryDir || !m_temporaryDir->isValid())
        m_temporaryDir = std::make_unique<QTemporaryDir>();
    if (!m_temporaryDir->isValid()) {
        report(
            {UserMessage::Kind::Error, tr("Could not write the configuration for mailportd."),
             tr("No temporary directory could be created: %1").arg(m_temporaryDir->errorString())});
        return false;
    }
    const QString path = m_temporaryDir->filePath(QStringLiteral("mailport.conf"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        report({UserMessage::Kind::Error, tr("Could not write the configuration for mailportd."),
                QStringLiteral("%1: %2").arg(path, file.errorString())});
        return false;
    }
    m_configFile = path;
    m_temporaryConfig = true;
    return true;
}

bool DaemonController::start(const DaemonLaunch &launch)
{
    if (m_state == State::Starting || m_state == State::Running || m_state == State::Stopping) {
        report({UserMessage::Kind::Warning, tr("mailportd is already running."),
                tr("Stop it before starting it again, or use Restart.")});
        return false;
    }
    resetRuntime();
    m_owned = true;
    m_launch = launch;
    m_controlDirectory = launch.controlDirectory.isEmpty() ? ControlProtocol::defaultDirectory()
                                                           : launch.controlDirectory;
    if (launch.source == DaemonLaunch::Source::TemporaryCopy) {
        if (!writeTemporaryConfiguration(launch.text)) {
            m_owned = false;
            return false;
        }
    } else {
        m_configFile = QFileInfo(launch.file).absoluteFilePath();
        m_temporaryConfig = false;
        if (launch.file.isEmpty() || !QFileInfo(launch.file).isReadable()) {
            m_owned = false;
            report({UserMessage::Kind::Error, tr("The configuration file cannot be read."),
                    launch.file.isEmpty()
                        ? tr("The configuration has not been saved to a file yet.")
                        : tr("%1 does not exist or is not readable.").arg(launch.file)});
            return false;
        }
    }

    auto *process = new QProcess(this);
    m_process = process;
    process->setProgram(m_program);
    process->setArguments(arguments(launch, m_configFile));
    process->setProcessEnvironment(m_environment);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    // A daemon this window started must not outlive it, even when the GUI is killed or crashes:
    // the kernel sends it SIGTERM, which stops it gracefully.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(process, &QProcess::started, this, &DaemonController::onProcessStarted);
    connect(process, &QProcess::errorOccurred, this, &DaemonController::onProcessError);
    connect(process, &QProcess::finished, this, &DaemonController::onProcessFinished);
    connect(process, &QProcess::readyReadStandardError, this,
            [this] { readProcessOutput(QProcess::StandardError); });
    connect(process, &QProcess::readyReadStandardOutput, this,
            [this] { readProcessOutput(QProcess::StandardOutput); });

    emit logLine(tr("Starting %1 %2").arg(m_program, process->arguments().join(u' ')),
                 LogSource::Controller);
    setState(State::Starting);
    m_startTimer.start(m_timeouts.start);
    process->start();
    return m_state == State::Starting;
}

void DaemonController::onProcessStarted()
{
    if (!m_process)
        return;
    m_pid = m_process->processId();
    m_startedAt = QDateTime::currentDateTime();
    emit statusChanged();
    tryConnect();
}

void DaemonController::tryConnect()
{
    if (m_controlUp || (m_state != State::Starting && m_state != State::Running))
        return;
    if (m_owned && (!m_process || m_process->state() != QProcess::Running))
        return;
    m_client->connectToDaemon(m_controlDirectory);
}

void DaemonController::readProcessOutput(QProcess::ProcessChannel channel)
{
    if (!m_process)
        return;
    m_process->setReadChannel(channel);
    QByteArray &partial = m_partialOutput[channel == QProcess::StandardError ? 1 : 0];
    partial += m_process->readAll();
    qsizetype end;
    while ((end = partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(partial.left(end)).trimmed();
        partial.remove(0, end + 1);
        if (line.isEmpty())
            continue;
        m_stderr.append(line);
        if (m_stderr.size() > kKeptErrorLines)
            m_stderr.removeFirst();
        // Once subscribed, the daemon's log comes through the control socket; what it also
        // writes to standard error would show twice.
        if (!m_subscribed) {
            m_shownLines.insert(line);
            emit logLine(line, LogSource::StandardError);
        }
    }
}

void DaemonController::onProcessError(QProcess::ProcessError error)
{
    if (!m_process)
        return;
    switch (error) {
    case QProcess::FailedToStart: {
        const UserMessage message = explainProcessError(error, m_program, m_process->errorString());
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
        m_owned = false;
        m_startTimer.stop();
        m_stopTimer.stop();
        m_hasPendingLaunch = false;
        setState(State::Crashed);
        report(message);
        return;
    }
    case QProcess::Crashed:
        // finished() follows with the signal; it is explained there.
        return;
    case QProcess::Timedout:
    case QProcess::ReadError:
    case QProcess::WriteError:
    case QProcess::UnknownError:
        report(explainProcessError(error, m_program, m_process->errorString()));
        return;
    }
}

void DaemonController::onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    if (!m_process)
        return;
    for (auto channel : {QProcess::StandardOutput, QProcess::StandardError})
        readProcessOutput(channel);
    for (QByteArray &partial : m_partialOutput) {
        if (!partial.trimmed().isEmpty())
            m_stderr.append(QString::fromUtf8(partial).trimmed());
        partial.clear();
    }
    const bool asked = m_stopStep != StopStep::None;
    const StopStep step = m_stopStep;
    const bool saidStopping = m_daemonSaidStopping;
    const QStringList output = m_stderr;
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    m_startTimer.stop();
    m_retryTimer.stop();
    m_stopTimer.stop();
    m_stopStep = StopStep::None;
    m_startedAt = QDateTime();
    // Still owned while the control connection goes: it must not look like a lost attachment.
    if (m_controlUp || m_client->state() != ControlClient::State::Disconnected)
        m_client->disconnectFromDaemon();
    m_owned = false;

    UserMessage message;
    State next = State::Stopped;
    if (exitStatus == QProcess::CrashExit) {
        if (asked && exitCode == SIGKILL && step == StopStep::Kill) {
            message = {UserMessage::Kind::Warning, tr("mailportd had to be killed."),
                       tr("It did not stop after the shutdown request nor after SIGTERM, so "
                          "Mailport sent SIGKILL. Sessions in progress were cut off; messages "
                          "already acknowledged are safe in the spool.")};
        } else if (!asked || exitCode != SIGTERM) {
            next = State::Crashed;
            message = explainSignal(exitCode, output);
        }
    } else if (exitCode != 0) {
        next = State::Crashed;
        message = explainExit(exitCode, output);
    } else if (!asked) {
        message = {UserMessage::Kind::Information, tr("mailportd stopped."),
                   saidStopping ? tr("It was asked to stop by someone other than this window "
                                     "(a signal or another control client).")
                                : tr("It ended by itself with exit status 0.")};
    }
    emit logLine(
        exitStatus == QProcess::CrashExit
            ? tr("mailportd ended by signal %1 (%2)").arg(exitCode).arg(signalName(exitCode))
            : tr("mailportd exited with status %1").arg(exitCode),
        LogSource::Controller);
    m_pid = 0;
    setState(next);
    if (!message.isNull())
        report(message);
    startPending();
}

void DaemonController::startPending()
{
    if (!m_hasPendingLaunch)
        return;
    m_hasPendingLaunch = false;
    start(m_pendingLaunch);
}

void DaemonController::onControlConnected()
{
    m_controlUp = true;
    if (m_owned && m_client->daemonPid() != m_pid) {
        // Someone else's daemon serves this directory; ours will notice and exit with 4.
        emit logLine(tr("Another mailportd (pid %1) answers in %2")
                         .arg(m_client->daemonPid())
                         .arg(m_controlDirectory),
                     LogSource::Controller);
        m_client->disconnectFromDaemon();
        return;
    }
    if (!m_owned)
        m_pid = m_client->daemonPid();
    m_startTimer.stop();
    m_retryTimer.stop();
    m_client->subscribe({}, [this](const ControlProtocol::Reply &reply) {
        if (!reply.ok)
            return;
        m_subscribed = true;
        requestRecentLog();
    });
    requestStatus();
    requestListeners();
    requestStats();
    if (m_state == State::Starting) {
        emit logLine(
            m_owned ? tr("mailportd is running (pid %1)").arg(m_pid)
                    : tr("Attached to mailportd (pid %1) in %2").arg(m_pid).arg(m_controlDirectory),
            LogSource::Controller);
        setState(State::Running);
    }
    if (m_state == State::Running)
        m_refreshTimer.start(m_timeouts.refresh);
}

void DaemonController::onControlError(ControlProtocol::Error code, const QString &message)
{
    if (m_controlUp)
        return; // a connection that was up: onControlDisconnected() deals with it
    if (m_owned) {
        if (m_process && (m_state == State::Starting || m_state == State::Running))
            m_retryTimer.start(m_timeouts.connectRetry);
        return;
    }
    if (m_state == State::Starting) {
        m_startTimer.stop();
        setState(State::Stopped);
        UserMessage explained = explainControlError(code, message);
        explained.primary = tr("Could not attach to mailportd.");
        report(explained);
    }
}

void DaemonController::onControlDisconnected()
{
    m_controlUp = false;
    m_subscribed = false;
    m_refreshTimer.stop();
    switch (m_state) {
    case State::Starting:
        if (m_owned && m_process)
            m_retryTimer.start(m_timeouts.connectRetry);
        return;
    case State::Running:
        if (m_owned) {
            // If the process is ending, its exit status tells the story; else reconnect.
            if (m_process && !m_daemonSaidStopping) {
                emit logLine(tr("Lost the control connection to mailportd; connecting again"),
                             LogSource::Controller);
                m_retryTimer.start(m_timeouts.connectRetry);
            }
            return;
        }
        setState(State::Stopped);
        m_pid = 0;
        report(m_daemonSaidStopping
                   ? UserMessage{UserMessage::Kind::Information, tr("mailportd stopped."),
                                 tr("It was asked to stop by someone other than this window.")}
                   : UserMessage{UserMessage::Kind::Warning,
                                 tr("Lost the connection to mailportd."),
                                 tr("The daemon in %1 closed its control socket; it may have "
                                    "crashed or been killed.")
                                     .arg(m_controlDirectory)});
        return;
    case State::Stopping:
        if (!m_owned)
            finishAttachedStop(true);
        return;
    case State::Stopped:
    case State::Crashed:
        return;
    }
}

void DaemonController::onEvent(ControlProtocol::Event event, const QJsonObject &payload)
{
    switch (event) {
    case ControlProtocol::Event::Log:
        emit logLine(payload.value(QLatin1String("line")).toString(), LogSource::Daemon);
        return;
    case ControlProtocol::Event::Connection:
        emit connectionChanged(payload);
        if (!m_soonTimer.isActive())
            m_soonTimer.start(kSoonDelay);
        return;
    case ControlProtocol::Event::Arrival:
        emit messageArrived(payload);
        if (!m_soonTimer.isActive())
            m_soonTimer.start(kSoonDelay);
        return;
    case ControlProtocol::Event::State: {
        const QString state = payload.value(QLatin1String("state")).toString();
        if (state == QLatin1String("stopping") || state == QLatin1String("stopped")) {
            m_daemonSaidStopping = true;
            if (m_state == State::Running)
                setState(State::Stopping);
        } else if (state == QLatin1String("reloaded")) {
            requestStatus();
            requestListeners();
        }
        return;
    }
    }
}

void DaemonController::requestStatus()
{
    if (!m_controlUp)
        return;
    m_client->request(
        ControlProtocol::Request::Status, {}, [this](const ControlProtocol::Reply &reply) {
            if (!reply.ok)
                return;
            m_status = reply.result;
            m_spoolDirectory = m_status.value(QLatin1String("spoolDirectory")).toString();
            const QDateTime started = QDateTime::fromString(
                m_status.value(QLatin1String("started")).toString(), Qt::ISODate);
            if (started.isValid())
                m_startedAt = started;
            const QString config = m_status.value(QLatin1String("configFile")).toString();
            if (!m_owned && config != m_configFile) {
                m_configFile = config;
                m_temporaryConfig = false;
            }
            emit statusChanged();
        });
}

void DaemonController::requestListeners()
{
    if (!m_controlUp)
        return;
    m_client->request(
        ControlProtocol::Request::Listeners, {}, [this](const ControlProtocol::Reply &reply) {
            if (!reply.ok)
                return;
            QList<BoundListener> listeners;
            for (const QJsonValue &v : reply.result.value(QLatin1String("listeners")).toArray())
                listeners.append(BoundListener::fromJson(v.toObject()));
            if (listeners == m_listeners)
                return;
            m_listeners = listeners;
            emit listenersChanged();
        });
}

void DaemonController::requestStats()
{
    if (!m_controlUp)
        return;
    m_client->request(ControlProtocol::Request::Stats, {},
                      [this](const ControlProtocol::Reply &reply) {
                          if (!reply.ok)
                              return;
                          const DaemonStats stats = DaemonStats::fromJson(reply.result);
                          if (stats == m_stats)
                              return;
                          m_stats = stats;
                          emit statsChanged();
                      });
}

void DaemonController::requestRecentLog()
{
    if (!m_controlUp)
        return;
    m_client->request(
        ControlProtocol::Request::Log, {{ControlProtocol::Field::Limit, kRecentLogLines}},
        [this](const ControlProtocol::Reply &reply) {
            const QSet<QString> shown = std::exchange(m_shownLines, {});
            if (!reply.ok)
                return;
            for (const QString &line : toStringList(reply.result.value(QLatin1String("lines")))) {
                if (!shown.contains(line))
                    emit logLine(line, LogSource::Daemon);
            }
        });
}

void DaemonController::refresh()
{
    requestStatus();
    requestListeners();
    requestStats();
}

void DaemonController::stop()
{
    switch (m_state) {
    case State::Stopped:
    case State::Crashed:
        m_hasPendingLaunch = false;
        return;
    case State::Stopping:
        // Asked again: do not make the user wait for the current step's timeout.
        if (m_stopStep != StopStep::None && m_stopStep != StopStep::Kill) {
            m_stopTimer.stop();
            onStopTimeout();
        }
        return;
    case State::Starting:
    case State::Running:
        break;
    }
    m_startTimer.stop();
    m_retryTimer.stop();
    setState(State::Stopping);
    if (m_owned && m_process && m_process->state() != QProcess::Running) {
        // Still being forked: nothing to ask yet.
        m_stopStep = StopStep::Kill;
        m_process->kill();
        m_stopTimer.start(m_timeouts.kill);
        return;
    }
    if (!m_controlUp) {
        if (!m_owned) {
            finishAttachedStop(true);
            return;
        }
        m_stopStep = StopStep::Shutdown;
        onStopTimeout(); // straight to SIGTERM
        return;
    }
    m_stopStep = StopStep::Shutdown;
    emit logLine(tr("Asking mailportd to shut down"), LogSource::Controller);
    m_client->request(ControlProtocol::Request::Shutdown, {},
                      [this](const ControlProtocol::Reply &reply) {
                          // A daemon that closes the connection at once has done as asked.
                          if (reply.ok || reply.error == ControlProtocol::Error::Disconnected)
                              return;
                          if (m_state == State::Stopping && m_stopStep == StopStep::Shutdown) {
                              m_stopTimer.stop();
                              onStopTimeout();
                          }
                      });
    m_stopTimer.start(m_timeouts.shutdown);
}

bool DaemonController::attachedAlive() const
{
    return m_pid > 0 && (::kill(pid_t(m_pid), 0) == 0 || errno == EPERM);
}

void DaemonController::onStopTimeout()
{
    if (m_state != State::Stopping)
        return;
    const bool owned = m_owned && m_process;
    switch (m_stopStep) {
    case StopStep::None:
        return;
    case StopStep::Shutdown:
        emit logLine(tr("mailportd has not stopped; sending SIGTERM"), LogSource::Controller);
        m_stopStep = StopStep::Terminate;
        if (owned)
            m_process->terminate();
        else if (attachedAlive())
            ::kill(pid_t(m_pid), SIGTERM);
        else
            return finishAttachedStop(true);
        m_stopTimer.start(m_timeouts.terminate);
        return;
    case StopStep::Terminate:
        emit logLine(tr("mailportd ignored SIGTERM; sending SIGKILL"), LogSource::Controller);
        m_stopStep = StopStep::Kill;
        if (owned)
            m_process->kill();
        else if (attachedAlive())
            ::kill(pid_t(m_pid), SIGKILL);
        else
            return finishAttachedStop(true);
        m_stopTimer.start(m_timeouts.kill);
        return;
    case StopStep::Kill:
        if (!owned && !attachedAlive())
            return finishAttachedStop(true);
        report({UserMessage::Kind::Error, tr("mailportd could not be stopped."),
                tr("Process %1 is still there after SIGKILL; it may be stuck in the kernel "
                   "(for example on a hung file system).")
                    .arg(m_pid)});
        return;
    }
}

void DaemonController::finishAttachedStop(bool confirmed)
{
    m_stopTimer.stop();
    m_stopStep = StopStep::None;
    if (m_client->state() != ControlClient::State::Disconnected)
        m_client->disconnectFromDaemon();
    m_pid = 0;
    m_startedAt = QDateTime();
    setState(State::Stopped);
    if (confirmed)
        emit logLine(tr("mailportd stopped"), LogSource::Controller);
    startPending();
}

void DaemonController::restart(const DaemonLaunch &launch)
{
    if (m_state == State::Stopped || m_state == State::Crashed) {
        start(launch);
        return;
    }
    m_pendingLaunch = launch;
    m_hasPendingLaunch = true;
    if (m_state != State::Stopping)
        stop();
}

void DaemonController::attach(const QString &controlDirectory)
{
    if (m_state != State::Stopped && m_state != State::Crashed) {
        report({UserMessage::Kind::Warning, tr("Mailport already watches a mailportd."),
                tr("Stop or detach from it first.")});
        return;
    }
    resetRuntime();
    m_owned = false;
    m_configFile.clear();
    m_temporaryConfig = false;
    m_controlDirectory
        = controlDirectory.isEmpty() ? ControlProtocol::defaultDirectory() : controlDirectory;
    emit logLine(tr("Attaching to the mailportd in %1").arg(m_controlDirectory),
                 LogSource::Controller);
    setState(State::Starting);
    m_startTimer.start(m_timeouts.start);
    m_client->connectToDaemon(m_controlDirectory);
}

void DaemonController::detach()
{
    if (m_owned || m_state == State::Stopped || m_state == State::Crashed)
        return;
    m_stopTimer.stop();
    m_startTimer.stop();
    m_stopStep = StopStep::None;
    m_client->disconnectFromDaemon();
    m_pid = 0;
    m_startedAt = QDateTime();
    setState(State::Stopped);
    emit logLine(tr("Detached; mailportd goes on running"), LogSource::Controller);
}

void DaemonController::reload(const QByteArray &text)
{
    if (!m_controlUp || m_state != State::Running) {
        const UserMessage message{UserMessage::Kind::Error,
                                  tr("mailportd is not running, so there is nothing to reload."),
                                  tr("Start it, or attach to one that runs.")};
        report(message);
        emit reloadFinished(message);
        return;
    }
    if (!text.isEmpty()) {
        QSaveFile file(m_configFile);
        if (m_configFile.isEmpty() || !file.open(QIODevice::WriteOnly)
            || file.write(text) != text.size() || !file.commit()) {
            const UserMessage message{
                UserMessage::Kind::Error, tr("Could not save the configuration for mailportd."),
                m_configFile.isEmpty()
                    ? tr("The daemon did not say which file it reads.")
                    : QStringLiteral("%1: %2").arg(m_configFile, file.errorString())};
            report(message);
            emit reloadFinished(message);
            return;
        }
    }
    emit logLine(tr("Asking mailportd to reload %1").arg(m_configFile), LogSource::Controller);
    m_client->request(
        ControlProtocol::Request::Reload, {},
        [this](const ControlProtocol::Reply &reply) {
            UserMessage message;
            if (reply.ok) {
                const QStringList added = toStringList(reply.result.value(QLatin1String("added")));
                const QStringList removed
                    = toStringList(reply.result.value(QLatin1String("removed")));
                const QStringList warnings
                    = toStringList(reply.result.value(QLatin1String("warnings")));
                QStringList detail{reply.result.value(QLatin1String("detail")).toString()};
                if (!added.isEmpty())
                    detail.append(tr("Now listening on %1.").arg(added.join(QLatin1String(", "))));
                if (!removed.isEmpty())
                    detail.append(
                        tr("No longer listening on %1.").arg(removed.join(QLatin1String(", "))));
                detail += warnings;
                message
                    = {warnings.isEmpty() ? UserMessage::Kind::Information
                                          : UserMessage::Kind::Warning,
                       tr("mailportd now runs with the saved configuration."), detail.join(u'\n')};
                requestListeners();
                requestStatus();
            } else if (reply.error == ControlProtocol::Error::ReloadFailed) {
                message
                    = {UserMessage::Kind::Error, tr("mailportd kept its previous configuration."),
                       tr("The new one was refused: %1").arg(reply.detail)};
            } else {
                message = explainControlError(reply.error, reply.detail);
                message.primary = tr("Could not ask mailportd to reload.");
            }
            report(message);
            emit reloadFinished(message);
        },
        kReloadTimeout);
}

QString DaemonController::stateText(State state)
{
    switch (state) {
    case State::Stopped:
        return tr("Stopped");
    case State::Starting:
        return tr("Starting");
    case State::Running:
        return tr("Running");
    case State::Stopping:
        return tr("Stopping");
    case State::Crashed:
        return tr("Failed");
    }
    return QString();
}

UserMessage DaemonController::explainExit(int exitCode, const QStringList &standardError)
{
    QString primary;
    QString explanation;
    switch (exitCode) {
    case 1:
        primary = tr("mailportd refused the configuration.");
        explanation = tr("The configuration or its listening plan has errors, so nothing was "
                         "started (exit status 1). The Problems panel lists them.");
        break;
    case 2:
        primary = tr("mailportd did not understand its command line.");
        explanation = tr("This mailportd may be from another version of Mailport (exit "
                         "status 2).");
        break;
    case 3:
        primary = tr("mailportd could not open a listening socket.");
        explanation
            = tr("Another program may already listen on the port, a port below 1024 needs root "
                 "or CAP_NET_BIND_SERVICE, or the address is on no interface of this host "
                 "(exit status 3).");
        break;
    case 4:
        primary = tr("Another mailportd is already running.");
        explanation = tr("It holds the lock of the control directory. Stop it, attach to it, or "
                         "give this one another control directory (exit status 4).");
        break;
    case 5:
        primary = tr("mailportd has no usable TLS certificate.");
        explanation = tr("Every listener is implicit TLS and none can start without a "
                         "certificate. Check tls_certificate and tls_privatekey (exit status 5).");
        break;
    case 6:
        primary = tr("mailportd cannot use its spool directory.");
        explanation = tr("Check spool_directory, its permissions and the free space (exit "
                         "status 6).");
        break;
    case 7:
        primary = tr("mailportd could not open its control socket.");
        explanation = tr("Check that the control directory is yours and writable (exit "
                         "status 7).");
        break;
    case 70:
        primary = tr("mailportd stopped because of an internal error.");
        explanation = tr("This is a bug in mailportd; please report it with the lines below "
                         "(exit status 70).");
        break;
    default:
        primary = tr("mailportd stopped with exit status %1.").arg(exitCode);
        explanation = tr("mailportd does not document this status.");
        break;
    }
    return {UserMessage::Kind::Error, primary, withOutput(explanation, standardError)};
}

UserMessage DaemonController::explainSignal(int signal, const QStringList &standardError)
{
    return {UserMessage::Kind::Error, tr("mailportd crashed."),
            withOutput(tr("It was ended by signal %1 (%2) without being asked to stop.")
                           .arg(signal)
                           .arg(signalName(signal)),
                       standardError)};
}

UserMessage DaemonController::explainProcessError(QProcess::ProcessError error,
                                                  const QString &program,
                                                  const QString &systemMessage)
{
    switch (error) {
    case QProcess::FailedToStart: {
        const QFileInfo info(program);
        if (!info.exists())
            return {
                UserMessage::Kind::Error, tr("mailportd was not found."),
                tr("There is no %1. Build or install mailportd next to Mailport.").arg(program)};
        if (info.isDir() || !info.isExecutable())
            return {UserMessage::Kind::Error, tr("mailportd cannot be run."),
                    tr("%1 is not an executable program.").arg(program)};
        return {UserMessage::Kind::Error, tr("mailportd could not be started."),
                QStringLiteral("%1: %2").arg(program, systemMessage)};
    }
    case QProcess::Crashed:
        return {UserMessage::Kind::Error, tr("mailportd crashed."), systemMessage};
    case QProcess::Timedout:
        return {UserMessage::Kind::Warning, tr("mailportd did not respond in time."),
                systemMessage};
    case QProcess::WriteError:
        return {UserMessage::Kind::Warning, tr("Could not write to mailportd."), systemMessage};
    case QProcess::ReadError:
        return {UserMessage::Kind::Warning, tr("Could not read what mailportd printed."),
                systemMessage};
    case QProcess::UnknownError:
        break;
    }
    return {UserMessage::Kind::Warning, tr("Something went wrong with the mailportd process."),
            systemMessage};
}

UserMessage DaemonController::explainControlError(ControlProtocol::Error error,
                                                  const QString &detail)
{
    QString primary;
    switch (error) {
    case ControlProtocol::Error::ConnectFailed:
    case ControlProtocol::Error::NotConnected:
        primary = tr("No mailportd is running there.");
        break;
    case ControlProtocol::Error::Timeout:
        primary = tr("mailportd did not answer in time.");
        break;
    case ControlProtocol::Error::Disconnected:
        primary = tr("mailportd closed the control connection.");
        break;
    case ControlProtocol::Error::UnsupportedVersion:
        primary = tr("This mailportd speaks another version of the control protocol.");
        break;
    case ControlProtocol::Error::ProtocolError:
    case ControlProtocol::Error::BadFrame:
    case ControlProtocol::Error::Unknown:
        primary = tr("mailportd answered something Mailport does not understand.");
        break;
    case ControlProtocol::Error::Unavailable:
        primary = tr("mailportd cannot do that now.");
        break;
    default:
        primary = tr("The control request failed.");
        break;
    }
    return {UserMessage::Kind::Error, primary,
            detail.isEmpty() ? ControlProtocol::errorDetail(error) : detail};
}

} // namespace Mailport
