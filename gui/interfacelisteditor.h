#pragma once

#include "configuration.h"
#include "diagnostic.h"

#include <QHash>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;
QT_END_NAMESPACE

namespace Mailport {

class InterfaceListModel;

/// local_interfaces or extra_local_interfaces as a table (address, port, scope; add, remove,
/// move) above a line with the option's exact value. Both stay in sync: the table rewrites the
/// value with EximList::join, which picks a separator such as `<;` when IPv6 needs one; typing
/// in the line refills the table. Diagnostics about an item mark its row.
class InterfaceListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterfaceListEditor)

public:
    explicit InterfaceListEditor(const QString &option, QWidget *parent = nullptr);

    QString option() const { return m_option; }

    void setValue(const OptionValue &value);
    /// This option's diagnostics: those naming an item go to its row, the rest below the table.
    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    /// The row of the item a diagnostic is about, or -1.
    int rowOf(const Diagnostic &diagnostic) const;
    void focusDiagnostic(const Diagnostic &diagnostic);
    void selectRow(int row);

    InterfaceListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *valueEdit() const { return m_valueEdit; }
    QLabel *messageLabel() const { return m_message; }

    void addRow();
    void removeSelectedRows();
    /// Moves the current row by @p delta (-1 up, +1 down).
    void moveCurrentRow(int delta);

signals:
    void edited(const QString &option, const QString &value);
    void resetRequested(const QString &option);

private:
    void emitFromTable();
    void updateButtons();
    void updateHeight();

    QString m_option;
    OptionValue m_value;
    Diagnostics m_diagnostics;
    QHash<qint64, int> m_rowByPosition; ///< (line, column) of each item in the file -> row
    QHash<QString, int> m_rowByText;    ///< item text and address -> first row
    bool m_typingValue = false;
    InterfaceListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_valueEdit = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_defaultNote = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_remove = nullptr;
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
    QToolButton *m_reset = nullptr;
};

} // namespace Mailport
