#pragma once

namespace Mailport {

/// mailportd's exit statuses, in one place (documented in README.md, "Exit status").
enum class ExitCode : int {
    Ok = 0,
    ConfigError = 1,    ///< the configuration or plan has errors (Exim also exits 1)
    Usage = 2,          ///< bad command-line arguments
    BindFailed = 3,     ///< a listening socket could not be bound
    AlreadyRunning = 4, ///< another mailportd holds the control socket's lock
    TlsFailed = 5,      ///< an implicit-TLS listener has no usable certificate
    SpoolFailed = 6,    ///< the spool directory cannot be used
    ControlFailed = 7,  ///< --control could not reach or talk to a daemon
    Internal = 70,      ///< a bug: please report it
};

inline int exitStatus(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace Mailport
