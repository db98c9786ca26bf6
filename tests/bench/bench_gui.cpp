// Times the GUI: launch to first shown window, and one keystroke (edit, parse, plan, every view
// updated) on a configuration with 1,000 interface items. Prints the figures.
//
//   bench_gui [--keystrokes N] [--screenshots DIR] [--language CODE]
//
// Without a display it runs on the offscreen platform. --screenshots saves a picture of each
// page of the window, with a configuration that shows diagnostics, for the documentation.
#include "configdocument.h"
#include "configeditor.h"
#include "diagnosticspanel.h"
#include "interfacelisteditor.h"
#include "listenplan.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTabWidget>
#include <QTest>
#include <QTextStream>

#include <algorithm>

using namespace Mailport;

namespace {

constexpr int kItems = 1000;

QString bigConfiguration()
{
    QStringList items;
    for (int i = 0; i < kItems; ++i)
        items.append(QStringLiteral("127.0.%1.%2.%3").arg(i / 250).arg(i % 250 + 1).arg(10000 + i));
    return QStringLiteral("# %1 interface items\nlocal_interfaces = %2\ndaemon_smtp_ports = 25\n")
        .arg(kItems)
        .arg(items.join(QLatin1String(" : ")));
}

struct Stats
{
    double mean = 0;
    double median = 0;
    double max = 0;
};

Stats statsOf(QList<double> samples)
{
    Stats s;
    if (samples.isEmpty())
        return s;
    std::sort(samples.begin(), samples.end());
    for (const double v : std::as_const(samples))
        s.mean += v;
    s.mean /= double(samples.size());
    s.median = samples.at(samples.size() / 2);
    s.max = samples.last();
    return s;
}

void print(QTextStream &out, const char *what, const Stats &s)
{
    out << QStringLiteral("%1: mean %2 ms, median %3 ms, max %4 ms\n")
               .arg(QLatin1String(what))
               .arg(s.mean, 0, 'f', 2)
               .arg(s.median, 0, 'f', 2)
               .arg(s.max, 0, 'f', 2);
}

void screenshots(MainWindow &window, const QString &directory)
{
    QDir().mkpath(directory);
    ConfigDocument *document = window.document();
    document->setText(QStringLiteral(
        "# Mailport listening configuration, in Exim's option syntax.\n"
        "local_interfaces = <; 127.0.0.1 ; ::1 ; [::1]:587 ; 127.0.0.1.465 ; 203.0.113.9\n"
        "daemon_smtp_ports = 25 : 0x24b\n"
        "tls_on_connect_ports = 465\n"
        "smtp_banner = \"$smtp_active_hostname ESMTP Mailport\"\n"
        "message_size_limit = 50M\n"));
    document->validate();
    window.resize(1280, 860);
    const QStringList names = {QStringLiteral("configuration"), QStringLiteral("plan"),
                               QStringLiteral("interfaces"), QStringLiteral("text")};
    for (int i = 0; i < window.pages()->count() && i < names.size(); ++i) {
        window.pages()->setCurrentIndex(i);
        QTest::qWait(50);
        window.grab().save(
            QDir(directory).filePath(QStringLiteral("mailport-%1.png").arg(names[i])));
    }
    window.pages()->setCurrentWidget(window.configEditor());
    window.configEditor()->showGroup(OptionCatalog::Group::Limits);
    QTest::qWait(50);
    window.grab().save(QDir(directory).filePath(QStringLiteral("mailport-limits.png")));
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer launch;
    launch.start();
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MailportBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui"));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption keystrokesOption(QStringLiteral("keystrokes"),
                                              QStringLiteral("Keystrokes to time."),
                                              QStringLiteral("n"), QStringLiteral("40"));
    const QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
                                               QStringLiteral("Save pictures of the pages."),
                                               QStringLiteral("dir"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QStringLiteral("User interface language, e.g. ru."),
                                            QStringLiteral("code"), QStringLiteral("en"));
    parser.addOption(keystrokesOption);
    parser.addOption(screenshotsOption);
    parser.addOption(languageOption);
    parser.process(app);
    Translations::load(&app, QLocale(parser.value(languageOption)));
    QTextStream out(stdout);

    MainWindowEnvironment environment;
    environment.scriptedPrompts = true;
    environment.useSettings = false;
    MainWindow window(environment);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        out << "the window was never shown\n";
        return 1;
    }
    out << QStringLiteral("launch to first shown window: %1 ms (platform %2)\n")
               .arg(launch.nsecsElapsed() / 1e6, 0, 'f', 1)
               .arg(QGuiApplication::platformName());

    if (parser.isSet(screenshotsOption)) {
        screenshots(window, parser.value(screenshotsOption));
        out << "screenshots saved in " << parser.value(screenshotsOption) << "\n";
        return 0;
    }

    ConfigDocument *document = window.document();
    QElapsedTimer timer;
    timer.start();
    document->setText(bigConfiguration());
    document->validate();
    QCoreApplication::processEvents();
    out << QStringLiteral("loading %1 items into the window: %2 ms, plan of %3 sockets, %4 "
                          "diagnostics\n")
               .arg(kItems)
               .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 1)
               .arg(document->plan().sockets.size())
               .arg(document->diagnostics().size());

    // The library alone, as mailportd --plan runs it.
    const QByteArray text = document->text().toUtf8();
    QList<double> core;
    for (int i = 0; i < 20; ++i) {
        timer.restart();
        Diagnostics d;
        const Configuration config = Configuration::parse(text, &d);
        const ListenPlan plan = Planner::plan(config, document->planInputs());
        core.append(timer.nsecsElapsed() / 1e6);
        if (plan.sockets.size() != kItems)
            return 1;
    }
    print(out, "parse + plan (library only)", statsOf(core));

    // A keystroke at the end of local_interfaces' value line: the document is edited, every view
    // follows, and the plan is recomputed at once rather than after the debounce.
    window.pages()->setCurrentWidget(window.configEditor());
    QLineEdit *line
        = window.configEditor()->listEditor(QStringLiteral("local_interfaces"))->valueEdit();
    line->setFocus();
    line->end(false);
    const int keystrokes = parser.value(keystrokesOption).toInt();
    QList<double> edit;
    QList<double> total;
    for (int i = 0; i < keystrokes; ++i) {
        timer.restart();
        // Alternate: type " " then delete it, so the list stays 1,000 valid items.
        if (i % 2 == 0)
            QTest::keyClick(line, Qt::Key_Space);
        else
            QTest::keyClick(line, Qt::Key_Backspace);
        edit.append(timer.nsecsElapsed() / 1e6);
        document->validate();
        QCoreApplication::processEvents();
        total.append(timer.nsecsElapsed() / 1e6);
    }
    print(out, "keystroke: edit and views (before validation)", statsOf(edit));
    print(out, "keystroke: edit, validation and every view", statsOf(total));
    return 0;
}
