#pragma once

#include <QString>
#include <QStringList>

namespace Mailport {

/// The most recently opened or saved files, newest first, kept in QSettings.
class RecentFiles final
{
public:
    static constexpr int MaxFiles = 10;

    explicit RecentFiles(const QString &settingsKey = QStringLiteral("recentFiles"));

    QStringList files() const;
    /// Puts @p path first (absolute), dropping older duplicates and the oldest beyond MaxFiles.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    void store(const QStringList &files);

    QString m_key;
};

} // namespace Mailport
