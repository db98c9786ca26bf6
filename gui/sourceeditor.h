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
    /// Moves the cursor to a 1-based line and column and focuses the editor.
    void goTo(int line, int column, int length = 0);

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void syncFromDocument();
    void updateMargin();

    ConfigDocument *m_document;
    QWidget *m_lineNumbers = nullptr;
    Diagnostics m_diagnostics;
    bool m_applying = false;
};

} // namespace Mailport
