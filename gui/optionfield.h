#pragma once

#include "configuration.h"
#include "diagnostic.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;
QT_END_NAMESPACE

namespace Mailport {

/// The editor of one option: a line edit (or a check box for true/false), Exim's default as
/// placeholder, a hint that reads the value back (ports, times, sizes), a button that restores
/// the default, and the option's diagnostics shown in place. It also edits the command-line
/// inputs "-oX" and "-tls-on-connect", whose positions are columns in the argument.
class OptionField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OptionField)

public:
    enum class Kind {
        Text,     ///< free text
        Number,   ///< integer, time or size
        PortList, ///< ports or service names
        List,     ///< any other Exim list
        File,     ///< a path, with a browse button
        Bool,     ///< a check box
    };

    OptionField(const QString &option, Kind kind, QWidget *parent = nullptr);

    QString option() const { return m_option; }
    Kind kind() const { return m_kind; }

    /// Shows an option's value from the file (or its default); leaves the widget alone while
    /// the user is typing the same value.
    void setValue(const OptionValue &value);
    /// Shows a command-line value ("-oX") or switch ("-tls-on-connect").
    void setCommandLineValue(const QString &value);
    void setCommandLineSwitch(bool on);

    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    /// Focuses the editor and selects the list item a diagnostic is about.
    void focusDiagnostic(const Diagnostic &diagnostic);

    QLineEdit *lineEdit() const { return m_line; }
    QCheckBox *checkBox() const { return m_check; }
    /// The widget that takes keyboard focus.
    QWidget *editor() const;
    QLabel *messageLabel() const { return m_message; }

signals:
    /// The user changed the text.
    void edited(const QString &option, const QString &text);
    /// The user toggled the check box.
    void toggled(const QString &option, bool on);
    void resetRequested(const QString &option);
    void browseRequested(const QString &option);

private:
    void updateHint();
    /// The offset in the text of the list item a diagnostic names, or -1.
    int itemOffset(const Diagnostic &diagnostic, int *length) const;

    QString m_option;
    Kind m_kind;
    bool m_commandLine = false;
    OptionValue m_value;
    Diagnostics m_diagnostics;
    QLineEdit *m_line = nullptr;
    QCheckBox *m_check = nullptr;
    QToolButton *m_browse = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_problemAction = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Mailport
