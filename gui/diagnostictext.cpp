#include "diagnostictext.h"
#include "icons.h"

namespace Mailport {

QString DiagnosticText::title(DiagnosticCode code)
{
    switch (code) {
    case DiagnosticCode::SyntaxError:
        return tr("Syntax error");
    case DiagnosticCode::UnknownOption:
        return tr("Unknown option");
    case DiagnosticCode::OptionSetTwice:
        return tr("Option set twice");
    case DiagnosticCode::BadValue:
        return tr("Bad value");
    case DiagnosticCode::UnsupportedInImport:
        return tr("Not imported");
    case DiagnosticCode::MalformedAddress:
        return tr("Malformed address");
    case DiagnosticCode::InvalidPort:
        return tr("Invalid port");
    case DiagnosticCode::UnknownService:
        return tr("Unknown service name");
    case DiagnosticCode::NoPort:
        return tr("No port");
    case DiagnosticCode::BadScope:
        return tr("Bad IPv6 scope");
    case DiagnosticCode::ScopeRequired:
        return tr("IPv6 scope required");
    case DiagnosticCode::AddressNotLocal:
        return tr("Address not on this host");
    case DiagnosticCode::DuplicateSocket:
        return tr("Socket listed twice");
    case DiagnosticCode::WildcardOverlap:
        return tr("Overlapping sockets");
    case DiagnosticCode::OptionTooLong:
        return tr("Value too long");
    case DiagnosticCode::PortOutOfRange:
        return tr("Port out of range");
    case DiagnosticCode::RandomPort:
        return tr("Random port");
    case DiagnosticCode::PortListTruncated:
        return tr("Port list cut short");
    case DiagnosticCode::TlsPortGarbage:
        return tr("Text after a port number");
    case DiagnosticCode::NoSockets:
        return tr("No listening socket");
    case DiagnosticCode::RadixPort:
        return tr("Hexadecimal or octal port");
    case DiagnosticCode::AnyAddressSpelling:
        return tr("Unusual wildcard spelling");
    case DiagnosticCode::TlsPortNotListened:
        return tr("TLS port not listened on");
    case DiagnosticCode::LoopbackMissing:
        return tr("Loopback left out");
    case DiagnosticCode::PrivilegedPort:
        return tr("Privileged port");
    case DiagnosticCode::OxRejoin:
        return tr("-oX value Exim misreads");
    case DiagnosticCode::Ipv6Dropped:
        return tr("IPv6 item ignored");
    case DiagnosticCode::DuplicateSwallowed:
        return tr("Duplicate ignored");
    case DiagnosticCode::LocalCheckMalformed:
        return tr("Malformed local address");
    case DiagnosticCode::SendmailUnknownKey:
        return tr("Unknown sendmail key");
    case DiagnosticCode::SendmailUnsupportedFamily:
        return tr("Unsupported address family");
    case DiagnosticCode::SendmailNotConvertible:
        return tr("Cannot be converted");
    }
    return tr("Problem");
}

QString DiagnosticText::severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return tr("Error");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Info:
        return tr("Information");
    }
    return tr("Error");
}

QIcon DiagnosticText::icon(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return resourceIcon(QStringLiteral("error"));
    case Severity::Warning:
        return resourceIcon(QStringLiteral("warning"));
    case Severity::Info:
        return resourceIcon(QStringLiteral("info"));
    }
    return {};
}

QIcon DiagnosticText::okIcon()
{
    return resourceIcon(QStringLiteral("ok"));
}

QString DiagnosticText::position(const Diagnostic &diagnostic)
{
    if (diagnostic.line > 0)
        return tr("Line %1, column %2").arg(diagnostic.line).arg(diagnostic.column);
    if (diagnostic.option.startsWith(u'-'))
        return tr("%1, column %2").arg(diagnostic.option).arg(diagnostic.column);
    return tr("Exim's default");
}

QString DiagnosticText::toolTip(const Diagnostic &diagnostic)
{
    return QStringLiteral("<b>%1</b><br>%2")
        .arg(title(diagnostic.code).toHtmlEscaped(), diagnostic.message.toHtmlEscaped());
}

} // namespace Mailport
