#pragma once

#include "listener.h"
#include "listenplan.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace Mailport {

/// The daemon's listening sockets as one unit: all of a plan binds or none does (sendmail's
/// optional sockets excepted), and a reload changes only what differs.
class ListenerSet final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerSet)

public:
    struct Failure
    {
        PlannedSocket socket;
        int error = 0;
        QString message;
    };

    struct Result
    {
        QList<Failure> failures; ///< fatal: nothing changed
        QStringList warnings;    ///< optional sockets skipped, one English line each
        QList<PlannedSocket> added;
        QList<PlannedSocket> removed;
        QList<PlannedSocket> kept;
        bool ok() const { return failures.isEmpty(); }
        /// The failures' messages, one per line.
        QString errorText() const;
    };

    explicit ListenerSet(QObject *parent = nullptr);
    ~ListenerSet() override;

    /// The handler of every listener, present and future.
    void setHandler(Listener::Handler handler);

    /// Binds every socket of @p sockets (replacing nothing: call on an empty set). On a failure of
    /// a non-optional socket the ones already bound are closed again and the set stays empty.
    Result bindAll(const QList<PlannedSocket> &sockets, int defaultBacklog);

    /// Makes the set listen on exactly @p sockets: sockets bound already stay open (their
    /// attributes updated), new ones are bound, the others closed. When a new socket cannot be
    /// bound, everything stays as it was.
    Result apply(const QList<PlannedSocket> &sockets, int defaultBacklog);

    /// Stops accepting everywhere; accepted connections are not affected.
    void closeAll();

    const QList<Listener *> &listeners() const { return m_listeners; }
    bool isEmpty() const { return m_listeners.isEmpty(); }

private:
    Listener *create(const PlannedSocket &socket);

    QList<Listener *> m_listeners;
    Listener::Handler m_handler;
};

} // namespace Mailport
