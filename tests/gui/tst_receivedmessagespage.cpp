#include "receivedmessagespage.h"

#include "configdocument.h"
#include "daemoncontroller.h"
#include "daemontestenv.h"
#include "problembanner.h"
#include "receivedmessagesmodel.h"
#include "spoolheaders.h"
#include "translations.h"

#include <QAction>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace Mailport;

class tst_ReceivedMessagesPage : public QObject
{
    Q_OBJECT

private:
    DaemonTestEnvironment m_env;
    QString m_spool;
    std::unique_ptr<ConfigDocument> m_document;
    std::unique_ptr<DaemonController> m_controller;
    std::unique_ptr<ReceivedMessagesPage> m_page;

    bool deliver(const QString &name, const QString &subject, const QDateTime &arrival)
    {
        SpoolEnvelope e;
        e.sender = "alice@example.org";
        e.recipients = {"postmaster@localhost"};
        e.heloName = "client.test";
        e.clientAddress = QHostAddress("127.0.0.1");
        e.clientPort = 40000;
        e.listenerAddress = QHostAddress("127.0.0.1");
        e.listenerPort = 2525;
        e.protocol = "esmtps";
        e.tlsProtocol = "TLS1.3";
        e.tlsCipher = "TLS_AES_256_GCM_SHA384";
        e.receivingHost = "mailport.test";
        e.arrival = arrival;
        const QByteArray data = SpoolHeaders::render(e, name) + "Subject: " + subject.toUtf8()
                                + "\r\nFrom: Alice <alice@example.org>\r\n\r\nThe body of "
                                + subject.toUtf8() + "\r\n";
        return writeTextFile(m_spool + "/new/" + name, data);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_env.isValid());
        Translations::load(QCoreApplication::instance(), QLocale(QLocale::English));
        m_spool = m_env.path("spool");
    }

    void init()
    {
        QDir(m_spool).removeRecursively();
        for (const char *sub : {"new", "cur", "tmp"})
            QVERIFY(QDir().mkpath(m_spool + '/' + QLatin1String(sub)));
        m_document = std::make_unique<ConfigDocument>();
        m_document->setText("spool_directory = " + m_spool + "\nlocal_interfaces = 127.0.0.1\n");
        m_document->validate();
        m_controller = std::make_unique<DaemonController>();
        m_page = std::make_unique<ReceivedMessagesPage>(m_controller.get(), m_document.get());
        m_page->resize(1000, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_controller.reset();
        m_document.reset();
    }

    void readsTheSpoolWhenNoDaemonRuns()
    {
        QCOMPARE(m_page->fallbackDirectory(), m_spool);
        const QDateTime t0 = QDateTime::currentDateTime().addSecs(-120);
        QVERIFY(deliver("1700000000.M1P1.test", "First", t0));
        QVERIFY(deliver("1700000100.M2P2.test", "Second", t0.addSecs(60)));
        QSignalSpy refreshed(m_page.get(), &ReceivedMessagesPage::refreshed);
        m_page->refreshAction()->trigger();
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(refreshed.first().first().toInt(), 2);
        QCOMPARE(m_page->directory(), m_spool);
        QCOMPARE(m_page->summary(), QStringLiteral("2 messages in %1").arg(m_spool));

        // Newest first.
        QTableView *view = m_page->view();
        QCOMPARE(view->model()->index(0, ReceivedMessagesModel::SubjectColumn).data().toString(),
                 QStringLiteral("Second"));
        QCOMPARE(view->model()->index(0, ReceivedMessagesModel::TlsColumn).data().toString(),
                 QStringLiteral("TLS1.3"));
        QCOMPARE(view->model()->index(0, ReceivedMessagesModel::ClientColumn).data().toString(),
                 QStringLiteral("127.0.0.1:40000"));

        view->setCurrentIndex(view->model()->index(1, 0));
        const QString headers = m_page->headersView()->toPlainText();
        QVERIFY2(headers.contains("Subject: First"), qPrintable(headers));
        QVERIFY(headers.contains("Received: from [127.0.0.1]"));
        QVERIFY(!headers.contains("The body of First"));
        QVERIFY(m_page->sourceView()->toPlainText().contains("The body of First"));

        // A new arrival on disk shows after a refresh; the selection stays.
        QVERIFY(deliver("1700000200.M3P3.test", "Third", t0.addSecs(90)));
        m_page->refresh();
        QCOMPARE(m_page->model()->rowCount(), 3);
        const QModelIndex current = m_page->proxy()->mapToSource(view->currentIndex());
        QCOMPARE(m_page->model()->message(current.row()).subject, QStringLiteral("First"));
        QVERIFY(m_page->headersView()->toPlainText().contains("Subject: First"));

        QString third;
        for (const SpoolMessage &m : m_page->model()->messages()) {
            if (m.subject == "Third")
                third = m.id;
        }
        QVERIFY(!third.isEmpty());
        QVERIFY(m_page->selectMessage(third));
        QVERIFY(m_page->headersView()->toPlainText().contains("Subject: Third"));
        QVERIFY(!m_page->selectMessage("no-such-id"));
    }

    void filesThatAreNotMessagesAreNoted()
    {
        QVERIFY(deliver("1700000000.M1P1.test", "Fine", QDateTime::currentDateTime()));
        QVERIFY(writeTextFile(m_spool + "/new/1700000001.M9P9.test", "\x01\x02 not mail"));
        m_page->refresh();
        QCOMPARE(m_page->model()->rowCount(), 1);
        QVERIFY(m_page->banner()->isVisible());
        QCOMPARE(m_page->banner()->message().kind, UserMessage::Kind::Warning);
        QVERIFY(m_page->banner()->detailText().contains("1700000001.M9P9.test"));
    }

    void aMissingSpoolIsNoError()
    {
        QDir(m_spool).removeRecursively();
        m_page->refresh();
        QCOMPARE(m_page->model()->rowCount(), 0);
        QCOMPARE(m_page->summary(),
                 QStringLiteral("No messages: %1 does not exist yet.").arg(m_spool));
        QVERIFY(!m_page->banner()->isVisible());
    }

    void filtersTheList()
    {
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(deliver("1700000000.M1P1.test", "Invoice", now.addSecs(-10)));
        QVERIFY(deliver("1700000001.M2P2.test", "Newsletter", now));
        m_page->refresh();
        auto *filter = m_page->findChild<QLineEdit *>();
        QVERIFY(filter);
        QTest::keyClicks(filter, "invoice");
        QCOMPARE(m_page->view()->model()->rowCount(), 1);
        QCOMPARE(m_page->view()->model()->index(0, ReceivedMessagesModel::SubjectColumn).data(),
                 QVariant(QStringLiteral("Invoice")));
    }
};

QTEST_MAIN(tst_ReceivedMessagesPage)
#include "tst_receivedmessagespage.moc"
