#pragma once

#include <QFile>
#include <QObject>
#include <QString>
#include <QStringList>

#include <deque>

namespace Mailport {

/// mailportd's main log in Exim's style: one line per event, a timestamp first, to a file
/// (log_file_path) or standard error. It keeps the most recent lines for the control socket and
/// tells subscribers about every new one.
class DaemonLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaemonLog)

public:
    static constexpr int RecentCapacity = 1000;

    explicit DaemonLog(QObject *parent = nullptr);
    ~DaemonLog() override;

    /// The file a log_file_path value names: Exim's `%s` becomes `main`; in a list, the first
    /// item that is not `syslog`. Empty: standard error.
    static QString resolvePath(const QString &logFilePath);

    /// Appends to @p path (created 0640 if missing), or writes to standard error when empty.
    /// On failure the previous destination stays and @p error says why.
    bool open(const QString &path, QString *error);
    QString path() const { return m_path; }

    /// Writes @p text with the current time in front.
    void write(const QString &text);
    /// The last @p limit lines (all kept when negative), oldest first.
    QStringList recent(int limit = -1) const;

signals:
    /// A line as written, timestamp included.
    void lineWritten(const QString &line);

private:
    QString m_path;
    QFile m_file;
    std::deque<QString> m_recent;
};

} // namespace Mailport
