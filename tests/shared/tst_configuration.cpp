#include "configuration.h"

#include <QTest>

using namespace Mailport;

class tst_Configuration final : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void numbers_data();
    void numbers();
    void booleans_data();
    void booleans();
    void aliasesLastWins();
    void setTwice_data();
    void setTwice();
    void bannerReferences_data();
    void bannerReferences();
    void importModeReportsTheRest();
    void setKeepsSpellingAndUnsetRestoresDefault();
    void printOptions();
};

void tst_Configuration::defaults()
{
    const Configuration c;
    QCOMPARE(c.text(QStringLiteral("local_interfaces")), QStringLiteral("<; ::0 ; 0.0.0.0"));
    QCOMPARE(c.text(QStringLiteral("daemon_smtp_ports")), QStringLiteral("smtp"));
    QCOMPARE(c.text(QStringLiteral("daemon_smtp_port")), QStringLiteral("smtp"));
    QCOMPARE(c.number(QStringLiteral("smtp_connect_backlog")), 20);
    QCOMPARE(c.number(QStringLiteral("smtp_receive_timeout")), 300);
    QCOMPARE(c.number(QStringLiteral("message_size_limit")), 50 * 1024 * 1024);
    QCOMPARE(c.number(QStringLiteral("proxy_protocol_timeout")), 3);
    QCOMPARE(c.number(QStringLiteral("smtp_accept_max_per_host")), -1);
    QVERIFY(!c.boolValue(QStringLiteral("disable_ipv6")));
    QVERIFY(!c.value(QStringLiteral("tls_certificate")).isSet);
    // Every option of listening.md §1 is known.
    for (const char *name : {"local_interfaces",
                             "daemon_smtp_ports",
                             "daemon_smtp_port",
                             "tls_on_connect_ports",
                             "extra_local_interfaces",
                             "disable_ipv6",
                             "smtp_connect_backlog",
                             "primary_hostname",
                             "smtp_banner",
                             "smtp_accept_max",
                             "smtp_accept_max_per_host",
                             "smtp_receive_timeout",
                             "message_size_limit",
                             "recipients_max",
                             "spool_directory",
                             "log_file_path",
                             "pid_file_path",
                             "tls_certificate",
                             "tls_privatekey",
                             "tls_advertise_hosts",
                             "tls_ocsp_file",
                             "hosts_proxy",
                             "proxy_required_hosts",
                             "proxy_protocol_timeout"})
        QVERIFY2(Configuration::spec(QLatin1String(name)), name);
}

void tst_Configuration::numbers_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    QTest::newRow("int") << int(OptionType::Int) << "20" << true << qint64(20);
    QTest::newRow("int K") << int(OptionType::Int) << "2K" << true << qint64(2048);
    QTest::newRow("int garbage") << int(OptionType::Int) << "20x" << false << qint64(0);
    QTest::newRow("int negative") << int(OptionType::Int) << "-1" << false << qint64(0);
    QTest::newRow("size M") << int(OptionType::Size) << "50M" << true << qint64(50 * 1024 * 1024);
    QTest::newRow("size G") << int(OptionType::Size) << "1G" << true << qint64(1024 * 1024 * 1024);
    QTest::newRow("time seconds") << int(OptionType::Time) << "30s" << true << qint64(30);
    QTest::newRow("time plain") << int(OptionType::Time) << "45" << true << qint64(45);
    QTest::newRow("time compound") << int(OptionType::Time) << "1h30m" << true << qint64(5400);
    QTest::newRow("time week") << int(OptionType::Time) << "1w" << true << qint64(604800);
    QTest::newRow("time bad unit") << int(OptionType::Time) << "5y" << false << qint64(0);
    QTest::newRow("time dangling") << int(OptionType::Time) << "1h30" << false << qint64(0);
    QTest::newRow("empty") << int(OptionType::Int) << "" << false << qint64(0);
}

void tst_Configuration::numbers()
{
    QFETCH(int, type);
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    qint64 out = 0;
    QCOMPARE(Configuration::parseNumber(OptionType(type), text, &out), ok);
    if (ok)
        QCOMPARE(out, value);
}

void tst_Configuration::booleans_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("value");
    QTest::newRow("bare") << "disable_ipv6" << true << true;
    QTest::newRow("no_") << "no_disable_ipv6" << true << false;
    QTest::newRow("not_") << "not_disable_ipv6" << true << false;
    QTest::newRow("= true") << "disable_ipv6 = true" << true << true;
    QTest::newRow("= yes") << "disable_ipv6 = yes" << true << true;
    QTest::newRow("= false") << "disable_ipv6 = false" << true << false;
    QTest::newRow("= no") << "disable_ipv6 = no" << true << false;
    QTest::newRow("= maybe") << "disable_ipv6 = maybe" << false << false;
    QTest::newRow("no_ with value") << "no_disable_ipv6 = true" << false << false;
}

void tst_Configuration::booleans()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(bool, value);
    Diagnostics d;
    const Configuration c = Configuration::parse(text.toUtf8(), &d);
    QCOMPARE(d.isEmpty(), valid);
    QCOMPARE(c.boolValue(QStringLiteral("disable_ipv6")), value);
}

void tst_Configuration::aliasesLastWins()
{
    Diagnostics d;
    const Configuration c = Configuration::parse(
        "daemon_smtp_port = 2525\ndaemon_smtp_ports = 2526\nproxy_required_hosts = 10.0.0.1\n", &d);
    QVERIFY(d.isEmpty());
    QCOMPARE(c.text(QStringLiteral("daemon_smtp_ports")), QStringLiteral("2526"));
    QCOMPARE(c.text(QStringLiteral("daemon_smtp_port")), QStringLiteral("2526"));
    QCOMPARE(c.text(QStringLiteral("hosts_proxy")), QStringLiteral("10.0.0.1"));
}

void tst_Configuration::setTwice_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("same spelling") << "daemon_smtp_ports = 1\ndaemon_smtp_ports = 2" << 2;
    QTest::newRow("boolean both ways") << "disable_ipv6\n# x\nno_disable_ipv6" << 3;
}

void tst_Configuration::setTwice()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    Diagnostics d;
    Configuration::parse(text.toUtf8(), &d);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.first().code, DiagnosticCode::OptionSetTwice);
    QCOMPARE(d.first().line, line);
    QVERIFY(d.first().message.contains(QLatin1String("option set for the second time")));
}

void tst_Configuration::bannerReferences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<QList<int>>("columns");
    QTest::newRow("default") << "" << QStringList() << QList<int>();
    QTest::newRow("known only") << "smtp_banner = $smtp_active_hostname ESMTP $tod_full"
                                << QStringList() << QList<int>();
    QTest::newRow("typo") << "smtp_banner = $smtp_active_hostnme ESMTP"
                          << QStringList{"$smtp_active_hostnme"} << QList<int>{15};
    QTest::newRow("quoted, two") << "smtp_banner = \"x ${if def:y{a}} $nosuch\""
                                 << QStringList{"${if", "$nosuch"} << QList<int>{18, 33};
}

// A reference the daemon cannot expand is a warning at the place it is written: Exim would expand
// it, or drop every connection.
void tst_Configuration::bannerReferences()
{
    QFETCH(QString, text);
    QFETCH(QStringList, items);
    QFETCH(QList<int>, columns);
    Diagnostics d;
    Configuration::parse(text.toUtf8(), &d);
    QCOMPARE(d.size(), items.size());
    for (qsizetype i = 0; i < d.size(); ++i) {
        QCOMPARE(d[i].severity, Severity::Warning);
        QCOMPARE(d[i].code, DiagnosticCode::BadValue);
        QCOMPARE(d[i].option, QStringLiteral("smtp_banner"));
        QCOMPARE(d[i].item, items[i]);
        QCOMPARE(d[i].line, 1);
        QCOMPARE(d[i].column, columns[i]);
        QVERIFY(d[i].message.contains(QLatin1String("$smtp_active_hostname")));
    }
}

void tst_Configuration::importModeReportsTheRest()
{
    const QByteArray exim = "primary_hostname = mx.example.org\n"
                            "qualify_domain = example.org\n"
                            "local_interfaces = <; 127.0.0.1 ; ::1\n"
                            "acl_smtp_rcpt = acl_check_rcpt\n"
                            "begin acl\n"
                            "acl_check_rcpt:\n  accept\n";
    Diagnostics strict;
    Configuration::parse(exim, &strict);
    QCOMPARE(strict.size(), 2);
    QVERIFY(hasErrors(strict));
    Diagnostics imported;
    const Configuration c = Configuration::parse(exim, &imported, Configuration::Mode::Import);
    QVERIFY(!hasErrors(imported));
    QCOMPARE(imported.size(), 2);
    QCOMPARE(imported[0].code, DiagnosticCode::UnsupportedInImport);
    QCOMPARE(imported[0].item, QStringLiteral("qualify_domain"));
    QCOMPARE(c.text(QStringLiteral("local_interfaces")), QStringLiteral("<; 127.0.0.1 ; ::1"));
    QVERIFY(c.file().hasOtherSections());
}

void tst_Configuration::setKeepsSpellingAndUnsetRestoresDefault()
{
    Diagnostics d;
    Configuration c = Configuration::parse("# ports\ndaemon_smtp_port = 25\n", &d);
    c.set(QStringLiteral("daemon_smtp_ports"), QStringLiteral("2525 : 2526"));
    QCOMPARE(c.file().toText(), QStringLiteral("# ports\ndaemon_smtp_port = 2525 : 2526\n"));
    c.set(QStringLiteral("disable_ipv6"), QStringLiteral("true"));
    QVERIFY(c.boolValue(QStringLiteral("disable_ipv6")));
    c.unset(QStringLiteral("daemon_smtp_ports"));
    QCOMPARE(c.text(QStringLiteral("daemon_smtp_ports")), QStringLiteral("smtp"));
    QCOMPARE(c.file().toText(), QStringLiteral("# ports\ndisable_ipv6\n"));
}

void tst_Configuration::printOptions()
{
    Diagnostics d;
    const Configuration c = Configuration::parse(
        "local_interfaces = \"<\\n 127.0.0.1 \\n ::1\"\nsmtp_receive_timeout = 1h\n", &d);
    QCOMPARE(
        c.printOptions({QStringLiteral("local_interfaces"), QStringLiteral("disable_ipv6"),
                        QStringLiteral("smtp_receive_timeout"), QStringLiteral("tls_certificate"),
                        QStringLiteral("nonsense")}),
        QStringList({QStringLiteral("local_interfaces = <\\n 127.0.0.1 \\n ::1"),
                     QStringLiteral("no_disable_ipv6"), QStringLiteral("smtp_receive_timeout = 1h"),
                     QStringLiteral("tls_certificate = "),
                     QStringLiteral("nonsense: unknown option")}));
    QCOMPARE(c.printOptions({}).size(), Configuration::options().size());
}

QTEST_APPLESS_MAIN(tst_Configuration)
#include "tst_configuration.moc"
