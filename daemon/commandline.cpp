#include "commandline.h"

#include "controlclient.h"
#include "daemon.h"
#include "exitcodes.h"
#include "loadedconfiguration.h"
#include "planreport.h"

#include <openssl/crypto.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cstdio>

namespace Mailport {

namespace {

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString &message)
{
    printErr(QStringLiteral("mailportd: %1\nTry 'mailportd --help'.\n").arg(message));
    return exitStatus(ExitCode::Usage);
}

// Exim's single-dash option names; QCommandLineParser reads them as long options.
struct Options
{
    QCommandLineOption config{
        QStringLiteral("C"),
        QStringLiteral("Read the configuration from <file> (Exim syntax, or a "
                       "sendmail .cf/.mc file). Without -C: the built-in "
                       "loopback-only default."),
        QStringLiteral("file")};
    QCommandLineOption daemon{QStringLiteral("bd"),
                              QStringLiteral("Run the SMTP daemon in the foreground (the default "
                                             "when no other mode is given).")};
    QCommandLineOption ox{QStringLiteral("oX"),
                          QStringLiteral("Override local_interfaces and/or daemon_smtp_ports with "
                                         "<list>, as Exim's -oX does."),
                          QStringLiteral("list")};
    QCommandLineOption tlsOnConnect{QStringLiteral("tls-on-connect"),
                                    QStringLiteral("Make every listening socket implicit TLS "
                                                   "(SMTPS).")};
    QCommandLineOption printOptions{QStringLiteral("bP"),
                                    QStringLiteral("Print the named options (all when none is "
                                                   "named) as Exim's -bP does.")};
    QCommandLineOption version{QStringLiteral("bV"),
                               QStringLiteral("Print the version, the Qt and OpenSSL versions and "
                                              "the build options.")};
    QCommandLineOption hostSession{QStringLiteral("bh"),
                                   QStringLiteral("Run one SMTP session on standard input and "
                                                  "output, as if from <address>."),
                                   QStringLiteral("address")};
    QCommandLineOption plan{QStringLiteral("plan"),
                            QStringLiteral("Print the sockets the configuration binds, and every "
                                           "problem, without binding anything.")};
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("With --plan: print one JSON object instead of a "
                                           "table.")};
    QCommandLineOption exportAs{QStringLiteral("export"),
                                QStringLiteral("Print the listening options as Exim options "
                                               "(exim) or sendmail DaemonPortOptions (sendmail)."),
                                QStringLiteral("exim|sendmail")};
    QCommandLineOption isLocal{QStringLiteral("is-local"),
                               QStringLiteral("Print yes if Exim would treat <address> as this "
                                              "host, else no."),
                               QStringLiteral("address")};
    QCommandLineOption control{QStringLiteral("control"),
                               QStringLiteral("Talk to a running mailportd: status, listeners, "
                                              "stats, log, messages, reload, shutdown or watch."),
                               QStringLiteral("command")};
    QCommandLineOption controlDir{QStringLiteral("control-dir"),
                                  QStringLiteral("The control socket's directory (default: "
                                                 "$XDG_RUNTIME_DIR/mailport)."),
                                  QStringLiteral("dir")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QStringLiteral("Where the default spool and the generated "
                                              "certificate live (default: the user's data "
                                              "location)."),
                               QStringLiteral("dir")};
    QCommandLineOption noFsync{QStringLiteral("benchmark-no-fsync"),
                               QStringLiteral("UNSAFE, for benchmarks only: acknowledge messages "
                                              "without fsync.")};
};

QString versionText()
{
    return QStringLiteral("mailportd %1 (Mailport)\n"
                          "Qt: built with %2, running %3\n"
                          "OpenSSL: built with %4, running %5\n"
                          "Build: C++20, %6, g++ %7\n"
                          "Features: IPv6, STARTTLS, implicit TLS, PROXY protocol v1/v2, Maildir "
                          "spool with fsync, sendmail DaemonPortOptions\n")
        .arg(QStringLiteral(MAILPORT_VERSION), QStringLiteral(QT_VERSION_STR),
             QString::fromLatin1(qVersion()), QStringLiteral(OPENSSL_VERSION_TEXT),
             QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)),
#ifdef NDEBUG
             QStringLiteral("release"),
#else
             QStringLiteral("debug"),
#endif
             QStringLiteral(__VERSION__));
}

QString exportExim(const LoadedConfiguration &loaded, Diagnostics *notes)
{
    static const QStringList listeningOptions
        = {QStringLiteral("local_interfaces"),  QStringLiteral("extra_local_interfaces"),
           QStringLiteral("daemon_smtp_ports"), QStringLiteral("tls_on_connect_ports"),
           QStringLiteral("disable_ipv6"),      QStringLiteral("smtp_connect_backlog")};
    QString out;
    if (loaded.isSendmail()) {
        const SendmailEximConversion converted = SendmailOptions::toExim(loaded.sendmailDaemons());
        *notes += converted.notConvertible;
        out += QStringLiteral("local_interfaces = %1\n").arg(converted.localInterfaces);
        if (!converted.daemonSmtpPorts.isEmpty())
            out += QStringLiteral("daemon_smtp_ports = %1\n").arg(converted.daemonSmtpPorts);
        if (!converted.smtpConnectBacklog.isEmpty())
            out += QStringLiteral("smtp_connect_backlog = %1\n").arg(converted.smtpConnectBacklog);
        return out;
    }
    const Configuration &config = loaded.configuration();
    for (const QString &name : listeningOptions) {
        const OptionValue v = config.value(name);
        if (!v.isSet)
            continue;
        if (Configuration::spec(name)->type == OptionType::Bool)
            out += (config.boolValue(name) ? name : QLatin1String("no_") + name) + u'\n';
        else
            out += QStringLiteral("%1 = %2\n").arg(name, ConfigFile::formatValue(v.text));
    }
    return out;
}

QString exportSendmail(const ListenPlan &plan, const LoadedConfiguration &loaded,
                       Diagnostics *notes)
{
    if (loaded.isSendmail())
        return SendmailOptions::write(loaded.sendmailDaemons(), SendmailOptions::Syntax::Cf);
    QList<std::pair<QString, int>> sockets;
    for (const PlannedSocket &s : plan.sockets)
        sockets.append({s.scopedAddress(), s.port});
    const qint64 backlog = loaded.configuration().number(QStringLiteral("smtp_connect_backlog"));
    const SendmailFromEximResult converted = SendmailOptions::fromExim(sockets, int(backlog));
    *notes += converted.notConvertible;
    for (const PlannedSocket &s : plan.sockets) {
        if (s.tls == TlsMode::Smtps)
            notes->append(Diagnostic{Severity::Warning, DiagnosticCode::SendmailNotConvertible,
                                     QStringLiteral("tls_on_connect_ports"), s.endpoint(), 0, 0,
                                     QStringLiteral("%1 is implicit TLS: add Modify=s to its "
                                                    "DaemonPortOptions by hand if sendmail should "
                                                    "do the same.")
                                         .arg(s.endpoint())});
    }
    return SendmailOptions::write(converted.daemons, SendmailOptions::Syntax::Cf);
}

void printDiagnostics(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        printErr(PlanReport::toLine(d) + u'\n');
}

ControlProtocol::Request controlRequest(const QString &command, bool *known)
{
    *known = true;
    const std::optional<ControlProtocol::Request> r = ControlProtocol::requestFromName(command);
    if (r && *r != ControlProtocol::Request::Hello && *r != ControlProtocol::Request::Subscribe)
        return *r;
    *known = false;
    return ControlProtocol::Request::Status;
}

// Runs one --control command against a running daemon; `watch` streams events until interrupted.
int runControl(QCoreApplication &app, const QString &command, const QString &directory)
{
    const bool watch = command == QLatin1String("watch");
    bool known = false;
    const ControlProtocol::Request request = controlRequest(command, &known);
    if (!watch && !known)
        return usageError(QStringLiteral("unknown --control command \"%1\" (use status, listeners, "
                                         "stats, log, messages, reload, shutdown or watch)")
                              .arg(command));
    ControlClient client;
    client.setClientName(QStringLiteral("mailportd --control"));
    int status = exitStatus(ExitCode::Ok);
    // Requests made while connecting wait for the handshake; made before it, they fail.
    client.connectToDaemon(directory);
    const auto print = [](const QJsonObject &object) {
        printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    };
    if (watch) {
        QObject::connect(
            &client, &ControlClient::eventReceived, &app,
            [](ControlProtocol::Event event, const QJsonObject &payload) {
                QJsonObject line = payload;
                line.insert(QStringLiteral("event"), ControlProtocol::eventName(event));
                printOut(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact))
                         + u'\n');
            });
        QObject::connect(&client, &ControlClient::disconnected, &app, [] {
            printErr(QStringLiteral("mailportd: the daemon closed the control connection\n"));
            QCoreApplication::exit(exitStatus(ExitCode::Ok));
        });
        client.subscribe({}, [&status](const ControlProtocol::Reply &reply) {
            if (!reply.ok) {
                printErr(QStringLiteral("mailportd: %1\n").arg(reply.detail));
                status = exitStatus(ExitCode::ControlFailed);
                QCoreApplication::exit(status);
            }
        });
    } else {
        client.request(request, {}, [&status, print](const ControlProtocol::Reply &reply) {
            if (reply.ok) {
                print(reply.result);
            } else {
                printErr(QStringLiteral("mailportd: %1 (%2)\n")
                             .arg(reply.detail, ControlProtocol::errorName(reply.error)));
                status = exitStatus(ExitCode::ControlFailed);
            }
            QCoreApplication::exit(status);
        });
    }
    const int code = app.exec();
    return code != 0 ? code : status;
}

} // namespace

int runCommandLine(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "mailportd: Mailport's SMTP listener.\n"
        "Checks Exim's listening options (local_interfaces, daemon_smtp_ports, "
        "tls_on_connect_ports, -oX) and sendmail's DaemonPortOptions exactly as Exim 4.96 and "
        "sendmail read them, shows the sockets they bind, and runs a test SMTP daemon that binds "
        "them for real."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    Options o;
    parser.addOptions({o.config, o.daemon, o.ox, o.tlsOnConnect, o.printOptions, o.version,
                       o.hostSession, o.plan, o.json, o.exportAs, o.isLocal, o.control,
                       o.controlDir, o.dataDir, o.noFsync});
    parser.addPositionalArgument(QStringLiteral("option"),
                                 QStringLiteral("With -bP: the options to print."),
                                 QStringLiteral("[option...]"));

    if (!parser.parse(app.arguments())) {
        QString message = parser.errorText();
        for (const QString &argument : app.arguments().mid(1)) {
            if (argument.startsWith(QLatin1String("-oX")) && argument.size() > 3
                && argument[3] != u'=')
                message = QStringLiteral("unknown, malformed, or incomplete option %1 (write -oX "
                                         "and its value as two arguments)")
                              .arg(argument);
        }
        return usageError(message);
    }
    if (parser.isSet(help)) {
        // Exim's options are written with one dash; QCommandLineParser lists every long option
        // with two, which would mislead an Exim admin.
        QString text = parser.helpText();
        static const QRegularExpression eximOption(
            QStringLiteral("  --(bd|oX|bP|bV|bh|tls-on-connect)( <[^>]+>)? "));
        text.replace(eximOption, QStringLiteral("  -\\1\\2  "));
        printOut(text);
        printOut(QStringLiteral(
            "\nExamples:\n"
            "  mailportd -C exim.conf --plan          the sockets and every problem, as a table\n"
            "  mailportd -C exim.conf --plan --json   the same as one JSON object\n"
            "  mailportd -C exim.conf -oX '<; [::1]:2526' --plan\n"
            "  mailportd -C exim.conf -bP local_interfaces\n"
            "  mailportd -C sendmail.mc --export exim\n"
            "  mailportd -C exim.conf --is-local 127.0.0.2\n"
            "  mailportd -C exim.conf -bd             run the test daemon in the foreground\n"
            "  mailportd --control status             ask the running daemon\n"
            "\nExit status: 0 success; 1 configuration errors; 2 bad arguments; 3 a socket "
            "could not be bound;\n4 another mailportd is running; 5 no usable certificate for an "
            "implicit-TLS listener;\n6 the spool cannot be used; 7 the control connection failed; "
            "70 internal error.\n"));
        return exitStatus(ExitCode::Ok);
    }
    if (parser.isSet(versionOption) || parser.isSet(o.version)) {
        printOut(versionText());
        return exitStatus(ExitCode::Ok);
    }
    if (parser.isSet(o.control))
        return runControl(app, parser.value(o.control), parser.value(o.controlDir));
    if (!parser.positionalArguments().isEmpty() && !parser.isSet(o.printOptions))
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    if (parser.isSet(o.json) && !parser.isSet(o.plan))
        return usageError(QStringLiteral("--json goes with --plan"));
    if (parser.isSet(o.exportAs) && parser.value(o.exportAs) != QLatin1String("exim")
        && parser.value(o.exportAs) != QLatin1String("sendmail"))
        return usageError(QStringLiteral("--export takes exim or sendmail, not \"%1\"")
                              .arg(parser.value(o.exportAs)));

    PlanInputs inputs = PlanInputs::forThisHost();
    inputs.oxGiven = parser.isSet(o.ox);
    inputs.oxValue = parser.value(o.ox);
    inputs.tlsOnConnectAll = parser.isSet(o.tlsOnConnect);
    const LoadedConfiguration loaded = parser.isSet(o.config)
                                           ? LoadedConfiguration::fromFile(parser.value(o.config))
                                           : LoadedConfiguration::builtInDefault(inputs.host);

    if (parser.isSet(o.printOptions)) {
        if (hasErrors(loaded.diagnostics())) {
            printDiagnostics(loaded.diagnostics());
            return exitStatus(ExitCode::ConfigError);
        }
        printOut(loaded.configuration().printOptions(parser.positionalArguments()).join(u'\n')
                 + u'\n');
        return exitStatus(ExitCode::Ok);
    }

    const ListenPlan plan = loaded.plan(inputs);
    if (parser.isSet(o.plan)) {
        if (parser.isSet(o.json))
            printOut(QString::fromUtf8(
                QJsonDocument(PlanReport::toJson(plan)).toJson(QJsonDocument::Indented)));
        else
            printOut(PlanReport::toTable(plan));
        return exitStatus(plan.ok() ? ExitCode::Ok : ExitCode::ConfigError);
    }
    if (parser.isSet(o.isLocal)) {
        Diagnostics failures;
        for (const Diagnostic &d : plan.diagnostics) {
            if (d.isError() || d.code == DiagnosticCode::LocalCheckMalformed)
                failures.append(d);
        }
        if (!failures.isEmpty()) {
            printDiagnostics(failures);
            return exitStatus(ExitCode::ConfigError);
        }
        printOut(plan.isLocal(parser.value(o.isLocal)) ? QStringLiteral("yes\n")
                                                       : QStringLiteral("no\n"));
        return exitStatus(ExitCode::Ok);
    }
    if (parser.isSet(o.exportAs)) {
        if (hasErrors(loaded.diagnostics())) {
            printDiagnostics(loaded.diagnostics());
            return exitStatus(ExitCode::ConfigError);
        }
        Diagnostics notes;
        printOut(parser.value(o.exportAs) == QLatin1String("exim")
                     ? exportExim(loaded, &notes)
                     : exportSendmail(plan, loaded, &notes));
        printDiagnostics(notes);
        return exitStatus(ExitCode::Ok);
    }

    if (hasErrors(loaded.diagnostics())) {
        printDiagnostics(loaded.diagnostics());
        return exitStatus(ExitCode::ConfigError);
    }
    DaemonOptions options;
    options.configuration = loaded;
    options.planInputs = inputs;
    options.configPath = parser.isSet(o.config) ? parser.value(o.config) : QString();
    options.controlDirectory = parser.value(o.controlDir);
    options.dataDirectory = parser.value(o.dataDir);
    options.unsafeNoFsync = parser.isSet(o.noFsync);
    if (parser.isSet(o.hostSession)) {
        const QHostAddress client(parser.value(o.hostSession));
        if (client.isNull())
            return usageError(QStringLiteral("-bh takes an IP address, not \"%1\"")
                                  .arg(parser.value(o.hostSession)));
        return runStdioSession(options, client);
    }
    return runDaemon(options);
}

} // namespace Mailport
