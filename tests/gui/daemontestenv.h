// Helpers for the GUI tests that run mailportd (or a stand-in): a private runtime and data
// location, free loopback ports, small files.
#pragma once

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTemporaryDir>

namespace Mailport {

/// Points XDG_RUNTIME_DIR and XDG_DATA_HOME into a temporary directory for the whole test, so
/// that mailportd's control socket, spool and certificate stay out of the real home.
class DaemonTestEnvironment
{
public:
    DaemonTestEnvironment()
    {
        qputenv("XDG_RUNTIME_DIR", runtimeDirectory().toLocal8Bit());
        qputenv("XDG_DATA_HOME", dataHome().toLocal8Bit());
        QDir().mkpath(runtimeDirectory());
        QFile::setPermissions(runtimeDirectory(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QDir().mkpath(dataHome());
    }

    bool isValid() const { return m_root.isValid(); }
    QString path(const QString &name) const { return m_root.filePath(name); }
    QString runtimeDirectory() const { return m_root.filePath(QStringLiteral("runtime")); }
    QString dataHome() const { return m_root.filePath(QStringLiteral("share")); }
    /// Where mailportd keeps its spool when started without --data-dir.
    QString defaultDataDirectory() const
    {
        return dataHome() + QLatin1String("/Mailport/mailportd");
    }

private:
    QTemporaryDir m_root;
};

/// A loopback port nobody listens on right now.
inline quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

inline bool writeTextFile(const QString &path, const QByteArray &data, bool executable = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        return false;
    file.close();
    if (executable)
        return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

/// A configuration that listens on 127.0.0.1 only: @p plain with STARTTLS and, when not 0,
/// @p smtps with implicit TLS.
inline QByteArray loopbackConfiguration(quint16 plain, quint16 smtps = 0)
{
    QByteArray text = "primary_hostname = mailport.test\nlocal_interfaces = 127.0.0.1\n";
    if (smtps == 0)
        return text + "daemon_smtp_ports = " + QByteArray::number(plain) + '\n';
    return text + "daemon_smtp_ports = " + QByteArray::number(plain) + " : "
           + QByteArray::number(smtps) + "\ntls_on_connect_ports = " + QByteArray::number(smtps)
           + '\n';
}

} // namespace Mailport
