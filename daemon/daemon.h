#pragma once

#include "controlprotocol.h"
#include "exitcodes.h"
#include "hostlist.h"
#include "listenplan.h"
#include "loadedconfiguration.h"
#include "maildirspool.h"
#include "tlscontext.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Mailport {

class ControlServer;
class DaemonLog;
class ListenerSet;
class Listener;
class MessageStore;
class SignalNotifier;
class SmtpConnection;
class SpoolCommitter;
class SocketPoller;
class DeadlineQueue;
struct SmtpConnectionSettings;
struct SmtpMessage;

/// Everything `mailportd -bd` (and `-bh`) is started with besides the configuration's options.
struct DaemonOptions
{
    /// What -C read, or LoadedConfiguration::builtInDefault().
    LoadedConfiguration configuration;
    /// -oX, -tls-on-connect and this host (PlanInputs::forThisHost()).
    PlanInputs planInputs;
    /// The file SIGHUP re-reads; empty: the built-in default, which a reload plans afresh.
    QString configPath;
    /// Empty: ControlProtocol::defaultDirectory().
    QString controlDirectory;
    /// Empty: QStandardPaths::AppDataLocation. Holds `spool/` (unless spool_directory is set) and
    /// `tls/` (the self-signed certificate).
    QString dataDirectory;
    /// UNSAFE, benchmarks only: the spool skips fsync.
    bool unsafeNoFsync = false;
    /// How long SIGTERM lets sessions finish before they get 421. A second SIGTERM or SIGINT
    /// ends the wait at once.
    std::chrono::milliseconds shutdownGrace{10000};
};

/// Running totals, for `stats`.
struct DaemonCounters
{
    qint64 connections = 0;        ///< accepted, refused ones included
    qint64 refusedConnections = 0; ///< turned away by smtp_accept_max / _per_host
    qint64 messages = 0;           ///< stored in the spool
    qint64 rejections = 0;         ///< 4xx and 5xx replies
    qint64 bytesReceived = 0;
    qint64 bytesSent = 0;
};

/// The outcome of a reload.
struct ReloadOutcome
{
    bool ok = false;
    QString detail;       ///< English: why it failed, or a summary of what changed
    QStringList added;    ///< endpoints now listening that were not
    QStringList removed;  ///< endpoints no longer listening
    QStringList warnings; ///< e.g. a broken new certificate that was kept out
};

/// mailportd's runtime: the plan bound as listeners, SMTP connections, TLS, the spool, the control
/// socket, signals, the pid file and the log.
///
/// Use: `Daemon d; if (!d.start(options)) return d.exitCode();` then run the event loop until
/// finished(); or simply `return runDaemon(options);`.
class Daemon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Daemon)

public:
    enum class State { Idle, Running, Stopping, Stopped };

    explicit Daemon(QObject *parent = nullptr);
    ~Daemon() override;

    /// Plans, opens the control socket (refusing to run beside another daemon), the spool and
    /// TLS, binds every listener, writes the pid file and catches SIGTERM, SIGINT and SIGHUP.
    /// On failure every problem is printed to standard error (and the log), nothing stays open,
    /// and exitCode() is the status to exit with.
    bool start(const DaemonOptions &options);
    /// Stops gracefully: no new connections, sessions get the grace period, then 421.
    void stop(int exitCode = 0);
    /// Re-reads the configuration file, validates it in full, and applies only the differences.
    ReloadOutcome reload();

    State state() const { return m_state; }
    int exitCode() const { return m_exitCode; }
    const DaemonCounters &counters() const { return m_counters; }
    int activeConnections() const { return int(m_connections.size()); }

signals:
    /// The daemon has stopped (after start() succeeded); exit with @p exitCode.
    void finished(int exitCode);

private:
    /// What the configuration decides at run time; computed in full before anything changes.
    struct Settings
    {
        QString hostname;
        QString banner;
        qint64 messageSizeLimit = 0;
        int recipientsMax = 0;
        int acceptMax = 0;
        int acceptMaxPerHost = 0;
        int connectBacklog = 0;
        std::chrono::milliseconds receiveTimeout{0};
        std::chrono::milliseconds proxyTimeout{0};
        HostList hostsProxy;
        HostList tlsAdvertiseHosts;
        QString spoolDirectory;
        QString logPath;
        QString pidFile;
        TlsSettings tls;
        QStringList warnings;
    };

    static Settings settingsFor(const Configuration &config, const ListenPlan &plan,
                                const QString &dataDirectory);
    friend int runStdioSession(const DaemonOptions &options, const QHostAddress &client);
    QList<PlannedSocket> socketsToBind(const ListenPlan &plan, QStringList *skipped) const;
    bool fail(ExitCode code, const QString &message);
    void log(const QString &text);
    void accept(Listener *listener, qintptr descriptor);
    SmtpConnectionSettings connectionSettings(const PlannedSocket &socket);
    QByteArray admit(const SmtpConnection &connection);
    void storeMessage(SmtpConnection &connection, const SmtpMessage &message);
    void messageDone(const SmtpMessage &message, const MaildirSpool::StoreResult &result,
                     SmtpConnection *connection);
    void connectionFinished(SmtpConnection *connection);
    void onSignal(int signalNumber);
    void graceExpired();
    void finishStop();
    bool writePidFile(const QString &path, QString *error);
    void removePidFile();
    QString startupLine() const;

    ControlProtocol::Reply handleControl(ControlProtocol::Request request,
                                         const QJsonObject &message);
    QJsonObject statusJson() const;
    QJsonObject listenersJson() const;
    QJsonObject statsJson() const;
    QJsonObject messagesJson(int limit) const;
    QJsonObject connectionJson(const SmtpConnection &connection, const QString &state) const;

    DaemonOptions m_options;
    LoadedConfiguration m_loaded;
    ListenPlan m_plan;
    Settings m_settings;
    QString m_dataDirectory;
    State m_state = State::Idle;
    int m_exitCode = 0;
    QDateTime m_startedAt;
    DaemonCounters m_counters;

    DaemonLog *m_log = nullptr;
    ControlServer *m_control = nullptr;
    ListenerSet *m_listeners = nullptr;
    SignalNotifier *m_signals = nullptr;
    // Shared with the commit threads: a reload may switch spools while messages are in flight.
    std::shared_ptr<MaildirSpool> m_spool;
    std::unique_ptr<MessageStore> m_store;
    std::unique_ptr<SpoolCommitter> m_committer;
    // Shared by every connection: one epoll descriptor and one timer instead of a socket
    // notifier and timers each.
    std::unique_ptr<SocketPoller> m_poller;
    std::unique_ptr<DeadlineQueue> m_deadlines;
    TlsContext m_tls;
    QSet<SmtpConnection *> m_connections;
    /// Admitted, unfinished connections per client address, for smtp_accept_max_per_host.
    QHash<QHostAddress, int> m_perHost;
    QTimer m_graceTimer;
    QTimer m_forceTimer;
    QString m_writtenPidFile;
};

/// `mailportd -bd`: starts a Daemon and runs the application's event loop until it stops.
/// Returns the process exit status.
int runDaemon(const DaemonOptions &options);

/// `mailportd -bh ADDRESS`: one SMTP session on standard input and output, as if from @p client
/// (no TLS, no PROXY header), storing accepted messages in the spool. Runs the application's
/// event loop until the session ends; returns the exit status.
int runStdioSession(const DaemonOptions &options, const QHostAddress &client);

} // namespace Mailport
