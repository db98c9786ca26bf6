#include "testmailpage.h"
#include "icons.h"

#include "configdocument.h"
#include "problembanner.h"
#include "testmailbatch.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mailport {

namespace {

constexpr int kAllListeners = -1;
constexpr int kPlannedModes = -1;

QString certificateName(const QList<QString> &names)
{
    return names.isEmpty() ? QString() : names.join(QLatin1String(", "));
}

} // namespace

TestMailPage::TestMailPage(ConfigDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new TestMailModel(this))
{
    setObjectName(QStringLiteral("testMailPage"));

    m_sendAction = new QAction(resourceIcon(QStringLiteral("export")), tr("&Send Test Mail"), this);
    m_sendAction->setIconText(tr("Send"));
    m_sendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sendAction->setToolTip(tr("Send a test message to the chosen listeners (Ctrl+Return)"));
    connect(m_sendAction, &QAction::triggered, this, &TestMailPage::send);
    addAction(m_sendAction);

    m_cancelAction
        = new QAction(style()->standardIcon(QStyle::SP_BrowserStop), tr("&Cancel"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &TestMailPage::cancel);
    addAction(m_cancelAction);

    m_listener = new QComboBox(this);
    m_listener->setObjectName(QStringLiteral("testListener"));
    m_listener->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("testMode"));
    m_mode->addItem(tr("As planned (plain and STARTTLS, or implicit TLS)"), kPlannedModes);
    for (TestMailRequest::Mode mode :
         {TestMailRequest::Mode::Plain, TestMailRequest::Mode::StartTls,
          TestMailRequest::Mode::ImplicitTls})
        m_mode->addItem(tr("Only %1").arg(TestMailModel::modeText(mode)), int(mode));
    m_from = new QLineEdit(QStringLiteral("mailport-test@localhost"), this);
    m_to = new QLineEdit(QStringLiteral("postmaster@localhost"), this);
    m_subject = new QLineEdit(tr("Mailport test message"), this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Listener:"), m_listener);
    form->addRow(tr("&Mode:"), m_mode);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("S&ubject:"), m_subject);

    auto *sendButton = new QToolButton(this);
    sendButton->setDefaultAction(m_sendAction);
    sendButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *cancelButton = new QToolButton(this);
    cancelButton->setDefaultAction(m_cancelAction);
    cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_summary = new QLabel(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(sendButton);
    buttons->addWidget(cancelButton);
    buttons->addWidget(m_summary, 1);

    m_banner = new ProblemBanner(this);

    m_matrix = new QTableView(this);
    m_matrix->setObjectName(QStringLiteral("testMatrix"));
    m_matrix->setModel(m_model);
    m_matrix->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->verticalHeader()->hide();
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrix->horizontalHeader()->setSectionResizeMode(TestMailModel::ListenerColumn,
                                                       QHeaderView::ResizeToContents);

    m_transcript = new QPlainTextEdit(this);
    m_transcript->setObjectName(QStringLiteral("testTranscript"));
    m_transcript->setReadOnly(true);
    m_transcript->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_transcript->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_transcript->setPlaceholderText(tr("Select a result to see its SMTP conversation."));
    auto *transcriptBox = new QGroupBox(tr("SMTP transcript"), this);
    auto *transcriptLayout = new QVBoxLayout(transcriptBox);
    transcriptLayout->addWidget(m_transcript);

    auto *tlsBox = new QGroupBox(tr("TLS"), this);
    auto *tlsFields = new QWidget(tlsBox);
    auto *tlsForm = new QFormLayout(tlsFields);
    tlsForm->setContentsMargins(0, 0, 0, 0);
    // Long certificate names and verification errors scroll rather than get cut off.
    auto *tlsScroll = new QScrollArea(tlsBox);
    tlsScroll->setFrameShape(QFrame::NoFrame);
    tlsScroll->setWidgetResizable(true);
    tlsScroll->setWidget(tlsFields);
    auto *tlsLayout = new QVBoxLayout(tlsBox);
    tlsLayout->addWidget(tlsScroll);
    m_protocol = new QLabel(this);
    m_cipher = new QLabel(this);
    m_subjectName = new QLabel(this);
    m_issuer = new QLabel(this);
    m_validity = new QLabel(this);
    m_fingerprint = new QLabel(this);
    m_verification = new QLabel(this);
    for (QLabel *l : {m_protocol, m_cipher, m_subjectName, m_issuer, m_validity, m_fingerprint,
                      m_verification}) {
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
    }
    tlsForm->addRow(tr("Protocol:"), m_protocol);
    tlsForm->addRow(tr("Cipher:"), m_cipher);
    tlsForm->addRow(tr("Certificate:"), m_subjectName);
    tlsForm->addRow(tr("Issuer:"), m_issuer);
    tlsForm->addRow(tr("Valid:"), m_validity);
    tlsForm->addRow(tr("SHA-256:"), m_fingerprint);
    tlsForm->addRow(tr("Verification:"), m_verification);

    auto *details = new QSplitter(Qt::Horizontal, this);
    details->addWidget(transcriptBox);
    details->addWidget(tlsBox);
    details->setSizes({1, 1}); // halves, whatever the size hints say

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_matrix);
    split->addWidget(details);
    split->setSizes({1, 1});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    connect(m_document, &ConfigDocument::validated, this, &TestMailPage::updateListeners);
    connect(m_matrix->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TestMailPage::showCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft == m_matrix->currentIndex())
            showCurrent();
    });
    updateListeners();
    showCurrent();
    updateSummary();
}

TestMailPage::~TestMailPage()
{
    if (m_batch) {
        m_batch->disconnect(this);
        m_batch->abort();
    }
}

void TestMailPage::updateListeners()
{
    const QString current
        = m_listener->currentData().isValid() && m_listener->currentData().toInt() != kAllListeners
              ? m_listener->currentText()
              : QString();
    const QList<PlannedSocket> &sockets = m_document->plan().sockets;
    m_listener->clear();
    m_listener->addItem(tr("All %n listener(s) of the plan", "", int(sockets.size())),
                        kAllListeners);
    for (int i = 0; i < sockets.size(); ++i) {
        const PlannedSocket &s = sockets[i];
        m_listener->addItem(resourceIcon(s.tls == TlsMode::Smtps ? QStringLiteral("tls")
                                                                 : QStringLiteral("starttls")),
                            s.endpoint(), i);
    }
    const int again = current.isEmpty() ? -1 : m_listener->findText(current);
    m_listener->setCurrentIndex(qMax(0, again));
    m_sendAction->setEnabled(!isRunning() && !sockets.isEmpty());
}

void TestMailPage::setListener(int socket)
{
    m_listener->setCurrentIndex(qMax(0, m_listener->findData(socket)));
}

int TestMailPage::listener() const
{
    return m_listener->currentData().toInt();
}

void TestMailPage::setModeOverride(std::optional<TestMailRequest::Mode> mode)
{
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(mode ? int(*mode) : kPlannedModes)));
}

std::optional<TestMailRequest::Mode> TestMailPage::modeOverride() const
{
    const int data = m_mode->currentData().toInt();
    if (data == kPlannedModes)
        return std::nullopt;
    return TestMailRequest::Mode(data);
}

void TestMailPage::setSender(const QString &sender)
{
    m_from->setText(sender);
}

void TestMailPage::setRecipient(const QString &recipient)
{
    m_to->setText(recipient);
}

void TestMailPage::setSubject(const QString &subject)
{
    m_subject->setText(subject);
}

void TestMailPage::setTimeout(int milliseconds)
{
    m_timeout = milliseconds;
}

QList<TestMailTarget> TestMailPage::targets() const
{
    const QList<PlannedSocket> &sockets = m_document->plan().sockets;
    const int chosen = listener();
    QList<TestMailTarget> out;
    for (int i = 0; i < sockets.size(); ++i) {
        if (chosen == kAllListeners || chosen == i)
            out.append(TestMailTarget::fromSocket(sockets[i], modeOverride()));
    }
    return out;
}

QList<TestMailRequest> TestMailPage::requests(const QList<TestMailTarget> &targets) const
{
    QList<TestMailRequest> out;
    QStringList recipients;
    for (const QString &r : m_to->text().split(u',', Qt::SkipEmptyParts))
        recipients.append(r.trimmed());
    for (const TestMailTarget &t : targets) {
        for (TestMailRequest::Mode mode : t.modes) {
            TestMailRequest r;
            r.host = t.host;
            r.port = t.port;
            r.mode = mode;
            r.from = m_from->text().trimmed();
            r.to = recipients;
            // The endpoint and mode in the subject tell the received messages apart.
            r.subject = QStringLiteral("%1 [%2 %3]")
                            .arg(m_subject->text().trimmed(), t.endpoint, testMailModeName(mode));
            r.timeoutMs = m_timeout;
            out.append(r);
        }
    }
    return out;
}

bool TestMailPage::isRunning() const
{
    return m_batch && m_batch->isRunning();
}

void TestMailPage::send()
{
    if (isRunning())
        return;
    m_banner->clear();
    if (m_document->isValidationPending())
        m_document->validate();
    const QList<TestMailTarget> chosen = targets();
    if (chosen.isEmpty()) {
        m_banner->showMessage({UserMessage::Kind::Warning, tr("There is no listener to test."),
                               tr("The plan has no socket; edit local_interfaces or "
                                  "daemon_smtp_ports first.")});
        return;
    }
    if (m_to->text().trimmed().isEmpty()) {
        m_banner->showMessage({UserMessage::Kind::Warning, tr("The test mail needs a recipient."),
                               tr("postmaster is always accepted.")});
        return;
    }
    m_model->setTargets(chosen);
    m_cells.clear();
    for (int row = 0; row < chosen.size(); ++row) {
        for (TestMailRequest::Mode mode : chosen[row].modes)
            m_cells.append({row, mode});
    }
    auto *batch = new TestMailBatch(this);
    m_batch = batch;
    connect(batch, &TestMailBatch::requestStarted, this, [this](int index) {
        const auto &[row, mode] = m_cells.at(index);
        m_model->setRunning(row, mode);
        if (!m_matrix->currentIndex().isValid())
            showRun(row, mode);
    });
    connect(batch, &TestMailBatch::transcriptLine, this,
            [this](int index, TestMailClient::Direction direction, const QString &text) {
                // The same prefixes as TestMailResult::transcript, which replaces these lines.
                const QString line
                    = (direction == TestMailClient::Direction::Client   ? QLatin1String("C: ")
                       : direction == TestMailClient::Direction::Server ? QLatin1String("S: ")
                                                                        : QLatin1String("* "))
                      + text;
                const auto &[row, mode] = m_cells.at(index);
                m_model->appendTranscript(row, mode, line);
                const QModelIndex current = m_matrix->currentIndex();
                if (current.row() == row && current.column() == TestMailModel::columnFor(mode))
                    m_transcript->appendPlainText(line);
            });
    connect(batch, &TestMailBatch::requestFinished, this, &TestMailPage::onRequestFinished);
    connect(batch, &TestMailBatch::finished, this, [this, batch] {
        batch->deleteLater();
        m_cancelAction->setEnabled(false);
        m_sendAction->setEnabled(!m_document->plan().sockets.isEmpty());
        updateSummary();
        const int passed = m_model->count(TestMailModel::CellState::Passed);
        const int failed = m_model->count(TestMailModel::CellState::Failed);
        if (failed > 0 && m_banner->message().isNull()) {
            // Point at the first failure, so its reason is one click away.
            for (int i = 0; i < m_cells.size(); ++i) {
                const auto &[row, mode] = m_cells.at(i);
                if (m_model->cellState(row, mode) == TestMailModel::CellState::Failed) {
                    showRun(row, mode);
                    break;
                }
            }
        }
        emit finished(passed, failed);
    });
    m_sendAction->setEnabled(false);
    m_cancelAction->setEnabled(true);
    m_transcript->clear();
    batch->start(requests(chosen));
    updateSummary();
}

void TestMailPage::cancel()
{
    if (m_batch)
        m_batch->abort();
}

void TestMailPage::onRequestFinished(int index, const TestMailResult &result)
{
    const auto &[row, mode] = m_cells.at(index);
    m_model->setResult(row, mode, result);
    updateSummary();
}

void TestMailPage::updateSummary()
{
    const int passed = m_model->count(TestMailModel::CellState::Passed);
    const int failed = m_model->count(TestMailModel::CellState::Failed);
    const int pending = m_model->count(TestMailModel::CellState::Waiting)
                        + m_model->count(TestMailModel::CellState::Running);
    if (passed + failed + pending == 0) {
        m_summary->setText(tr("Choose a listener and send."));
        return;
    }
    m_summary->setText(
        pending > 0
            ? tr("Passed: %1 · failed: %2 · running: %3").arg(passed).arg(failed).arg(pending)
            : tr("Passed: %1 · failed: %2").arg(passed).arg(failed));
}

void TestMailPage::showRun(int row, TestMailRequest::Mode mode)
{
    m_matrix->setCurrentIndex(m_model->index(row, TestMailModel::columnFor(mode)));
}

void TestMailPage::showCurrent()
{
    const QModelIndex current = m_matrix->currentIndex();
    const std::optional<TestMailRequest::Mode> mode = TestMailModel::modeFor(current.column());
    const TestMailResult *result
        = current.isValid() && mode ? m_model->result(current.row(), *mode) : nullptr;
    m_transcript->setPlainText(current.isValid() && mode
                                   ? m_model->transcript(current.row(), *mode).join(u'\n')
                                   : QString());
    if (result && !result->ok)
        m_banner->showMessage(
            TestMailModel::explain(m_model->targets().at(current.row()), *mode, *result));
    else if (result)
        m_banner->clear();

    const QString none = QStringLiteral("—");
    if (!result || !result->encrypted) {
        m_protocol->setText(result ? tr("Not encrypted") : none);
        for (QLabel *l :
             {m_cipher, m_subjectName, m_issuer, m_validity, m_fingerprint, m_verification})
            l->setText(none);
        return;
    }
    m_protocol->setText(result->protocol);
    m_cipher->setText(result->cipher);
    const QSslCertificate &c = result->peerCertificate;
    if (c.isNull()) {
        for (QLabel *l : {m_subjectName, m_issuer, m_validity, m_fingerprint})
            l->setText(none);
    } else {
        QStringList names = c.subjectInfo(QSslCertificate::CommonName);
        const auto alternatives = c.subjectAlternativeNames();
        for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
            if (!names.contains(it.value()))
                names.append(it.value());
        }
        m_subjectName->setText(certificateName(names));
        m_issuer->setText(c.issuerDisplayName());
        const QLocale locale;
        m_validity->setText(
            tr("%1 to %2")
                .arg(locale.toString(c.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                     locale.toString(c.expiryDate().toLocalTime(), QLocale::ShortFormat)));
        // 32 bytes in two lines of 16: the colons leave no place to wrap.
        const QString hex
            = QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
        m_fingerprint->setText(hex.left(47) + u'\n' + hex.mid(48));
    }
    if (result->sslErrors.isEmpty()) {
        m_verification->setText(tr("Trusted by this system"));
    } else {
        QStringList errors;
        for (const QSslError &e : result->sslErrors)
            errors.append(e.errorString());
        errors.removeDuplicates();
        m_verification->setText(
            tr("Not verified (ignored for a test): %1").arg(errors.join(QLatin1String("; "))));
    }
}

QString TestMailPage::tlsSummary() const
{
    return QStringList{
        tr("Protocol: %1").arg(m_protocol->text()), tr("Cipher: %1").arg(m_cipher->text()),
        tr("Certificate: %1").arg(m_subjectName->text()), tr("Issuer: %1").arg(m_issuer->text()),
        tr("Verification: %1").arg(m_verification->text())}
        .join(u'\n');
}

} // namespace Mailport
