#include "portprobe.h"

#include "listenplan.h"

#include <QFile>
#include <QtEndian>

#include <unistd.h>

#include <cstring>

namespace Mailport {

namespace {

constexpr QByteArrayView kListenState = "0A"; // TCP_LISTEN in the kernel's tables
constexpr int kCapNetBindService = 10;
constexpr int kSmtpPort = 25; // the lowest port a mail daemon normally needs

QByteArray readSmallFile(const QString &path)
{
    // /proc files report size 0, so readAll() is the only way; they are small and never block.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The kernel prints each 32-bit word of the address as a native-endian number.
bool parseAddress(QByteArrayView hex, QHostAddress *out)
{
    if (hex.size() != 8 && hex.size() != 32)
        return false;
    quint8 bytes[16];
    for (qsizetype word = 0; word < hex.size() / 8; ++word) {
        bool ok = false;
        const quint32 value = hex.sliced(word * 8, 8).toUInt(&ok, 16);
        if (!ok)
            return false;
        std::memcpy(bytes + word * 4, &value, 4);
    }
    if (hex.size() == 8)
        *out = QHostAddress(qFromBigEndian<quint32>(bytes));
    else
        *out = QHostAddress(bytes);
    return true;
}

QHostAddress plannedAddress(const PlannedSocket &socket, bool *ipv4)
{
    QHostAddress address(socket.address);
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    // Linux binds an IPv4-mapped address as IPv4; Qt also "maps" the IPv6 any address.
    if (socket.ipv6 && mapped && address != QHostAddress(QHostAddress::AnyIPv6))
        address = QHostAddress(v4);
    *ipv4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    return address;
}

bool isAny(const QHostAddress &address)
{
    return address == QHostAddress(QHostAddress::AnyIPv4)
           || address == QHostAddress(QHostAddress::AnyIPv6);
}

} // namespace

PortProbe::PortProbe(Source source)
    : m_source(std::move(source))
{}

void PortProbe::refresh()
{
    m_listening = m_source ? m_source() : QList<ListeningSocket>();
}

QList<ListeningSocket> PortProbe::conflicts(const QList<ListeningSocket> &listening,
                                            const PlannedSocket &socket)
{
    QList<ListeningSocket> out;
    bool ipv4 = false;
    const QHostAddress address = plannedAddress(socket, &ipv4);
    if (address.isNull())
        return out;
    for (const ListeningSocket &l : listening) {
        if (l.port != socket.port)
            continue;
        // Whether a listener on "::" also takes IPv4 depends on its IPV6_V6ONLY option, which
        // the tables do not show; only same-family clashes are certain.
        const bool listenerIpv4 = l.address.protocol() == QAbstractSocket::IPv4Protocol;
        if (listenerIpv4 != ipv4)
            continue;
        QHostAddress plain = address;
        plain.setScopeId(QString());
        if (isAny(l.address) || isAny(plain) || l.address == plain)
            out.append(l);
    }
    return out;
}

QList<ListeningSocket> PortProbe::parseProcNet(const QByteArray &table)
{
    QList<ListeningSocket> out;
    const QList<QByteArray> lines = table.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // the first line names the columns
        const QList<QByteArray> fields = lines[i].simplified().split(' ');
        if (fields.size() < 4 || fields[3] != kListenState)
            continue;
        const QByteArray &local = fields[1];
        const qsizetype colon = local.indexOf(':');
        if (colon < 0)
            continue;
        ListeningSocket s;
        bool ok = false;
        s.port = int(local.mid(colon + 1).toUInt(&ok, 16));
        if (!ok || !parseAddress(QByteArrayView(local).first(colon), &s.address))
            continue;
        out.append(s);
    }
    return out;
}

QList<ListeningSocket> PortProbe::systemListeningSockets()
{
    QList<ListeningSocket> out = parseProcNet(readSmallFile(QStringLiteral("/proc/net/tcp")));
    out += parseProcNet(readSmallFile(QStringLiteral("/proc/net/tcp6")));
    return out;
}

bool PortProbe::canBindPrivilegedPorts()
{
    if (geteuid() == 0)
        return true;
    const QByteArray status = readSmallFile(QStringLiteral("/proc/self/status"));
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith("CapEff:")) {
            bool ok = false;
            const quint64 caps = line.mid(7).trimmed().toULongLong(&ok, 16);
            if (ok && (caps & (quint64(1) << kCapNetBindService)))
                return true;
        }
    }
    bool ok = false;
    const int start = readSmallFile(QStringLiteral("/proc/sys/net/ipv4/ip_unprivileged_port_start"))
                          .trimmed()
                          .toInt(&ok);
    return ok && start <= kSmtpPort;
}

} // namespace Mailport
