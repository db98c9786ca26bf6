#include "daemonpage.h"

#include "configdocument.h"
#include "daemonlogmodel.h"
#include "daemontestenv.h"
#include "listenerstatusmodel.h"
#include "problembanner.h"
#include "translations.h"

#include <QAction>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTcpSocket>
#include <QTest>

using namespace Mailport;
using Status = ListenerStatusModel::Status;
using State = DaemonController::State;

namespace {

bool logContains(const DaemonLogModel *log, const QString &text)
{
    for (int i = 0; i < log->rowCount(); ++i) {
        if (log->line(i).contains(text))
            return true;
    }
    return false;
}

} // namespace

class tst_DaemonPage : public QObject
{
    Q_OBJECT

private:
    DaemonTestEnvironment m_env;
    std::unique_ptr<ConfigDocument> m_document;
    std::unique_ptr<DaemonController> m_controller;
    std::unique_ptr<DaemonPage> m_page;

    void setConfiguration(const QByteArray &text)
    {
        m_document->setText(QString::fromUtf8(text));
        m_document->validate();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_env.isValid());
        Translations::load(QCoreApplication::instance(), QLocale(QLocale::English));
    }

    void init()
    {
        m_document = std::make_unique<ConfigDocument>();
        m_controller = std::make_unique<DaemonController>();
        m_controller->setProgram(QStringLiteral(MAILPORTD_PATH));
        DaemonTimeouts timeouts;
        timeouts.connectRetry = std::chrono::milliseconds(20);
        timeouts.refresh = std::chrono::milliseconds(100);
        m_controller->setTimeouts(timeouts);
        m_page = std::make_unique<DaemonPage>(m_controller.get(), m_document.get());
        DaemonLaunch defaults;
        defaults.dataDirectory = m_env.path(QStringLiteral("data"));
        m_page->setLaunchDefaults(defaults);
        m_page->resize(1000, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        if (m_controller->state() != State::Stopped && m_controller->state() != State::Crashed) {
            m_controller->stop();
            QTRY_VERIFY_WITH_TIMEOUT(m_controller->state() == State::Stopped
                                         || m_controller->state() == State::Crashed,
                                     20000);
        }
        m_page.reset();
        m_controller.reset();
        m_document.reset();
    }

    void actionsFollowTheState()
    {
        setConfiguration(loopbackConfiguration(freePort()));
        QVERIFY(m_page->startAction()->isEnabled());
        QVERIFY(m_page->attachAction()->isEnabled());
        QVERIFY(!m_page->stopAction()->isEnabled());
        QVERIFY(!m_page->reloadAction()->isEnabled());
        QCOMPARE(m_page->startAction()->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(m_page->stopAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F5));
        QCOMPARE(m_page->stateText(), QStringLiteral("mailportd is not running"));
        QCOMPARE(m_page->listenerModel()->rowCount(), 1);
        QCOMPARE(m_page->listenerModel()->status(0), Status::Planned);
    }

    void startsShowsSocketsCountsAndStops()
    {
        const quint16 port = freePort();
        setConfiguration(loopbackConfiguration(port));
        m_page->startAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Running, 10000);
        QCOMPARE(m_page->stateText(), QStringLiteral("mailportd is running"));
        QVERIFY(!m_page->startAction()->isEnabled());
        QVERIFY(m_page->stopAction()->isEnabled());
        QVERIFY(m_page->reloadAction()->isEnabled());
        QTRY_COMPARE(m_page->listenerModel()->count(Status::Bound), 1);
        QCOMPARE(
            m_page->listenerModel()->index(0, ListenerStatusModel::BoundColumn).data().toString(),
            QStringLiteral("127.0.0.1:%1").arg(port));
        QTRY_VERIFY(logContains(m_page->logModel(), "daemon started"));
        QCOMPARE(m_page->banner()->isVisible(), false);

        // The counters follow a connection.
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected(5000));
        QVERIFY(client.waitForReadyRead(5000));
        client.write("QUIT\r\n");
        QTRY_COMPARE(m_page->counterText(DaemonPage::Counter::Connections), QStringLiteral("1"));

        // The log filter keeps only matching lines.
        QTest::keyClicks(m_page->logFilterEdit(), "SMTP CONNECTION FROM");
        QTRY_VERIFY(m_page->logFilter()->rowCount() >= 1);
        QVERIFY(m_page->logFilter()->rowCount() < m_page->logModel()->rowCount());
        for (int i = 0; i < m_page->logFilter()->rowCount(); ++i)
            QVERIFY(m_page->logFilter()->index(i, 0).data().toString().contains(
                "SMTP connection from"));

        // An edited plan shows what the running daemon lacks; reloading applies it.
        const quint16 second = freePort();
        setConfiguration(loopbackConfiguration(port, second));
        QCOMPARE(m_page->listenerModel()->count(Status::NotBound), 1);
        m_page->reloadAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_page->listenerModel()->count(Status::Bound), 2, 10000);
        QCOMPARE(m_page->banner()->message().kind, UserMessage::Kind::Information);

        m_page->stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Stopped, 20000);
        QCOMPARE(m_page->stateText(), QStringLiteral("mailportd is not running"));
        QCOMPARE(m_page->listenerModel()->count(Status::Planned), 2);
    }

    void bindFailureIsExplained()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        setConfiguration(loopbackConfiguration(squatter.serverPort()));
        m_page->startAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Crashed, 10000);
        QCOMPARE(m_page->stateText(), QStringLiteral("mailportd failed"));
        QVERIFY(m_page->banner()->isVisible());
        QCOMPARE(m_page->banner()->primaryText(),
                 QStringLiteral("mailportd could not open a listening socket."));
        const QString detail = m_page->banner()->detailText();
        QVERIFY2(detail.contains("exit status 3"), qPrintable(detail));
        QVERIFY2(detail.contains(QString::number(squatter.serverPort())), qPrintable(detail));
        QVERIFY2(detail.contains("already in use"), qPrintable(detail));
        QVERIFY(!m_page->banner()->isDetailShown());
        m_page->banner()->setDetailShown(true);
        QVERIFY(m_page->banner()->isDetailShown());
        // It can be started again once the problem is gone.
        QVERIFY(m_page->startAction()->isEnabled());
    }

    void planErrorsStopTheStart()
    {
        setConfiguration("local_interfaces = 300.0.0.1\n");
        m_page->startAction()->trigger();
        QCOMPARE(m_controller->state(), State::Stopped);
        QVERIFY(m_page->banner()->isVisible());
        int errors = 0;
        for (const Diagnostic &d : m_document->diagnostics())
            errors += d.isError() ? 1 : 0;
        QVERIFY(errors > 0);
        const QString primary = m_page->banner()->primaryText();
        QVERIFY2(primary.startsWith("mailportd would refuse this configuration: it has "
                                    + QString::number(errors) + " error"),
                 qPrintable(primary));
        QVERIFY(m_page->banner()->detailText().contains("300.0.0.1"));
    }

    void fileSourceSavesFirst()
    {
        const QString file = m_env.path(QStringLiteral("saved.conf"));
        setConfiguration(loopbackConfiguration(freePort()));
        int saves = 0;
        m_page->setSaveFunction([this, file, &saves](std::function<void(bool)> done) {
            ++saves;
            done(m_document->save(file).ok());
        });
        m_page->setConfigurationSource(DaemonLaunch::Source::File);
        QCOMPARE(m_page->configurationSource(), DaemonLaunch::Source::File);
        m_page->startAction()->trigger();
        QCOMPARE(saves, 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Running, 10000);
        QCOMPARE(m_controller->configurationFile(), QFileInfo(file).absoluteFilePath());
        QVERIFY(!m_controller->usesTemporaryConfiguration());
        m_page->stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Stopped, 20000);
    }
};

QTEST_MAIN(tst_DaemonPage)
#include "tst_daemonpage.moc"
