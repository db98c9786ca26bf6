#include "mainwindow.h"
#include "icons.h"

#include "configdocument.h"
#include "configeditor.h"
#include "diagnosticspanel.h"
#include "diagnostictext.h"
#include "hostinterfacesview.h"
#include "logging.h"
#include "planview.h"
#include "prompter.h"
#include "recentfiles.h"
#include "sourceeditor.h"
#include "translations.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <openssl/crypto.h>

namespace Mailport {

namespace {

constexpr int kStatusTimeout = 5000;
constexpr int kProbeMinimumAge = 1000; // re-read /proc at most once a second while typing
const QLatin1String kGeometryKey("window/geometry");
const QLatin1String kStateKey("window/state");

QIcon themed(const char *name, QStyle::StandardPixmap fallback, const QStyle *style)
{
    return QIcon::fromTheme(QLatin1String(name), style->standardIcon(fallback));
}

QString configurationFilter()
{
    return MainWindow::tr("Configurations (*.conf *.cfg configure);;All files (*)");
}

} // namespace

MainWindow::MainWindow(const MainWindowEnvironment &environment, QWidget *parent)
    : QMainWindow(parent)
    , m_environment(environment)
    , m_document(new ConfigDocument(this))
    , m_prompter(new Prompter(this))
    , m_hostMonitor(new HostMonitor(environment.hostSource, this))
    , m_portProbe(environment.listeningSource)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(resourceIcon(QStringLiteral("mailport")));
    setDocumentMode(true);
    m_prompter->setScripted(environment.scriptedPrompts);
    m_document->setPrivileged(environment.privileged);
    m_document->setHost(m_hostMonitor->host());

    m_pages = new QTabWidget(this);
    m_pages->setDocumentMode(true);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_editor = new ConfigEditor(m_document, m_prompter, m_pages);
    m_planView = new PlanView(m_pages);
    m_hostView = new HostInterfacesView(m_pages);
    m_source = new SourceEditor(m_document, m_pages);
    m_pages->addTab(m_editor, resourceIcon(QStringLiteral("configure")), tr("Configuration"));
    m_pages->addTab(m_planView, resourceIcon(QStringLiteral("listening")), tr("Listening plan"));
    m_pages->addTab(m_hostView, resourceIcon(QStringLiteral("interface-up")),
                    tr("Host interfaces"));
    m_pages->addTab(m_source, resourceIcon(QStringLiteral("text")), tr("File text"));
    setCentralWidget(m_pages);

    m_diagnostics = new DiagnosticsPanel(this);
    m_diagnosticsDock = new QDockWidget(tr("Problems"), this);
    m_diagnosticsDock->setObjectName(QStringLiteral("problemsDock"));
    m_diagnosticsDock->setWidget(m_diagnostics);
    m_diagnosticsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                                   | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);

    m_statusIcon = new QLabel(this);
    m_statusText = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusIcon);
    statusBar()->addPermanentWidget(m_statusText);

    createActions();
    createMenus();

    connect(m_document, &ConfigDocument::validated, this, &MainWindow::onValidated);
    connect(m_document, &ConfigDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ConfigDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_diagnostics, &DiagnosticsPanel::diagnosticActivated, this,
            &MainWindow::showDiagnostic);
    connect(m_planView, &PlanView::socketActivated, this, &MainWindow::showSocket);
    connect(m_hostView, &HostInterfacesView::addRequested, this, &MainWindow::addHostAddress);
    connect(m_hostView, &HostInterfacesView::refreshRequested, m_hostMonitor, &HostMonitor::poll);
    connect(m_hostMonitor, &HostMonitor::hostChanged, this, [this] {
        m_hostView->setHost(m_hostMonitor->host());
        m_document->setHost(m_hostMonitor->host());
    });

    m_hostView->setHost(m_hostMonitor->host());
    m_hostMonitor->setInterval(environment.hostPollInterval);
    m_hostMonitor->start();
    m_probeTimer.setInterval(environment.portProbeInterval);
    connect(&m_probeTimer, &QTimer::timeout, this, &MainWindow::refreshPortProbe);
    m_probeTimer.start();

    resize(1180, 820);
    if (!environment.useSettings || !restoreSettings()) {
        // Dock sizes only apply once the window is laid out.
        QTimer::singleShot(0, this, [this] {
            resizeDocks({m_diagnosticsDock}, {m_diagnostics->sizeHint().height() + 24},
                        Qt::Vertical);
        });
    }
    m_document->validate();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const QStyle *s = style();
    m_newAction = new QAction(themed("document-new", QStyle::SP_FileIcon, s), tr("&New"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("Start a new configuration"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newDocument);

    m_openAction
        = new QAction(themed("document-open", QStyle::SP_DialogOpenButton, s), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a Mailport or Exim configuration"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);

    m_saveAction
        = new QAction(themed("document-save", QStyle::SP_DialogSaveButton, s), tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, [this] { save(); });

    m_saveAsAction = new QAction(themed("document-save-as", QStyle::SP_DialogSaveButton, s),
                                 tr("Save &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, [this] { saveAs(); });

    m_importEximAction
        = new QAction(resourceIcon(QStringLiteral("import")), tr("&Import exim.conf…"), this);
    m_importEximAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importEximAction->setToolTip(tr("Take the listening options from an Exim configuration"));
    connect(m_importEximAction, &QAction::triggered, this, &MainWindow::importEximConfiguration);

    m_importSendmailAction = new QAction(tr("Import sendmail DaemonPortOptions…"), this);
    m_importSendmailAction->setToolTip(tr("Convert the listening sockets of a sendmail.cf or "
                                          "sendmail.mc to Exim options"));
    connect(m_importSendmailAction, &QAction::triggered, this, &MainWindow::importSendmail);

    m_exportEximAction
        = new QAction(resourceIcon(QStringLiteral("export")), tr("&Export Exim Options…"), this);
    m_exportEximAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportEximAction->setToolTip(tr("Write the options this file sets, ready for an exim.conf"));
    connect(m_exportEximAction, &QAction::triggered, this, &MainWindow::exportEximOptions);

    m_copyEximAction = new QAction(themed("edit-copy", QStyle::SP_FileLinkIcon, s),
                                   tr("&Copy Exim Options"), this);
    m_copyEximAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyEximAction, &QAction::triggered, this, &MainWindow::copyEximOptions);

    m_exportSendmailAction = new QAction(tr("Export sendmail DaemonPortOptions…"), this);
    m_exportSendmailAction->setToolTip(tr("Write the plan's sockets as sendmail declarations"));
    connect(m_exportSendmailAction, &QAction::triggered, this, &MainWindow::exportSendmail);

    m_quitAction = new QAction(themed("application-exit", QStyle::SP_DialogCloseButton, s),
                               tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setIcon(themed("edit-undo", QStyle::SP_ArrowBack, s));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setIcon(themed("edit-redo", QStyle::SP_ArrowForward, s));
    m_redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});

    m_nextProblemAction = new QAction(tr("&Next Problem"), this);
    m_nextProblemAction->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_nextProblemAction, &QAction::triggered, this,
            [this] { m_diagnostics->activateNext(1); });
    m_previousProblemAction = new QAction(tr("&Previous Problem"), this);
    m_previousProblemAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    connect(m_previousProblemAction, &QAction::triggered, this,
            [this] { m_diagnostics->activateNext(-1); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_importEximAction);
    file->addAction(m_importSendmailAction);
    file->addSeparator();
    file->addAction(m_exportEximAction);
    file->addAction(m_copyEximAction);
    file->addAction(m_exportSendmailAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_nextProblemAction);
    edit->addAction(m_previousProblemAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_pages->count(); ++i) {
        QAction *page = m_viewMenu->addAction(m_pages->tabIcon(i), m_pages->tabText(i));
        page->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        QWidget *widget = m_pages->widget(i);
        connect(page, &QAction::triggered, this,
                [this, widget] { m_pages->setCurrentWidget(widget); });
    }
    m_pageSeparator = m_viewMenu->addSeparator();
    QAction *problems = m_diagnosticsDock->toggleViewAction();
    problems->setShortcut(QKeySequence(Qt::ALT | Qt::Key_0));
    m_viewMenu->addAction(problems);

    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_saveAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    // Their text names the change ("Undo Change local_interfaces"): too long for a tool bar.
    for (QAction *a : {m_undoAction, m_redoAction}) {
        if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(a)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_importEximAction);
    m_toolBar->addAction(m_exportEximAction);
    m_viewMenu->addAction(m_toolBar->toggleViewAction());

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QMenu *language = settings->addMenu(tr("&Language"));
    m_languageGroup = new QActionGroup(this);
    const QString preferred = Translations::preferred();
    QAction *system = language->addAction(tr("System Language"));
    system->setData(QString());
    system->setCheckable(true);
    system->setChecked(preferred.isEmpty());
    m_languageGroup->addAction(system);
    language->addSeparator();
    for (const QString &code : Translations::available()) {
        QAction *a = language->addAction(Translations::nativeName(code));
        a->setData(code);
        a->setCheckable(true);
        a->setChecked(code == preferred);
        m_languageGroup->addAction(a);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        Translations::setPreferred(a->data().toString());
        m_prompter->showMessage(this, Prompter::MessageKind::Information,
                                tr("The new language applies when Mailport starts again."));
    });

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = m_helpMenu->addAction(windowIcon(), tr("&About Mailport"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = m_helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

int MainWindow::addPage(QWidget *page, const QIcon &icon, const QString &title)
{
    const int index = m_pages->addTab(page, icon, title);
    QAction *action = new QAction(icon, title, m_viewMenu);
    if (index < 9)
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    connect(action, &QAction::triggered, this, [this, page] { m_pages->setCurrentWidget(page); });
    m_viewMenu->insertAction(m_pageSeparator, action);
    return index;
}

void MainWindow::addDock(QDockWidget *dock, Qt::DockWidgetArea area)
{
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
}

QMenu *MainWindow::addMenu(const QString &title)
{
    auto *menu = new QMenu(title, this);
    menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
    return menu;
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Mailport").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
    m_saveAction->setEnabled(m_document->isModified() || m_document->filePath().isEmpty());
}

void MainWindow::onValidated()
{
    const Diagnostics &diagnostics = m_document->diagnostics();
    m_diagnostics->setDiagnostics(diagnostics);
    m_source->setDiagnostics(diagnostics);
    m_hostView->setPlan(m_document->plan());
    if (!m_sinceProbe.isValid() || m_sinceProbe.elapsed() >= kProbeMinimumAge) {
        m_portProbe.refresh();
        m_sinceProbe.start();
    }
    m_planView->setListening(m_portProbe.listening());
    m_planView->setPlan(m_document->plan());
    updateStatus();
}

void MainWindow::refreshPortProbe()
{
    m_portProbe.refresh();
    m_sinceProbe.start();
    m_planView->setListening(m_portProbe.listening());
}

void MainWindow::updateStatus()
{
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : m_document->diagnostics()) {
        errors += d.severity == Severity::Error ? 1 : 0;
        warnings += d.severity == Severity::Warning ? 1 : 0;
    }
    const int sockets = int(m_document->plan().sockets.size());
    QString text;
    QIcon icon;
    if (errors > 0) {
        icon = DiagnosticText::icon(Severity::Error);
        text = tr("%n error(s)", "", errors);
        if (warnings > 0)
            text = tr("%1, %n warning(s)", "", warnings).arg(text);
    } else if (warnings > 0) {
        icon = DiagnosticText::icon(Severity::Warning);
        text = tr("%n warning(s)", "", warnings);
    } else {
        icon = DiagnosticText::okIcon();
        text = tr("No problems");
    }
    text = tr("%1 · %n socket(s)", "", sockets).arg(text);
    m_statusIcon->setPixmap(icon.pixmap(QSize(16, 16), devicePixelRatioF()));
    m_statusText->setText(text);
    m_diagnosticsDock->setWindowTitle(
        errors + warnings > 0 ? tr("Problems (%1)").arg(errors + warnings) : tr("Problems"));
}

void MainWindow::newDocument()
{
    whenSaved([this] {
        m_document->clear();
        m_pages->setCurrentWidget(m_editor);
        statusBar()->showMessage(tr("New configuration."), kStatusTimeout);
    });
}

void MainWindow::open()
{
    whenSaved([this] {
        const QString dir = m_document->filePath().isEmpty()
                                ? QDir::homePath()
                                : QFileInfo(m_document->filePath()).absolutePath();
        m_prompter->chooseFileToOpen(this, tr("Open Configuration"), dir, configurationFilter(),
                                     [this](const QString &path) {
                                         if (!path.isEmpty())
                                             loadFile(path);
                                     });
    });
}

void MainWindow::openFile(const QString &path)
{
    whenSaved([this, path] { loadFile(path); });
}

void MainWindow::loadFile(const QString &path)
{
    const DocumentResult r = m_document->load(path);
    RecentFiles recent;
    if (!r.ok()) {
        recent.remove(path);
        m_prompter->showMessage(this, Prompter::MessageKind::Error, r.message, r.detail);
        return;
    }
    recent.add(path);
    statusBar()->showMessage(tr("Opened %1.").arg(m_document->filePath()), kStatusTimeout);
}

void MainWindow::save(std::function<void(bool)> done)
{
    if (m_document->filePath().isEmpty()) {
        saveAs(std::move(done));
        return;
    }
    saveTo(m_document->filePath(), done);
}

void MainWindow::saveAs(std::function<void(bool)> done)
{
    const QString suggested = m_document->filePath().isEmpty()
                                  ? QDir::home().filePath(QStringLiteral("mailport.conf"))
                                  : m_document->filePath();
    m_prompter->chooseFileToSave(this, tr("Save Configuration"), suggested, configurationFilter(),
                                 [this, done](const QString &path) {
                                     if (path.isEmpty()) {
                                         if (done)
                                             done(false);
                                         return;
                                     }
                                     saveTo(path, done);
                                 });
}

void MainWindow::saveTo(const QString &path, const std::function<void(bool)> &done)
{
    const DocumentResult r = m_document->save(path);
    if (!r.ok()) {
        m_prompter->showMessage(this, Prompter::MessageKind::Error, r.message, r.detail);
    } else {
        RecentFiles().add(path);
        statusBar()->showMessage(tr("Saved %1.").arg(m_document->filePath()), kStatusTimeout);
    }
    if (done)
        done(r.ok());
}

void MainWindow::whenSaved(std::function<void()> proceed)
{
    if (!m_document->isModified()) {
        proceed();
        return;
    }
    m_prompter->askSaveChanges(this, m_document->displayName(),
                               [this, proceed](Prompter::SaveChoice choice) {
                                   switch (choice) {
                                   case Prompter::SaveChoice::Save:
                                       save([proceed](bool saved) {
                                           if (saved)
                                               proceed();
                                       });
                                       break;
                                   case Prompter::SaveChoice::Discard:
                                       proceed();
                                       break;
                                   case Prompter::SaveChoice::Cancel:
                                       break;
                                   }
                               });
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentFiles().files();
    for (int i = 0; i < files.size(); ++i) {
        const QFileInfo info(files[i]);
        const QString text
            = i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(info.fileName()) : info.fileName();
        QAction *a = m_recentMenu->addAction(text);
        a->setToolTip(files[i]);
        a->setStatusTip(files[i]);
        a->setEnabled(info.exists());
        const QString path = files[i];
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No Recent Files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear List"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [] { RecentFiles().clear(); });
}

void MainWindow::importEximConfiguration()
{
    whenSaved([this] {
        const QString dir = QFileInfo::exists(QStringLiteral("/etc/exim4"))
                                ? QStringLiteral("/etc/exim4")
                                : QDir::homePath();
        m_prompter->chooseFileToOpen(this, tr("Import an Exim Configuration"), dir,
                                     configurationFilter(), [this](const QString &path) {
                                         if (!path.isEmpty())
                                             importEximFile(path);
                                     });
    });
}

void MainWindow::importEximFile(const QString &path)
{
    showImportReport(m_document->importEximFile(path));
}

void MainWindow::importSendmail()
{
    whenSaved([this] {
        const QString dir = QFileInfo::exists(QStringLiteral("/etc/mail"))
                                ? QStringLiteral("/etc/mail")
                                : QDir::homePath();
        m_prompter->chooseFileToOpen(this, tr("Import sendmail Listening Options"), dir,
                                     tr("sendmail configurations (*.cf *.mc);;All files (*)"),
                                     [this](const QString &path) {
                                         if (!path.isEmpty())
                                             importSendmailFile(path);
                                     });
    });
}

void MainWindow::importSendmailFile(const QString &path)
{
    showImportReport(m_document->importSendmailFile(path));
}

void MainWindow::showImportReport(const ImportReport &report)
{
    if (!report.result.ok()) {
        m_prompter->showMessage(this, Prompter::MessageKind::Error, report.result.message,
                                report.result.detail);
        return;
    }
    m_document->validate();
    m_pages->setCurrentWidget(m_editor);
    m_prompter->showMessage(this,
                            report.problems.isEmpty() ? Prompter::MessageKind::Information
                                                      : Prompter::MessageKind::Warning,
                            report.summary, report.details);
}

void MainWindow::exportEximOptions()
{
    const QString base = m_document->filePath().isEmpty()
                             ? QDir::home().filePath(QStringLiteral("mailport"))
                             : QFileInfo(m_document->filePath()).absolutePath() + u'/'
                                   + QFileInfo(m_document->filePath()).completeBaseName();
    m_prompter->chooseFileToSave(
        this, tr("Export Exim Options"), base + QLatin1String("-exim.conf"),
        tr("Exim configuration fragments (*.conf);;All files (*)"), [this](const QString &path) {
            if (!path.isEmpty())
                exportEximOptionsTo(path);
        });
}

void MainWindow::exportEximOptionsTo(const QString &path)
{
    const DocumentResult r = m_document->exportEximOptions(path);
    if (!r.ok()) {
        m_prompter->showMessage(this, Prompter::MessageKind::Error, r.message, r.detail);
        return;
    }
    statusBar()->showMessage(tr("Exported the Exim options to %1.").arg(path), kStatusTimeout);
}

void MainWindow::copyEximOptions()
{
    QGuiApplication::clipboard()->setText(m_document->eximOptions());
    statusBar()->showMessage(tr("The Exim options are on the clipboard."), kStatusTimeout);
}

void MainWindow::exportSendmail()
{
    m_prompter->chooseFileToSave(this, tr("Export sendmail DaemonPortOptions"),
                                 QDir::home().filePath(QStringLiteral("daemon-options.mc")),
                                 tr("sendmail.mc lines (*.mc);;sendmail.cf lines (*.cf)"),
                                 [this](const QString &path) {
                                     if (!path.isEmpty())
                                         exportSendmailTo(path);
                                 });
}

void MainWindow::exportSendmailTo(const QString &path)
{
    const SendmailOptions::Syntax syntax = path.endsWith(QLatin1String(".cf"))
                                               ? SendmailOptions::Syntax::Cf
                                               : SendmailOptions::Syntax::Mc;
    Diagnostics left;
    const QString text = m_document->sendmailOptions(syntax, &left);
    const DocumentResult r = ConfigDocument::writeFile(path, text.toUtf8());
    if (!r.ok()) {
        m_prompter->showMessage(this, Prompter::MessageKind::Error, r.message, r.detail);
        return;
    }
    if (left.isEmpty()) {
        statusBar()->showMessage(tr("Exported the sendmail options to %1.").arg(path),
                                 kStatusTimeout);
        return;
    }
    QStringList lines;
    for (const Diagnostic &d : std::as_const(left))
        lines.append(d.message);
    m_prompter->showMessage(this, Prompter::MessageKind::Warning,
                            tr("Exported to %1, leaving out %n socket(s) sendmail cannot express.",
                               "", int(left.size()))
                                .arg(path),
                            lines.join(u'\n'));
}

void MainWindow::showDiagnostic(const Diagnostic &diagnostic)
{
    if (m_editor->fieldWidget(ConfigEditor::fieldOf(diagnostic))) {
        m_pages->setCurrentWidget(m_editor);
        m_editor->showDiagnostic(diagnostic);
        return;
    }
    if (diagnostic.line > 0) {
        m_pages->setCurrentWidget(m_source);
        m_source->goTo(diagnostic.line, diagnostic.column, int(diagnostic.item.size()));
    }
}

void MainWindow::showSocket(const PlannedSocket &socket)
{
    Diagnostic d;
    d.option = socket.source;
    d.item = socket.item;
    d.line = socket.line;
    d.column = socket.column;
    showDiagnostic(d);
}

void MainWindow::addHostAddress(const QString &option, const QString &item)
{
    m_pages->setCurrentWidget(m_editor);
    const bool added = m_editor->appendListItem(option, item);
    statusBar()->showMessage(added ? tr("Added %1 to %2.").arg(item, option)
                                   : tr("%1 is already in %2.").arg(item, option),
                             kStatusTimeout);
}

QString MainWindow::aboutText()
{
    return tr("<h3>Mailport %1</h3>"
              "<p>Checks Exim's listening options the way Exim reads them, shows the sockets "
              "the daemon would bind, and runs a test SMTP daemon.</p>"
              "<p>Qt %2 (built with %3)<br>%4</p>")
        .arg(QStringLiteral(MAILPORT_VERSION), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)));
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setWindowTitle(tr("About Mailport"));
    box->setTextFormat(Qt::RichText);
    box->setText(aboutText());
    box->setIconPixmap(windowIcon().pixmap(QSize(64, 64), devicePixelRatioF()));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeConfirmed && m_document->isModified()) {
        event->ignore();
        whenSaved([this] {
            m_closeConfirmed = true;
            close();
        });
        return;
    }
    if (m_environment.useSettings)
        saveSettings();
    event->accept();
}

bool MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    return restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

} // namespace Mailport
