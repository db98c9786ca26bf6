#include "eximlist.h"
#include "cchar.h"

namespace Mailport {

namespace {} // namespace

EximList::Parsed EximList::split(QStringView value)
{
    Parsed result;
    qsizetype pos = 0;
    const qsizetype size = value.size();
    while (pos < size && isCSpace(value[pos]))
        ++pos;
    if (pos < size && value[pos] == u'<') {
        if (pos + 1 >= size) {
            // A lone `<` is a change to the NUL separator with nothing after it (rule 2.3).
            result.separator = QChar(0);
            result.separatorChanged = true;
            return result;
        }
        const QChar next = value[pos + 1];
        if (isCPunct(next) || isCControl(next)) {
            result.separator = next;
            result.separatorChanged = true;
            pos += 2;
        }
    }
    const QChar sep = result.separator;
    const bool printingSeparator = !isCControl(sep);

    for (;;) {
        // Leading white space goes, but never a separator: with `<\n` two newlines in a row
        // enclose an empty item (rule 2.6).
        while (pos < size && isCSpace(value[pos]) && value[pos] != sep)
            ++pos;
        if (pos >= size)
            break;
        ListItem item;
        item.offset = int(pos);
        while (pos < size) {
            const QChar c = value[pos];
            if (c == sep) {
                if (printingSeparator && pos + 1 < size && value[pos + 1] == sep) {
                    item.text.append(sep);
                    pos += 2;
                    continue;
                }
                break;
            }
            item.text.append(c);
            ++pos;
        }
        // Trailing white space goes, except a white-space character that a backslash protects.
        qsizetype end = item.text.size();
        while (end > 0 && isCSpace(item.text[end - 1])
               && !(end >= 2 && item.text[end - 2] == u'\\'))
            --end;
        item.text.truncate(end);
        result.items.append(item);
        if (pos < size)
            ++pos; // the separator that ended the item
    }
    return result;
}

QChar EximList::chooseSeparator(const QStringList &items, QChar preferred)
{
    const auto unused = [&items](QChar sep) {
        for (const QString &item : items) {
            if (item.contains(sep))
                return false;
        }
        return true;
    };
    if (unused(preferred))
        return preferred;
    for (const QChar candidate : {u';', u',', u'|', u'@', u'#'}) {
        if (unused(candidate))
            return candidate;
    }
    return preferred; // doubling keeps it readable even when every candidate occurs
}

QString EximList::join(const QStringList &items, QChar preferred)
{
    const QChar sep = chooseSeparator(items, preferred);
    QString out;
    if (sep != u':') {
        out += u'<';
        out += sep;
        out += u' ';
    }
    const QString doubled = QString(sep) + sep;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += u' ';
            out += sep;
            out += u' ';
        }
        QString item = items[i];
        item.replace(sep, doubled);
        out += item;
    }
    return out;
}

} // namespace Mailport
