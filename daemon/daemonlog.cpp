#include "daemonlog.h"

#include "eximlist.h"

#include <QDateTime>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Mailport {

DaemonLog::DaemonLog(QObject *parent)
    : QObject(parent)
{}

DaemonLog::~DaemonLog() = default;

QString DaemonLog::resolvePath(const QString &logFilePath)
{
    for (const ListItem &item : EximList::split(logFilePath).items) {
        if (item.text.isEmpty() || item.text == QLatin1String("syslog"))
            continue;
        QString path = item.text;
        path.replace(QLatin1String("%s"), QLatin1String("main"));
        return path;
    }
    return {};
}

bool DaemonLog::open(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        m_file.close();
        m_path.clear();
        return true;
    }
    if (path == m_path && m_file.isOpen())
        return true;
    // Created with the mode Exim gives its logs; QFile would use 0666 less the umask.
    const int fd
        = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("cannot open the log file %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_file.close();
    if (!m_file.open(fd, QIODevice::WriteOnly | QIODevice::Append, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        if (error)
            *error
                = QStringLiteral("cannot open the log file %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_path = path;
    return true;
}

void DaemonLog::write(const QString &text)
{
    const QString line
        = QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + text;
    const QByteArray bytes = line.toUtf8() + '\n';
    if (m_file.isOpen()) {
        m_file.write(bytes);
        m_file.flush();
    } else {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
        std::fflush(stderr);
    }
    m_recent.push_back(line);
    while (m_recent.size() > size_t(RecentCapacity))
        m_recent.pop_front();
    emit lineWritten(line);
}

QStringList DaemonLog::recent(int limit) const
{
    const qsizetype count = limit < 0 ? qsizetype(m_recent.size())
                                      : qMin(qsizetype(limit), qsizetype(m_recent.size()));
    QStringList lines;
    lines.reserve(count);
    for (auto it = m_recent.end() - count; it != m_recent.end(); ++it)
        lines.append(*it);
    return lines;
}

} // namespace Mailport
