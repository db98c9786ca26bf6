#include "diagnostic.h"

#include <QSet>
#include <QTest>

using namespace Mailport;

class tst_Diagnostic final : public QObject
{
    Q_OBJECT

private slots:
    void codeNamesAreUniqueAndKebabCase();
    void hasErrorsLooksAtSeverityOnly();
};

void tst_Diagnostic::codeNamesAreUniqueAndKebabCase()
{
    QSet<QString> seen;
    for (int i = 0; i <= int(DiagnosticCode::SendmailNotConvertible); ++i) {
        const QString name = diagnosticCodeName(DiagnosticCode(i));
        QVERIFY2(name != QLatin1String("unknown"), qPrintable(QString::number(i)));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        for (const QChar c : name)
            QVERIFY2(c.isLower() || c.isDigit() || c == u'-', qPrintable(name));
        seen.insert(name);
    }
}

void tst_Diagnostic::hasErrorsLooksAtSeverityOnly()
{
    Diagnostics list;
    QVERIFY(!hasErrors(list));
    list.append({Severity::Warning, DiagnosticCode::RadixPort, {}, {}, 1, 1, {}});
    QVERIFY(!hasErrors(list));
    list.append({Severity::Error, DiagnosticCode::RadixPort, {}, {}, 1, 1, {}});
    QVERIFY(hasErrors(list));
}

QTEST_APPLESS_MAIN(tst_Diagnostic)
#include "tst_diagnostic.moc"
