#include "listenerset.h"

#include "logging.h"

#include <cerrno>

namespace Mailport {

QString ListenerSet::Result::errorText() const
{
    QStringList lines;
    for (const Failure &f : failures)
        lines.append(f.message);
    return lines.join(u'\n');
}

ListenerSet::ListenerSet(QObject *parent)
    : QObject(parent)
{}

ListenerSet::~ListenerSet() = default;

void ListenerSet::setHandler(Listener::Handler handler)
{
    m_handler = std::move(handler);
    for (Listener *l : std::as_const(m_listeners))
        l->setHandler(m_handler);
}

Listener *ListenerSet::create(const PlannedSocket &socket)
{
    auto *listener = new Listener(socket, this);
    listener->setHandler(m_handler);
    return listener;
}

ListenerSet::Result ListenerSet::bindAll(const QList<PlannedSocket> &sockets, int defaultBacklog)
{
    Result result;
    QList<Listener *> bound;
    for (const PlannedSocket &socket : sockets) {
        Listener *listener = create(socket);
        const Listener::BindResult r = listener->bind(defaultBacklog);
        if (r.ok()) {
            bound.append(listener);
            result.added.append(socket);
            continue;
        }
        delete listener;
        if (socket.optional) {
            result.warnings.append(r.message + QStringLiteral(" (optional socket skipped)"));
            continue;
        }
        result.failures.append({socket, r.error, r.message});
    }
    if (!result.failures.isEmpty()) {
        qDeleteAll(bound);
        result.added.clear();
        return result;
    }
    m_listeners += bound;
    return result;
}

ListenerSet::Result ListenerSet::apply(const QList<PlannedSocket> &sockets, int defaultBacklog)
{
    Result result;
    QList<Listener *> keep;
    QList<PlannedSocket> keepAs;
    QList<PlannedSocket> toAdd;
    for (const PlannedSocket &socket : sockets) {
        Listener *existing = nullptr;
        for (Listener *l : std::as_const(m_listeners)) {
            if (!keep.contains(l) && l->isSameSocket(socket)) {
                existing = l;
                break;
            }
        }
        if (existing) {
            keep.append(existing);
            keepAs.append(socket);
        } else {
            toAdd.append(socket);
        }
    }
    QList<Listener *> toRemove;
    for (Listener *l : std::as_const(m_listeners)) {
        if (!keep.contains(l))
            toRemove.append(l);
    }

    // Bind the new sockets while the old ones still serve. One that clashes with a socket about
    // to go (0.0.0.0:25 replacing 127.0.0.1:25) is retried once those are closed.
    QList<Listener *> added;
    QList<PlannedSocket> retry;
    auto bindOne = [&](const PlannedSocket &socket, bool lastChance) {
        Listener *listener = create(socket);
        const Listener::BindResult r = listener->bind(defaultBacklog);
        if (r.ok()) {
            added.append(listener);
            result.added.append(socket);
            return;
        }
        delete listener;
        if (!lastChance && r.error == EADDRINUSE) {
            for (Listener *old : std::as_const(toRemove)) {
                if (old->planned().port == socket.port) {
                    retry.append(socket);
                    return;
                }
            }
        }
        if (socket.optional)
            result.warnings.append(r.message + QStringLiteral(" (optional socket skipped)"));
        else
            result.failures.append({socket, r.error, r.message});
    };
    for (const PlannedSocket &socket : std::as_const(toAdd))
        bindOne(socket, false);

    QList<PlannedSocket> released;
    if (result.failures.isEmpty() && !retry.isEmpty()) {
        for (Listener *old : std::as_const(toRemove)) {
            const bool clashes
                = std::any_of(retry.cbegin(), retry.cend(), [old](const PlannedSocket &s) {
                      return s.port == old->planned().port;
                  });
            if (clashes) {
                released.append(old->planned());
                old->close();
            }
        }
        for (const PlannedSocket &socket : std::as_const(retry))
            bindOne(socket, true);
    }

    if (!result.failures.isEmpty()) {
        qDeleteAll(added);
        // Put back what was closed for a retry; it was bound a moment ago, so this normally works.
        for (Listener *old : std::as_const(toRemove)) {
            if (old->isListening())
                continue;
            const Listener::BindResult r = old->bind(defaultBacklog);
            if (!r.ok())
                qCWarning(lcDaemon)
                    << "could not restore" << old->planned().endpoint() << r.message;
        }
        result.added.clear();
        return result;
    }

    for (qsizetype i = 0; i < keep.size(); ++i) {
        keep[i]->update(keepAs[i], defaultBacklog);
        result.kept.append(keepAs[i]);
    }
    for (Listener *old : std::as_const(toRemove)) {
        result.removed.append(old->planned());
        old->close();
        old->deleteLater();
    }
    // In the plan's order, which is the order `listeners` reports.
    QList<Listener *> ordered;
    const QList<Listener *> all = keep + added;
    for (const PlannedSocket &socket : sockets) {
        for (Listener *l : all) {
            if (!ordered.contains(l) && l->isSameSocket(socket)) {
                ordered.append(l);
                break;
            }
        }
    }
    m_listeners = ordered;
    return result;
}

void ListenerSet::closeAll()
{
    for (Listener *l : std::as_const(m_listeners)) {
        l->close();
        l->deleteLater();
    }
    m_listeners.clear();
}

} // namespace Mailport
