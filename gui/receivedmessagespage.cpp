#include "receivedmessagespage.h"
#include "icons.h"

#include "configdocument.h"
#include "controlclient.h"
#include "daemoncontroller.h"
#include "maildirreader.h"
#include "problembanner.h"
#include "receivedmessagesmodel.h"

#include <QAction>
#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mailport {

namespace {

// Arrivals come in bursts; one listing serves them all.
constexpr int kArrivalDelay = 150;

QPlainTextEdit *textView(QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

/// The header block: everything before the first empty line.
QByteArray headerBlock(const QByteArray &data)
{
    qsizetype end = data.indexOf("\r\n\r\n");
    const qsizetype lfEnd = data.indexOf("\n\n");
    if (end < 0 || (lfEnd >= 0 && lfEnd < end))
        end = lfEnd;
    return end < 0 ? data : data.left(end);
}

} // namespace

ReceivedMessagesPage::ReceivedMessagesPage(DaemonController *controller, ConfigDocument *document,
                                           QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_document(document)
    , m_model(new ReceivedMessagesModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("receivedMessagesPage"));

    m_refreshAction
        = new QAction(resourceIcon(QStringLiteral("refresh")), tr("&Refresh Messages"), this);
    m_refreshAction->setIconText(tr("Refresh"));
    m_refreshAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_refreshAction->setToolTip(tr("Read the spool again (Ctrl+Shift+R)"));
    connect(m_refreshAction, &QAction::triggered, this, &ReceivedMessagesPage::refresh);

    auto *refreshButton = new QToolButton(this);
    refreshButton->setDefaultAction(m_refreshAction);
    refreshButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter the messages"));
    m_filter->setClearButtonEnabled(true);
    auto *tools = new QHBoxLayout;
    tools->addWidget(refreshButton);
    tools->addWidget(m_summary, 1);
    tools->addWidget(m_filter);

    m_banner = new ProblemBanner(this);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReceivedMessagesModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("receivedMessages"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ReceivedMessagesModel::TimeColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ReceivedMessagesModel::SubjectColumn,
                                                     QHeaderView::Stretch);

    m_headers = textView(this);
    m_headers->setObjectName(QStringLiteral("messageHeaders"));
    m_headers->setPlaceholderText(tr("Select a message to see its headers."));
    m_source = textView(this);
    m_source->setObjectName(QStringLiteral("messageSource"));
    m_viewer = new QTabWidget(this);
    m_viewer->addTab(m_headers, tr("Headers"));
    m_viewer->addTab(m_source, tr("Source"));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_viewer);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    m_arrivalTimer.setSingleShot(true);
    m_arrivalTimer.setInterval(kArrivalDelay);
    connect(&m_arrivalTimer, &QTimer::timeout, this, &ReceivedMessagesPage::refresh);
    connect(m_controller, &DaemonController::messageArrived, this, [this] {
        if (!m_arrivalTimer.isActive())
            m_arrivalTimer.start();
    });
    connect(m_controller, &DaemonController::stateChanged, this,
            [this](DaemonController::State state) {
                if (state == DaemonController::State::Running
                    || state == DaemonController::State::Stopped)
                    refresh();
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReceivedMessagesPage::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_shownId.isEmpty() && !selectMessage(m_shownId))
            showCurrent();
    });
    refresh();
}

ReceivedMessagesPage::~ReceivedMessagesPage() = default;

QString ReceivedMessagesPage::fallbackDirectory() const
{
    if (!m_controller->spoolDirectory().isEmpty())
        return m_controller->spoolDirectory();
    const QString configured = m_document->configuration().text(QStringLiteral("spool_directory"));
    if (!configured.isEmpty())
        return configured;
    QString data = m_controller->dataDirectory();
    if (data.isEmpty())
        // mailportd's own QStandardPaths::AppDataLocation (organisation Mailport).
        data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
               + QLatin1String("/Mailport/mailportd");
    return QDir(data).filePath(QStringLiteral("spool"));
}

void ReceivedMessagesPage::refresh()
{
    m_arrivalTimer.stop();
    if (m_controller->state() != DaemonController::State::Running
        || !m_controller->client()->isConnected()) {
        refreshFromDisk();
        return;
    }
    if (m_requestPending)
        return;
    m_requestPending = true;
    m_controller->client()->request(
        ControlProtocol::Request::Messages, {{ControlProtocol::Field::Limit, ListLimit}},
        [this](const ControlProtocol::Reply &reply) {
            m_requestPending = false;
            if (!reply.ok) {
                refreshFromDisk();
                return;
            }
            QList<SpoolMessage> messages;
            for (const QJsonValue &v : reply.result.value(QLatin1String("messages")).toArray())
                messages.append(ReceivedMessagesModel::fromJson(v.toObject()));
            QStringList notes;
            for (const QJsonValue &v : reply.result.value(QLatin1String("notes")).toArray())
                notes.append(v.toString());
            showList(reply.result.value(QLatin1String("directory")).toString(), messages, notes);
        });
}

void ReceivedMessagesPage::refreshFromDisk()
{
    const QString directory = fallbackDirectory();
    if (!QFileInfo::exists(directory)) {
        showList(directory, {}, {});
        return;
    }
    const MaildirReader::Listing listing = MaildirReader(directory).list(ListLimit);
    showList(directory, listing.messages, listing.notes);
}

void ReceivedMessagesPage::showList(const QString &directory, const QList<SpoolMessage> &messages,
                                    const QStringList &notes)
{
    m_directory = directory;
    m_model->setMessages(messages);
    if (notes.isEmpty()) {
        if (m_banner->message().kind != UserMessage::Kind::Error)
            m_banner->clear();
    } else {
        m_banner->showMessage(
            {UserMessage::Kind::Warning,
             tr("%n file(s) in the spool are not messages.", "", int(notes.size())),
             notes.join(u'\n')});
    }
    if (!m_shownId.isEmpty() && m_model->rowOf(m_shownId) < 0)
        showCurrent();
    // Something to read at once: the newest message.
    if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    m_summary->setText(summary());
    emit refreshed(int(messages.size()));
}

QString ReceivedMessagesPage::summary() const
{
    if (m_directory.isEmpty())
        return tr("No spool known yet.");
    if (!QFileInfo::exists(m_directory))
        return tr("No messages: %1 does not exist yet.").arg(m_directory);
    return tr("%n message(s) in %1", "", m_model->rowCount()).arg(m_directory);
}

bool ReceivedMessagesPage::selectMessage(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    if (m_shownId != id)
        showCurrent();
    return true;
}

void ReceivedMessagesPage::showCurrent()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_shownId.clear();
        m_headers->clear();
        m_source->clear();
        return;
    }
    const SpoolMessage message = m_model->message(current.row());
    m_shownId = message.id;
    const MaildirReader::RawMessage raw = MaildirReader(m_directory).readRaw(message.id, ViewLimit);
    if (!raw.ok) {
        m_headers->clear();
        m_source->clear();
        m_banner->showMessage({UserMessage::Kind::Error, tr("The message cannot be read."),
                               QStringLiteral("%1: %2").arg(message.filePath, raw.error)});
        return;
    }
    m_headers->setPlainText(QString::fromUtf8(headerBlock(raw.data)));
    QString source = QString::fromUtf8(raw.data);
    if (raw.truncated)
        source += u'\n'
                  + tr("[… the message has %1; only the first %2 are shown]")
                        .arg(QLocale().formattedDataSize(raw.size),
                             QLocale().formattedDataSize(raw.data.size()));
    m_source->setPlainText(source);
}

} // namespace Mailport
