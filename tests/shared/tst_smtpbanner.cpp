// SmtpBanner: smtp_banner expanded as Exim does, for the variables Mailport knows.
#include "smtpbanner.h"

#include <QTest>

using namespace Mailport;

class tst_SmtpBanner final : public QObject
{
    Q_OBJECT

private slots:
    void expand_data();
    void expand();
    void unexpanded_data();
    void unexpanded();
    void everyVariableHasAValue();
};

namespace {

SmtpBanner::Variables sample()
{
    SmtpBanner::Variables v;
    v.hostname = QStringLiteral("mx.example.test");
    v.version = QStringLiteral("1.2.3");
    v.now = QDateTime(QDate(2026, 11, 22), QTime(8, 30, 5), Qt::OffsetFromUTC, 3600);
    v.pid = 4242;
    v.client = QHostAddress(QStringLiteral("192.0.2.7"));
    v.clientPort = 50000;
    v.listener = QHostAddress(QStringLiteral("::1"));
    v.listenerPort = 2525;
    return v;
}

} // namespace

void tst_SmtpBanner::expand_data()
{
    QTest::addColumn<QString>("banner");
    QTest::addColumn<QString>("expanded");

    QTest::newRow("Mailport's default")
        << QString::fromLatin1(SmtpBanner::DefaultBanner) << "mx.example.test ESMTP Mailport";
    QTest::newRow("plain text") << "Welcome"
                                << "Welcome";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("braces") << "${primary_hostname}ESMTP"
                            << "mx.example.testESMTP";
    QTest::newRow("name ends at a dot") << "$smtp_active_hostname.ready"
                                        << "mx.example.test.ready";
    QTest::newRow("version and time")
        << "$smtp_active_hostname ESMTP Mailport $version_number $tod_full"
        << "mx.example.test ESMTP Mailport 1.2.3 Sun, 22 Nov 2026 08:30:05 +0100";
    QTest::newRow("tod_log") << "$tod_log"
                             << "2026-11-22 08:30:05";
    QTest::newRow("connection") << "$sender_host_address:$sender_host_port to "
                                   "[$received_ip_address]:$received_port "
                                   "$interface_address $interface_port pid $pid"
                                << "192.0.2.7:50000 to [::1]:2525 ::1 2525 pid 4242";
    QTest::newRow("backslash dollar") << "costs \\$5"
                                      << "costs $5";
    QTest::newRow("backslash backslash") << "a\\\\b"
                                         << "a\\b";
    QTest::newRow("trailing backslash") << "a\\"
                                        << "a\\";
    QTest::newRow("newline kept") << "$primary_hostname ESMTP\nsecond line"
                                  << "mx.example.test ESMTP\nsecond line";
    QTest::newRow("unknown variable as written") << "hi $nosuch there"
                                                 << "hi $nosuch there";
    QTest::newRow("unknown braced as written") << "${nosuch}!"
                                               << "${nosuch}!";
    QTest::newRow("expansion item as written") << "${if eq{1}{1}{yes}{no}}"
                                               << "${if eq{1}{1}{yes}{no}}";
    QTest::newRow("lone dollar") << "cost: $ 5"
                                 << "cost: $ 5";
    QTest::newRow("dollar at end") << "end$"
                                   << "end$";
    QTest::newRow("unclosed brace") << "${primary_hostname"
                                    << "${primary_hostname";
}

void tst_SmtpBanner::expand()
{
    QFETCH(QString, banner);
    QFETCH(QString, expanded);
    QCOMPARE(SmtpBanner::expand(banner, sample()), expanded);
}

void tst_SmtpBanner::unexpanded_data()
{
    QTest::addColumn<QString>("banner");
    QTest::addColumn<QStringList>("references");

    QTest::newRow("default") << QString::fromLatin1(SmtpBanner::DefaultBanner) << QStringList();
    QTest::newRow("all known") << "$tod_full ${pid} $received_port" << QStringList();
    QTest::newRow("typo") << "$smtp_active_hostnme ESMTP" << QStringList{"$smtp_active_hostnme"};
    QTest::newRow("several") << "$a ${b} $primary_hostname ${if x}"
                             << QStringList{"$a", "${b}", "${if"};
    QTest::newRow("escaped is no reference") << "\\$nosuch" << QStringList();
    QTest::newRow("lone dollar") << "$ 5" << QStringList{"$"};
}

void tst_SmtpBanner::unexpanded()
{
    QFETCH(QString, banner);
    QFETCH(QStringList, references);
    QCOMPARE(SmtpBanner::unexpanded(banner), references);
}

void tst_SmtpBanner::everyVariableHasAValue()
{
    // Each name the module offers is replaced (an empty value counts), never sent as written.
    const SmtpBanner::Variables empty;
    for (const QString &name : SmtpBanner::variableNames()) {
        QVERIFY2(!SmtpBanner::expand(u'$' + name, sample()).contains(u'$'), qPrintable(name));
        QVERIFY2(!SmtpBanner::expand(u'$' + name, empty).contains(u'$'), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(tst_SmtpBanner)
#include "tst_smtpbanner.moc"
