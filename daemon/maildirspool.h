#pragma once

#include "spoolheaders.h"

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

#include <functional>
#include <sys/types.h>

namespace Mailport {

/// The durable Maildir spool: a message is in `new/` (and on disk) before store() reports success,
/// or nowhere at all. Not a QObject; store() is synchronous and safe to call from several threads.
///
/// store() is also available as its three steps, so that SpoolCommitter can make one fsync of
/// `new/` cover many messages: writeFile() (tmp/, fsynced), publish() (the rename into new/),
/// then syncNewDirectory() once for all of them, and withdraw() for each if that fails. Every
/// step is safe to call from several threads at once.
class MaildirSpool final
{
    Q_DISABLE_COPY_MOVE(MaildirSpool)

public:
    enum class Status {
        Ok,
        NoSpace, ///< ENOSPC / EDQUOT / EFBIG: the caller replies 452
        IoError, ///< any other failure: the caller replies 451
    };

    struct OpenResult
    {
        Status status = Status::Ok;
        QString message; ///< English detail naming the path and the system's reason
        int removedLeftovers = 0;
        bool ok() const { return status == Status::Ok; }
    };

    struct StoreResult
    {
        Status status = Status::Ok;
        QString message;  ///< English detail with the errno text; empty on success
        QString id;       ///< the message id (also the unique part of the file name)
        QString filePath; ///< absolute path in new/ on success
        qint64 size = 0;  ///< bytes stored, prepended headers included
        bool ok() const { return status == Status::Ok; }
        /// The SMTP reply code the session should give: 250, 452 or 451.
        int smtpCode() const;
    };

    /// A message written and fsynced in `tmp/`, not yet visible in `new/`.
    struct PreparedFile
    {
        Status status = Status::Ok;
        QString message; ///< English detail with the errno text; empty on success
        QString id;      ///< the message id, as written in its Received header
        QByteArray name; ///< the file name, the same in tmp/ and new/
        qint64 size = 0; ///< bytes written, prepended headers included
        bool ok() const { return status == Status::Ok; }
    };

    /// The system calls store() makes, replaceable so tests can inject ENOSPC, EIO, EINTR and short
    /// writes on any file system. Production code never touches this.
    struct SystemCalls
    {
        std::function<ssize_t(int fd, const void *buffer, size_t count)> write;
        std::function<int(int fd)> fsync;
        std::function<int(int oldDirFd, const char *oldName, int newDirFd, const char *newName)>
            rename;
    };

    MaildirSpool();
    ~MaildirSpool();

    /// Creates `directory` and its `tmp/ new/ cur/` (mode 0700) as needed and removes whatever a
    /// crash left in `tmp/`. May be called again to switch directories.
    OpenResult open(const QString &directory);
    bool isOpen() const { return m_newFd >= 0; }
    QString directory() const { return m_directory; }

    /// Writes the prepended headers and @p data (CRLF line endings, as received) to
    /// `tmp/`, fsyncs, renames to `new/` and fsyncs `new/`. On any failure nothing is left behind.
    StoreResult store(const SpoolEnvelope &envelope, QByteArrayView data);

    /// store()'s first step: writes the file in `tmp/` under a fresh id, fsyncs and closes it.
    /// On failure nothing is left in `tmp/`.
    PreparedFile writeFile(const SpoolEnvelope &envelope, QByteArrayView data);
    /// The second step: renames @p file into `new/` (never replacing anything); the caller
    /// must still sync the directory before the message counts as stored. Should the name be
    /// taken in `new/`, the message (@p envelope, @p data) is written again under a new id and
    /// @p file becomes that. On failure nothing is left in `tmp/`.
    StoreResult publish(PreparedFile &file, const SpoolEnvelope &envelope, QByteArrayView data);
    /// The third step: fsyncs `new/`, covering every rename published before the call. Returns
    /// 0 or the errno.
    int syncNewDirectory();
    /// After a failed syncNewDirectory(): removes @p published from `new/` (its durability is
    /// unknown, so it must not be acknowledged, so it must not stay) and returns the failure
    /// for it, naming @p error.
    StoreResult withdraw(const StoreResult &published, int error);
    /// The failure of a file that could not be written, as the store's outcome.
    static StoreResult resultOf(const PreparedFile &file);

    /// Whether the spool's file system can take a message of @p bytes: free space must exceed twice
    /// the size plus the reserve, and some inodes must be left.
    bool hasSpaceFor(qint64 bytes) const;
    void setFreeSpaceReserve(qint64 bytes) { m_reserveBytes = bytes; }
    qint64 freeSpaceReserve() const { return m_reserveBytes; }

    /// UNSAFE, for benchmarks only: skips both fsyncs, so an acknowledged message can be lost on a
    /// crash or power failure. Enabled (safe) by default.
    void setSyncEnabled(bool enabled) { m_syncEnabled = enabled; }
    bool syncEnabled() const { return m_syncEnabled; }

    /// The host part of file names; defaults to this machine's host name.
    void setHostName(const QString &hostName);

    void setSystemCallsForTesting(const SystemCalls &calls) { m_calls = calls; }

private:
    enum class Attempt { Done, NameTaken };
    Attempt tryWrite(const QString &id, const QByteArray &headers, QByteArrayView data,
                     PreparedFile *result);
    StoreResult failure(int error, const QString &what, const QString &name) const;
    PreparedFile fileFailure(int error, const QString &what, const QString &name) const;
    void closeDirectories();

    QString m_directory;
    QByteArray m_hostPart;
    int m_tmpFd = -1;
    int m_newFd = -1;
    bool m_syncEnabled = true;
    qint64 m_reserveBytes = 10 * 1024 * 1024;
    SystemCalls m_calls;
};

} // namespace Mailport
