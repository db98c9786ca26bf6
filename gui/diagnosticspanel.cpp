#include "diagnosticspanel.h"

#include "diagnosticsmodel.h"
#include "diagnostictext.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mailport {

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new DiagnosticsModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_view = new QTreeView(m_stack);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Problems"));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    // A handful of rows: fitting the columns to their text costs nothing and keeps the
    // translated titles and positions whole.
    for (const int column : {DiagnosticsModel::ProblemColumn, DiagnosticsModel::OptionColumn,
                             DiagnosticsModel::ItemColumn, DiagnosticsModel::PositionColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_stack->addWidget(m_view);

    m_empty = new QLabel(m_stack);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(QStringLiteral("<img src=\":/icons/ok.svg\" width=\"20\" height=\"20\" "
                                    "style=\"vertical-align: middle\">&nbsp; %1")
                         .arg(tr("No problems: Exim would accept this configuration and bind "
                                 "every socket of the plan.")
                                  .toHtmlEscaped()));
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_empty);
    m_stack->setCurrentWidget(m_empty);

    connect(m_view, &QTreeView::clicked, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    connect(m_view, &QTreeView::activated, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
}

void DiagnosticsPanel::setDiagnostics(const Diagnostics &diagnostics)
{
    m_model->setDiagnostics(diagnostics);
    m_stack->setCurrentWidget(diagnostics.isEmpty() ? static_cast<QWidget *>(m_empty)
                                                    : static_cast<QWidget *>(m_view));
}

QSize DiagnosticsPanel::sizeHint() const
{
    // Room for five problems: the dock should not crowd the pages above it.
    return QSize(800, m_view->sizeHintForRow(0) > 0 ? m_view->sizeHintForRow(0) * 6 + 8 : 140);
}

void DiagnosticsPanel::activateRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    emit diagnosticActivated(m_model->diagnostic(row));
}

bool DiagnosticsPanel::activateNext(int step)
{
    const int count = m_model->rowCount();
    if (count == 0)
        return false;
    const int current
        = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : (step > 0 ? -1 : count);
    const int next = ((current + step) % count + count) % count;
    m_view->setCurrentIndex(m_model->index(next, 0));
    activateRow(next);
    return true;
}

} // namespace Mailport
