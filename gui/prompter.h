#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Mailport {

/// Every question and message the GUI puts to the user goes through here. Dialogs open
/// asynchronously (no nested event loop) and answer through a callback. In scripted mode, which
/// tests use, no dialog opens: answers queued in advance are delivered from the event loop, in
/// order, and messages are only recorded.
class Prompter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Prompter)

public:
    enum class SaveChoice { Save, Discard, Cancel };
    enum class MessageKind { Information, Warning, Error };

    struct Message
    {
        MessageKind kind = MessageKind::Information;
        QString primary;
        QString detail;
    };

    explicit Prompter(QObject *parent = nullptr);

    /// Whether to save changes to @p documentName before it goes away.
    void askSaveChanges(QWidget *parent, const QString &documentName,
                        std::function<void(SaveChoice)> done);
    /// A file to read; @p done gets an empty path when the user cancels.
    void chooseFileToOpen(QWidget *parent, const QString &title, const QString &directory,
                          const QString &filter, std::function<void(const QString &)> done);
    /// A file to write; @p done gets an empty path when the user cancels.
    void chooseFileToSave(QWidget *parent, const QString &title, const QString &suggestedPath,
                          const QString &filter, std::function<void(const QString &)> done);
    /// A directory; @p done gets an empty path when the user cancels.
    void chooseDirectory(QWidget *parent, const QString &title, const QString &directory,
                         std::function<void(const QString &)> done);
    /// A message with a primary line and a detail line; nothing waits for it.
    void showMessage(QWidget *parent, MessageKind kind, const QString &primary,
                     const QString &detail = QString());

    void setScripted(bool scripted) { m_scripted = scripted; }
    bool isScripted() const { return m_scripted; }
    void queueSaveChoice(SaveChoice choice) { m_saveChoices.append(choice); }
    /// An empty path answers as Cancel would.
    void queueFileName(const QString &path) { m_fileNames.append(path); }
    /// Answers queued and not yet asked for.
    int pendingAnswers() const { return int(m_saveChoices.size() + m_fileNames.size()); }
    /// Questions asked in scripted mode with no answer queued (answered Cancel).
    int unansweredQuestions() const { return m_unanswered; }
    const QList<Message> &messages() const { return m_messages; }
    void clearMessages() { m_messages.clear(); }

signals:
    void messageShown(const QString &primary);

private:
    void answerFile(std::function<void(const QString &)> done);

    bool m_scripted = false;
    QList<SaveChoice> m_saveChoices;
    QStringList m_fileNames;
    QList<Message> m_messages;
    int m_unanswered = 0;
};

} // namespace Mailport
