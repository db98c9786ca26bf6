#pragma once

#include "controlprotocol.h"
#include "listenplan.h"
#include "usermessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>

QT_BEGIN_NAMESPACE
class QTemporaryDir;
QT_END_NAMESPACE

namespace Mailport {

class ControlClient;

/// How to start mailportd.
struct DaemonLaunch
{
    enum class Source {
        TemporaryCopy, ///< write `text` to a private temporary file and run with that
        File,          ///< run with `file` as it is on disk
    };

    Source source = Source::TemporaryCopy;
    QByteArray text; ///< the configuration, for TemporaryCopy
    QString file;    ///< the configuration file, for File
    bool oxGiven = false;
    QString oxValue;
    bool tlsOnConnect = false;
    QString controlDirectory; ///< empty: ControlProtocol::defaultDirectory()
    QString dataDirectory;    ///< empty: mailportd's own default
};

/// A socket the daemon reports as bound (the `listeners` request).
struct BoundListener
{
    QString address; ///< as planned, e.g. "0.0.0.0" or "::1"
    QString scope;
    int port = 0;
    bool ipv6 = false;
    bool wildcard = false;
    TlsMode tls = TlsMode::StartTls;
    QString source; ///< the option it comes from
    QString item;   ///< the list item, as written
    QString name;   ///< sendmail's Name=, if any
    QString boundAddress;
    int boundPort = 0;

    static BoundListener fromJson(const QJsonObject &object);
    /// `127.0.0.1:25`, `[::1]:25`, `[fe80::1%eth0]:25`, as PlannedSocket::endpoint().
    QString endpoint() const;

    friend bool operator==(const BoundListener &, const BoundListener &) = default;
};

/// The daemon's counters (the `stats` request).
struct DaemonStats
{
    qint64 connections = 0;
    qint64 activeConnections = 0;
    qint64 refusedConnections = 0;
    qint64 messages = 0;
    qint64 rejections = 0;
    qint64 bytesReceived = 0;
    qint64 bytesSent = 0;

    static DaemonStats fromJson(const QJsonObject &object);

    friend bool operator==(const DaemonStats &, const DaemonStats &) = default;
};

/// How long each step may take. Tests shorten them.
struct DaemonTimeouts
{
    /// From starting the process to a working control connection.
    std::chrono::milliseconds start{15000};
    /// After the `shutdown` request, before SIGTERM. Longer than mailportd's own grace period
    /// (10 s) plus its forced close (3 s), so that sessions can finish.
    std::chrono::milliseconds shutdown{15000};
    /// After SIGTERM, before SIGKILL.
    std::chrono::milliseconds terminate{5000};
    /// After SIGKILL, before giving up.
    std::chrono::milliseconds kill{3000};
    /// Between attempts to reach the control socket of a daemon that is starting.
    std::chrono::milliseconds connectRetry{100};
    /// How often the counters and the status are fetched while running.
    std::chrono::milliseconds refresh{2000};
};

/// Runs `mailportd` for the GUI, or attaches to one that already runs on this host, and keeps
/// what the GUI shows about it: its state, pid and uptime, the sockets it bound, its counters,
/// its log lines, arrivals and connections.
///
/// A started daemon gets an explicit argument list (`-C FILE -bd --control-dir DIR ...`) and
/// is watched through QProcess and the control socket. stop() asks with a `shutdown` request,
/// then sends SIGTERM, then SIGKILL, each after a timeout. Every failure becomes a UserMessage
/// in words a person can act on, with the daemon's own error output as its detail.
///
/// Nothing here blocks: every wait is a single-shot timer.
class DaemonController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaemonController)

public:
    enum class State {
        Stopped,
        Starting, ///< the process starts, or the control connection is being made
        Running,
        Stopping,
        Crashed, ///< ended without being asked to, or could not start
    };
    Q_ENUM(State)

    /// Where a log line came from.
    enum class LogSource { Daemon, StandardError, Controller };
    Q_ENUM(LogSource)

    explicit DaemonController(QObject *parent = nullptr);
    ~DaemonController() override;

    /// mailportd next to this executable: `../daemon/mailportd` in the build tree, else the
    /// same directory (an installation).
    static QString defaultProgram();
    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }
    void setTimeouts(const DaemonTimeouts &timeouts) { m_timeouts = timeouts; }
    const DaemonTimeouts &timeouts() const { return m_timeouts; }
    /// The started process's environment; the GUI's own by default.
    void setProcessEnvironment(const QProcessEnvironment &environment)
    {
        m_environment = environment;
    }

    /// The arguments mailportd gets for @p launch when its configuration is @p configFile.
    static QStringList arguments(const DaemonLaunch &launch, const QString &configFile);

    /// Starts mailportd. Returns false, with problem() emitted, when it cannot even be
    /// launched, or when a daemon is already running or being stopped.
    bool start(const DaemonLaunch &launch);
    /// Stops the daemon, started or attached: `shutdown`, then SIGTERM, then SIGKILL.
    void stop();
    /// Stops the daemon and starts it again with @p launch.
    void restart(const DaemonLaunch &launch);
    /// Connects to a daemon already running with its control socket in @p controlDirectory
    /// (empty: the default), without starting one.
    void attach(const QString &controlDirectory = QString());
    /// Forgets an attached daemon and leaves it running.
    void detach();
    /// Asks the daemon to re-read its configuration file; with a non-empty @p text, writes
    /// that to the file first (configurationFile()). reloadFinished() follows.
    void reload(const QByteArray &text = QByteArray());
    /// Fetches status, listeners and counters again.
    void refresh();

    State state() const { return m_state; }
    /// True while a daemon runs that this controller started (rather than attached to).
    bool ownsProcess() const { return m_owned; }
    bool isActive() const { return m_state == State::Starting || m_state == State::Running; }
    qint64 pid() const { return m_pid; }
    QDateTime startedAt() const { return m_startedAt; }
    /// Seconds since the daemon started; 0 when it does not run.
    qint64 uptimeSeconds() const;
    /// The configuration file the daemon reads (and reload() writes).
    QString configurationFile() const { return m_configFile; }
    /// The daemon reads a temporary copy that only this controller uses.
    bool usesTemporaryConfiguration() const { return m_temporaryConfig; }
    QString controlDirectory() const { return m_controlDirectory; }
    /// From the daemon's status; empty until known.
    QString spoolDirectory() const { return m_spoolDirectory; }
    /// The data directory the daemon was started with; empty: its default.
    QString dataDirectory() const { return m_launch.dataDirectory; }
    /// The last `status` reply.
    const QJsonObject &status() const { return m_status; }
    const QList<BoundListener> &listeners() const { return m_listeners; }
    const DaemonStats &stats() const { return m_stats; }
    /// The last lines the started process wrote to standard error (and standard output).
    QStringList standardError() const { return m_stderr; }
    /// The last problem reported; null after a clean start.
    UserMessage lastProblem() const { return m_lastProblem; }
    ControlClient *client() const { return m_client; }

    static QString stateText(State state);
    /// What mailportd's exit status @p exitCode means, with its last @p standardError lines as
    /// the detail.
    static UserMessage explainExit(int exitCode, const QStringList &standardError);
    /// A daemon killed by @p signal without being asked to stop.
    static UserMessage explainSignal(int signal, const QStringList &standardError);
    /// A QProcess error for @p program; @p systemMessage is QProcess::errorString().
    static UserMessage explainProcessError(QProcess::ProcessError error, const QString &program,
                                           const QString &systemMessage);
    /// A control-channel failure while talking to the daemon.
    static UserMessage explainControlError(ControlProtocol::Error error, const QString &detail);

signals:
    void stateChanged(Mailport::DaemonController::State state);
    /// Something went wrong, or something the user should know happened.
    void problem(const Mailport::UserMessage &message);
    void logLine(const QString &line, Mailport::DaemonController::LogSource source);
    void statusChanged();
    void listenersChanged();
    void statsChanged();
    /// A message was stored (the `arrival` event's payload).
    void messageArrived(const QJsonObject &payload);
    /// A connection opened or closed (the `connection` event's payload).
    void connectionChanged(const QJsonObject &payload);
    /// The outcome of reload(): Information when the daemon took the new configuration.
    void reloadFinished(const Mailport::UserMessage &outcome);

private:
    enum class StopStep { None, Shutdown, Terminate, Kill };

    void setState(State state);
    void report(const UserMessage &message);
    void resetRuntime();
    bool writeTemporaryConfiguration(const QByteArray &text);
    void tryConnect();
    void onProcessStarted();
    void onProcessError(QProcess::ProcessError error);
    void onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void readProcessOutput(QProcess::ProcessChannel channel);
    void onControlConnected();
    void onControlError(ControlProtocol::Error code, const QString &message);
    void onControlDisconnected();
    void onEvent(ControlProtocol::Event event, const QJsonObject &payload);
    void onStopTimeout();
    void finishAttachedStop(bool confirmed);
    void requestStatus();
    void requestListeners();
    void requestStats();
    void requestRecentLog();
    void startPending();
    bool attachedAlive() const;

    QString m_program;
    DaemonTimeouts m_timeouts;
    QProcessEnvironment m_environment;
    DaemonLaunch m_launch;
    bool m_hasPendingLaunch = false;
    DaemonLaunch m_pendingLaunch;

    State m_state = State::Stopped;
    bool m_owned = false;
    QProcess *m_process = nullptr;
    ControlClient *m_client = nullptr;
    std::unique_ptr<QTemporaryDir> m_temporaryDir;
    QString m_configFile;
    bool m_temporaryConfig = false;
    QString m_controlDirectory;
    qint64 m_pid = 0;
    QDateTime m_startedAt;
    QString m_spoolDirectory;
    QJsonObject m_status;
    QList<BoundListener> m_listeners;
    DaemonStats m_stats;
    QStringList m_stderr;
    QByteArray m_partialOutput[2];
    QSet<QString> m_shownLines; ///< standard error lines shown before the log subscription
    bool m_controlUp = false;   ///< connected() seen, disconnected() not yet
    bool m_subscribed = false;
    bool m_daemonSaidStopping = false;
    UserMessage m_lastProblem;

    QTimer m_startTimer;
    QTimer m_retryTimer;
    QTimer m_stopTimer;
    QTimer m_refreshTimer;
    QTimer m_soonTimer; ///< coalesces the counter refreshes that events trigger
    StopStep m_stopStep = StopStep::None;
};

} // namespace Mailport
