#pragma once

#include <QList>
#include <QString>

namespace Mailport {

/// How bad a diagnostic is. Any Error makes a plan unusable.
enum class Severity { Error, Warning, Info };

/// Stable identifiers of every problem Mailport reports. Their names (diagnosticCodeName) are part
/// of the `--plan --json` contract and are what the GUI translates; never renumber by meaning.
enum class DiagnosticCode {
    // Configuration file syntax and option values.
    SyntaxError,
    UnknownOption,
    OptionSetTwice,
    BadValue,
    UnsupportedInImport,
    // Exim's own start-up errors.
    MalformedAddress,
    InvalidPort,
    UnknownService,
    NoPort,
    BadScope,
    ScopeRequired,
    AddressNotLocal,
    DuplicateSocket,
    WildcardOverlap,
    OptionTooLong,
    // Silent Exim behaviours that Mailport refuses.
    PortOutOfRange,
    RandomPort,
    PortListTruncated,
    TlsPortGarbage,
    NoSockets,
    // Warnings.
    RadixPort,
    AnyAddressSpelling,
    TlsPortNotListened,
    LoopbackMissing,
    PrivilegedPort,
    OxRejoin,
    Ipv6Dropped,
    DuplicateSwallowed,
    LocalCheckMalformed,
    // sendmail DaemonPortOptions.
    SendmailUnknownKey,
    SendmailUnsupportedFamily,
    SendmailNotConvertible,
};

/// The kebab-case name of a code, e.g. "malformed-address".
QString diagnosticCodeName(DiagnosticCode code);
QString severityName(Severity severity);

/// One finding about a configuration, with enough position information for an editor to mark it.
struct Diagnostic
{
    Severity severity = Severity::Error;
    DiagnosticCode code = DiagnosticCode::SyntaxError;
    QString option;  ///< option name as written, or "-oX" / "-tls-on-connect" for the command line
    QString item;    ///< the offending list item or value, as written
    int line = 0;    ///< 1-based line in the file; 0 when the value came from the command line
    int column = 0;  ///< 1-based column of the item (in the argument for command-line values)
    QString message; ///< one English sentence: what is wrong and what Exim would do

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace Mailport
