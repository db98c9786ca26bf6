#pragma once

#include "listenplan.h"
#include "testmailclient.h"
#include "usermessage.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include <array>
#include <optional>

namespace Mailport {

/// One listener to send test mail to, and how.
struct TestMailTarget
{
    QString endpoint; ///< as the plan writes it, e.g. "0.0.0.0:2525"
    QString host;     ///< the address to connect to (a wildcard becomes its loopback address)
    quint16 port = 0;
    TlsMode planned = TlsMode::StartTls;
    QList<TestMailRequest::Mode> modes; ///< the runs wanted, at least one

    /// The target for a planned socket, with the modes its TLS mode calls for (plain and
    /// STARTTLS, or implicit TLS), or only @p override when given.
    static TestMailTarget fromSocket(const PlannedSocket &socket,
                                     std::optional<TestMailRequest::Mode> override = {});
};

/// The pass/fail matrix of a test-mail run: one row per listener, one column per mode (plain,
/// STARTTLS, implicit TLS). Each cell keeps its result and its SMTP transcript.
class TestMailModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestMailModel)

public:
    enum Column { ListenerColumn, PlainColumn, StartTlsColumn, ImplicitTlsColumn, ColumnCount };
    enum class CellState { NotRequested, Waiting, Running, Passed, Failed };
    Q_ENUM(CellState)
    enum Role {
        CellStateRole = Qt::UserRole + 1, ///< CellState, as int
    };

    explicit TestMailModel(QObject *parent = nullptr);

    /// New rows; every requested cell starts Waiting.
    void setTargets(const QList<TestMailTarget> &targets);
    const QList<TestMailTarget> &targets() const { return m_targets; }

    static int columnFor(TestMailRequest::Mode mode);
    static std::optional<TestMailRequest::Mode> modeFor(int column);
    static QString modeText(TestMailRequest::Mode mode);
    /// A failed step (TestMailStep) in words.
    static QString stepText(const QString &step);
    /// What a failed run means, for a message banner; null for a passed one.
    static UserMessage explain(const TestMailTarget &target, TestMailRequest::Mode mode,
                               const TestMailResult &result);

    void setRunning(int row, TestMailRequest::Mode mode);
    void appendTranscript(int row, TestMailRequest::Mode mode, const QString &line);
    void setResult(int row, TestMailRequest::Mode mode, const TestMailResult &result);

    CellState cellState(int row, TestMailRequest::Mode mode) const;
    /// Null until the run has finished.
    const TestMailResult *result(int row, TestMailRequest::Mode mode) const;
    QStringList transcript(int row, TestMailRequest::Mode mode) const;
    int count(CellState state) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Cell
    {
        CellState state = CellState::NotRequested;
        QStringList transcript;
        std::optional<TestMailResult> result;
    };
    static constexpr int ModeCount = 3;

    Cell *cell(int row, TestMailRequest::Mode mode);
    const Cell *cell(int row, TestMailRequest::Mode mode) const;
    void cellChanged(int row, TestMailRequest::Mode mode);

    QList<TestMailTarget> m_targets;
    QList<std::array<Cell, ModeCount>> m_cells;
};

} // namespace Mailport
