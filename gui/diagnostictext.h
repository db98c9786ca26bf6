#pragma once

#include "diagnostic.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace Mailport {

/// What the GUI says about a diagnostic: a translated title for its code (the primary line; the
/// diagnostic's own message is the detail), its severity in words, and an icon.
class DiagnosticText final
{
    Q_DECLARE_TR_FUNCTIONS(DiagnosticText)

public:
    DiagnosticText() = delete;

    static QString title(DiagnosticCode code);
    static QString severityText(Severity severity);
    static QIcon icon(Severity severity);
    /// The icon for "no problem".
    static QIcon okIcon();
    /// "Line 3, column 24", "-oX, column 5" or "Exim's default".
    static QString position(const Diagnostic &diagnostic);
    /// Title and message on two lines, for tooltips.
    static QString toolTip(const Diagnostic &diagnostic);
};

} // namespace Mailport
