#include "problembanner.h"

#include "diagnostictext.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mailport {

ProblemBanner::ProblemBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("problemBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_icon = new QLabel(this);
    m_primary = new QLabel(this);
    m_primary->setWordWrap(true);
    m_primary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_primary->font();
    bold.setBold(true);
    m_primary->setFont(bold);

    m_detailButton = new QToolButton(this);
    m_detailButton->setText(tr("Details"));
    m_detailButton->setCheckable(true);
    m_detailButton->setArrowType(Qt::RightArrow);
    m_detailButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailButton->setAutoRaise(true);
    m_detailButton->setToolTip(tr("Show or hide what exactly happened"));

    m_closeButton = new QToolButton(this);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Dismiss"));

    m_detail = new QPlainTextEdit(this);
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    m_detail->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_icon, 0, Qt::AlignTop);
    top->addWidget(m_primary, 1);
    top->addWidget(m_detailButton, 0, Qt::AlignTop);
    top->addWidget(m_closeButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(top);
    layout->addWidget(m_detail);

    connect(m_detailButton, &QToolButton::toggled, this, &ProblemBanner::setDetailShown);
    connect(m_closeButton, &QToolButton::clicked, this, &ProblemBanner::clear);
    hide();
}

void ProblemBanner::showMessage(const UserMessage &message)
{
    if (message.isNull()) {
        clear();
        return;
    }
    m_message = message;
    Severity severity = Severity::Error;
    QColor tint(0xfd, 0xec, 0xea);
    switch (message.kind) {
    case UserMessage::Kind::Information:
        severity = Severity::Info;
        tint = QColor(0xe8, 0xf1, 0xfb);
        break;
    case UserMessage::Kind::Warning:
        severity = Severity::Warning;
        tint = QColor(0xfd, 0xf6, 0xe3);
        break;
    case UserMessage::Kind::Error:
        break;
    }
    QPalette p = palette();
    p.setColor(QPalette::Window, tint);
    p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(p);
    m_icon->setPixmap(DiagnosticText::icon(severity).pixmap(QSize(20, 20), devicePixelRatioF()));
    m_primary->setText(message.primary);
    m_detail->setPlainText(message.detail);
    m_detailButton->setVisible(!message.detail.isEmpty());
    setDetailShown(false);
    show();
}

void ProblemBanner::clear()
{
    m_message = UserMessage();
    m_primary->clear();
    m_detail->clear();
    setDetailShown(false);
    hide();
}

bool ProblemBanner::isDetailShown() const
{
    return m_detailButton->isChecked();
}

void ProblemBanner::setDetailShown(bool shown)
{
    if (m_detailButton->isChecked() != shown)
        m_detailButton->setChecked(shown); // comes back here through toggled()
    m_detailButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    m_detail->setVisible(shown && !m_message.detail.isEmpty());
}

QString ProblemBanner::primaryText() const
{
    return m_primary->text();
}

QString ProblemBanner::detailText() const
{
    return m_detail->toPlainText();
}

} // namespace Mailport
