#include "addressitem.h"
#include "configuration.h"
#include "listenplan.h"
#include "sendmailoptions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Mailport;

namespace {

// The recorded runs of the real Exim 4.96 (copied from the specification into tests/data).
QJsonArray eximCases()
{
    QFile file(QStringLiteral(MAILPORT_TEST_DATA "/exim-cases.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open exim-cases.json");
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("cases")).toArray();
}

// The namespace the cases ran in: lo only, plus what each case's netns_setup added.
HostInterfaces hostFor(const QJsonArray &setup)
{
    HostInterfaces host = HostInterfaces::loopbackOnly();
    static const QRegularExpression add(QStringLiteral("^ip addr add (\\S+)/(\\d+) dev (\\S+)"));
    for (const QJsonValue &command : setup) {
        const QRegularExpressionMatch m = add.match(command.toString());
        if (!m.hasMatch())
            qFatal("unsupported netns_setup command");
        HostAddress a;
        a.ip = QHostAddress(m.captured(1));
        a.prefixLength = m.captured(2).toInt();
        a.scopeKind = HostInterfaces::scopeKindOf(a.ip);
        if (a.scopeKind == ScopeKind::LinkLocal)
            a.scopeId = m.captured(3);
        host.mutableByName(m.captured(3))->addresses.append(a);
    }
    return host;
}

// Exim's cases list sockets as `ss -ltn` prints them.
QString ssForm(const PlannedSocket &s)
{
    const QString port = s.port == 0 ? QStringLiteral("EPHEMERAL") : QString::number(s.port);
    if (!s.ipv6)
        return s.address + u':' + port;
    const AddressItem a = AddressItem::parse(s.address);
    if (a.anyAddress)
        return (s.v6only ? QStringLiteral("[::]:") : QStringLiteral("*:")) + port;
    QString text = QStringLiteral("[%1]").arg(a.ip.toString());
    if (!s.scope.isEmpty())
        text += u'%' + s.scope;
    return text + u':' + port;
}

// The thing Exim's error message names: the item Mailport's error must name too.
QString namedItem(const QString &error)
{
    static const QList<QRegularExpression> patterns = {
        QRegularExpression(QStringLiteral("Malformed IP address \"(.*)\" in")),
        QRegularExpression(QStringLiteral("TCP port \"(.*)\" not found")),
        QRegularExpression(QStringLiteral("invalid SMTP port: (.*)$")),
        QRegularExpression(QStringLiteral("for address (.*) failed:")),
        QRegularExpression(QStringLiteral("unable to parse \"(.*)\" as an IP address")),
        QRegularExpression(QStringLiteral("for interface \"(.*)\" and daemon_smtp_port")),
    };
    for (const QRegularExpression &re : patterns) {
        const QRegularExpressionMatch m = re.match(error);
        if (m.hasMatch()) {
            const QString name = m.captured(1);
            if (name == QLatin1String("(any IPv4)") || name == QLatin1String("all IPv4"))
                return QStringLiteral("0.0.0.0");
            if (name == QLatin1String("(any IPv6)") || name == QLatin1String("all IPv6"))
                return QStringLiteral("::0");
            return name;
        }
    }
    return QString();
}

struct CaseRun
{
    Configuration config;
    Diagnostics configDiagnostics;
    ListenPlan plan;
};

CaseRun run(const QJsonObject &c)
{
    CaseRun r;
    QStringList lines;
    for (const QJsonValue &line : c.value(QLatin1String("config")).toArray())
        lines.append(line.toString());
    r.config = Configuration::parse(lines.join(u'\n').toUtf8(), &r.configDiagnostics);
    PlanInputs inputs;
    inputs.host = hostFor(c.value(QLatin1String("netns_setup")).toArray());
    const QJsonArray args = c.value(QLatin1String("args")).toArray();
    for (int i = 0; i < args.size(); ++i) {
        if (args[i].toString() == QLatin1String("-oX") && i + 1 < args.size()) {
            inputs.oxGiven = true;
            inputs.oxValue = args[++i].toString();
        } else if (args[i].toString() == QLatin1String("-tls-on-connect")) {
            inputs.tlsOnConnectAll = true;
        } else {
            qFatal("unsupported case argument");
        }
    }
    r.plan = Planner::plan(r.config, inputs);
    return r;
}

} // namespace

class tst_Planner final : public QObject
{
    Q_OBJECT

private slots:
    void eximCase_data();
    void eximCase();
    void diagnostics_data();
    void diagnostics();
    void socketDetails();
    void privilegedPorts();
    void loopbackMissing();
    void oxRejoinSuggestsSemicolon();
    void sendmailPlan();
    void chapterExamples_data();
    void chapterExamples();
};

void tst_Planner::eximCase_data()
{
    QTest::addColumn<QJsonObject>("eximCase");
    for (const QJsonValue &c : eximCases()) {
        const QJsonObject o = c.toObject();
        QTest::newRow(qPrintable(o.value(QLatin1String("name")).toString())) << o;
    }
}

void tst_Planner::eximCase()
{
    QFETCH(QJsonObject, eximCase);
    const CaseRun r = run(eximCase);
    const QString name = eximCase.value(QLatin1String("name")).toString();
    const QStringList errors = [&] {
        QStringList e;
        for (const QJsonValue &v : eximCase.value(QLatin1String("errors")).toArray())
            e.append(v.toString());
        return e;
    }();

    if (eximCase.value(QLatin1String("outcome")).toString() == QLatin1String("listening")) {
        QVERIFY(!hasErrors(r.configDiagnostics));
        QStringList expected;
        for (const QJsonValue &v : eximCase.value(QLatin1String("sockets")).toArray())
            expected.append(v.toString());
        QStringList actual;
        for (const PlannedSocket &s : r.plan.sockets)
            actual.append(ssForm(s));
        expected.sort();
        actual.sort();
        QCOMPARE(actual, expected);

        // The start-up line proves the order as well; Exim's empty-list bug is not reproduced.
        const QString log = eximCase.value(QLatin1String("log")).toString();
        if (!r.plan.sockets.isEmpty())
            QCOMPARE(r.plan.startupLine(), log);
    } else if (errors.join(u' ').contains(QLatin1String("in -oX data"))
               && eximCase.value(QLatin1String("args")).toArray().size() == 2
               && r.plan.diagnostics.size() > 0
               && std::any_of(
                   r.plan.diagnostics.cbegin(), r.plan.diagnostics.cend(),
                   [](const Diagnostic &d) { return d.code == DiagnosticCode::OxRejoin; })) {
        // listening.md §2.3: Exim 4.96's -oX re-split bug; Mailport reads the value correctly,
        // warns that Exim would refuse it and suggests the `<;` spelling.
        QVERIFY(r.plan.ok());
    } else {
        const Diagnostics all = r.configDiagnostics + r.plan.diagnostics;
        QVERIFY2(hasErrors(all), qPrintable(name));
        if (errors.join(u' ').contains(QLatin1String("length limit exceeded"))) {
            QCOMPARE(all.first().code, DiagnosticCode::OptionTooLong);
            return;
        }
        if (errors.join(u' ').contains(QLatin1String("option set for the second time"))) {
            QCOMPARE(all.first().code, DiagnosticCode::OptionSetTwice);
            return;
        }
        QString item;
        for (const QString &e : errors) {
            if (item.isEmpty())
                item = namedItem(e);
        }
        QVERIFY2(!item.isEmpty(), qPrintable(errors.join(u'|')));
        const bool named = std::any_of(all.cbegin(), all.cend(), [&item](const Diagnostic &d) {
            return d.isError() && (d.item == item || d.message.contains(u'"' + item + u'"'));
        });
        QVERIFY2(named, qPrintable(QStringLiteral("%1: no error names \"%2\"").arg(name, item)));
    }

    // Local-host recognition answers as Exim did.
    const QJsonValue local = eximCase.value(QLatin1String("localcheck"));
    if (local.isObject()) {
        const QJsonObject o = local.toObject();
        if (o.contains(QLatin1String("error"))) {
            QVERIFY(std::any_of(r.plan.diagnostics.cbegin(), r.plan.diagnostics.cend(),
                                [](const Diagnostic &d) {
                                    return d.code == DiagnosticCode::LocalCheckMalformed
                                           && d.item == QLatin1String("foo");
                                }));
        } else {
            for (auto it = o.begin(); it != o.end(); ++it)
                QCOMPARE(r.plan.isLocal(it.key()), it.value().toString() == QLatin1String("yes"));
        }
    }

    // -bP prints what Exim printed.
    const QJsonArray bP = eximCase.value(QLatin1String("bP")).toArray();
    if (!bP.isEmpty() && !bP.first().toString().startsWith(QLatin1String("LOG:"))) {
        for (const QJsonValue &line : bP) {
            const QString expected = line.toString();
            QString option = expected.section(QLatin1String(" = "), 0, 0);
            if (option.startsWith(QLatin1String("no_")))
                option = option.mid(3);
            QCOMPARE(r.config.printOptions({option}).value(0), expected);
        }
    }
}

void tst_Planner::diagnostics_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("ox");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("item");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("hex port") << "local_interfaces = 127.0.0.1\ndaemon_smtp_ports = 0x9dd"
                              << QString() << "radix-port"
                              << "warning"
                              << "0x9dd" << 2 << 21;
    QTest::newRow("octal port") << "local_interfaces = 127.0.0.1\ndaemon_smtp_ports = 2525 : 04736"
                                << QString() << "radix-port"
                                << "warning"
                                << "04736" << 2 << 28;
    QTest::newRow("double colon any") << "local_interfaces = <; ::\ndaemon_smtp_ports = 2525"
                                      << QString() << "any-address-spelling"
                                      << "warning"
                                      << "::" << 1 << 23;
    QTest::newRow("tls port not listened") << "daemon_smtp_ports = 2525\ntls_on_connect_ports = 465"
                                           << QString() << "tls-port-not-listened"
                                           << "warning"
                                           << "465" << 2 << 24;
    QTest::newRow("address not on this host") << "local_interfaces = 127.0.0.1.2525 : 10.1.1.1\n"
                                                 "daemon_smtp_ports = 2525"
                                              << QString() << "address-not-local"
                                              << "error"
                                              << "10.1.1.1" << 1 << 37;
    QTest::newRow("port over 65535")
        << "local_interfaces = 127.0.0.1.99999" << QString() << "port-out-of-range"
        << "error"
        << "127.0.0.1.99999" << 1 << 20;
    QTest::newRow("random port") << "daemon_smtp_ports = 0" << QString() << "random-port"
                                 << "error"
                                 << "0" << 1 << 21;
    QTest::newRow("zero truncates") << "local_interfaces = 127.0.0.1\n"
                                       "daemon_smtp_ports = 2525 : 0 : 2526"
                                    << QString() << "port-list-truncated"
                                    << "error"
                                    << "0" << 2 << 28;
    QTest::newRow("tls garbage") << "local_interfaces = 127.0.0.1\ndaemon_smtp_ports = 2525\n"
                                    "tls_on_connect_ports = 2525abc"
                                 << QString() << "tls-port-garbage"
                                 << "error"
                                 << "2525abc" << 3 << 24;
    QTest::newRow("no sockets") << "disable_ipv6 = true\nlocal_interfaces = <; ::1" << QString()
                                << "no-sockets"
                                << "error"
                                << "" << 2 << 23;
    QTest::newRow("ipv6 dropped") << "disable_ipv6 = true\nlocal_interfaces = <; 127.0.0.1 ; ::1\n"
                                     "daemon_smtp_ports = 2525"
                                  << QString() << "ipv6-dropped"
                                  << "warning"
                                  << "::1" << 2 << 35;
    QTest::newRow("continuation column") << "local_interfaces = 127.0.0.1 : \\\n   10.9.9.9\n"
                                            "daemon_smtp_ports = 2525"
                                         << QString() << "address-not-local"
                                         << "error"
                                         << "10.9.9.9" << 2 << 4;
    QTest::newRow("malformed in -oX") << "daemon_smtp_ports = 2525"
                                      << "127.0.0.1.2526 : 300.1.1.1"
                                      << "malformed-address"
                                      << "error"
                                      << "300.1.1.1" << 0 << 18;
    QTest::newRow("scope on a global address")
        << "local_interfaces = <; ::1%lo.2525" << QString() << "bad-scope"
        << "error"
        << "::1%lo" << 1 << 23;
    QTest::newRow("link-local without scope")
        << "local_interfaces = <; fe80::1.2525" << QString() << "scope-required"
        << "error"
        << "fe80::1" << 1 << 23;
    QTest::newRow("unknown option")
        << "local_interface = 127.0.0.1" << QString() << "unknown-option"
        << "error"
        << "local_interface" << 1 << 1;
    QTest::newRow("set twice") << "daemon_smtp_ports = 25\n\ndaemon_smtp_ports = 26" << QString()
                               << "option-set-twice"
                               << "error"
                               << "daemon_smtp_ports" << 3 << 1;
    QTest::newRow("bad boolean") << "disable_ipv6 = perhaps" << QString() << "bad-value"
                                 << "error"
                                 << "perhaps" << 1 << 16;
    QTest::newRow("bad time") << "smtp_receive_timeout = 5 minutes" << QString() << "bad-value"
                              << "error"
                              << "5 minutes" << 1 << 24;
    QTest::newRow("no equals") << "local_interfaces 127.0.0.1" << QString() << "syntax-error"
                               << "error"
                               << "local_interfaces" << 1 << 18;
    QTest::newRow("overlap") << "local_interfaces = 127.0.0.1 : 0.0.0.0\ndaemon_smtp_ports = 2525"
                             << QString() << "wildcard-overlap"
                             << "error"
                             << "0.0.0.0" << 1 << 32;
    QTest::newRow("duplicate") << "local_interfaces = <; ::1 ; ::1\ndaemon_smtp_ports = 2525"
                               << QString() << "duplicate-socket"
                               << "error"
                               << "::1" << 1 << 29;
}

void tst_Planner::diagnostics()
{
    QFETCH(QString, config);
    QFETCH(QString, ox);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(QString, item);
    QFETCH(int, line);
    QFETCH(int, column);

    Diagnostics all;
    const Configuration c = Configuration::parse(config.toUtf8(), &all);
    PlanInputs inputs;
    inputs.oxGiven = !ox.isEmpty();
    inputs.oxValue = ox;
    all += Planner::plan(c, inputs).diagnostics;
    const auto found = std::find_if(all.cbegin(), all.cend(), [&code](const Diagnostic &d) {
        return diagnosticCodeName(d.code) == code;
    });
    QVERIFY2(found != all.cend(), qPrintable(code));
    QCOMPARE(severityName(found->severity), severity);
    QCOMPARE(found->item, item);
    QCOMPARE(found->line, line);
    QCOMPARE(found->column, column);
    QVERIFY(!found->message.isEmpty());
}

void tst_Planner::socketDetails()
{
    Diagnostics d;
    const Configuration c
        = Configuration::parse("local_interfaces = <; [fe80::1%lo]:2525 ; 127.0.0.1 ; ::0\n"
                               "daemon_smtp_ports = 2526 : 4650\ntls_on_connect_ports = 4650\n",
                               &d);
    QVERIFY(d.isEmpty());
    PlanInputs inputs;
    HostAddress ll{QHostAddress(QStringLiteral("fe80::1")), 64, ScopeKind::LinkLocal,
                   QStringLiteral("lo")};
    inputs.host.mutableByName(QStringLiteral("lo"))->addresses.append(ll);
    const ListenPlan plan = Planner::plan(c, inputs);
    QVERIFY(plan.ok());
    QCOMPARE(plan.sockets.size(), 5);
    QCOMPARE(plan.sockets[0].address, QStringLiteral("fe80::1"));
    QCOMPARE(plan.sockets[0].scope, QStringLiteral("lo"));
    QCOMPARE(plan.sockets[0].endpoint(), QStringLiteral("[fe80::1%lo]:2525"));
    QCOMPARE(plan.sockets[0].line, 1);
    QCOMPARE(plan.sockets[0].column, 23);
    QCOMPARE(plan.sockets[2].tls, TlsMode::Smtps);
    QCOMPARE(plan.sockets[1].tls, TlsMode::StartTls);
    QVERIFY(plan.sockets[3].v6only);
    QVERIFY(plan.sockets[3].wildcard);
    QCOMPARE(plan.sockets[3].item, QStringLiteral("::0"));
}

void tst_Planner::privilegedPorts()
{
    Diagnostics d;
    const Configuration c = Configuration::parse("local_interfaces = 127.0.0.1\n", &d);
    PlanInputs inputs;
    inputs.privileged = false;
    const ListenPlan plan = Planner::plan(c, inputs);
    QVERIFY(plan.ok()); // a warning: a root daemon binds it
    QCOMPARE(plan.diagnostics.size(), 1);
    QCOMPARE(plan.diagnostics.first().code, DiagnosticCode::PrivilegedPort);
    QVERIFY(plan.sockets.first().problems.contains(DiagnosticCode::PrivilegedPort));
    inputs.privileged = true;
    QVERIFY(Planner::plan(c, inputs).diagnostics.isEmpty());
}

void tst_Planner::loopbackMissing()
{
    Diagnostics d;
    PlanInputs inputs;
    HostInterface eth;
    eth.name = QStringLiteral("eth0");
    eth.index = 2;
    eth.flags = QNetworkInterface::IsUp | QNetworkInterface::IsRunning;
    eth.addresses.append({QHostAddress(QStringLiteral("192.0.2.10")), 24, ScopeKind::Global, {}});
    inputs.host.addInterface(eth);

    const Configuration specific
        = Configuration::parse("local_interfaces = 192.0.2.10\ndaemon_smtp_ports = 2525\n", &d);
    const ListenPlan plan = Planner::plan(specific, inputs);
    QVERIFY(plan.ok());
    QCOMPARE(plan.diagnostics.size(), 1);
    QCOMPARE(plan.diagnostics.first().code, DiagnosticCode::LoopbackMissing);
    QCOMPARE(plan.diagnostics.first().line, 1);
    QCOMPARE(plan.diagnostics.first().column, 20);

    const Configuration withLoopback = Configuration::parse(
        "local_interfaces = 192.0.2.10 : 127.0.0.1\ndaemon_smtp_ports = 2525\n", &d);
    QVERIFY(Planner::plan(withLoopback, inputs).diagnostics.isEmpty());
    const Configuration wildcard = Configuration::parse("daemon_smtp_ports = 2525\n", &d);
    QVERIFY(Planner::plan(wildcard, inputs).diagnostics.isEmpty());
    QVERIFY(Planner::plan(wildcard, inputs).isLocal(QStringLiteral("192.0.2.10")));
}

void tst_Planner::oxRejoinSuggestsSemicolon()
{
    Diagnostics d;
    const Configuration c = Configuration::parse("daemon_smtp_ports = 2525\n", &d);
    PlanInputs inputs;
    inputs.oxGiven = true;
    inputs.oxValue = QStringLiteral("127.0.0.1.2525 : ::::1.2526");
    const ListenPlan plan = Planner::plan(c, inputs);
    QVERIFY(plan.ok());
    QCOMPARE(plan.sockets.size(), 2);
    QCOMPARE(plan.sockets[1].endpoint(), QStringLiteral("[::1]:2526"));
    QCOMPARE(plan.sockets[1].source, QStringLiteral("-oX"));
    QCOMPARE(plan.diagnostics.size(), 1);
    QVERIFY(
        plan.diagnostics.first().message.contains(QLatin1String("<; 127.0.0.1.2525 ; ::1.2526")));
}

void tst_Planner::sendmailPlan()
{
    const SendmailParseResult parsed = SendmailOptions::parse(
        QStringLiteral("O DaemonPortOptions=Name=MTA-v4, Port=2525, Addr=127.0.0.1, Listen=64, "
                       "ReceiveBufSize=65536\n"
                       "O DaemonPortOptions=Name=MSA, Port=2587, Modify=S\n"
                       "O DaemonPortOptions=Name=MTA-v6, Family=inet6, Port=2587, Modify=O\n"
                       "O DaemonPortOptions=Name=SMTPS, Port=2465, Addr=127.0.0.1, Modify=s\n"));
    QVERIFY(!hasErrors(parsed.diagnostics));
    PlanInputs inputs;
    const ListenPlan plan = Planner::planSendmail(parsed.daemons, inputs);
    QCOMPARE(plan.sockets.size(), 4);
    const PlannedSocket &mta = plan.sockets[0];
    QCOMPARE(mta.endpoint(), QStringLiteral("127.0.0.1:2525"));
    QCOMPARE(mta.name, QStringLiteral("MTA-v4"));
    QCOMPARE(mta.backlog, 64);
    QCOMPARE(mta.receiveBufSize, 65536);
    QCOMPARE(mta.source, QStringLiteral("DaemonPortOptions"));
    QCOMPARE(mta.line, 1);
    QVERIFY(plan.sockets[1].wildcard);
    QVERIFY(plan.sockets[1].noStartTls);
    QCOMPARE(plan.sockets[3].tls, TlsMode::Smtps);
    // sendmail's inet6 any socket is dual-stack on Linux and clashes with the IPv4 one on 2587;
    // Modify=O turns the failure into a warning: sendmail skips that socket.
    QVERIFY(plan.sockets[2].optional);
    QVERIFY(plan.sockets[2].problems.contains(DiagnosticCode::WildcardOverlap));
    QVERIFY(plan.ok());
    QCOMPARE(plan.diagnostics.size(), 1);
    QCOMPARE(plan.diagnostics.first().severity, Severity::Warning);
    QCOMPARE(plan.diagnostics.first().line, 3);

    const SendmailParseResult strict = SendmailOptions::parse(QStringLiteral(
        "O DaemonPortOptions=Port=2587\nO DaemonPortOptions=Family=inet6, Port=2587\n"));
    const ListenPlan clash = Planner::planSendmail(strict.daemons, inputs);
    QVERIFY(!clash.ok());
    QCOMPARE(clash.diagnostics.first().code, DiagnosticCode::WildcardOverlap);
}

void tst_Planner::chapterExamples_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("ox");
    QTest::addColumn<QStringList>("endpoints");
    QTest::addColumn<QStringList>("codes");

    // Every example of the Exim chapter "Starting the daemon and the use of network interfaces",
    // on a host that has the addresses the examples name.
    QTest::newRow("semicolon list")
        << "local_interfaces = <; 127.0.0.1 ; \\\n   192.168.23.65 ; \\\n"
           "   ::1 ; \\\n   3ffe:ffff:836f::fe86:a061"
        << QString()
        << QStringList{"127.0.0.1:25", "192.168.23.65:25", "[::1]:25",
                       "[3ffe:ffff:836f::fe86:a061]:25"}
        << QStringList{};
    QTest::newRow("dot port form")
        << "local_interfaces = <; 192.168.23.65.1234 ; \\\n"
           "   3ffe:ffff:836f::fe86:a061.1234"
        << QString() << QStringList{"192.168.23.65:1234", "[3ffe:ffff:836f::fe86:a061]:1234"}
        << QStringList{"loopback-missing"};
    QTest::newRow("bracket port form")
        << "local_interfaces = <; [192.168.23.65]:1234 ; \\\n"
           "   [3ffe:ffff:836f::fe86:a061]:1234"
        << QString() << QStringList{"192.168.23.65:1234", "[3ffe:ffff:836f::fe86:a061]:1234"}
        << QStringList{"loopback-missing"};
    QTest::newRow("default port") << "daemon_smtp_ports = smtp" << QString()
                                  << QStringList{"[::0]:25", "0.0.0.0:25"} << QStringList{};
    QTest::newRow("IPv4-only default")
        << "local_interfaces = 0.0.0.0" << QString() << QStringList{"0.0.0.0:25"} << QStringList{};
    QTest::newRow("explicit defaults")
        << "daemon_smtp_ports = smtp\nlocal_interfaces = <; ::0 ; 0.0.0.0" << QString()
        << QStringList{"[::0]:25", "0.0.0.0:25"} << QStringList{};
    QTest::newRow("-oX 1225") << ""
                              << "1225" << QStringList{"[::0]:1225", "0.0.0.0:1225"}
                              << QStringList{};
    QTest::newRow("-oX 192.168.34.5.1125")
        << ""
        << "192.168.34.5.1125" << QStringList{"192.168.34.5:1125"}
        << QStringList{"loopback-missing"};
    QTest::newRow("tls_on_connect_ports = 465")
        << "tls_on_connect_ports = 465" << QString() << QStringList{"[::0]:25", "0.0.0.0:25"}
        << QStringList{"tls-port-not-listened"};
    QTest::newRow("scope") << "local_interfaces = <; fe80::202:b3ff:fe03:45c1%eth0" << QString()
                           << QStringList{"[fe80::202:b3ff:fe03:45c1%eth0]:25"}
                           << QStringList{"loopback-missing"};
    QTest::newRow("ports 25 and 26")
        << "daemon_smtp_ports = 25 : 26" << QString()
        << QStringList{"[::0]:25", "0.0.0.0:25", "[::0]:26", "0.0.0.0:26"} << QStringList{};
    QTest::newRow("ports 25 and 26 explicitly, as printed")
        << "local_interfaces = <; ::0.25 ; ::0.26 \\\n   0.0.0.0.25 ; 0.0.0.0.26" << QString()
        << QStringList{"[::0]:25", "0.0.0.0:25"} << QStringList{"malformed-address"};
    QTest::newRow("ports 25 and 26 explicitly, fixed")
        << "local_interfaces = <; ::0.25 ; ::0.26 ; \\\n   0.0.0.0.25 ; 0.0.0.0.26" << QString()
        << QStringList{"[::0]:25", "0.0.0.0:25", "[::0]:26", "0.0.0.0:26"} << QStringList{};
    QTest::newRow("all IPv4 and loopback on 26")
        << "local_interfaces = 0.0.0.0 : 127.0.0.1.26" << QString()
        << QStringList{"0.0.0.0:25", "127.0.0.1:26"} << QStringList{};
    QTest::newRow("specific interfaces only")
        << "local_interfaces = 10.0.0.67 : 192.168.34.67" << QString()
        << QStringList{"10.0.0.67:25", "192.168.34.67:25"} << QStringList{"loopback-missing"};
    QTest::newRow("local host recognition")
        << "local_interfaces = <; 127.0.0.1 ; ::1 ; \\\n   192.168.53.235 ; \\\n"
           "   3ffe:2101:12:1:a00:20ff:fe86:a061\nextra_local_interfaces = <; ::0 ; 0.0.0.0"
        << QString()
        << QStringList{"127.0.0.1:25", "[::1]:25", "192.168.53.235:25",
                       "[3ffe:2101:12:1:a00:20ff:fe86:a061]:25"}
        << QStringList{};
}

void tst_Planner::chapterExamples()
{
    QFETCH(QString, config);
    QFETCH(QString, ox);
    QFETCH(QStringList, endpoints);
    QFETCH(QStringList, codes);

    PlanInputs inputs;
    HostInterface eth;
    eth.name = QStringLiteral("eth0");
    eth.index = 2;
    eth.flags = QNetworkInterface::IsUp | QNetworkInterface::IsRunning;
    for (const char *address :
         {"192.168.23.65", "3ffe:ffff:836f::fe86:a061", "fe80::202:b3ff:fe03:45c1", "10.0.0.67",
          "192.168.34.67", "192.168.34.5", "192.168.53.235", "3ffe:2101:12:1:a00:20ff:fe86:a061"}) {
        const QHostAddress ip{QLatin1String(address)};
        eth.addresses.append({ip,
                              ip.protocol() == QAbstractSocket::IPv6Protocol ? 64 : 24,
                              HostInterfaces::scopeKindOf(ip),
                              {}});
    }
    inputs.host.addInterface(eth);
    inputs.oxGiven = !ox.isEmpty();
    inputs.oxValue = ox;

    Diagnostics d;
    const Configuration c = Configuration::parse(config.toUtf8(), &d);
    QVERIFY(d.isEmpty());
    const ListenPlan plan = Planner::plan(c, inputs);
    QStringList actual;
    for (const PlannedSocket &s : plan.sockets) {
        if (s.problems.isEmpty())
            actual.append(s.endpoint());
    }
    QStringList found;
    for (const Diagnostic &diagnostic : plan.diagnostics)
        found.append(diagnosticCodeName(diagnostic.code));
    QCOMPARE(found, codes);
    if (!codes.contains(QLatin1String("malformed-address")))
        QCOMPARE(actual, endpoints);
    if (QTest::currentDataTag() == QLatin1String("local host recognition")) {
        for (const char *address :
             {"127.0.0.1", "::1", "192.168.23.65", "10.0.0.67", "fe80::202:b3ff:fe03:45c1"})
            QVERIFY2(plan.isLocal(QLatin1String(address)), address);
        QVERIFY(!plan.isLocal(QStringLiteral("192.0.2.99")));
    }
}

QTEST_GUILESS_MAIN(tst_Planner)
#include "tst_planner.moc"
