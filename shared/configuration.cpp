#include "configuration.h"

#include "smtpbanner.h"

#include "logging.h"

namespace Mailport {

namespace {

const QLatin1String kNoPrefix("no_");
const QLatin1String kNotPrefix("not_");

// The one table of options Mailport understands, in the order -bP prints them.
const QList<OptionSpec> &optionTable()
{
    static const QList<OptionSpec> table = {
        {"local_interfaces", OptionType::List, "<; ::0 ; 0.0.0.0", nullptr},
        {"extra_local_interfaces", OptionType::List, "", nullptr},
        {"daemon_smtp_ports", OptionType::List, "smtp", nullptr},
        {"daemon_smtp_port", OptionType::List, "smtp", "daemon_smtp_ports"},
        {"tls_on_connect_ports", OptionType::List, "", nullptr},
        {"disable_ipv6", OptionType::Bool, "false", nullptr},
        {"smtp_connect_backlog", OptionType::Int, "20", nullptr},
        {"primary_hostname", OptionType::String, nullptr, nullptr},
        {"smtp_banner", OptionType::String, SmtpBanner::DefaultBanner, nullptr},
        {"smtp_accept_max", OptionType::Int, "20", nullptr},
        {"smtp_accept_max_per_host", OptionType::Int, nullptr, nullptr},
        {"smtp_receive_timeout", OptionType::Time, "5m", nullptr},
        {"message_size_limit", OptionType::Size, "50M", nullptr},
        {"recipients_max", OptionType::Int, "50000", nullptr},
        {"spool_directory", OptionType::String, nullptr, nullptr},
        {"log_file_path", OptionType::String, nullptr, nullptr},
        {"pid_file_path", OptionType::String, nullptr, nullptr},
        {"tls_certificate", OptionType::String, nullptr, nullptr},
        {"tls_privatekey", OptionType::String, nullptr, nullptr},
        {"tls_advertise_hosts", OptionType::List, "*", nullptr},
        {"tls_ocsp_file", OptionType::String, nullptr, nullptr},
        {"hosts_proxy", OptionType::List, nullptr, nullptr},
        {"proxy_required_hosts", OptionType::List, nullptr, "hosts_proxy"},
        {"proxy_protocol_timeout", OptionType::Time, "3s", nullptr},
    };
    return table;
}

QString variableOf(const OptionSpec &spec)
{
    return QLatin1String(spec.aliasOf ? spec.aliasOf : spec.name);
}

// Splits `no_disable_ipv6` into the option and the value it sets.
QString baseName(const QString &name, bool *negated)
{
    *negated = false;
    for (const QLatin1String prefix : {kNoPrefix, kNotPrefix}) {
        if (name.startsWith(prefix)) {
            const QString rest = name.mid(prefix.size());
            const OptionSpec *spec = Configuration::spec(rest);
            if (spec && spec->type == OptionType::Bool) {
                *negated = true;
                return rest;
            }
        }
    }
    return name;
}

bool parseUnsigned(QStringView text, qint64 *out, qsizetype *consumed)
{
    qsizetype i = 0;
    qint64 value = 0;
    while (i < text.size() && text[i] >= u'0' && text[i] <= u'9') {
        value = value * 10 + (text[i].unicode() - u'0');
        if (value > (qint64(1) << 50))
            return false;
        ++i;
    }
    *consumed = i;
    *out = value;
    return i > 0;
}

QString typeDescription(OptionType type)
{
    switch (type) {
    case OptionType::Bool:
        return Configuration::tr("true or false");
    case OptionType::Int:
        return Configuration::tr("a whole number");
    case OptionType::Time:
        return Configuration::tr("a time such as 30s, 5m or 1h");
    case OptionType::Size:
        return Configuration::tr("a size such as 50M or 100K");
    case OptionType::String:
    case OptionType::List:
        break;
    }
    return Configuration::tr("a value");
}

} // namespace

SourceSpan OptionValue::position(int offset) const
{
    if (!isSet)
        return SourceSpan{offset, 0, 0};
    return entry.position(offset);
}

Configuration::Configuration()
{
    index(nullptr, Mode::Strict);
}

const QList<OptionSpec> &Configuration::options()
{
    return optionTable();
}

const OptionSpec *Configuration::spec(const QString &name)
{
    for (const OptionSpec &s : optionTable()) {
        if (name == QLatin1String(s.name))
            return &s;
    }
    return nullptr;
}

bool Configuration::parseBool(const QString &text, bool *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes")) {
        *out = true;
        return true;
    }
    if (t == QLatin1String("false") || t == QLatin1String("no")) {
        *out = false;
        return true;
    }
    return false;
}

bool Configuration::parseNumber(OptionType type, const QString &text, qint64 *out)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    qsizetype consumed = 0;
    qint64 value = 0;
    switch (type) {
    case OptionType::Int:
    case OptionType::Size: {
        if (!parseUnsigned(t, &value, &consumed))
            return false;
        QStringView rest = QStringView(t).mid(consumed);
        const qint64 unit = rest.isEmpty()                                 ? 1
                            : rest.compare(u"K", Qt::CaseInsensitive) == 0 ? 1024
                            : rest.compare(u"M", Qt::CaseInsensitive) == 0 ? 1024 * 1024
                            : rest.compare(u"G", Qt::CaseInsensitive) == 0 ? 1024 * 1024 * 1024
                                                                           : 0;
        if (unit == 0)
            return false;
        *out = value * unit;
        return true;
    }
    case OptionType::Time: {
        QStringView rest(t);
        qint64 total = 0;
        while (!rest.isEmpty()) {
            if (!parseUnsigned(rest, &value, &consumed))
                return false;
            rest = rest.mid(consumed);
            qint64 unit = 1;
            if (!rest.isEmpty()) {
                switch (rest.front().unicode()) {
                case u's':
                    unit = 1;
                    break;
                case u'm':
                    unit = 60;
                    break;
                case u'h':
                    unit = 3600;
                    break;
                case u'd':
                    unit = 86400;
                    break;
                case u'w':
                    unit = 7 * 86400;
                    break;
                default:
                    return false;
                }
                rest = rest.mid(1);
            } else if (total != 0) {
                return false; // "1h30" has no unit on its last part
            }
            total += value * unit;
        }
        *out = total;
        return true;
    }
    case OptionType::Bool:
    case OptionType::String:
    case OptionType::List:
        break;
    }
    return false;
}

Configuration Configuration::parse(const QByteArray &data, Diagnostics *diagnostics, Mode mode)
{
    Configuration config;
    config.m_file = ConfigFile::parse(data, diagnostics);
    config.index(diagnostics, mode);
    return config;
}

void Configuration::index(Diagnostics *diagnostics, Mode mode)
{
    m_set.clear();
    QHash<QString, int> seenSpelling; // option entry (not variable) -> line first set
    const QList<ConfigEntry> &entries = m_file.entries();
    const auto report = [diagnostics](Severity severity, DiagnosticCode code, const ConfigEntry &e,
                                      int column, const QString &item, const QString &message) {
        if (diagnostics)
            diagnostics->append(
                Diagnostic{severity, code, e.name, item, e.firstLine, column, message});
    };
    for (int i = 0; i < entries.size(); ++i) {
        const ConfigEntry &e = entries[i];
        bool negated = false;
        const QString name = baseName(e.name, &negated);
        const OptionSpec *s = spec(name);
        if (!s) {
            if (mode == Mode::Strict)
                report(Severity::Error, DiagnosticCode::UnknownOption, e, e.nameColumn, e.name,
                       Configuration::tr("\"%1\" is not an option Mailport knows.").arg(e.name));
            else
                report(Severity::Info, DiagnosticCode::UnsupportedInImport, e, e.nameColumn, e.name,
                       Configuration::tr("\"%1\" is not a listening option; it was not imported.")
                           .arg(e.name));
            continue;
        }
        if (seenSpelling.contains(name)) {
            report(Severity::Error, DiagnosticCode::OptionSetTwice, e, e.nameColumn, e.name,
                   Configuration::tr("\"%1\" option set for the second time (first on line %2).")
                       .arg(name)
                       .arg(seenSpelling.value(name)));
            continue;
        }
        seenSpelling.insert(name, e.firstLine);
        const SourceSpan at = e.position(0);
        if (s->type == OptionType::Bool) {
            bool value = true;
            if (negated && e.hasEquals) {
                report(Severity::Error, DiagnosticCode::BadValue, e, at.column, e.value,
                       Configuration::tr("\"%1\" cannot be given a value.").arg(e.name));
                continue;
            }
            if (e.hasEquals && !parseBool(e.value, &value)) {
                report(Severity::Error, DiagnosticCode::BadValue, e, at.column, e.value,
                       Configuration::tr("\"%1\" must be true or false, not \"%2\".")
                           .arg(name, e.value));
                continue;
            }
        } else if (!e.hasEquals) {
            report(Severity::Error, DiagnosticCode::SyntaxError, e, e.nameColumn, e.name,
                   Configuration::tr("\"%1\" needs a value: write \"%1 = value\".").arg(e.name));
            continue;
        } else if (s->type == OptionType::Int || s->type == OptionType::Time
                   || s->type == OptionType::Size) {
            qint64 number = 0;
            if (!parseNumber(s->type, e.value, &number)) {
                report(Severity::Error, DiagnosticCode::BadValue, e, at.column, e.value,
                       Configuration::tr("\"%1\" must be %2, not \"%3\".")
                           .arg(name, typeDescription(s->type), e.value));
                continue;
            }
        }
        if (name == QLatin1String("smtp_banner")) {
            for (const QString &reference : SmtpBanner::unexpanded(e.value)) {
                report(Severity::Warning, DiagnosticCode::BadValue, e,
                       e.position(e.value.indexOf(reference)).column, reference,
                       Configuration::tr("Mailport sends \"%1\" in the greeting as written: it "
                                         "expands only $%2. Exim expands it, or drops every "
                                         "connection if it cannot.")
                           .arg(reference, SmtpBanner::variableNames().join(QLatin1String(", $"))));
            }
        }
        m_set.insert(variableOf(*s), i);
    }
}

OptionValue Configuration::value(const QString &name) const
{
    OptionValue v;
    const OptionSpec *s = spec(name);
    if (!s)
        return v;
    const auto it = m_set.constFind(variableOf(*s));
    if (it == m_set.cend()) {
        v.text = s->defaultValue ? QString::fromLatin1(s->defaultValue) : QString();
        return v;
    }
    v.isSet = true;
    v.entry = m_file.entries().at(*it);
    if (s->type == OptionType::Bool) {
        bool negated = false;
        baseName(v.entry.name, &negated);
        bool b = !negated;
        if (v.entry.hasEquals)
            parseBool(v.entry.value, &b);
        v.text = b ? QStringLiteral("true") : QStringLiteral("false");
    } else {
        // Trailing white space is never part of a stored value (rule 11.1).
        QString text = v.entry.value;
        while (!text.isEmpty() && text.back().isSpace())
            text.chop(1);
        v.text = text;
    }
    return v;
}

bool Configuration::boolValue(const QString &name) const
{
    bool b = false;
    parseBool(value(name).text, &b);
    return b;
}

qint64 Configuration::number(const QString &name) const
{
    const OptionSpec *s = spec(name);
    qint64 n = -1;
    if (!s || !parseNumber(s->type, value(name).text, &n))
        return -1;
    return n;
}

void Configuration::set(const QString &name, const QString &value)
{
    const OptionSpec *s = spec(name);
    if (s && s->type == OptionType::Bool) {
        bool b = false;
        parseBool(value, &b);
        setBool(name, b);
        return;
    }
    // Keep the spelling the file already uses for this variable (daemon_smtp_port stays singular).
    QString spelling = name;
    if (s) {
        const auto it = m_set.constFind(variableOf(*s));
        if (it != m_set.cend())
            spelling = m_file.entries().at(*it).name;
    }
    m_file.setValue(spelling, value);
    index(nullptr, Mode::Strict);
}

void Configuration::setBool(const QString &name, bool value)
{
    m_file.setBool(name, value);
    index(nullptr, Mode::Strict);
}

void Configuration::unset(const QString &name)
{
    const OptionSpec *s = spec(name);
    m_file.remove(name);
    if (s && s->aliasOf)
        m_file.remove(QLatin1String(s->aliasOf));
    for (const OptionSpec &other : optionTable()) {
        if (s && other.aliasOf && variableOf(other) == variableOf(*s))
            m_file.remove(QLatin1String(other.name));
    }
    index(nullptr, Mode::Strict);
}

QStringList Configuration::printOptions(const QStringList &names) const
{
    QStringList wanted = names;
    if (wanted.isEmpty()) {
        for (const OptionSpec &s : optionTable())
            wanted.append(QLatin1String(s.name));
    }
    QStringList lines;
    for (const QString &name : wanted) {
        const OptionSpec *s = spec(name);
        if (!s) {
            lines.append(name + QLatin1String(": unknown option"));
            continue;
        }
        const OptionValue v = value(name);
        if (s->type == OptionType::Bool)
            lines.append(v.text == QLatin1String("true") ? name : kNoPrefix + name);
        else
            lines.append(name + QLatin1String(" = ") + ConfigFile::printable(v.text));
    }
    return lines;
}

} // namespace Mailport
