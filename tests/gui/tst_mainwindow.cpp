#include "mainwindow.h"

#include "configdocument.h"
#include "configeditor.h"
#include "diagnosticsmodel.h"
#include "diagnosticspanel.h"
#include "fakehost.h"
#include "hostinterfacesmodel.h"
#include "hostinterfacesview.h"
#include "interfacelisteditor.h"
#include "interfacelistmodel.h"
#include "optionfield.h"
#include "planmodel.h"
#include "planview.h"
#include "prompter.h"
#include "recentfiles.h"
#include "sourceeditor.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Mailport;

namespace {

QAction *findAction(QWidget *window, const QString &text)
{
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // English plural forms ("1 socket", "2 sockets") come from mailport_en.ts.
        Translations::load(QCoreApplication::instance(), QLocale(QLocale::English));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MailportTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void init()
    {
        RecentFiles().clear();
        m_host = fakeHost();
        MainWindowEnvironment env;
        env.hostSource = [this] {
            return m_host;
        };
        env.listeningSource = [this] {
            return m_listening;
        };
        env.privileged = true;
        env.scriptedPrompts = true;
        env.useSettings = false;
        m_window = std::make_unique<MainWindow>(env);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_document = m_window->document();
    }

    void cleanup()
    {
        QCOMPARE(m_window->prompter()->unansweredQuestions(), 0);
        m_window.reset();
    }

    InterfaceListEditor *interfaces() const
    {
        return m_window->configEditor()->listEditor(QStringLiteral("local_interfaces"));
    }

    int rowWith(DiagnosticCode code) const
    {
        const Diagnostics &all = m_window->diagnosticsPanel()->model()->diagnostics();
        for (int i = 0; i < all.size(); ++i) {
            if (all[i].code == code)
                return i;
        }
        return -1;
    }

    void typingABadItemMarksItsFieldAndListsIt()
    {
        QLineEdit *line = interfaces()->valueEdit();
        line->setFocus();
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("<; 127.0.0.1 ; 300.1.1.1"));
        QCOMPARE(m_document->configuration().text(QStringLiteral("local_interfaces")),
                 QStringLiteral("<; 127.0.0.1 ; 300.1.1.1"));
        // Validation follows the typing within a few milliseconds.
        QTRY_VERIFY(rowWith(DiagnosticCode::MalformedAddress) >= 0);
        const Diagnostic d = m_window->diagnosticsPanel()->model()->diagnostic(
            rowWith(DiagnosticCode::MalformedAddress));
        QCOMPARE(d.item, QStringLiteral("300.1.1.1"));
        QCOMPARE(interfaces()->property("severity").toInt(), int(Severity::Error));
        InterfaceListModel *rows = interfaces()->model();
        QCOMPARE(rows->index(1, 0).data(InterfaceListModel::SeverityRole).toInt(),
                 int(Severity::Error));
        QCOMPARE(rows->index(0, 0).data(InterfaceListModel::SeverityRole).toInt(), -1);
        QCOMPARE(m_window->planView()->model()->rowCount(), 1);

        // Fixing it clears the mark and the list, and the plan gains the socket.
        for (int i = 0; i < 9; ++i)
            QTest::keyClick(line, Qt::Key_Backspace);
        QTest::keyClicks(line, QStringLiteral("192.0.2.10"));
        QTRY_COMPARE(m_window->diagnosticsPanel()->model()->rowCount(), 0);
        QCOMPARE(interfaces()->property("severity").toInt(), -1);
        QCOMPARE(rows->index(1, 0).data(InterfaceListModel::SeverityRole).toInt(), -1);
        PlanModel *plan = m_window->planView()->model();
        QCOMPARE(plan->rowCount(), 2);
        QCOMPARE(plan->socket(1).address, QStringLiteral("192.0.2.10"));
        QCOMPARE(plan->socket(1).port, 25);
    }

    void clickingADiagnosticFocusesItsField()
    {
        m_document->setText(QStringLiteral("daemon_smtp_ports = 2525\n"
                                           "local_interfaces = <; 127.0.0.1 ; 198.51.100.7\n"
                                           "recipients_max = many\n"));
        m_document->validate();
        m_window->pages()->setCurrentWidget(m_window->planView());
        QTreeView *view = m_window->diagnosticsPanel()->view();
        const auto click = [view](int row) {
            const QRect rect = view->visualRect(view->model()->index(row, 0));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        };

        const int notLocal = rowWith(DiagnosticCode::AddressNotLocal);
        QVERIFY(notLocal >= 0);
        click(notLocal);
        QCOMPARE(m_window->pages()->currentWidget(), m_window->configEditor());
        QTRY_COMPARE(QApplication::focusWidget(), interfaces()->view());
        QCOMPARE(interfaces()->view()->currentIndex().row(), 1);

        click(rowWith(DiagnosticCode::BadValue));
        QLineEdit *recipients
            = m_window->configEditor()->field(QStringLiteral("recipients_max"))->lineEdit();
        QTRY_COMPARE(QApplication::focusWidget(), recipients);
        QCOMPARE(m_window->configEditor()->currentGroup(), OptionCatalog::Group::Limits);
    }

    void diagnosticsWithoutAFieldOpenTheText()
    {
        m_document->setText(QStringLiteral("# x\nno_such_option = 1\n"));
        m_document->validate();
        QCOMPARE(m_window->diagnosticsPanel()->model()->rowCount(), 1);
        m_window->diagnosticsPanel()->activateNext();
        QCOMPARE(m_window->pages()->currentWidget(), m_window->sourceEditor());
        QCOMPARE(m_window->sourceEditor()->textCursor().blockNumber(), 1);
        QTRY_VERIFY(m_window->sourceEditor()->hasFocus());
    }

    void addingAnAddressFromTheHostView()
    {
        HostInterfacesView *hosts = m_window->hostView();
        QCOMPARE(hosts->model()->rowCount(), 2); // the injected host: lo and eth0
        m_window->pages()->setCurrentWidget(hosts);
        QVERIFY(hosts->selectAddress(QStringLiteral("fe80::10"), QStringLiteral("eth0")));
        hosts->addToLocalInterfacesAction()->trigger();
        QCOMPARE(m_window->pages()->currentWidget(), m_window->configEditor());
        QCOMPARE(m_document->configuration().text(QStringLiteral("local_interfaces")),
                 QStringLiteral("<; fe80::10%eth0"));
        m_document->validate();
        QCOMPARE(m_window->planView()->model()->rowCount(), 1);
        QCOMPARE(m_window->planView()->model()->socket(0).scope, QStringLiteral("eth0"));
        // The view highlights the address the configuration now binds.
        const QModelIndex address = hosts->model()->indexOfAddress(QStringLiteral("fe80::10"));
        QCOMPARE(HostInterfacesModel::Usage(address.data(HostInterfacesModel::UsageRole).toInt()),
                 HostInterfacesModel::Usage::Bound);

        hosts->selectAddress(QStringLiteral("127.0.0.1"));
        hosts->addToLocalInterfacesAction()->trigger();
        QCOMPARE(m_document->configuration().text(QStringLiteral("local_interfaces")),
                 QStringLiteral("<; fe80::10%eth0 ; 127.0.0.1"));
        QCOMPARE(interfaces()->view()->currentIndex().row(), 1);
    }

    void hostChangesRevalidate()
    {
        m_document->setText(QStringLiteral("local_interfaces = <; 127.0.0.1 ; 198.51.100.7\n"));
        m_document->validate();
        QVERIFY(rowWith(DiagnosticCode::AddressNotLocal) >= 0);
        m_host = fakeHost(true); // eth1 with 198.51.100.7 appears
        m_window->hostMonitor()->poll();
        QCOMPARE(m_window->hostView()->model()->rowCount(), 3);
        QTRY_COMPARE(rowWith(DiagnosticCode::AddressNotLocal), -1);
    }

    void portsInUseShowInThePlan()
    {
        m_listening = {{QHostAddress(QStringLiteral("127.0.0.1")), 2525}};
        m_document->setText(QStringLiteral("local_interfaces = 127.0.0.1.2525\n"));
        m_document->validate();
        QTRY_VERIFY(m_window->planView()->model()->isInUse(0));
    }

    void importAndExportExim()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("exim4.conf"));
        QVERIFY(writeFile(input, "local_interfaces = <; 127.0.0.1.2525 ; ::1.2525\n"
                                 "acl_smtp_rcpt = acl_check_rcpt\n"
                                 "begin acl\n"));
        Prompter *prompter = m_window->prompter();
        prompter->queueFileName(input);
        findAction(m_window.get(), QStringLiteral("&Import exim.conf…"))->trigger();
        QTRY_COMPARE(m_document->configuration().text(QStringLiteral("local_interfaces")),
                     QStringLiteral("<; 127.0.0.1.2525 ; ::1.2525"));
        QVERIFY(!m_document->text().contains(QLatin1String("acl_smtp_rcpt")));
        QCOMPARE(prompter->messages().size(), 1);
        QCOMPARE(prompter->messages()[0].primary,
                 QStringLiteral("Imported 1 listening option from exim4.conf."));
        QVERIFY(prompter->messages()[0].detail.contains(QLatin1String("acl_smtp_rcpt")));
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_window->planView()->model()->rowCount(), 2);

        const QString output = dir.filePath(QStringLiteral("export.conf"));
        prompter->queueFileName(output);
        findAction(m_window.get(), QStringLiteral("&Export Exim Options…"))->trigger();
        QTRY_COMPARE(readFile(output),
                     QStringLiteral("local_interfaces = <; 127.0.0.1.2525 ; ::1.2525\n"));

        // Importing over a modified document asks first; Cancel leaves it alone.
        prompter->queueSaveChoice(Prompter::SaveChoice::Cancel);
        m_window->importEximConfiguration();
        QTRY_COMPARE(prompter->pendingAnswers(), 0);
        QVERIFY(m_document->isModified());
    }

    void importReportsUnreadableFiles()
    {
        m_window->importEximFile(QStringLiteral("/nonexistent/exim.conf"));
        QCOMPARE(m_window->prompter()->messages().size(), 1);
        QCOMPARE(m_window->prompter()->messages()[0].kind, Prompter::MessageKind::Error);
        QCOMPARE(m_window->prompter()->messages()[0].primary,
                 QStringLiteral("Could not open the file."));
    }

    void sendmailImportAndExport()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("sendmail.mc"));
        QVERIFY(writeFile(input, "DAEMON_OPTIONS(`Port=2525, Addr=127.0.0.1, Name=MTA')dnl\n"));
        m_window->importSendmailFile(input);
        QCOMPARE(m_document->plan().sockets.size(), 1);
        QCOMPARE(m_document->plan().sockets[0].port, 2525);
        const QString output = dir.filePath(QStringLiteral("out.mc"));
        m_window->exportSendmailTo(output);
        QVERIFY(readFile(output).contains(QLatin1String("DAEMON_OPTIONS(")));
        QVERIFY(readFile(output).contains(QLatin1String("Port=2525")));
    }

    void unsavedChangesPrompt()
    {
        QTemporaryDir dir;
        Prompter *prompter = m_window->prompter();
        m_document->setOption(QStringLiteral("daemon_smtp_ports"), QStringLiteral("2525"));
        QVERIFY(m_window->isWindowModified());

        prompter->queueSaveChoice(Prompter::SaveChoice::Cancel);
        m_window->newDocument();
        QTRY_COMPARE(prompter->pendingAnswers(), 0);
        QVERIFY(m_document->text().contains(QLatin1String("2525")));

        prompter->queueSaveChoice(Prompter::SaveChoice::Discard);
        m_window->newDocument();
        QTRY_VERIFY(!m_document->text().contains(QLatin1String("2525")));
        QVERIFY(!m_window->isWindowModified());

        // Closing: Save asks for a name, writes, then closes.
        m_document->setOption(QStringLiteral("daemon_smtp_ports"), QStringLiteral("2526"));
        const QString path = dir.filePath(QStringLiteral("saved.conf"));
        prompter->queueSaveChoice(Prompter::SaveChoice::Save);
        prompter->queueFileName(path);
        QVERIFY(!m_window->close());
        QTRY_VERIFY(!m_window->isVisible());
        QCOMPARE(readFile(path), m_document->text());
        QCOMPARE(RecentFiles().files().value(0), path);
        QVERIFY(!m_document->isModified());
    }

    void saveAsCancelledKeepsTheWindow()
    {
        m_document->setOption(QStringLiteral("daemon_smtp_ports"), QStringLiteral("2526"));
        m_window->prompter()->queueSaveChoice(Prompter::SaveChoice::Save);
        m_window->prompter()->queueFileName(QString());
        m_window->close();
        QTRY_COMPARE(m_window->prompter()->pendingAnswers(), 0);
        QVERIFY(m_window->isVisible());
        QVERIFY(m_document->isModified());
        m_document->clear(); // let cleanup close it
    }

    void openAndRecentFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.conf"));
        QVERIFY(writeFile(path, "daemon_smtp_ports = 2600\n"));
        m_window->prompter()->queueFileName(path);
        m_window->open();
        QTRY_COMPARE(m_document->filePath(), path);
        QCOMPARE(m_window->windowTitle(), QStringLiteral("a.conf[*] — Mailport"));
        QCOMPARE(m_window->configEditor()
                     ->field(QStringLiteral("daemon_smtp_ports"))
                     ->lineEdit()
                     ->text(),
                 QStringLiteral("2600"));
        QCOMPARE(RecentFiles().files(), QStringList({path}));

        m_window->openFile(dir.filePath(QStringLiteral("gone.conf")));
        QCOMPARE(m_window->prompter()->messages().last().kind, Prompter::MessageKind::Error);
        QCOMPARE(m_document->filePath(), path);
    }

    void undoCoversFormAndText()
    {
        QAction *undo = findAction(m_window.get(), QStringLiteral("&Undo"));
        QVERIFY(undo);
        QVERIFY(!undo->isEnabled());
        QTest::keyClicks(
            m_window->configEditor()->field(QStringLiteral("daemon_smtp_ports"))->lineEdit(),
            QStringLiteral("26"));
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QVERIFY(!m_document->text().contains(QLatin1String("daemon_smtp_ports")));
        // The hidden text page catches up when shown.
        m_window->pages()->setCurrentWidget(m_window->sourceEditor());
        QCOMPARE(m_window->sourceEditor()->toPlainText(), m_document->text());
    }

    void statusAndTitle()
    {
        QVERIFY(m_window->windowTitle().startsWith(QLatin1String("Untitled")));
        auto labels = m_window->statusBar()->findChildren<QLabel *>();
        bool found = false;
        for (QLabel *l : labels)
            found = found || l->text() == QStringLiteral("No problems · 2 sockets");
        QVERIFY(found);
    }

    void extensionPoints()
    {
        auto *page = new QLabel(QStringLiteral("daemon"));
        const int index = m_window->addPage(page, QIcon(), QStringLiteral("Daemon"));
        QCOMPARE(index, 4);
        QCOMPARE(m_window->pages()->widget(4), page);
        QAction *show = findAction(m_window.get(), QStringLiteral("Daemon"));
        QVERIFY(show);
        QCOMPARE(show->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_5));
        show->trigger();
        QCOMPARE(m_window->pages()->currentWidget(), page);
        QMenu *menu = m_window->addMenu(QStringLiteral("&Daemon"));
        const QList<QAction *> menus = m_window->menuBar()->actions();
        QCOMPARE(menus.at(menus.size() - 2), menu->menuAction());
        QVERIFY(m_window->mainToolBar());
    }

    void aboutNamesTheVersions()
    {
        const QString about = MainWindow::aboutText();
        QVERIFY(about.contains(QLatin1String(MAILPORT_VERSION)));
        QVERIFY(about.contains(QString::fromLatin1(qVersion())));
        QVERIFY(about.contains(QLatin1String("OpenSSL 3")));
    }

private:
    std::unique_ptr<MainWindow> m_window;
    ConfigDocument *m_document = nullptr;
    HostInterfaces m_host;
    QList<ListeningSocket> m_listening;
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
