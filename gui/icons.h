#pragma once

#include <QIcon>
#include <QString>

namespace Mailport {

/// The application's icon `:/icons/NAME.svg`, made once. A QIcon keeps the pixmaps it renders,
/// so one shared object spares every view and every repaint from rendering the SVG again.
/// GUI thread only.
QIcon resourceIcon(const QString &name);

} // namespace Mailport
