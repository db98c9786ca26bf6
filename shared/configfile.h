#pragma once

#include <QCoreApplication>

#include "diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mailport {

/// Where one stretch of a logical option value sits in the file.
struct SourceSpan
{
    int valueOffset = 0; ///< first value character of this stretch
    int line = 0;        ///< 1-based physical line
    int column = 0;      ///< 1-based column of that character
};

/// One `name = value` setting as Exim reads it (exim-rules.md §1).
struct ConfigEntry
{
    QString name;           ///< as spelled, including a `no_` / `not_` prefix
    QString value;          ///< after continuation joining and quote processing
    bool hasEquals = false; ///< false for a bare boolean such as `disable_ipv6`
    bool quoted = false;
    int firstLine = 0; ///< 1-based first physical line of the setting
    int lastLine = 0;  ///< 1-based last physical line (continuations)
    int nameColumn = 1;
    QList<SourceSpan> spans;

    /// The file position of a character of the value (offsets past the end map to the end).
    SourceSpan position(int valueOffset) const;
};

/// The text of an Exim-syntax configuration file: reads its option settings with positions, and
/// writes changes back while keeping every untouched line (comments, order, spelling) as it was.
class ConfigFile final
{
    Q_DECLARE_TR_FUNCTIONS(ConfigFile)

public:
    /// Reads @p data. Lines that are not settings (syntax errors, invalid UTF-8, NUL bytes) are
    /// reported in @p diagnostics and skipped; the text itself is always kept for writing.
    static ConfigFile parse(const QByteArray &data, Diagnostics *diagnostics);
    static ConfigFile parse(const QString &text, Diagnostics *diagnostics);

    const QList<ConfigEntry> &entries() const { return m_entries; }
    /// Lines after `begin <section>`: Exim's ACLs, routers and the like, which Mailport ignores.
    int mainSectionEnd() const { return m_mainEnd; }
    bool hasOtherSections() const { return m_mainEnd < m_lines.size(); }

    /// The last entry for @p name (exact spelling), or nullptr.
    const ConfigEntry *find(const QString &name) const;

    /// Sets @p name to @p value: rewrites that setting's lines in place, or appends a new line at
    /// the end of the main section. A value that is already what the file says leaves it untouched.
    void setValue(const QString &name, const QString &value);
    /// Writes a boolean as Exim does: `name` or `no_name`, replacing any spelling of it.
    void setBool(const QString &name, bool value);
    /// Removes every setting of @p name (any `no_`/`not_` spelling for booleans).
    void remove(const QString &name);

    QString toText() const;

    /// The value as Exim's -bP prints it (control characters escaped).
    static QString printable(const QString &value);
    /// A value written so that parse() reads it back unchanged (quoted when needed).
    static QString formatValue(const QString &value);

private:
    void reparse();
    void appendToMainSection(const QString &line);

    QStringList m_lines; ///< physical lines without their line ends
    bool m_finalNewline = true;
    QString m_lineEnd = QStringLiteral("\n");
    QList<ConfigEntry> m_entries;
    int m_mainEnd = 0;
};

} // namespace Mailport
