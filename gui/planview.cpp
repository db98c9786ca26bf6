#include "planview.h"

#include "diagnostictext.h"
#include "planmodel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mailport {

PlanView::PlanView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PlanModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);

    auto *banner = new QFrame(this);
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    banner->setBackgroundRole(QPalette::Base);
    auto *bannerLayout = new QHBoxLayout(banner);
    bannerLayout->setContentsMargins(12, 10, 12, 10);
    bannerLayout->setSpacing(12);
    m_icon = new QLabel(banner);
    m_icon->setFixedSize(32, 32);
    bannerLayout->addWidget(m_icon, 0, Qt::AlignTop);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(4);
    m_verdict = new QLabel(banner);
    QFont strong = m_verdict->font();
    strong.setBold(true);
    strong.setPointSizeF(strong.pointSizeF() * 1.15);
    m_verdict->setFont(strong);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(banner);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    texts->addWidget(m_verdict);
    texts->addWidget(m_detail);
    bannerLayout->addLayout(texts, 1);
    layout->addWidget(banner);

    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Listening sockets"));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->resizeSection(PlanModel::AddressColumn, 230);
    header->resizeSection(PlanModel::ScopeColumn, 70);
    header->resizeSection(PlanModel::PortColumn, 70);
    header->resizeSection(PlanModel::FamilyColumn, 110);
    header->resizeSection(PlanModel::TlsColumn, 180);
    header->resizeSection(PlanModel::ItemColumn, 170);
    header->resizeSection(PlanModel::SourceColumn, 130);
    layout->addWidget(m_view, 1);

    m_local = new QLabel(this);
    m_local->setWordWrap(true);
    m_local->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_local->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_local);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        emit socketActivated(m_model->socket(index.row()));
    });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        emit socketActivated(m_model->socket(index.row()));
    });
    updateSummary();
}

void PlanView::setPlan(const ListenPlan &plan)
{
    m_model->setPlan(plan);
    updateSummary();
}

void PlanView::setListening(const QList<ListeningSocket> &listening)
{
    m_model->setListening(listening);
    updateSummary();
}

QString PlanView::verdict() const
{
    return m_verdict->text();
}

void PlanView::updateSummary()
{
    const ListenPlan &plan = m_model->plan();
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : plan.diagnostics) {
        if (d.severity == Severity::Error) {
            ++errors;
        } else if (d.severity == Severity::Warning) {
            ++warnings;
        }
    }
    int inUse = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        inUse += m_model->isInUse(row) ? 1 : 0;

    Severity severity = Severity::Info;
    if (errors > 0) {
        severity = Severity::Error;
        m_verdict->setText(tr("Exim would refuse to start (%n error(s)).", "", errors));
        QStringList reasons;
        for (const Diagnostic &d : plan.diagnostics) {
            if (d.severity == Severity::Error && !reasons.contains(d.message))
                reasons.append(d.message);
        }
        constexpr int kShown = 4;
        if (reasons.size() > kShown) {
            reasons = reasons.mid(0, kShown);
            reasons.append(QStringLiteral("…"));
        }
        m_detail->setText(reasons.size() == 1
                              ? reasons.first()
                              : QStringLiteral("• ") + reasons.join(QStringLiteral("\n• ")));
    } else {
        severity = warnings > 0 || inUse > 0 ? Severity::Warning : Severity::Info;
        m_verdict->setText(
            tr("Exim would start and bind %n socket(s).", "", int(plan.sockets.size())));
        QStringList detail;
        detail.append(tr("Its log would say: “%1”.").arg(plan.startupLine()));
        if (inUse > 0)
            detail.append(tr("%n socket(s) are taken by another program: the daemon cannot "
                             "bind them until it stops.",
                             "", inUse));
        if (warnings > 0)
            detail.append(tr("%n warning(s): see Problems.", "", warnings));
        m_detail->setText(detail.join(u'\n'));
    }
    const QIcon icon
        = severity == Severity::Info ? DiagnosticText::okIcon() : DiagnosticText::icon(severity);
    m_icon->setPixmap(icon.pixmap(QSize(32, 32), devicePixelRatioF()));
    m_local->setText(plan.localAddresses.isEmpty()
                         ? tr("No address counts as the local host.")
                         : tr("Treated as the local host when routing: %1")
                               .arg(plan.localAddresses.join(QLatin1String(", "))));
}

} // namespace Mailport
