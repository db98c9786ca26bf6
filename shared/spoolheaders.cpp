#include "spoolheaders.h"

#include <QStringDecoder>

namespace Mailport::SpoolHeaders {

namespace {

// Anything below 0x20 (CR, LF and NUL above all) or DEL could end or corrupt a header line.
QByteArray sanitized(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    for (char &c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            c = '?';
    }
    return bytes;
}

// A token lives inside a comment or as one word of a header, so it must not contain what ends
// either: whitespace, parentheses, a quoting backslash or the ';' that introduces the date.
QByteArray sanitizedToken(const QString &text)
{
    QByteArray bytes = sanitized(text);
    for (char &c : bytes) {
        if (c == ' ' || c == '(' || c == ')' || c == '\\' || c == ';')
            c = '?';
    }
    return bytes;
}

QByteArray addressLiteral(const QHostAddress &address, quint16 port)
{
    QHostAddress shown = address;
    bool isMappedV4 = false;
    const quint32 v4 = address.toIPv4Address(&isMappedV4);
    if (isMappedV4)
        shown = QHostAddress(v4);
    QByteArray out = '[' + shown.toString().toLatin1() + ']';
    if (port != 0)
        out += ':' + QByteArray::number(port);
    return out;
}

QString decodeUtf8OrLatin1(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return QString::fromLatin1(bytes);
    return text;
}

// Breaks a logical line between its units so that no physical line exceeds FoldColumn, unless one
// unit is longer than that on its own; continuation lines start with a tab, as Exim writes them.
// A unit ("tls CIPHER", one address) is never split, so each keyword stays next to its value.
void appendFolded(QByteArray &out, QByteArrayView prefix, const QList<QByteArray> &units)
{
    QByteArray line(prefix.data(), prefix.size());
    bool lineHasUnit = false;
    for (const QByteArray &unit : units) {
        if (unit.isEmpty())
            continue;
        if (lineHasUnit && line.size() + 1 + unit.size() > FoldColumn) {
            out += line + "\r\n";
            line = "\t" + unit;
        } else {
            if (lineHasUnit)
                line += ' ';
            line += unit;
        }
        lineHasUnit = true;
    }
    out += line + "\r\n";
}

struct Token
{
    bool comment = false;
    QByteArray text; // a comment without its outer parentheses
};

QList<Token> tokenize(QByteArrayView text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const char c = text[i];
        if (c == ' ' || c == '\t') {
            ++i;
            continue;
        }
        Token token;
        if (c == '(') {
            token.comment = true;
            int depth = 1;
            ++i;
            while (i < n && depth > 0) {
                const char d = text[i];
                if (d == '\\' && i + 1 < n) {
                    token.text += text[i + 1];
                    i += 2;
                    continue;
                }
                if (d == '(')
                    ++depth;
                else if (d == ')' && --depth == 0) {
                    ++i;
                    break;
                }
                token.text += d;
                ++i;
            }
        } else {
            bool quoted = false;
            while (i < n) {
                const char d = text[i];
                if (!quoted && (d == ' ' || d == '\t' || d == '('))
                    break;
                if (quoted && d == '\\' && i + 1 < n) {
                    token.text += d;
                    token.text += text[i + 1];
                    i += 2;
                    continue;
                }
                if (d == '"')
                    quoted = !quoted;
                token.text += d;
                ++i;
            }
        }
        tokens.append(token);
    }
    return tokens;
}

bool looksLikeSoftware(const QByteArray &comment)
{
    const QList<QByteArray> words = comment.split(' ');
    if (words.size() != 2 || words[0].isEmpty() || words[1].isEmpty())
        return false;
    for (const char c : words[0]) {
        if (!QChar::isLetter(uchar(c)))
            return false;
    }
    return QChar::isDigit(uchar(words[1][0]));
}

QString stripAngles(QByteArrayView value)
{
    QByteArrayView v = value.trimmed();
    if (v.size() >= 2 && v.front() == '<' && v.back() == '>')
        v = v.sliced(1, v.size() - 2);
    return decodeUtf8OrLatin1(v);
}

} // namespace

QString sanitizedHelo(const QString &helo)
{
    return QString::fromUtf8(sanitizedToken(helo.left(255)));
}

QByteArray formatDate(const QDateTime &time)
{
    static constexpr const char *days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char *months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDate date = time.date();
    const QTime clock = time.time();
    const int offsetMinutes = time.offsetFromUtc() / 60;
    const int absOffset = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    return QString::asprintf("%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                             days[date.dayOfWeek() - 1], date.day(), months[date.month() - 1],
                             date.year(), clock.hour(), clock.minute(), clock.second(),
                             offsetMinutes < 0 ? '-' : '+', absOffset / 60, absOffset % 60)
        .toLatin1();
}

QByteArray renderReceived(const SpoolEnvelope &envelope, const QString &messageId)
{
    QByteArray out;

    QList<QByteArray> from{"from", envelope.clientAddress.isNull()
                                       ? QByteArray("unknown")
                                       : addressLiteral(envelope.clientAddress, 0)};
    QList<QByteArray> details;
    if (envelope.clientPort != 0)
        details.append("port=" + QByteArray::number(envelope.clientPort));
    if (!envelope.heloName.isEmpty())
        details.append("helo=" + sanitizedHelo(envelope.heloName).toUtf8());
    if (!envelope.proxyAddress.isNull())
        details.append("proxy=" + addressLiteral(envelope.proxyAddress, envelope.proxyPort));
    if (!details.isEmpty()) {
        details.first().prepend('(');
        details.last().append(')');
        from += details;
    }
    appendFolded(out, QByteArray(Received) + ": ", from);

    const QByteArray host = sanitizedToken(envelope.receivingHost);
    QList<QByteArray> by{"by " + (host.isEmpty() ? QByteArray("localhost") : host)};
    if (!envelope.listenerAddress.isNull())
        by.append('(' + addressLiteral(envelope.listenerAddress, envelope.listenerPort) + ')');
    // Without a protocol a TLS comment would follow the listener and read as something else.
    const QByteArray protocol = sanitizedToken(envelope.protocol);
    by.append("with " + (protocol.isEmpty() ? QByteArray("smtp") : protocol));
    if (!envelope.tlsProtocol.isEmpty())
        by.append('(' + sanitizedToken(envelope.tlsProtocol) + ')');
    if (!envelope.tlsCipher.isEmpty())
        by.append("tls " + sanitizedToken(envelope.tlsCipher));
    appendFolded(out, "\t", by);

    appendFolded(out, "\t", {QByteArrayLiteral("(Mailport " MAILPORT_VERSION ")")});
    if (!envelope.sender.isEmpty())
        appendFolded(out, "\t", {"(envelope-from <" + sanitized(envelope.sender) + ">)"});

    const bool single = envelope.recipients.size() == 1;
    appendFolded(out, "\t", {"id " + sanitizedToken(messageId) + (single ? "" : ";")});
    if (single)
        appendFolded(out, "\t", {"for " + sanitized(envelope.recipients.constFirst()) + ';'});

    const QDateTime arrival
        = envelope.arrival.isValid() ? envelope.arrival : QDateTime::currentDateTime();
    appendFolded(out, "\t", {formatDate(arrival)});
    return out;
}

QByteArray render(const SpoolEnvelope &envelope, const QString &messageId)
{
    QByteArray out;
    out += QByteArray(ReturnPath) + ": <" + sanitized(envelope.sender) + ">\r\n";
    if (!envelope.recipients.isEmpty()) {
        QList<QByteArray> recipients;
        recipients.reserve(envelope.recipients.size());
        for (const QString &recipient : envelope.recipients)
            recipients.append(sanitized(recipient) + ',');
        recipients.last().chop(1);
        appendFolded(out, QByteArray(EnvelopeTo) + ": ", recipients);
    }
    out += renderReceived(envelope, messageId);
    return out;
}

bool parseAddressLiteral(QStringView text, QHostAddress *address, quint16 *port)
{
    QStringView host = text;
    QStringView portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return false;
        host = text.sliced(1, close - 1);
        const QStringView rest = text.sliced(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':'))
                return false;
            portText = rest.sliced(1);
        }
        if (host.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive))
            host = host.sliced(5);
    }
    QHostAddress parsed;
    if (!parsed.setAddress(host.toString()))
        return false;
    quint16 parsedPort = 0;
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint value = portText.toUInt(&ok);
        if (!ok || value > 65535 || portText.size() > 5)
            return false;
        parsedPort = quint16(value);
    }
    if (address)
        *address = parsed;
    if (port)
        *port = parsedPort;
    return true;
}

QString parseReturnPath(QByteArrayView value)
{
    return stripAngles(value);
}

QStringList parseAddressList(QByteArrayView value)
{
    QStringList addresses;
    QByteArray current;
    bool quoted = false;
    int angle = 0;
    auto flush = [&]() {
        const QString address = stripAngles(current);
        if (!address.trimmed().isEmpty())
            addresses.append(address.trimmed());
        current.clear();
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (quoted && c == '\\' && i + 1 < value.size()) {
            current += c;
            current += value[++i];
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '<')
            ++angle;
        else if (!quoted && c == '>' && angle > 0)
            --angle;
        else if (!quoted && angle == 0 && c == ',') {
            flush();
            continue;
        }
        current += (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
    }
    flush();
    return addresses;
}

ReceivedFields parseReceived(QByteArrayView value)
{
    ReceivedFields fields;
    const QByteArray line = value.toByteArray().simplified();

    QByteArrayView main = line;
    const qsizetype semicolon = line.lastIndexOf(';');
    if (semicolon >= 0) {
        QByteArray dateText = line.mid(semicolon + 1).trimmed();
        // A trailing zone comment such as "(UTC)" is legal but not something Qt parses.
        if (dateText.endsWith(')')) {
            const qsizetype open = dateText.lastIndexOf('(');
            if (open > 0)
                dateText = dateText.left(open).trimmed();
        }
        fields.date = QDateTime::fromString(QString::fromLatin1(dateText), Qt::RFC2822Date);
        main = QByteArrayView(line).first(semicolon);
    }

    enum class Clause { None, From, By, With, Tls, Id, For, Via };
    Clause clause = Clause::None;
    Clause pending = Clause::None;
    for (const Token &token : tokenize(main)) {
        if (token.comment) {
            const QByteArray &text = token.text;
            if (text.startsWith("envelope-from ") || text == "envelope-from") {
                fields.envelopeFrom = stripAngles(QByteArrayView(text).sliced(13));
            } else if (clause == Clause::From) {
                for (const QByteArray &item : text.split(' ')) {
                    const QString itemText = decodeUtf8OrLatin1(item);
                    if (item.startsWith("port=")) {
                        bool ok = false;
                        const uint port = item.mid(5).toUInt(&ok);
                        if (ok && port <= 65535)
                            fields.clientPort = quint16(port);
                    } else if (item.startsWith("helo=")) {
                        fields.heloName = itemText.mid(5);
                    } else if (item.startsWith("proxy=")) {
                        parseAddressLiteral(QStringView(itemText).sliced(6), &fields.proxyAddress,
                                            &fields.proxyPort);
                    } else if (item.startsWith('[')) {
                        // Exim's form with a host name: "name ([192.0.2.1]:port helo=...)".
                        parseAddressLiteral(itemText, &fields.clientAddress, &fields.clientPort);
                    }
                }
            } else if (clause == Clause::By && text.startsWith('[')) {
                parseAddressLiteral(decodeUtf8OrLatin1(text), &fields.listenerAddress,
                                    &fields.listenerPort);
            } else if (clause == Clause::With && !text.contains(' ')) {
                fields.tlsProtocol = decodeUtf8OrLatin1(text);
            } else if (looksLikeSoftware(text)) {
                fields.software = decodeUtf8OrLatin1(text);
            }
            continue;
        }

        const QByteArray &word = token.text;
        if (pending != Clause::None) {
            const QString text = decodeUtf8OrLatin1(word);
            switch (pending) {
            case Clause::From:
                fields.clientHost = text;
                parseAddressLiteral(text, &fields.clientAddress, nullptr);
                break;
            case Clause::By:
                fields.receivingHost = text;
                break;
            case Clause::With:
                fields.protocol = text;
                break;
            case Clause::Tls:
                fields.tlsCipher = text;
                break;
            case Clause::Id:
                fields.id = text;
                break;
            case Clause::For:
                fields.forRecipient = stripAngles(word);
                break;
            case Clause::Via:
            case Clause::None:
                break;
            }
            clause = pending;
            pending = Clause::None;
            continue;
        }
        const QByteArray keyword = word.toLower();
        if (keyword == "from")
            pending = Clause::From;
        else if (keyword == "by")
            pending = Clause::By;
        else if (keyword == "with")
            pending = Clause::With;
        else if (keyword == "tls")
            pending = Clause::Tls;
        else if (keyword == "id")
            pending = Clause::Id;
        else if (keyword == "for")
            pending = Clause::For;
        else if (keyword == "via")
            pending = Clause::Via;
        else
            clause = Clause::None;
    }
    return fields;
}

} // namespace Mailport::SpoolHeaders
