#include "optionfield.h"
#include "translations.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Mailport;

namespace {

OptionValue valueOf(const QByteArray &text, const QString &option)
{
    Diagnostics d;
    return Configuration::parse(text, &d).value(option);
}

QAction *resetAction(OptionField &field)
{
    for (QAction *a : field.lineEdit()->actions()) {
        if (a->toolTip().contains(QLatin1String("default")))
            return a;
    }
    return nullptr;
}

} // namespace

class tst_OptionField : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // English plural forms ("1 socket", "2 sockets") come from mailport_en.ts.
        Translations::load(QCoreApplication::instance(), QLocale(QLocale::English));
    }

    void showsDefaultAsPlaceholder()
    {
        OptionField field(QStringLiteral("daemon_smtp_ports"), OptionField::Kind::PortList);
        field.setValue(valueOf("", QStringLiteral("daemon_smtp_ports")));
        QCOMPARE(field.lineEdit()->text(), QString());
        QCOMPARE(field.lineEdit()->placeholderText(), QStringLiteral("Exim's default: smtp"));
        QVERIFY(!resetAction(field)->isVisible());
        QVERIFY(field.lineEdit()->toolTip().contains(QLatin1String("daemon_smtp_ports")));

        field.setValue(
            valueOf("daemon_smtp_ports = 25 : submission\n", QStringLiteral("daemon_smtp_ports")));
        QCOMPARE(field.lineEdit()->text(), QStringLiteral("25 : submission"));
        QVERIFY(resetAction(field)->isVisible());
    }

    void hintReadsPortsBack()
    {
        OptionField field(QStringLiteral("tls_on_connect_ports"), OptionField::Kind::PortList);
        field.show();
        QTest::keyClicks(field.lineEdit(), QStringLiteral("465 : submission : nosuchservice"));
        const auto *hint = field.findChildren<QLabel *>().first();
        QCOMPARE(hint->text(), QStringLiteral("Ports: 465, submission = 587, nosuchservice "
                                              "(unknown service)"));
    }

    void hintReadsTimesAndSizes_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("hint");
        QTest::newRow("minutes") << "smtp_receive_timeout"
                                 << "5m"
                                 << "5 minutes";
        QTest::newRow("seconds") << "smtp_receive_timeout"
                                 << "90s"
                                 << "90 seconds";
        QTest::newRow("hours") << "smtp_receive_timeout"
                               << "2h"
                               << "2 hours";
        QTest::newRow("size") << "message_size_limit"
                              << "0"
                              << "no limit";
        QTest::newRow("bad") << "message_size_limit"
                             << "10X"
                             << "";
    }

    void hintReadsTimesAndSizes()
    {
        QFETCH(QString, option);
        QFETCH(QString, text);
        QFETCH(QString, hint);
        OptionField field(option, OptionField::Kind::Number);
        field.show();
        QTest::keyClicks(field.lineEdit(), text);
        const auto *label = field.findChildren<QLabel *>().first();
        QCOMPARE(label->isVisibleTo(&field), !hint.isEmpty());
        if (!hint.isEmpty())
            QCOMPARE(label->text(), hint);
    }

    void typingEmitsEdited()
    {
        OptionField field(QStringLiteral("smtp_banner"), OptionField::Kind::Text);
        QSignalSpy edited(&field, &OptionField::edited);
        QTest::keyClicks(field.lineEdit(), QStringLiteral("hi"));
        QCOMPARE(edited.size(), 2);
        QCOMPARE(edited.last().at(0).toString(), QStringLiteral("smtp_banner"));
        QCOMPARE(edited.last().at(1).toString(), QStringLiteral("hi"));
    }

    void keepsTrailingBlanksWhileTyping()
    {
        OptionField field(QStringLiteral("smtp_banner"), OptionField::Kind::Text);
        field.show();
        field.lineEdit()->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&field));
        QTest::keyClicks(field.lineEdit(), QStringLiteral("hi "));
        field.setValue(valueOf("smtp_banner = hi\n", QStringLiteral("smtp_banner")));
        QCOMPARE(field.lineEdit()->text(), QStringLiteral("hi "));
        field.setValue(valueOf("smtp_banner = other\n", QStringLiteral("smtp_banner")));
        QCOMPARE(field.lineEdit()->text(), QStringLiteral("other"));
    }

    void resetAndBrowse()
    {
        OptionField field(QStringLiteral("tls_certificate"), OptionField::Kind::File);
        field.setValue(
            valueOf("tls_certificate = /etc/cert.pem\n", QStringLiteral("tls_certificate")));
        QSignalSpy reset(&field, &OptionField::resetRequested);
        QSignalSpy browse(&field, &OptionField::browseRequested);
        resetAction(field)->trigger();
        QCOMPARE(reset.size(), 1);
        auto *button = field.findChild<QAbstractButton *>();
        QVERIFY(button);
        button->click();
        QCOMPARE(browse.size(), 1);
        QCOMPARE(browse.first().first().toString(), QStringLiteral("tls_certificate"));
    }

    void checkBox()
    {
        OptionField field(QStringLiteral("disable_ipv6"), OptionField::Kind::Bool);
        QVERIFY(!field.lineEdit());
        field.setValue(valueOf("disable_ipv6\n", QStringLiteral("disable_ipv6")));
        QVERIFY(field.checkBox()->isChecked());
        QSignalSpy toggled(&field, &OptionField::toggled);
        field.checkBox()->click();
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled.first().at(1).toBool(), false);
    }

    void diagnosticsShowInPlace()
    {
        OptionField field(QStringLiteral("daemon_smtp_ports"), OptionField::Kind::PortList);
        field.show();
        QCOMPARE(field.property("severity").isValid(), false);
        Diagnostic d{Severity::Error,
                     DiagnosticCode::PortOutOfRange,
                     QStringLiteral("daemon_smtp_ports"),
                     QStringLiteral("99999"),
                     1,
                     26,
                     QStringLiteral("Port 99999 is outside 1 to 65535.")};
        field.setValue(
            valueOf("daemon_smtp_ports = 25 : 99999 : 26\n", QStringLiteral("daemon_smtp_ports")));
        field.setDiagnostics({d});
        QVERIFY(field.messageLabel()->isVisible());
        QVERIFY(field.messageLabel()->text().contains(QLatin1String("outside 1 to 65535")));
        QCOMPARE(field.property("severity").toInt(), int(Severity::Error));

        field.focusDiagnostic(d);
        QCOMPARE(field.lineEdit()->selectedText(), QStringLiteral("99999"));
        QCOMPARE(field.lineEdit()->selectionStart(), 5);

        field.setDiagnostics({});
        QVERIFY(!field.messageLabel()->isVisible());
        QCOMPARE(field.property("severity").toInt(), -1);
    }

    void commandLineColumns()
    {
        OptionField field(QStringLiteral("-oX"), OptionField::Kind::List);
        field.setCommandLineValue(QStringLiteral("<; ::1.25 ; ::1.25"));
        Diagnostic d{Severity::Error,
                     DiagnosticCode::DuplicateSocket,
                     QStringLiteral("-oX"),
                     QStringLiteral("::1"),
                     0,
                     13,
                     QStringLiteral("twice")};
        field.focusDiagnostic(d);
        QCOMPARE(field.lineEdit()->selectionStart(), 12);
        QCOMPARE(field.lineEdit()->selectedText(), QStringLiteral("::1.25"));
    }
};

QTEST_MAIN(tst_OptionField)
#include "tst_optionfield.moc"
