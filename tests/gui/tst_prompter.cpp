#include "prompter.h"

#include <QSignalSpy>
#include <QTest>

using namespace Mailport;

class tst_Prompter : public QObject
{
    Q_OBJECT

private slots:
    void scriptedAnswersInOrderFromTheEventLoop()
    {
        Prompter prompter;
        prompter.setScripted(true);
        prompter.queueSaveChoice(Prompter::SaveChoice::Discard);
        prompter.queueSaveChoice(Prompter::SaveChoice::Save);
        prompter.queueFileName(QStringLiteral("/tmp/a.conf"));
        QCOMPARE(prompter.pendingAnswers(), 3);

        QList<Prompter::SaveChoice> choices;
        QString file;
        prompter.askSaveChanges(nullptr, QStringLiteral("x"),
                                [&](Prompter::SaveChoice c) { choices.append(c); });
        prompter.askSaveChanges(nullptr, QStringLiteral("x"),
                                [&](Prompter::SaveChoice c) { choices.append(c); });
        prompter.chooseFileToSave(nullptr, QString(), QString(), QString(),
                                  [&](const QString &path) { file = path; });
        QVERIFY(choices.isEmpty()); // not from inside the call, as a dialog would not be
        QTRY_COMPARE(choices.size(), 2);
        QCOMPARE(choices[0], Prompter::SaveChoice::Discard);
        QCOMPARE(choices[1], Prompter::SaveChoice::Save);
        QTRY_COMPARE(file, QStringLiteral("/tmp/a.conf"));
        QCOMPARE(prompter.pendingAnswers(), 0);
        QCOMPARE(prompter.unansweredQuestions(), 0);
    }

    void unansweredQuestionsCancel()
    {
        Prompter prompter;
        prompter.setScripted(true);
        bool cancelled = false;
        QString file = QStringLiteral("unchanged");
        prompter.askSaveChanges(nullptr, QStringLiteral("x"), [&](Prompter::SaveChoice c) {
            cancelled = c == Prompter::SaveChoice::Cancel;
        });
        prompter.chooseFileToOpen(nullptr, QString(), QString(), QString(),
                                  [&](const QString &path) { file = path; });
        prompter.chooseDirectory(nullptr, QString(), QString(), [](const QString &) {});
        QTRY_VERIFY(cancelled);
        QTRY_VERIFY(file.isEmpty());
        QCOMPARE(prompter.unansweredQuestions(), 3);
    }

    void messagesAreRecorded()
    {
        Prompter prompter;
        prompter.setScripted(true);
        QSignalSpy shown(&prompter, &Prompter::messageShown);
        prompter.showMessage(nullptr, Prompter::MessageKind::Error, QStringLiteral("Primary"),
                             QStringLiteral("Detail"));
        QCOMPARE(shown.size(), 1);
        QCOMPARE(prompter.messages().size(), 1);
        QCOMPARE(prompter.messages()[0].kind, Prompter::MessageKind::Error);
        QCOMPARE(prompter.messages()[0].detail, QStringLiteral("Detail"));
        prompter.clearMessages();
        QVERIFY(prompter.messages().isEmpty());
    }
};

QTEST_MAIN(tst_Prompter)
#include "tst_prompter.moc"
