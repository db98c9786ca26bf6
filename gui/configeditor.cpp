#include "configeditor.h"

#include "configdocument.h"
#include "diagnostictext.h"
#include "eximlist.h"
#include "interfacelisteditor.h"
#include "optionfield.h"
#include "prompter.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Mailport {

namespace {

const QLatin1String kLocalInterfaces("local_interfaces");
const QLatin1String kExtraLocalInterfaces("extra_local_interfaces");

struct Section
{
    QString title;
    QStringList options;
};

QList<Section> sectionsOf(OptionCatalog::Group group)
{
    using G = OptionCatalog::Group;
    const auto list = [](std::initializer_list<const char *> names) {
        QStringList out;
        for (const char *n : names)
            out.append(QLatin1String(n));
        return out;
    };
    switch (group) {
    case G::Listening:
        return {{ConfigEditor::tr("Where the daemon listens"),
                 list({"local_interfaces", "daemon_smtp_ports", "tls_on_connect_ports",
                       "disable_ipv6", "smtp_connect_backlog"})},
                {ConfigEditor::tr("Local host"), list({"extra_local_interfaces"})},
                {ConfigEditor::tr("Greeting"), list({"primary_hostname", "smtp_banner"})},
                {ConfigEditor::tr("Test command line (not saved in the file)"),
                 {OptionCatalog::OxOption, OptionCatalog::TlsOnConnectOption}}};
    case G::Tls:
        return {{ConfigEditor::tr("Certificate"),
                 list({"tls_certificate", "tls_privatekey", "tls_ocsp_file"})},
                {ConfigEditor::tr("STARTTLS"), list({"tls_advertise_hosts"})}};
    case G::Proxy:
        return {
            {ConfigEditor::tr("PROXY protocol"), list({"hosts_proxy", "proxy_protocol_timeout"})}};
    case G::Limits:
        return {{ConfigEditor::tr("Connections"),
                 list({"smtp_accept_max", "smtp_accept_max_per_host", "smtp_receive_timeout"})},
                {ConfigEditor::tr("Messages"), list({"message_size_limit", "recipients_max"})}};
    case G::SpoolAndLogs:
        return {{ConfigEditor::tr("Files"),
                 list({"spool_directory", "log_file_path", "pid_file_path"})}};
    }
    return {};
}

QString pageDescription(OptionCatalog::Group group)
{
    using G = OptionCatalog::Group;
    switch (group) {
    case G::Listening:
        return ConfigEditor::tr("Where and how the daemon accepts SMTP connections.");
    case G::Tls:
        return ConfigEditor::tr("The certificate for STARTTLS and implicit TLS.");
    case G::Proxy:
        return ConfigEditor::tr("Connections relayed by load balancers with the PROXY protocol.");
    case G::Limits:
        return ConfigEditor::tr("How much the daemon accepts at once.");
    case G::SpoolAndLogs:
        return ConfigEditor::tr("Where the daemon keeps messages, its log and its process ID.");
    }
    return {};
}

OptionField::Kind kindOf(const QString &option)
{
    if (option == OptionCatalog::OxOption)
        return OptionField::Kind::List;
    if (option == OptionCatalog::TlsOnConnectOption)
        return OptionField::Kind::Bool;
    if (option == QLatin1String("daemon_smtp_ports")
        || option == QLatin1String("tls_on_connect_ports"))
        return OptionField::Kind::PortList;
    if (option.startsWith(QLatin1String("tls_")) && option != QLatin1String("tls_advertise_hosts"))
        return OptionField::Kind::File;
    if (option.endsWith(QLatin1String("_path")) || option == QLatin1String("spool_directory"))
        return OptionField::Kind::File;
    const OptionSpec *spec = Configuration::spec(option);
    if (!spec)
        return OptionField::Kind::Text;
    switch (spec->type) {
    case OptionType::Bool:
        return OptionField::Kind::Bool;
    case OptionType::Int:
    case OptionType::Time:
    case OptionType::Size:
        return OptionField::Kind::Number;
    case OptionType::List:
        return OptionField::Kind::List;
    case OptionType::String:
        break;
    }
    return OptionField::Kind::Text;
}

QWidget *rowLabel(const QString &option, QWidget *parent)
{
    auto *label = new QLabel(parent);
    const bool isBool = kindOf(option) == OptionField::Kind::Bool;
    const QString name = QStringLiteral("<small><tt>%1</tt></small>").arg(option.toHtmlEscaped());
    label->setText(
        isBool
            ? name
            : QStringLiteral("%1<br>%2").arg(OptionCatalog::label(option).toHtmlEscaped(), name));
    label->setToolTip(OptionCatalog::toolTip(option));
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

ConfigEditor::ConfigEditor(ConfigDocument *document, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_prompter(prompter)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_groups = new QListWidget(this);
    m_groups->setIconSize(QSize(22, 22));
    m_groups->setSpacing(2);
    m_groups->setFrameShape(QFrame::NoFrame);
    m_groups->setBackgroundRole(QPalette::Window);
    m_groups->setAccessibleName(tr("Option groups"));
    m_pages = new QStackedWidget(this);
    for (const OptionCatalog::Group group : OptionCatalog::groups()) {
        auto *item = new QListWidgetItem(OptionCatalog::groupIcon(group),
                                         OptionCatalog::groupTitle(group), m_groups);
        item->setSizeHint(QSize(0, 34));
        m_pages->addWidget(createPage(group));
    }
    int widest = 0;
    for (const OptionCatalog::Group group : OptionCatalog::groups())
        widest = qMax(widest,
                      m_groups->fontMetrics().horizontalAdvance(OptionCatalog::groupTitle(group)));
    m_groups->setFixedWidth(widest + m_groups->iconSize().width() + 40);
    layout->addWidget(m_groups);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_pages, 1);
    connect(m_groups, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_groups->setCurrentRow(0);

    QWidget::setTabOrder(m_groups, m_tabOrder.value(0));
    for (int i = 1; i < m_tabOrder.size(); ++i)
        QWidget::setTabOrder(m_tabOrder[i - 1], m_tabOrder[i]);

    connect(m_document, &ConfigDocument::changed, this, &ConfigEditor::refresh);
    connect(m_document, &ConfigDocument::inputsChanged, this, &ConfigEditor::refresh);
    connect(m_document, &ConfigDocument::validated, this, &ConfigEditor::showDiagnostics);
    refresh();
    showDiagnostics();
}

QWidget *ConfigEditor::createPage(OptionCatalog::Group group)
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *page = new QWidget(scroll);
    auto *column = new QVBoxLayout(page);
    column->setContentsMargins(18, 14, 18, 14);
    column->setSpacing(12);

    auto *title = new QLabel(OptionCatalog::groupTitle(group), page);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    column->addWidget(title);
    auto *description = new QLabel(pageDescription(group), page);
    description->setWordWrap(true);
    description->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(description);

    QList<QWidget *> labels;
    for (const Section &section : sectionsOf(group)) {
        auto *box = new QGroupBox(section.title, page);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
        form->setVerticalSpacing(10);
        for (const QString &option : section.options) {
            addField(box, option);
            QWidget *widget = fieldWidget(option);
            QWidget *label = rowLabel(option, box);
            labels.append(label);
            form->addRow(label, widget);
            m_scrollOf.insert(option, scroll);
        }
        column->addWidget(box);
    }
    // One label column for the whole page, so that the fields of every box line up.
    int widest = 0;
    for (const QWidget *label : std::as_const(labels))
        widest = qMax(widest, label->sizeHint().width());
    for (QWidget *label : std::as_const(labels))
        label->setMinimumWidth(widest);
    column->addStretch();
    scroll->setWidget(page);
    return scroll;
}

void ConfigEditor::addField(QWidget *page, const QString &option)
{
    if (option == kLocalInterfaces || option == kExtraLocalInterfaces) {
        auto *list = new InterfaceListEditor(option, page);
        m_lists.insert(option, list);
        m_tabOrder.append(list->view());
        m_tabOrder.append(list->valueEdit());
        connect(list, &InterfaceListEditor::edited, this, &ConfigEditor::onEdited);
        connect(list, &InterfaceListEditor::resetRequested, m_document,
                &ConfigDocument::unsetOption);
        return;
    }
    auto *field = new OptionField(option, kindOf(option), page);
    m_fields.insert(option, field);
    m_tabOrder.append(field->editor());
    connect(field, &OptionField::edited, this, &ConfigEditor::onEdited);
    connect(field, &OptionField::toggled, this, &ConfigEditor::onToggled);
    connect(field, &OptionField::resetRequested, m_document, &ConfigDocument::unsetOption);
    connect(field, &OptionField::browseRequested, this, &ConfigEditor::browse);
}

QWidget *ConfigEditor::fieldWidget(const QString &option) const
{
    if (OptionField *f = m_fields.value(option))
        return f;
    return m_lists.value(option);
}

void ConfigEditor::onEdited(const QString &option, const QString &text)
{
    if (option == OptionCatalog::OxOption) {
        m_document->setOx(!text.trimmed().isEmpty(), text);
        return;
    }
    const OptionSpec *spec = Configuration::spec(option);
    const bool emptyDefault = !spec || !spec->defaultValue || !*spec->defaultValue;
    // Clearing a field means "no setting" unless the default is a list that empty would change.
    if (text.trimmed().isEmpty() && emptyDefault)
        m_document->unsetOption(option);
    else
        m_document->setOption(option, text);
}

void ConfigEditor::onToggled(const QString &option, bool on)
{
    if (option == OptionCatalog::TlsOnConnectOption) {
        m_document->setTlsOnConnectAll(on);
        return;
    }
    const OptionValue v = m_document->configuration().value(option);
    bool current = false;
    Configuration::parseBool(v.text, &current);
    if (v.isSet || on != current)
        m_document->setBoolOption(option, on);
}

void ConfigEditor::browse(const QString &option)
{
    const QString current = m_document->configuration().text(option);
    const QString start = current.isEmpty() ? QString() : QFileInfo(current).absolutePath();
    const auto apply = [this, option](const QString &path) {
        if (!path.isEmpty())
            m_document->setOption(option, path);
    };
    if (option == QLatin1String("spool_directory"))
        m_prompter->chooseDirectory(this, tr("Spool directory"), current, apply);
    else
        m_prompter->chooseFileToOpen(this, OptionCatalog::label(option), start, QString(), apply);
}

void ConfigEditor::refresh()
{
    const Configuration &config = m_document->configuration();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (it.key() == OptionCatalog::OxOption)
            it.value()->setCommandLineValue(m_document->oxValue());
        else if (it.key() == OptionCatalog::TlsOnConnectOption)
            it.value()->setCommandLineSwitch(m_document->tlsOnConnectAll());
        else
            it.value()->setValue(config.value(it.key()));
    }
    for (auto it = m_lists.cbegin(); it != m_lists.cend(); ++it)
        it.value()->setValue(config.value(it.key()));
}

QString ConfigEditor::fieldOf(const Diagnostic &diagnostic)
{
    return OptionCatalog::canonicalName(diagnostic.option);
}

void ConfigEditor::showDiagnostics()
{
    QHash<QString, Diagnostics> byField;
    for (const Diagnostic &d : m_document->diagnostics()) {
        const QString f = fieldOf(d);
        if (!f.isEmpty())
            byField[f].append(d);
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setDiagnostics(byField.value(it.key()));
    for (auto it = m_lists.cbegin(); it != m_lists.cend(); ++it)
        it.value()->setDiagnostics(byField.value(it.key()));

    const QList<OptionCatalog::Group> groups = OptionCatalog::groups();
    for (int i = 0; i < groups.size(); ++i) {
        int worst = -1;
        QStringList options = OptionCatalog::options(groups[i]);
        if (groups[i] == OptionCatalog::Group::Listening)
            options << OptionCatalog::OxOption << OptionCatalog::TlsOnConnectOption;
        for (const QString &option : std::as_const(options)) {
            for (const Diagnostic &d : byField.value(option)) {
                if (worst < 0 || int(d.severity) < worst)
                    worst = int(d.severity);
            }
        }
        QListWidgetItem *item = m_groups->item(i);
        item->setIcon(worst < 0 || worst == int(Severity::Info)
                          ? OptionCatalog::groupIcon(groups[i])
                          : DiagnosticText::icon(Severity(worst)));
    }
}

bool ConfigEditor::showDiagnostic(const Diagnostic &diagnostic)
{
    const QString option = fieldOf(diagnostic);
    QWidget *widget = fieldWidget(option);
    if (!widget)
        return false;
    showGroup(OptionCatalog::group(option));
    if (QScrollArea *scroll = m_scrollOf.value(option))
        scroll->ensureWidgetVisible(widget, 20, 20);
    if (OptionField *f = m_fields.value(option))
        f->focusDiagnostic(diagnostic);
    else if (InterfaceListEditor *list = m_lists.value(option))
        list->focusDiagnostic(diagnostic);
    return true;
}

void ConfigEditor::showGroup(OptionCatalog::Group group)
{
    m_groups->setCurrentRow(int(OptionCatalog::groups().indexOf(group)));
}

OptionCatalog::Group ConfigEditor::currentGroup() const
{
    return OptionCatalog::groups().value(m_groups->currentRow());
}

bool ConfigEditor::appendListItem(const QString &option, const QString &item)
{
    InterfaceListEditor *list = m_lists.value(option);
    if (!list)
        return false;
    const OptionValue v = m_document->configuration().value(option);
    const EximList::Parsed parsed = EximList::split(v.isSet ? v.text : QString());
    QStringList items;
    for (const ListItem &i : parsed.items)
        items.append(i.text);
    showGroup(OptionCatalog::group(option));
    if (QScrollArea *scroll = m_scrollOf.value(option))
        scroll->ensureWidgetVisible(list, 20, 20);
    const qsizetype existing = items.indexOf(item);
    if (existing >= 0) {
        list->selectRow(int(existing));
        return false;
    }
    items.append(item);
    const QChar separator = parsed.separator.isPunct() || parsed.separator.isSymbol()
                                ? parsed.separator
                                : QChar(u':');
    m_document->setOption(option, EximList::join(items, separator));
    list->selectRow(int(items.size()) - 1);
    return true;
}

} // namespace Mailport
