#pragma once

#include "diagnostic.h"

#include <QPlainTextEdit>

namespace Mailport {

class ConfigDocument;

/// The configuration file as text, with line numbers, the diagnostics underlined on their lines
/// and a marker in the margin. Edits go to the document, whose undo stack also covers the form,
/// so the editor's own undo is off and Undo/Redo reach the window's actions.
class SourceEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceEditor)

public:
    explicit SourceEditor(ConfigDocument *document, QWidget *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    /// Shows the document's current text now; while hidden, the editor otherwise catches up
    /// only when it is shown.
    void bringUpToDate();
    /// Moves the cursor to a 1-based line and column and focuses the editor.
    void goTo(int line, int column, int length = 0);

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void syncFromDocument();
    void replaceText(const QString &current, const QString &wanted);
    void updateMargin();

    ConfigDocument *m_document;
    QWidget *m_lineNumbers = nullptr;
    Diagnostics m_diagnostics;
    bool m_applying = false;
    bool m_stale = false;        ///< the document changed while the editor was hidden
    bool m_marksPending = false; ///< m_diagnostics came while stale, not yet marked
};

} // namespace Mailport
