#include "daemon.h"

#include "controlserver.h"
#include "daemonlog.h"
#include "deadlinequeue.h"
#include "listenerset.h"
#include "logging.h"
#include "maildirreader.h"
#include "maildirspool.h"
#include "messagestore.h"
#include "planreport.h"
#include "signalnotifier.h"
#include "smtpconnection.h"
#include "socketpoller.h"
#include "spoolcommitter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QPointer>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QSysInfo>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace Mailport {

namespace {

constexpr int kDefaultLogLines = 100;
constexpr int kDefaultMessages = 100;
// After the grace period and the 421s, connections that still do not close are cut off.
constexpr std::chrono::milliseconds kForceCloseAfter{3000};

void printError(const QString &text)
{
    const QByteArray bytes = (QStringLiteral("mailportd: ") + text + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

std::chrono::milliseconds seconds(qint64 value)
{
    return std::chrono::milliseconds(value > 0 ? value * 1000 : 0);
}

int boundedInt(qint64 value)
{
    return int(qBound(qint64(INT_MIN), value, qint64(INT_MAX)));
}

QString endpoint(const QHostAddress &address, quint16 port)
{
    return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
}

bool ensurePrivateDirectory(const QString &path, QString *error)
{
    const bool existed = QDir(path).exists();
    if (!existed && !QDir().mkpath(path)) {
        *error = QStringLiteral("cannot create the directory %1").arg(path);
        return false;
    }
    if (!existed)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

QJsonArray toJsonArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QJsonObject spoolMessageJson(const SpoolMessage &m)
{
    auto address = [](const QHostAddress &a) {
        return a.isNull() ? QString() : a.toString();
    };
    return QJsonObject{
        {QStringLiteral("id"), m.id},
        {QStringLiteral("file"), m.filePath},
        {QStringLiteral("new"), m.isNew},
        {QStringLiteral("arrival"), m.arrival.toString(Qt::ISODate)},
        {QStringLiteral("size"), m.size},
        {QStringLiteral("sender"), m.sender},
        {QStringLiteral("recipients"), toJsonArray(m.recipients)},
        {QStringLiteral("subject"), m.subject},
        {QStringLiteral("from"), m.from},
        {QStringLiteral("client"), address(m.clientAddress)},
        {QStringLiteral("clientPort"), m.clientPort},
        {QStringLiteral("proxy"), address(m.proxyAddress)},
        {QStringLiteral("proxyPort"), m.proxyPort},
        {QStringLiteral("listener"), address(m.listenerAddress)},
        {QStringLiteral("listenerPort"), m.listenerPort},
        {QStringLiteral("helo"), m.heloName},
        {QStringLiteral("protocol"), m.protocol},
        {QStringLiteral("tls"), m.tlsProtocol},
        {QStringLiteral("cipher"), m.tlsCipher},
    };
}

} // namespace

Daemon::Daemon(QObject *parent)
    : QObject(parent)
{
    m_graceTimer.setSingleShot(true);
    m_forceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, &Daemon::graceExpired);
    connect(&m_forceTimer, &QTimer::timeout, this, &Daemon::finishStop);
}

Daemon::~Daemon()
{
    // The commit threads first (they finish what is queued and call nobody back), then the
    // connections: their hooks point into this object.
    m_committer.reset();
    qDeleteAll(m_connections);
    m_connections.clear();
    // Those finishStop() left to deleteLater() use the poller and the deadline queue, which go
    // before this object's children would.
    qDeleteAll(findChildren<SmtpConnection *>(Qt::FindDirectChildrenOnly));
    removePidFile();
}

Daemon::Settings Daemon::settingsFor(const Configuration &config, const ListenPlan &plan,
                                     const QString &dataDirectory)
{
    Settings s;
    s.hostname = config.value(QStringLiteral("primary_hostname")).isSet
                     ? config.text(QStringLiteral("primary_hostname"))
                     : QSysInfo::machineHostName();
    if (s.hostname.isEmpty())
        s.hostname = QStringLiteral("localhost");
    s.banner = config.text(QStringLiteral("smtp_banner"));
    s.messageSizeLimit = qMax<qint64>(0, config.number(QStringLiteral("message_size_limit")));
    s.recipientsMax = qMax(0, boundedInt(config.number(QStringLiteral("recipients_max"))));
    s.acceptMax = qMax(0, boundedInt(config.number(QStringLiteral("smtp_accept_max"))));
    s.acceptMaxPerHost
        = qMax(0, boundedInt(config.number(QStringLiteral("smtp_accept_max_per_host"))));
    s.connectBacklog = boundedInt(config.number(QStringLiteral("smtp_connect_backlog")));
    s.receiveTimeout = seconds(config.number(QStringLiteral("smtp_receive_timeout")));
    s.proxyTimeout = seconds(config.number(QStringLiteral("proxy_protocol_timeout")));

    QStringList unsupported;
    s.hostsProxy = HostList::parse(config.text(QStringLiteral("hosts_proxy")), &unsupported);
    for (const QString &item : std::as_const(unsupported))
        s.warnings.append(
            QStringLiteral("hosts_proxy item \"%1\" needs a lookup mailportd does not "
                           "do; it never matches")
                .arg(item));
    unsupported.clear();
    s.tlsAdvertiseHosts
        = HostList::parse(config.text(QStringLiteral("tls_advertise_hosts")), &unsupported);
    for (const QString &item : std::as_const(unsupported))
        s.warnings.append(QStringLiteral("tls_advertise_hosts item \"%1\" needs a lookup mailportd "
                                         "does not do; it never matches")
                              .arg(item));

    const QString spool = config.text(QStringLiteral("spool_directory"));
    s.spoolDirectory
        = spool.isEmpty() ? QDir(dataDirectory).filePath(QStringLiteral("spool")) : spool;
    s.logPath = DaemonLog::resolvePath(config.text(QStringLiteral("log_file_path")));
    s.pidFile = config.text(QStringLiteral("pid_file_path"));

    s.tls.certificateFile = config.text(QStringLiteral("tls_certificate"));
    s.tls.privateKeyFile = config.text(QStringLiteral("tls_privatekey"));
    s.tls.ocspFile = config.text(QStringLiteral("tls_ocsp_file"));
    s.tls.selfSignedDirectory = QDir(dataDirectory).filePath(QStringLiteral("tls"));
    s.tls.selfSignedNames = {s.hostname};
    if (s.hostname != QLatin1String("localhost"))
        s.tls.selfSignedNames.append(QStringLiteral("localhost"));
    for (const PlannedSocket &socket : plan.sockets) {
        const QHostAddress address(socket.address);
        if (!address.isNull() && !s.tls.selfSignedAddresses.contains(address))
            s.tls.selfSignedAddresses.append(address);
    }
    return s;
}

QList<PlannedSocket> Daemon::socketsToBind(const ListenPlan &plan, QStringList *skipped) const
{
    QList<PlannedSocket> sockets;
    for (const PlannedSocket &socket : plan.sockets) {
        if (socket.tls == TlsMode::Smtps && !m_tls.isAvailable()) {
            skipped->append(QStringLiteral("implicit-TLS listener %1 not started: no usable "
                                           "certificate")
                                .arg(socket.endpoint()));
            continue;
        }
        sockets.append(socket);
    }
    return sockets;
}

bool Daemon::fail(ExitCode code, const QString &message)
{
    printError(message);
    if (m_log && !m_log->path().isEmpty())
        m_log->write(message);
    m_exitCode = exitStatus(code);
    if (m_listeners)
        m_listeners->closeAll();
    if (m_control)
        m_control->stop();
    removePidFile();
    m_state = State::Idle;
    return false;
}

void Daemon::log(const QString &text)
{
    if (m_log)
        m_log->write(text);
}

bool Daemon::start(const DaemonOptions &options)
{
    if (m_state != State::Idle)
        return false;
    m_options = options;
    m_loaded = options.configuration;
    m_dataDirectory = options.dataDirectory.isEmpty()
                          ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                          : options.dataDirectory;
    if (!m_log) {
        m_log = new DaemonLog(this);
        connect(m_log, &DaemonLog::lineWritten, this, [this](const QString &line) {
            if (m_control)
                m_control->publish(ControlProtocol::Event::Log, {{QStringLiteral("line"), line}});
        });
    }

    m_plan = m_loaded.plan(options.planInputs);
    for (const Diagnostic &d : std::as_const(m_plan.diagnostics))
        printError(PlanReport::toLine(d));
    if (!m_plan.ok())
        return fail(ExitCode::ConfigError,
                    QStringLiteral("the configuration has errors; nothing was started"));
    m_settings = settingsFor(m_loaded.configuration(), m_plan, m_dataDirectory);

    QString error;
    if (!m_log->open(m_settings.logPath, &error))
        return fail(ExitCode::ConfigError, error);
    for (const QString &warning : std::as_const(m_settings.warnings))
        log(warning);
    if (!ensurePrivateDirectory(m_dataDirectory, &error))
        return fail(ExitCode::SpoolFailed, error);

    // The control socket first: its lock is what tells a second daemon to leave everything alone.
    if (!m_control) {
        m_control = new ControlServer(this);
        m_control->setHandler([this](ControlProtocol::Request request, const QJsonObject &message) {
            return handleControl(request, message);
        });
    }
    if (!options.controlDirectory.isEmpty())
        m_control->setDirectory(options.controlDirectory);
    const ControlServer::StartResult control = m_control->start();
    if (!control.ok()) {
        if (control.error == ControlServer::StartError::LockHeld)
            return fail(
                ExitCode::AlreadyRunning,
                QStringLiteral("another mailportd%1 is already running (control directory %2); "
                               "stop it first or give this one another control directory")
                    .arg(control.lockHolderPid > 0
                             ? QStringLiteral(" (pid %1)").arg(control.lockHolderPid)
                             : QString(),
                         m_control->directory()));
        return fail(ExitCode::ControlFailed, control.message);
    }

    m_spool = std::make_shared<MaildirSpool>();
    m_spool->setSyncEnabled(!options.unsafeNoFsync);
    const MaildirSpool::OpenResult spool = m_spool->open(m_settings.spoolDirectory);
    if (!spool.ok())
        return fail(ExitCode::SpoolFailed, spool.message);
    if (spool.removedLeftovers > 0)
        log(QStringLiteral("removed %1 incomplete message file(s) from %2/tmp")
                .arg(spool.removedLeftovers)
                .arg(m_settings.spoolDirectory));
    if (options.unsafeNoFsync)
        log(QStringLiteral(
            "WARNING: fsync is off (benchmark mode): acknowledged messages can be lost"));
    m_store
        = std::make_unique<MessageStore>(m_spool.get(), [this](const QString &line) { log(line); });
    m_store->setReceivingHost(m_settings.hostname);
    if (!m_committer)
        m_committer = options.unsafeNoFsync
                          ? std::make_unique<SpoolCommitter>(1, SpoolCommitter::Taking::AllWaiting)
                          : std::make_unique<SpoolCommitter>();
    if (!m_poller)
        m_poller = std::make_unique<SocketPoller>();
    if (!m_deadlines)
        m_deadlines = std::make_unique<DeadlineQueue>();

    const TlsReloadResult tls = m_tls.reload(m_settings.tls);
    if (!tls.ok())
        log(tls.certificate.message
            + QStringLiteral("; STARTTLS is not offered and implicit-TLS listeners do not start"));
    else if (!m_settings.tls.ocspFile.isEmpty() && !tls.ocsp.ok())
        log(tls.ocsp.message + QStringLiteral("; no OCSP response is stapled"));

    QStringList skipped;
    const QList<PlannedSocket> sockets = socketsToBind(m_plan, &skipped);
    for (const QString &line : std::as_const(skipped))
        log(line);
    if (sockets.isEmpty())
        return fail(ExitCode::TlsFailed,
                    QStringLiteral("no listener can start: every socket is implicit TLS and no "
                                   "certificate is usable"));
    if (!m_listeners) {
        m_listeners = new ListenerSet(this);
        m_listeners->setHandler(
            [this](Listener *listener, qintptr descriptor) { accept(listener, descriptor); });
    }
    const ListenerSet::Result bound = m_listeners->bindAll(sockets, m_settings.connectBacklog);
    if (!bound.ok())
        return fail(ExitCode::BindFailed, bound.errorText());
    for (const QString &warning : bound.warnings)
        log(warning);

    if (!m_settings.pidFile.isEmpty() && !writePidFile(m_settings.pidFile, &error))
        log(error);

    if (!m_signals) {
        m_signals = new SignalNotifier(this);
        m_signals->watch({SIGTERM, SIGINT, SIGHUP});
        connect(m_signals, &SignalNotifier::signalReceived, this, &Daemon::onSignal);
    }
    // A client that vanishes mid-write must cost an error return, not the process.
    std::signal(SIGPIPE, SIG_IGN);

    m_state = State::Running;
    m_startedAt = QDateTime::currentDateTime();
    log(startupLine());
    m_control->publish(ControlProtocol::Event::State,
                       {{QStringLiteral("state"), QStringLiteral("running")}});
    return true;
}

QString Daemon::startupLine() const
{
    ListenPlan bound;
    for (const Listener *l : m_listeners->listeners())
        bound.sockets.append(l->planned());
    return QStringLiteral("mailportd %1 daemon started: pid=%2, %3")
        .arg(QStringLiteral(MAILPORT_VERSION))
        .arg(QCoreApplication::applicationPid())
        .arg(bound.startupLine());
}

SmtpConnectionSettings Daemon::connectionSettings(const PlannedSocket &socket)
{
    SmtpConnectionSettings s;
    s.session.hostname = m_settings.hostname;
    s.session.banner = m_settings.banner;
    s.session.messageSizeLimit = m_settings.messageSizeLimit;
    s.session.recipientsMax = m_settings.recipientsMax;
    s.session.tlsAvailable = m_tls.isAvailable();
    s.session.advertiseStartTls = !socket.noStartTls;
    s.session.spaceAvailable = [this](qint64 bytes) {
        return m_spool && m_spool->hasSpaceFor(bytes);
    };
    s.tls = socket.tls;
    if (m_tls.isAvailable())
        s.tlsConfiguration = m_tls.sessionConfiguration();
    s.tlsAdvertiseHosts = m_settings.tlsAdvertiseHosts;
    s.hostsProxy = m_settings.hostsProxy;
    s.proxyTimeout = m_settings.proxyTimeout;
    s.receiveTimeout = m_settings.receiveTimeout;
    s.listenerName = socket.name;
    s.poller = m_poller.get();
    s.deadlines = m_deadlines.get();
    return s;
}

void Daemon::accept(Listener *listener, qintptr descriptor)
{
    if (m_state != State::Running) {
        ::close(int(descriptor));
        return;
    }
    SmtpConnectionHooks hooks;
    hooks.admit = [this](const SmtpConnection &c) {
        return admit(c);
    };
    hooks.storeAsync = [this](SmtpConnection &connection, const SmtpMessage &message) {
        storeMessage(connection, message);
    };
    hooks.log = [this](const QString &line) {
        log(line);
    };

    auto *connection = new SmtpConnection(descriptor, connectionSettings(listener->planned()),
                                          std::move(hooks), this);
    ++m_counters.connections;
    m_connections.insert(connection);
    connect(connection, &SmtpConnection::finished, this,
            [this, connection] { connectionFinished(connection); });

    if (m_settings.acceptMax > 0 && m_connections.size() > m_settings.acceptMax) {
        ++m_counters.refusedConnections;
        log(QStringLiteral(
                "Connection from %1 refused: too many connections (smtp_accept_max = %2)")
                .arg(endpoint(connection->tcpPeer().address, connection->tcpPeer().port))
                .arg(m_settings.acceptMax));
        // A proxy must get its header in before anything is said; it gets a plain close.
        connection->refuse(
            connection->isProxyRequired()
                ? QByteArray()
                : "421 4.3.2 " + m_settings.hostname.toUtf8()
                      + " Too many concurrent SMTP connections; please try again later");
        return;
    }
    connection->start();
}

QByteArray Daemon::admit(const SmtpConnection &connection)
{
    const SmtpPeer &client = connection.client();
    if (m_settings.acceptMaxPerHost > 0) {
        if (m_perHost.value(client.address) >= m_settings.acceptMaxPerHost) {
            ++m_counters.refusedConnections;
            log(QStringLiteral(
                    "Connection from %1 refused: too many connections from that IP address "
                    "(smtp_accept_max_per_host = %2)")
                    .arg(endpoint(client.address, client.port))
                    .arg(m_settings.acceptMaxPerHost));
            return "421 4.7.0 " + m_settings.hostname.toUtf8()
                   + " Too many concurrent SMTP connections from this IP address; please try again "
                     "later";
        }
    }
    QString line = QStringLiteral("SMTP connection from %1 I=%2")
                       .arg(endpoint(client.address, client.port),
                            endpoint(client.localAddress, client.localPort));
    if (connection.isProxied())
        line += QStringLiteral(" PRX=%1").arg(
            endpoint(connection.tcpPeer().address, connection.tcpPeer().port));
    if (!connection.settings().listenerName.isEmpty())
        line += QStringLiteral(" N=%1").arg(connection.settings().listenerName);
    line += QStringLiteral(" (TCP/IP connection count = %1)").arg(m_connections.size());
    log(line);
    // Counted from here until connectionFinished(): the connection is admitted once this returns.
    ++m_perHost[client.address];
    m_control->publish(ControlProtocol::Event::Connection,
                       connectionJson(connection, QStringLiteral("open")));
    return {};
}

void Daemon::storeMessage(SmtpConnection &connection, const SmtpMessage &message)
{
    // The message (its body shared, not copied) waits with the commit threads; the reply goes
    // to the connection only if it is still there by then.
    const QPointer<SmtpConnection> target(&connection);
    m_committer->submit(m_spool, MessageStore::envelopeOf(message, m_settings.hostname),
                        message.data,
                        [this, message, target](const MaildirSpool::StoreResult &result) {
                            messageDone(message, result, target.data());
                        });
}

void Daemon::messageDone(const SmtpMessage &message, const MaildirSpool::StoreResult &result,
                         SmtpConnection *connection)
{
    MessageStore::Arrival arrival;
    const StoreOutcome outcome = m_store->record(message, result, &arrival);
    if (outcome.ok) {
        ++m_counters.messages;
        m_control->publish(
            ControlProtocol::Event::Arrival,
            {{QStringLiteral("id"), arrival.id},
             {QStringLiteral("file"), arrival.filePath},
             {QStringLiteral("size"), arrival.size},
             {QStringLiteral("messageId"), arrival.messageId},
             {QStringLiteral("sender"), message.sender},
             {QStringLiteral("recipients"), toJsonArray(message.recipients)},
             {QStringLiteral("client"), message.peer.address.toString()},
             {QStringLiteral("clientPort"), message.peer.port},
             {QStringLiteral("proxy"),
              message.proxyAddress.isNull() ? QString() : message.proxyAddress.toString()},
             {QStringLiteral("helo"), message.heloName},
             {QStringLiteral("protocol"), message.protocol},
             {QStringLiteral("tls"), message.tlsProtocol},
             {QStringLiteral("cipher"), message.tlsCipher}});
    }
    if (connection)
        connection->storeFinished(outcome);
}

QJsonObject Daemon::connectionJson(const SmtpConnection &c, const QString &state) const
{
    return QJsonObject{
        {QStringLiteral("state"), state},
        {QStringLiteral("client"), c.client().address.toString()},
        {QStringLiteral("clientPort"), c.client().port},
        {QStringLiteral("proxy"), c.isProxied() ? c.tcpPeer().address.toString() : QString()},
        {QStringLiteral("listener"), c.client().localAddress.toString()},
        {QStringLiteral("listenerPort"), c.client().localPort},
        {QStringLiteral("tls"), PlanReport::tlsName(c.settings().tls)},
        {QStringLiteral("bytesReceived"), c.bytesReceived()},
        {QStringLiteral("bytesSent"), c.bytesSent()},
        {QStringLiteral("messages"), c.messages()},
    };
}

void Daemon::connectionFinished(SmtpConnection *connection)
{
    if (!m_connections.remove(connection))
        return;
    if (connection->isAdmitted()) {
        const auto count = m_perHost.find(connection->client().address);
        if (count != m_perHost.end() && --count.value() <= 0)
            m_perHost.erase(count);
    }
    m_counters.bytesReceived += connection->bytesReceived();
    m_counters.bytesSent += connection->bytesSent();
    m_counters.rejections += connection->rejections();
    if (connection->isAdmitted() && m_control)
        m_control->publish(ControlProtocol::Event::Connection,
                           connectionJson(*connection, QStringLiteral("close")));
    connection->deleteLater();
    if (m_state == State::Stopping && m_connections.isEmpty())
        finishStop();
}

void Daemon::onSignal(int signalNumber)
{
    switch (signalNumber) {
    case SIGHUP:
        if (m_state == State::Running) {
            log(QStringLiteral("SIGHUP received: reloading the configuration"));
            reload();
        }
        break;
    case SIGTERM:
    case SIGINT: {
        const QString name
            = signalNumber == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT");
        if (m_state == State::Running) {
            log(QStringLiteral("%1 received: stopping").arg(name));
            stop(exitStatus(ExitCode::Ok));
        } else if (m_state == State::Stopping) {
            log(QStringLiteral("%1 received again: closing the remaining sessions now").arg(name));
            graceExpired();
        }
        break;
    }
    default:
        break;
    }
}

void Daemon::stop(int exitCode)
{
    if (m_state != State::Running)
        return;
    m_state = State::Stopping;
    m_exitCode = exitCode;
    m_listeners->closeAll();
    m_control->publish(ControlProtocol::Event::State,
                       {{QStringLiteral("state"), QStringLiteral("stopping")}});
    if (m_connections.isEmpty()) {
        // Later, so that a control client's shutdown reply still goes out.
        QTimer::singleShot(0, this, &Daemon::finishStop);
        return;
    }
    log(QStringLiteral("no longer accepting connections; waiting up to %1 s for %2 session(s)")
            .arg(double(m_options.shutdownGrace.count()) / 1000.0)
            .arg(m_connections.size()));
    m_graceTimer.start(m_options.shutdownGrace);
}

void Daemon::graceExpired()
{
    if (m_state != State::Stopping)
        return;
    m_graceTimer.stop();
    const QList<SmtpConnection *> connections = m_connections.values();
    for (SmtpConnection *c : connections) {
        if (m_state != State::Stopping)
            return;
        if (m_connections.contains(c))
            c->shutdown();
    }
    if (m_state == State::Stopping && !m_forceTimer.isActive())
        m_forceTimer.start(kForceCloseAfter);
}

void Daemon::finishStop()
{
    if (m_state == State::Stopped)
        return;
    m_state = State::Stopped;
    m_graceTimer.stop();
    m_forceTimer.stop();
    const QList<SmtpConnection *> remaining = m_connections.values();
    m_connections.clear();
    m_perHost.clear();
    for (SmtpConnection *c : remaining) {
        c->disconnect(this);
        m_counters.bytesReceived += c->bytesReceived();
        m_counters.bytesSent += c->bytesSent();
        c->deleteLater();
    }
    if (m_listeners)
        m_listeners->closeAll();
    log(QStringLiteral("daemon stopped"));
    if (m_control) {
        m_control->publish(ControlProtocol::Event::State,
                           {{QStringLiteral("state"), QStringLiteral("stopped")}});
        m_control->stop();
    }
    removePidFile();
    emit finished(m_exitCode);
}

ReloadOutcome Daemon::reload()
{
    ReloadOutcome outcome;
    auto failed = [&](const QString &why) {
        outcome.ok = false;
        outcome.detail = why;
        log(QStringLiteral("reload failed, the configuration in use is unchanged: %1").arg(why));
        return outcome;
    };
    if (m_state != State::Running)
        return failed(QStringLiteral("the daemon is not running"));

    // Everything is read and checked before anything changes.
    const LoadedConfiguration loaded = m_options.configPath.isEmpty()
                                           ? m_options.configuration
                                           : LoadedConfiguration::fromFile(m_options.configPath);
    PlanInputs inputs = m_options.planInputs;
    inputs.host = HostInterfaces::fromSystem();
    const ListenPlan plan = loaded.plan(inputs);
    QStringList errors;
    for (const Diagnostic &d : plan.diagnostics) {
        if (d.isError())
            errors.append(PlanReport::toLine(d));
    }
    if (!errors.isEmpty())
        return failed(errors.join(QStringLiteral("; ")));
    const Settings settings = settingsFor(loaded.configuration(), plan, m_dataDirectory);

    std::unique_ptr<MaildirSpool> newSpool;
    if (settings.spoolDirectory != m_settings.spoolDirectory) {
        newSpool = std::make_unique<MaildirSpool>();
        newSpool->setSyncEnabled(!m_options.unsafeNoFsync);
        const MaildirSpool::OpenResult opened = newSpool->open(settings.spoolDirectory);
        if (!opened.ok())
            return failed(opened.message);
    }
    if (settings.logPath != m_settings.logPath) {
        DaemonLog probe;
        QString error;
        if (!probe.open(settings.logPath, &error))
            return failed(error);
    }

    // A broken new certificate is kept out; the one in use stays, and so does everything else.
    const TlsReloadResult tls = m_tls.reload(settings.tls);
    if (!tls.ok()) {
        const QString line
            = tls.certificate.message
              + (m_tls.isAvailable() ? QStringLiteral("; the previous certificate stays in use")
                                     : QStringLiteral("; STARTTLS stays unavailable"));
        log(line);
        outcome.warnings.append(line);
    } else if (!settings.tls.ocspFile.isEmpty() && !tls.ocsp.ok()) {
        outcome.warnings.append(tls.ocsp.message);
        log(tls.ocsp.message + QStringLiteral("; no OCSP response is stapled"));
    }

    QStringList skipped;
    const QList<PlannedSocket> sockets = socketsToBind(plan, &skipped);
    if (sockets.isEmpty())
        return failed(QStringLiteral("no listener could start: every socket is implicit TLS and no "
                                     "certificate is usable"));
    const ListenerSet::Result applied = m_listeners->apply(sockets, settings.connectBacklog);
    if (!applied.ok())
        return failed(applied.errorText());

    // Commit.
    outcome.warnings += skipped + applied.warnings + settings.warnings;
    for (const QString &w : std::as_const(skipped))
        log(w);
    for (const QString &w : applied.warnings)
        log(w);
    if (settings.logPath != m_settings.logPath) {
        QString error;
        if (!m_log->open(settings.logPath, &error))
            outcome.warnings.append(error);
    }
    if (newSpool) {
        m_spool = std::move(newSpool);
        m_store->setSpool(m_spool.get());
    }
    m_store->setReceivingHost(settings.hostname);
    if (settings.pidFile != m_settings.pidFile) {
        removePidFile();
        QString error;
        if (!settings.pidFile.isEmpty() && !writePidFile(settings.pidFile, &error))
            outcome.warnings.append(error);
    }
    m_loaded = loaded;
    m_plan = plan;
    m_settings = settings;
    for (const PlannedSocket &s : applied.added)
        outcome.added.append(s.endpoint());
    for (const PlannedSocket &s : applied.removed)
        outcome.removed.append(s.endpoint());
    outcome.ok = true;
    outcome.detail
        = QStringLiteral("configuration reloaded from %1: %2 listener(s) added, %3 removed, "
                         "%4 unchanged")
              .arg(m_options.configPath.isEmpty() ? QStringLiteral("the built-in default")
                                                  : m_options.configPath)
              .arg(applied.added.size())
              .arg(applied.removed.size())
              .arg(applied.kept.size());
    log(outcome.detail);
    for (const QString &e : std::as_const(outcome.added))
        log(QStringLiteral("now listening on %1").arg(e));
    for (const QString &e : std::as_const(outcome.removed))
        log(QStringLiteral("no longer listening on %1").arg(e));
    m_control->publish(ControlProtocol::Event::State,
                       {{QStringLiteral("state"), QStringLiteral("reloaded")}});
    return outcome;
}

bool Daemon::writePidFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n') < 0
        || !file.flush()) {
        *error = QStringLiteral("cannot write the pid file %1: %2").arg(path, file.errorString());
        return false;
    }
    m_writtenPidFile = path;
    return true;
}

void Daemon::removePidFile()
{
    if (m_writtenPidFile.isEmpty())
        return;
    // Only our own: another daemon may have been started with the same pid file since.
    QFile file(m_writtenPidFile);
    if (file.open(QIODevice::ReadOnly)
        && file.readAll().trimmed() == QByteArray::number(QCoreApplication::applicationPid())) {
        file.close();
        file.remove();
    }
    m_writtenPidFile.clear();
}

ControlProtocol::Reply Daemon::handleControl(ControlProtocol::Request request,
                                             const QJsonObject &message)
{
    using ControlProtocol::Reply;
    auto limitOf = [&](int fallback) {
        const QJsonValue v = message.value(ControlProtocol::Field::Limit);
        return v.isDouble() ? qMax(0, v.toInt()) : fallback;
    };
    switch (request) {
    case ControlProtocol::Request::Status:
        return Reply::success(statusJson());
    case ControlProtocol::Request::Listeners:
        return Reply::success(listenersJson());
    case ControlProtocol::Request::Stats:
        return Reply::success(statsJson());
    case ControlProtocol::Request::Log:
        return Reply::success({{QStringLiteral("lines"),
                                toJsonArray(m_log->recent(
                                    qMin(limitOf(kDefaultLogLines), DaemonLog::RecentCapacity)))}});
    case ControlProtocol::Request::Messages:
        return Reply::success(messagesJson(limitOf(kDefaultMessages)));
    case ControlProtocol::Request::Reload: {
        if (m_state != State::Running)
            return Reply::failure(ControlProtocol::Error::Unavailable,
                                  QStringLiteral("the daemon is stopping"));
        const ReloadOutcome outcome = reload();
        if (!outcome.ok)
            return Reply::failure(ControlProtocol::Error::ReloadFailed, outcome.detail);
        return Reply::success({{QStringLiteral("detail"), outcome.detail},
                               {QStringLiteral("added"), toJsonArray(outcome.added)},
                               {QStringLiteral("removed"), toJsonArray(outcome.removed)},
                               {QStringLiteral("warnings"), toJsonArray(outcome.warnings)}});
    }
    case ControlProtocol::Request::Shutdown:
        if (m_state == State::Running) {
            log(QStringLiteral("shutdown requested over the control socket"));
            QTimer::singleShot(0, this, [this] { stop(exitStatus(ExitCode::Ok)); });
        }
        return Reply::success({{QStringLiteral("state"), QStringLiteral("stopping")}});
    case ControlProtocol::Request::Hello:
    case ControlProtocol::Request::Subscribe:
        break;
    }
    return Reply::failure(ControlProtocol::Error::UnknownRequest);
}

QJsonObject Daemon::statusJson() const
{
    const char *const states[] = {"idle", "running", "stopping", "stopped"};
    QJsonObject tls{{QStringLiteral("available"), m_tls.isAvailable()}};
    if (m_tls.isAvailable()) {
        const CertificateLoadResult &c = m_tls.certificate();
        tls.insert(QStringLiteral("certificate"), c.certificatePath);
        tls.insert(QStringLiteral("subject"), c.subject);
        tls.insert(QStringLiteral("issuer"), c.issuer);
        tls.insert(QStringLiteral("notAfter"), c.notAfter.toString(Qt::ISODate));
        tls.insert(QStringLiteral("selfSigned"), m_settings.tls.certificateFile.isEmpty());
        tls.insert(QStringLiteral("stapling"), m_tls.isStapling());
    }
    return QJsonObject{
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("version"), QStringLiteral(MAILPORT_VERSION)},
        {QStringLiteral("state"), QLatin1String(states[int(m_state)])},
        {QStringLiteral("started"), m_startedAt.toString(Qt::ISODate)},
        {QStringLiteral("uptimeSeconds"), m_startedAt.secsTo(QDateTime::currentDateTime())},
        {QStringLiteral("configFile"), m_options.configPath},
        {QStringLiteral("hostname"), m_settings.hostname},
        {QStringLiteral("dataDirectory"), m_dataDirectory},
        {QStringLiteral("spoolDirectory"), m_settings.spoolDirectory},
        {QStringLiteral("logFile"), m_log ? m_log->path() : QString()},
        {QStringLiteral("pidFile"), m_writtenPidFile},
        {QStringLiteral("fsync"), !m_options.unsafeNoFsync},
        {QStringLiteral("connections"), m_connections.size()},
        {QStringLiteral("listeners"), m_listeners ? m_listeners->listeners().size() : 0},
        {QStringLiteral("tls"), tls},
    };
}

QJsonObject Daemon::listenersJson() const
{
    QJsonArray array;
    if (m_listeners) {
        for (const Listener *l : m_listeners->listeners()) {
            QJsonObject o = PlanReport::toJson(l->planned());
            o.insert(QStringLiteral("boundAddress"), l->serverAddress().toString());
            o.insert(QStringLiteral("boundPort"), l->serverPort());
            o.insert(QStringLiteral("name"), l->planned().name);
            array.append(o);
        }
    }
    return {{QStringLiteral("listeners"), array}};
}

QJsonObject Daemon::statsJson() const
{
    DaemonCounters c = m_counters;
    for (const SmtpConnection *connection : m_connections) {
        c.bytesReceived += connection->bytesReceived();
        c.bytesSent += connection->bytesSent();
        c.rejections += connection->rejections();
    }
    QJsonObject spool;
    if (m_committer) {
        const SpoolCommitter::Statistics commits = m_committer->statistics();
        spool = {{QStringLiteral("pending"), m_committer->pending()},
                 {QStringLiteral("stored"), commits.messages},
                 {QStringLiteral("directorySyncs"), commits.directorySyncs},
                 {QStringLiteral("largestBatch"), commits.largestBatch},
                 {QStringLiteral("failedBatches"), commits.failedBatches}};
    }
    return QJsonObject{
        {QStringLiteral("spool"), spool},
        {QStringLiteral("connections"), c.connections},
        {QStringLiteral("activeConnections"), m_connections.size()},
        {QStringLiteral("refusedConnections"), c.refusedConnections},
        {QStringLiteral("messages"), c.messages},
        {QStringLiteral("rejections"), c.rejections},
        {QStringLiteral("bytesReceived"), c.bytesReceived},
        {QStringLiteral("bytesSent"), c.bytesSent},
    };
}

QJsonObject Daemon::messagesJson(int limit) const
{
    const MaildirReader reader(m_settings.spoolDirectory);
    const MaildirReader::Listing listing = reader.list(limit);
    QJsonArray messages;
    for (const SpoolMessage &m : listing.messages)
        messages.append(spoolMessageJson(m));
    return {{QStringLiteral("directory"), m_settings.spoolDirectory},
            {QStringLiteral("messages"), messages},
            {QStringLiteral("notes"), toJsonArray(listing.notes)}};
}

int runDaemon(const DaemonOptions &options)
{
    Daemon daemon;
    if (!daemon.start(options))
        return daemon.exitCode();
    QObject::connect(&daemon, &Daemon::finished, QCoreApplication::instance(),
                     [](int code) { QCoreApplication::exit(code); });
    return QCoreApplication::exec();
}

int runStdioSession(const DaemonOptions &options, const QHostAddress &client)
{
    const QString dataDirectory
        = options.dataDirectory.isEmpty()
              ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
              : options.dataDirectory;
    const ListenPlan noPlan;
    const Daemon::Settings settings
        = Daemon::settingsFor(options.configuration.configuration(), noPlan, dataDirectory);

    DaemonLog log;
    QString error;
    if (!log.open(settings.logPath, &error)) {
        printError(error);
        return exitStatus(ExitCode::ConfigError);
    }
    if (!ensurePrivateDirectory(dataDirectory, &error)) {
        printError(error);
        return exitStatus(ExitCode::SpoolFailed);
    }
    MaildirSpool spool;
    spool.setSyncEnabled(!options.unsafeNoFsync);
    const MaildirSpool::OpenResult opened = spool.open(settings.spoolDirectory);
    if (!opened.ok()) {
        printError(opened.message);
        return exitStatus(ExitCode::SpoolFailed);
    }
    MessageStore store(&spool, [&log](const QString &line) { log.write(line); });
    store.setReceivingHost(settings.hostname);

    SmtpSessionSettings sessionSettings;
    sessionSettings.hostname = settings.hostname;
    sessionSettings.banner = settings.banner;
    sessionSettings.messageSizeLimit = settings.messageSizeLimit;
    sessionSettings.recipientsMax = settings.recipientsMax;
    sessionSettings.tlsAvailable = false;
    sessionSettings.spaceAvailable = [&spool](qint64 bytes) {
        return spool.hasSpaceFor(bytes);
    };
    SmtpPeer peer;
    peer.address = HostList::normalized(client);
    SmtpSession session(sessionSettings, peer);
    std::signal(SIGPIPE, SIG_IGN);

    bool done = false;
    auto end = [&done](int code) {
        if (done)
            return;
        done = true;
        // exit() from inside the loop; before exec() it would be lost, so always queue it.
        QTimer::singleShot(0, QCoreApplication::instance(),
                           [code] { QCoreApplication::exit(code); });
    };
    auto writeOut = [&](const QByteArray &bytes) {
        qsizetype written = 0;
        while (written < bytes.size()) {
            const ssize_t n = ::write(STDOUT_FILENO, bytes.constData() + written,
                                      size_t(bytes.size() - written));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            written += n;
        }
        return true;
    };
    QTimer timeout;
    timeout.setSingleShot(true);
    auto restartTimeout = [&] {
        if (settings.receiveTimeout.count() > 0)
            timeout.start(settings.receiveTimeout);
    };
    std::function<void()> pump = [&] {
        for (;;) {
            const QByteArray output = session.takeOutput();
            const QList<SmtpEvent> events = session.takeEvents();
            for (const SmtpEvent &e : events) {
                if (e.type == SmtpEvent::Type::Log)
                    log.write(e.text);
            }
            if (!writeOut(output)) {
                end(exitStatus(ExitCode::Ok));
                return;
            }
            const SmtpEvent::Type last
                = events.isEmpty() ? SmtpEvent::Type::Log : events.last().type;
            if (last == SmtpEvent::Type::Close || last == SmtpEvent::Type::StartTls) {
                end(exitStatus(ExitCode::Ok));
                return;
            }
            if (last != SmtpEvent::Type::Message)
                return;
            const StoreOutcome outcome = store.store(events.last().message);
            if (outcome.ok)
                session.messageStored(outcome.id);
            else
                session.messageFailed(true, outcome.reason, outcome.insufficientStorage);
        }
    };
    QObject::connect(&timeout, &QTimer::timeout, &timeout, [&] {
        session.timeout();
        pump();
    });

    // A script on standard input arrives all at once; fed one line at a time, as a client that
    // waits for each reply would send it, it tests the session rather than the pipelining rules.
    QByteArray pending;
    constexpr qsizetype kMaxPendingLine = 64 * 1024;
    auto feedLines = [&](bool atEnd) {
        while (!done && !pending.isEmpty()) {
            qsizetype end = pending.indexOf('\n');
            if (end < 0) {
                if (!atEnd && pending.size() < kMaxPendingLine)
                    return;
                end = pending.size() - 1;
            }
            const QByteArray line = pending.left(end + 1);
            pending.remove(0, end + 1);
            session.feed(line);
            pump();
        }
    };
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &input, [&] {
        if (done)
            return;
        char buffer[65536];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (n <= 0) {
            input.setEnabled(false);
            feedLines(true);
            if (!session.isClosed() && !done)
                log.write(
                    QStringLiteral("unexpected disconnection while reading SMTP command from %1")
                        .arg(session.hostField()));
            end(exitStatus(ExitCode::Ok));
            return;
        }
        pending.append(buffer, n);
        feedLines(false);
        restartTimeout();
    });

    log.write(QStringLiteral("SMTP session on standard input as if from [%1] (-bh)")
                  .arg(peer.address.toString()));
    session.start();
    pump();
    restartTimeout();
    return QCoreApplication::exec();
}

} // namespace Mailport
