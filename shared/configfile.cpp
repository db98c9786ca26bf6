#include "configfile.h"
#include "cchar.h"

#include <QStringDecoder>

#include <algorithm>

namespace Mailport {

namespace {

QStringView rstripped(QStringView s)
{
    qsizetype end = s.size();
    while (end > 0 && isCSpace(s[end - 1]))
        --end;
    return s.left(end);
}

qsizetype skipSpace(QStringView s, qsizetype pos)
{
    while (pos < s.size() && isCSpace(s[pos]))
        ++pos;
    return pos;
}

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
           || c == u'_';
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

// Exim's escape processing inside a quoted value; returns the index just past the closing quote,
// or -1 when the string is not terminated.
qsizetype dequote(QStringView s, qsizetype pos, QString *out)
{
    ++pos; // opening quote
    while (pos < s.size()) {
        QChar c = s[pos];
        if (c == u'"')
            return pos + 1;
        if (c != u'\\' || pos + 1 >= s.size()) {
            out->append(c);
            ++pos;
            continue;
        }
        c = s[++pos];
        ++pos;
        switch (c.unicode()) {
        case u'n':
            out->append(u'\n');
            break;
        case u't':
            out->append(u'\t');
            break;
        case u'r':
            out->append(u'\r');
            break;
        case u'b':
            out->append(QChar(8));
            break;
        case u'f':
            out->append(QChar(12));
            break;
        case u'v':
            out->append(QChar(11));
            break;
        case u'x': {
            int value = 0;
            int digits = 0;
            while (digits < 2 && pos < s.size() && hexValue(s[pos]) >= 0) {
                value = value * 16 + hexValue(s[pos++]);
                ++digits;
            }
            out->append(digits ? QChar(value) : QChar(u'x'));
            break;
        }
        default:
            if (c >= u'0' && c <= u'7') {
                int value = c.unicode() - u'0';
                for (int digits = 1;
                     digits < 3 && pos < s.size() && s[pos] >= u'0' && s[pos] <= u'7'; ++digits)
                    value = value * 8 + (s[pos++].unicode() - u'0');
                out->append(QChar(value));
            } else {
                out->append(c);
            }
        }
    }
    return -1;
}

Diagnostic syntaxError(int line, int column, const QString &item, const QString &message,
                       DiagnosticCode code = DiagnosticCode::SyntaxError)
{
    return Diagnostic{Severity::Error, code, QString(), item, line, column, message};
}

} // namespace

SourceSpan ConfigEntry::position(int valueOffset) const
{
    if (spans.isEmpty())
        return SourceSpan{valueOffset, firstLine, nameColumn};
    // Spans are in value order; a long continued list has one per line, so search, don't scan.
    auto it = std::upper_bound(
        spans.cbegin(), spans.cend(), valueOffset,
        [](int offset, const SourceSpan &span) { return offset < span.valueOffset; });
    const SourceSpan &best = it == spans.cbegin() ? spans.first() : *(it - 1);
    return SourceSpan{valueOffset, best.line, best.column + (valueOffset - best.valueOffset)};
}

ConfigFile ConfigFile::parse(const QByteArray &data, Diagnostics *diagnostics)
{
    // Decode line by line so that an invalid byte is reported on its own line, and the rest of
    // the file still reads.
    QStringList lines;
    QList<int> badLines;
    const QList<QByteArray> rawLines = data.split('\n');
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        const QByteArray &raw = rawLines[i];
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString line = decoder.decode(raw);
        const int lineNo = int(i) + 1;
        if (decoder.hasError()) {
            badLines.append(lineNo);
            if (diagnostics)
                diagnostics->append(
                    syntaxError(lineNo, 1, QString(),
                                ConfigFile::tr("Line %1 is not valid UTF-8 text.").arg(lineNo)));
        } else if (raw.contains('\0')) {
            badLines.append(lineNo);
            if (diagnostics)
                diagnostics->append(
                    syntaxError(lineNo, int(raw.indexOf('\0')) + 1, QString(),
                                ConfigFile::tr("Line %1 contains a NUL byte.").arg(lineNo)));
        }
        lines.append(line);
    }
    QString text = lines.join(u'\n');
    ConfigFile file = parse(text, diagnostics);
    // Lines that could not be decoded must not produce settings: they were replaced above.
    for (int bad : badLines) {
        file.m_entries.erase(std::remove_if(file.m_entries.begin(), file.m_entries.end(),
                                            [bad](const ConfigEntry &e) {
                                                return bad >= e.firstLine && bad <= e.lastLine;
                                            }),
                             file.m_entries.end());
    }
    return file;
}

ConfigFile ConfigFile::parse(const QString &text, Diagnostics *diagnostics)
{
    ConfigFile file;
    file.m_lines = text.split(u'\n');
    if (file.m_lines.size() > 1 && file.m_lines.last().isEmpty())
        file.m_lines.removeLast();
    else
        file.m_finalNewline = text.isEmpty();
    if (!file.m_lines.isEmpty() && file.m_lines.first().endsWith(u'\r')) {
        file.m_lineEnd = QStringLiteral("\r\n");
        for (QString &line : file.m_lines) {
            if (line.endsWith(u'\r'))
                line.chop(1);
        }
    }
    if (text.isEmpty())
        file.m_lines.clear();

    const auto report = [diagnostics](const Diagnostic &d) {
        if (diagnostics)
            diagnostics->append(d);
    };

    file.m_mainEnd = int(file.m_lines.size());
    for (int i = 0; i < file.m_lines.size(); ++i) {
        const QStringView physical = rstripped(file.m_lines[i]);
        const qsizetype start = skipSpace(physical, 0);
        if (start >= physical.size() || physical[start] == u'#')
            continue;
        if (physical.mid(start).startsWith(QLatin1String("begin"))
            && (physical.size() == start + 5 || isCSpace(physical[start + 5]))) {
            file.m_mainEnd = i;
            break;
        }

        // Join continuation lines; nothing is inserted at a join (rule 1.2).
        ConfigEntry entry;
        entry.firstLine = i + 1;
        QString logical = physical.toString();
        QList<QPair<int, SourceSpan>> pieces; // logical offset -> position
        pieces.append({0, SourceSpan{0, i + 1, 1}});
        while (logical.endsWith(u'\\') && i + 1 < file.m_lines.size()) {
            logical.chop(1);
            ++i;
            const QStringView next = rstripped(file.m_lines[i]);
            const qsizetype lead = skipSpace(next, 0);
            pieces.append({int(logical.size()), SourceSpan{0, i + 1, int(lead) + 1}});
            logical += next.mid(lead);
        }
        entry.lastLine = i + 1;

        const QStringView line(logical);
        qsizetype pos = start;
        entry.nameColumn = int(start) + 1;
        if (line[pos] == u'.') {
            report(syntaxError(entry.firstLine, entry.nameColumn, line.mid(pos).toString(),
                               ConfigFile::tr("Configuration directives such as \"%1\" are not "
                                              "supported by Mailport.")
                                   .arg(line.mid(pos).split(u' ').first().toString())));
            continue;
        }
        while (pos < line.size() && isNameChar(line[pos]))
            ++pos;
        entry.name = line.mid(start, pos - start).toString();
        if (entry.name.isEmpty() || !line[start].isLetter()) {
            report(syntaxError(entry.firstLine, entry.nameColumn, line.mid(start, 40).toString(),
                               ConfigFile::tr("Expected an option name at the start of line %1.")
                                   .arg(entry.firstLine)));
            continue;
        }
        if (line[start].isUpper()) {
            report(syntaxError(entry.firstLine, entry.nameColumn, entry.name,
                               ConfigFile::tr("Macro definitions (\"%1\") are not supported by "
                                              "Mailport.")
                                   .arg(entry.name)));
            continue;
        }
        pos = skipSpace(line, pos);
        if (pos < line.size() && line[pos] != u'=') {
            report(syntaxError(
                entry.firstLine, int(pos) + 1, entry.name,
                ConfigFile::tr("Expected \"=\" after the option name \"%1\".").arg(entry.name)));
            continue;
        }
        int valueStart = int(line.size());
        if (pos < line.size()) {
            entry.hasEquals = true;
            pos = skipSpace(line, pos + 1);
            valueStart = int(pos);
            if (pos < line.size() && line[pos] == u'"') {
                entry.quoted = true;
                const qsizetype end = dequote(line, pos, &entry.value);
                if (end < 0) {
                    report(syntaxError(entry.firstLine, valueStart + 1, line.mid(pos).toString(),
                                       ConfigFile::tr("The quoted value of \"%1\" has no closing "
                                                      "quote.")
                                           .arg(entry.name),
                                       DiagnosticCode::BadValue));
                    continue;
                }
                if (skipSpace(line, end) < line.size()) {
                    report(syntaxError(entry.firstLine, int(end) + 1, line.mid(end).toString(),
                                       ConfigFile::tr("Unexpected text after the quoted value of "
                                                      "\"%1\".")
                                           .arg(entry.name),
                                       DiagnosticCode::BadValue));
                    continue;
                }
                ++valueStart; // positions point into the quoted text
            } else {
                entry.value = line.mid(pos).toString();
            }
        }
        for (const auto &[logicalOffset, span] : pieces) {
            SourceSpan s = span;
            s.valueOffset = logicalOffset - valueStart;
            entry.spans.append(s);
        }
        file.m_entries.append(entry);
    }
    return file;
}

const ConfigEntry *ConfigFile::find(const QString &name) const
{
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (it->name == name)
            return &*it;
    }
    return nullptr;
}

namespace {

// Exim's escapes for control characters; inside a quoted value also for `"` and `\`.
QString escaped(const QString &value, bool quoted)
{
    QString out;
    for (const QChar c : value) {
        if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\t')
            out += QLatin1String("\\t");
        else if (c == u'\r')
            out += QLatin1String("\\r");
        else if (quoted && (c == u'"' || c == u'\\'))
            out += u'\\' + QString(c);
        else if (isCControl(c))
            out += quoted ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QChar(u'0'))
                          : QStringLiteral("\\%1").arg(c.unicode(), 3, 8, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

} // namespace

QString ConfigFile::formatValue(const QString &value)
{
    bool needsQuotes = value.startsWith(u'"') || value.endsWith(u'\\');
    if (!value.isEmpty() && (isCSpace(value.front()) || isCSpace(value.back())))
        needsQuotes = true;
    for (const QChar c : value)
        needsQuotes = needsQuotes || isCControl(c);
    return needsQuotes ? u'"' + escaped(value, true) + u'"' : value;
}

QString ConfigFile::printable(const QString &value)
{
    return escaped(value, false);
}

void ConfigFile::reparse()
{
    ConfigFile again = parse(toText(), nullptr);
    m_entries = again.m_entries;
    m_mainEnd = again.m_mainEnd;
}

void ConfigFile::setValue(const QString &name, const QString &value)
{
    const QString line = name + QLatin1String(" = ") + formatValue(value);
    if (const ConfigEntry *entry = find(name)) {
        if (entry->hasEquals && entry->value == value)
            return;
        const int first = entry->firstLine - 1;
        const int count = entry->lastLine - entry->firstLine + 1;
        m_lines.remove(first, count);
        m_lines.insert(first, line);
    } else {
        appendToMainSection(line);
    }
    reparse();
}

void ConfigFile::appendToMainSection(const QString &line)
{
    // After the last setting of the main section, before the blank lines that end it.
    int at = m_mainEnd;
    while (at > 0 && m_lines[at - 1].trimmed().isEmpty())
        --at;
    m_lines.insert(at, line);
}

void ConfigFile::setBool(const QString &name, bool value)
{
    const QString spelling = value ? name : QLatin1String("no_") + name;
    const ConfigEntry *current = nullptr;
    for (const ConfigEntry &e : m_entries) {
        if (e.name == name || e.name == QLatin1String("no_") + name
            || e.name == QLatin1String("not_") + name)
            current = &e;
    }
    if (current && !current->hasEquals && current->name == spelling)
        return;
    if (current) {
        const int first = current->firstLine - 1;
        m_lines.remove(first, current->lastLine - current->firstLine + 1);
        m_lines.insert(first, spelling);
        reparse();
        return;
    }
    appendToMainSection(spelling);
    reparse();
}

void ConfigFile::remove(const QString &name)
{
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        const ConfigEntry &e = m_entries[i];
        if (e.name == name || e.name == QLatin1String("no_") + name
            || e.name == QLatin1String("not_") + name)
            m_lines.remove(e.firstLine - 1, e.lastLine - e.firstLine + 1);
    }
    reparse();
}

QString ConfigFile::toText() const
{
    QString out = m_lines.join(m_lineEnd);
    if (m_finalNewline && !m_lines.isEmpty())
        out += m_lineEnd;
    return out;
}

} // namespace Mailport
