#include "smtpbanner.h"

#include "spoolheaders.h"

namespace Mailport::SmtpBanner {

namespace {

bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// One pass over the banner: the literal text and the references in order. @p replace gets each
// reference's name (empty when there is none, as in "${if") and its text as written, and returns
// the replacement or a null string to keep it as written.
template<typename Replace>
QString walk(const QString &banner, Replace replace)
{
    QString out;
    out.reserve(banner.size());
    qsizetype i = 0;
    const qsizetype n = banner.size();
    while (i < n) {
        const QChar c = banner.at(i);
        if (c == u'\\' && i + 1 < n) {
            out += banner.at(i + 1);
            i += 2;
            continue;
        }
        if (c != u'$') {
            out += c;
            ++i;
            continue;
        }
        const qsizetype start = i;
        QString name;
        if (i + 1 < n && banner.at(i + 1) == u'{') {
            qsizetype j = i + 2;
            while (j < n && isNameCharacter(banner.at(j)))
                ++j;
            if (j < n && banner.at(j) == u'}') {
                name = banner.mid(i + 2, j - i - 2);
                i = j + 1;
            } else {
                i = j; // "${if ...": an expansion item, not a variable
            }
        } else {
            qsizetype j = i + 1;
            while (j < n && isNameCharacter(banner.at(j)))
                ++j;
            name = banner.mid(i + 1, j - i - 1);
            i = qMax(j, i + 1);
        }
        const QString written = banner.mid(start, i - start);
        const QString replacement = replace(name, written);
        out += replacement.isNull() ? written : replacement;
    }
    return out;
}

QString value(const QString &name, const Variables &v)
{
    if (name == QLatin1String("smtp_active_hostname") || name == QLatin1String("primary_hostname"))
        return v.hostname;
    if (name == QLatin1String("version_number"))
        return v.version;
    if (name == QLatin1String("tod_full"))
        return QString::fromLatin1(SpoolHeaders::formatDate(v.now));
    if (name == QLatin1String("tod_log"))
        return v.now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (name == QLatin1String("pid"))
        return QString::number(v.pid);
    if (name == QLatin1String("sender_host_address"))
        return v.client.toString();
    if (name == QLatin1String("sender_host_port"))
        return QString::number(v.clientPort);
    if (name == QLatin1String("received_ip_address") || name == QLatin1String("interface_address"))
        return v.listener.toString();
    if (name == QLatin1String("received_port") || name == QLatin1String("interface_port"))
        return QString::number(v.listenerPort);
    return {};
}

} // namespace

const QStringList &variableNames()
{
    static const QStringList names = {QStringLiteral("smtp_active_hostname"),
                                      QStringLiteral("primary_hostname"),
                                      QStringLiteral("version_number"),
                                      QStringLiteral("tod_full"),
                                      QStringLiteral("tod_log"),
                                      QStringLiteral("pid"),
                                      QStringLiteral("sender_host_address"),
                                      QStringLiteral("sender_host_port"),
                                      QStringLiteral("received_ip_address"),
                                      QStringLiteral("received_port"),
                                      QStringLiteral("interface_address"),
                                      QStringLiteral("interface_port")};
    return names;
}

QString expand(const QString &banner, const Variables &variables)
{
    const QStringList &known = variableNames();
    return walk(banner, [&](const QString &name, const QString &) {
        if (!known.contains(name))
            return QString();
        const QString text = value(name, variables);
        return text.isNull() ? QString(QLatin1String("")) : text; // null would mean "as written"
    });
}

QStringList unexpanded(const QString &banner)
{
    const QStringList &known = variableNames();
    QStringList out;
    walk(banner, [&](const QString &name, const QString &written) {
        if (!known.contains(name))
            out.append(written);
        return QString();
    });
    return out;
}

} // namespace Mailport::SmtpBanner
