#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace Mailport {

/// The user interface language: the system's, unless the preferences name one. Mailport's own
/// translations are embedded at `:/i18n`; Qt's are read from the Qt installation.
class Translations final
{
    Q_DECLARE_TR_FUNCTIONS(Translations)

public:
    Translations() = delete;

    /// Language codes Mailport is translated to, English (the source language) first.
    static QStringList available();
    /// The language's own name, e.g. "русский".
    static QString nativeName(const QString &language);

    /// The preference stored in QSettings; empty means the system's language.
    static QString preferred();
    static void setPreferred(const QString &language);

    /// Installs translators on @p app for the preferred (or the system's) language and
    /// returns the language used ("en" when there is no translation for it).
    static QString install(QCoreApplication *app);
    /// Installs translators for @p locale; a language Mailport is not translated to gets the
    /// English file, which holds the plural forms of the English source texts.
    static QString load(QCoreApplication *app, const QLocale &locale);
};

} // namespace Mailport
