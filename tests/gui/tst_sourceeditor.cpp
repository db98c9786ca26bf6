#include "sourceeditor.h"

#include "configdocument.h"

#include <QAction>
#include <QTest>
#include <QTextBlock>
#include <QUndoStack>

using namespace Mailport;

class tst_SourceEditor : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<ConfigDocument>();
        m_document->setText(QStringLiteral("# comment\nlocal_interfaces = 127.0.0.1\n"));
        m_editor = std::make_unique<SourceEditor>(m_document.get());
        m_editor->resize(600, 300);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }

    void showsTheDocument()
    {
        QCOMPARE(m_editor->toPlainText(), m_document->text());
        QVERIFY(m_editor->lineNumberAreaWidth() > 0);
    }

    void typingChangesTheDocument()
    {
        m_editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(m_editor.get(), QStringLiteral("disable_ipv6"));
        QVERIFY(m_document->text().endsWith(QLatin1String("127.0.0.1\ndisable_ipv6")));
        QVERIFY(m_document->configuration().boolValue(QStringLiteral("disable_ipv6")));
    }

    void documentChangesKeepTheCursor()
    {
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(3);
        m_editor->setTextCursor(cursor);
        m_document->setOption(QStringLiteral("local_interfaces"), QStringLiteral("::1"));
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("# comment\nlocal_interfaces = ::1\n"));
        QCOMPARE(m_editor->textCursor().position(), 3);
    }

    void aHiddenEditorCatchesUpWhenShown()
    {
        m_editor->hide();
        m_document->setOption(QStringLiteral("local_interfaces"), QStringLiteral("1.2.3 : ::1"));
        m_document->validate();
        m_editor->setDiagnostics(m_document->diagnostics());
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        QCOMPARE(m_editor->toPlainText(), m_document->text());
        // The marks are placed on the text as it is now, not as it was when they came.
        const QList<QTextEdit::ExtraSelection> marks = m_editor->extraSelections();
        QVERIFY(!marks.isEmpty());
        QCOMPARE(marks[0].cursor.block().blockNumber(), 1);
        QCOMPARE(marks[0].cursor.selectedText(), QStringLiteral("1.2.3"));
    }

    void goToBringsAHiddenEditorUpToDate()
    {
        m_editor->hide();
        m_document->setText(QStringLiteral("# one\n# two\nlocal_interfaces = ::1\n"));
        m_editor->goTo(3, 20, 3);
        QCOMPARE(m_editor->toPlainText(), m_document->text());
        QCOMPARE(m_editor->textCursor().selectedText(), QStringLiteral("::1"));
    }

    void diagnosticsUnderlineTheirItem()
    {
        m_document->setText(QStringLiteral("# comment\nlocal_interfaces = 1.2.3\nbogus\n"));
        m_document->validate();
        m_editor->setDiagnostics(m_document->diagnostics());
        const QList<QTextEdit::ExtraSelection> marks = m_editor->extraSelections();
        QVERIFY(marks.size() >= 2);
        QCOMPARE(marks[0].cursor.block().blockNumber(), 2);
        QCOMPARE(marks[0].cursor.selectedText(), QStringLiteral("bogus"));
        QCOMPARE(marks[1].cursor.block().blockNumber(), 1);
        QCOMPARE(marks[1].cursor.selectedText(), QStringLiteral("1.2.3"));
        QCOMPARE(marks[1].format.underlineStyle(), QTextCharFormat::WaveUnderline);
    }

    void goTo()
    {
        m_editor->goTo(2, 20, 9);
        QCOMPARE(m_editor->textCursor().blockNumber(), 1);
        QCOMPARE(m_editor->textCursor().selectedText(), QStringLiteral("127.0.0.1"));
        QTRY_VERIFY(m_editor->hasFocus());
    }

    void undoReachesTheWindowAction()
    {
        QUndoStack *stack = m_document->undoStack();
        QAction *undo = stack->createUndoAction(m_editor.get());
        undo->setShortcut(QKeySequence::Undo);
        m_editor->addAction(undo);
        m_editor->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
        m_editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(m_editor.get(), QStringLiteral("x"));
        QVERIFY(m_document->text().endsWith(u'x'));
        QTest::keySequence(m_editor.get(), QKeySequence::Undo);
        QVERIFY(!m_document->text().endsWith(u'x'));
        QCOMPARE(m_editor->toPlainText(), m_document->text());
    }

private:
    std::unique_ptr<ConfigDocument> m_document;
    std::unique_ptr<SourceEditor> m_editor;
};

QTEST_MAIN(tst_SourceEditor)
#include "tst_sourceeditor.moc"
