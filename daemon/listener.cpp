#include "listener.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Mailport {

namespace {

constexpr int kListenState = 0x0A; // TCP_LISTEN in /proc/net/tcp

// The address as /proc/net/tcp prints it: 32-bit words in the kernel's (host) byte order.
QHostAddress procAddress(QStringView hex)
{
    QByteArray bytes;
    for (qsizetype i = 0; i + 8 <= hex.size(); i += 8) {
        bool ok = false;
        const quint32 word = hex.sliced(i, 8).toUInt(&ok, 16);
        if (!ok)
            return {};
        char raw[4];
        std::memcpy(raw, &word, sizeof raw);
        bytes.append(raw, sizeof raw);
    }
    if (bytes.size() == 4) {
        quint32 value = 0;
        for (char c : std::as_const(bytes))
            value = (value << 8) | static_cast<unsigned char>(c);
        return QHostAddress(value);
    }
    if (bytes.size() == 16) {
        Q_IPV6ADDR raw;
        std::memcpy(raw.c, bytes.constData(), 16);
        return QHostAddress(raw);
    }
    return {};
}

struct ProcSocket
{
    QHostAddress address;
    qulonglong inode = 0;
    uint uid = 0;
};

QList<ProcSocket> listeningSockets(const QString &table, int port)
{
    QList<ProcSocket> found;
    QFile file(table);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return found;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    file.readLine(); // the column titles
    while (!file.atEnd()) {
        const QStringList fields = QString::fromLatin1(file.readLine()).trimmed().split(space);
        if (fields.size() < 10)
            continue;
        const QString local = fields.at(1);
        const qsizetype colon = local.indexOf(u':');
        bool ok = false;
        if (colon < 0 || local.mid(colon + 1).toInt(&ok, 16) != port || !ok)
            continue;
        if (fields.at(3).toInt(&ok, 16) != kListenState || !ok)
            continue;
        ProcSocket s;
        s.address = procAddress(QStringView(local).first(colon));
        s.uid = fields.at(7).toUInt();
        s.inode = fields.at(9).toULongLong();
        found.append(s);
    }
    return found;
}

// The pid whose open files include socket:[inode], or 0 when no readable process has it.
qint64 pidOfSocket(qulonglong inode, QString *name)
{
    const QString target = QStringLiteral("socket:[%1]").arg(inode);
    const QDir proc(QStringLiteral("/proc"));
    const QStringList pids = proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool numeric = false;
        const qint64 number = pid.toLongLong(&numeric);
        if (!numeric)
            continue;
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        const QStringList entries
            = fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
        for (const QString &fd : entries) {
            char link[64] = {};
            const QByteArray path = fds.filePath(fd).toLocal8Bit();
            const ssize_t n = ::readlink(path.constData(), link, sizeof link - 1);
            if (n > 0 && QLatin1String(link, n) == target) {
                QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                if (comm.open(QIODevice::ReadOnly))
                    *name = QString::fromLocal8Bit(comm.readAll()).trimmed();
                return number;
            }
        }
    }
    return 0;
}

QString describeAddress(const PlannedSocket &socket)
{
    return socket.scope.isEmpty() ? socket.address : socket.scopedAddress();
}

} // namespace

Listener::Listener(const PlannedSocket &socket, QObject *parent)
    : QTcpServer(parent)
    , m_planned(socket)
{}

Listener::~Listener() = default;

Listener::BindResult Listener::bind(int defaultBacklog)
{
    BindResult result;
    if (isListening())
        return result;
    auto fail = [&](int error, int fd) {
        if (fd >= 0)
            ::close(fd);
        result.error = error;
        result.message = describeBindError(error, m_planned);
        return result;
    };

    sockaddr_storage storage{};
    socklen_t length = 0;
    const QByteArray address = m_planned.address.toLatin1();
    if (m_planned.ipv6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(quint16(m_planned.port));
        if (::inet_pton(AF_INET6, address.constData(), &in6->sin6_addr) != 1)
            return fail(EAFNOSUPPORT, -1);
        if (!m_planned.scope.isEmpty()) {
            unsigned index = ::if_nametoindex(m_planned.scope.toLocal8Bit().constData());
            bool numeric = false;
            if (index == 0)
                index = m_planned.scope.toUInt(&numeric);
            if (index == 0)
                return fail(ENODEV, -1);
            in6->sin6_scope_id = index;
        }
        length = sizeof(sockaddr_in6);
    } else {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(quint16(m_planned.port));
        if (::inet_pton(AF_INET, address.constData(), &in->sin_addr) != 1)
            return fail(EAFNOSUPPORT, -1);
        length = sizeof(sockaddr_in);
    }

    const int fd = ::socket(m_planned.ipv6 ? AF_INET6 : AF_INET,
                            SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return fail(errno, -1);
    const int on = 1;
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0)
        return fail(errno, fd);
    if (m_planned.ipv6 && m_planned.v6only) {
        // Only the ::0 wildcard: its IPv4 twin 0.0.0.0 is a socket of its own (Exim's pairing).
        if (::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on) != 0)
            return fail(errno, fd);
    }
    applyBufferSizes(fd);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0)
        return fail(errno, fd);
    if (::listen(fd, effectiveBacklog(defaultBacklog)) != 0)
        return fail(errno, fd);
    if (!setSocketDescriptor(fd)) {
        ::close(fd);
        result.error = EINVAL;
        result.message
            = QStringLiteral("Cannot listen on %1: %2").arg(m_planned.endpoint(), errorString());
        return result;
    }
    qCDebug(lcDaemon) << "listening on" << m_planned.endpoint() << "backlog"
                      << effectiveBacklog(defaultBacklog);
    return result;
}

void Listener::update(const PlannedSocket &socket, int defaultBacklog)
{
    m_planned = socket;
    const int fd = int(socketDescriptor());
    if (fd < 0)
        return;
    applyBufferSizes(fd);
    // Linux takes a new backlog from a second listen() on a listening socket.
    ::listen(fd, effectiveBacklog(defaultBacklog));
}

bool Listener::isSameSocket(const PlannedSocket &other) const
{
    return sameEndpoint(m_planned, other);
}

bool Listener::sameEndpoint(const PlannedSocket &a, const PlannedSocket &b)
{
    return a.ipv6 == b.ipv6 && a.port == b.port && a.scope == b.scope
           && QHostAddress(a.address).isEqual(QHostAddress(b.address),
                                              QHostAddress::StrictConversion);
}

int Listener::effectiveBacklog(int defaultBacklog) const
{
    if (m_planned.backlog > 0)
        return m_planned.backlog;
    return defaultBacklog > 0 ? defaultBacklog : SOMAXCONN;
}

void Listener::applyBufferSizes(int fd) const
{
    // Set on the listening socket so accepted connections inherit them. A refusal is not fatal:
    // the kernel keeps its default and the socket works.
    if (m_planned.receiveBufSize > 0
        && ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &m_planned.receiveBufSize, sizeof(int)) != 0)
        qCWarning(lcDaemon) << "cannot set SO_RCVBUF on" << m_planned.endpoint()
                            << std::strerror(errno);
    if (m_planned.sendBufSize > 0
        && ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &m_planned.sendBufSize, sizeof(int)) != 0)
        qCWarning(lcDaemon) << "cannot set SO_SNDBUF on" << m_planned.endpoint()
                            << std::strerror(errno);
}

void Listener::incomingConnection(qintptr descriptor)
{
    if (!m_handler) {
        ::close(int(descriptor));
        return;
    }
    m_handler(this, descriptor);
}

QString Listener::describeBindError(int error, const PlannedSocket &socket)
{
    const QString endpoint = socket.endpoint();
    const QString address = describeAddress(socket);
    QString reason;
    switch (error) {
    case EADDRINUSE: {
        const QString holder = portHolder(socket.port, socket.ipv6, QHostAddress(socket.address));
        reason = holder.isEmpty() ? QStringLiteral("the address is already in use")
                                  : QStringLiteral("the address is already in use, %1").arg(holder);
        break;
    }
    case EACCES:
        reason = socket.port < 1024
                     ? QStringLiteral("port %1 is below 1024 and needs root or "
                                      "CAP_NET_BIND_SERVICE (e.g. setcap cap_net_bind_service=+ep)")
                           .arg(socket.port)
                     : QStringLiteral("permission denied");
        break;
    case EADDRNOTAVAIL:
        reason = QStringLiteral("no interface of this host has %1").arg(address);
        break;
    case EINVAL:
        reason = socket.ipv6 && socket.scope.isEmpty() && QHostAddress(socket.address).isLinkLocal()
                     ? QStringLiteral("the link-local address %1 needs its scope, e.g. %1%eth0")
                           .arg(socket.address)
                     : QString::fromLocal8Bit(std::strerror(error));
        break;
    case ENODEV:
        reason
            = QStringLiteral("the scope \"%1\" names no interface of this host").arg(socket.scope);
        break;
    case EAFNOSUPPORT:
        reason = socket.ipv6 ? QStringLiteral("\"%1\" is not an IPv6 address this host can use")
                                   .arg(socket.address)
                             : QStringLiteral("\"%1\" is not an IPv4 address").arg(socket.address);
        break;
    default:
        reason = QString::fromLocal8Bit(std::strerror(error));
        break;
    }
    QString where;
    if (!socket.item.isEmpty() && !socket.source.isEmpty())
        where = QStringLiteral(" (%1 item \"%2\")").arg(socket.source, socket.item);
    return QStringLiteral("Cannot bind %1%2: %3").arg(endpoint, where, reason);
}

QString Listener::portHolder(int port, bool ipv6, const QHostAddress &address)
{
    QList<ProcSocket> sockets = listeningSockets(QStringLiteral("/proc/net/tcp6"), port);
    sockets += listeningSockets(QStringLiteral("/proc/net/tcp"), port);
    if (sockets.isEmpty())
        return {};
    // Prefer the socket on exactly this address, then a wildcard of our family.
    auto rank = [&](const ProcSocket &s) {
        if (s.address.isEqual(address, QHostAddress::StrictConversion))
            return 0;
        const bool sameFamily = (s.address.protocol() == QAbstractSocket::IPv6Protocol) == ipv6;
        if (sameFamily
            && (s.address == QHostAddress::AnyIPv4 || s.address == QHostAddress::AnyIPv6))
            return 1;
        return 2;
    };
    std::stable_sort(sockets.begin(), sockets.end(),
                     [&](const ProcSocket &a, const ProcSocket &b) { return rank(a) < rank(b); });
    const ProcSocket &best = sockets.first();
    QString name;
    const qint64 pid = best.inode ? pidOfSocket(best.inode, &name) : 0;
    if (pid > 0) {
        if (pid == ::getpid())
            return QStringLiteral("held by this process (pid %1, %2)").arg(pid).arg(name);
        return QStringLiteral("held by pid %1 (%2)").arg(pid).arg(name);
    }
    if (best.uid != ::getuid())
        return QStringLiteral("held by another user's process (uid %1)").arg(best.uid);
    return QStringLiteral("held by a process that could not be identified");
}

} // namespace Mailport
