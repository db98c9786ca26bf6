#include "configfile.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Mailport;

class tst_ConfigFile final : public QObject
{
    Q_OBJECT

private slots:
    void entries_data();
    void entries();
    void positionsAcrossContinuations();
    void roundTripUntouched_data();
    void roundTripUntouched();
    void setValueKeepsEverythingElse();
    void setValueAppendsBeforeSections();
    void setValueQuotesWhenNeeded_data();
    void setValueQuotesWhenNeeded();
    void setBoolAndRemove();
    void badInput_data();
    void badInput();
    void randomBytesNeverCrash();
};

void tst_ConfigFile::entries_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("hasEquals");

    QTest::newRow("plain") << "local_interfaces = 127.0.0.1"
                           << "local_interfaces"
                           << "127.0.0.1" << true;
    QTest::newRow("no spaces") << "daemon_smtp_ports=2525"
                               << "daemon_smtp_ports"
                               << "2525" << true;
    QTest::newRow("trailing space removed") << "daemon_smtp_ports = 2525   \t"
                                            << "daemon_smtp_ports"
                                            << "2525" << true;
    QTest::newRow("bare boolean") << "disable_ipv6"
                                  << "disable_ipv6"
                                  << "" << false;
    QTest::newRow("continuation joins without separator")
        << "local_interfaces = <; ::0.2525     ; ::0.2526 \\\n      0.0.0.0.2525 ; 0.0.0.0.2526"
        << "local_interfaces"
        << "<; ::0.2525     ; ::0.2526 0.0.0.0.2525 ; 0.0.0.0.2526" << true;
    QTest::newRow("continuation with trailing spaces") << "local_interfaces = a : \\   \n  b"
                                                       << "local_interfaces"
                                                       << "a : b" << true;
    QTest::newRow("quoted newline separator") << "local_interfaces = \"<\\n 127.0.0.1 \\n ::1\""
                                              << "local_interfaces"
                                              << "<\n 127.0.0.1 \n ::1" << true;
    QTest::newRow("quoted escapes") << "smtp_banner = \"a\\\"b\\\\c\\x41\\101\\td\""
                                    << "smtp_banner"
                                    << "a\"b\\cAA\td" << true;
    QTest::newRow("indented") << "   smtp_banner = hello"
                              << "smtp_banner"
                              << "hello" << true;
    QTest::newRow("dollar not special") << "smtp_banner = $x"
                                        << "smtp_banner"
                                        << "$x" << true;
    QTest::newRow("crlf file") << "# c\r\nsmtp_banner = x\r\n"
                               << "smtp_banner"
                               << "x" << true;
}

void tst_ConfigFile::entries()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, hasEquals);
    Diagnostics d;
    const ConfigFile file = ConfigFile::parse(text, &d);
    QVERIFY2(d.isEmpty(), qPrintable(d.value(0).message));
    QCOMPARE(file.entries().size(), 1);
    QCOMPARE(file.entries().first().name, name);
    QCOMPARE(file.entries().first().value, value);
    QCOMPARE(file.entries().first().hasEquals, hasEquals);
}

void tst_ConfigFile::positionsAcrossContinuations()
{
    Diagnostics d;
    const ConfigFile file = ConfigFile::parse(
        QStringLiteral(
            "# comment\nlocal_interfaces = 127.0.0.1 : \\\n      10.0.0.1 : \\\n  ::::1\n"),
        &d);
    const ConfigEntry &e = file.entries().first();
    QCOMPARE(e.firstLine, 2);
    QCOMPARE(e.lastLine, 4);
    QCOMPARE(e.value, QStringLiteral("127.0.0.1 : 10.0.0.1 : ::::1"));
    SourceSpan at = e.position(0);
    QCOMPARE(at.line, 2);
    QCOMPARE(at.column, 20);
    at = e.position(int(e.value.indexOf(u"10.0")));
    QCOMPARE(at.line, 3);
    QCOMPARE(at.column, 7);
    at = e.position(int(e.value.indexOf(u"::::1")));
    QCOMPARE(at.line, 4);
    QCOMPARE(at.column, 3);
}

void tst_ConfigFile::roundTripUntouched_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("no final newline") << "local_interfaces = 127.0.0.1";
    QTest::newRow("comments and blank lines")
        << "# Exim\n\n  # indented comment\nlocal_interfaces = 127.0.0.1\n\n";
    QTest::newRow("continuations") << "local_interfaces = a : \\\n   b\n";
    QTest::newRow("crlf") << "a_b = 1\r\n# x\r\n";
    QTest::newRow("other sections")
        << "local_interfaces = ::1\nbegin acl\nacl_check_rcpt:\n  accept\n";
}

void tst_ConfigFile::roundTripUntouched()
{
    QFETCH(QString, text);
    Diagnostics d;
    QCOMPARE(ConfigFile::parse(text, &d).toText(), text);
}

void tst_ConfigFile::setValueKeepsEverythingElse()
{
    Diagnostics d;
    ConfigFile file = ConfigFile::parse(QStringLiteral("# Listening\n"
                                                       "daemon_smtp_port = 25\n"
                                                       "local_interfaces = 127.0.0.1 : \\\n"
                                                       "   ::::1\n"
                                                       "\n"
                                                       "# Limits\n"
                                                       "smtp_accept_max = 20\n"),
                                        &d);
    file.setValue(QStringLiteral("local_interfaces"),
                  QStringLiteral("<; 127.0.0.1 ; ::1 ; 10.0.0.1"));
    QCOMPARE(file.toText(), QStringLiteral("# Listening\n"
                                           "daemon_smtp_port = 25\n"
                                           "local_interfaces = <; 127.0.0.1 ; ::1 ; 10.0.0.1\n"
                                           "\n"
                                           "# Limits\n"
                                           "smtp_accept_max = 20\n"));
    const QString before = file.toText();
    file.setValue(QStringLiteral("smtp_accept_max"), QStringLiteral("20"));
    QCOMPARE(file.toText(), before); // unchanged value: not even reformatted
    QCOMPARE(file.find(QStringLiteral("smtp_accept_max"))->firstLine, 6);
}

void tst_ConfigFile::setValueAppendsBeforeSections()
{
    Diagnostics d;
    ConfigFile file
        = ConfigFile::parse(QStringLiteral("primary_hostname = mx\n\nbegin acl\nx:\n"), &d);
    QVERIFY(file.hasOtherSections());
    file.setValue(QStringLiteral("daemon_smtp_ports"), QStringLiteral("2525"));
    QCOMPARE(file.toText(),
             QStringLiteral("primary_hostname = mx\ndaemon_smtp_ports = 2525\n\nbegin acl\nx:\n"));
    QCOMPARE(file.entries().size(), 2);
}

void tst_ConfigFile::setValueQuotesWhenNeeded_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain") << "127.0.0.1"
                           << "127.0.0.1";
    QTest::newRow("newline") << "<\n a \n b"
                             << "\"<\\n a \\n b\"";
    QTest::newRow("leading space") << " x"
                                   << "\" x\"";
    QTest::newRow("starts with quote") << "\"x"
                                       << "\"\\\"x\"";
    QTest::newRow("ends with backslash") << "a\\"
                                         << "\"a\\\\\"";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_ConfigFile::setValueQuotesWhenNeeded()
{
    QFETCH(QString, value);
    QFETCH(QString, written);
    QCOMPARE(ConfigFile::formatValue(value), written);
    Diagnostics d;
    ConfigFile file = ConfigFile::parse(QString(), &d);
    file.setValue(QStringLiteral("smtp_banner"), value);
    const ConfigFile back = ConfigFile::parse(file.toText(), &d);
    QVERIFY(d.isEmpty());
    QCOMPARE(back.find(QStringLiteral("smtp_banner"))->value, value);
}

void tst_ConfigFile::setBoolAndRemove()
{
    Diagnostics d;
    ConfigFile file = ConfigFile::parse(QStringLiteral("no_disable_ipv6\nsmtp_banner = x\n"), &d);
    file.setBool(QStringLiteral("disable_ipv6"), true);
    QCOMPARE(file.toText(), QStringLiteral("disable_ipv6\nsmtp_banner = x\n"));
    file.remove(QStringLiteral("disable_ipv6"));
    QCOMPARE(file.toText(), QStringLiteral("smtp_banner = x\n"));
    file.setBool(QStringLiteral("disable_ipv6"), false);
    QCOMPARE(file.toText(), QStringLiteral("smtp_banner = x\nno_disable_ipv6\n"));
}

void tst_ConfigFile::badInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("no equals") << QByteArray("local_interfaces 127.0.0.1") << 1 << "Expected \"=\"";
    QTest::newRow("invalid utf-8")
        << QByteArray("smtp_banner = ok\nsmtp_banner = \xff\xfe\n") << 2 << "not valid UTF-8";
    QTest::newRow("nul byte") << QByteArray("smtp_banner = a\0b", 17) << 1 << "NUL byte";
    QTest::newRow("unterminated quote")
        << QByteArray("smtp_banner = \"abc") << 1 << "no closing quote";
    QTest::newRow("text after quote")
        << QByteArray("smtp_banner = \"abc\" x") << 1 << "after the quoted value";
    QTest::newRow("directive") << QByteArray(".include /etc/x") << 1 << "not supported";
    QTest::newRow("macro") << QByteArray("FOO = bar") << 1 << "Macro";
    QTest::newRow("starts with digit")
        << QByteArray("9lives = 1") << 1 << "Expected an option name";
    QTest::newRow("binary garbage")
        << QByteArray("\x01\x02\x03 = \x04") << 1 << "Expected an option name";
}

void tst_ConfigFile::badInput()
{
    QFETCH(QByteArray, data);
    QFETCH(int, line);
    QFETCH(QString, fragment);
    Diagnostics d;
    const ConfigFile file = ConfigFile::parse(data, &d);
    QVERIFY(!d.isEmpty());
    QCOMPARE(d.first().line, line);
    QVERIFY2(d.first().message.contains(fragment), qPrintable(d.first().message));
    QVERIFY(d.first().isError());
    for (const ConfigEntry &e : file.entries())
        QVERIFY(e.firstLine != line);
}

void tst_ConfigFile::randomBytesNeverCrash()
{
    QRandomGenerator random(20261122);
    for (int round = 0; round < 300; ++round) {
        QByteArray data(int(random.bounded(2000)), Qt::Uninitialized);
        for (char &c : data)
            c = char(random.bounded(256));
        Diagnostics d;
        const ConfigFile file = ConfigFile::parse(data, &d);
        for (const ConfigEntry &e : file.entries())
            QVERIFY(e.firstLine >= 1 && e.lastLine >= e.firstLine);
    }
    // One 1 MiB line is read as a value, without trouble.
    Diagnostics d;
    const QByteArray huge = "smtp_banner = " + QByteArray(1 << 20, 'x');
    const ConfigFile file = ConfigFile::parse(huge, &d);
    QVERIFY(d.isEmpty());
    QCOMPARE(file.entries().first().value.size(), 1 << 20);
}

QTEST_APPLESS_MAIN(tst_ConfigFile)
#include "tst_configfile.moc"
