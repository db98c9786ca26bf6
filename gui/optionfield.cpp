#include "optionfield.h"
#include "icons.h"

#include "addressitem.h"
#include "diagnostictext.h"
#include "eximlist.h"
#include "listenplan.h"
#include "optioncatalog.h"

#include <QAction>
#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mailport {

namespace {

QString rstripped(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && text[end - 1].isSpace())
        --end;
    return text.left(end);
}

QString durationText(qint64 seconds)
{
    if (seconds == 0)
        return OptionField::tr("no time at all");
    if (seconds % 3600 == 0)
        return OptionField::tr("%n hour(s)", "", int(seconds / 3600));
    if (seconds % 60 == 0)
        return OptionField::tr("%n minute(s)", "", int(seconds / 60));
    return OptionField::tr("%n second(s)", "", int(seconds));
}

} // namespace

OptionField::OptionField(const QString &option, Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_option(option)
    , m_kind(kind)
    , m_commandLine(option.startsWith(u'-'))
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->setSpacing(4);
    column->addLayout(row);

    const QString toolTip = OptionCatalog::toolTip(option);
    if (kind == Kind::Bool) {
        m_check = new QCheckBox(OptionCatalog::label(option), this);
        m_check->setToolTip(toolTip);
        row->addWidget(m_check);
        row->addStretch();
        connect(m_check, &QCheckBox::clicked, this,
                [this](bool on) { emit toggled(m_option, on); });
    } else {
        m_line = new QLineEdit(this);
        m_line->setToolTip(toolTip);
        m_line->setClearButtonEnabled(false);
        if (kind == Kind::List || kind == Kind::PortList)
            m_line->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        if (kind == Kind::Number) {
            // Numbers are short: a full-width field would look like it wants a sentence.
            m_line->setMaximumWidth(m_line->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 32);
            row->addWidget(m_line);
            row->addStretch(1);
        } else {
            row->addWidget(m_line, 1);
        }
        if (!m_commandLine) {
            m_resetAction = m_line->addAction(resourceIcon(QStringLiteral("reset")),
                                              QLineEdit::TrailingPosition);
            m_resetAction->setToolTip(tr("Remove the setting: Exim's default applies"));
            m_resetAction->setVisible(false);
            connect(m_resetAction, &QAction::triggered, this,
                    [this] { emit resetRequested(m_option); });
        }
        m_problemAction = m_line->addAction(QIcon(), QLineEdit::TrailingPosition);
        m_problemAction->setVisible(false);
        connect(m_problemAction, &QAction::triggered, this, [this] {
            if (!m_diagnostics.isEmpty())
                focusDiagnostic(m_diagnostics.first());
        });
        connect(m_line, &QLineEdit::textEdited, this, [this](const QString &text) {
            updateHint();
            emit edited(m_option, text);
        });
        if (kind == Kind::File) {
            m_browse = new QToolButton(this);
            m_browse->setText(tr("Browse…"));
            m_browse->setToolTip(tr("Choose a file"));
            m_browse->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
            m_browse->setToolButtonStyle(Qt::ToolButtonIconOnly);
            row->addWidget(m_browse);
            connect(m_browse, &QToolButton::clicked, this,
                    [this] { emit browseRequested(m_option); });
        }
        m_hint = new QLabel(this);
        m_hint->setForegroundRole(QPalette::PlaceholderText);
        m_hint->setVisible(false);
        QFont small = m_hint->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        m_hint->setFont(small);
        column->addWidget(m_hint);
    }
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setVisible(false);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_message);
    setFocusProxy(editor());
}

QWidget *OptionField::editor() const
{
    return m_check ? static_cast<QWidget *>(m_check) : static_cast<QWidget *>(m_line);
}

void OptionField::setValue(const OptionValue &value)
{
    m_value = value;
    const OptionSpec *spec = Configuration::spec(m_option);
    if (m_check) {
        bool on = false;
        Configuration::parseBool(value.text, &on);
        m_check->setChecked(on);
        m_check->setFont([this, &value] {
            QFont f = font();
            f.setItalic(!value.isSet);
            return f;
        }());
        return;
    }
    const QString shown = value.isSet ? value.text : QString();
    const QString current = m_line->text();
    // Leave the text alone while it says the same (the user may be typing trailing blanks).
    if (current != shown && !(m_line->hasFocus() && rstripped(current) == shown)) {
        const int cursor = m_line->cursorPosition();
        m_line->setText(shown);
        if (m_line->hasFocus())
            m_line->setCursorPosition(qMin(cursor, int(shown.size())));
    }
    const QString defaultText
        = spec && spec->defaultValue ? QString::fromLatin1(spec->defaultValue) : QString();
    if (value.isSet && shown.isEmpty())
        m_line->setPlaceholderText(tr("set to an empty value"));
    else
        m_line->setPlaceholderText(
            defaultText.isEmpty() ? tr("unset") : tr("Exim's default: %1").arg(defaultText));
    if (m_resetAction)
        m_resetAction->setVisible(value.isSet);
    updateHint();
}

void OptionField::setCommandLineValue(const QString &value)
{
    if (m_line->text() != value)
        m_line->setText(value);
    m_line->setPlaceholderText(tr("not given, e.g. <; [::1]:2525 ; 127.0.0.1.2525"));
    updateHint();
}

void OptionField::setCommandLineSwitch(bool on)
{
    m_check->setChecked(on);
}

void OptionField::updateHint()
{
    if (!m_hint)
        return;
    const QString text = m_line->text().trimmed().isEmpty() && !m_commandLine
                             ? (m_value.isSet ? QString() : m_value.text)
                             : m_line->text();
    QString hint;
    const OptionSpec *spec = Configuration::spec(m_option);
    if (m_kind == Kind::PortList && !text.trimmed().isEmpty()) {
        QStringList ports;
        for (const ListItem &item : EximList::split(text).items) {
            if (item.text.isEmpty())
                continue;
            if (item.text.front().isDigit()) {
                // Exim reads daemon_smtp_ports with C's base detection: 0x24b is 587.
                const CNumber n = CNumber::parse(item.text, 0);
                ports.append(n.complete && QString::number(n.value) != item.text
                                 ? tr("%1 = %2").arg(item.text).arg(n.value)
                                 : item.text);
            } else {
                const int port = Planner::systemServiceLookup(item.text);
                ports.append(port < 0 ? tr("%1 (unknown service)").arg(item.text)
                                      : tr("%1 = %2").arg(item.text).arg(port));
            }
        }
        hint = tr("Ports: %1").arg(ports.join(QLatin1String(", ")));
    } else if (spec && m_kind == Kind::Number && !text.trimmed().isEmpty()) {
        qint64 n = 0;
        if (Configuration::parseNumber(spec->type, text, &n)) {
            if (spec->type == OptionType::Time)
                hint = durationText(n);
            else if (spec->type == OptionType::Size)
                hint = n == 0 ? tr("no limit") : QLocale().formattedDataSize(n);
        }
    }
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

void OptionField::setDiagnostics(const Diagnostics &diagnostics)
{
    if (diagnostics == m_diagnostics)
        return;
    m_diagnostics = diagnostics;
    Severity worst = Severity::Info;
    QStringList lines;
    for (const Diagnostic &d : diagnostics) {
        if (int(d.severity) < int(worst))
            worst = d.severity;
        lines.append(QStringLiteral("<img src=\"%1\" width=\"12\" height=\"12\"> %2")
                         .arg(d.severity == Severity::Error ? QStringLiteral(":/icons/error.svg")
                              : d.severity == Severity::Warning
                                  ? QStringLiteral(":/icons/warning.svg")
                                  : QStringLiteral(":/icons/info.svg"),
                              d.message.toHtmlEscaped()));
    }
    m_message->setText(lines.join(QLatin1String("<br>")));
    m_message->setVisible(!diagnostics.isEmpty());
    setProperty("severity", diagnostics.isEmpty() ? -1 : int(worst));
    if (m_problemAction) {
        m_problemAction->setVisible(!diagnostics.isEmpty());
        if (!diagnostics.isEmpty()) {
            m_problemAction->setIcon(DiagnosticText::icon(worst));
            m_problemAction->setToolTip(DiagnosticText::toolTip(diagnostics.first()));
        }
    }
}

int OptionField::itemOffset(const Diagnostic &diagnostic, int *length) const
{
    if (!m_line || diagnostic.item.isEmpty())
        return -1;
    const QString text = m_line->text();
    if (m_kind == Kind::List || m_kind == Kind::PortList) {
        for (const ListItem &item : EximList::split(text).items) {
            bool match = false;
            if (m_commandLine) {
                match = diagnostic.column == item.offset + 1;
            } else if (m_value.isSet && diagnostic.line > 0) {
                const SourceSpan at = m_value.position(item.offset);
                match = at.line == diagnostic.line && at.column == diagnostic.column;
            }
            if (match) {
                *length = int(item.text.size());
                return item.offset;
            }
        }
    }
    const int found = int(text.indexOf(diagnostic.item));
    *length = int(diagnostic.item.size());
    return found;
}

void OptionField::focusDiagnostic(const Diagnostic &diagnostic)
{
    editor()->setFocus(Qt::OtherFocusReason);
    int length = 0;
    const int offset = itemOffset(diagnostic, &length);
    if (m_line && offset >= 0)
        m_line->setSelection(offset, length);
}

} // namespace Mailport
