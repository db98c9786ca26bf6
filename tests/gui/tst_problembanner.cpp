#include "problembanner.h"

#include <QTest>
#include <QToolButton>

using namespace Mailport;

class tst_ProblemBanner : public QObject
{
    Q_OBJECT

private slots:
    void hiddenUntilThereIsSomethingToSay()
    {
        QWidget window;
        auto *banner = new ProblemBanner(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!banner->isVisible());
        banner->showMessage({UserMessage::Kind::Error, "It failed.", "because\nof this"});
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->primaryText(), QStringLiteral("It failed."));
        QCOMPARE(banner->detailText(), QStringLiteral("because\nof this"));
        banner->showMessage(UserMessage());
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->message().isNull());
    }

    void detailIsOneClickAway()
    {
        QWidget window;
        auto *banner = new ProblemBanner(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        banner->showMessage({UserMessage::Kind::Warning, "Careful.", "the detail"});
        QVERIFY(!banner->isDetailShown());
        QVERIFY(banner->detailButton()->isVisible());
        QTest::mouseClick(banner->detailButton(), Qt::LeftButton);
        QVERIFY(banner->isDetailShown());
        QTest::mouseClick(banner->detailButton(), Qt::LeftButton);
        QVERIFY(!banner->isDetailShown());
        // A new message starts folded again.
        banner->setDetailShown(true);
        banner->showMessage({UserMessage::Kind::Information, "Done.", "more"});
        QVERIFY(!banner->isDetailShown());
        // Without a detail there is nothing to unfold.
        banner->showMessage({UserMessage::Kind::Information, "Done.", QString()});
        QVERIFY(!banner->detailButton()->isVisible());
    }

    void canBeDismissed()
    {
        QWidget window;
        auto *banner = new ProblemBanner(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        banner->showMessage({UserMessage::Kind::Error, "It failed.", QString()});
        QToolButton *close = nullptr;
        for (QToolButton *b : banner->findChildren<QToolButton *>()) {
            if (b != banner->detailButton())
                close = b;
        }
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!banner->isVisible());
    }
};

QTEST_MAIN(tst_ProblemBanner)
#include "tst_problembanner.moc"
