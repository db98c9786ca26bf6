#include "maildirspool.h"

#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSysInfo>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace Mailport {

namespace {

// Exim refuses mail below 100 free inodes (check_spool_inodes); so do we.
constexpr quint64 MinimumFreeInodes = 100;
// A name collision needs the same second, pid and counter; a few retries are more than enough.
constexpr int MaxNameAttempts = 8;

int defaultRename(int oldDirFd, const char *oldName, int newDirFd, const char *newName)
{
    // RENAME_NOREPLACE: a colliding name must fail, never silently replace a stored message.
    if (::renameat2(oldDirFd, oldName, newDirFd, newName, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    // File systems without renameat2 flags: the classic Maildir link-then-unlink.
    if (::linkat(oldDirFd, oldName, newDirFd, newName, 0) != 0)
        return -1;
    ::unlinkat(oldDirFd, oldName, 0);
    return 0;
}

QByteArray base62(quint64 value, int width)
{
    static constexpr char digits[]
        = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QByteArray out(width, '0');
    for (int i = width - 1; i >= 0; --i) {
        out[i] = digits[value % 62];
        value /= 62;
    }
    return out;
}

// Exim-shaped: seconds, pid, then a per-process counter (started at a random value so that a
// restarted daemon reusing a pid within the same second does not repeat itself) and two random
// characters for spools shared between hosts.
QString newMessageId(qint64 seconds)
{
    static std::atomic<quint32> counter{QRandomGenerator::global()->generate()};
    const quint32 sequence = counter.fetch_add(1, std::memory_order_relaxed);
    const QByteArray id = base62(quint64(seconds), 6) + '-' + base62(quint64(::getpid()), 6) + '-'
                          + base62(sequence, 4)
                          + base62(QRandomGenerator::global()->bounded(62 * 62), 2);
    return QString::fromLatin1(id);
}

bool isNoSpace(int error)
{
    return error == ENOSPC || error == EDQUOT || error == EFBIG;
}

QString errorText(int error)
{
    return qt_error_string(error);
}

// Returns 0 or the errno of the failed write.
int writeAll(const MaildirSpool::SystemCalls &calls, int fd, QByteArrayView bytes)
{
    const char *data = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        const size_t chunk = size_t(qMin<qsizetype>(left, 1 << 30));
        const ssize_t written = calls.write(fd, data, chunk);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (written == 0)
            return EIO; // no progress and no error: never loop forever on it
        data += written;
        left -= written;
    }
    return 0;
}

int fsyncRetryingInterrupts(const MaildirSpool::SystemCalls &calls, int fd)
{
    for (;;) {
        if (calls.fsync(fd) == 0)
            return 0;
        if (errno != EINTR)
            return errno;
    }
}

// Returns 0 or errno; an existing non-directory is ENOTDIR.
int makeDirectory(const QByteArray &path, bool *created)
{
    *created = false;
    if (::mkdir(path.constData(), 0700) == 0) {
        *created = true;
        return 0;
    }
    if (errno != EEXIST)
        return errno;
    struct stat info;
    if (::stat(path.constData(), &info) != 0)
        return errno;
    return S_ISDIR(info.st_mode) ? 0 : ENOTDIR;
}

} // namespace

int MaildirSpool::StoreResult::smtpCode() const
{
    switch (status) {
    case Status::Ok:
        return 250;
    case Status::NoSpace:
        return 452;
    case Status::IoError:
        break;
    }
    return 451;
}

MaildirSpool::MaildirSpool()
{
    m_calls.write = [](int fd, const void *buffer, size_t count) {
        return ::write(fd, buffer, count);
    };
    m_calls.fsync = [](int fd) {
        return ::fsync(fd);
    };
    m_calls.rename = defaultRename;
    setHostName(QSysInfo::machineHostName());
}

MaildirSpool::~MaildirSpool()
{
    closeDirectories();
}

void MaildirSpool::closeDirectories()
{
    if (m_tmpFd >= 0)
        ::close(m_tmpFd);
    if (m_newFd >= 0)
        ::close(m_newFd);
    m_tmpFd = -1;
    m_newFd = -1;
}

void MaildirSpool::setHostName(const QString &hostName)
{
    // Maildir's convention: '/' and ':' would break the path and the info suffix; ',' the Maildir++
    // fields. Octal escapes keep them recognisable.
    QByteArray out;
    for (const char c : hostName.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '/')
            out += "\\057";
        else if (c == ':')
            out += "\\072";
        else if (c == ',')
            out += "\\054";
        else if (u > 0x20 && u != 0x7f)
            out += c;
    }
    m_hostPart = out.isEmpty() ? QByteArrayLiteral("localhost") : out;
}

MaildirSpool::OpenResult MaildirSpool::open(const QString &directory)
{
    closeDirectories();
    OpenResult result;
    m_directory = QDir::cleanPath(QDir(directory).absolutePath());
    const auto fail = [&](int error, const QString &path) {
        closeDirectories();
        result.status = isNoSpace(error) ? Status::NoSpace : Status::IoError;
        result.message
            = QStringLiteral("Cannot use spool directory %1: %2").arg(path, errorText(error));
        qCWarning(lcDaemon).noquote() << result.message;
        return result;
    };

    QDir().mkpath(QFileInfo(m_directory).absolutePath());
    const QByteArray base = QFile::encodeName(m_directory);
    bool created = false;
    if (const int error = makeDirectory(base, &created))
        return fail(error, m_directory);
    bool anyCreated = created;
    for (const char *sub : {"tmp", "new", "cur"}) {
        if (const int error = makeDirectory(base + '/' + sub, &created))
            return fail(error, m_directory + u'/' + QLatin1String(sub));
        anyCreated = anyCreated || created;
    }

    // New subdirectories must survive a crash too, or the first rename into new/ could vanish.
    if (anyCreated) {
        const int baseFd = ::open(base.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (baseFd < 0)
            return fail(errno, m_directory);
        const int error = m_syncEnabled ? fsyncRetryingInterrupts(m_calls, baseFd) : 0;
        ::close(baseFd);
        if (error)
            return fail(error, m_directory);
    }

    m_tmpFd = ::open((base + "/tmp").constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_tmpFd < 0)
        return fail(errno, m_directory + QLatin1String("/tmp"));
    m_newFd = ::open((base + "/new").constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_newFd < 0)
        return fail(errno, m_directory + QLatin1String("/new"));

    // Whatever is in tmp/ was never acknowledged: a crash interrupted it before the rename.
    const QDir tmp(m_directory + QLatin1String("/tmp"));
    const QStringList leftovers
        = tmp.entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : leftovers) {
        if (::unlinkat(m_tmpFd, QFile::encodeName(name).constData(), 0) == 0)
            ++result.removedLeftovers;
        else
            qCWarning(lcDaemon).noquote() << QStringLiteral("Cannot remove %1 from %2: %3")
                                                 .arg(name, tmp.path(), errorText(errno));
    }
    if (result.removedLeftovers > 0)
        qCInfo(lcDaemon).noquote() << QStringLiteral("Removed %1 unfinished file(s) from %2")
                                          .arg(result.removedLeftovers)
                                          .arg(tmp.path());
    return result;
}

MaildirSpool::StoreResult MaildirSpool::failure(int error, const QString &what,
                                                const QString &name) const
{
    StoreResult result;
    result.status = isNoSpace(error) ? Status::NoSpace : Status::IoError;
    result.message = QStringLiteral("Cannot %1 %2: %3").arg(what, name, errorText(error));
    qCWarning(lcDaemon).noquote() << result.message;
    return result;
}

MaildirSpool::PreparedFile MaildirSpool::fileFailure(int error, const QString &what,
                                                     const QString &name) const
{
    const StoreResult failed = failure(error, what, name);
    PreparedFile result;
    result.status = failed.status;
    result.message = failed.message;
    return result;
}

MaildirSpool::StoreResult MaildirSpool::resultOf(const PreparedFile &file)
{
    StoreResult result;
    result.status = file.status;
    result.message = file.message;
    return result;
}

MaildirSpool::StoreResult MaildirSpool::store(const SpoolEnvelope &envelope, QByteArrayView data)
{
    PreparedFile file = writeFile(envelope, data);
    const StoreResult result = publish(file, envelope, data);
    if (!result.ok())
        return result;
    if (const int error = syncNewDirectory())
        return withdraw(result, error);
    return result;
}

MaildirSpool::PreparedFile MaildirSpool::writeFile(const SpoolEnvelope &envelope,
                                                   QByteArrayView data)
{
    PreparedFile result;
    if (!isOpen()) {
        result.status = Status::IoError;
        result.message = QStringLiteral("The spool directory is not open");
        return result;
    }
    for (int attempt = 0; attempt < MaxNameAttempts; ++attempt) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString id = newMessageId(now);
        const QByteArray headers = SpoolHeaders::render(envelope, id);
        if (tryWrite(id, headers, data, &result) == Attempt::Done)
            return result;
    }
    return fileFailure(EEXIST, QStringLiteral("find an unused file name in"), m_directory);
}

MaildirSpool::Attempt MaildirSpool::tryWrite(const QString &id, const QByteArray &headers,
                                             QByteArrayView data, PreparedFile *result)
{
    const qint64 size = headers.size() + data.size();
    const QByteArray name = QByteArray::number(QDateTime::currentSecsSinceEpoch()) + '.'
                            + id.toLatin1() + '.' + m_hostPart + ",S=" + QByteArray::number(size);
    const auto tmpPath = [&] {
        return m_directory + QLatin1String("/tmp/") + QFile::decodeName(name);
    };

    int fd;
    do {
        fd = ::openat(m_tmpFd, name.constData(),
                      O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        if (errno == EEXIST)
            return Attempt::NameTaken;
        *result = fileFailure(errno, QStringLiteral("create"), tmpPath());
        return Attempt::Done;
    }

    const auto abandon = [&](int error, const QString &what) {
        if (fd >= 0)
            ::close(fd);
        ::unlinkat(m_tmpFd, name.constData(), 0);
        *result = fileFailure(error, what, tmpPath());
        return Attempt::Done;
    };

    if (const int error = writeAll(m_calls, fd, headers))
        return abandon(error, QStringLiteral("write"));
    if (const int error = writeAll(m_calls, fd, data))
        return abandon(error, QStringLiteral("write"));
    // Every file gets its own fsync (never a syncfs of the whole file system): its data must be
    // durable before the rename that makes it visible can be.
    if (m_syncEnabled) {
        if (const int error = fsyncRetryingInterrupts(m_calls, fd))
            return abandon(error, QStringLiteral("sync"));
    }
    const int closed = ::close(fd);
    fd = -1;
    // On Linux the descriptor is gone even after EINTR, and the data was already synced.
    if (closed != 0 && errno != EINTR)
        return abandon(errno, QStringLiteral("close"));

    *result = PreparedFile{};
    result->id = id;
    result->name = name;
    result->size = size;
    return Attempt::Done;
}

MaildirSpool::StoreResult MaildirSpool::publish(PreparedFile &file, const SpoolEnvelope &envelope,
                                                QByteArrayView data)
{
    for (int attempt = 1; file.ok(); ++attempt) {
        if (m_calls.rename(m_tmpFd, file.name.constData(), m_newFd, file.name.constData()) == 0) {
            StoreResult result;
            result.id = file.id;
            result.filePath = m_directory + QLatin1String("/new/") + QFile::decodeName(file.name);
            result.size = file.size;
            return result;
        }
        const int error = errno;
        ::unlinkat(m_tmpFd, file.name.constData(), 0);
        if (error != EEXIST)
            return failure(error, QStringLiteral("rename"),
                           m_directory + QLatin1String("/tmp/") + QFile::decodeName(file.name)
                               + QLatin1String(" into new/"));
        if (attempt >= MaxNameAttempts)
            return failure(EEXIST, QStringLiteral("find an unused file name in"), m_directory);
        // Practically never: the same second, pid and counter as a stored message.
        file = writeFile(envelope, data);
    }
    return resultOf(file);
}

int MaildirSpool::syncNewDirectory()
{
    if (!m_syncEnabled)
        return 0;
    if (!isOpen())
        return EBADF;
    return fsyncRetryingInterrupts(m_calls, m_newFd);
}

MaildirSpool::StoreResult MaildirSpool::withdraw(const StoreResult &published, int error)
{
    const QString name = QFileInfo(published.filePath).fileName();
    if (isOpen() && !name.isEmpty())
        ::unlinkat(m_newFd, QFile::encodeName(name).constData(), 0);
    return failure(error, QStringLiteral("sync the directory of"), published.filePath);
}

bool MaildirSpool::hasSpaceFor(qint64 bytes) const
{
    if (!isOpen())
        return false;
    struct statvfs info;
    if (::fstatvfs(m_newFd, &info) != 0) {
        qCWarning(lcDaemon).noquote() << QStringLiteral("Cannot check free space in %1: %2")
                                             .arg(m_directory, errorText(errno));
        return false;
    }
    if (info.f_files > 0 && info.f_favail < MinimumFreeInodes)
        return false;

    constexpr quint64 max = std::numeric_limits<quint64>::max();
    const quint64 blockSize = info.f_frsize ? info.f_frsize : info.f_bsize;
    const quint64 available
        = blockSize && info.f_bavail > max / blockSize ? max : quint64(info.f_bavail) * blockSize;
    const quint64 wanted = quint64(qMax<qint64>(bytes, 0));
    const quint64 reserve = quint64(qMax<qint64>(m_reserveBytes, 0));
    if (wanted > (max - reserve) / 2)
        return false;
    return available >= 2 * wanted + reserve;
}

} // namespace Mailport
