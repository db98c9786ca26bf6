#include "diagnostictext.h"

#include <QSet>
#include <QTest>

using namespace Mailport;

class tst_DiagnosticText : public QObject
{
    Q_OBJECT

private slots:
    void everyCodeHasItsOwnTitle()
    {
        QSet<QString> titles;
        const int last = int(DiagnosticCode::SendmailNotConvertible);
        for (int code = 0; code <= last; ++code) {
            const QString title = DiagnosticText::title(DiagnosticCode(code));
            QVERIFY2(!title.isEmpty() && title != QLatin1String("Problem"),
                     qPrintable(diagnosticCodeName(DiagnosticCode(code))));
            titles.insert(title);
        }
        QCOMPARE(titles.size(), last + 1);
    }

    void iconsForEverySeverity()
    {
        for (const Severity s : {Severity::Error, Severity::Warning, Severity::Info}) {
            QVERIFY(!DiagnosticText::icon(s).isNull());
            QVERIFY(!DiagnosticText::severityText(s).isEmpty());
        }
        QVERIFY(!DiagnosticText::okIcon().isNull());
    }

    void position_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::newRow("file") << "local_interfaces" << 3 << 20 << "Line 3, column 20";
        QTest::newRow("-oX") << "-oX" << 0 << 5 << "-oX, column 5";
        QTest::newRow("default") << "local_interfaces" << 0 << 0 << "Exim's default";
    }

    void position()
    {
        QFETCH(QString, option);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, text);
        Diagnostic d;
        d.option = option;
        d.line = line;
        d.column = column;
        QCOMPARE(DiagnosticText::position(d), text);
    }

    void toolTipEscapes()
    {
        Diagnostic d;
        d.code = DiagnosticCode::MalformedAddress;
        d.message = QStringLiteral("<b>not bold</b>");
        const QString tip = DiagnosticText::toolTip(d);
        QVERIFY(tip.contains(QLatin1String("Malformed address")));
        QVERIFY(tip.contains(QLatin1String("&lt;b&gt;not bold")));
    }
};

QTEST_MAIN(tst_DiagnosticText)
#include "tst_diagnostictext.moc"
