#pragma once

#include "daemoncontroller.h"

#include <QTimer>
#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace Mailport {

class ConfigDocument;
class DaemonLogModel;
class ListenerStatusModel;
class ProblemBanner;

/// Runs the edited configuration for real: start, stop, restart, reload and attach, the
/// daemon's state, pid and uptime, the sockets it bound beside the plan, its counters and a
/// live, filterable log. Failures show in a banner with their detail one click away.
class DaemonPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaemonPage)

public:
    /// Saves the document to its file (asking for one if needed) and says whether it did.
    using SaveFunction = std::function<void(std::function<void(bool saved)> done)>;

    enum class Counter {
        Connections,
        ActiveConnections,
        RefusedConnections,
        Messages,
        Rejections,
        BytesReceived,
        BytesSent,
    };

    DaemonPage(DaemonController *controller, ConfigDocument *document, QWidget *parent = nullptr);
    ~DaemonPage() override;

    void setSaveFunction(SaveFunction save) { m_save = std::move(save); }
    /// Directories and the like that every launch uses (the configuration is added).
    void setLaunchDefaults(const DaemonLaunch &defaults) { m_defaults = defaults; }
    /// Which configuration the daemon runs: a temporary copy of the edited text, or the file.
    void setConfigurationSource(DaemonLaunch::Source source);
    DaemonLaunch::Source configurationSource() const;
    /// The launch for the document as it is now.
    DaemonLaunch launch() const;

    void start();
    void stop();
    void restart();
    /// Saves the edited configuration where the daemon reads it, then reloads.
    void reload();
    void attach();
    void detach();

    QAction *startAction() const { return m_startAction; }
    QAction *stopAction() const { return m_stopAction; }
    QAction *restartAction() const { return m_restartAction; }
    QAction *reloadAction() const { return m_reloadAction; }
    QAction *attachAction() const { return m_attachAction; }
    QAction *detachAction() const { return m_detachAction; }

    DaemonController *controller() const { return m_controller; }
    ProblemBanner *banner() const { return m_banner; }
    ListenerStatusModel *listenerModel() const { return m_listeners; }
    QTableView *listenerView() const { return m_listenerView; }
    DaemonLogModel *logModel() const { return m_log; }
    QSortFilterProxyModel *logFilter() const { return m_logFilter; }
    QLineEdit *logFilterEdit() const { return m_filterEdit; }
    QListView *logView() const { return m_logView; }
    QString stateText() const;
    QString counterText(Counter counter) const;

private:
    void onStateChanged();
    void updateDetails();
    void updateListeners();
    void updateCounters();
    void updateUptime();
    void appendLog(const QString &line, DaemonController::LogSource source);
    /// False, with the reason in the banner, when mailportd would refuse the plan.
    bool checkPlan();

    DaemonController *m_controller = nullptr;
    ConfigDocument *m_document = nullptr;
    SaveFunction m_save;
    DaemonLaunch m_defaults;

    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_detachAction = nullptr;
    QComboBox *m_source = nullptr;
    ProblemBanner *m_banner = nullptr;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_pid = nullptr;
    QLabel *m_uptime = nullptr;
    QLabel *m_configFile = nullptr;
    QLabel *m_controlDir = nullptr;
    QLabel *m_spoolDir = nullptr;
    QLabel *m_listenerSummary = nullptr;
    QList<QLabel *> m_counters;
    ListenerStatusModel *m_listeners = nullptr;
    QTableView *m_listenerView = nullptr;
    DaemonLogModel *m_log = nullptr;
    QSortFilterProxyModel *m_logFilter = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QListView *m_logView = nullptr;
    QTimer m_uptimeTimer;
};

} // namespace Mailport
