#include "interfacelisteditor.h"

#include "diagnostictext.h"
#include "eximlist.h"
#include "interfacelistmodel.h"
#include "optioncatalog.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mailport {

namespace {

constexpr int kFewestRows = 3;
constexpr int kMostRows = 10;

// Ports on an item are numbers only (Exim takes no service names there); 0 means none.
class PortDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &) const override
    {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, 65535);
        spin->setSpecialValueText(InterfaceListModel::tr("default ports"));
        spin->setFrame(false);
        return spin;
    }
};

qint64 positionKey(int line, int column)
{
    return (qint64(line) << 32) | quint32(column);
}

QString rstripped(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && text[end - 1].isSpace())
        --end;
    return text.left(end);
}

QToolButton *toolButton(const QString &icon, const QString &toolTip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setIcon(QIcon(icon));
    b->setToolTip(toolTip);
    b->setAutoRaise(true);
    return b;
}

} // namespace

InterfaceListEditor::InterfaceListEditor(const QString &option, QWidget *parent)
    : QWidget(parent)
    , m_option(option)
    , m_model(new InterfaceListModel(this))
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(4);

    auto *row = new QHBoxLayout;
    row->setSpacing(4);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setToolTip(OptionCatalog::toolTip(option));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setItemDelegateForColumn(InterfaceListModel::PortColumn, new PortDelegate(m_view));
    m_view->horizontalHeader()->setSectionResizeMode(InterfaceListModel::AddressColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(InterfaceListModel::PortColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(InterfaceListModel::ScopeColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);

    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    row->addWidget(m_view, 1);

    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(2);
    m_add = toolButton(QStringLiteral(":/icons/add.svg"), tr("Add an address (Insert)"), this);
    m_remove = toolButton(QStringLiteral(":/icons/remove.svg"),
                          tr("Remove the selected addresses (Delete)"), this);
    m_up = toolButton(QStringLiteral(":/icons/up.svg"), tr("Move up (Alt+Up)"), this);
    m_down = toolButton(QStringLiteral(":/icons/down.svg"), tr("Move down (Alt+Down)"), this);
    m_reset = toolButton(QStringLiteral(":/icons/reset.svg"),
                         tr("Remove the setting: Exim's default applies"), this);
    for (QToolButton *b : {m_add, m_remove, m_up, m_down, m_reset})
        buttons->addWidget(b);
    buttons->addStretch();
    row->addLayout(buttons);
    column->addLayout(row);

    m_defaultNote = new QLabel(tr("Not set in the file: these are Exim's defaults."), this);
    m_defaultNote->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(m_defaultNote);

    auto *valueRow = new QHBoxLayout;
    auto *valueLabel = new QLabel(tr("&Value:"), this);
    m_valueEdit = new QLineEdit(this);
    m_valueEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_valueEdit->setToolTip(tr("The option's exact value. Edit the table or this line: each "
                               "follows the other."));
    m_valueEdit->setAccessibleName(option);
    valueLabel->setBuddy(m_valueEdit);
    valueRow->addWidget(valueLabel);
    valueRow->addWidget(m_valueEdit, 1);
    column->addLayout(valueRow);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setVisible(false);
    column->addWidget(m_message);

    connect(m_model, &InterfaceListModel::itemsEdited, this, &InterfaceListEditor::emitFromTable);
    connect(m_valueEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_typingValue = true;
        emit edited(m_option, text);
        m_typingValue = false;
    });
    connect(m_add, &QToolButton::clicked, this, &InterfaceListEditor::addRow);
    connect(m_remove, &QToolButton::clicked, this, &InterfaceListEditor::removeSelectedRows);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrentRow(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrentRow(1); });
    connect(m_reset, &QToolButton::clicked, this, [this] { emit resetRequested(m_option); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &InterfaceListEditor::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &InterfaceListEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InterfaceListEditor::updateButtons);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &InterfaceListEditor::updateHeight);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InterfaceListEditor::updateHeight);

    const auto shortcut = [this](const QKeySequence &keys, auto slot) {
        new QShortcut(keys, m_view, this, slot, Qt::WidgetShortcut);
    };
    shortcut(QKeySequence(Qt::Key_Insert), [this] { addRow(); });
    shortcut(QKeySequence(QKeySequence::Delete), [this] { removeSelectedRows(); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveCurrentRow(-1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveCurrentRow(1); });

    setFocusProxy(m_view);
    updateButtons();
    updateHeight();
}

void InterfaceListEditor::updateHeight()
{
    // As tall as the list, within limits: a long list scrolls instead of pushing the form away.
    const int rows = qBound(kFewestRows, m_model->rowCount(), kMostRows);
    const int height = m_view->horizontalHeader()->sizeHint().height()
                       + rows * m_view->verticalHeader()->defaultSectionSize()
                       + 2 * m_view->frameWidth();
    m_view->setFixedHeight(height);
}

void InterfaceListEditor::setValue(const OptionValue &value)
{
    m_value = value;
    const QList<ListItem> parsed = EximList::split(value.text).items;
    QStringList items;
    items.reserve(parsed.size());
    for (const ListItem &item : parsed)
        items.append(item.text);
    m_model->setItems(items); // parses only the items that changed
    m_model->setShowingDefault(!value.isSet);
    m_rowByPosition.clear();
    m_rowByText.clear();
    for (int i = int(parsed.size()) - 1; i >= 0; --i) {
        if (value.isSet) {
            const SourceSpan at = value.position(parsed[i].offset);
            m_rowByPosition.insert(positionKey(at.line, at.column), i);
        }
        m_rowByText.insert(parsed[i].text, i);
        m_rowByText.insert(m_model->parsedItem(i).address, i);
    }
    m_defaultNote->setVisible(!value.isSet && !items.isEmpty());
    m_reset->setEnabled(value.isSet);

    const QString current = m_valueEdit->text();
    if (!m_typingValue && current != value.text
        && !(m_valueEdit->hasFocus() && rstripped(current) == value.text)) {
        const int cursor = m_valueEdit->cursorPosition();
        m_valueEdit->setText(value.text);
        if (m_valueEdit->hasFocus())
            m_valueEdit->setCursorPosition(qMin(cursor, int(value.text.size())));
    }
    setDiagnostics(m_diagnostics);
    updateButtons();
}

int InterfaceListEditor::rowOf(const Diagnostic &diagnostic) const
{
    if (diagnostic.item.isEmpty())
        return -1;
    if (m_value.isSet && diagnostic.line > 0)
        return m_rowByPosition.value(positionKey(diagnostic.line, diagnostic.column), -1);
    // Exim's default has no position in the file: match the item's text.
    return m_rowByText.value(diagnostic.item, -1);
}

void InterfaceListEditor::setDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    QList<Diagnostics> perRow(m_model->rowCount());
    Severity worst = Severity::Info;
    for (const Diagnostic &d : diagnostics) {
        if (int(d.severity) < int(worst))
            worst = d.severity;
        const int row = rowOf(d);
        if (row >= 0 && row < perRow.size())
            perRow[row].append(d);
    }
    m_model->setRowDiagnostics(perRow);
    QStringList lines;
    for (const Diagnostic &d : diagnostics) {
        if (rowOf(d) >= 0)
            continue;
        lines.append(QStringLiteral("<img src=\"%1\" width=\"12\" height=\"12\"> %2")
                         .arg(d.severity == Severity::Error ? QStringLiteral(":/icons/error.svg")
                                                            : QStringLiteral(":/icons/warning.svg"),
                              d.message.toHtmlEscaped()));
    }
    m_message->setText(lines.join(QLatin1String("<br>")));
    m_message->setVisible(!lines.isEmpty());
    setProperty("severity", diagnostics.isEmpty() ? -1 : int(worst));
}

void InterfaceListEditor::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, InterfaceListModel::AddressColumn);
    m_view->setCurrentIndex(index);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect
                                                | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void InterfaceListEditor::focusDiagnostic(const Diagnostic &diagnostic)
{
    const int row = rowOf(diagnostic);
    if (row >= 0) {
        m_view->setFocus(Qt::OtherFocusReason);
        selectRow(row);
    } else {
        m_valueEdit->setFocus(Qt::OtherFocusReason);
    }
}

void InterfaceListEditor::emitFromTable()
{
    const QChar current = EximList::split(m_value.text).separator;
    const QChar preferred = current.isPunct() || current.isSymbol() ? current : QChar(u':');
    const QString value = EximList::join(m_model->items(), preferred);
    // The table already shows the new rows; the value line follows when the document answers.
    emit edited(m_option, value);
}

void InterfaceListEditor::addRow()
{
    const QStringList items = m_model->items();
    QString item;
    for (const QString &candidate : {QStringLiteral("127.0.0.1"), QStringLiteral("::1"),
                                     QStringLiteral("0.0.0.0"), QStringLiteral("::0")}) {
        if (!items.contains(candidate)) {
            item = candidate;
            break;
        }
    }
    const int row = m_model->appendItem(item);
    selectRow(row);
    m_view->setFocus(Qt::OtherFocusReason);
    m_view->edit(m_model->index(row, InterfaceListModel::AddressColumn));
}

void InterfaceListEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    if (rows.isEmpty())
        return;
    const int next = rows.last();
    // One edit for the whole removal, so that undo brings back every row at once.
    QStringList items = m_model->items();
    for (const int row : std::as_const(rows))
        items.removeAt(row);
    m_model->setItems(items);
    emitFromTable();
    selectRow(qMin(next, m_model->rowCount() - 1));
}

void InterfaceListEditor::moveCurrentRow(int delta)
{
    const int row = m_view->currentIndex().row();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_model->rowCount())
        return;
    m_model->moveRows(QModelIndex(), row, 1, QModelIndex(), delta > 0 ? target + 1 : target);
    selectRow(target);
}

void InterfaceListEditor::updateButtons()
{
    const QModelIndex current = m_view->currentIndex();
    const bool hasSelection
        = current.isValid() || !m_view->selectionModel()->selectedRows().isEmpty();
    m_remove->setEnabled(hasSelection);
    m_up->setEnabled(current.isValid() && current.row() > 0);
    m_down->setEnabled(current.isValid() && current.row() + 1 < m_model->rowCount());
}

} // namespace Mailport
