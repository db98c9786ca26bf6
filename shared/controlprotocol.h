#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QObject>
#include <QString>

#include <optional>

/// The vocabulary of mailportd's control channel, shared by the server, the GUI and the CLI.
///
/// Every frame carries one JSON object (see ControlCodec). Three shapes exist:
/// - request `{"type": "<request>", "id": <integer>, ...arguments}`;
/// - reply `{"id": <integer>, "ok": true, "result": {...}}` or
///   `{"id": <integer>, "ok": false, "error": {"code": "<error>", "detail": "<English>"}}`;
///   a reply to something that had no usable id carries `"id": null`;
/// - event `{"event": "<event>", "payload": {...}}`, only to clients that subscribed.
///
/// The first request must be `{"type": "hello", "id": N, "version": 1, "client": "<name>"}`; the
/// reply's result holds `version`, `pid` and `daemon` (the daemon's version). Anything else first,
/// or a version the daemon does not speak, gets an error reply and the connection is closed.
/// `subscribe` takes an optional `events` array of event names (absent: all; empty: none) and
/// replaces the previous subscription.
namespace Mailport::ControlProtocol {
Q_NAMESPACE

/// The protocol version this build speaks; a change that old peers cannot ignore bumps it.
inline constexpr int Version = 1;

/// Name of the socket and of its lock file inside the control directory.
inline constexpr QLatin1StringView SocketName("control");
inline constexpr QLatin1StringView LockFileName("control.lock");

/// Default control directory: `<runtime location>/mailport`, e.g. `/run/user/1000/mailport`.
QString defaultDirectory();
/// Full path of the socket in \a directory.
QString socketPath(const QString &directory);
/// Full path of the lock file in \a directory.
QString lockFilePath(const QString &directory);

/// JSON member names used on the wire.
namespace Field {
inline constexpr QLatin1StringView Type("type");
inline constexpr QLatin1StringView Id("id");
inline constexpr QLatin1StringView Ok("ok");
inline constexpr QLatin1StringView Result("result");
inline constexpr QLatin1StringView Error("error");
inline constexpr QLatin1StringView Code("code");
inline constexpr QLatin1StringView Detail("detail");
inline constexpr QLatin1StringView Event("event");
inline constexpr QLatin1StringView Payload("payload");
inline constexpr QLatin1StringView Version("version"); ///< hello and its reply: protocol version
inline constexpr QLatin1StringView Client("client");   ///< hello: the client's name, for logs
inline constexpr QLatin1StringView Pid("pid");         ///< hello reply: the daemon's process id
inline constexpr QLatin1StringView Daemon("daemon");   ///< hello reply: the daemon's version
inline constexpr QLatin1StringView Events("events");   ///< subscribe: event names wanted
inline constexpr QLatin1StringView Limit("limit");     ///< log, messages: at most this many entries
} // namespace Field

/// What a client can ask. `hello` and `subscribe` are answered by the server itself.
enum class Request { Hello, Status, Listeners, Stats, Log, Messages, Reload, Shutdown, Subscribe };
Q_ENUM_NS(Request)

/// What a subscribed client is told without asking.
enum class Event { Log, Connection, Arrival, State };
Q_ENUM_NS(Event)

/// Typed errors. The first group travels on the wire; the second is produced by ControlClient
/// about the connection itself. Names (errorName) are the contract; never rename one.
enum class Error {
    None,
    BadFrame,           ///< bad-frame: the frame could not be decoded; the connection is closed
    BadRequest,         ///< bad-request: missing or ill-typed member
    UnsupportedVersion, ///< unsupported-version
    UnknownRequest,     ///< unknown-request
    NotHello,           ///< not-hello: a request before the hello handshake
    Internal,           ///< internal
    ReloadFailed,       ///< reload-failed: the configuration was kept as it was
    TooLarge,           ///< too-large: the reply would exceed the frame cap
    Unavailable,        ///< unavailable: the daemon cannot answer this now (e.g. shutting down)
    // Client side.
    ConnectFailed, ///< connect-failed: no daemon listens in the control directory
    NotConnected,  ///< not-connected: request made while disconnected
    Timeout,       ///< timeout: no reply in time
    Disconnected,  ///< disconnected: the connection ended before the reply
    ProtocolError, ///< protocol-error: the daemon sent something this client cannot understand
    Unknown,       ///< unknown: an error name this build does not know (a newer daemon)
};
Q_ENUM_NS(Error)

/// The wire name of a request, e.g. "listeners".
QString requestName(Request request);
/// The request named \a name, or nullopt.
std::optional<Request> requestFromName(QStringView name);
/// The wire name of an event, e.g. "arrival".
QString eventName(Event event);
/// The event named \a name, or nullopt.
std::optional<Event> eventFromName(QStringView name);
/// The kebab-case wire name of an error, e.g. "unsupported-version"; "" for Error::None.
QString errorName(Error error);
/// The error named \a name; Error::Unknown for names this build does not know.
Error errorFromName(QStringView name);
/// A default English sentence for \a error, used when no more specific detail is at hand.
QString errorDetail(Error error);

/// The outcome of a request: a result object, or an error code with an English detail.
struct Reply
{
    bool ok = true;
    Error error = Error::None;
    QString detail;     ///< English; empty when ok
    QJsonObject result; ///< empty when not ok

    static Reply success(const QJsonObject &result = {});
    /// A failure; an empty \a detail takes errorDetail(\a error).
    static Reply failure(Error error, const QString &detail = {});

    friend bool operator==(const Reply &, const Reply &) = default;
};

/// A request frame: \a arguments with "type" and "id" set.
QJsonObject makeRequest(qint64 id, Request request, const QJsonObject &arguments = {});
/// A reply frame; a missing \a id is sent as null.
QJsonObject makeReply(std::optional<qint64> id, const Reply &reply);
/// An event frame.
QJsonObject makeEvent(Event event, const QJsonObject &payload);

/// The message's "id" if it is an integer in [0, 2^53], else nullopt.
std::optional<qint64> messageId(const QJsonObject &message);
/// True for an event frame (it has an "event" member).
bool isEvent(const QJsonObject &message);
/// Reads a reply frame. Nullopt if it is not a well-formed reply.
std::optional<Reply> parseReply(const QJsonObject &message);

} // namespace Mailport::ControlProtocol
