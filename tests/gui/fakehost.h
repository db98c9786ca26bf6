#pragma once

#include "hostinterfaces.h"

// A host the GUI tests control: lo, plus eth0 with documentation addresses and a link-local one.
inline Mailport::HostInterfaces fakeHost(bool withEth1 = false)
{
    using namespace Mailport;
    HostInterfaces host = HostInterfaces::loopbackOnly();
    HostInterface eth0;
    eth0.name = QStringLiteral("eth0");
    eth0.index = 2;
    eth0.flags = QNetworkInterface::IsUp | QNetworkInterface::IsRunning
                 | QNetworkInterface::CanBroadcast | QNetworkInterface::CanMulticast;
    eth0.type = QNetworkInterface::Ethernet;
    eth0.mtu = 1500;
    eth0.hardwareAddress = QStringLiteral("52:54:00:12:34:56");
    eth0.addresses.append({QHostAddress(QStringLiteral("192.0.2.10")), 24, ScopeKind::Global, {}});
    eth0.addresses.append(
        {QHostAddress(QStringLiteral("2001:db8::10")), 64, ScopeKind::Global, {}});
    eth0.addresses.append({QHostAddress(QStringLiteral("fe80::10")), 64, ScopeKind::LinkLocal,
                           QStringLiteral("eth0")});
    host.addInterface(eth0);
    if (withEth1) {
        HostInterface eth1 = eth0;
        eth1.name = QStringLiteral("eth1");
        eth1.index = 3;
        eth1.hardwareAddress = QStringLiteral("52:54:00:12:34:57");
        eth1.addresses
            = {{QHostAddress(QStringLiteral("198.51.100.7")), 24, ScopeKind::Global, {}}};
        host.addInterface(eth1);
    }
    return host;
}
