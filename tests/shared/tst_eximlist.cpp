#include "eximlist.h"

#include <QTest>

using namespace Mailport;

class tst_EximList final : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void offsets();
    void joinRoundTrips_data();
    void joinRoundTrips();
};

void tst_EximList::split_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<QString>("separator");

    // exim-rules.md §2, rule by rule.
    QTest::newRow("default colon")
        << "127.0.0.1 : 10.0.0.1" << QStringList{"127.0.0.1", "10.0.0.1"} << ":";
    QTest::newRow("comma separator") << "<, 2525, 2526" << QStringList{"2525", "2526"} << ",";
    QTest::newRow("semicolon separator")
        << "<; ::1 ; 127.0.0.1" << QStringList{"::1", "127.0.0.1"} << ";";
    QTest::newRow("angle then space is no change")
        << "< 127.0.0.1" << QStringList{"< 127.0.0.1"} << ":";
    QTest::newRow("angle then letter is no change") << "<a:b" << QStringList{"<a", "b"} << ":";
    QTest::newRow("leading space before angle") << "   <;a;b" << QStringList{"a", "b"} << ";";
    QTest::newRow("lone angle") << "<" << QStringList{} << QString(QChar(0));
    QTest::newRow("newline separator") << "<\na\nb" << QStringList{"a", "b"} << "\n";
    QTest::newRow("control separator not doubled")
        << "<\na\n\nb" << QStringList{"a", "", "b"} << "\n";
    QTest::newRow("doubled colon ipv6") << "::::1" << QStringList{"::1"} << ":";
    QTest::newRow("undoubled colon ipv6") << "::1" << QStringList{":1"} << ":";
    QTest::newRow("greedy pairing") << "127.0.0.1:::::1" << QStringList{"127.0.0.1::", "1"} << ":";
    QTest::newRow("spaces needed") << "127.0.0.1 : ::::1" << QStringList{"127.0.0.1", "::1"} << ":";
    QTest::newRow("semicolon doubled literal")
        << "<; 127.0.0.1;;::1" << QStringList{"127.0.0.1;::1"} << ";";
    QTest::newRow("whitespace trimmed")
        << "   127.0.0.1   :   ::::1   " << QStringList{"127.0.0.1", "::1"} << ":";
    QTest::newRow("inner space kept") << "127.0.0.1 .2525" << QStringList{"127.0.0.1 .2525"} << ":";
    QTest::newRow("backslash protects space") << "a\\ : b" << QStringList{"a\\ ", "b"} << ":";
    QTest::newRow("empty") << "" << QStringList{} << ":";
    QTest::newRow("only white space") << "   \t " << QStringList{} << ":";
    QTest::newRow("trailing separator") << "127.0.0.1 :" << QStringList{"127.0.0.1"} << ":";
    QTest::newRow("empty middle item")
        << "127.0.0.1 : : ::::1" << QStringList{"127.0.0.1", "", "::1"} << ":";
    QTest::newRow("lone colon") << ":" << QStringList{""} << ":";
    QTest::newRow("two colons are one literal") << "::" << QStringList{":"} << ":";
    QTest::newRow("separator change only") << "<;" << QStringList{} << ";";
    QTest::newRow("wildcards with ports")
        << "0.0.0.0.2525 : ::::0.2525" << QStringList{"0.0.0.0.2525", "::0.2525"} << ":";
}

void tst_EximList::split()
{
    QFETCH(QString, value);
    QFETCH(QStringList, items);
    QFETCH(QString, separator);
    const EximList::Parsed parsed = EximList::split(value);
    QStringList texts;
    for (const ListItem &item : parsed.items)
        texts.append(item.text);
    QCOMPARE(texts, items);
    QCOMPARE(QString(parsed.separator), separator);
}

void tst_EximList::offsets()
{
    const EximList::Parsed parsed = EximList::split(u"<; ::1 ;  127.0.0.1;;x ; y");
    QCOMPARE(parsed.items.size(), 3);
    QCOMPARE(parsed.items[0].offset, 3);
    QCOMPARE(parsed.items[1].offset, 10);
    QCOMPARE(parsed.items[2].offset, 25);
}

void tst_EximList::joinRoundTrips_data()
{
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain ipv4") << QStringList{"127.0.0.1", "10.0.0.1.25"}
                                << "127.0.0.1 : 10.0.0.1.25";
    QTest::newRow("ipv6 picks semicolon")
        << QStringList{"127.0.0.1", "::1"} << "<; 127.0.0.1 ; ::1";
    QTest::newRow("colon and semicolon") << QStringList{"::1", "a;b"} << "<, ::1 , a;b";
    QTest::newRow("single") << QStringList{"[::1]:2525"} << "<; [::1]:2525";
    QTest::newRow("ports") << QStringList{"2525", "smtp"} << "2525 : smtp";
}

void tst_EximList::joinRoundTrips()
{
    QFETCH(QStringList, items);
    QFETCH(QString, expected);
    const QString joined = EximList::join(items);
    QCOMPARE(joined, expected);
    QStringList back;
    for (const ListItem &item : EximList::split(joined).items)
        back.append(item.text);
    QCOMPARE(back, items);
}

QTEST_APPLESS_MAIN(tst_EximList)
#include "tst_eximlist.moc"
