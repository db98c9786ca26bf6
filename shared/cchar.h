#pragma once

#include <QChar>

namespace Mailport {

// Exim and sendmail classify characters with the C locale's <ctype.h>; Unicode-aware QChar
// functions would disagree on non-ASCII text, so every parser here uses these.

inline bool isCSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f';
}

inline bool isCControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f;
}

inline bool isCPunct(QChar c)
{
    const char16_t u = c.unicode();
    return u > 0x20 && u < 0x7f
           && !((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z'));
}

} // namespace Mailport
