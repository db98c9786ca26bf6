#pragma once

#include "maildirspool.h"

#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace Mailport {

/// Stores messages in a MaildirSpool off the event loop, with group commit.
///
/// A few writer threads each write and fsync one message's file in `tmp/` (concurrent fsyncs are
/// merged by the file system's journal). Then one of them at a time takes every file written so
/// far as a batch, renames them all into `new/` and fsyncs `new/` once for the whole batch;
/// whatever is written while that fsync runs forms the next batch. A message is reported stored
/// only after the directory fsync covering its rename has returned successfully. When that
/// fsync fails, the durability of every rename in the batch is unknown: all of them are removed
/// from `new/` and reported failed (451). A failure writing one file fails that message only.
///
/// Results come back on this object's thread (queued), one event per batch.
class SpoolCommitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpoolCommitter)

public:
    /// Called on the committer's thread with the outcome of one submit().
    using Callback = std::function<void(const MaildirSpool::StoreResult &)>;

    struct Statistics
    {
        qint64 filesWritten = 0;   ///< written and fsynced in tmp/, waiting for or past commit
        qint64 messages = 0;       ///< reported, failures included
        qint64 directorySyncs = 0; ///< fsyncs of `new/` (one per batch and spool)
        qint64 largestBatch = 0;   ///< messages covered by one directory fsync
        qint64 failedBatches = 0;  ///< directory fsyncs that failed
    };

    static constexpr int DefaultWriters = 8;

    /// How many waiting messages a free writer takes: one, so that the fsyncs of several run at
    /// once, or all of them, when writing costs CPU rather than waiting (no fsync).
    enum class Taking { One, AllWaiting };

    explicit SpoolCommitter(int writers = DefaultWriters, Taking taking = Taking::One,
                            QObject *parent = nullptr);
    /// Finishes every message already submitted (the spool stays consistent), without calling
    /// back.
    ~SpoolCommitter() override;

    /// Queues @p data with @p envelope for @p spool; @p done is called later, never from inside
    /// this call. The spool is kept alive until the message is done with.
    void submit(std::shared_ptr<MaildirSpool> spool, const SpoolEnvelope &envelope,
                const QByteArray &data, Callback done);

    /// Submitted messages not yet reported.
    int pending() const { return m_pending; }
    Statistics statistics() const;

private:
    struct Job;
    using JobList = std::vector<std::unique_ptr<Job>>;

    void writerLoop();
    void commit(JobList &batch);
    void report(JobList batch);

    mutable QMutex m_mutex;
    QWaitCondition m_incomingReady;
    std::deque<std::unique_ptr<Job>> m_incoming;
    JobList m_written;
    bool m_committing = false; ///< a writer is renaming and syncing a batch
    bool m_stopping = false;
    const bool m_takeAll;
    int m_idleWriters = 0; ///< writers waiting for m_incomingReady
    Statistics m_statistics;

    std::vector<std::thread> m_writers;
    int m_pending = 0; ///< this object's thread only
};

} // namespace Mailport
