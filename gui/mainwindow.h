#pragma once

#include "diagnostic.h"
#include "hostmonitor.h"
#include "listenplan.h"
#include "portprobe.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QToolBar;
QT_END_NAMESPACE

namespace Mailport {

class ConfigDocument;
class ConfigEditor;
class DiagnosticsPanel;
class HostInterfacesView;
class PlanView;
class Prompter;
class SourceEditor;
struct ImportReport;

/// What the window reads from the machine. Tests replace each part; the defaults read the
/// real host.
struct MainWindowEnvironment
{
    HostMonitor::Source hostSource = &HostInterfaces::fromSystem;
    PortProbe::Source listeningSource = &PortProbe::systemListeningSockets;
    bool privileged = PortProbe::canBindPrivilegedPorts();
    /// No dialog opens: the prompter answers from its queue (see Prompter).
    bool scriptedPrompts = false;
    int hostPollInterval = HostMonitor::DefaultInterval;
    int portProbeInterval = 3000;
    /// Restore and save the window's geometry and state in QSettings.
    bool useSettings = true;
};

/// Mailport's main window. It owns the ConfigDocument and shows it in pages (the option form,
/// the listening plan, the host's interfaces, the file's text) above a Problems panel.
///
/// Further pages, docks, menus and tool bar actions plug in through addPage(), addDock(),
/// addMenu() and mainToolBar(); they reach the configuration through document().
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const MainWindowEnvironment &environment = MainWindowEnvironment(),
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    ConfigDocument *document() const { return m_document; }
    Prompter *prompter() const { return m_prompter; }
    HostMonitor *hostMonitor() const { return m_hostMonitor; }

    QTabWidget *pages() const { return m_pages; }
    ConfigEditor *configEditor() const { return m_editor; }
    PlanView *planView() const { return m_planView; }
    HostInterfacesView *hostView() const { return m_hostView; }
    SourceEditor *sourceEditor() const { return m_source; }
    DiagnosticsPanel *diagnosticsPanel() const { return m_diagnostics; }

    /// Adds a page after the existing ones; returns its index. View menu entries follow.
    int addPage(QWidget *page, const QIcon &icon, const QString &title);
    /// Adds a dock widget and its toggle to the View menu.
    void addDock(QDockWidget *dock, Qt::DockWidgetArea area = Qt::BottomDockWidgetArea);
    /// A new top-level menu, placed before Help.
    QMenu *addMenu(const QString &title);
    QToolBar *mainToolBar() const { return m_toolBar; }

    void newDocument();
    /// Asks for a file and opens it.
    void open();
    /// Opens @p path once unsaved changes are dealt with.
    void openFile(const QString &path);
    /// Saves to the document's file, asking for one if it has none. @p done learns whether
    /// the document was saved.
    void save(std::function<void(bool saved)> done = {});
    void saveAs(std::function<void(bool saved)> done = {});
    /// Runs @p proceed once unsaved changes are saved or discarded; never if the user cancels.
    void whenSaved(std::function<void()> proceed);

    void importEximConfiguration();
    void importEximFile(const QString &path);
    void exportEximOptions();
    void exportEximOptionsTo(const QString &path);
    void copyEximOptions();
    void importSendmail();
    void importSendmailFile(const QString &path);
    void exportSendmail();
    void exportSendmailTo(const QString &path);

    /// Takes the user to the field, row or line a diagnostic is about.
    void showDiagnostic(const Diagnostic &diagnostic);
    /// Adds a host address to local_interfaces or extra_local_interfaces.
    void addHostAddress(const QString &option, const QString &item);

    static QString aboutText();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void loadFile(const QString &path);
    void saveTo(const QString &path, const std::function<void(bool)> &done);
    void showImportReport(const ImportReport &report);
    void onValidated();
    void refreshPortProbe();
    void updateTitle();
    void updateStatus();
    void rebuildRecentMenu();
    void showSocket(const PlannedSocket &socket);
    bool restoreSettings();
    void saveSettings();

    MainWindowEnvironment m_environment;
    ConfigDocument *m_document = nullptr;
    Prompter *m_prompter = nullptr;
    HostMonitor *m_hostMonitor = nullptr;
    PortProbe m_portProbe;
    QElapsedTimer m_sinceProbe;
    QTimer m_probeTimer;

    QTabWidget *m_pages = nullptr;
    ConfigEditor *m_editor = nullptr;
    PlanView *m_planView = nullptr;
    HostInterfacesView *m_hostView = nullptr;
    SourceEditor *m_source = nullptr;
    DiagnosticsPanel *m_diagnostics = nullptr;
    QDockWidget *m_diagnosticsDock = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_statusIcon = nullptr;
    QLabel *m_statusText = nullptr;

    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_importEximAction = nullptr;
    QAction *m_importSendmailAction = nullptr;
    QAction *m_exportEximAction = nullptr;
    QAction *m_copyEximAction = nullptr;
    QAction *m_exportSendmailAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_nextProblemAction = nullptr;
    QAction *m_previousProblemAction = nullptr;
    QAction *m_pageSeparator = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    bool m_closeConfirmed = false;
};

} // namespace Mailport
