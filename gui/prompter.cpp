#include "prompter.h"

#include "logging.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace Mailport {

Prompter::Prompter(QObject *parent)
    : QObject(parent)
{}

void Prompter::askSaveChanges(QWidget *parent, const QString &documentName,
                              std::function<void(SaveChoice)> done)
{
    if (m_scripted) {
        SaveChoice choice = SaveChoice::Cancel;
        if (m_saveChoices.isEmpty())
            ++m_unanswered;
        else
            choice = m_saveChoices.takeFirst();
        QTimer::singleShot(0, this, [done = std::move(done), choice] { done(choice); });
        return;
    }
    auto *box
        = new QMessageBox(QMessageBox::Warning, tr("Unsaved changes"),
                          tr("Save the changes to “%1”?").arg(documentName),
                          QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box->setInformativeText(tr("Your changes are lost if you do not save them."));
    box->setDefaultButton(QMessageBox::Save);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [box, done = std::move(done)](int) {
        switch (box->standardButton(box->clickedButton())) {
        case QMessageBox::Save:
            done(SaveChoice::Save);
            break;
        case QMessageBox::Discard:
            done(SaveChoice::Discard);
            break;
        default:
            done(SaveChoice::Cancel);
            break;
        }
    });
    box->open();
}

void Prompter::answerFile(std::function<void(const QString &)> done)
{
    QString path;
    if (m_fileNames.isEmpty())
        ++m_unanswered;
    else
        path = m_fileNames.takeFirst();
    QTimer::singleShot(0, this, [done = std::move(done), path] { done(path); });
}

void Prompter::chooseFileToOpen(QWidget *parent, const QString &title, const QString &directory,
                                const QString &filter, std::function<void(const QString &)> done)
{
    if (m_scripted) {
        answerFile(std::move(done));
        return;
    }
    auto *dialog = new QFileDialog(parent, title, directory, filter);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::finished, this, [dialog, done = std::move(done)](int result) {
        done(result == QDialog::Accepted ? dialog->selectedFiles().value(0) : QString());
    });
    dialog->open();
}

void Prompter::chooseFileToSave(QWidget *parent, const QString &title, const QString &suggestedPath,
                                const QString &filter, std::function<void(const QString &)> done)
{
    if (m_scripted) {
        answerFile(std::move(done));
        return;
    }
    auto *dialog = new QFileDialog(parent, title, suggestedPath, filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::finished, this, [dialog, done = std::move(done)](int result) {
        done(result == QDialog::Accepted ? dialog->selectedFiles().value(0) : QString());
    });
    dialog->open();
}

void Prompter::chooseDirectory(QWidget *parent, const QString &title, const QString &directory,
                               std::function<void(const QString &)> done)
{
    if (m_scripted) {
        answerFile(std::move(done));
        return;
    }
    auto *dialog = new QFileDialog(parent, title, directory);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::finished, this, [dialog, done = std::move(done)](int result) {
        done(result == QDialog::Accepted ? dialog->selectedFiles().value(0) : QString());
    });
    dialog->open();
}

void Prompter::showMessage(QWidget *parent, MessageKind kind, const QString &primary,
                           const QString &detail)
{
    m_messages.append(Message{kind, primary, detail});
    qCDebug(lcGui).noquote() << primary << detail;
    emit messageShown(primary);
    if (m_scripted)
        return;
    QMessageBox::Icon icon = QMessageBox::Information;
    QString title = tr("Mailport");
    if (kind == MessageKind::Warning) {
        icon = QMessageBox::Warning;
    } else if (kind == MessageKind::Error) {
        icon = QMessageBox::Critical;
    }
    auto *box = new QMessageBox(icon, title, primary, QMessageBox::Ok, parent);
    box->setInformativeText(detail);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace Mailport
