#pragma once

#include "diagnostic.h"
#include "optioncatalog.h"

#include <QHash>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QListWidget;
class QScrollArea;
class QStackedWidget;
QT_END_NAMESPACE

namespace Mailport {

class ConfigDocument;
class InterfaceListEditor;
class OptionField;
class Prompter;

/// The form that edits every option of a ConfigDocument, grouped in pages (Listening, TLS,
/// PROXY, Limits, Spool and logs), plus the test inputs -oX and -tls-on-connect. Each field
/// shows the diagnostics about its option; showDiagnostic() takes the user to a diagnostic's
/// field and list item.
class ConfigEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigEditor)

public:
    ConfigEditor(ConfigDocument *document, Prompter *prompter, QWidget *parent = nullptr);

    /// The field of an option (canonical name, "-oX" or "-tls-on-connect"); nullptr for the
    /// two interface lists and unknown names.
    OptionField *field(const QString &option) const { return m_fields.value(option); }
    /// The table editor of local_interfaces or extra_local_interfaces.
    InterfaceListEditor *listEditor(const QString &option) const { return m_lists.value(option); }
    /// The widget that shows @p option, whichever kind it is.
    QWidget *fieldWidget(const QString &option) const;

    /// The field a diagnostic belongs to ("" when none: a syntax error, an unknown option).
    static QString fieldOf(const Diagnostic &diagnostic);
    /// Shows the page and focuses the field (and item) of @p diagnostic; false when it has none.
    bool showDiagnostic(const Diagnostic &diagnostic);

    void showGroup(OptionCatalog::Group group);
    OptionCatalog::Group currentGroup() const;

    /// Appends an item to local_interfaces or extra_local_interfaces, unless it is listed
    /// already; either way its row is selected. When the option is unset, the list starts from
    /// nothing rather than from Exim's wildcards. Returns whether the list changed.
    bool appendListItem(const QString &option, const QString &item);

private:
    void refresh();
    void showDiagnostics();
    void addField(QWidget *page, const QString &option);
    QWidget *createPage(OptionCatalog::Group group);
    void onEdited(const QString &option, const QString &text);
    void onToggled(const QString &option, bool on);
    void browse(const QString &option);

    ConfigDocument *m_document;
    Prompter *m_prompter;
    QListWidget *m_groups = nullptr;
    QStackedWidget *m_pages = nullptr;
    QHash<QString, OptionField *> m_fields;
    QHash<QString, InterfaceListEditor *> m_lists;
    QHash<QString, QScrollArea *> m_scrollOf;
    QList<QWidget *> m_tabOrder;
};

} // namespace Mailport
