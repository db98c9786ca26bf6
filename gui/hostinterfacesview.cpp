#include "hostinterfacesview.h"
#include "icons.h"

#include "hostinterfacesmodel.h"

#include <QAction>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mailport {

HostInterfacesView::HostInterfacesView(QWidget *parent)
    : QWidget(parent)
    , m_model(new HostInterfacesModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->setSpacing(6);

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(18, 18));
    m_addLocal
        = toolBar->addAction(resourceIcon(QStringLiteral("add")), tr("Listen on this address"));
    m_addLocal->setToolTip(tr("Add the selected address to local_interfaces"));
    m_addLocal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_addLocal->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_addExtra = toolBar->addAction(resourceIcon(QStringLiteral("address")), tr("Treat as local"));
    m_addExtra->setToolTip(tr("Add the selected address to extra_local_interfaces: local for "
                              "routing, not listened on"));
    toolBar->addSeparator();
    m_refresh = toolBar->addAction(resourceIcon(QStringLiteral("refresh")), tr("Refresh"));
    m_refresh->setToolTip(tr("Read the interfaces again (this also happens every few seconds)"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    layout->addWidget(toolBar);

    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Host interfaces"));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->resizeSection(HostInterfacesModel::NameColumn, 260);
    header->resizeSection(HostInterfacesModel::PrefixColumn, 60);
    header->resizeSection(HostInterfacesModel::ScopeColumn, 100);
    header->resizeSection(HostInterfacesModel::ScopeIdColumn, 80);
    header->resizeSection(HostInterfacesModel::UsageColumn, 220);
    header->resizeSection(HostInterfacesModel::MtuColumn, 60);
    header->resizeSection(HostInterfacesModel::HardwareColumn, 140);
    layout->addWidget(m_view, 1);

    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_status);

    m_view->addAction(m_addLocal);
    m_view->addAction(m_addExtra);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_addLocal, &QAction::triggered, this, [this] {
        const QString item = selectedItem();
        if (!item.isEmpty())
            emit addRequested(QStringLiteral("local_interfaces"), item);
    });
    connect(m_addExtra, &QAction::triggered, this, [this] {
        const QString item = selectedItem();
        if (!item.isEmpty())
            emit addRequested(QStringLiteral("extra_local_interfaces"), item);
    });
    connect(m_refresh, &QAction::triggered, this, &HostInterfacesView::refreshRequested);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(HostInterfacesModel::IsAddressRole).toBool())
            m_addLocal->trigger();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HostInterfacesView::updateActions);
    updateActions();
}

void HostInterfacesView::setHost(const HostInterfaces &host)
{
    // Keep the selection across the reset: the user may be about to act on it.
    const QModelIndex current = m_view->currentIndex();
    const QString address = current.data(HostInterfacesModel::AddressRole).toString();
    const QString item = current.data(HostInterfacesModel::ListItemRole).toString();
    m_model->setHost(host);
    m_view->expandAll();
    if (!address.isEmpty()) {
        const qsizetype percent = item.indexOf(u'%');
        selectAddress(address, percent >= 0 ? item.mid(percent + 1) : QString());
    }
    int addresses = 0;
    for (const HostInterface &i : host.interfaces())
        addresses += int(i.addresses.size());
    m_status->setText(
        tr("Interfaces: %1 · addresses: %2 · read at %3")
            .arg(host.interfaces().size())
            .arg(addresses)
            .arg(QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat)));
    updateActions();
}

void HostInterfacesView::setPlan(const ListenPlan &plan)
{
    m_model->setPlan(plan);
}

bool HostInterfacesView::selectAddress(const QString &address, const QString &scopeId)
{
    const QModelIndex index = m_model->indexOfAddress(address, scopeId);
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    updateActions();
    return true;
}

QString HostInterfacesView::selectedItem() const
{
    return m_view->currentIndex().data(HostInterfacesModel::ListItemRole).toString();
}

void HostInterfacesView::updateActions()
{
    const bool address = m_view->currentIndex().data(HostInterfacesModel::IsAddressRole).toBool();
    m_addLocal->setEnabled(address);
    m_addExtra->setEnabled(address);
}

} // namespace Mailport
