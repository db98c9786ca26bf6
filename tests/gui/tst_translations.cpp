// Checks translations/mailport_ru.ts: complete, current, and consistent with the sources.
#include "diagnostictext.h"
#include "translations.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Mailport;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; ///< the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; ///< one, or one per plural form

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message();
            current.context = context;
            current.numerus
                = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations.append(xml.readElementText());
            } else {
                current.translations.append(xml.readElementText());
            }
            out.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d|n)"));
    QSet<QString> out;
    for (const QRegularExpressionMatch &m : marker.globalMatch(text))
        out.insert(m.captured());
    return out;
}

const QString kTs = QStringLiteral(MAILPORT_SOURCE_DIR "/translations/mailport_ru.ts");
// English is the source language; its file only carries the plural forms of "%n" texts.
const QString kEnglishTs = QStringLiteral(MAILPORT_SOURCE_DIR "/translations/mailport_en.ts");

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void everyMessageIsTranslated()
    {
        QString error;
        const QList<Message> messages = readTs(kTs, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 300);
        for (const Message &m : messages) {
            const QByteArray where = (m.context + QLatin1String(": ") + m.source).toUtf8();
            QVERIFY2(m.type.isEmpty(), where + " is " + m.type.toUtf8());
            QVERIFY2(!m.translations.isEmpty(), where);
            if (m.numerus)
                QVERIFY2(m.translations.size() == 3, where); // Russian has three plural forms
            for (const QString &t : m.translations) {
                QVERIFY2(!t.trimmed().isEmpty(), where + " has an empty translation");
                QVERIFY2(placeholders(t) == placeholders(m.source),
                         where + " has other placeholders in: " + t.toUtf8());
            }
        }
    }

    void englishPluralsAreComplete()
    {
        QString error;
        const QList<Message> messages = readTs(kEnglishTs, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        int plurals = 0;
        for (const Message &m : messages) {
            if (!m.numerus)
                continue;
            ++plurals;
            const QByteArray where = (m.context + QLatin1String(": ") + m.source).toUtf8();
            QVERIFY2(m.type.isEmpty(), where + " is " + m.type.toUtf8());
            QVERIFY2(m.translations.size() == 2, where);
            for (const QString &t : m.translations) {
                QVERIFY2(!t.trimmed().isEmpty() && !t.contains(QLatin1String("(s)")), where);
                QVERIFY2(placeholders(t) == placeholders(m.source), where);
            }
        }
        QVERIFY(plurals > 10);
    }

    void everySourceStringIsInTheTs_data()
    {
        QTest::addColumn<QString>("ts");
        QTest::newRow("ru") << kTs;
        QTest::newRow("en") << kEnglishTs;
    }

    void everySourceStringIsInTheTs()
    {
        QFETCH(QString, ts);
        QTemporaryDir dir;
        const QString generated = dir.filePath(QStringLiteral("mailport_ru.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(LUPDATE_PATH),
                      {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral(MAILPORT_SOURCE_DIR "/gui"),
                       QStringLiteral(MAILPORT_SOURCE_DIR "/shared"), QStringLiteral("-ts"),
                       generated});
        QVERIFY(lupdate.waitForFinished(60000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

        QString error;
        QSet<QString> committed;
        for (const Message &m : readTs(ts, &error))
            committed.insert(m.key());
        QSet<QString> current;
        for (const Message &m : readTs(generated, &error))
            current.insert(m.key());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!current.isEmpty());
        for (const QString &key : std::as_const(current))
            QVERIFY2(committed.contains(key),
                     qPrintable(QStringLiteral("missing from the .ts (run ninja "
                                               "update_translations): ")
                                + QString(key).replace(u'\x1f', u'|')));
        for (const QString &key : std::as_const(committed))
            QVERIFY2(current.contains(key), qPrintable(QStringLiteral("obsolete in the .ts: ")
                                                       + QString(key).replace(u'\x1f', u'|')));
    }

    void embeddedTranslationLoads()
    {
        QVERIFY(Translations::available().contains(QStringLiteral("ru")));
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mailport_ru.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QString title = DiagnosticText::title(DiagnosticCode::MalformedAddress);
        QVERIFY2(title.contains(QRegularExpression(QStringLiteral("\\p{Cyrillic}"))),
                 qPrintable(title));
        // The core's messages translate through the same file.
        const QString planner = QCoreApplication::translate("Planner", "all IPv4");
        QVERIFY2(planner.contains(QRegularExpression(QStringLiteral("\\p{Cyrillic}"))),
                 qPrintable(planner));
        QCOMPARE(QCoreApplication::translate("Mailport::DiagnosticsModel", "Problem").isEmpty(),
                 false);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
