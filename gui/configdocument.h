#pragma once

#include "configuration.h"
#include "diagnostic.h"
#include "listenplan.h"
#include "sendmailoptions.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

QT_BEGIN_NAMESPACE
class QUndoStack;
QT_END_NAMESPACE

namespace Mailport {

/// The outcome of a file operation, with a message for the user when it failed.
struct DocumentResult
{
    enum class Code { Ok, OpenFailed, ReadFailed, WriteFailed, TooLarge, NotRecognised };

    Code code = Code::Ok;
    QString message; ///< the primary line, translated
    QString detail;  ///< the detail line: the file and the system's reason

    bool ok() const { return code == Code::Ok; }
};

/// What importing an exim.conf took and left.
struct ImportReport
{
    DocumentResult result;
    QStringList imported;       ///< Mailport's options found, as written, in file order
    QStringList notImported;    ///< the other settings, as written
    bool otherSections = false; ///< the file has `begin acl` and the like, which were left out
    Diagnostics problems;       ///< Mailport's options that could not be read, and other errors
    QString summary;            ///< translated primary line
    QString details;            ///< translated detail: what was not imported
};

/// The configuration being edited: its text (the one source of truth, kept exactly as the user
/// wrote it), the parsed Configuration, the command-line inputs of a test plan (-oX,
/// -tls-on-connect, the host), and the plan and diagnostics computed from them with the same
/// library code as `mailportd --plan`.
///
/// Every change goes through an undo stack, whether it comes from a form field or the text
/// editor; the document is modified exactly when the stack is away from its saved state.
/// Validation runs a few milliseconds after the last change, or at once with validate().
class ConfigDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigDocument)

public:
    static constexpr int DefaultValidationDelay = 30;
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

    explicit ConfigDocument(QObject *parent = nullptr);
    ~ConfigDocument() override;

    QString text() const { return m_text; }
    /// Replaces the whole text (the text editor's edits).
    void setText(const QString &text);
    const Configuration &configuration() const { return m_config; }

    /// Changes one option in place, keeping the rest of the text as it is.
    void setOption(const QString &name, const QString &value);
    void setBoolOption(const QString &name, bool value);
    /// Removes an option so that Exim's default applies.
    void unsetOption(const QString &name);

    bool oxGiven() const { return m_inputs.oxGiven; }
    QString oxValue() const { return m_inputs.oxValue; }
    void setOx(bool given, const QString &value);
    bool tlsOnConnectAll() const { return m_inputs.tlsOnConnectAll; }
    void setTlsOnConnectAll(bool all);
    const HostInterfaces &host() const { return m_inputs.host; }
    void setHost(const HostInterfaces &host);
    bool privileged() const { return m_inputs.privileged; }
    void setPrivileged(bool privileged);
    void setServiceLookup(std::function<int(const QString &)> lookup);
    const PlanInputs &planInputs() const { return m_inputs; }

    const ListenPlan &plan() const { return m_plan; }
    /// The file's diagnostics, then the plan's.
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    bool isValidationPending() const { return m_validationTimer.isActive(); }
    void setValidationDelay(int milliseconds) { m_validationTimer.setInterval(milliseconds); }
    /// Plans now, emitting validated().
    void validate();

    QString filePath() const { return m_filePath; }
    /// The file name, or "Untitled".
    QString displayName() const;
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undo; }

    /// Starts an empty, unnamed document.
    void clear();
    DocumentResult load(const QString &path);
    /// Writes atomically and makes @p path the document's file.
    DocumentResult save(const QString &path);

    /// Takes Mailport's options from an exim.conf (Configuration::Mode::Import) into a new,
    /// unnamed and modified document; everything else is listed in the report.
    ImportReport importExim(const QByteArray &data, const QString &sourceName);
    ImportReport importEximFile(const QString &path);

    /// Takes the DaemonPortOptions of a sendmail.cf, a sendmail.mc or a command line into a new,
    /// unnamed and modified document (local_interfaces, daemon_smtp_ports,
    /// smtp_connect_backlog); what Exim cannot express is listed in the report.
    ImportReport importSendmail(const QByteArray &data, const QString &sourceName);
    ImportReport importSendmailFile(const QString &path);
    /// The plan's sockets as sendmail DaemonPortOptions declarations; sockets sendmail cannot
    /// express go to @p notConvertible.
    QString sendmailOptions(SendmailOptions::Syntax syntax, Diagnostics *notConvertible) const;

    /// The options this document sets, as lines to paste into an exim.conf.
    QString eximOptions() const;
    DocumentResult exportEximOptions(const QString &path) const;

    /// Reads a text file of at most MaxFileSize bytes.
    static DocumentResult readFile(const QString &path, QByteArray *data);
    static DocumentResult writeFile(const QString &path, const QByteArray &data);

signals:
    /// The text changed; configuration() is already up to date.
    void changed();
    /// plan() and diagnostics() were recomputed.
    void validated();
    /// -oX, -tls-on-connect, the host or the privilege changed.
    void inputsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void apply(const QString &text);
    void change(const QString &text, int mergeId, const QString &description);
    void setFilePath(const QString &path);
    void replaceWithImport(const QString &text, const QString &sourceName);
    void inputsUpdated();

    QString m_text;
    Configuration m_config;
    Diagnostics m_parseDiagnostics;
    PlanInputs m_inputs;
    ListenPlan m_plan;
    Diagnostics m_diagnostics;
    QString m_filePath;
    QUndoStack *m_undo = nullptr;
    QTimer m_validationTimer;
};

} // namespace Mailport
