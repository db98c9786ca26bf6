#pragma once

#include <QString>

namespace Mailport {

/// Something the GUI tells the user: a primary line and a detail line, both translated (the
/// detail may quote the daemon's or the system's English words).
struct UserMessage
{
    enum class Kind { Information, Warning, Error };

    Kind kind = Kind::Error;
    QString primary;
    QString detail;

    bool isNull() const { return primary.isEmpty(); }

    friend bool operator==(const UserMessage &, const UserMessage &) = default;
};

} // namespace Mailport
