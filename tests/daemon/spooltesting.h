#pragma once

// Helpers shared by the tests of the spool's classes.

#include "maildirspool.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QStringList>

namespace Mailport::SpoolTesting {

/// The files in a directory, hidden ones included.
inline QStringList entries(const QString &path)
{
    return QDir(path).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// One sender, one recipient, a plain SMTP client on a loopback listener; a fixed arrival time.
inline SpoolEnvelope simpleEnvelope()
{
    SpoolEnvelope envelope;
    envelope.sender = QStringLiteral("alice@example.org");
    envelope.recipients = {QStringLiteral("bob@example.net")};
    envelope.heloName = QStringLiteral("client.example.org");
    envelope.clientAddress = QHostAddress(QStringLiteral("192.0.2.10"));
    envelope.clientPort = 50122;
    envelope.listenerAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    envelope.listenerPort = 2525;
    envelope.protocol = QStringLiteral("esmtp");
    envelope.receivingHost = QStringLiteral("mx.example.net");
    envelope.arrival = QDateTime(QDate(2024, 2, 1), QTime(10, 0), Qt::OffsetFromUTC, 0);
    return envelope;
}

} // namespace Mailport::SpoolTesting
