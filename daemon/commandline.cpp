#include "commandline.h"

namespace Mailport {

int runCommandLine(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    return 0;
}

} // namespace Mailport
