#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Mailport {

/// One element of an Exim list, with separator doubling already undone.
struct ListItem
{
    QString text;   ///< the item, de-doubled and trimmed as Exim reads it
    int offset = 0; ///< index of the item's first character in the list value

    friend bool operator==(const ListItem &, const ListItem &) = default;
};

/// Exim's list reader for non-expanded options (exim-rules.md §2): `<X` separator changes,
/// separator doubling, white space trimming, empty items and the ignored trailing separator.
class EximList final
{
public:
    struct Parsed
    {
        QChar separator = u':';
        bool separatorChanged = false; ///< the value starts with `<X`
        QList<ListItem> items;
    };

    static Parsed split(QStringView value);

    /// Writes items as one list value that split() reads back to the same items: doubles printing
    /// separators inside items and picks a separator (`<;` and so on) when `:` would be ambiguous.
    static QString join(const QStringList &items, QChar preferred = u':');

    /// The separator join() uses for these items: @p preferred unless some item contains it.
    static QChar chooseSeparator(const QStringList &items, QChar preferred = u':');
};

} // namespace Mailport
