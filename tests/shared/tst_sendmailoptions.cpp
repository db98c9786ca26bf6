#include "sendmailoptions.h"

#include <QFile>
#include <QTest>

using namespace Mailport;

namespace {

const QString cfPrefix = QStringLiteral("O DaemonPortOptions=");

QString dataFile(const QString &name)
{
    QFile file(QStringLiteral(MAILPORT_TEST_DATA "/sendmail/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data file");
    return QString::fromUtf8(file.readAll());
}

// Positions differ between a text and what write() makes of it; everything else must not.
QList<SendmailDaemon> withoutPositions(QList<SendmailDaemon> daemons)
{
    for (SendmailDaemon &d : daemons) {
        d.line = 0;
        d.column = 0;
    }
    return daemons;
}

QList<SendmailDaemon> withSpelling(QList<SendmailDaemon> daemons, const QString &spelling)
{
    for (SendmailDaemon &d : daemons)
        d.spelling = spelling;
    return daemons;
}

Diagnostics notInfo(const Diagnostics &all)
{
    Diagnostics out;
    for (const Diagnostic &d : all) {
        if (d.severity != Severity::Info)
            out.append(d);
    }
    return out;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics) {
        lines.append(QStringLiteral("%1 %2 %3:%4 [%5] %6")
                         .arg(severityName(d.severity), diagnosticCodeName(d.code))
                         .arg(d.line)
                         .arg(d.column)
                         .arg(d.item, d.message));
    }
    return lines.join(u'\n');
}

QString severityLetter(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("E");
    case Severity::Warning:
        return QStringLiteral("W");
    case Severity::Info:
        return QStringLiteral("I");
    }
    return QString();
}

// "E:item" per diagnostic: what the conversion tables compare.
QStringList notes(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(severityLetter(d.severity) + u':' + d.item);
    return out;
}

QList<std::pair<QString, int>> sockets(const QStringList &encoded)
{
    QList<std::pair<QString, int>> out;
    for (const QString &s : encoded) {
        const qsizetype bar = s.lastIndexOf(u'|');
        out.append({s.left(bar), s.mid(bar + 1).toInt()});
    }
    return out;
}

// A fixed pseudo-random byte string, so that the garbage test is the same on every run.
QByteArray pseudoRandomBytes(int size)
{
    QByteArray bytes(size, '\0');
    quint32 state = 2463534242u;
    for (char &b : bytes) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        b = static_cast<char>(state & 0xff);
    }
    return bytes;
}

} // namespace

class tst_SendmailOptions final : public QObject
{
    Q_OBJECT

private slots:
    void spellings_data();
    void spellings();
    void notDeclarations_data();
    void notDeclarations();
    void severalDeclarations();
    void keys_data();
    void keys();
    void diagnostics_data();
    void diagnostics();
    void lineAndColumn_data();
    void lineAndColumn();
    void defineKeepsLastDefinition();
    void write_data();
    void write();
    void shellQuoting();
    void roundTrip_data();
    void roundTrip();
    void toExim_data();
    void toExim();
    void fromExim_data();
    void fromExim();
    void fromEximThenToExim();
    void looksLikeSendmail_data();
    void looksLikeSendmail();
    void looksLikeM4_data();
    void looksLikeM4();
    void garbage_data();
    void garbage();
    void fixtureCf();
    void fixtureMc();
    void fixtureCommandLine();
};

void tst_SendmailOptions::spellings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("port");

    const QString cf = SendmailOptions::SpellingCf;
    const QString cfOld = SendmailOptions::SpellingCfDeprecated;
    const QString cmd = SendmailOptions::SpellingCommandLine;
    const QString cmdOld = SendmailOptions::SpellingCommandLineDeprecated;
    const QString mc = SendmailOptions::SpellingMc;
    const QString define = SendmailOptions::SpellingMcDefine;

    QTest::newRow("cf") << QStringLiteral("O DaemonPortOptions=Port=2525, Name=MTA") << cf
                        << QStringLiteral("MTA") << 2525;
    QTest::newRow("cf option name in any case")
        << QStringLiteral("O daemonportoptions=Port=2525,Name=x") << cf << QStringLiteral("x")
        << 2525;
    QTest::newRow("cf blanks around =")
        << QStringLiteral("O DaemonPortOptions = Port=2525") << cf << QString() << 2525;
    QTest::newRow("cf with CRLF") << QStringLiteral("O DaemonPortOptions=Port=2525,Name=x\r\n")
                                  << cf << QStringLiteral("x") << 2525;
    QTest::newRow("cf trailing comment")
        << QStringLiteral("O DaemonPortOptions=P=26,A=127.0.0.1  # Only listen locally") << cf
        << QString() << 26;
    QTest::newRow("cf escaped hash") << QStringLiteral("O DaemonPortOptions=Name=a\\#b,Port=26")
                                     << cf << QStringLiteral("a#b") << 26;
    QTest::newRow("cf folded line")
        << QStringLiteral("O DaemonPortOptions=Port=2525,\n\tName=Folded") << cf
        << QStringLiteral("Folded") << 2525;
    QTest::newRow("cf deprecated")
        << QStringLiteral("OOPort=2525,Name=Old") << cfOld << QStringLiteral("Old") << 2525;
    QTest::newRow("command line") << QStringLiteral(
        "/usr/sbin/sendmail -bd -q30m -ODaemonPortOptions=Port=2525,Name=Cmd")
                                  << cmd << QStringLiteral("Cmd") << 2525;
    QTest::newRow("command line, separate argument")
        << QStringLiteral("sendmail -bd -O DaemonPortOptions=Port=2525") << cmd << QString()
        << 2525;
    QTest::newRow("command line, quoted")
        << QStringLiteral("sendmail -bd '-ODaemonPortOptions=Port=2525, Name=Quoted One'") << cmd
        << QStringLiteral("Quoted One") << 2525;
    QTest::newRow("command line, double-quoted value")
        << QStringLiteral("sendmail -bd -ODaemonPortOptions=\"Port=2525, Name=Dq\"") << cmd
        << QStringLiteral("Dq") << 2525;
    QTest::newRow("command line in a shell variable")
        << QStringLiteral("sendmail_flags=\"-bd -ODaemonPortOptions=Port=2525,Name=Var\"") << cmd
        << QStringLiteral("Var") << 2525;
    QTest::newRow("command line deprecated") << QStringLiteral("sendmail -bd -oOPort=2525,Name=Old")
                                             << cmdOld << QStringLiteral("Old") << 2525;
    QTest::newRow("command line deprecated, separate argument")
        << QStringLiteral("sendmail -bd -o OPort=2525") << cmdOld << QString() << 2525;
    QTest::newRow("mc DAEMON_OPTIONS") << QStringLiteral("DAEMON_OPTIONS(`Port=2525, Name=MTA')dnl")
                                       << mc << QStringLiteral("MTA") << 2525;
    QTest::newRow("mc DAEMON_OPTIONS double quotes")
        << QStringLiteral("DAEMON_OPTIONS(``Port=2525, Name=MTA'')dnl") << mc
        << QStringLiteral("MTA") << 2525;
    QTest::newRow("mc DAEMON_OPTIONS blank before value")
        << QStringLiteral("DAEMON_OPTIONS(  `Port=2525')") << mc << QString() << 2525;
    QTest::newRow("mc define") << QStringLiteral(
        "define(`confDAEMON_OPTIONS', ``Port=2525, Name=MTA'')dnl")
                               << define << QStringLiteral("MTA") << 2525;
    QTest::newRow("mc define single quotes")
        << QStringLiteral("define(`confDAEMON_OPTIONS', `Port=2525, Name=MTA')") << define
        << QStringLiteral("MTA") << 2525;
    QTest::newRow("mc value with a cf comment")
        << QStringLiteral("DAEMON_OPTIONS(`Port=2525 # not for sendmail, Name=x')dnl") << mc
        << QString() << 2525;
}

void tst_SendmailOptions::spellings()
{
    QFETCH(QString, text);
    QFETCH(QString, spelling);
    QFETCH(QString, name);
    QFETCH(int, port);

    const SendmailParseResult r = SendmailOptions::parse(text);
    QVERIFY2(notInfo(r.diagnostics).isEmpty(), qPrintable(describe(r.diagnostics)));
    QVERIFY(r.isSendmail);
    QCOMPARE(r.daemons.size(), 1);
    QCOMPARE(r.daemons.front().spelling, spelling);
    QCOMPARE(r.daemons.front().name, name);
    QCOMPARE(r.daemons.front().resolvedPort, port);
}

void tst_SendmailOptions::notDeclarations_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("cf comment") << QStringLiteral("V10/Berkeley\n#O DaemonPortOptions=Port=25\n");
    QTest::newRow("other cf option") << QStringLiteral("O ClientPortOptions=Family=inet\n");
    QTest::newRow("single-letter option D") << QStringLiteral("ODaemonPortOptions=Port=25\n");
    QTest::newRow("tab instead of blank") << QStringLiteral("O\tDaemonPortOptions=Port=25\n");
    QTest::newRow("indented is a continuation")
        << QStringLiteral("V10/Berkeley\n O DaemonPortOptions=Port=25\n");
    QTest::newRow("mc dnl") << QStringLiteral("dnl DAEMON_OPTIONS(`Port=25')dnl\n");
    QTest::newRow("mc comment") << QStringLiteral("divert(0)dnl\n# DAEMON_OPTIONS(`Port=25')\n");
    QTest::newRow("mc quoted") << QStringLiteral("divert(0)dnl\n`DAEMON_OPTIONS(`Port=25')'\n");
    QTest::newRow("mc other define")
        << QStringLiteral("define(`confCLIENT_OPTIONS', `Family=inet')dnl\n");
    QTest::newRow("mc name without parenthesis") << QStringLiteral("dnl\nDAEMON_OPTIONS\n");
    QTest::newRow("mc longer macro name") << QStringLiteral("dnl\nMY_DAEMON_OPTIONS(`Port=25')\n");
    QTest::newRow("compiler flags") << QStringLiteral("gcc -O2 -o out -oOutput main.c\n");
    QTest::newRow("shell comment") << QStringLiteral("# sendmail -ODaemonPortOptions=Port=25\n");
    QTest::newRow("shell word comment")
        << QStringLiteral("sendmail -bd #-ODaemonPortOptions=Port=25\n");
    QTest::newRow("other -O option") << QStringLiteral("sendmail -OQueueDirectory=/tmp\n");
}

void tst_SendmailOptions::notDeclarations()
{
    QFETCH(QString, text);
    const SendmailParseResult r = SendmailOptions::parse(text);
    QVERIFY2(r.daemons.isEmpty(), qPrintable(SendmailOptions::write(r.daemons)));
}

void tst_SendmailOptions::severalDeclarations()
{
    const SendmailParseResult cf = SendmailOptions::parse(
        QStringLiteral("O DaemonPortOptions=Name=A, Port=2525\n"
                       "O QueueDirectory=/var/spool/mqueue\n"
                       "OOName=B,Port=2526\n"
                       "O DaemonPortOptions=Name=C, Family=inet6, Port=2527\n"));
    QVERIFY2(notInfo(cf.diagnostics).isEmpty(), qPrintable(describe(cf.diagnostics)));
    QCOMPARE(cf.daemons.size(), 3);
    QCOMPARE(cf.daemons.at(0).name, QStringLiteral("A"));
    QCOMPARE(cf.daemons.at(1).name, QStringLiteral("B"));
    QCOMPARE(cf.daemons.at(2).name, QStringLiteral("C"));
    QCOMPARE(cf.daemons.at(2).family, QStringLiteral("inet6"));
    QCOMPARE(cf.daemons.at(2).resolvedPort, 2527);

    const SendmailParseResult mc = SendmailOptions::parse(
        QStringLiteral("FEATURE(`no_default_msa')dnl\n"
                       "DAEMON_OPTIONS(`Name=A, Port=2525')dnl\n"
                       "define(`confDAEMON_OPTIONS', ``Name=B, Port=2526'')dnl\n"
                       "DAEMON_OPTIONS(`Name=C, Port=2527')dnl\n"));
    QVERIFY2(notInfo(mc.diagnostics).isEmpty(), qPrintable(describe(mc.diagnostics)));
    QCOMPARE(mc.daemons.size(), 3);
    QCOMPARE(mc.daemons.at(0).name, QStringLiteral("A"));
    QCOMPARE(mc.daemons.at(1).name, QStringLiteral("B"));
    QCOMPARE(mc.daemons.at(1).spelling, QString(SendmailOptions::SpellingMcDefine));
    QCOMPARE(mc.daemons.at(2).name, QStringLiteral("C"));

    const SendmailParseResult cmd = SendmailOptions::parse(
        QStringLiteral("sendmail -bd -ODaemonPortOptions=Name=A -ODaemonPortOptions=Name=B "
                       "-oOName=C\n"));
    QCOMPARE(cmd.daemons.size(), 3);
    QCOMPARE(cmd.daemons.at(2).name, QStringLiteral("C"));
}

void tst_SendmailOptions::keys_data()
{
    QTest::addColumn<QString>("pairs");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("hostName");
    QTest::addColumn<QString>("port");
    QTest::addColumn<int>("resolvedPort");
    QTest::addColumn<int>("listen");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("modifiers");
    QTest::addColumn<int>("receive");
    QTest::addColumn<int>("send");
    QTest::addColumn<QStringList>("other");
    QTest::addColumn<QStringList>("unknown");

    const QString inet = QStringLiteral("inet");
    const QString inet6 = QStringLiteral("inet6");
    const QString smtp = QStringLiteral("smtp");

    QTest::newRow("defaults") << QString() << inet << QString() << false << smtp << 25 << 10
                              << QString() << QString() << 0 << 0 << QStringList() << QStringList();
    QTest::newRow("full key names")
        << QStringLiteral("Name=MTA, Family=inet, Addr=127.0.0.1, Port=2525, Listen=50, "
                          "ReceiveBufSize=65536, SendBufSize=32768, Modify=bS")
        << inet << QStringLiteral("127.0.0.1") << false << QStringLiteral("2525") << 2525 << 50
        << QStringLiteral("MTA") << QStringLiteral("bS") << 65536 << 32768 << QStringList()
        << QStringList();
    QTest::newRow("first letters")
        << QStringLiteral("N=x,F=inet6,A=::1,P=26,L=5,R=1024,S=2048,M=O") << inet6
        << QStringLiteral("::1") << false << QStringLiteral("26") << 26 << 5 << QStringLiteral("x")
        << QStringLiteral("O") << 1024 << 2048 << QStringList() << QStringList();
    QTest::newRow("seed example") << QStringLiteral("P=26,A=our-addr") << inet
                                  << QStringLiteral("our-addr") << true << QStringLiteral("26")
                                  << 26 << 10 << QString() << QString() << 0 << 0 << QStringList()
                                  << QStringList();
    QTest::newRow("abbreviations")
        << QStringLiteral("Fam=inet6,Addr=::1,Po=587,Nam=MSA") << inet6 << QStringLiteral("::1")
        << false << QStringLiteral("587") << 587 << 10 << QStringLiteral("MSA") << QString() << 0
        << 0 << QStringList() << QStringList();
    QTest::newRow("lower-case first letters")
        << QStringLiteral("a=127.0.0.1,p=26,f=inet,l=7,m=E,n=low,s=100") << inet
        << QStringLiteral("127.0.0.1") << false << QStringLiteral("26") << 26 << 7
        << QStringLiteral("low") << QStringLiteral("E") << 0 << 100 << QStringList()
        << QStringList();
    QTest::newRow("family in capitals")
        << QStringLiteral("Family=INET6,Addr=::1") << inet6 << QStringLiteral("::1") << false
        << smtp << 25 << 10 << QString() << QString() << 0 << 0 << QStringList() << QStringList();
    QTest::newRow("family after address")
        << QStringLiteral("Addr=::1,Family=inet6") << inet6 << QStringLiteral("::1") << false
        << smtp << 25 << 10 << QString() << QString() << 0 << 0 << QStringList() << QStringList();
    QTest::newRow("service smtp") << QStringLiteral("Port=smtp") << inet << QString() << false
                                  << smtp << 25 << 10 << QString() << QString() << 0 << 0
                                  << QStringList() << QStringList();
    QTest::newRow("service submission")
        << QStringLiteral("Port=submission") << inet << QString() << false
        << QStringLiteral("submission") << 587 << 10 << QString() << QString() << 0 << 0
        << QStringList() << QStringList();
    QTest::newRow("service submissions")
        << QStringLiteral("Port=submissions") << inet << QString() << false
        << QStringLiteral("submissions") << 465 << 10 << QString() << QString() << 0 << 0
        << QStringList() << QStringList();
    QTest::newRow("decimal with leading zero")
        << QStringLiteral("Port=0587") << inet << QString() << false << QStringLiteral("0587")
        << 587 << 10 << QString() << QString() << 0 << 0 << QStringList() << QStringList();
    QTest::newRow("blanks") << QStringLiteral("  Port = 2525 ,Name=  spaced") << inet << QString()
                            << false << QStringLiteral("2525") << 2525 << 10
                            << QStringLiteral("spaced") << QString() << 0 << 0 << QStringList()
                            << QStringList();
    QTest::newRow("other recognised keys")
        << QStringLiteral("children=10, DeliveryMode=b, delayLA=8, queueLA=12, refuseLA=20, "
                          "InputMailFilters=a;b")
        << inet << QString() << false << smtp << 25 << 10 << QString() << QString() << 0 << 0
        << QStringList{QStringLiteral("children=10"), QStringLiteral("DeliveryMode=b"),
                       QStringLiteral("delayLA=8"),   QStringLiteral("queueLA=12"),
                       QStringLiteral("refuseLA=20"), QStringLiteral("InputMailFilters=a;b")}
        << QStringList();
    QTest::newRow("other key given twice")
        << QStringLiteral("c=1,I=x,c=2") << inet << QString() << false << smtp << 25 << 10
        << QString() << QString() << 0 << 0
        << QStringList{QStringLiteral("c=2"), QStringLiteral("I=x")} << QStringList();
    QTest::newRow("unknown keys kept")
        << QStringLiteral("Port=25, Xyz=1, Children=4, T=true") << inet << QString() << false
        << QStringLiteral("25") << 25 << 10 << QString() << QString() << 0 << 0 << QStringList()
        << QStringList{QStringLiteral("Xyz=1"), QStringLiteral("Children=4"),
                       QStringLiteral("T=true")};
    QTest::newRow("modify with blanks")
        << QStringLiteral("Modify= E a ") << inet << QString() << false << smtp << 25 << 10
        << QString() << QStringLiteral("Ea") << 0 << 0 << QStringList() << QStringList();
    QTest::newRow("IPv6 prefix") << QStringLiteral("Family=inet6, Addr=IPv6:::1") << inet6
                                 << QStringLiteral("IPv6:::1") << false << smtp << 25 << 10
                                 << QString() << QString() << 0 << 0 << QStringList()
                                 << QStringList();
    QTest::newRow("listen zero") << QStringLiteral("Listen=0") << inet << QString() << false << smtp
                                 << 25 << 0 << QString() << QString() << 0 << 0 << QStringList()
                                 << QStringList();
    QTest::newRow("listen negative")
        << QStringLiteral("Listen=-1") << inet << QString() << false << smtp << 25 << -1
        << QString() << QString() << 0 << 0 << QStringList() << QStringList();
    QTest::newRow("only the first letter counts")
        << QStringLiteral("Nosuchkey=1, Pxyz=26") << inet << QString() << false
        << QStringLiteral("26") << 26 << 10 << QStringLiteral("1") << QString() << 0 << 0
        << QStringList() << QStringList();
    QTest::newRow("last value wins")
        << QStringLiteral("Port=25,Port=26,Name=a,Name=b") << inet << QString() << false
        << QStringLiteral("26") << 26 << 10 << QStringLiteral("b") << QString() << 0 << 0
        << QStringList() << QStringList();
    QTest::newRow("unsupported family keeps values unresolved")
        << QStringLiteral("Family=iso, Port=25") << QStringLiteral("iso") << QString() << false
        << QStringLiteral("25") << -1 << 10 << QString() << QString() << 0 << 0 << QStringList()
        << QStringList();
}

void tst_SendmailOptions::keys()
{
    QFETCH(QString, pairs);
    QFETCH(QString, family);
    QFETCH(QString, address);
    QFETCH(bool, hostName);
    QFETCH(QString, port);
    QFETCH(int, resolvedPort);
    QFETCH(int, listen);
    QFETCH(QString, name);
    QFETCH(QString, modifiers);
    QFETCH(int, receive);
    QFETCH(int, send);
    QFETCH(QStringList, other);
    QFETCH(QStringList, unknown);

    const SendmailParseResult r = SendmailOptions::parse(cfPrefix + pairs);
    QCOMPARE(r.daemons.size(), 1);
    const SendmailDaemon &d = r.daemons.front();
    QCOMPARE(d.family, family);
    QCOMPARE(d.address, address);
    QCOMPARE(d.addressIsHostName, hostName);
    QCOMPARE(d.port, port);
    QCOMPARE(d.resolvedPort, resolvedPort);
    QCOMPARE(d.listen, listen);
    QCOMPARE(d.name, name);
    QCOMPARE(d.modifiers, modifiers);
    QCOMPARE(d.receiveBufSize, receive);
    QCOMPARE(d.sendBufSize, send);
    QCOMPARE(d.otherKeys, other);
    QCOMPARE(d.unknownKeys, unknown);
}

void tst_SendmailOptions::diagnostics_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<DiagnosticCode>("code");
    QTest::addColumn<QString>("item");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // The exact message, or "~" and a part of it.
    QTest::addColumn<QString>("message");

    const auto row
        = [](const char *name, const QString &text, Severity severity, DiagnosticCode code,
             const QString &item, int line, int column, const QString &message) {
              QTest::newRow(name) << text << severity << code << item << line << column << message;
          };
    const Severity E = Severity::Error;
    const Severity W = Severity::Warning;
    const Severity I = Severity::Info;
    using C = DiagnosticCode;
    const QString P = cfPrefix;

    row("unknown key", P + QStringLiteral("Port=25, Xyz=1"), E, C::SendmailUnknownKey,
        QStringLiteral("Xyz"), 1, 30,
        QStringLiteral("DaemonPortOptions unknown parameter \"Xyz\""));
    row("unknown key in capitals", P + QStringLiteral("Children=4"), E, C::SendmailUnknownKey,
        QStringLiteral("Children"), 1, 21,
        QStringLiteral("DaemonPortOptions unknown parameter \"Children\""));
    row("unknown SuperSafe", P + QStringLiteral("T=True"), E, C::SendmailUnknownKey,
        QStringLiteral("T"), 1, 21, QStringLiteral("DaemonPortOptions unknown parameter \"T\""));
    row("empty key", P + QStringLiteral("=4"), E, C::SendmailUnknownKey, QString(), 1, 21,
        QStringLiteral("DaemonPortOptions unknown parameter \"\""));
    row("family iso", P + QStringLiteral("Family=iso"), E, C::SendmailUnsupportedFamily,
        QStringLiteral("Family=iso"), 1, 28,
        QStringLiteral("Family=iso is not supported: Mailport listens on inet and inet6 sockets "
                       "only."));
    row("family local", P + QStringLiteral("F=local"), E, C::SendmailUnsupportedFamily,
        QStringLiteral("Family=local"), 1, 23, QStringLiteral("~Family=local is not supported"));
    row("family x.25", P + QStringLiteral("Family=x.25"), E, C::SendmailUnsupportedFamily,
        QStringLiteral("Family=x.25"), 1, 28, QStringLiteral("~Family=x.25 is not supported"));
    row("family ns", P + QStringLiteral("Family=ns"), E, C::SendmailUnsupportedFamily,
        QStringLiteral("Family=ns"), 1, 28, QStringLiteral("~Family=ns is not supported"));
    row("family number", P + QStringLiteral("Family=2"), E, C::SendmailUnsupportedFamily,
        QStringLiteral("Family=2"), 1, 28, QStringLiteral("~system-dependent AF_ number"));
    row("family unknown", P + QStringLiteral("Family=appletalk"), E, C::SendmailUnsupportedFamily,
        QStringLiteral("Family=appletalk"), 1, 28,
        QStringLiteral("~Unknown address family \"appletalk\" in Family="));
    row("family with trailing blank", P + QStringLiteral("Family=inet ,Addr=127.0.0.1"), E,
        C::BadValue, QStringLiteral("Family=inet"), 1, 28,
        QStringLiteral("~has blanks before the comma"));
    row("port trailing garbage", P + QStringLiteral("Port=25x"), E, C::BadValue,
        QStringLiteral("Port=25x"), 1, 26,
        QStringLiteral("Port=25x is not a number: sendmail reads it as 25 and ignores the rest."));
    row("port hexadecimal", P + QStringLiteral("Port=0x19"), E, C::BadValue,
        QStringLiteral("Port=0x19"), 1, 26,
        QStringLiteral("Port=0x19 is not a number: sendmail reads it as 0 and ignores the rest."));
    row("port above 65535", P + QStringLiteral("Port=70000"), E, C::PortOutOfRange,
        QStringLiteral("Port=70000"), 1, 26,
        QStringLiteral("Port=70000 is above 65535: sendmail binds it modulo 65536 (port 4464)."));
    row("port huge", P + QStringLiteral("Port=99999999999999999999"), E, C::PortOutOfRange,
        QStringLiteral("Port=99999999999999999999"), 1, 26, QStringLiteral("~cannot read it"));
    row("port zero", P + QStringLiteral("Port=0"), W, C::BadValue, QStringLiteral("Port=0"), 1, 26,
        QStringLiteral("Port=0 makes sendmail listen on port smtp (25); write Port=smtp."));
    row("unknown service", P + QStringLiteral("Port=nosuchservice"), E, C::UnknownService,
        QStringLiteral("Port=nosuchservice"), 1, 26,
        QStringLiteral("service \"nosuchservice\" unknown: it is not in the services database, so "
                       "sendmail refuses it."));
    row("negative port", P + QStringLiteral("Port=-1"), E, C::UnknownService,
        QStringLiteral("Port=-1"), 1, 26, QStringLiteral("~service \"-1\" unknown"));
    row("empty port", P + QStringLiteral("Port=,Name=x"), E, C::BadValue, QStringLiteral("Port="),
        1, 26,
        QStringLiteral("Port= is empty: sendmail looks up an empty service name and fails."));
    row("service with trailing blank", P + QStringLiteral("Port=smtp ,Name=x"), E,
        C::UnknownService, QStringLiteral("Port=smtp"), 1, 26,
        QStringLiteral("service \"smtp \" unknown: sendmail keeps the blanks before the comma in "
                       "the name."));
    row("IPv6 address for inet", P + QStringLiteral("Addr=::1"), E, C::MalformedAddress,
        QStringLiteral("Addr=::1"), 1, 26,
        QStringLiteral("Addr=::1 is an IPv6 address but the family is inet: add Family=inet6."));
    row("IPv4 address for inet6", P + QStringLiteral("Family=inet6,Addr=127.0.0.1"), E,
        C::MalformedAddress, QStringLiteral("Addr=127.0.0.1"), 1, 39,
        QStringLiteral("~is an IPv4 address but the family is inet6"));
    row("short IPv4", P + QStringLiteral("Addr=127.1"), W, C::BadValue,
        QStringLiteral("Addr=127.1"), 1, 26,
        QStringLiteral("sendmail reads Addr=127.1 as 127.0.0.1 (inet_addr() takes short, octal "
                       "and hexadecimal forms): write 127.0.0.1."));
    row("octal IPv4", P + QStringLiteral("Addr=010.0.0.1"), W, C::BadValue,
        QStringLiteral("Addr=010.0.0.1"), 1, 26, QStringLiteral("~as 8.0.0.1"));
    row("five parts", P + QStringLiteral("Addr=1.2.3.4.5"), E, C::MalformedAddress,
        QStringLiteral("Addr=1.2.3.4.5"), 1, 26,
        QStringLiteral("~is neither an IPv4 address nor a host name"));
    row("host name", P + QStringLiteral("Addr=mail.example.org"), I, C::UnsupportedInImport,
        QStringLiteral("Addr=mail.example.org"), 1, 26, QStringLiteral("~is a host name"));
    row("IPv6 host name", P + QStringLiteral("Family=inet6, Addr=mail.example.org"), I,
        C::UnsupportedInImport, QStringLiteral("Addr=mail.example.org"), 1, 40,
        QStringLiteral("~is a host name"));
    row("IPv6 scope", P + QStringLiteral("Family=inet6,Addr=fe80::1%eth0"), E, C::MalformedAddress,
        QStringLiteral("Addr=fe80::1%eth0"), 1, 39, QStringLiteral("~has an IPv6 scope"));
    row("empty address", P + QStringLiteral("Addr="), E, C::BadValue, QStringLiteral("Addr="), 1,
        26, QStringLiteral("Addr= is empty: sendmail looks up an empty host name and fails."));
    row("listen not a number", P + QStringLiteral("Listen=abc"), E, C::BadValue,
        QStringLiteral("Listen=abc"), 1, 28,
        QStringLiteral("Listen=abc is not a number: sendmail reads it as 0."));
    row("negative buffer", P + QStringLiteral("ReceiveBufSize=-5"), W, C::BadValue,
        QStringLiteral("ReceiveBufSize=-5"), 1, 36,
        QStringLiteral("ReceiveBufSize=-5: sendmail only sets buffer sizes above 0, so the system "
                       "default applies."));
    row("delivery mode", P + QStringLiteral("DeliveryMode=x"), E, C::BadValue,
        QStringLiteral("DeliveryMode=x"), 1, 34, QStringLiteral("~Unknown delivery mode \"x\""));
    row("children not a number", P + QStringLiteral("children=many"), E, C::BadValue,
        QStringLiteral("children=many"), 1, 30,
        QStringLiteral("children=many is not a number: sendmail reads it as 0."));
    row("lower-case receiveBufSize", P + QStringLiteral("receiveBufSize=1024"), W,
        C::SendmailUnknownKey, QStringLiteral("receiveBufSize"), 1, 21,
        QStringLiteral("sendmail reads \"receiveBufSize\" as refuseLA: it looks at the first "
                       "letter only, and its case matters; write ReceiveBufSize."));
    row("lower-case deliveryMode", P + QStringLiteral("deliveryMode=b"), W, C::SendmailUnknownKey,
        QStringLiteral("deliveryMode"), 1, 21, QStringLiteral("~as delayLA"));
    row("key twice", P + QStringLiteral("Port=25,Port=26"), W, C::OptionSetTwice,
        QStringLiteral("Port"), 1, 29,
        QStringLiteral("Port is given twice in one declaration: sendmail uses the last one."));
    row("pair without =", P + QStringLiteral("Port=25, Nonsense"), W, C::SyntaxError,
        QStringLiteral("Nonsense"), 1, 30,
        QStringLiteral("\"Nonsense\" has no \"=\": sendmail ignores it."));
    row("NUL", P + QStringLiteral("Name=a") + QChar(0) + QStringLiteral("b"), E, C::SyntaxError,
        QString(), 1, 27, QStringLiteral("~A NUL character ends the value"));
    row("modify too long", P + QStringLiteral("Modify=") + QString(90, u'a'), W, C::BadValue,
        QStringLiteral("Modify=") + QString(90, u'a'), 1, 28,
        QStringLiteral("~longer than 84 characters"));
    row("m4 unquoted comma", QStringLiteral("DAEMON_OPTIONS(Port=2525, Name=MTA)dnl"), W,
        C::SyntaxError, QStringLiteral("Name=MTA"), 1, 27,
        QStringLiteral("An unquoted comma splits the value: m4 passes only \"Port=2525\" to "
                       "DAEMON_OPTIONS and drops the rest; quote the whole value with ` and '."));
    row("m4 unterminated", QStringLiteral("DAEMON_OPTIONS(`Port=25"), E, C::SyntaxError,
        QStringLiteral("DAEMON_OPTIONS"), 1, 1, QStringLiteral("~has no closing parenthesis"));
    row("cf line in m4", QStringLiteral("divert(-1)dnl\nO DaemonPortOptions=Port=25\n"), W,
        C::UnsupportedInImport, QStringLiteral("O DaemonPortOptions=Port=25"), 2, 1,
        QStringLiteral("A sendmail.cf line in an m4 file is not imported: write it as "
                       "DAEMON_OPTIONS."));
    row("confDAEMON_OPTIONS is obsolete",
        QStringLiteral("define(`confDAEMON_OPTIONS', `Port=25')dnl"), I, C::UnsupportedInImport,
        QStringLiteral("confDAEMON_OPTIONS"), 1, 1, QStringLiteral("~is obsolete"));
    row("define twice",
        QStringLiteral("define(`confDAEMON_OPTIONS', `Port=1')dnl\n"
                       "define(`confDAEMON_OPTIONS', `Port=2')dnl\n"),
        W, C::OptionSetTwice, QStringLiteral("confDAEMON_OPTIONS"), 1, 1,
        QStringLiteral("confDAEMON_OPTIONS is defined again on line 2: m4 keeps only the last "
                       "definition, so this one has no effect."));
    row("mc default MSA", QStringLiteral("DAEMON_OPTIONS(`Port=25')dnl"), I, C::UnsupportedInImport,
        QString(), 1, 1, QStringLiteral("~Without FEATURE(`no_default_msa')"));
    row("mc without DAEMON_OPTIONS",
        QStringLiteral("divert(0)dnl\nOSTYPE(`debian')dnl\nFEATURE(`no_default_msa')dnl\n"), I,
        C::UnsupportedInImport, QString(), 1, 1, QStringLiteral("~There is no DAEMON_OPTIONS"));
    row("not sendmail", QStringLiteral("hello world\n"), E, C::SyntaxError, QString(), 1, 1,
        QStringLiteral("~This is not sendmail configuration"));

    QString eleven;
    for (int i = 1; i <= 11; ++i)
        eleven += cfPrefix + QStringLiteral("Port=%1\n").arg(2500 + i);
    row("more than ten daemons", eleven, E, C::BadValue, QStringLiteral("DaemonPortOptions"), 11, 1,
        QStringLiteral("~at most 10 daemons"));
}

void tst_SendmailOptions::diagnostics()
{
    QFETCH(QString, text);
    QFETCH(Severity, severity);
    QFETCH(DiagnosticCode, code);
    QFETCH(QString, item);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const SendmailParseResult r = SendmailOptions::parse(text);
    const auto found
        = std::find_if(r.diagnostics.cbegin(), r.diagnostics.cend(), [&](const Diagnostic &d) {
              return d.code == code && d.severity == severity;
          });
    QVERIFY2(found != r.diagnostics.cend(), qPrintable(describe(r.diagnostics)));
    QCOMPARE(found->option, QStringLiteral("DaemonPortOptions"));
    QCOMPARE(found->item, item);
    QCOMPARE(found->line, line);
    QCOMPARE(found->column, column);
    if (message.startsWith(u'~'))
        QVERIFY2(found->message.contains(message.mid(1)), qPrintable(found->message));
    else
        QCOMPARE(found->message, message);
}

void tst_SendmailOptions::lineAndColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("daemonLine");
    QTest::addColumn<int>("daemonColumn");
    // Where "Xyz" (an unknown key) sits.
    QTest::addColumn<int>("keyLine");
    QTest::addColumn<int>("keyColumn");

    const auto columnOf = [](const QString &line, const char *marker) {
        return static_cast<int>(line.indexOf(QLatin1String(marker))) + 1;
    };

    QTest::newRow("cf on line 3") << QStringLiteral(
        "# c\nV10/Berkeley\nO DaemonPortOptions=Port=25, Xyz=1\n")
                                  << 3 << 1 << 3 << 30;
    QTest::newRow("cf folded") << QStringLiteral("O DaemonPortOptions=Port=25,\n\tXyz=1\n") << 1
                               << 1 << 2 << 2;
    QTest::newRow("cf escaped hash")
        << QStringLiteral("O DaemonPortOptions=Name=a\\#b, Xyz=1") << 1 << 1 << 1 << 32;
    const QString cmd = QStringLiteral("exec /usr/sbin/sendmail -bd -ODaemonPortOptions=Xyz=1");
    QTest::newRow("command line") << cmd << 1 << columnOf(cmd, "-O") << 1 << columnOf(cmd, "Xyz");
    const QString quoted = QStringLiteral("sendmail -bd '-ODaemonPortOptions=Port=25, Xyz=1'");
    QTest::newRow("command line quoted")
        << quoted << 1 << columnOf(quoted, "-O") << 1 << columnOf(quoted, "Xyz");
    const QString nested = QStringLiteral("\nflags=\"-bd -oOXyz=1\"");
    QTest::newRow("command line in a variable")
        << nested << 2 << columnOf(nested.mid(1), "-o") << 2 << columnOf(nested.mid(1), "Xyz");
    QTest::newRow("mc indented") << QStringLiteral("dnl\n  DAEMON_OPTIONS(`Xyz=1')dnl") << 2 << 3
                                 << 2 << 19;
    QTest::newRow("mc double quotes")
        << QStringLiteral("DAEMON_OPTIONS(``Port=25, Xyz=1'')dnl") << 1 << 1 << 1 << 27;
    QTest::newRow("mc value over two lines")
        << QStringLiteral("DAEMON_OPTIONS(`Port=25,\n    Xyz=1')dnl") << 1 << 1 << 2 << 5;
    QTest::newRow("mc define") << QStringLiteral("dnl x\n  define(`confDAEMON_OPTIONS', `Xyz=1')")
                               << 2 << 3 << 2 << 33;
}

void tst_SendmailOptions::lineAndColumn()
{
    QFETCH(QString, text);
    QFETCH(int, daemonLine);
    QFETCH(int, daemonColumn);
    QFETCH(int, keyLine);
    QFETCH(int, keyColumn);

    const SendmailParseResult r = SendmailOptions::parse(text);
    QCOMPARE(r.daemons.size(), 1);
    QCOMPARE(r.daemons.front().line, daemonLine);
    QCOMPARE(r.daemons.front().column, daemonColumn);
    const auto key
        = std::find_if(r.diagnostics.cbegin(), r.diagnostics.cend(), [](const Diagnostic &d) {
              return d.code == DiagnosticCode::SendmailUnknownKey;
          });
    QVERIFY2(key != r.diagnostics.cend(), qPrintable(describe(r.diagnostics)));
    QCOMPARE(key->item, QStringLiteral("Xyz"));
    QCOMPARE(key->line, keyLine);
    QCOMPARE(key->column, keyColumn);
}

void tst_SendmailOptions::defineKeepsLastDefinition()
{
    const SendmailParseResult r
        = SendmailOptions::parse(QStringLiteral("DAEMON_OPTIONS(`Name=A')dnl\n"
                                                "define(`confDAEMON_OPTIONS', `Name=B')dnl\n"
                                                "DAEMON_OPTIONS(`Name=C')dnl\n"
                                                "define(`confDAEMON_OPTIONS', `Name=D')dnl\n"));
    QCOMPARE(r.daemons.size(), 3);
    QCOMPARE(r.daemons.at(0).name, QStringLiteral("A"));
    QCOMPARE(r.daemons.at(1).name, QStringLiteral("C"));
    QCOMPARE(r.daemons.at(2).name, QStringLiteral("D"));
    QCOMPARE(r.daemons.at(2).line, 4);

    // An empty definition declares nothing, but still replaces the one before.
    const SendmailParseResult empty
        = SendmailOptions::parse(QStringLiteral("define(`confDAEMON_OPTIONS', `Name=B')dnl\n"
                                                "define(`confDAEMON_OPTIONS', `')dnl\n"));
    QVERIFY(empty.daemons.isEmpty());
}

void tst_SendmailOptions::write_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("asParsed");
    QTest::addColumn<QString>("cf");
    QTest::addColumn<QString>("mc");

    QTest::newRow("cf") << QStringLiteral("O DaemonPortOptions=Port=587, Name=MSA, M=E")
                        << QStringLiteral("O DaemonPortOptions=Name=MSA, Port=587, Modify=E\n")
                        << QStringLiteral("O DaemonPortOptions=Name=MSA, Port=587, Modify=E\n")
                        << QStringLiteral("DAEMON_OPTIONS(`Name=MSA, Port=587, Modify=E')dnl\n");
    QTest::newRow("defaults are left out")
        << QStringLiteral("O DaemonPortOptions=Family=inet, Port=smtp, Listen=10")
        << QStringLiteral("O DaemonPortOptions=\n") << QStringLiteral("O DaemonPortOptions=\n")
        << QStringLiteral("DAEMON_OPTIONS(`')dnl\n");
    QTest::newRow("every key")
        << QStringLiteral("O DaemonPortOptions=M=bS,S=2,R=1,L=5,P=26,A=::1,F=inet6,N=x,c=4,Xyz=1")
        << QStringLiteral("O DaemonPortOptions=Name=x, Family=inet6, Addr=::1, Port=26, Listen=5, "
                          "ReceiveBufSize=1, SendBufSize=2, Modify=bS, c=4, Xyz=1\n")
        << QStringLiteral("O DaemonPortOptions=Name=x, Family=inet6, Addr=::1, Port=26, Listen=5, "
                          "ReceiveBufSize=1, SendBufSize=2, Modify=bS, c=4, Xyz=1\n")
        << QStringLiteral("DAEMON_OPTIONS(`Name=x, Family=inet6, Addr=::1, Port=26, Listen=5, "
                          "ReceiveBufSize=1, SendBufSize=2, Modify=bS, c=4, Xyz=1')dnl\n");
    QTest::newRow("hash") << QStringLiteral("O DaemonPortOptions=Name=a\\#b")
                          << QStringLiteral("O DaemonPortOptions=Name=a\\#b\n")
                          << QStringLiteral("O DaemonPortOptions=Name=a\\#b\n")
                          << QStringLiteral("DAEMON_OPTIONS(`Name=a\\#b')dnl\n");
    QTest::newRow("deprecated cf")
        << QStringLiteral("OOPort=2525,Name=x") << QStringLiteral("OOName=x, Port=2525\n")
        << QStringLiteral("O DaemonPortOptions=Name=x, Port=2525\n")
        << QStringLiteral("DAEMON_OPTIONS(`Name=x, Port=2525')dnl\n");
    QTest::newRow("command line") << QStringLiteral("sendmail -ODaemonPortOptions=Port=2525")
                                  << QStringLiteral("-ODaemonPortOptions=Port=2525\n")
                                  << QStringLiteral("O DaemonPortOptions=Port=2525\n")
                                  << QStringLiteral("DAEMON_OPTIONS(`Port=2525')dnl\n");
    QTest::newRow("command line quoted")
        << QStringLiteral("sendmail '-ODaemonPortOptions=Port=2525,Name=My MTA'")
        << QStringLiteral("'-ODaemonPortOptions=Name=My MTA, Port=2525'\n")
        << QStringLiteral("O DaemonPortOptions=Name=My MTA, Port=2525\n")
        << QStringLiteral("DAEMON_OPTIONS(`Name=My MTA, Port=2525')dnl\n");
    QTest::newRow("command line deprecated")
        << QStringLiteral("sendmail -oOPort=2525") << QStringLiteral("-oOPort=2525\n")
        << QStringLiteral("O DaemonPortOptions=Port=2525\n")
        << QStringLiteral("DAEMON_OPTIONS(`Port=2525')dnl\n");
    QTest::newRow("mc define") << QStringLiteral("define(`confDAEMON_OPTIONS', `Port=2525')")
                               << QStringLiteral("define(`confDAEMON_OPTIONS', ``Port=2525'')dnl\n")
                               << QStringLiteral("O DaemonPortOptions=Port=2525\n")
                               << QStringLiteral("DAEMON_OPTIONS(`Port=2525')dnl\n");
}

void tst_SendmailOptions::write()
{
    QFETCH(QString, text);
    QFETCH(QString, asParsed);
    QFETCH(QString, cf);
    QFETCH(QString, mc);

    const QList<SendmailDaemon> daemons = SendmailOptions::parse(text).daemons;
    QCOMPARE(SendmailOptions::write(daemons), asParsed);
    QCOMPARE(SendmailOptions::write(daemons, SendmailOptions::Syntax::Cf), cf);
    QCOMPARE(SendmailOptions::write(daemons, SendmailOptions::Syntax::Mc), mc);
}

void tst_SendmailOptions::shellQuoting()
{
    const SendmailParseResult r
        = SendmailOptions::parse(QStringLiteral("sendmail -ODaemonPortOptions=Name=it\\'s"));
    QCOMPARE(r.daemons.size(), 1);
    QCOMPARE(r.daemons.front().name, QStringLiteral("it's"));
    const QString written = SendmailOptions::write(r.daemons);
    QCOMPARE(written, QStringLiteral("'-ODaemonPortOptions=Name=it'\\''s'\n"));
    const SendmailParseResult back = SendmailOptions::parse(written);
    QCOMPARE(back.daemons.size(), 1);
    QCOMPARE(back.daemons.front().name, QStringLiteral("it's"));
}

void tst_SendmailOptions::roundTrip_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("cf") << QStringLiteral(
        "O DaemonPortOptions=Family=inet, Name=MTA-v4, Port=smtp, Addr=127.0.0.1\n"
        "O DaemonPortOptions=Family=inet6, Name=MTA-v6, Port=2525, Addr=IPv6:::1, Listen=0\n"
        "OOName=MSA, Port=submission, M=Ea, R=1024, S=2048, c=5, D=b, I=a;b, Xyz=1\n");
    QTest::newRow("mc") << QStringLiteral(
        "DAEMON_OPTIONS(`Name=MTA, Addr=mail.example.org, Port=0, q=5, r=10, d=8')dnl\n"
        "define(`confDAEMON_OPTIONS', ``Name=Def, Family=iso, Port=25'')dnl\n");
    QTest::newRow("command line") << QStringLiteral(
        "sendmail -bd -ODaemonPortOptions=Name=a\\#b,Port=2525 '-oOName=My Name, Modify=S'\n");
    QTest::newRow("errors survive") << QStringLiteral(
        "O DaemonPortOptions=Port=25x, Addr=::1, Family=inet, Listen=7, Children=3\n");
    QTest::newRow("fixture cf") << dataFile(QStringLiteral("sendmail.cf"));
    QTest::newRow("fixture mc") << dataFile(QStringLiteral("sendmail.mc"));
    QTest::newRow("fixture command line") << dataFile(QStringLiteral("startup.sh"));
}

void tst_SendmailOptions::roundTrip()
{
    QFETCH(QString, text);

    const QList<SendmailDaemon> first = withoutPositions(SendmailOptions::parse(text).daemons);
    QVERIFY(!first.isEmpty());

    const QString asParsed = SendmailOptions::write(first);
    QCOMPARE(withoutPositions(SendmailOptions::parse(asParsed).daemons), first);

    const QString cf = SendmailOptions::write(first, SendmailOptions::Syntax::Cf);
    QCOMPARE(withoutPositions(SendmailOptions::parse(cf).daemons),
             withSpelling(first, SendmailOptions::SpellingCf));

    const QString mc = SendmailOptions::write(first, SendmailOptions::Syntax::Mc);
    QCOMPARE(withoutPositions(SendmailOptions::parse(mc).daemons),
             withSpelling(first, SendmailOptions::SpellingMc));

    // Writing what was written changes nothing.
    QCOMPARE(SendmailOptions::write(SendmailOptions::parse(asParsed).daemons), asParsed);
}

void tst_SendmailOptions::toExim_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("localInterfaces");
    QTest::addColumn<QString>("ports");
    QTest::addColumn<QString>("backlog");
    QTest::addColumn<QStringList>("notes");

    const QString P = cfPrefix;
    const QString nl = QStringLiteral("\n");

    QTest::newRow("sendmail's default")
        << QString() << QStringLiteral("0.0.0.0") << QStringLiteral("smtp") << QStringLiteral("10")
        << QStringList();
    QTest::newRow("name only") << P + QStringLiteral("Name=MTA") << QStringLiteral("0.0.0.0")
                               << QStringLiteral("smtp") << QStringLiteral("10")
                               << QStringList{QStringLiteral("W:Name=MTA")};
    QTest::newRow("loopback pair") << P + QStringLiteral("Family=inet, Addr=127.0.0.1") + nl + P
                                          + QStringLiteral("Family=inet6, Addr=::1")
                                   << QStringLiteral("<; 127.0.0.1 ; ::1") << QStringLiteral("smtp")
                                   << QStringLiteral("10") << QStringList();
    QTest::newRow("different ports") << P + QStringLiteral("Addr=127.0.0.1, Port=25") + nl + P
                                            + QStringLiteral("Family=inet6, Addr=::1, Port=587")
                                     << QStringLiteral("<; 127.0.0.1.25 ; [::1]:587") << QString()
                                     << QStringLiteral("10") << QStringList();
    QTest::newRow("IPv4 only, different ports")
        << P + QStringLiteral("Port=smtp") + nl + P + QStringLiteral("Port=submission")
        << QStringLiteral("0.0.0.0.25 : 0.0.0.0.587") << QString() << QStringLiteral("10")
        << QStringList();
    QTest::newRow("same number") << P + QStringLiteral("Addr=192.0.2.1, Port=2525") + nl + P
                                        + QStringLiteral("Addr=192.0.2.2, Port=2525")
                                 << QStringLiteral("192.0.2.1 : 192.0.2.2")
                                 << QStringLiteral("2525") << QStringLiteral("10") << QStringList();
    QTest::newRow("same port spelt twice ways")
        << P + QStringLiteral("Addr=192.0.2.1, Port=smtp") + nl + P
               + QStringLiteral("Addr=192.0.2.2, Port=25")
        << QStringLiteral("192.0.2.1 : 192.0.2.2") << QStringLiteral("25") << QStringLiteral("10")
        << QStringList();
    QTest::newRow("IPv6 wildcard alone")
        << P + QStringLiteral("Family=inet6") << QStringLiteral("<; ::0") << QStringLiteral("smtp")
        << QStringLiteral("10") << QStringList{QStringLiteral("W:::0")};
    QTest::newRow("wildcard pair")
        << P + QStringLiteral("Family=inet6") + nl + P + QStringLiteral("Family=inet")
        << QStringLiteral("<; ::0 ; 0.0.0.0") << QStringLiteral("smtp") << QStringLiteral("10")
        << QStringList();
    QTest::newRow("IPv6 any spelt ::")
        << P + QStringLiteral("Family=inet6, Addr=::") << QStringLiteral("<; ::0")
        << QStringLiteral("smtp") << QStringLiteral("10") << QStringList{QStringLiteral("W:::0")};
    QTest::newRow("IPv4 any spelt out")
        << P + QStringLiteral("Addr=0.0.0.0") << QStringLiteral("0.0.0.0") << QStringLiteral("smtp")
        << QStringLiteral("10") << QStringList();
    QTest::newRow("short IPv4") << P + QStringLiteral("Addr=127.1") << QStringLiteral("127.0.0.1")
                                << QStringLiteral("smtp") << QStringLiteral("10") << QStringList();
    QTest::newRow("IPv6 prefix") << P + QStringLiteral("Family=inet6, Addr=IPv6:::1")
                                 << QStringLiteral("<; ::1") << QStringLiteral("smtp")
                                 << QStringLiteral("10") << QStringList();
    QTest::newRow("IPv4-mapped with its own port")
        << P + QStringLiteral("Family=inet6, Addr=::ffff:127.0.0.1, Port=2525") + nl + P
               + QStringLiteral("Addr=127.0.0.1")
        << QStringLiteral("<; [::ffff:127.0.0.1]:2525 ; 127.0.0.1.25") << QString()
        << QStringLiteral("10") << QStringList();
    QTest::newRow("different Listen")
        << P + QStringLiteral("Addr=127.0.0.1, Listen=50") + nl + P
               + QStringLiteral("Addr=127.0.0.2")
        << QStringLiteral("127.0.0.1 : 127.0.0.2") << QStringLiteral("smtp") << QStringLiteral("50")
        << QStringList{QStringLiteral("W:Listen")};
    QTest::newRow("system default backlog")
        << P + QStringLiteral("Listen=0") << QStringLiteral("0.0.0.0") << QStringLiteral("smtp")
        << QString() << QStringList{QStringLiteral("W:Listen=0")};
    QTest::newRow("socket settings")
        << P + QStringLiteral("ReceiveBufSize=65536, SendBufSize=32768, Modify=Sa, children=5")
        << QStringLiteral("0.0.0.0") << QStringLiteral("smtp") << QStringLiteral("10")
        << QStringList{QStringLiteral("W:ReceiveBufSize=65536"),
                       QStringLiteral("W:SendBufSize=32768"), QStringLiteral("W:Modify=Sa"),
                       QStringLiteral("W:children=5")};
    QTest::newRow("host name left out")
        << P + QStringLiteral("Addr=mail.example.org") + nl + P + QStringLiteral("Addr=127.0.0.1")
        << QStringLiteral("127.0.0.1") << QStringLiteral("smtp") << QStringLiteral("10")
        << QStringList{QStringLiteral("E:Addr=mail.example.org")};
    QTest::newRow("family left out")
        << P + QStringLiteral("Family=iso") + nl + P + QStringLiteral("Addr=127.0.0.1")
        << QStringLiteral("127.0.0.1") << QStringLiteral("smtp") << QStringLiteral("10")
        << QStringList{QStringLiteral("E:Family=iso")};
    QTest::newRow("nothing convertible")
        << P + QStringLiteral("Port=nosuchservice") << QString() << QString() << QString()
        << QStringList{QStringLiteral("E:Port=nosuchservice")};
    QTest::newRow("duplicate") << P + QStringLiteral("Addr=127.0.0.1") + nl + P
                                      + QStringLiteral("Addr=127.0.0.1, Port=25")
                               << QStringLiteral("127.0.0.1") << QStringLiteral("smtp")
                               << QStringLiteral("10")
                               << QStringList{QStringLiteral("W:127.0.0.1 port 25")};
    QTest::newRow("port zero") << P + QStringLiteral("Port=0") << QStringLiteral("0.0.0.0")
                               << QStringLiteral("25") << QStringLiteral("10") << QStringList();
}

void tst_SendmailOptions::toExim()
{
    QFETCH(QString, text);
    QFETCH(QString, localInterfaces);
    QFETCH(QString, ports);
    QFETCH(QString, backlog);
    QFETCH(QStringList, notes);

    const SendmailParseResult parsed = SendmailOptions::parse(text);
    const SendmailEximConversion c = SendmailOptions::toExim(parsed.daemons);
    QCOMPARE(c.localInterfaces, localInterfaces);
    QCOMPARE(c.daemonSmtpPorts, ports);
    QCOMPARE(c.smtpConnectBacklog, backlog);
    QCOMPARE(::notes(c.notConvertible), notes);
    for (const Diagnostic &d : c.notConvertible) {
        QCOMPARE(d.code, DiagnosticCode::SendmailNotConvertible);
        QVERIFY(!d.message.isEmpty());
        QVERIFY(d.line >= 1);
    }
}

void tst_SendmailOptions::fromExim_data()
{
    QTest::addColumn<QStringList>("sockets");
    QTest::addColumn<int>("backlog");
    QTest::addColumn<QString>("cf");
    QTest::addColumn<QStringList>("notes");

    QTest::newRow("Exim's wildcard pair")
        << QStringList{QStringLiteral("::0|25"), QStringLiteral("0.0.0.0|25")} << 20
        << QStringLiteral("O DaemonPortOptions=Name=MTA-v6, Family=inet6, Port=25, Listen=20\n"
                          "O DaemonPortOptions=Name=MTA-v4, Port=25, Listen=20, Modify=O\n")
        << QStringList{QStringLiteral("I:0.0.0.0 port 25")};
    QTest::newRow("IPv4 wildcard first")
        << QStringList{QStringLiteral("0.0.0.0|25"), QStringLiteral("::0|25")} << 10
        << QStringLiteral("O DaemonPortOptions=Name=MTA-v4, Port=25\n"
                          "O DaemonPortOptions=Name=MTA-v6, Family=inet6, Port=25\n")
        << QStringList();
    QTest::newRow("loopback")
        << QStringList{QStringLiteral("127.0.0.1|2525"), QStringLiteral("::1|2525")} << 10
        << QStringLiteral("O DaemonPortOptions=Name=MTA-v4, Addr=127.0.0.1, Port=2525\n"
                          "O DaemonPortOptions=Name=MTA-v6, Family=inet6, Addr=::1, Port=2525\n")
        << QStringList();
    QTest::newRow("numbered names")
        << QStringList{QStringLiteral("192.0.2.1|25"), QStringLiteral("192.0.2.2|587"),
                       QStringLiteral("192.0.2.3|465")}
        << 10
        << QStringLiteral("O DaemonPortOptions=Name=MTA-v4, Addr=192.0.2.1, Port=25\n"
                          "O DaemonPortOptions=Name=MTA-v4-2, Addr=192.0.2.2, Port=587\n"
                          "O DaemonPortOptions=Name=MTA-v4-3, Addr=192.0.2.3, Port=465\n")
        << QStringList();
    QTest::newRow("scope") << QStringList{QStringLiteral("fe80::1%lo|25")} << 10 << QString()
                           << QStringList{QStringLiteral("E:fe80::1%lo port 25")};
    QTest::newRow("bad ports") << QStringList{QStringLiteral("127.0.0.1|0"),
                                              QStringLiteral("127.0.0.1|70000")}
                               << 10 << QString()
                               << QStringList{QStringLiteral("E:127.0.0.1 port 0"),
                                              QStringLiteral("E:127.0.0.1 port 70000")};
}

void tst_SendmailOptions::fromExim()
{
    QFETCH(QStringList, sockets);
    QFETCH(int, backlog);
    QFETCH(QString, cf);
    QFETCH(QStringList, notes);

    const SendmailFromEximResult r = SendmailOptions::fromExim(::sockets(sockets), backlog);
    QCOMPARE(SendmailOptions::write(r.daemons), cf);
    QCOMPARE(::notes(r.notConvertible), notes);

    // What was written reads back as the same daemons, without complaint.
    const SendmailParseResult back = SendmailOptions::parse(cf);
    QCOMPARE(withoutPositions(back.daemons), withSpelling(r.daemons, SendmailOptions::SpellingCf));
    QVERIFY2(cf.isEmpty() || notInfo(back.diagnostics).isEmpty(),
             qPrintable(describe(back.diagnostics)));
}

void tst_SendmailOptions::fromEximThenToExim()
{
    const SendmailFromEximResult r = SendmailOptions::fromExim(
        {{QStringLiteral("127.0.0.1"), 2525}, {QStringLiteral("::1"), 2525}}, 20);
    QVERIFY(r.notConvertible.isEmpty());
    const SendmailEximConversion c = SendmailOptions::toExim(r.daemons);
    QCOMPARE(c.localInterfaces, QStringLiteral("<; 127.0.0.1 ; ::1"));
    QCOMPARE(c.daemonSmtpPorts, QStringLiteral("2525"));
    QCOMPARE(c.smtpConnectBacklog, QStringLiteral("20"));
    QCOMPARE(notes(c.notConvertible),
             (QStringList{QStringLiteral("W:Name=MTA-v4"), QStringLiteral("W:Name=MTA-v6")}));
}

void tst_SendmailOptions::looksLikeSendmail_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");
    // What parse() says; it also counts declarations that looksLikeSendmail() finds too weak.
    QTest::addColumn<bool>("parsed");

    QTest::newRow("cf fixture") << dataFile(QStringLiteral("sendmail.cf")) << true << true;
    QTest::newRow("mc fixture") << dataFile(QStringLiteral("sendmail.mc")) << true << true;
    QTest::newRow("command line fixture") << dataFile(QStringLiteral("startup.sh")) << true << true;
    QTest::newRow("cf declaration")
        << QStringLiteral("O DaemonPortOptions=Port=25") << true << true;
    QTest::newRow("cf deprecated declaration") << QStringLiteral("OOPort=25") << true << true;
    QTest::newRow("cf without declaration")
        << QStringLiteral("V10/Berkeley\nO QueueDirectory=/var/spool/mqueue\n") << true << true;
    QTest::newRow("cf rules") << QStringLiteral("O A=b\nScanonify=3\nR$@\t$@ <@>\nR$*\t$1\n")
                              << true << true;
    QTest::newRow("mc declaration")
        << QStringLiteral("DAEMON_OPTIONS(`Port=25')dnl") << true << true;
    QTest::newRow("mc without declaration")
        << QStringLiteral("OSTYPE(`debian')dnl\n") << true << true;
    QTest::newRow("command line") << QStringLiteral("sendmail -bd -ODaemonPortOptions=Port=25")
                                  << true << true;
    QTest::newRow("empty") << QString() << false << false;
    QTest::newRow("prose") << QStringLiteral("hello world\n") << false << false;
    QTest::newRow("commented out")
        << QStringLiteral("# O DaemonPortOptions=Port=25\n") << false << false;
    QTest::newRow("exim") << QStringLiteral("local_interfaces = <; ::0 ; 0.0.0.0\n"
                                            "daemon_smtp_ports = 25 : 587\n"
                                            "OPTION_MACRO = 1\nbegin acl\n")
                          << false << false;
    QTest::newRow("exim macro starting with OO")
        << QStringLiteral("OOPS = 1\nlocal_interfaces = 127.0.0.1\n") << false << true;
    QTest::newRow("autoconf m4") << QStringLiteral(
        "dnl autoconf\nAC_INIT([x])\ndefine([foo], [bar])\n")
                                 << false << false;
}

void tst_SendmailOptions::looksLikeSendmail()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QFETCH(bool, parsed);
    QCOMPARE(SendmailOptions::looksLikeSendmail(text), expected);
    QCOMPARE(SendmailOptions::parse(text).isSendmail, parsed);
}

void tst_SendmailOptions::looksLikeM4_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    QTest::newRow("mc fixture") << dataFile(QStringLiteral("sendmail.mc")) << true;
    QTest::newRow("cf fixture") << dataFile(QStringLiteral("sendmail.cf")) << false;
    QTest::newRow("dnl alone") << QStringLiteral("dnl\n") << true;
    QTest::newRow("dnl in a word") << QStringLiteral("O DaemonPortOptions=Name=xdnl\n") << false;
    QTest::newRow("m4 word in a cf comment")
        << QStringLiteral("# DAEMON_OPTIONS(`Port=25')dnl\nO DaemonPortOptions=Port=25\n") << false;
}

void tst_SendmailOptions::looksLikeM4()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(SendmailOptions::looksLikeM4(text), expected);
}

void tst_SendmailOptions::garbage_data()
{
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("binary") << pseudoRandomBytes(64 * 1024);
    QByteArray allBytes;
    for (int b = 0; b < 256; ++b)
        allBytes.append(static_cast<char>(b));
    QTest::newRow("binary in a declaration") << QByteArray("O DaemonPortOptions=") + allBytes;
    QTest::newRow("binary in an mc value")
        << QByteArray("DAEMON_OPTIONS(`") + allBytes + QByteArray("')dnl");
    QTest::newRow("huge line of pairs")
        << QByteArray("O DaemonPortOptions=") + QByteArray("Name=x,").repeated(200000);
    QTest::newRow("huge line without =")
        << QByteArray("O DaemonPortOptions=") + QByteArray("abc,").repeated(250000);
    QTest::newRow("huge folded declaration")
        << QByteArray("O DaemonPortOptions=Port=25") + QByteArray(",\n\tXyz=1").repeated(50000);
    QTest::newRow("many declarations")
        << QByteArray("O DaemonPortOptions=Port=25\n").repeated(20000);
    QTest::newRow("parentheses") << QByteArray("DAEMON_OPTIONS(")
                                        + QByteArray("(").repeated(500000);
    QTest::newRow("unterminated quote")
        << QByteArray("DAEMON_OPTIONS(`Port=25\n") + QByteArray("x\n").repeated(100000);
    QTest::newRow("backquotes") << QByteArray("dnl\n") + QByteArray("`").repeated(100000);
    QTest::newRow("many -O") << QByteArray("sendmail ") + QByteArray("-O ").repeated(100000);
    QTest::newRow("invalid UTF-8")
        << QByteArray("O DaemonPortOptions=Addr=\xff\xfe, Port=\xc3\x28, Name=\xed\xa0\x80");
    QTest::newRow("lone CRs") << QByteArray("O DaemonPortOptions=Port=25\r\r\rXyz\r");
}

void tst_SendmailOptions::garbage()
{
    QFETCH(QByteArray, bytes);

    const QString text = QString::fromUtf8(bytes);
    const SendmailParseResult r = SendmailOptions::parse(text);
    QVERIFY(!r.diagnostics.isEmpty());
    // The list is capped: 500 findings and one line saying the rest are left out.
    QVERIFY2(r.diagnostics.size() <= 501, qPrintable(QString::number(r.diagnostics.size())));
    for (const Diagnostic &d : r.diagnostics) {
        QVERIFY(d.line >= 1);
        QVERIFY(d.column >= 1);
        QVERIFY(!d.message.isEmpty());
    }
    // Whatever came out can be written and converted.
    QCOMPARE(SendmailOptions::write(r.daemons).isEmpty(), r.daemons.isEmpty());
    const SendmailEximConversion c = SendmailOptions::toExim(r.daemons);
    for (const Diagnostic &d : c.notConvertible)
        QCOMPARE(d.code, DiagnosticCode::SendmailNotConvertible);
}

void tst_SendmailOptions::fixtureCf()
{
    const SendmailParseResult r = SendmailOptions::parse(dataFile(QStringLiteral("sendmail.cf")));
    QVERIFY(r.isSendmail);
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(describe(r.diagnostics)));
    QCOMPARE(r.daemons.size(), 3);

    const SendmailDaemon &v4 = r.daemons.at(0);
    QCOMPARE(v4.name, QStringLiteral("MTA-v4"));
    QCOMPARE(v4.family, QStringLiteral("inet"));
    QCOMPARE(v4.address, QStringLiteral("127.0.0.1"));
    QCOMPARE(v4.resolvedPort, 25);
    QCOMPARE(v4.line, 18);
    QCOMPARE(v4.column, 1);
    QCOMPARE(v4.spelling, QString(SendmailOptions::SpellingCf));

    const SendmailDaemon &v6 = r.daemons.at(1);
    QCOMPARE(v6.name, QStringLiteral("MTA-v6"));
    QCOMPARE(v6.family, QStringLiteral("inet6"));
    QCOMPARE(v6.address, QStringLiteral("::1"));
    QCOMPARE(v6.line, 19);

    const SendmailDaemon &msa = r.daemons.at(2);
    QCOMPARE(msa.name, QStringLiteral("MSA-v4"));
    QCOMPARE(msa.port, QStringLiteral("submission"));
    QCOMPARE(msa.resolvedPort, 587);
    QCOMPARE(msa.modifiers, QStringLiteral("Ea"));
    QCOMPARE(msa.listen, 50);
    QCOMPARE(msa.line, 21);

    const SendmailEximConversion c = SendmailOptions::toExim(r.daemons);
    QCOMPARE(c.localInterfaces, QStringLiteral("<; 127.0.0.1.25 ; [::1]:25 ; 127.0.0.1.587"));
    QCOMPARE(c.daemonSmtpPorts, QString());
    QCOMPARE(c.smtpConnectBacklog, QStringLiteral("50"));
    QCOMPARE(notes(c.notConvertible),
             (QStringList{QStringLiteral("W:Name=MTA-v4"), QStringLiteral("W:Name=MTA-v6"),
                          QStringLiteral("W:Name=MSA-v4"), QStringLiteral("W:Modify=Ea"),
                          QStringLiteral("W:Listen")}));
}

void tst_SendmailOptions::fixtureMc()
{
    const SendmailParseResult r = SendmailOptions::parse(dataFile(QStringLiteral("sendmail.mc")));
    QVERIFY(r.isSendmail);
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(describe(r.diagnostics)));
    QCOMPARE(r.daemons.size(), 3);

    QCOMPARE(r.daemons.at(0).name, QStringLiteral("MTA-v4"));
    QCOMPARE(r.daemons.at(0).address, QStringLiteral("127.0.0.1"));
    QCOMPARE(r.daemons.at(0).line, 17);
    QCOMPARE(r.daemons.at(0).spelling, QString(SendmailOptions::SpellingMc));

    QCOMPARE(r.daemons.at(1).name, QStringLiteral("MSP-v4"));
    QCOMPARE(r.daemons.at(1).address, QStringLiteral("127.0.0.1"));
    QCOMPARE(r.daemons.at(1).resolvedPort, 587);
    QCOMPARE(r.daemons.at(1).modifiers, QStringLiteral("Ea"));
    QCOMPARE(r.daemons.at(1).line, 19);

    QCOMPARE(r.daemons.at(2).name, QStringLiteral("MTA-v6"));
    QCOMPARE(r.daemons.at(2).family, QStringLiteral("inet6"));
    QCOMPARE(r.daemons.at(2).address, QStringLiteral("IPv6:::1"));
    QCOMPARE(r.daemons.at(2).resolvedPort, 2525);
    QCOMPARE(r.daemons.at(2).line, 22);

    QCOMPARE(SendmailOptions::write(r.daemons),
             QStringLiteral("DAEMON_OPTIONS(`Name=MTA-v4, Addr=127.0.0.1')dnl\n"
                            "DAEMON_OPTIONS(`Name=MSP-v4, Addr=127.0.0.1, Port=submission, "
                            "Modify=Ea')dnl\n"
                            "DAEMON_OPTIONS(`Name=MTA-v6, Family=inet6, Addr=IPv6:::1, "
                            "Port=2525')dnl\n"));
}

void tst_SendmailOptions::fixtureCommandLine()
{
    const SendmailParseResult r = SendmailOptions::parse(dataFile(QStringLiteral("startup.sh")));
    QVERIFY(r.isSendmail);
    QCOMPARE(r.daemons.size(), 3);

    QCOMPARE(r.daemons.at(0).name, QStringLiteral("Internal"));
    QCOMPARE(r.daemons.at(0).address, QStringLiteral("10.0.0.1"));
    QCOMPARE(r.daemons.at(0).resolvedPort, 2525);
    QCOMPARE(r.daemons.at(0).line, 4);
    QCOMPARE(r.daemons.at(0).spelling, QString(SendmailOptions::SpellingCommandLine));

    QCOMPARE(r.daemons.at(1).name, QStringLiteral("Relay"));
    QCOMPARE(r.daemons.at(1).family, QStringLiteral("inet6"));
    QCOMPARE(r.daemons.at(1).resolvedPort, 2526);
    QCOMPARE(r.daemons.at(1).line, 8);
    QCOMPARE(r.daemons.at(1).column, 6);

    QCOMPARE(r.daemons.at(2).name, QStringLiteral("Legacy"));
    QCOMPARE(r.daemons.at(2).resolvedPort, 2527);
    QCOMPARE(r.daemons.at(2).spelling, QString(SendmailOptions::SpellingCommandLineDeprecated));
    QCOMPARE(r.daemons.at(2).unknownKeys, QStringList{QStringLiteral("Bogus=1")});

    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics.front();
    QCOMPARE(d.severity, Severity::Error);
    QCOMPARE(d.code, DiagnosticCode::SendmailUnknownKey);
    QCOMPARE(d.message, QStringLiteral("DaemonPortOptions unknown parameter \"Bogus\""));
    QCOMPARE(d.line, 9);
    QCOMPARE(d.column, 30);
}

QTEST_APPLESS_MAIN(tst_SendmailOptions)
#include "tst_sendmailoptions.moc"
