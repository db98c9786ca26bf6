#include "daemonworkspace.h"

#include "configdocument.h"
#include "daemonpage.h"
#include "daemontestenv.h"
#include "listenerstatusmodel.h"
#include "mainwindow.h"
#include "prompter.h"
#include "receivedmessagesmodel.h"
#include "receivedmessagespage.h"
#include "testmailpage.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>

using namespace Mailport;
using State = DaemonController::State;

class tst_DaemonWorkspace : public QObject
{
    Q_OBJECT

private:
    DaemonTestEnvironment m_env;
    std::unique_ptr<MainWindow> m_window;
    DaemonWorkspace *m_workspace = nullptr;

private slots:
    void initTestCase()
    {
        QVERIFY(m_env.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("MailportTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_daemonworkspace"));
    }

    void init()
    {
        MainWindowEnvironment env;
        env.hostSource = [] {
            return HostInterfaces::loopbackOnly();
        };
        env.listeningSource = [] {
            return QList<ListeningSocket>();
        };
        env.privileged = false;
        env.scriptedPrompts = true;
        env.useSettings = false;
        m_window = std::make_unique<MainWindow>(env);
        DaemonWorkspaceOptions options;
        options.program = QStringLiteral(MAILPORTD_PATH);
        options.timeouts.connectRetry = std::chrono::milliseconds(20);
        options.timeouts.refresh = std::chrono::milliseconds(200);
        m_workspace = new DaemonWorkspace(m_window.get(), options);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        DaemonController *controller = m_workspace->controller();
        if (controller->state() != State::Stopped && controller->state() != State::Crashed) {
            controller->stop();
            QTRY_VERIFY_WITH_TIMEOUT(controller->state() == State::Stopped
                                         || controller->state() == State::Crashed,
                                     20000);
        }
        m_window.reset();
    }

    void plugsIntoTheWindow()
    {
        QTabWidget *pages = m_window->pages();
        QCOMPARE(pages->count(), 7);
        QCOMPARE(pages->widget(4), m_workspace->daemonPage());
        QCOMPARE(pages->widget(5), m_workspace->testMailPage());
        QCOMPARE(pages->widget(6), m_workspace->receivedPage());
        QCOMPARE(pages->tabText(4), QStringLiteral("Daemon"));
        QVERIFY(m_window->menuBar()->actions().contains(m_workspace->menu()->menuAction()));
        QVERIFY(m_workspace->menu()->actions().contains(m_workspace->daemonPage()->startAction()));
        QVERIFY(m_window->actions().contains(m_workspace->daemonPage()->startAction()));
        QVERIFY(
            m_window->mainToolBar()->actions().contains(m_workspace->daemonPage()->stopAction()));
        QCOMPARE(m_workspace->controller()->program(), QStringLiteral(MAILPORTD_PATH));
        // Nothing ran at start-up: there was no daemon to attach to.
        QCOMPARE(m_workspace->controller()->state(), State::Stopped);
    }

    void startsTestsReceivesAndStops()
    {
        const quint16 plain = freePort();
        const quint16 smtps = freePort();
        QVERIFY(plain > 0 && smtps > 0 && plain != smtps);
        m_window->document()->setText(QString::fromUtf8(loopbackConfiguration(plain, smtps)));
        m_window->document()->validate();

        // Start from the Daemon page; the sockets it bound show beside the plan.
        DaemonPage *daemonPage = m_workspace->daemonPage();
        m_window->pages()->setCurrentWidget(daemonPage);
        daemonPage->startAction()->trigger();
        DaemonController *controller = m_workspace->controller();
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Running, 15000);
        QTRY_COMPARE(daemonPage->listenerModel()->count(ListenerStatusModel::Status::Bound), 2);
        QCOMPARE(daemonPage->listenerModel()->count(ListenerStatusModel::Status::NotBound), 0);
        // The data directory comes from XDG_DATA_HOME, the control socket from XDG_RUNTIME_DIR.
        QTRY_COMPARE(controller->spoolDirectory(), m_env.defaultDataDirectory() + "/spool");
        QCOMPARE(controller->controlDirectory(), m_env.runtimeDirectory() + "/mailport");

        // Send through the Test mail page to every listener.
        TestMailPage *testPage = m_workspace->testMailPage();
        m_window->pages()->setCurrentWidget(testPage);
        testPage->setSubject("Workspace test");
        QSignalSpy finished(testPage, &TestMailPage::finished);
        testPage->sendAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().at(0).toInt(), 3);
        QCOMPARE(finished.first().at(1).toInt(), 0);

        // The arrivals show in the Received messages page without a refresh.
        ReceivedMessagesPage *received = m_workspace->receivedPage();
        m_window->pages()->setCurrentWidget(received);
        QTRY_COMPARE_WITH_TIMEOUT(received->model()->rowCount(), 3, 10000);
        QCOMPARE(received->directory(), controller->spoolDirectory());
        QStringList subjects;
        for (const SpoolMessage &m : received->model()->messages())
            subjects.append(m.subject);
        subjects.sort();
        const QString endpoint = QStringLiteral("127.0.0.1:%1");
        QStringList expected{
            QStringLiteral("Workspace test [%1 implicit-tls]").arg(endpoint.arg(smtps)),
            QStringLiteral("Workspace test [%1 plain]").arg(endpoint.arg(plain)),
            QStringLiteral("Workspace test [%1 starttls]").arg(endpoint.arg(plain))};
        expected.sort();
        QCOMPARE(subjects, expected);
        for (const SpoolMessage &m : received->model()->messages()) {
            QCOMPARE(m.recipients, QStringList{"postmaster@localhost"});
            QCOMPARE(m.listenerAddress, QHostAddress(QHostAddress::LocalHost));
            QCOMPARE(m.tlsProtocol.isEmpty(), m.subject.contains(" plain]"));
        }
        QTableView *view = received->view();
        view->setCurrentIndex(view->model()->index(0, 0));
        QVERIFY(received->headersView()->toPlainText().contains("Received: from [127.0.0.1]"));
        QVERIFY(received->sourceView()->toPlainText().contains("Subject: Workspace test"));
        QTRY_COMPARE(daemonPage->counterText(DaemonPage::Counter::Messages), QStringLiteral("3"));

        // Stop; the list stays, read from the spool directly.
        daemonPage->stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Stopped, 20000);
        QCOMPARE(controller->lastProblem(), UserMessage());
        received->refresh();
        QCOMPARE(received->model()->rowCount(), 3);
    }

    void closingTheWindowStopsItsDaemon()
    {
        m_window->document()->setText(QString::fromUtf8(loopbackConfiguration(freePort())));
        m_window->document()->validate();
        m_workspace->daemonPage()->start();
        DaemonController *controller = m_workspace->controller();
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Running, 15000);
        const qint64 pid = controller->pid();
        QVERIFY(pid > 0);
        // The edited configuration is unsaved: the window asks, after the daemon has stopped.
        m_window->prompter()->queueSaveChoice(Prompter::SaveChoice::Discard);
        m_window->close();
        QVERIFY(m_window->isVisible()); // not before the daemon has stopped
        QCOMPARE(m_window->prompter()->pendingAnswers(), 1);
        QCOMPARE(controller->state(), State::Stopping);
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Stopped, 20000);
        QTRY_VERIFY(!m_window->isVisible());
        QCOMPARE(m_window->prompter()->pendingAnswers(), 0);
    }
};

QTEST_MAIN(tst_DaemonWorkspace)
#include "tst_daemonworkspace.moc"
