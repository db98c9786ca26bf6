#include "spoolcommitter.h"

#include <QMetaObject>

#include <algorithm>

namespace Mailport {

struct SpoolCommitter::Job
{
    std::shared_ptr<MaildirSpool> spool;
    SpoolEnvelope envelope;
    QByteArray data;
    Callback done;
    MaildirSpool::PreparedFile file;
    MaildirSpool::StoreResult result;
};

SpoolCommitter::SpoolCommitter(int writers, Taking taking, QObject *parent)
    : QObject(parent)
    , m_takeAll(taking == Taking::AllWaiting)
{
    const int count = qMax(1, writers);
    m_writers.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        m_writers.emplace_back([this] { writerLoop(); });
}

SpoolCommitter::~SpoolCommitter()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    m_incomingReady.wakeAll();
    for (std::thread &writer : m_writers)
        writer.join();
}

SpoolCommitter::Statistics SpoolCommitter::statistics() const
{
    const QMutexLocker lock(&m_mutex);
    return m_statistics;
}

void SpoolCommitter::submit(std::shared_ptr<MaildirSpool> spool, const SpoolEnvelope &envelope,
                            const QByteArray &data, Callback done)
{
    auto job = std::make_unique<Job>();
    job->spool = std::move(spool);
    job->envelope = envelope;
    job->data = data;
    job->done = std::move(done);
    ++m_pending;
    bool wake = false;
    {
        const QMutexLocker lock(&m_mutex);
        m_incoming.push_back(std::move(job));
        // A busy writer looks at the queue again before it waits; waking another costs a
        // context switch per message.
        wake = m_idleWriters > 0;
    }
    if (wake)
        m_incomingReady.wakeOne();
}

void SpoolCommitter::writerLoop()
{
    for (;;) {
        JobList taken;
        {
            const QMutexLocker lock(&m_mutex);
            while (m_incoming.empty() && !m_stopping) {
                ++m_idleWriters;
                m_incomingReady.wait(&m_mutex);
                --m_idleWriters;
            }
            if (m_incoming.empty())
                return; // stopping, and everything queued is taken
            // With fsync, one message each, so that the fsyncs run side by side and the journal
            // merges them. Without, writing is CPU work: one writer takes everything waiting.
            const size_t count = m_takeAll ? m_incoming.size() : 1;
            taken.reserve(count);
            for (size_t i = 0; i < count; ++i) {
                taken.push_back(std::move(m_incoming.front()));
                m_incoming.pop_front();
            }
        }
        qint64 written = 0;
        for (const std::unique_ptr<Job> &job : taken) {
            if (job->spool) {
                job->file = job->spool->writeFile(job->envelope, job->data);
            } else {
                job->file.status = MaildirSpool::Status::IoError;
                job->file.message = QStringLiteral("The spool directory is not open");
            }
            if (job->file.ok())
                ++written;
        }

        // Leader and followers: the writer that finds no commit running commits everything
        // written so far, and again whatever was written meanwhile, until nothing is left; the
        // others just leave their files behind for it. No thread hop between writing and
        // committing, and one directory fsync for all that piled up during the previous one.
        QMutexLocker lock(&m_mutex);
        m_statistics.filesWritten += written;
        for (std::unique_ptr<Job> &job : taken)
            m_written.push_back(std::move(job));
        if (m_committing)
            continue;
        m_committing = true;
        while (!m_written.empty()) {
            JobList batch;
            batch.swap(m_written);
            lock.unlock();
            commit(batch);
            report(std::move(batch));
            lock.relock();
        }
        m_committing = false;
    }
}

void SpoolCommitter::commit(JobList &batch)
{
    // Renames first, all of them, so that one directory fsync per spool covers the batch.
    std::vector<MaildirSpool *> spools;
    for (const std::unique_ptr<Job> &job : batch) {
        job->result = job->file.ok() ? job->spool->publish(job->file, job->envelope, job->data)
                                     : MaildirSpool::resultOf(job->file);
        if (job->result.ok()
            && std::find(spools.cbegin(), spools.cend(), job->spool.get()) == spools.cend())
            spools.push_back(job->spool.get());
    }

    qint64 syncs = 0;
    qint64 failed = 0;
    qint64 largest = 0;
    for (MaildirSpool *spool : spools) {
        const int error = spool->syncNewDirectory();
        ++syncs;
        qint64 covered = 0;
        for (const std::unique_ptr<Job> &job : batch) {
            if (job->spool.get() != spool || !job->result.ok())
                continue;
            ++covered;
            if (error)
                job->result = spool->withdraw(job->result, error);
        }
        largest = qMax(largest, covered);
        if (error)
            ++failed;
    }

    const QMutexLocker lock(&m_mutex);
    m_statistics.messages += qint64(batch.size());
    m_statistics.directorySyncs += syncs;
    m_statistics.failedBatches += failed;
    m_statistics.largestBatch = qMax(m_statistics.largestBatch, largest);
}

void SpoolCommitter::report(JobList batch)
{
    {
        const QMutexLocker lock(&m_mutex);
        // The destructor is waiting for the threads: nobody is left to call back.
        if (m_stopping)
            return;
    }
    // Only the outcomes travel; the bodies are released here, off the event loop.
    auto outcomes = std::make_shared<std::vector<std::pair<Callback, MaildirSpool::StoreResult>>>();
    outcomes->reserve(batch.size());
    for (std::unique_ptr<Job> &job : batch)
        outcomes->emplace_back(std::move(job->done), std::move(job->result));
    batch.clear();
    QMetaObject::invokeMethod(
        this,
        [this, outcomes] {
            for (auto &[done, result] : *outcomes) {
                --m_pending;
                if (done)
                    done(result);
            }
        },
        Qt::QueuedConnection);
}

} // namespace Mailport
