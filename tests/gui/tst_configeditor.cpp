#include "configeditor.h"

#include "configdocument.h"
#include "fakehost.h"
#include "interfacelisteditor.h"
#include "interfacelistmodel.h"
#include "optionfield.h"
#include "prompter.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QTest>

using namespace Mailport;

class tst_ConfigEditor : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<ConfigDocument>();
        m_document->setHost(fakeHost());
        m_prompter = std::make_unique<Prompter>();
        m_prompter->setScripted(true);
        m_editor = std::make_unique<ConfigEditor>(m_document.get(), m_prompter.get());
        m_editor->resize(900, 700);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }

    void everyOptionHasAField()
    {
        for (const OptionSpec &spec : Configuration::options()) {
            if (!spec.aliasOf)
                QVERIFY2(m_editor->fieldWidget(QLatin1String(spec.name)), spec.name);
        }
        QVERIFY(m_editor->field(QStringLiteral("-oX")));
        QVERIFY(m_editor->field(QStringLiteral("-tls-on-connect")));
        QVERIFY(m_editor->listEditor(QStringLiteral("extra_local_interfaces")));
    }

    void typingChangesTheDocument()
    {
        QLineEdit *ports = m_editor->field(QStringLiteral("daemon_smtp_ports"))->lineEdit();
        QTest::keyClicks(ports, QStringLiteral("2525"));
        QCOMPARE(m_document->configuration().text(QStringLiteral("daemon_smtp_ports")),
                 QStringLiteral("2525"));
        // Clearing a field whose default is a value other than empty keeps it explicit...
        ports->selectAll();
        QTest::keyClick(ports, Qt::Key_Backspace);
        QVERIFY(m_document->configuration().value(QStringLiteral("daemon_smtp_ports")).isSet);
        // ...while an option with no default goes away.
        QLineEdit *hostname = m_editor->field(QStringLiteral("primary_hostname"))->lineEdit();
        QTest::keyClicks(hostname, QStringLiteral("mx"));
        QVERIFY(m_document->text().contains(QLatin1String("primary_hostname = mx")));
        QTest::keyClick(hostname, Qt::Key_Backspace);
        QTest::keyClick(hostname, Qt::Key_Backspace);
        QVERIFY(!m_document->text().contains(QLatin1String("primary_hostname")));
    }

    void fieldsFollowTheDocument()
    {
        m_document->setText(QStringLiteral("daemon_smtp_port = 26\nno_disable_ipv6\n"));
        QCOMPARE(m_editor->field(QStringLiteral("daemon_smtp_ports"))->lineEdit()->text(),
                 QStringLiteral("26"));
        QVERIFY(!m_editor->field(QStringLiteral("disable_ipv6"))->checkBox()->isChecked());
        m_editor->field(QStringLiteral("disable_ipv6"))->checkBox()->click();
        QVERIFY(m_document->text().contains(QLatin1String("\ndisable_ipv6\n")));
        // The singular spelling the file uses is kept.
        QTest::keyClick(m_editor->field(QStringLiteral("daemon_smtp_ports"))->lineEdit(),
                        Qt::Key_7);
        QVERIFY(m_document->text().startsWith(QLatin1String("daemon_smtp_port = 267\n")));
    }

    void unsetBooleanStaysUnsetWhenUnchanged()
    {
        QCheckBox *box = m_editor->field(QStringLiteral("disable_ipv6"))->checkBox();
        box->click();
        QVERIFY(m_document->text().contains(QLatin1String("disable_ipv6")));
        m_document->unsetOption(QStringLiteral("disable_ipv6"));
        QVERIFY(!box->isChecked());
    }

    void commandLineInputs()
    {
        QTest::keyClicks(m_editor->field(QStringLiteral("-oX"))->lineEdit(),
                         QStringLiteral("127.0.0.1.2525"));
        QVERIFY(m_document->oxGiven());
        QCOMPARE(m_document->oxValue(), QStringLiteral("127.0.0.1.2525"));
        QVERIFY(!m_document->text().contains(QLatin1String("2525")));
        m_editor->field(QStringLiteral("-tls-on-connect"))->checkBox()->click();
        QVERIFY(m_document->tlsOnConnectAll());
    }

    void diagnosticsMarkFieldsAndGroups()
    {
        m_document->setText(QStringLiteral("daemon_smtp_ports = 99999\nrecipients_max = lots\n"));
        m_document->validate();
        OptionField *ports = m_editor->field(QStringLiteral("daemon_smtp_ports"));
        QCOMPARE(ports->diagnostics().size(), 1);
        QCOMPARE(ports->diagnostics().first().code, DiagnosticCode::PortOutOfRange);
        QCOMPARE(m_editor->field(QStringLiteral("recipients_max"))->diagnostics().first().code,
                 DiagnosticCode::BadValue);
        QVERIFY(m_editor->field(QStringLiteral("smtp_banner"))->diagnostics().isEmpty());

        m_document->setText(QStringLiteral("daemon_smtp_ports = 2525\n"));
        m_document->validate();
        QVERIFY(ports->diagnostics().isEmpty());
        QVERIFY(m_editor->field(QStringLiteral("recipients_max"))->diagnostics().isEmpty());
    }

    void fieldOf_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("field");
        QTest::newRow("list") << "local_interfaces"
                              << "local_interfaces";
        QTest::newRow("alias") << "daemon_smtp_port"
                               << "daemon_smtp_ports";
        QTest::newRow("negated") << "no_disable_ipv6"
                                 << "disable_ipv6";
        QTest::newRow("-oX") << "-oX"
                             << "-oX";
        QTest::newRow("syntax error") << ""
                                      << "";
        QTest::newRow("unknown option") << "bogus"
                                        << "";
    }

    void fieldOf()
    {
        QFETCH(QString, option);
        QFETCH(QString, field);
        Diagnostic d;
        d.option = option;
        QCOMPARE(ConfigEditor::fieldOf(d), field);
    }

    void showDiagnosticSwitchesGroupAndFocuses()
    {
        m_document->setText(QStringLiteral("recipients_max = lots\n"));
        m_document->validate();
        const Diagnostic d
            = m_editor->field(QStringLiteral("recipients_max"))->diagnostics().first();
        QCOMPARE(m_editor->currentGroup(), OptionCatalog::Group::Listening);
        QVERIFY(m_editor->showDiagnostic(d));
        QCOMPARE(m_editor->currentGroup(), OptionCatalog::Group::Limits);
        QTRY_VERIFY(m_editor->field(QStringLiteral("recipients_max"))->lineEdit()->hasFocus());

        Diagnostic syntax;
        syntax.line = 1;
        QVERIFY(!m_editor->showDiagnostic(syntax));
    }

    void appendListItem()
    {
        // Unset: the list starts from the new item rather than from Exim's wildcards.
        QVERIFY(m_editor->appendListItem(QStringLiteral("local_interfaces"),
                                         QStringLiteral("192.0.2.10")));
        QCOMPARE(m_document->configuration().text(QStringLiteral("local_interfaces")),
                 QStringLiteral("192.0.2.10"));
        QVERIFY(m_editor->appendListItem(QStringLiteral("local_interfaces"),
                                         QStringLiteral("fe80::10%eth0")));
        QCOMPARE(m_document->configuration().text(QStringLiteral("local_interfaces")),
                 QStringLiteral("<; 192.0.2.10 ; fe80::10%eth0"));
        InterfaceListEditor *list = m_editor->listEditor(QStringLiteral("local_interfaces"));
        QCOMPARE(list->view()->currentIndex().row(), 1);
        QVERIFY(!m_editor->appendListItem(QStringLiteral("local_interfaces"),
                                          QStringLiteral("192.0.2.10")));
        QCOMPARE(list->view()->currentIndex().row(), 0);
        QVERIFY(
            !m_editor->appendListItem(QStringLiteral("daemon_smtp_ports"), QStringLiteral("25")));
    }

    void browseSetsThePath()
    {
        m_prompter->queueFileName(QStringLiteral("/etc/ssl/mail.pem"));
        OptionField *field = m_editor->field(QStringLiteral("tls_certificate"));
        emit field->browseRequested(QStringLiteral("tls_certificate"));
        QTRY_COMPARE(m_document->configuration().text(QStringLiteral("tls_certificate")),
                     QStringLiteral("/etc/ssl/mail.pem"));
        m_prompter->queueFileName(QString()); // cancelled: nothing changes
        emit field->browseRequested(QStringLiteral("tls_certificate"));
        QTRY_COMPARE(m_prompter->pendingAnswers(), 0);
        QCOMPARE(m_document->configuration().text(QStringLiteral("tls_certificate")),
                 QStringLiteral("/etc/ssl/mail.pem"));
    }

private:
    std::unique_ptr<ConfigDocument> m_document;
    std::unique_ptr<Prompter> m_prompter;
    std::unique_ptr<ConfigEditor> m_editor;
};

QTEST_MAIN(tst_ConfigEditor)
#include "tst_configeditor.moc"
