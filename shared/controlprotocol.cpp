#include "controlprotocol.h"

#include <QJsonValue>
#include <QStandardPaths>

#include <array>
#include <utility>

namespace Mailport::ControlProtocol {

namespace {

// Tables rather than switches so that both directions of each mapping come from one list.
constexpr std::array<std::pair<Request, QLatin1StringView>, 9> requestNames{{
    {Request::Hello, QLatin1StringView("hello")},
    {Request::Status, QLatin1StringView("status")},
    {Request::Listeners, QLatin1StringView("listeners")},
    {Request::Stats, QLatin1StringView("stats")},
    {Request::Log, QLatin1StringView("log")},
    {Request::Messages, QLatin1StringView("messages")},
    {Request::Reload, QLatin1StringView("reload")},
    {Request::Shutdown, QLatin1StringView("shutdown")},
    {Request::Subscribe, QLatin1StringView("subscribe")},
}};

constexpr std::array<std::pair<Event, QLatin1StringView>, 4> eventNames{{
    {Event::Log, QLatin1StringView("log")},
    {Event::Connection, QLatin1StringView("connection")},
    {Event::Arrival, QLatin1StringView("arrival")},
    {Event::State, QLatin1StringView("state")},
}};

constexpr std::array<std::pair<Error, QLatin1StringView>, 15> errorNames{{
    {Error::BadFrame, QLatin1StringView("bad-frame")},
    {Error::BadRequest, QLatin1StringView("bad-request")},
    {Error::UnsupportedVersion, QLatin1StringView("unsupported-version")},
    {Error::UnknownRequest, QLatin1StringView("unknown-request")},
    {Error::NotHello, QLatin1StringView("not-hello")},
    {Error::Internal, QLatin1StringView("internal")},
    {Error::ReloadFailed, QLatin1StringView("reload-failed")},
    {Error::TooLarge, QLatin1StringView("too-large")},
    {Error::Unavailable, QLatin1StringView("unavailable")},
    {Error::ConnectFailed, QLatin1StringView("connect-failed")},
    {Error::NotConnected, QLatin1StringView("not-connected")},
    {Error::Timeout, QLatin1StringView("timeout")},
    {Error::Disconnected, QLatin1StringView("disconnected")},
    {Error::ProtocolError, QLatin1StringView("protocol-error")},
    {Error::Unknown, QLatin1StringView("unknown")},
}};

template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, QLatin1StringView>, N> &table, Enum value)
{
    for (const auto &[key, name] : table) {
        if (key == value)
            return QString(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, QLatin1StringView>, N> &table,
                            QStringView name)
{
    for (const auto &[key, keyName] : table) {
        if (name == keyName)
            return key;
    }
    return std::nullopt;
}

// 2^53: the largest range in which every integer survives a trip through a JSON double.
constexpr qint64 MaxId = qint64(1) << 53;

} // namespace

QString defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)
           + QLatin1StringView("/mailport");
}

QString socketPath(const QString &directory)
{
    return directory + u'/' + SocketName;
}

QString lockFilePath(const QString &directory)
{
    return directory + u'/' + LockFileName;
}

QString requestName(Request request)
{
    return nameOf(requestNames, request);
}

std::optional<Request> requestFromName(QStringView name)
{
    return valueOf(requestNames, name);
}

QString eventName(Event event)
{
    return nameOf(eventNames, event);
}

std::optional<Event> eventFromName(QStringView name)
{
    return valueOf(eventNames, name);
}

QString errorName(Error error)
{
    return nameOf(errorNames, error);
}

Error errorFromName(QStringView name)
{
    return valueOf(errorNames, name).value_or(Error::Unknown);
}

QString errorDetail(Error error)
{
    switch (error) {
    case Error::None:
        return {};
    case Error::BadFrame:
        return QStringLiteral("The control frame could not be decoded.");
    case Error::BadRequest:
        return QStringLiteral("The request is malformed.");
    case Error::UnsupportedVersion:
        return QStringLiteral("This daemon speaks control protocol version %1 only.").arg(Version);
    case Error::UnknownRequest:
        return QStringLiteral("The daemon does not know this request.");
    case Error::NotHello:
        return QStringLiteral("The first request must be hello.");
    case Error::Internal:
        return QStringLiteral("The daemon failed to handle the request.");
    case Error::ReloadFailed:
        return QStringLiteral("The configuration was not reloaded; the old one stays in force.");
    case Error::TooLarge:
        return QStringLiteral("The reply would be larger than a control frame may be.");
    case Error::Unavailable:
        return QStringLiteral("The daemon cannot answer this request now.");
    case Error::ConnectFailed:
        return QStringLiteral("No mailportd is listening on the control socket.");
    case Error::NotConnected:
        return QStringLiteral("Not connected to mailportd.");
    case Error::Timeout:
        return QStringLiteral("mailportd did not answer in time.");
    case Error::Disconnected:
        return QStringLiteral("The connection to mailportd ended.");
    case Error::ProtocolError:
        return QStringLiteral("mailportd sent something this program does not understand.");
    case Error::Unknown:
        return QStringLiteral("mailportd reported an error this program does not know.");
    }
    return {};
}

Reply Reply::success(const QJsonObject &result)
{
    Reply reply;
    reply.result = result;
    return reply;
}

Reply Reply::failure(Error error, const QString &detail)
{
    Reply reply;
    reply.ok = false;
    reply.error = error;
    reply.detail = detail.isEmpty() ? errorDetail(error) : detail;
    return reply;
}

QJsonObject makeRequest(qint64 id, Request request, const QJsonObject &arguments)
{
    QJsonObject message = arguments;
    message.insert(Field::Type, requestName(request));
    message.insert(Field::Id, id);
    return message;
}

QJsonObject makeReply(std::optional<qint64> id, const Reply &reply)
{
    QJsonObject message;
    message.insert(Field::Id, id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null));
    message.insert(Field::Ok, reply.ok);
    if (reply.ok) {
        message.insert(Field::Result, reply.result);
    } else {
        message.insert(Field::Error, QJsonObject{{Field::Code, errorName(reply.error)},
                                                 {Field::Detail, reply.detail}});
    }
    return message;
}

QJsonObject makeEvent(Event event, const QJsonObject &payload)
{
    return QJsonObject{{Field::Event, eventName(event)}, {Field::Payload, payload}};
}

std::optional<qint64> messageId(const QJsonObject &message)
{
    const QJsonValue value = message.value(Field::Id);
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= 0.0 && number <= double(MaxId)))
        return std::nullopt;
    const auto id = qint64(number);
    if (double(id) != number)
        return std::nullopt;
    return id;
}

bool isEvent(const QJsonObject &message)
{
    return message.contains(Field::Event);
}

std::optional<Reply> parseReply(const QJsonObject &message)
{
    const QJsonValue ok = message.value(Field::Ok);
    if (!ok.isBool())
        return std::nullopt;
    if (ok.toBool()) {
        const QJsonValue result = message.value(Field::Result);
        if (!result.isObject() && !result.isUndefined())
            return std::nullopt;
        return Reply::success(result.toObject());
    }
    const QJsonValue error = message.value(Field::Error);
    if (!error.isObject())
        return std::nullopt;
    const QJsonObject errorObject = error.toObject();
    const QJsonValue code = errorObject.value(Field::Code);
    if (!code.isString())
        return std::nullopt;
    const Error parsed = errorFromName(code.toString());
    return Reply::failure(parsed == Error::None ? Error::Unknown : parsed,
                          errorObject.value(Field::Detail).toString());
}

} // namespace Mailport::ControlProtocol
