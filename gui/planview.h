#pragma once

#include "listenplan.h"
#include "portprobe.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTreeView;
QT_END_NAMESPACE

namespace Mailport {

class PlanModel;

/// The listening plan: a verdict in words (would Exim start, and what it would log), the sockets
/// in binding order with what would go wrong with each, and the addresses Exim treats as local.
class PlanView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanView)

public:
    explicit PlanView(QWidget *parent = nullptr);

    void setPlan(const ListenPlan &plan);
    void setListening(const QList<ListeningSocket> &listening);

    PlanModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    /// The verdict, e.g. "Exim would start and log: listening for SMTP on port 25 (IPv4)".
    QString verdict() const;

signals:
    /// The user chose a socket: take them to the item it comes from.
    void socketActivated(const Mailport::PlannedSocket &socket);

private:
    void updateSummary();

    PlanModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_icon = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_local = nullptr;
};

} // namespace Mailport
