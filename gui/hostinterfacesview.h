#pragma once

#include "hostinterfaces.h"
#include "listenplan.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QTreeView;
QT_END_NAMESPACE

namespace Mailport {

class HostInterfacesModel;

/// The host's interfaces and addresses, with the ones the configuration uses highlighted, and
/// actions that add the selected address to local_interfaces or extra_local_interfaces.
class HostInterfacesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostInterfacesView)

public:
    explicit HostInterfacesView(QWidget *parent = nullptr);

    void setHost(const HostInterfaces &host);
    void setPlan(const ListenPlan &plan);

    HostInterfacesModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QAction *addToLocalInterfacesAction() const { return m_addLocal; }
    QAction *addToExtraLocalInterfacesAction() const { return m_addExtra; }
    QAction *refreshAction() const { return m_refresh; }

    /// Selects an address row; returns false when the host has no such address.
    bool selectAddress(const QString &address, const QString &scopeId = QString());
    /// The local_interfaces item of the selected address, or empty.
    QString selectedItem() const;

signals:
    /// The user wants @p item added to @p option.
    void addRequested(const QString &option, const QString &item);
    void refreshRequested();

private:
    void updateActions();

    HostInterfacesModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_addLocal = nullptr;
    QAction *m_addExtra = nullptr;
    QAction *m_refresh = nullptr;
};

} // namespace Mailport
