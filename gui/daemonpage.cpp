#include "daemonpage.h"
#include "icons.h"

#include "configdocument.h"
#include "daemonlogmodel.h"
#include "diagnostictext.h"
#include "listenerstatusmodel.h"
#include "problembanner.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mailport {

namespace {

constexpr int kUptimeInterval = 1000;

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

QString duration(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((seconds / 3600) % 24)
                              .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? DaemonPage::tr("%n day(s) %1", "", int(days)).arg(clock) : clock;
}

QString sameFile(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
}

} // namespace

DaemonPage::DaemonPage(DaemonController *controller, ConfigDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_document(document)
    , m_listeners(new ListenerStatusModel(this))
    , m_log(new DaemonLogModel(this))
    , m_logFilter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("daemonPage"));
    const QStyle *s = style();

    m_startAction = new QAction(s->standardIcon(QStyle::SP_MediaPlay), tr("&Start Daemon"), this);
    m_startAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_startAction->setToolTip(tr("Start mailportd with the edited configuration (F5)"));
    connect(m_startAction, &QAction::triggered, this, &DaemonPage::start);

    m_stopAction = new QAction(s->standardIcon(QStyle::SP_MediaStop), tr("S&top Daemon"), this);
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stopAction->setToolTip(tr("Ask mailportd to shut down; press again to force it (Shift+F5)"));
    connect(m_stopAction, &QAction::triggered, this, &DaemonPage::stop);

    m_restartAction
        = new QAction(s->standardIcon(QStyle::SP_BrowserReload), tr("&Restart Daemon"), this);
    m_restartAction->setIconText(tr("Restart"));
    m_restartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5));
    m_restartAction->setToolTip(
        tr("Stop mailportd and start it with the edited configuration (Ctrl+Shift+F5)"));
    connect(m_restartAction, &QAction::triggered, this, &DaemonPage::restart);

    m_reloadAction
        = new QAction(resourceIcon(QStringLiteral("refresh")), tr("Re&load Configuration"), this);
    m_reloadAction->setIconText(tr("Reload"));
    m_reloadAction->setShortcut(QKeySequence(Qt::Key_F6));
    m_reloadAction->setToolTip(tr("Save the edited configuration where mailportd reads it and "
                                  "make it reload, keeping its sessions (F6)"));
    connect(m_reloadAction, &QAction::triggered, this, &DaemonPage::reload);

    m_attachAction = new QAction(resourceIcon(QStringLiteral("listening")),
                                 tr("&Attach to Running Daemon"), this);
    m_attachAction->setIconText(tr("Attach"));
    m_attachAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_attachAction->setToolTip(
        tr("Watch a mailportd that already runs on this host, without starting one "
           "(Ctrl+Shift+A)"));
    connect(m_attachAction, &QAction::triggered, this, &DaemonPage::attach);

    m_detachAction = new QAction(tr("&Detach"), this);
    m_detachAction->setToolTip(tr("Stop watching the attached mailportd and leave it running"));
    connect(m_detachAction, &QAction::triggered, this, &DaemonPage::detach);

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("configurationSource"));
    m_source->addItem(tr("A temporary copy of the edited configuration"),
                      int(DaemonLaunch::Source::TemporaryCopy));
    m_source->addItem(tr("The configuration file (saved first)"), int(DaemonLaunch::Source::File));
    m_source->setToolTip(tr("What mailportd reads: a private copy leaves the file alone; the "
                            "file is what a headless mailportd would read"));
    auto *sourceLabel = new QLabel(tr("&Run with:"), this);
    sourceLabel->setBuddy(m_source);

    auto *buttons = new QHBoxLayout;
    for (QAction *a : {m_startAction, m_stopAction, m_restartAction, m_reloadAction, m_attachAction,
                       m_detachAction})
        buttons->addWidget(buttonFor(a, this));
    buttons->addStretch(1);

    m_banner = new ProblemBanner(this);

    m_stateIcon = new QLabel(this);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("daemonState"));
    QFont big = m_state->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_state->setFont(big);
    m_pid = new QLabel(this);
    m_uptime = new QLabel(this);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_stateIcon);
    stateRow->addWidget(m_state);
    stateRow->addSpacing(16);
    stateRow->addWidget(m_pid);
    stateRow->addSpacing(16);
    stateRow->addWidget(m_uptime);
    stateRow->addStretch(1);

    m_configFile = new QLabel(this);
    m_controlDir = new QLabel(this);
    m_spoolDir = new QLabel(this);
    for (QLabel *l : {m_configFile, m_controlDir, m_spoolDir, m_pid, m_uptime})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *paths = new QFormLayout;
    paths->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    paths->addRow(sourceLabel, m_source);
    paths->addRow(tr("Configuration:"), m_configFile);
    paths->addRow(tr("Control socket:"), m_controlDir);
    paths->addRow(tr("Spool:"), m_spoolDir);

    m_listenerView = new QTableView(this);
    m_listenerView->setObjectName(QStringLiteral("boundListeners"));
    m_listenerView->setModel(m_listeners);
    m_listenerView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listenerView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listenerView->verticalHeader()->hide();
    m_listenerView->horizontalHeader()->setStretchLastSection(true);
    m_listenerView->setWordWrap(false);
    m_listenerSummary = new QLabel(this);
    auto *listenerBox = new QGroupBox(tr("Sockets"), this);
    auto *listenerLayout = new QVBoxLayout(listenerBox);
    listenerLayout->addWidget(m_listenerSummary);
    listenerLayout->addWidget(m_listenerView);

    auto *counterBox = new QGroupBox(tr("Counters"), this);
    auto *counterLayout = new QFormLayout(counterBox);
    const QStringList counterNames{
        tr("Connections:"), tr("Open now:"), tr("Turned away:"), tr("Messages stored:"),
        tr("Rejections:"),  tr("Received:"), tr("Sent:")};
    for (const QString &name : counterNames) {
        auto *value = new QLabel(this);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        counterLayout->addRow(name, value);
        m_counters.append(value);
    }

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(listenerBox);
    top->addWidget(counterBox);
    top->setStretchFactor(0, 4);
    top->setStretchFactor(1, 1);

    m_logFilter->setSourceModel(m_log);
    m_logFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("logFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter the log"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_logFilter,
            &QSortFilterProxyModel::setFilterFixedString);
    auto *clearLog = new QToolButton(this);
    clearLog->setText(tr("Clear"));
    connect(clearLog, &QToolButton::clicked, m_log, &DaemonLogModel::clear);
    auto *copyLog = new QToolButton(this);
    copyLog->setText(tr("Copy All"));
    connect(copyLog, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_log->text()); });
    m_logView = new QListView(this);
    m_logView->setObjectName(QStringLiteral("daemonLog"));
    m_logView->setModel(m_logFilter);
    m_logView->setUniformItemSizes(true);
    m_logView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *logBox = new QGroupBox(tr("Log"), this);
    auto *logTools = new QHBoxLayout;
    logTools->addWidget(m_filterEdit, 1);
    logTools->addWidget(clearLog);
    logTools->addWidget(copyLog);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->addLayout(logTools);
    logLayout->addWidget(m_logView);

    counterBox->setMinimumHeight(counterBox->sizeHint().height());
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(logBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_banner);
    layout->addLayout(stateRow);
    layout->addLayout(paths);
    layout->addWidget(split, 1);

    m_uptimeTimer.setInterval(kUptimeInterval);
    connect(&m_uptimeTimer, &QTimer::timeout, this, &DaemonPage::updateUptime);

    connect(m_controller, &DaemonController::stateChanged, this, &DaemonPage::onStateChanged);
    connect(m_controller, &DaemonController::problem, m_banner, &ProblemBanner::showMessage);
    connect(m_controller, &DaemonController::reloadFinished, m_banner, &ProblemBanner::showMessage);
    connect(m_controller, &DaemonController::logLine, this, &DaemonPage::appendLog);
    connect(m_controller, &DaemonController::statusChanged, this, &DaemonPage::updateDetails);
    connect(m_controller, &DaemonController::listenersChanged, this, &DaemonPage::updateListeners);
    connect(m_controller, &DaemonController::statsChanged, this, &DaemonPage::updateCounters);
    connect(m_document, &ConfigDocument::validated, this, &DaemonPage::updateListeners);

    onStateChanged();
    updateCounters();
}

DaemonPage::~DaemonPage() = default;

void DaemonPage::setConfigurationSource(DaemonLaunch::Source source)
{
    m_source->setCurrentIndex(m_source->findData(int(source)));
}

DaemonLaunch::Source DaemonPage::configurationSource() const
{
    return DaemonLaunch::Source(m_source->currentData().toInt());
}

DaemonLaunch DaemonPage::launch() const
{
    DaemonLaunch l = m_defaults;
    l.source = configurationSource();
    l.text = m_document->text().toUtf8();
    l.file = m_document->filePath();
    l.oxGiven = m_document->oxGiven();
    l.oxValue = m_document->oxValue();
    l.tlsOnConnect = m_document->tlsOnConnectAll();
    return l;
}

bool DaemonPage::checkPlan()
{
    if (m_document->isValidationPending())
        m_document->validate();
    QStringList errors;
    for (const Diagnostic &d : m_document->diagnostics()) {
        if (d.isError())
            errors.append(DiagnosticText::toolTip(d));
    }
    if (errors.isEmpty())
        return true;
    m_banner->showMessage({UserMessage::Kind::Error,
                           tr("mailportd would refuse this configuration: it has %n error(s).", "",
                              int(errors.size())),
                           errors.join(QLatin1String("\n\n"))});
    return false;
}

void DaemonPage::start()
{
    if (!checkPlan())
        return;
    m_banner->clear();
    if (configurationSource() == DaemonLaunch::Source::TemporaryCopy || !m_save) {
        m_controller->start(launch());
        return;
    }
    const auto proceed = [this](bool saved) {
        if (saved)
            m_controller->start(launch());
    };
    if (!m_document->isModified() && !m_document->filePath().isEmpty())
        proceed(true);
    else
        m_save(proceed);
}

void DaemonPage::stop()
{
    m_controller->stop();
}

void DaemonPage::restart()
{
    if (!checkPlan())
        return;
    m_banner->clear();
    if (configurationSource() == DaemonLaunch::Source::TemporaryCopy || !m_save) {
        m_controller->restart(launch());
        return;
    }
    const auto proceed = [this](bool saved) {
        if (saved)
            m_controller->restart(launch());
    };
    if (!m_document->isModified() && !m_document->filePath().isEmpty())
        proceed(true);
    else
        m_save(proceed);
}

void DaemonPage::reload()
{
    if (m_controller->state() != DaemonController::State::Running) {
        m_controller->reload();
        return;
    }
    if (m_controller->usesTemporaryConfiguration()) {
        if (checkPlan())
            m_controller->reload(m_document->text().toUtf8());
        return;
    }
    const QString daemonFile = m_controller->configurationFile();
    if (!daemonFile.isEmpty() && !m_document->filePath().isEmpty()
        && sameFile(daemonFile) == sameFile(m_document->filePath())) {
        if (!checkPlan())
            return;
        if (!m_document->isModified() || !m_save) {
            m_controller->reload();
            return;
        }
        m_save([this](bool saved) {
            if (saved)
                m_controller->reload();
        });
        return;
    }
    // Someone else's file: re-read it as it is rather than overwrite it with this document.
    m_banner->showMessage(
        {UserMessage::Kind::Information, tr("mailportd re-reads its own configuration file."),
         daemonFile.isEmpty()
             ? tr("It runs with its built-in configuration; the edits here do not apply to it.")
             : tr("It reads %1, not the file edited here, so the edits do not apply to it.")
                   .arg(daemonFile)});
    m_controller->reload();
}

void DaemonPage::attach()
{
    m_banner->clear();
    m_controller->attach(m_defaults.controlDirectory);
}

void DaemonPage::detach()
{
    m_controller->detach();
}

QString DaemonPage::stateText() const
{
    return m_state->text();
}

QString DaemonPage::counterText(Counter counter) const
{
    return m_counters.value(int(counter))->text();
}

void DaemonPage::onStateChanged()
{
    using State = DaemonController::State;
    const State state = m_controller->state();
    const bool idle = state == State::Stopped || state == State::Crashed;
    m_startAction->setEnabled(idle);
    m_attachAction->setEnabled(idle);
    m_stopAction->setEnabled(!idle);
    m_restartAction->setEnabled(state == State::Running);
    m_reloadAction->setEnabled(state == State::Running);
    m_detachAction->setEnabled(!idle && !m_controller->ownsProcess());
    m_source->setEnabled(idle || state == State::Running);

    QString icon = QStringLiteral("stopped");
    QString text = DaemonController::stateText(state);
    switch (state) {
    case State::Stopped:
        text = tr("mailportd is not running");
        break;
    case State::Starting:
        icon = QStringLiteral("info");
        text = m_controller->ownsProcess() ? tr("mailportd is starting…")
                                           : tr("Connecting to mailportd…");
        break;
    case State::Running:
        icon = QStringLiteral("running");
        text = m_controller->ownsProcess() ? tr("mailportd is running")
                                           : tr("mailportd is running (attached)");
        break;
    case State::Stopping:
        icon = QStringLiteral("warning");
        text = tr("mailportd is stopping…");
        break;
    case State::Crashed:
        icon = QStringLiteral("error");
        text = tr("mailportd failed");
        break;
    }
    m_stateIcon->setPixmap(resourceIcon(icon).pixmap(QSize(22, 22), devicePixelRatioF()));
    m_state->setText(text);
    if (state == State::Running)
        m_uptimeTimer.start();
    else
        m_uptimeTimer.stop();
    updateDetails();
    updateListeners();
}

void DaemonPage::updateDetails()
{
    const bool active = m_controller->state() != DaemonController::State::Stopped
                        && m_controller->state() != DaemonController::State::Crashed;
    m_pid->setText(active && m_controller->pid() > 0 ? tr("pid %1").arg(m_controller->pid())
                                                     : QString());
    const QString config = m_controller->configurationFile();
    m_configFile->setText(
        config.isEmpty()
            ? QStringLiteral("—")
            : (m_controller->usesTemporaryConfiguration()
                   ? tr("%1 (a temporary copy of the edited configuration)").arg(config)
                   : config));
    m_controlDir->setText(m_controller->controlDirectory().isEmpty()
                              ? QStringLiteral("—")
                              : m_controller->controlDirectory());
    m_spoolDir->setText(m_controller->spoolDirectory().isEmpty() ? QStringLiteral("—")
                                                                 : m_controller->spoolDirectory());
    updateUptime();
}

void DaemonPage::updateUptime()
{
    const qint64 seconds = m_controller->uptimeSeconds();
    m_uptime->setText(m_controller->state() == DaemonController::State::Running
                          ? tr("up %1").arg(duration(seconds))
                          : QString());
}

void DaemonPage::updateListeners()
{
    const bool running = m_controller->state() == DaemonController::State::Running
                         || m_controller->state() == DaemonController::State::Stopping;
    m_listeners->setSockets(m_document->plan().sockets, m_controller->listeners(), running);
    m_listenerView->resizeColumnsToContents();
    using Status = ListenerStatusModel::Status;
    if (!running) {
        m_listenerSummary->setText(
            tr("The plan has %n socket(s).", "", m_listeners->count(Status::Planned)));
        return;
    }
    QStringList parts{tr("Listening on %n socket(s).", "", int(m_controller->listeners().size()))};
    if (const int missing = m_listeners->count(Status::NotBound))
        parts.append(tr("%n planned socket(s) not bound.", "", missing));
    if (const int extra = m_listeners->count(Status::NotPlanned))
        parts.append(tr("%n bound socket(s) not in the plan.", "", extra));
    if (const int tls = m_listeners->count(Status::TlsMismatch))
        parts.append(tr("%n socket(s) with another TLS mode.", "", tls));
    m_listenerSummary->setText(parts.join(u' '));
}

void DaemonPage::updateCounters()
{
    const DaemonStats &s = m_controller->stats();
    const QLocale locale;
    const QList<QString> values{
        locale.toString(s.connections),        locale.toString(s.activeConnections),
        locale.toString(s.refusedConnections), locale.toString(s.messages),
        locale.toString(s.rejections),         locale.formattedDataSize(s.bytesReceived),
        locale.formattedDataSize(s.bytesSent)};
    for (int i = 0; i < m_counters.size(); ++i)
        m_counters[i]->setText(values.value(i));
}

void DaemonPage::appendLog(const QString &line, DaemonController::LogSource source)
{
    QScrollBar *bar = m_logView->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_log->append(line, source);
    if (atEnd)
        m_logView->scrollToBottom();
}

} // namespace Mailport
