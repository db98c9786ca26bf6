#include "diagnostic.h"

#include <algorithm>

namespace Mailport {

QString diagnosticCodeName(DiagnosticCode code)
{
    switch (code) {
    case DiagnosticCode::SyntaxError:
        return QStringLiteral("syntax-error");
    case DiagnosticCode::UnknownOption:
        return QStringLiteral("unknown-option");
    case DiagnosticCode::OptionSetTwice:
        return QStringLiteral("option-set-twice");
    case DiagnosticCode::BadValue:
        return QStringLiteral("bad-value");
    case DiagnosticCode::UnsupportedInImport:
        return QStringLiteral("not-imported");
    case DiagnosticCode::MalformedAddress:
        return QStringLiteral("malformed-address");
    case DiagnosticCode::InvalidPort:
        return QStringLiteral("invalid-port");
    case DiagnosticCode::UnknownService:
        return QStringLiteral("unknown-service");
    case DiagnosticCode::NoPort:
        return QStringLiteral("no-port");
    case DiagnosticCode::BadScope:
        return QStringLiteral("bad-scope");
    case DiagnosticCode::ScopeRequired:
        return QStringLiteral("scope-required");
    case DiagnosticCode::AddressNotLocal:
        return QStringLiteral("address-not-local");
    case DiagnosticCode::DuplicateSocket:
        return QStringLiteral("duplicate-socket");
    case DiagnosticCode::WildcardOverlap:
        return QStringLiteral("wildcard-overlap");
    case DiagnosticCode::OptionTooLong:
        return QStringLiteral("option-too-long");
    case DiagnosticCode::PortOutOfRange:
        return QStringLiteral("port-out-of-range");
    case DiagnosticCode::RandomPort:
        return QStringLiteral("random-port");
    case DiagnosticCode::PortListTruncated:
        return QStringLiteral("port-list-truncated");
    case DiagnosticCode::TlsPortGarbage:
        return QStringLiteral("tls-port-garbage");
    case DiagnosticCode::NoSockets:
        return QStringLiteral("no-sockets");
    case DiagnosticCode::RadixPort:
        return QStringLiteral("radix-port");
    case DiagnosticCode::AnyAddressSpelling:
        return QStringLiteral("any-address-spelling");
    case DiagnosticCode::TlsPortNotListened:
        return QStringLiteral("tls-port-not-listened");
    case DiagnosticCode::LoopbackMissing:
        return QStringLiteral("loopback-missing");
    case DiagnosticCode::PrivilegedPort:
        return QStringLiteral("privileged-port");
    case DiagnosticCode::OxRejoin:
        return QStringLiteral("ox-rejoin");
    case DiagnosticCode::Ipv6Dropped:
        return QStringLiteral("ipv6-dropped");
    case DiagnosticCode::DuplicateSwallowed:
        return QStringLiteral("duplicate-swallowed");
    case DiagnosticCode::LocalCheckMalformed:
        return QStringLiteral("local-check-malformed");
    case DiagnosticCode::SendmailUnknownKey:
        return QStringLiteral("sendmail-unknown-key");
    case DiagnosticCode::SendmailUnsupportedFamily:
        return QStringLiteral("sendmail-unsupported-family");
    case DiagnosticCode::SendmailNotConvertible:
        return QStringLiteral("sendmail-not-convertible");
    }
    return QStringLiteral("unknown");
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic &d) { return d.isError(); });
}

} // namespace Mailport
