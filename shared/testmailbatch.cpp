#include "testmailbatch.h"

#include <QTimer>

#include <algorithm>

namespace Mailport {

TestMailBatch::TestMailBatch(QObject *parent)
    : QObject(parent)
{}

TestMailBatch::~TestMailBatch()
{
    // The clients die with this object; none of their last words may reach a half-destroyed
    // batch.
    for (const auto &[index, client] : m_clients)
        client->disconnect(this);
}

void TestMailBatch::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::max(1, count);
    if (m_running && !m_aborting)
        startMore();
}

bool TestMailBatch::start(const QList<TestMailRequest> &requests)
{
    if (m_running)
        return false;
    const quint64 generation = ++m_generation;
    m_requests = requests;
    m_results = QList<TestMailResult>(requests.size());
    m_nextIndex = 0;
    m_finishedCount = 0;
    m_running = true;
    // From the event loop, so that an empty list does not finish inside start().
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation || !m_running)
            return;
        startMore();
        finishIfDone();
    });
    return true;
}

void TestMailBatch::abort()
{
    if (!m_running || m_aborting)
        return;
    m_aborting = true;
    // Each abort() reports at once and removes its client from m_clients.
    const std::map<int, TestMailClient *> running = m_clients;
    for (const auto &[index, client] : running)
        client->abort();
    while (m_nextIndex < m_requests.size()) {
        const int index = m_nextIndex++;
        TestMailResult result;
        result.failedStep = TestMailStep::Cancelled;
        result.error = QStringLiteral("The test was cancelled before it started.");
        m_results[index] = result;
        ++m_finishedCount;
        emit requestFinished(index, result);
    }
    m_aborting = false;
    finishIfDone();
}

int TestMailBatch::passedCount() const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(),
                             [](const TestMailResult &result) { return result.ok; }));
}

void TestMailBatch::startMore()
{
    const quint64 generation = m_generation;
    while (m_running && !m_aborting && generation == m_generation && m_nextIndex < m_requests.size()
           && int(m_clients.size()) < m_maxConcurrent) {
        const int index = m_nextIndex++;
        auto *client = new TestMailClient(this);
        connect(client, &TestMailClient::transcriptLine, this,
                [this, index](TestMailClient::Direction direction, const QString &line) {
                    emit transcriptLine(index, direction, line);
                });
        connect(client, &TestMailClient::finished, this,
                [this, index](const TestMailResult &result) { onClientFinished(index, result); });
        m_clients.emplace(index, client);
        client->start(m_requests.at(index));
        emit requestStarted(index);
    }
}

void TestMailBatch::onClientFinished(int index, const TestMailResult &result)
{
    const auto it = m_clients.find(index);
    if (it == m_clients.end())
        return;
    it->second->deleteLater();
    m_clients.erase(it);
    m_results[index] = result;
    ++m_finishedCount;
    emit requestFinished(index, result);
    if (m_aborting)
        return;
    startMore();
    finishIfDone();
}

void TestMailBatch::finishIfDone()
{
    if (!m_running || m_finishedCount < m_requests.size())
        return;
    m_running = false;
    emit finished();
}

} // namespace Mailport
