#pragma once

#include <QCoreApplication>

#include "configfile.h"
#include "diagnostic.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Mailport {

/// The kinds of value Mailport's options take, read as Exim reads them.
enum class OptionType { String, List, Bool, Int, Time, Size };

/// One option Mailport understands (listening.md §1).
struct OptionSpec
{
    const char *name;
    OptionType type;
    const char *defaultValue; ///< as Exim's -bP prints it; nullptr when unset
    const char *aliasOf; ///< another entry for the same variable (daemon_smtp_port), or nullptr
};

/// The value of one option: what the file said (or the default) and where.
struct OptionValue
{
    QString text;       ///< the value as stored (the default when not set)
    bool isSet = false; ///< set in the file, rather than Exim's default
    ConfigEntry entry;  ///< the setting in the file, when isSet

    /// The file position of a character of the value; line 0 when the value is a default.
    SourceSpan position(int offset) const;
};

/// The listening, daemon, TLS and PROXY options of a configuration, with Exim's defaults.
/// It keeps the ConfigFile it was read from, so positions stay valid and edits write back.
class Configuration final
{
    Q_DECLARE_TR_FUNCTIONS(Configuration)

public:
    enum class Mode {
        Strict, ///< a Mailport file: unknown options are errors
        Import, ///< an exim.conf: only Mailport's options are taken, the rest is reported
    };

    Configuration();

    /// Reads and validates @p data. Diagnostics name the line and column of every problem; the
    /// returned configuration holds what could be read, with defaults for the rest.
    static Configuration parse(const QByteArray &data, Diagnostics *diagnostics,
                               Mode mode = Mode::Strict);

    static const QList<OptionSpec> &options();
    static const OptionSpec *spec(const QString &name);

    OptionValue value(const QString &name) const;
    QString text(const QString &name) const { return value(name).text; }
    bool boolValue(const QString &name) const;
    /// Integer, time (seconds) and size (bytes) options; -1 when unset.
    qint64 number(const QString &name) const;

    const ConfigFile &file() const { return m_file; }
    ConfigFile &file() { return m_file; }

    /// Changes an option in the underlying file (removing it restores Exim's default).
    void set(const QString &name, const QString &value);
    void setBool(const QString &name, bool value);
    void unset(const QString &name);

    /// Parses a value of @p type as Exim would: `5m`, `50M`, `true`. Returns false if malformed.
    static bool parseNumber(OptionType type, const QString &text, qint64 *out);
    static bool parseBool(const QString &text, bool *out);

    /// `name = value` lines in Exim's -bP format for @p names (all options when empty); unknown
    /// names print `name: unknown option`.
    QStringList printOptions(const QStringList &names) const;

private:
    void index(Diagnostics *diagnostics, Mode mode);

    ConfigFile m_file;
    QHash<QString, int> m_set; ///< variable name (aliases resolved) -> index of its last entry
};

} // namespace Mailport
