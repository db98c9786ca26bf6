#pragma once

#include "diagnostic.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QStackedWidget;
class QTreeView;
QT_END_NAMESPACE

namespace Mailport {

class DiagnosticsModel;

/// The list of everything wrong with the configuration. Clicking an entry (or pressing Enter on
/// it) asks to be taken to the field, row or line it is about.
class DiagnosticsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsPanel)

public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    QSize sizeHint() const override;
    DiagnosticsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    /// Selects the next (or, with @p step -1, the previous) diagnostic, wrapping around, and
    /// activates it. Returns false when there is none.
    bool activateNext(int step = 1);

signals:
    void diagnosticActivated(const Mailport::Diagnostic &diagnostic);

private:
    void activateRow(int row);

    DiagnosticsModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QStackedWidget *m_stack = nullptr;
};

} // namespace Mailport
