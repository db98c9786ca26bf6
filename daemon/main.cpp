#include "commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mailportd"));
    QCoreApplication::setOrganizationName(QStringLiteral("Mailport"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILPORT_VERSION));
    return Mailport::runCommandLine(app);
}
