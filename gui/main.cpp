// The mailport executable: the application object, translations, the command line, the window.
#include "daemonworkspace.h"
#include "icons.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Mailport"));
    QCoreApplication::setApplicationName(QStringLiteral("mailport"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILPORT_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Mailport"));
    QGuiApplication::setDesktopFileName(QStringLiteral("mailport"));
    QGuiApplication::setWindowIcon(Mailport::resourceIcon(QStringLiteral("mailport")));
    Mailport::Translations::install(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Edit and check Exim's listening options and run a test SMTP daemon."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("main", "A configuration to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    Mailport::MainWindow window;
    new Mailport::DaemonWorkspace(&window); // the window owns it
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
