#pragma once

// A scriptable SMTP server on loopback for the test-mail client's tests: it answers what the
// test tells it to, records every command and the raw DATA bytes, and speaks TLS (implicit or
// after STARTTLS) with whatever configuration it is given.

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>

#include <algorithm>
#include <memory>

namespace Mailport::Test {

struct FakeSmtpScript
{
    QByteArray greeting = "220 fake.test ESMTP ready\r\n";
    bool implicitTls = false;
    bool offerStartTls = true;
    /// Accepts and never says a word.
    bool silent = false;
    /// Empty: a standard reply listing STARTTLS when offered and not yet in TLS.
    QByteArray ehloReply;
    QByteArray heloReply = "250 fake.test\r\n";
    QByteArray startTlsReply = "220 2.0.0 Ready to start TLS\r\n";
    QByteArray mailReply = "250 2.1.0 Sender OK\r\n";
    QByteArray rcptReply = "250 2.1.5 Recipient OK\r\n";
    QByteArray dataReply = "354 Enter message, ending with \".\" on a line by itself\r\n";
    /// Empty: no answer at all after the message.
    QByteArray dataEndReply = "250 2.0.0 OK id=1rXa4Z-000Abc-3D\r\n";
    QByteArray quitReply = "221 2.0.0 fake.test closing connection\r\n";
    /// Closes the connection instead of answering MAIL.
    bool closeAtMail = false;
};

class FakeSmtpServer final : public QTcpServer
{
public:
    explicit FakeSmtpServer(FakeSmtpScript script, QSslConfiguration tls = {})
        : m_script(std::move(script))
        , m_tls(std::move(tls))
    {}

    bool listenOnLoopback(const QHostAddress &address = QHostAddress::LocalHost)
    {
        return listen(address, 0);
    }

    // Everything every session did, in order.
    QList<QByteArray> commands;   ///< as received, without CRLF
    QList<QByteArray> messages;   ///< raw DATA bytes, dot-stuffing and the final ".\r\n" kept
    QList<bool> messageEncrypted; ///< per message: did it come over TLS
    int connections = 0;
    int quits = 0;
    int active = 0;    ///< sessions open now
    int maxActive = 0; ///< the most that were open at once

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        ++connections;
        ++active;
        maxActive = std::max(maxActive, active);
        socket->setSslConfiguration(m_tls);
        auto session = std::make_shared<Session>();
        connect(socket, &QSslSocket::readyRead, this,
                [this, socket, session] { read(socket, *session); });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            --active;
            socket->deleteLater();
        });
        if (m_script.silent)
            return;
        if (m_script.implicitTls) {
            connect(socket, &QSslSocket::encrypted, this,
                    [this, socket] { socket->write(m_script.greeting); });
            socket->startServerEncryption();
        } else {
            socket->write(m_script.greeting);
        }
    }

private:
    struct Session
    {
        QByteArray buffer;
        bool inData = false;
        QByteArray data;
    };

    QByteArray ehloReply(const QSslSocket *socket) const
    {
        if (!m_script.ehloReply.isEmpty())
            return m_script.ehloReply;
        QByteArray reply = "250-fake.test greets you\r\n250-PIPELINING\r\n250-SIZE 1000000\r\n";
        if (m_script.offerStartTls && !socket->isEncrypted())
            reply += "250-STARTTLS\r\n";
        return reply + "250 8BITMIME\r\n";
    }

    void read(QSslSocket *socket, Session &session)
    {
        if (m_script.silent)
            return;
        session.buffer += socket->readAll();
        qsizetype end;
        while ((end = session.buffer.indexOf('\n')) >= 0) {
            const QByteArray line = session.buffer.left(end + 1);
            session.buffer.remove(0, end + 1);
            if (session.inData) {
                session.data += line;
                if (line != ".\r\n")
                    continue;
                session.inData = false;
                messages.append(session.data);
                messageEncrypted.append(socket->isEncrypted());
                session.data.clear();
                socket->write(m_script.dataEndReply);
                continue;
            }
            const QByteArray command = line.trimmed();
            commands.append(command);
            const QByteArray verb = command.split(' ').constFirst().toUpper();
            if (verb == "EHLO") {
                socket->write(ehloReply(socket));
            } else if (verb == "HELO") {
                socket->write(m_script.heloReply);
            } else if (verb == "STARTTLS") {
                socket->write(m_script.startTlsReply);
                if (m_script.startTlsReply.startsWith("220")) {
                    session.buffer.clear();
                    socket->startServerEncryption();
                    return;
                }
            } else if (verb == "MAIL") {
                if (m_script.closeAtMail) {
                    socket->disconnectFromHost();
                    return;
                }
                socket->write(m_script.mailReply);
            } else if (verb == "RCPT") {
                socket->write(m_script.rcptReply);
            } else if (verb == "DATA") {
                socket->write(m_script.dataReply);
                session.inData = m_script.dataReply.startsWith("354");
            } else if (verb == "QUIT") {
                ++quits;
                socket->write(m_script.quitReply);
                socket->disconnectFromHost();
                return;
            } else {
                socket->write("500 5.5.1 Unrecognized command\r\n");
            }
        }
    }

    FakeSmtpScript m_script;
    QSslConfiguration m_tls;
};

} // namespace Mailport::Test
