#include "testmailmodel.h"
#include "icons.h"

#include "diagnostictext.h"

#include <QBrush>
#include <QIcon>

namespace Mailport {

namespace {

// A wildcard socket accepts on every address; loopback is the one that surely reaches it.
QString connectAddress(const PlannedSocket &s)
{
    if (s.wildcard)
        return s.ipv6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
    return s.scopedAddress();
}

} // namespace

TestMailTarget TestMailTarget::fromSocket(const PlannedSocket &socket,
                                          std::optional<TestMailRequest::Mode> override)
{
    TestMailTarget t;
    t.endpoint = socket.endpoint();
    t.host = connectAddress(socket);
    t.port = quint16(socket.port);
    t.planned = socket.tls;
    if (override)
        t.modes = {*override};
    else if (socket.tls == TlsMode::Smtps)
        t.modes = {TestMailRequest::Mode::ImplicitTls};
    else if (socket.noStartTls)
        t.modes = {TestMailRequest::Mode::Plain};
    else
        t.modes = {TestMailRequest::Mode::Plain, TestMailRequest::Mode::StartTls};
    return t;
}

TestMailModel::TestMailModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TestMailModel::setTargets(const QList<TestMailTarget> &targets)
{
    beginResetModel();
    m_targets = targets;
    m_cells.clear();
    for (const TestMailTarget &t : targets) {
        std::array<Cell, ModeCount> row;
        for (TestMailRequest::Mode mode : t.modes)
            row[size_t(columnFor(mode) - PlainColumn)].state = CellState::Waiting;
        m_cells.append(row);
    }
    endResetModel();
}

int TestMailModel::columnFor(TestMailRequest::Mode mode)
{
    switch (mode) {
    case TestMailRequest::Mode::Plain:
        return PlainColumn;
    case TestMailRequest::Mode::StartTls:
        return StartTlsColumn;
    case TestMailRequest::Mode::ImplicitTls:
        return ImplicitTlsColumn;
    }
    return PlainColumn;
}

std::optional<TestMailRequest::Mode> TestMailModel::modeFor(int column)
{
    switch (column) {
    case PlainColumn:
        return TestMailRequest::Mode::Plain;
    case StartTlsColumn:
        return TestMailRequest::Mode::StartTls;
    case ImplicitTlsColumn:
        return TestMailRequest::Mode::ImplicitTls;
    default:
        return std::nullopt;
    }
}

QString TestMailModel::modeText(TestMailRequest::Mode mode)
{
    switch (mode) {
    case TestMailRequest::Mode::Plain:
        return tr("Plain SMTP");
    case TestMailRequest::Mode::StartTls:
        return tr("STARTTLS");
    case TestMailRequest::Mode::ImplicitTls:
        return tr("Implicit TLS");
    }
    return QString();
}

QString TestMailModel::stepText(const QString &step)
{
    if (step == TestMailStep::Request)
        return tr("the test could not be set up");
    if (step == TestMailStep::Connect)
        return tr("could not connect");
    if (step == TestMailStep::Greeting)
        return tr("no usable greeting");
    if (step == TestMailStep::Ehlo)
        return tr("EHLO was refused");
    if (step == TestMailStep::StartTls)
        return tr("STARTTLS failed");
    if (step == TestMailStep::TlsHandshake)
        return tr("the TLS handshake failed");
    if (step == TestMailStep::Mail)
        return tr("the sender was refused");
    if (step == TestMailStep::Rcpt)
        return tr("the recipient was refused");
    if (step == TestMailStep::Data)
        return tr("the message was refused");
    if (step == TestMailStep::Quit)
        return tr("QUIT failed");
    if (step == TestMailStep::Timeout)
        return tr("the server did not answer in time");
    if (step == TestMailStep::Cancelled)
        return tr("cancelled");
    return step;
}

UserMessage TestMailModel::explain(const TestMailTarget &target, TestMailRequest::Mode mode,
                                   const TestMailResult &result)
{
    if (result.ok)
        return UserMessage();
    QStringList detail{result.error};
    if (result.lastReplyCode > 0)
        detail.append(tr("Last reply: %1").arg(result.lastReply));
    return {result.failedStep == TestMailStep::Cancelled ? UserMessage::Kind::Information
                                                         : UserMessage::Kind::Error,
            tr("Test mail to %1 (%2): %3")
                .arg(target.endpoint, modeText(mode), stepText(result.failedStep)),
            detail.join(u'\n')};
}

TestMailModel::Cell *TestMailModel::cell(int row, TestMailRequest::Mode mode)
{
    if (row < 0 || row >= m_cells.size())
        return nullptr;
    return &m_cells[row][size_t(columnFor(mode) - PlainColumn)];
}

const TestMailModel::Cell *TestMailModel::cell(int row, TestMailRequest::Mode mode) const
{
    if (row < 0 || row >= m_cells.size())
        return nullptr;
    return &m_cells[row][size_t(columnFor(mode) - PlainColumn)];
}

void TestMailModel::cellChanged(int row, TestMailRequest::Mode mode)
{
    const QModelIndex i = index(row, columnFor(mode));
    emit dataChanged(i, i);
}

void TestMailModel::setRunning(int row, TestMailRequest::Mode mode)
{
    if (Cell *c = cell(row, mode)) {
        c->state = CellState::Running;
        c->transcript.clear();
        c->result.reset();
        cellChanged(row, mode);
    }
}

void TestMailModel::appendTranscript(int row, TestMailRequest::Mode mode, const QString &line)
{
    if (Cell *c = cell(row, mode))
        c->transcript.append(line);
}

void TestMailModel::setResult(int row, TestMailRequest::Mode mode, const TestMailResult &result)
{
    if (Cell *c = cell(row, mode)) {
        c->state = result.ok ? CellState::Passed : CellState::Failed;
        c->result = result;
        if (!result.transcript.isEmpty())
            c->transcript = result.transcript;
        cellChanged(row, mode);
    }
}

TestMailModel::CellState TestMailModel::cellState(int row, TestMailRequest::Mode mode) const
{
    const Cell *c = cell(row, mode);
    return c ? c->state : CellState::NotRequested;
}

const TestMailResult *TestMailModel::result(int row, TestMailRequest::Mode mode) const
{
    const Cell *c = cell(row, mode);
    return c && c->result ? &*c->result : nullptr;
}

QStringList TestMailModel::transcript(int row, TestMailRequest::Mode mode) const
{
    const Cell *c = cell(row, mode);
    return c ? c->transcript : QStringList();
}

int TestMailModel::count(CellState state) const
{
    int n = 0;
    for (const auto &row : m_cells) {
        for (const Cell &c : row)
            n += c.state == state ? 1 : 0;
    }
    return n;
}

int TestMailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

int TestMailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TestMailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TestMailTarget &t = m_targets[index.row()];
    const std::optional<TestMailRequest::Mode> mode = modeFor(index.column());
    if (!mode) {
        switch (role) {
        case Qt::DisplayRole:
            return t.endpoint;
        case Qt::ToolTipRole:
            return t.planned == TlsMode::Smtps
                       ? tr("Planned as implicit TLS; the test connects to %1").arg(t.host)
                       : tr("Planned as SMTP with STARTTLS; the test connects to %1").arg(t.host);
        case Qt::DecorationRole:
            return resourceIcon(t.planned == TlsMode::Smtps ? QStringLiteral("tls")
                                                            : QStringLiteral("starttls"));
        default:
            return {};
        }
    }
    const Cell &c = m_cells[index.row()][size_t(index.column() - PlainColumn)];
    switch (role) {
    case CellStateRole:
        return int(c.state);
    case Qt::DisplayRole:
        switch (c.state) {
        case CellState::NotRequested:
            return QStringLiteral("—");
        case CellState::Waiting:
            return tr("Waiting");
        case CellState::Running:
            return tr("Sending…");
        case CellState::Passed:
            return tr("Passed (%1 ms)").arg(c.result ? c.result->elapsedMs : 0);
        case CellState::Failed:
            return tr("Failed: %1").arg(stepText(c.result ? c.result->failedStep : QString()));
        }
        return {};
    case Qt::DecorationRole:
        if (c.state == CellState::Passed)
            return DiagnosticText::okIcon();
        if (c.state == CellState::Failed)
            return DiagnosticText::icon(Severity::Error);
        return {};
    case Qt::ToolTipRole:
        if (c.result && !c.result->ok)
            return c.result->error;
        if (c.result && c.result->encrypted)
            return QStringLiteral("%1, %2").arg(c.result->protocol, c.result->cipher);
        return {};
    case Qt::TextAlignmentRole:
        return c.state == CellState::NotRequested ? QVariant(int(Qt::AlignCenter)) : QVariant();
    default:
        return {};
    }
}

QVariant TestMailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == ListenerColumn)
        return tr("Listener");
    if (const std::optional<TestMailRequest::Mode> mode = modeFor(section))
        return modeText(*mode);
    return {};
}

} // namespace Mailport
