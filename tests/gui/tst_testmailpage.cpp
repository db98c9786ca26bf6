#include "testmailpage.h"

#include "configdocument.h"
#include "daemoncontroller.h"
#include "daemontestenv.h"
#include "problembanner.h"

#include <QAction>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Mailport;
using Mode = TestMailRequest::Mode;
using CellState = TestMailModel::CellState;

class tst_TestMailPage : public QObject
{
    Q_OBJECT

private:
    DaemonTestEnvironment m_env;
    DaemonController m_daemon;
    quint16 m_plain = 0;
    quint16 m_smtps = 0;
    std::unique_ptr<ConfigDocument> m_document;
    std::unique_ptr<TestMailPage> m_page;

private slots:
    void initTestCase()
    {
        QVERIFY(m_env.isValid());
        m_plain = freePort();
        m_smtps = freePort();
        QVERIFY(m_plain > 0 && m_smtps > 0 && m_plain != m_smtps);
        m_daemon.setProgram(QStringLiteral(MAILPORTD_PATH));
        DaemonLaunch launch;
        launch.text = loopbackConfiguration(m_plain, m_smtps);
        launch.dataDirectory = m_env.path(QStringLiteral("data"));
        QVERIFY(m_daemon.start(launch));
        QTRY_COMPARE_WITH_TIMEOUT(m_daemon.state(), DaemonController::State::Running, 15000);
        QTRY_COMPARE(m_daemon.listeners().size(), 2);
    }

    void cleanupTestCase()
    {
        m_daemon.stop();
        QTRY_COMPARE_WITH_TIMEOUT(m_daemon.state(), DaemonController::State::Stopped, 20000);
    }

    void init()
    {
        m_document = std::make_unique<ConfigDocument>();
        m_document->setText(QString::fromUtf8(loopbackConfiguration(m_plain, m_smtps)));
        m_document->validate();
        m_page = std::make_unique<TestMailPage>(m_document.get());
        m_page->resize(1000, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_document.reset();
    }

    void listenersAndModesComeFromThePlan()
    {
        QComboBox *box = m_page->listenerBox();
        QCOMPARE(box->count(), 3);
        QCOMPARE(box->itemText(1), QStringLiteral("127.0.0.1:%1").arg(m_plain));
        QCOMPARE(box->itemText(2), QStringLiteral("127.0.0.1:%1").arg(m_smtps));
        QCOMPARE(m_page->listener(), -1);

        QList<TestMailTarget> targets = m_page->targets();
        QCOMPARE(targets.size(), 2);
        QCOMPARE(targets[0].modes, QList<Mode>({Mode::Plain, Mode::StartTls}));
        QCOMPARE(targets[1].modes, QList<Mode>({Mode::ImplicitTls}));

        m_page->setListener(1);
        m_page->setModeOverride(Mode::ImplicitTls);
        targets = m_page->targets();
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets[0].port, m_smtps);
        QCOMPARE(targets[0].modes, QList<Mode>({Mode::ImplicitTls}));

        m_page->setRecipient("postmaster@localhost, root@localhost");
        m_page->setSubject("Hello");
        const QList<TestMailRequest> requests = m_page->requests(targets);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].to, QStringList({"postmaster@localhost", "root@localhost"}));
        QCOMPARE(requests[0].subject,
                 QStringLiteral("Hello [127.0.0.1:%1 implicit-tls]").arg(m_smtps));
        QCOMPARE(requests[0].host, QStringLiteral("127.0.0.1"));

        // A new plan keeps the chosen listener when it is still there.
        m_document->setText(QString::fromUtf8(loopbackConfiguration(m_plain, m_smtps))
                            + "# comment\n");
        m_document->validate();
        QCOMPARE(m_page->listener(), 1);
    }

    void sendsToEveryListenerInEveryMode()
    {
        QSignalSpy finished(m_page.get(), &TestMailPage::finished);
        m_page->sendAction()->trigger();
        QVERIFY(m_page->isRunning());
        QVERIFY(!m_page->sendAction()->isEnabled());
        QVERIFY(m_page->cancelAction()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().at(0).toInt(), 3);
        QCOMPARE(finished.first().at(1).toInt(), 0);
        TestMailModel *model = m_page->model();
        QCOMPARE(model->cellState(0, Mode::Plain), CellState::Passed);
        QCOMPARE(model->cellState(0, Mode::StartTls), CellState::Passed);
        QCOMPARE(model->cellState(0, Mode::ImplicitTls), CellState::NotRequested);
        QCOMPARE(model->cellState(1, Mode::ImplicitTls), CellState::Passed);
        QVERIFY(m_page->sendAction()->isEnabled());

        m_page->showRun(0, Mode::StartTls);
        const QString transcript = m_page->transcriptView()->toPlainText();
        QVERIFY2(transcript.contains("C: STARTTLS"), qPrintable(transcript));
        QVERIFY(transcript.contains("S: 220"));
        QString tls = m_page->tlsSummary();
        QVERIFY2(tls.contains("Protocol: TLSv1."), qPrintable(tls));
        QVERIFY2(tls.contains("Certificate: mailport.test"), qPrintable(tls));
        QVERIFY2(tls.contains("Verification: Not verified"), qPrintable(tls));
        QVERIFY(!m_page->banner()->isVisible());

        m_page->showRun(1, Mode::ImplicitTls);
        tls = m_page->tlsSummary();
        QVERIFY2(tls.contains("Cipher: TLS_"), qPrintable(tls));
        QVERIFY(!m_page->transcriptView()->toPlainText().contains("STARTTLS\n"));

        m_page->showRun(0, Mode::Plain);
        QVERIFY(m_page->tlsSummary().contains("Protocol: Not encrypted"));
        QVERIFY(m_page->transcriptView()->toPlainText().contains("C: MAIL FROM:"));
    }

    void failuresAreExplained()
    {
        const quint16 closed = freePort();
        m_document->setText(QString::fromUtf8(loopbackConfiguration(closed)));
        m_document->validate();
        QSignalSpy finished(m_page.get(), &TestMailPage::finished);
        m_page->send();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QCOMPARE(finished.first().at(1).toInt(), 2);
        QCOMPARE(m_page->model()->cellState(0, Mode::Plain), CellState::Failed);
        QVERIFY(m_page->banner()->isVisible());
        QCOMPARE(m_page->banner()->primaryText(),
                 QStringLiteral("Test mail to 127.0.0.1:%1 (Plain SMTP): could not connect")
                     .arg(closed));
        QVERIFY(!m_page->banner()->detailText().isEmpty());
        QVERIFY(m_page->matrixView()->currentIndex().isValid());
    }

    void nothingToTest()
    {
        m_document->setText("local_interfaces =\n");
        m_document->validate();
        m_page->send();
        QVERIFY(!m_page->isRunning());
        QCOMPARE(m_page->banner()->primaryText(), QStringLiteral("There is no listener to test."));
    }
};

QTEST_MAIN(tst_TestMailPage)
#include "tst_testmailpage.moc"
