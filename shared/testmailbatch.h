#pragma once

#include "testmailclient.h"

#include <QList>
#include <QObject>
#include <QString>

#include <map>

namespace Mailport {

/// Runs a list of test deliveries (typically one per planned listener) a few at a time and
/// reports each result by its index in the list: the rows of a pass/fail matrix.
///
/// \code
/// auto *batch = new TestMailBatch(parent);
/// QObject::connect(batch, &TestMailBatch::requestFinished, parent,
///                  [](int index, const TestMailResult &result) { /* fill row index */ });
/// QObject::connect(batch, &TestMailBatch::finished, batch, &QObject::deleteLater);
/// batch->start(requests);
/// \endcode
///
/// Every request gets exactly one requestFinished(), then finished() follows once; none of
/// them is emitted from inside start(). Delete the batch with deleteLater(), not from a slot
/// connected to its signals.
class TestMailBatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestMailBatch)

public:
    /// Enough to finish a host's listeners quickly without looking like a flood to the server.
    static constexpr int DefaultMaxConcurrent = 4;

    explicit TestMailBatch(QObject *parent = nullptr);
    ~TestMailBatch() override;

    /// How many deliveries run at the same time (at least 1); takes effect as slots free up.
    void setMaxConcurrent(int count);
    int maxConcurrent() const { return m_maxConcurrent; }

    /// Starts the batch. Returns false and does nothing while one is running.
    bool start(const QList<TestMailRequest> &requests);
    /// Cancels what runs and what waits: each gets requestFinished() with failedStep
    /// "cancelled", from inside this call, then finished(). Nothing happens when idle.
    void abort();
    bool isRunning() const { return m_running; }

    const QList<TestMailRequest> &requests() const { return m_requests; }
    /// One per request, in the order of requests(); a default result until it has finished.
    const QList<TestMailResult> &results() const { return m_results; }
    int finishedCount() const { return m_finishedCount; }
    int passedCount() const;
    int runningCount() const { return int(m_clients.size()); }

signals:
    void requestStarted(int index);
    void transcriptLine(int index, Mailport::TestMailClient::Direction direction,
                        const QString &line);
    void requestFinished(int index, const Mailport::TestMailResult &result);
    void finished();

private:
    void startMore();
    void onClientFinished(int index, const TestMailResult &result);
    void finishIfDone();

    QList<TestMailRequest> m_requests;
    QList<TestMailResult> m_results;
    std::map<int, TestMailClient *> m_clients; ///< the running ones, by index
    int m_maxConcurrent = DefaultMaxConcurrent;
    int m_nextIndex = 0;
    int m_finishedCount = 0;
    bool m_running = false;
    bool m_aborting = false;
    quint64 m_generation = 0;
};

} // namespace Mailport
