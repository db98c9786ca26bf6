#pragma once

#include "daemoncontroller.h"

#include <QObject>

QT_BEGIN_NAMESPACE
class QLabel;
class QMenu;
QT_END_NAMESPACE

namespace Mailport {

class DaemonPage;
class MainWindow;
class ReceivedMessagesPage;
class TestMailPage;

/// What the daemon pages need to know about this host. Tests point everything at temporary
/// places and a short set of timeouts.
struct DaemonWorkspaceOptions
{
    /// Empty: DaemonController::defaultProgram().
    QString program;
    /// Directories every launch (and attach) uses; the configuration comes from the window.
    DaemonLaunch launchDefaults;
    DaemonTimeouts timeouts;
    /// Attach at start-up to a mailportd already running in the control directory.
    bool attachAtStart = true;
};

/// Plugs the daemon into the main window: a DaemonController, the Daemon, Test mail and
/// Received messages pages, a Daemon menu, tool bar buttons and a state label in the status
/// bar. Closing the window stops a daemon it started, gracefully, before the window goes.
class DaemonWorkspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaemonWorkspace)

public:
    explicit DaemonWorkspace(MainWindow *window,
                             const DaemonWorkspaceOptions &options = DaemonWorkspaceOptions());
    ~DaemonWorkspace() override;

    DaemonController *controller() const { return m_controller; }
    DaemonPage *daemonPage() const { return m_daemonPage; }
    TestMailPage *testMailPage() const { return m_testMailPage; }
    ReceivedMessagesPage *receivedPage() const { return m_receivedPage; }
    QMenu *menu() const { return m_menu; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateStatusLabel();

    MainWindow *m_window = nullptr;
    DaemonController *m_controller = nullptr;
    DaemonPage *m_daemonPage = nullptr;
    TestMailPage *m_testMailPage = nullptr;
    ReceivedMessagesPage *m_receivedPage = nullptr;
    QMenu *m_menu = nullptr;
    QLabel *m_statusIcon = nullptr;
    QLabel *m_statusText = nullptr;
    bool m_closing = false;
    QMetaObject::Connection m_closeAfterStop;
};

} // namespace Mailport
