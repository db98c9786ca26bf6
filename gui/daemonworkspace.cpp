#include "daemonworkspace.h"
#include "icons.h"

#include "controlprotocol.h"
#include "daemonpage.h"
#include "mainwindow.h"
#include "receivedmessagespage.h"
#include "testmailpage.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace Mailport {

DaemonWorkspace::DaemonWorkspace(MainWindow *window, const DaemonWorkspaceOptions &options)
    : QObject(window)
    , m_window(window)
    , m_controller(new DaemonController(this))
{
    if (!options.program.isEmpty())
        m_controller->setProgram(options.program);
    m_controller->setTimeouts(options.timeouts);

    m_daemonPage = new DaemonPage(m_controller, window->document());
    m_daemonPage->setLaunchDefaults(options.launchDefaults);
    m_daemonPage->setSaveFunction(
        [window](std::function<void(bool)> done) { window->save(std::move(done)); });
    m_testMailPage = new TestMailPage(window->document());
    m_receivedPage = new ReceivedMessagesPage(m_controller, window->document());

    window->addPage(m_daemonPage, resourceIcon(QStringLiteral("running")), tr("Daemon"));
    window->addPage(m_testMailPage, resourceIcon(QStringLiteral("starttls")), tr("Test mail"));
    window->addPage(m_receivedPage, resourceIcon(QStringLiteral("spool")), tr("Received messages"));

    m_menu = window->addMenu(tr("&Daemon"));
    m_menu->addAction(m_daemonPage->startAction());
    m_menu->addAction(m_daemonPage->stopAction());
    m_menu->addAction(m_daemonPage->restartAction());
    m_menu->addAction(m_daemonPage->reloadAction());
    m_menu->addSeparator();
    m_menu->addAction(m_daemonPage->attachAction());
    m_menu->addAction(m_daemonPage->detachAction());
    m_menu->addSeparator();
    m_menu->addAction(m_testMailPage->sendAction());
    m_menu->addAction(m_receivedPage->refreshAction());
    // The pages' shortcuts work from every page through the window.
    for (QAction *a :
         {m_daemonPage->startAction(), m_daemonPage->stopAction(), m_daemonPage->restartAction(),
          m_daemonPage->reloadAction(), m_daemonPage->attachAction(), m_testMailPage->sendAction(),
          m_receivedPage->refreshAction()})
        window->addAction(a);
    // Sending from another page shows the results.
    connect(m_testMailPage->sendAction(), &QAction::triggered, this,
            [this] { m_window->pages()->setCurrentWidget(m_testMailPage); });

    QToolBar *toolBar = window->mainToolBar();
    toolBar->addSeparator();
    toolBar->addAction(m_daemonPage->startAction());
    toolBar->addAction(m_daemonPage->stopAction());

    m_statusIcon = new QLabel(window);
    m_statusText = new QLabel(window);
    window->statusBar()->addPermanentWidget(m_statusIcon);
    window->statusBar()->addPermanentWidget(m_statusText);
    connect(m_controller, &DaemonController::stateChanged, this,
            &DaemonWorkspace::updateStatusLabel);
    connect(m_controller, &DaemonController::statusChanged, this,
            &DaemonWorkspace::updateStatusLabel);
    connect(m_controller, &DaemonController::problem, this, [this](const UserMessage &message) {
        if (message.kind == UserMessage::Kind::Error)
            m_window->statusBar()->showMessage(message.primary, 10000);
    });
    updateStatusLabel();

    window->installEventFilter(this);

    const QString controlDirectory = options.launchDefaults.controlDirectory.isEmpty()
                                         ? ControlProtocol::defaultDirectory()
                                         : options.launchDefaults.controlDirectory;
    // Only when a daemon seems to be there: a missing one is no error at start-up.
    if (options.attachAtStart && QFileInfo::exists(ControlProtocol::socketPath(controlDirectory)))
        m_controller->attach(controlDirectory);
}

DaemonWorkspace::~DaemonWorkspace() = default;

void DaemonWorkspace::updateStatusLabel()
{
    using State = DaemonController::State;
    const State state = m_controller->state();
    QString icon;
    switch (state) {
    case State::Running:
        icon = QStringLiteral("running");
        break;
    case State::Crashed:
        icon = QStringLiteral("error");
        break;
    default:
        icon = QStringLiteral("stopped");
        break;
    }
    m_statusIcon->setPixmap(
        resourceIcon(icon).pixmap(QSize(16, 16), m_window->devicePixelRatioF()));
    m_statusText->setText(state == State::Running && m_controller->pid() > 0
                              ? tr("mailportd: %1 (pid %2)")
                                    .arg(DaemonController::stateText(state))
                                    .arg(m_controller->pid())
                              : tr("mailportd: %1").arg(DaemonController::stateText(state)));
}

bool DaemonWorkspace::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close)
        return QObject::eventFilter(watched, event);
    // A daemon this window started goes with it; an attached one goes on running.
    if (!m_controller->ownsProcess() || m_closing)
        return QObject::eventFilter(watched, event);
    m_closing = true;
    event->ignore();
    m_window->statusBar()->showMessage(tr("Stopping mailportd before closing…"));
    m_closeAfterStop = connect(m_controller, &DaemonController::stateChanged, this,
                               [this](DaemonController::State state) {
                                   if (state != DaemonController::State::Stopped
                                       && state != DaemonController::State::Crashed)
                                       return;
                                   disconnect(m_closeAfterStop);
                                   // The window may still ask about unsaved changes.
                                   m_window->close();
                                   m_closing = false;
                               });
    m_controller->stop();
    return true;
}

} // namespace Mailport
