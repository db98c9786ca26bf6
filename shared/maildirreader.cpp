#include "maildirreader.h"

#include "spoolheaders.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>
#include <optional>

namespace Mailport {

namespace {

constexpr qint64 ReadChunk = 8 * 1024;
constexpr qsizetype MaxEncodedWord = 1000;

QString utf8OrLatin1(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return QString::fromLatin1(bytes);
    return text;
}

QString windows1252(QByteArrayView bytes)
{
    // Only 0x80-0x9f differ from Latin-1; 0 marks the five undefined positions.
    static constexpr char16_t high[32]
        = {0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
           0x2039, 0x0152, 0,      0x017d, 0,      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
           0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178};
    QString out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 && u < 0xa0)
            out += QChar(high[u - 0x80] ? high[u - 0x80] : char16_t(0xfffd));
        else
            out += QChar(char16_t(u));
    }
    return out;
}

std::optional<QString> decodeCharset(QByteArray charset, const QByteArray &bytes)
{
    // RFC 2231 allows a language after the charset: "utf-8*en".
    const qsizetype star = charset.indexOf('*');
    if (star >= 0)
        charset.truncate(star);
    charset = charset.toLower();
    if (charset == "utf-8" || charset == "utf8") {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        return QString(decoder(bytes));
    }
    if (charset == "us-ascii" || charset == "ascii" || charset == "iso-8859-1"
        || charset == "iso8859-1" || charset == "iso_8859-1" || charset == "latin1")
        return QString::fromLatin1(bytes);
    if (charset == "windows-1252" || charset == "cp1252")
        return windows1252(bytes);
    return std::nullopt;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray decodeQ(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0
                   && hexValue(text[i + 2]) >= 0) {
            out += char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

// Decodes the encoded word starting at @p start ("=?charset?X?text?="); on success sets @p end to
// just past it.
std::optional<QString> decodeEncodedWord(QByteArrayView value, qsizetype start, qsizetype *end)
{
    const qsizetype limit = qMin(value.size(), start + MaxEncodedWord);
    qsizetype i = start + 2;
    const qsizetype charsetStart = i;
    while (i < limit && value[i] != '?' && value[i] != ' ' && value[i] != '\t')
        ++i;
    if (i >= limit || value[i] != '?' || i == charsetStart)
        return std::nullopt;
    const QByteArray charset = value.sliced(charsetStart, i - charsetStart).toByteArray();
    if (i + 2 >= limit || value[i + 2] != '?')
        return std::nullopt;
    const char encoding = value[i + 1];
    i += 3;
    const qsizetype textStart = i;
    while (i + 1 < limit && !(value[i] == '?' && value[i + 1] == '=')) {
        if (value[i] == ' ' || value[i] == '\t' || value[i] == '?')
            return std::nullopt;
        ++i;
    }
    if (i + 1 >= limit)
        return std::nullopt;
    const QByteArrayView text = value.sliced(textStart, i - textStart);

    QByteArray bytes;
    if (encoding == 'B' || encoding == 'b') {
        QByteArray padded = text.toByteArray();
        while (padded.size() % 4)
            padded += '=';
        auto decoded
            = QByteArray::fromBase64Encoding(padded, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        bytes = *decoded;
    } else if (encoding == 'Q' || encoding == 'q') {
        bytes = decodeQ(text);
    } else {
        return std::nullopt;
    }
    std::optional<QString> decoded = decodeCharset(charset, bytes);
    if (decoded)
        *end = i + 2;
    return decoded;
}

// Joins continuation lines (CRLF or LF followed by whitespace) as RFC 5322 unfolding does.
QByteArray unfold(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c != '\r' && c != '\n')
            out += c;
    }
    return out.trimmed();
}

bool isHeaderNameChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 33 && u <= 126 && c != ':';
}

qint64 timeFromFileName(const QString &fileName)
{
    const qsizetype dot = fileName.indexOf(u'.');
    if (dot <= 0)
        return -1;
    bool ok = false;
    const qint64 seconds = QStringView(fileName).first(dot).toLongLong(&ok);
    return ok ? seconds : -1;
}

struct Candidate
{
    QFileInfo info;
    bool isNew = true;
    qint64 sortTime = 0;
};

// Reads until the blank line that ends the header block, end of file or the read limit. Returns
// std::nullopt with @p error set when the file cannot be read.
std::optional<QByteArray> readHeaderBlock(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    QByteArray block;
    bool complete = false;
    while (block.size() < MaildirReader::HeaderReadLimit) {
        const qint64 want = qMin(ReadChunk, MaildirReader::HeaderReadLimit - block.size());
        const QByteArray chunk = file.read(want);
        if (chunk.isEmpty()) {
            if (file.error() != QFileDevice::NoError) {
                *error = file.errorString();
                return std::nullopt;
            }
            complete = true;
            break;
        }
        const qsizetype searchFrom = qMax<qsizetype>(0, block.size() - 2);
        block += chunk;
        const qsizetype lf = block.indexOf("\n\n", searchFrom);
        const qsizetype crlf = block.indexOf("\n\r\n", searchFrom);
        if (lf >= 0 || crlf >= 0) {
            complete = true;
            break;
        }
    }
    // A line cut by the read limit would parse as a shorter, wrong value.
    if (!complete) {
        const qsizetype lastLf = block.lastIndexOf('\n');
        block.truncate(lastLf + 1);
    }
    return block;
}

} // namespace

MaildirReader::MaildirReader(const QString &directory)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{}

QString MaildirReader::decodeHeaderText(QByteArrayView value)
{
    QString out;
    QByteArray raw;        // undecoded text not yet appended
    QByteArray whitespace; // dropped when it separates two encoded words (RFC 2047 6.2)
    bool lastWasEncoded = false;
    const auto flushRaw = [&]() {
        if (!raw.isEmpty())
            out += utf8OrLatin1(raw);
        raw.clear();
    };
    qsizetype i = 0;
    while (i < value.size()) {
        const char c = value[i];
        if (c == '=' && i + 1 < value.size() && value[i + 1] == '?') {
            qsizetype end = 0;
            if (std::optional<QString> word = decodeEncodedWord(value, i, &end)) {
                if (!lastWasEncoded)
                    raw += whitespace;
                whitespace.clear();
                flushRaw();
                out += *word;
                lastWasEncoded = true;
                i = end;
                continue;
            }
        }
        if (c == ' ' || c == '\t') {
            whitespace += c;
            ++i;
            continue;
        }
        raw += whitespace;
        whitespace.clear();
        raw += c;
        lastWasEncoded = false;
        ++i;
    }
    raw += whitespace;
    flushRaw();
    return out;
}

bool MaildirReader::parseHeaderBlock(QByteArrayView block, SpoolMessage *message, QString *error)
{
    struct Header
    {
        QByteArray name;
        QByteArray value;
    };
    QList<Header> headers;
    qsizetype pos = 0;
    while (pos < block.size()) {
        qsizetype end = block.indexOf('\n', pos);
        const qsizetype next = end < 0 ? block.size() : end + 1;
        if (end < 0)
            end = block.size();
        QByteArrayView line = block.sliced(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = next;
        if (line.isEmpty())
            break;
        if (line.contains('\0')) {
            *error = QStringLiteral("binary data in the header block");
            return false;
        }
        if (line.front() == ' ' || line.front() == '\t') {
            if (headers.isEmpty()) {
                *error = QStringLiteral("starts with a continuation line");
                return false;
            }
            headers.last().value += "\r\n" + line.toByteArray();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const bool validName
            = colon > 0 && std::all_of(line.begin(), line.begin() + colon, isHeaderNameChar);
        if (!validName) {
            if (headers.isEmpty()) {
                *error = QStringLiteral("does not start with a mail header");
                return false;
            }
            break; // a malformed line ends the header block; what follows counts as body
        }
        headers.append({line.first(colon).toByteArray(), line.sliced(colon + 1).toByteArray()});
    }
    if (headers.isEmpty()) {
        *error = QStringLiteral("no header block");
        return false;
    }

    const auto first = [&](QByteArrayView name) -> std::optional<QByteArray> {
        for (const Header &header : std::as_const(headers)) {
            if (header.name.compare(name, Qt::CaseInsensitive) == 0)
                return header.value;
        }
        return std::nullopt;
    };

    const std::optional<QByteArray> received = first(SpoolHeaders::Received);
    const ReceivedFields fields
        = received ? SpoolHeaders::parseReceived(*received) : ReceivedFields{};

    if (const auto returnPath = first(SpoolHeaders::ReturnPath))
        message->sender = SpoolHeaders::parseReturnPath(unfold(*returnPath));
    else
        message->sender = fields.envelopeFrom;
    if (const auto envelopeTo = first(SpoolHeaders::EnvelopeTo))
        message->recipients = SpoolHeaders::parseAddressList(unfold(*envelopeTo));
    else if (!fields.forRecipient.isEmpty())
        message->recipients = QStringList{fields.forRecipient};
    else
        message->recipients.clear();

    const auto subject = first("subject");
    message->subject = subject ? decodeHeaderText(unfold(*subject)) : QString();
    const auto from = first("from");
    message->from = from ? decodeHeaderText(unfold(*from)) : QString();

    message->arrival = fields.date;
    message->listenerAddress = fields.listenerAddress;
    message->listenerPort = fields.listenerPort;
    message->clientAddress = fields.clientAddress;
    message->clientPort = fields.clientPort;
    message->proxyAddress = fields.proxyAddress;
    message->proxyPort = fields.proxyPort;
    message->heloName = fields.heloName;
    message->tlsProtocol = fields.tlsProtocol;
    message->tlsCipher = fields.tlsCipher;
    message->protocol = fields.protocol;
    message->receivingHost = fields.receivingHost;
    return true;
}

QString MaildirReader::idFromFileName(const QString &fileName)
{
    QString base = fileName;
    const qsizetype colon = base.indexOf(u':');
    if (colon >= 0)
        base.truncate(colon);
    const QStringList parts = base.split(u'.');
    return parts.size() >= 3 ? parts.at(1) : base;
}

MaildirReader::Listing MaildirReader::list(int limit) const
{
    Listing listing;
    QList<Candidate> candidates;
    for (const bool isNew : {true, false}) {
        const QString folder
            = m_directory + (isNew ? QLatin1String("/new") : QLatin1String("/cur"));
        const QDir dir(folder);
        if (!dir.exists()) {
            listing.notes.append(QStringLiteral("%1 does not exist").arg(folder));
            continue;
        }
        // Maildir readers ignore dot files; they are not messages.
        const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot);
        for (const QFileInfo &info : entries) {
            const qint64 nameTime = timeFromFileName(info.fileName());
            candidates.append(
                {info, isNew, nameTime >= 0 ? nameTime : info.lastModified().toSecsSinceEpoch()});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.sortTime != b.sortTime)
            return a.sortTime > b.sortTime;
        return a.info.fileName() > b.info.fileName();
    });

    for (const Candidate &candidate : std::as_const(candidates)) {
        if (limit >= 0 && listing.messages.size() >= limit)
            break;
        const QString path = candidate.info.absoluteFilePath();
        QString error;
        const std::optional<QByteArray> block = readHeaderBlock(path, &error);
        SpoolMessage message;
        if (!block) {
            listing.notes.append(QStringLiteral("Skipped %1: %2").arg(path, error));
            continue;
        }
        if (!parseHeaderBlock(*block, &message, &error)) {
            listing.notes.append(QStringLiteral("Skipped %1: %2").arg(path, error));
            continue;
        }
        message.filePath = path;
        message.id = idFromFileName(candidate.info.fileName());
        message.isNew = candidate.isNew;
        message.size = candidate.info.size();
        if (!message.arrival.isValid()) {
            const qint64 nameTime = timeFromFileName(candidate.info.fileName());
            message.arrival = nameTime >= 0 ? QDateTime::fromSecsSinceEpoch(nameTime)
                                            : candidate.info.lastModified();
        }
        listing.messages.append(message);
    }

    std::stable_sort(
        listing.messages.begin(), listing.messages.end(),
        [](const SpoolMessage &a, const SpoolMessage &b) { return a.arrival > b.arrival; });
    return listing;
}

MaildirReader::RawMessage MaildirReader::readRaw(const QString &id, qint64 maxBytes) const
{
    RawMessage raw;
    if (id.isEmpty()) {
        raw.error = QStringLiteral("No message id given");
        return raw;
    }
    // The id is only ever compared with directory entries, never used to build a path, so an id
    // from a control client cannot name a file outside the spool.
    for (const char *sub : {"/new", "/cur"}) {
        const QDir dir(m_directory + QLatin1String(sub));
        const QStringList names = dir.entryList(QDir::Files | QDir::NoDotAndDotDot);
        for (const QString &name : names) {
            if (idFromFileName(name) != id)
                continue;
            QFile file(dir.filePath(name));
            // A mail reader may have moved it from new/ to cur/ meanwhile: keep looking.
            if (!file.open(QIODevice::ReadOnly))
                continue;
            raw.size = file.size();
            raw.data = file.read(qMax<qint64>(maxBytes, 0));
            if (file.error() != QFileDevice::NoError) {
                raw.data.clear();
                raw.error
                    = QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString());
                return raw;
            }
            raw.truncated = raw.data.size() < raw.size;
            raw.ok = true;
            return raw;
        }
    }
    raw.error = QStringLiteral("No message with id %1 in %2").arg(id, m_directory);
    return raw;
}

} // namespace Mailport
