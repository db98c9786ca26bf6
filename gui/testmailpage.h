#pragma once

#include "testmailclient.h"
#include "testmailmodel.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableView;
QT_END_NAMESPACE

namespace Mailport {

class ConfigDocument;
class ProblemBanner;
class TestMailBatch;

/// Sends test mail to the planned listeners, one or all, in the modes each one's TLS setting
/// calls for (or one chosen mode), and shows a pass/fail matrix; the selected run's SMTP
/// transcript, TLS protocol, cipher and certificate appear below it.
class TestMailPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestMailPage)

public:
    explicit TestMailPage(ConfigDocument *document, QWidget *parent = nullptr);
    ~TestMailPage() override;

    /// -1: every listener of the plan; else the index of a planned socket.
    void setListener(int socket);
    int listener() const;
    /// A mode for every listener instead of the ones their TLS setting calls for.
    void setModeOverride(std::optional<TestMailRequest::Mode> mode);
    std::optional<TestMailRequest::Mode> modeOverride() const;
    void setSender(const QString &sender);
    void setRecipient(const QString &recipient);
    void setSubject(const QString &subject);
    void setTimeout(int milliseconds);

    /// The targets and requests send() would use now, in the same order.
    QList<TestMailTarget> targets() const;
    QList<TestMailRequest> requests(const QList<TestMailTarget> &targets) const;

    void send();
    void cancel();
    bool isRunning() const;

    QAction *sendAction() const { return m_sendAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    TestMailModel *model() const { return m_model; }
    QTableView *matrixView() const { return m_matrix; }
    QPlainTextEdit *transcriptView() const { return m_transcript; }
    ProblemBanner *banner() const { return m_banner; }
    QComboBox *listenerBox() const { return m_listener; }
    QComboBox *modeBox() const { return m_mode; }
    /// The TLS summary of the selected run, one "Label: value" per line.
    QString tlsSummary() const;
    /// Selects the cell of @p row and @p mode, showing its transcript.
    void showRun(int row, TestMailRequest::Mode mode);

signals:
    /// Every requested run has finished.
    void finished(int passed, int failed);

private:
    void updateListeners();
    void showCurrent();
    void updateSummary();
    void onRequestFinished(int index, const TestMailResult &result);

    ConfigDocument *m_document = nullptr;
    TestMailModel *m_model = nullptr;
    QPointer<TestMailBatch> m_batch;
    QList<std::pair<int, TestMailRequest::Mode>> m_cells; ///< batch index -> row and mode
    int m_timeout = TestMailRequest::DefaultTimeoutMs;

    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QComboBox *m_listener = nullptr;
    QComboBox *m_mode = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_subject = nullptr;
    QLabel *m_summary = nullptr;
    ProblemBanner *m_banner = nullptr;
    QTableView *m_matrix = nullptr;
    QPlainTextEdit *m_transcript = nullptr;
    QLabel *m_protocol = nullptr;
    QLabel *m_cipher = nullptr;
    QLabel *m_subjectName = nullptr;
    QLabel *m_issuer = nullptr;
    QLabel *m_validity = nullptr;
    QLabel *m_fingerprint = nullptr;
    QLabel *m_verification = nullptr;
};

} // namespace Mailport
