#pragma once

#include <QString>
#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;
QT_END_NAMESPACE

namespace Mailport {

class ConfigDocument;
class DaemonController;
class ProblemBanner;
class ReceivedMessagesModel;
struct SpoolMessage;

/// The messages mailportd stored, newest first, with a viewer for the selected one's headers
/// and raw source. The list comes from the running daemon (`messages`), else straight from the
/// spool directory it uses or would use; it follows arrivals as they happen.
class ReceivedMessagesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceivedMessagesPage)

public:
    /// At most this many messages are listed, the newest ones.
    static constexpr int ListLimit = 500;
    /// At most this much of a message is shown.
    static constexpr qint64 ViewLimit = 1024 * 1024;

    ReceivedMessagesPage(DaemonController *controller, ConfigDocument *document,
                         QWidget *parent = nullptr);
    ~ReceivedMessagesPage() override;

    /// Re-reads the list: from the daemon when one runs, else from the spool directory.
    void refresh();
    /// The spool a stopped daemon would use: the configuration's spool_directory, else
    /// `spool/` in the daemon's data directory.
    QString fallbackDirectory() const;
    /// The directory the list shows.
    QString directory() const { return m_directory; }
    /// Selects the message with @p id; false if it is not listed.
    bool selectMessage(const QString &id);

    QAction *refreshAction() const { return m_refreshAction; }
    ReceivedMessagesModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QPlainTextEdit *headersView() const { return m_headers; }
    QPlainTextEdit *sourceView() const { return m_source; }
    ProblemBanner *banner() const { return m_banner; }
    QString summary() const;

signals:
    /// The list was read again.
    void refreshed(int count);

private:
    void showList(const QString &directory, const QList<SpoolMessage> &messages,
                  const QStringList &notes);
    void refreshFromDisk();
    void showCurrent();

    DaemonController *m_controller = nullptr;
    ConfigDocument *m_document = nullptr;
    ReceivedMessagesModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QString m_directory;
    QString m_shownId;
    QTimer m_arrivalTimer;
    bool m_requestPending = false;

    QAction *m_refreshAction = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_filter = nullptr;
    ProblemBanner *m_banner = nullptr;
    QTableView *m_view = nullptr;
    QTabWidget *m_viewer = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_source = nullptr;
};

} // namespace Mailport
