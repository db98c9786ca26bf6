#include "configdocument.h"

#include "logging.h"
#include "optioncatalog.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoStack>

#include <algorithm>

namespace Mailport {

namespace {

constexpr int kSourceMergeId = 1;
constexpr int kNoMerge = -1;
const QLatin1String kNewFileText("# Mailport listening configuration, in Exim's option syntax.\n");

// One change of the text; consecutive changes to the same field merge into one undo step.
class TextChange final : public QUndoCommand
{
public:
    TextChange(std::function<void(const QString &)> apply, QString before, QString after,
               int mergeId, const QString &description)
        : QUndoCommand(description)
        , m_apply(std::move(apply))
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeId(mergeId)
    {}

    void undo() override { m_apply(m_before); }
    void redo() override { m_apply(m_after); }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const TextChange *>(other);
        m_after = next->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    std::function<void(const QString &)> m_apply;
    QString m_before;
    QString m_after;
    int m_mergeId;
};

int mergeIdOf(const QString &option)
{
    // Ids above the source editor's; the name's hash keeps one field's typing in one step.
    return kSourceMergeId + 1 + int(qHash(OptionCatalog::canonicalName(option)) & 0xffffff);
}

DocumentResult failure(DocumentResult::Code code, const QString &message, const QString &detail)
{
    DocumentResult r;
    r.code = code;
    r.message = message;
    r.detail = detail;
    return r;
}

} // namespace

ConfigDocument::ConfigDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
    m_inputs.privileged = true;
    m_validationTimer.setSingleShot(true);
    m_validationTimer.setInterval(DefaultValidationDelay);
    connect(&m_validationTimer, &QTimer::timeout, this, &ConfigDocument::validate);
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    apply(kNewFileText);
    validate();
}

ConfigDocument::~ConfigDocument() = default;

void ConfigDocument::apply(const QString &text)
{
    m_text = text;
    m_parseDiagnostics.clear();
    m_config = Configuration::parse(text.toUtf8(), &m_parseDiagnostics);
    emit changed();
    m_validationTimer.start();
}

void ConfigDocument::change(const QString &text, int mergeId, const QString &description)
{
    if (text == m_text)
        return;
    m_undo->push(
        new TextChange([this](const QString &t) { apply(t); }, m_text, text, mergeId, description));
}

void ConfigDocument::setText(const QString &text)
{
    change(text, kSourceMergeId, tr("Edit text"));
}

void ConfigDocument::setOption(const QString &name, const QString &value)
{
    Configuration edited = m_config;
    edited.set(name, value);
    change(edited.file().toText(), mergeIdOf(name), tr("Change %1").arg(name));
}

void ConfigDocument::setBoolOption(const QString &name, bool value)
{
    Configuration edited = m_config;
    edited.setBool(name, value);
    change(edited.file().toText(), mergeIdOf(name), tr("Change %1").arg(name));
}

void ConfigDocument::unsetOption(const QString &name)
{
    Configuration edited = m_config;
    edited.unset(name);
    change(edited.file().toText(), kNoMerge, tr("Reset %1").arg(name));
}

void ConfigDocument::inputsUpdated()
{
    emit inputsChanged();
    m_validationTimer.start();
}

void ConfigDocument::setOx(bool given, const QString &value)
{
    if (given == m_inputs.oxGiven && value == m_inputs.oxValue)
        return;
    m_inputs.oxGiven = given;
    m_inputs.oxValue = value;
    inputsUpdated();
}

void ConfigDocument::setTlsOnConnectAll(bool all)
{
    if (all == m_inputs.tlsOnConnectAll)
        return;
    m_inputs.tlsOnConnectAll = all;
    inputsUpdated();
}

void ConfigDocument::setHost(const HostInterfaces &host)
{
    m_inputs.host = host;
    inputsUpdated();
}

void ConfigDocument::setPrivileged(bool privileged)
{
    if (privileged == m_inputs.privileged)
        return;
    m_inputs.privileged = privileged;
    inputsUpdated();
}

void ConfigDocument::setServiceLookup(std::function<int(const QString &)> lookup)
{
    m_inputs.serviceLookup = std::move(lookup);
    inputsUpdated();
}

void ConfigDocument::validate()
{
    m_validationTimer.stop();
    m_plan = Planner::plan(m_config, m_inputs);
    m_diagnostics = m_parseDiagnostics + m_plan.diagnostics;
    emit validated();
}

QString ConfigDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool ConfigDocument::isModified() const
{
    return !m_undo->isClean();
}

void ConfigDocument::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

void ConfigDocument::clear()
{
    m_undo->clear();
    apply(kNewFileText);
    m_undo->setClean();
    setFilePath(QString());
}

DocumentResult ConfigDocument::readFile(const QString &path, QByteArray *data)
{
    const QString shown = QFileInfo(path).absoluteFilePath();
    QFile file(path);
    if (QFileInfo(path).isDir())
        return failure(DocumentResult::Code::OpenFailed, tr("Could not open the file."),
                       tr("%1 is a directory.").arg(shown));
    if (!file.open(QIODevice::ReadOnly))
        return failure(DocumentResult::Code::OpenFailed, tr("Could not open the file."),
                       tr("%1: %2").arg(shown, file.errorString()));
    if (file.size() > MaxFileSize)
        return failure(DocumentResult::Code::TooLarge, tr("The file is too large."),
                       tr("%1 has %2 bytes; a configuration of more than %3 bytes is not read.")
                           .arg(shown)
                           .arg(file.size())
                           .arg(MaxFileSize));
    *data = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return failure(DocumentResult::Code::ReadFailed, tr("Could not read the file."),
                       tr("%1: %2").arg(shown, file.errorString()));
    return {};
}

DocumentResult ConfigDocument::writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    const QString shown = QFileInfo(path).absoluteFilePath();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return failure(DocumentResult::Code::WriteFailed, tr("Could not save the file."),
                       tr("%1: %2").arg(shown, file.errorString()));
    return {};
}

DocumentResult ConfigDocument::load(const QString &path)
{
    QByteArray data;
    DocumentResult r = readFile(path, &data);
    if (!r.ok())
        return r;
    m_undo->clear();
    apply(QString::fromUtf8(data));
    m_undo->setClean();
    setFilePath(QFileInfo(path).absoluteFilePath());
    qCDebug(lcGui) << "loaded" << m_filePath;
    return r;
}

DocumentResult ConfigDocument::save(const QString &path)
{
    DocumentResult r = writeFile(path, m_text.toUtf8());
    if (!r.ok())
        return r;
    m_undo->setClean();
    setFilePath(QFileInfo(path).absoluteFilePath());
    qCDebug(lcGui) << "saved" << m_filePath;
    return r;
}

ImportReport ConfigDocument::importExim(const QByteArray &data, const QString &sourceName)
{
    ImportReport report;
    Diagnostics found;
    const Configuration source = Configuration::parse(data, &found, Configuration::Mode::Import);

    // The settings that count, in the order the file has them.
    QList<OptionValue> taken;
    for (const OptionSpec &spec : Configuration::options()) {
        if (spec.aliasOf)
            continue;
        const OptionValue v = source.value(QLatin1String(spec.name));
        if (v.isSet)
            taken.append(v);
    }
    std::sort(taken.begin(), taken.end(), [](const OptionValue &a, const OptionValue &b) {
        return a.entry.firstLine < b.entry.firstLine;
    });

    Configuration result = Configuration::parse(
        QStringLiteral("# Listening options imported from %1.\n").arg(sourceName).toUtf8(),
        nullptr);
    for (const OptionValue &v : std::as_const(taken)) {
        const QString name = OptionCatalog::canonicalName(v.entry.name);
        if (Configuration::spec(name)->type == OptionType::Bool)
            result.setBool(name, v.text == QLatin1String("true"));
        else
            result.set(v.entry.name, v.text);
        report.imported.append(v.entry.name);
    }
    for (const Diagnostic &d : std::as_const(found)) {
        // Exim's other settings, including the syntax Mailport does not read (domainlist,
        // macros, .ifdef), are what an import leaves behind; only Mailport's own options can
        // be wrong.
        const QString name = d.item.section(u' ', 0, 0);
        const bool other = OptionCatalog::canonicalName(d.option).isEmpty()
                           && OptionCatalog::canonicalName(name).isEmpty()
                           && (d.code == DiagnosticCode::UnsupportedInImport
                               || d.code == DiagnosticCode::SyntaxError);
        if (other) {
            if (!name.isEmpty() && !report.notImported.contains(name))
                report.notImported.append(name);
        } else {
            report.problems.append(d);
        }
    }
    report.otherSections = source.file().hasOtherSections();

    report.summary = tr("Imported %n listening option(s) from %1.", "", int(report.imported.size()))
                         .arg(sourceName);
    QStringList details;
    if (!report.notImported.isEmpty()) {
        const int shown = 8;
        QStringList names = report.notImported.mid(0, shown);
        if (report.notImported.size() > shown)
            names.append(QStringLiteral("…"));
        details.append(
            tr("%n other setting(s) were not imported: %1.", "", int(report.notImported.size()))
                .arg(names.join(QLatin1String(", "))));
    }
    if (report.otherSections)
        details.append(tr("The ACL, router, transport and other sections after the first "
                          "\"begin\" line were left out."));
    if (!report.problems.isEmpty())
        details.append(
            tr("%n line(s) could not be read, such as line %1: %2", "", int(report.problems.size()))
                .arg(report.problems.first().line)
                .arg(report.problems.first().message));
    report.details = details.join(u'\n');

    replaceWithImport(result.file().toText(), sourceName);
    return report;
}

void ConfigDocument::replaceWithImport(const QString &text, const QString &sourceName)
{
    // An empty, clean start, so that undo goes back to it and the import counts as a change.
    m_undo->clear();
    apply(QString());
    m_undo->setClean();
    setFilePath(QString());
    change(text, kNoMerge, tr("Import %1").arg(sourceName));
}

ImportReport ConfigDocument::importSendmail(const QByteArray &data, const QString &sourceName)
{
    ImportReport report;
    const QString text = QString::fromUtf8(data);
    const SendmailParseResult parsed = SendmailOptions::parse(text);
    if (!parsed.isSendmail && parsed.daemons.isEmpty()) {
        report.result = failure(DocumentResult::Code::NotRecognised,
                                tr("No sendmail listening options found."),
                                tr("%1 has no DaemonPortOptions setting, DAEMON_OPTIONS line or "
                                   "sendmail command line.")
                                    .arg(sourceName));
        return report;
    }
    const SendmailEximConversion conversion = SendmailOptions::toExim(parsed.daemons);
    report.problems = parsed.diagnostics + conversion.notConvertible;

    Configuration result = Configuration::parse(
        QStringLiteral("# Listening options converted from sendmail's DaemonPortOptions in %1.\n")
            .arg(sourceName)
            .toUtf8(),
        nullptr);
    const QList<std::pair<QLatin1String, QString>> values = {
        {QLatin1String("local_interfaces"), conversion.localInterfaces},
        {QLatin1String("daemon_smtp_ports"), conversion.daemonSmtpPorts},
        {QLatin1String("smtp_connect_backlog"), conversion.smtpConnectBacklog},
    };
    for (const auto &[name, value] : values) {
        if (value.isEmpty())
            continue;
        result.set(name, value);
        report.imported.append(name);
    }
    report.summary = tr("Converted %n sendmail listening socket(s) from %1.", "",
                        int(qMax<qsizetype>(1, parsed.daemons.size())))
                         .arg(sourceName);
    QStringList details;
    if (parsed.daemons.isEmpty())
        details.append(tr("The file declares no socket, so sendmail's default applies: every IPv4 "
                          "address, port smtp."));
    for (const Diagnostic &d : std::as_const(report.problems))
        details.append(d.line > 0 ? tr("Line %1: %2").arg(d.line).arg(d.message) : d.message);
    report.details = details.join(u'\n');
    replaceWithImport(result.file().toText(), sourceName);
    return report;
}

ImportReport ConfigDocument::importSendmailFile(const QString &path)
{
    QByteArray data;
    ImportReport report;
    report.result = readFile(path, &data);
    if (!report.result.ok())
        return report;
    return importSendmail(data, QFileInfo(path).fileName());
}

QString ConfigDocument::sendmailOptions(SendmailOptions::Syntax syntax,
                                        Diagnostics *notConvertible) const
{
    QList<std::pair<QString, int>> sockets;
    for (const PlannedSocket &s : m_plan.sockets)
        sockets.append({s.scopedAddress(), s.port});
    const qint64 backlog = m_config.number(QStringLiteral("smtp_connect_backlog"));
    const SendmailFromEximResult converted = SendmailOptions::fromExim(sockets, int(backlog));
    if (notConvertible)
        *notConvertible = converted.notConvertible;
    return SendmailOptions::write(converted.daemons, syntax);
}

ImportReport ConfigDocument::importEximFile(const QString &path)
{
    QByteArray data;
    ImportReport report;
    report.result = readFile(path, &data);
    if (!report.result.ok())
        return report;
    return importExim(data, QFileInfo(path).fileName());
}

QString ConfigDocument::eximOptions() const
{
    QList<OptionValue> set;
    for (const OptionSpec &spec : Configuration::options()) {
        if (spec.aliasOf)
            continue;
        const OptionValue v = m_config.value(QLatin1String(spec.name));
        if (v.isSet)
            set.append(v);
    }
    std::sort(set.begin(), set.end(), [](const OptionValue &a, const OptionValue &b) {
        return a.entry.firstLine < b.entry.firstLine;
    });
    QString out;
    for (const OptionValue &v : std::as_const(set)) {
        const QString name = OptionCatalog::canonicalName(v.entry.name);
        if (Configuration::spec(name)->type == OptionType::Bool)
            out += (v.text == QLatin1String("true") ? name : QLatin1String("no_") + name);
        else
            out += v.entry.name + QLatin1String(" = ") + ConfigFile::formatValue(v.text);
        out += u'\n';
    }
    return out;
}

DocumentResult ConfigDocument::exportEximOptions(const QString &path) const
{
    return writeFile(path, eximOptions().toUtf8());
}

} // namespace Mailport
