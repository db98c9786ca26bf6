#include "sourceeditor.h"

#include "configdocument.h"
#include "diagnostictext.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace Mailport {

namespace {

constexpr int kMarginPadding = 6;

// The margin is painted by the editor, which knows the blocks' geometry.
class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(SourceEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {}

    QSize sizeHint() const override { return QSize(m_editor->lineNumberAreaWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    SourceEditor *m_editor;
};

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QColor(220, 50, 47);
    case Severity::Warning:
        return QColor(214, 140, 0);
    case Severity::Info:
        return QColor(38, 139, 210);
    }
    return QColor(220, 50, 47);
}

} // namespace

SourceEditor::SourceEditor(ConfigDocument *document, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_document(document)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setUndoRedoEnabled(false);
    setTabChangesFocus(false);
    setAccessibleName(tr("Configuration file text"));
    m_lineNumbers = new LineNumberArea(this);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &SourceEditor::updateMargin);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_applying)
            m_document->setText(toPlainText());
    });
    connect(m_document, &ConfigDocument::changed, this, &SourceEditor::syncFromDocument);
    syncFromDocument();
    updateMargin();
}

void SourceEditor::syncFromDocument()
{
    // Laying out a long line costs milliseconds a keystroke: while hidden, the text follows
    // when the editor is shown.
    m_stale = true;
    if (isVisible())
        bringUpToDate();
}

void SourceEditor::bringUpToDate()
{
    if (!m_stale)
        return;
    m_stale = false;
    const QString wanted = m_document->text();
    const QString current = toPlainText();
    if (wanted != current)
        replaceText(current, wanted);
    if (m_marksPending)
        setDiagnostics(m_diagnostics);
}

void SourceEditor::replaceText(const QString &current, const QString &wanted)
{
    // Replace only the part that differs, so the cursor and the scroll position stay put.
    qsizetype prefix = 0;
    const qsizetype shortest = qMin(wanted.size(), current.size());
    while (prefix < shortest && wanted[prefix] == current[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shortest - prefix
           && wanted[wanted.size() - 1 - suffix] == current[current.size() - 1 - suffix])
        ++suffix;
    m_applying = true;
    QTextCursor cursor(document());
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(current.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(wanted.mid(prefix, wanted.size() - suffix - prefix));
    m_applying = false;
}

void SourceEditor::setDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    // Marked when the text is brought up to date.
    m_marksPending = m_stale;
    if (m_marksPending)
        return;
    QList<QTextEdit::ExtraSelection> selections;
    for (const Diagnostic &d : diagnostics) {
        if (d.line <= 0)
            continue;
        const QTextBlock block = document()->findBlockByNumber(d.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(block);
        const int start = qBound(0, d.column - 1, qMax(0, block.length() - 1));
        const QString text = block.text();
        int length = 0;
        if (d.item.isEmpty()) {
            length = int(text.size()) - start;
        } else if (QStringView(text).mid(start).startsWith(d.item)) {
            length = int(d.item.size());
        } else {
            // The item as written differs from the diagnostic's text ([::1]:587 for ::1).
            int end = start;
            while (end < text.size() && !text[end].isSpace())
                ++end;
            length = end - start;
        }
        s.cursor.setPosition(block.position() + start);
        s.cursor.setPosition(block.position() + qMin(block.length() - 1, start + qMax(1, length)),
                             QTextCursor::KeepAnchor);
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(severityColor(d.severity));
        selections.append(s);
    }
    setExtraSelections(selections);
    m_lineNumbers->update();
}

void SourceEditor::goTo(int line, int column, int length)
{
    bringUpToDate();
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    const int start = qBound(0, column - 1, qMax(0, block.length() - 1));
    cursor.setPosition(block.position() + start);
    if (length > 0)
        cursor.setPosition(block.position() + qMin(block.length() - 1, start + length),
                           QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

int SourceEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return kMarginPadding * 2 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * (digits + 2);
}

void SourceEditor::updateMargin()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    const QRect r = contentsRect();
    m_lineNumbers->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

void SourceEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateMargin();
}

void SourceEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QHash<int, Severity> marks;
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        if (d.line > 0 && (!marks.contains(d.line) || int(d.severity) < int(marks.value(d.line))))
            marks.insert(d.line, d.severity);
    }
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber() + 1;
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int height = fontMetrics().height();
    const int dot = height / 2;
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            if (marks.contains(number)) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(severityColor(marks.value(number)));
                painter.drawEllipse(QRect(kMarginPadding / 2, top + (height - dot) / 2, dot, dot));
            }
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_lineNumbers->width() - kMarginPadding, height,
                             Qt::AlignRight | Qt::AlignVCenter, QString::number(number));
        }
        block = block.next();
        top = bottom;
        ++number;
    }
}

void SourceEditor::showEvent(QShowEvent *event)
{
    bringUpToDate();
    QPlainTextEdit::showEvent(event);
}

bool SourceEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Let the window's Undo and Redo actions have these keys: they undo form edits too.
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->ignore();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

bool SourceEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int line = cursorForPosition(help->pos()).blockNumber() + 1;
        QStringList tips;
        for (const Diagnostic &d : std::as_const(m_diagnostics)) {
            if (d.line == line)
                tips.append(DiagnosticText::toolTip(d));
        }
        if (tips.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tips.join(QLatin1String("<hr>")), viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

} // namespace Mailport
