#include "configdocument.h"

#include "fakehost.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Mailport;

namespace {

const QByteArray kEximConf = "# A Debian-style exim4.conf\n"
                             "primary_hostname = mx.example.org\n"
                             "domainlist local_domains = @ : localhost\n"
                             "local_interfaces = <; 127.0.0.1 ; ::1 ; 192.0.2.10\n"
                             "daemon_smtp_ports = smtp : 587\n"
                             "acl_smtp_rcpt = acl_check_rcpt\n"
                             "no_disable_ipv6\n"
                             "tls_on_connect_ports = 465\n"
                             "begin acl\n"
                             "acl_check_rcpt:\n"
                             "  accept\n";

int lookup(const QString &name)
{
    if (name == QLatin1String("smtp"))
        return 25;
    if (name == QLatin1String("submission"))
        return 587;
    return -1;
}

} // namespace

class tst_ConfigDocument : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<ConfigDocument>();
        m_document->setHost(fakeHost());
        m_document->setServiceLookup(&lookup);
        m_document->validate();
    }

    void startsWithDefaultsAndAPlan()
    {
        QVERIFY(!m_document->isModified());
        QCOMPARE(m_document->displayName(), QStringLiteral("Untitled"));
        QCOMPARE(m_document->plan().sockets.size(), 2); // ::0 and 0.0.0.0 on port 25
        QVERIFY(m_document->diagnostics().isEmpty());
    }

    void setOptionKeepsOtherLines()
    {
        m_document->setText(QStringLiteral("# keep me\ndaemon_smtp_ports = 25\n# and me\n"));
        m_document->setOption(QStringLiteral("daemon_smtp_ports"), QStringLiteral("2525 : 2526"));
        QCOMPARE(m_document->text(),
                 QStringLiteral("# keep me\ndaemon_smtp_ports = 2525 : 2526\n# and me\n"));
        m_document->setOption(QStringLiteral("smtp_banner"), QStringLiteral("hello"));
        QVERIFY(m_document->text().contains(QLatin1String("smtp_banner = hello\n")));
        m_document->unsetOption(QStringLiteral("smtp_banner"));
        QVERIFY(!m_document->text().contains(QLatin1String("smtp_banner")));
    }

    void changedIsImmediateValidationDebounced()
    {
        QSignalSpy changed(m_document.get(), &ConfigDocument::changed);
        QSignalSpy validated(m_document.get(), &ConfigDocument::validated);
        m_document->setOption(QStringLiteral("local_interfaces"), QStringLiteral("127.0.0.1"));
        m_document->setOption(QStringLiteral("local_interfaces"),
                              QStringLiteral("<; 127.0.0.1 ; ::1"));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(m_document->configuration().text(QStringLiteral("local_interfaces")),
                 QStringLiteral("<; 127.0.0.1 ; ::1"));
        QVERIFY(m_document->isValidationPending());
        QVERIFY(validated.wait());
        QCOMPARE(validated.size(), 1); // both edits validated at once
        QCOMPARE(m_document->plan().sockets.size(), 2);
    }

    void diagnosticsComeFromFileAndPlan()
    {
        m_document->setText(QStringLiteral("bogus_option = 1\nlocal_interfaces = 300.1.1.1\n"));
        m_document->validate();
        const Diagnostics &d = m_document->diagnostics();
        QCOMPARE(d.size(), 3);
        QCOMPARE(d[0].code, DiagnosticCode::UnknownOption);
        QCOMPARE(d[1].code, DiagnosticCode::MalformedAddress);
        QCOMPARE(d[1].line, 2);
        QCOMPARE(d[1].column, 20);
        QCOMPARE(d[2].code, DiagnosticCode::NoSockets);
        QVERIFY(!m_document->plan().ok());
    }

    void inputsChangeThePlan()
    {
        QSignalSpy inputs(m_document.get(), &ConfigDocument::inputsChanged);
        m_document->setOx(true, QStringLiteral("127.0.0.1.2525"));
        m_document->setTlsOnConnectAll(true);
        QCOMPARE(inputs.size(), 2);
        m_document->validate();
        QCOMPARE(m_document->plan().sockets.size(), 1);
        QCOMPARE(m_document->plan().sockets[0].port, 2525);
        QCOMPARE(m_document->plan().sockets[0].tls, TlsMode::Smtps);
        m_document->setOx(false, QString());
        m_document->setPrivileged(false);
        m_document->validate();
        QCOMPARE(m_document->plan().sockets.size(), 2);
        QCOMPARE(m_document->diagnostics().first().code, DiagnosticCode::PrivilegedPort);
    }

    void hostDecidesWhatIsLocal()
    {
        m_document->setOption(QStringLiteral("local_interfaces"), QStringLiteral("198.51.100.7"));
        m_document->validate();
        QCOMPARE(m_document->diagnostics().first().code, DiagnosticCode::AddressNotLocal);
        m_document->setHost(fakeHost(true));
        m_document->validate();
        QVERIFY(m_document->plan().ok());
    }

    void undoRedoAndModified()
    {
        QSignalSpy modified(m_document.get(), &ConfigDocument::modifiedChanged);
        const QString original = m_document->text();
        m_document->setOption(QStringLiteral("daemon_smtp_ports"), QStringLiteral("2"));
        m_document->setOption(QStringLiteral("daemon_smtp_ports"), QStringLiteral("25"));
        m_document->setOption(QStringLiteral("smtp_banner"), QStringLiteral("hi"));
        QVERIFY(m_document->isModified());
        QCOMPARE(modified.size(), 1);
        // Typing in one field is one step.
        QCOMPARE(m_document->undoStack()->count(), 2);
        m_document->undoStack()->undo();
        QVERIFY(!m_document->text().contains(QLatin1String("smtp_banner")));
        m_document->undoStack()->undo();
        QCOMPARE(m_document->text(), original);
        QVERIFY(!m_document->isModified());
        m_document->undoStack()->redo();
        QCOMPARE(m_document->configuration().text(QStringLiteral("daemon_smtp_ports")),
                 QStringLiteral("25"));
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.conf"));
        QSignalSpy pathChanged(m_document.get(), &ConfigDocument::filePathChanged);
        m_document->setOption(QStringLiteral("daemon_smtp_ports"), QStringLiteral("2525"));
        QVERIFY(m_document->save(path).ok());
        QVERIFY(!m_document->isModified());
        QCOMPARE(pathChanged.size(), 1);
        QCOMPARE(m_document->displayName(), QStringLiteral("a.conf"));

        ConfigDocument other;
        QVERIFY(other.load(path).ok());
        QCOMPARE(other.text(), m_document->text());
        QVERIFY(!other.isModified());
        QCOMPARE(other.undoStack()->count(), 0);
    }

    void fileErrors()
    {
        QTemporaryDir dir;
        DocumentResult r = m_document->load(dir.filePath(QStringLiteral("missing.conf")));
        QCOMPARE(r.code, DocumentResult::Code::OpenFailed);
        QVERIFY(r.detail.contains(QLatin1String("missing.conf")));
        r = m_document->load(dir.path());
        QCOMPARE(r.code, DocumentResult::Code::OpenFailed);
        r = m_document->save(dir.filePath(QStringLiteral("no/such/dir/x.conf")));
        QCOMPARE(r.code, DocumentResult::Code::WriteFailed);
        QVERIFY(!r.message.isEmpty());
    }

    void importEximTakesListeningOptionsOnly()
    {
        const ImportReport report = m_document->importExim(kEximConf, QStringLiteral("exim4.conf"));
        QVERIFY(report.result.ok());
        QCOMPARE(
            report.imported,
            QStringList({QStringLiteral("primary_hostname"), QStringLiteral("local_interfaces"),
                         QStringLiteral("daemon_smtp_ports"), QStringLiteral("no_disable_ipv6"),
                         QStringLiteral("tls_on_connect_ports")}));
        QCOMPARE(report.notImported,
                 QStringList({QStringLiteral("domainlist"), QStringLiteral("acl_smtp_rcpt")}));
        QVERIFY(report.otherSections);
        QVERIFY(report.summary.contains(QLatin1String("5")));
        QVERIFY(report.details.contains(QLatin1String("acl_smtp_rcpt")));
        QVERIFY(m_document->isModified());
        QVERIFY(m_document->filePath().isEmpty());
        const Configuration &c = m_document->configuration();
        QCOMPARE(c.text(QStringLiteral("local_interfaces")),
                 QStringLiteral("<; 127.0.0.1 ; ::1 ; 192.0.2.10"));
        QCOMPARE(c.text(QStringLiteral("daemon_smtp_ports")), QStringLiteral("smtp : 587"));
        QVERIFY(c.value(QStringLiteral("disable_ipv6")).isSet);
        QVERIFY(!m_document->text().contains(QLatin1String("acl_smtp_rcpt")));
        QVERIFY(!m_document->text().contains(QLatin1String("begin")));
        // Undo returns to the empty document the import replaced.
        m_document->undoStack()->undo();
        QVERIFY(m_document->text().isEmpty());
    }

    void exportEximWritesTheOptionLines()
    {
        m_document->importExim(kEximConf, QStringLiteral("exim4.conf"));
        const QString expected
            = QStringLiteral("primary_hostname = mx.example.org\n"
                             "local_interfaces = <; 127.0.0.1 ; ::1 ; 192.0.2.10\n"
                             "daemon_smtp_ports = smtp : 587\n"
                             "no_disable_ipv6\n"
                             "tls_on_connect_ports = 465\n");
        QCOMPARE(m_document->eximOptions(), expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.conf"));
        QVERIFY(m_document->exportEximOptions(path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), expected);
        // Reading the export back gives the same options.
        Diagnostics d;
        const Configuration again = Configuration::parse(expected.toUtf8(), &d);
        QVERIFY(d.isEmpty());
        QCOMPARE(again.text(QStringLiteral("local_interfaces")),
                 m_document->configuration().text(QStringLiteral("local_interfaces")));
    }

    void exportQuotesWhatNeedsIt()
    {
        m_document->setOption(QStringLiteral("smtp_banner"), QStringLiteral(" padded"));
        QCOMPARE(m_document->eximOptions(), QStringLiteral("smtp_banner = \" padded\"\n"));
    }

    void sendmailImport()
    {
        const QByteArray cf
            = "O DaemonPortOptions=Family=inet, Addr=127.0.0.1, Port=2525, Name=MTA\n"
              "O DaemonPortOptions=Family=inet6, Addr=::1, Port=2525, Name=MTA-v6\n";
        const ImportReport report = m_document->importSendmail(cf, QStringLiteral("sendmail.cf"));
        QVERIFY2(report.result.ok(), qPrintable(report.result.detail));
        QVERIFY(report.imported.contains(QStringLiteral("local_interfaces")));
        m_document->validate();
        QVERIFY(m_document->plan().ok());
        QCOMPARE(m_document->plan().sockets.size(), 2);
        QCOMPARE(m_document->plan().sockets[0].port, 2525);
        QVERIFY(m_document->isModified());
    }

    void sendmailImportRefusesOtherText()
    {
        const ImportReport report
            = m_document->importSendmail("hello world\n", QStringLiteral("notes.txt"));
        QCOMPARE(report.result.code, DocumentResult::Code::NotRecognised);
        QVERIFY(report.result.detail.contains(QLatin1String("notes.txt")));
    }

    void sendmailExportFromThePlan()
    {
        m_document->setOption(QStringLiteral("local_interfaces"),
                              QStringLiteral("<; 127.0.0.1.2525 ; [::1]:2526"));
        m_document->validate();
        Diagnostics left;
        const QString text = m_document->sendmailOptions(SendmailOptions::Syntax::Cf, &left);
        QVERIFY(left.isEmpty());
        QVERIFY2(text.contains(QLatin1String("Addr=127.0.0.1")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Port=2525")));
        QVERIFY(text.contains(QLatin1String("Family=inet6")));
        QCOMPARE(text.count(QLatin1String("O DaemonPortOptions=")), 2);
    }

    void clearStartsOver()
    {
        m_document->setOption(QStringLiteral("daemon_smtp_ports"), QStringLiteral("1"));
        m_document->clear();
        QVERIFY(!m_document->isModified());
        QVERIFY(!m_document->text().contains(QLatin1String("daemon_smtp_ports")));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

private:
    std::unique_ptr<ConfigDocument> m_document;
};

QTEST_GUILESS_MAIN(tst_ConfigDocument)
#include "tst_configdocument.moc"
