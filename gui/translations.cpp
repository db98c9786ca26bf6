#include "translations.h"

#include "logging.h"

#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace Mailport {

namespace {

const QLatin1String kSettingsKey("language");
const QLatin1String kResourceDir(":/i18n");
const QLatin1String kPrefix("mailport_");

} // namespace

QStringList Translations::available()
{
    QStringList out{QStringLiteral("en")};
    const QStringList files
        = QDir(kResourceDir).entryList({QStringLiteral("mailport_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString language = file.mid(kPrefix.size(), file.size() - kPrefix.size() - 3);
        if (!out.contains(language))
            out.append(language);
    }
    return out;
}

QString Translations::nativeName(const QString &language)
{
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name;
}

QString Translations::preferred()
{
    return QSettings().value(kSettingsKey).toString();
}

void Translations::setPreferred(const QString &language)
{
    QSettings settings;
    if (language.isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, language);
}

QString Translations::install(QCoreApplication *app)
{
    const QString wanted = preferred();
    return load(app, wanted.isEmpty() ? QLocale::system() : QLocale(wanted));
}

QString Translations::load(QCoreApplication *app, const QLocale &locale)
{
    auto *own = new QTranslator(app);
    QString used;
    if (own->load(locale, QStringLiteral("mailport"), QStringLiteral("_"), kResourceDir)) {
        used = own->language();
    } else if (own->load(QStringLiteral("mailport_en"), kResourceDir)) {
        qCDebug(lcGui) << "no translation for" << locale.name() << "- using English";
        used = QStringLiteral("en");
    } else {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return used.isEmpty() ? locale.name() : used;
}

} // namespace Mailport
