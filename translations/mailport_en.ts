<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConfigFile</name>
    <message>
        <source>Line %1 is not valid UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 contains a NUL byte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration directives such as &quot;%1&quot; are not supported by Mailport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected an option name at the start of line %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro definitions (&quot;%1&quot;) are not supported by Mailport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &quot;=&quot; after the option name &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quoted value of &quot;%1&quot; has no closing quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected text after the quoted value of &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Configuration</name>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time such as 30s, 5m or 1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a size such as 50M or 100K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an option Mailport knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a listening option; it was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; option set for the second time (first on line %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be given a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a value: write &quot;%1 = value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailport sends &quot;%1&quot; in the greeting as written: it expands only $%2. Exim expands it, or drops every connection if it cannot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticText</name>
    <message>
        <source>Syntax error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option set twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad IPv6 scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 scope required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address not on this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlapping sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port list cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text after a port number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No listening socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hexadecimal or octal port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusual wildcard spelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS port not listened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loopback left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privileged port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-oX value Exim misreads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 item ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown sendmail key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported address family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadedConfiguration</name>
    <message>
        <source>Cannot read the configuration file %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::ConfigDocument</name>
    <message>
        <source>Edit text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 bytes; a configuration of more than %3 bytes is not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n listening option(s) from %1.</source>
        <translation>
            <numerusform>Imported %n listening option from %1.</numerusform>
            <numerusform>Imported %n listening options from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other setting(s) were not imported: %1.</source>
        <translation>
            <numerusform>%n other setting was not imported: %1.</numerusform>
            <numerusform>%n other settings were not imported: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ACL, router, transport and other sections after the first &quot;begin&quot; line were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) could not be read, such as line %1: %2</source>
        <translation>
            <numerusform>%n line could not be read, line %1: %2</numerusform>
            <numerusform>%n lines could not be read, such as line %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sendmail listening options found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no DaemonPortOptions setting, DAEMON_OPTIONS line or sendmail command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Converted %n sendmail listening socket(s) from %1.</source>
        <translation>
            <numerusform>Converted %n sendmail listening socket from %1.</numerusform>
            <numerusform>Converted %n sendmail listening sockets from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file declares no socket, so sendmail&apos;s default applies: every IPv4 address, port smtp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::ConfigEditor</name>
    <message>
        <source>Where the daemon listens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test command line (not saved in the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROXY protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where and how the daemon accepts SMTP connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate for STARTTLS and implicit TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections relayed by load balancers with the PROXY protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the daemon accepts at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the daemon keeps messages, its log and its process ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::DaemonController</name>
    <message>
        <source>%1

mailportd printed:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not attach to mailportd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer on the control socket in %1 within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd did not come up in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its control socket in %1 did not answer within %2 seconds, so Mailport stops it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the configuration for mailportd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No temporary directory could be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop it before starting it again, or use Restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration has not been saved to a file yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist or is not readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd had to be killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It did not stop after the shutdown request nor after SIGTERM, so Mailport sent SIGKILL. Sessions in progress were cut off; messages already acknowledged are safe in the spool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was asked to stop by someone other than this window (a signal or another control client).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It ended by itself with exit status 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd ended by signal %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd exited with status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another mailportd (pid %1) answers in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd is running (pid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to mailportd (pid %1) in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was asked to stop by someone other than this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the connection to mailportd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daemon in %1 closed its control socket; it may have crashed or been killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking mailportd to shut down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd has not stopped; sending SIGTERM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd ignored SIGTERM; sending SIGKILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd could not be stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process %1 is still there after SIGKILL; it may be stuck in the kernel (for example on a hung file system).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailport already watches a mailportd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop or detach from it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attaching to the mailportd in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached; mailportd goes on running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd is not running, so there is nothing to reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it, or attach to one that runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the configuration for mailportd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daemon did not say which file it reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking mailportd to reload %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now listening on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer listening on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd now runs with the saved configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd kept its previous configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new one was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not ask mailportd to reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd refused the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration or its listening plan has errors, so nothing was started (exit status 1). The Problems panel lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd did not understand its command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This mailportd may be from another version of Mailport (exit status 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd could not open a listening socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program may already listen on the port, a port below 1024 needs root or CAP_NET_BIND_SERVICE, or the address is on no interface of this host (exit status 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another mailportd is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It holds the lock of the control directory. Stop it, attach to it, or give this one another control directory (exit status 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd has no usable TLS certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every listener is implicit TLS and none can start without a certificate. Check tls_certificate and tls_privatekey (exit status 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd cannot use its spool directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check spool_directory, its permissions and the free space (exit status 6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd could not open its control socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the control directory is yours and writable (exit status 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd stopped because of an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a bug in mailportd; please report it with the lines below (exit status 70).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd stopped with exit status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd does not document this status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd crashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was ended by signal %1 (%2) without being asked to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no %1. Build or install mailportd next to Mailport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd cannot be run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an executable program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd did not respond in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write to mailportd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read what mailportd printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong with the mailportd process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mailportd is running there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd closed the control connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This mailportd speaks another version of the control protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd answered something Mailport does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd cannot do that now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The control request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the control connection to mailportd; connecting again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::DaemonLogModel</name>
    <message>
        <source>From mailportd&apos;s log, received %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed by mailportd on standard error, received %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noted by Mailport at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::DaemonPage</name>
    <message numerus="yes">
        <source>%n day(s) %1</source>
        <translation>
            <numerusform>%n day %1</numerusform>
            <numerusform>%n days %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Start Daemon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start mailportd with the edited configuration (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top Daemon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask mailportd to shut down; press again to force it (Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart Daemon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop mailportd and start it with the edited configuration (Ctrl+Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the edited configuration where mailportd reads it and make it reload, keeping its sessions (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach to Running Daemon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch a mailportd that already runs on this host, without starting one (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching the attached mailportd and leave it running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A temporary copy of the edited configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file (saved first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What mailportd reads: a private copy leaves the file alone; the file is what a headless mailportd would read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control socket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turned away:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages stored:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>mailportd would refuse this configuration: it has %n error(s).</source>
        <translation>
            <numerusform>mailportd would refuse this configuration: it has %n error.</numerusform>
            <numerusform>mailportd would refuse this configuration: it has %n errors.</numerusform>
        </translation>
    </message>
    <message>
        <source>mailportd re-reads its own configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It runs with its built-in configuration; the edits here do not apply to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It reads %1, not the file edited here, so the edits do not apply to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd is starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to mailportd…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd is running (attached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd is stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (a temporary copy of the edited configuration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The plan has %n socket(s).</source>
        <translation>
            <numerusform>The plan has %n socket.</numerusform>
            <numerusform>The plan has %n sockets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listening on %n socket(s).</source>
        <translation>
            <numerusform>Listening on %n socket.</numerusform>
            <numerusform>Listening on %n sockets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n planned socket(s) not bound.</source>
        <translation>
            <numerusform>%n planned socket not bound.</numerusform>
            <numerusform>%n planned sockets not bound.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bound socket(s) not in the plan.</source>
        <translation>
            <numerusform>%n bound socket not in the plan.</numerusform>
            <numerusform>%n bound sockets not in the plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n socket(s) with another TLS mode.</source>
        <translation>
            <numerusform>%n socket with another TLS mode.</numerusform>
            <numerusform>%n sockets with another TLS mode.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::DaemonWorkspace</name>
    <message>
        <source>Daemon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Daemon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd: %1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping mailportd before closing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::DiagnosticsModel</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::DiagnosticsPanel</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: Exim would accept this configuration and bind every socket of the plan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::HostInterfacesModel</name>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loopback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point-to-point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multicast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link-local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unique local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Listened on, port %1</source>
        <translation>
            <numerusform>Listened on, port %1</numerusform>
            <numerusform>Listened on, ports %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Covered by %1, port %2</source>
        <translation>
            <numerusform>Covered by %1, port %2</numerusform>
            <numerusform>Covered by %1, ports %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Treated as local, not listened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface %1 (index %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface / address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MTU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::HostInterfacesView</name>
    <message>
        <source>Listen on this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the selected address to local_interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat as local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the selected address to extra_local_interfaces: local for routing, not listened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the interfaces again (this also happens every few seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interfaces: %1 · addresses: %2 · read at %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::InterfaceListEditor</name>
    <message>
        <source>Add an address (Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected addresses (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the setting: Exim&apos;s default applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set in the file: these are Exim&apos;s defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option&apos;s exact value. Edit the table or this line: each follows the other.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::InterfaceListModel</name>
    <message>
        <source>default ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 scope</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::ListenerStatusModel</name>
    <message>
        <source>Implicit TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP with STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned, but not bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound, but not in the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound with the other TLS mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd does not run; this is what it would bind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd listens here as planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has this socket, but the running mailportd does not listen on it: it was started with another configuration, or the socket was skipped (see the log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd listens here, but the edited configuration does not plan it: reload or restart the daemon to apply the edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailportd listens here, but not with the TLS mode the plan has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (planned: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::MainWindow</name>
    <message>
        <source>Configurations (*.conf *.cfg configure);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Mailport or Exim configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import exim.conf…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the listening options from an Exim configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import sendmail DaemonPortOptions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert the listening sockets of a sendmail.cf or sendmail.mc to Exim options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Exim Options…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the options this file sets, ready for an exim.conf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Exim Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sendmail DaemonPortOptions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the plan&apos;s sockets as sendmail declarations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when Mailport starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Mailport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Mailport</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n warning(s)</source>
        <translation>
            <numerusform>%1, %n warning</numerusform>
            <numerusform>%1, %n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n socket(s)</source>
        <translation>
            <numerusform>%1 · %n socket</numerusform>
            <numerusform>%1 · %n sockets</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an Exim Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import sendmail Listening Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sendmail configurations (*.cf *.mc);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Exim Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim configuration fragments (*.conf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the Exim options to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Exim options are on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sendmail DaemonPortOptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sendmail.mc lines (*.mc);;sendmail.cf lines (*.cf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the sendmail options to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported to %1, leaving out %n socket(s) sendmail cannot express.</source>
        <translation>
            <numerusform>Exported to %1, leaving out %n socket sendmail cannot express.</numerusform>
            <numerusform>Exported to %1, leaving out %n sockets sendmail cannot express.</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mailport %1&lt;/h3&gt;&lt;p&gt;Checks Exim&apos;s listening options the way Exim reads them, shows the sockets the daemon would bind, and runs a test SMTP daemon.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;%4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Mailport</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::OptionField</name>
    <message>
        <source>no time at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the setting: Exim&apos;s default applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set to an empty value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim&apos;s default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given, e.g. &lt;; [::1]:2525 ; 127.0.0.1.2525</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unknown service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::PlanModel</name>
    <message>
        <source>IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 (Exim assumes IPv4 too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implicit TLS (SMTPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain SMTP, no STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP with STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (every IPv6 address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (every IPv4 address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program already listens on %1, so binding it fails with &quot;Address already in use&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (written %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to bind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::PlanView</name>
    <message>
        <source>Listening sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exim would refuse to start (%n error(s)).</source>
        <translation>
            <numerusform>Exim would refuse to start (%n error).</numerusform>
            <numerusform>Exim would refuse to start (%n errors).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exim would start and bind %n socket(s).</source>
        <translation>
            <numerusform>Exim would start and bind %n socket.</numerusform>
            <numerusform>Exim would start and bind %n sockets.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its log would say: “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n socket(s) are taken by another program: the daemon cannot bind them until it stops.</source>
        <translation>
            <numerusform>%n socket is taken by another program: the daemon cannot bind it until that program stops.</numerusform>
            <numerusform>%n sockets are taken by another program: the daemon cannot bind them until it stops.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): see Problems.</source>
        <translation>
            <numerusform>%n warning: see Problems.</numerusform>
            <numerusform>%n warnings: see Problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>No address counts as the local host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treated as the local host when routing: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::ProblemBanner</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide what exactly happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::Prompter</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are lost if you do not save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailport</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::ReceivedMessagesModel</name>
    <message>
        <source>From: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through the proxy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HELO %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::ReceivedMessagesPage</name>
    <message>
        <source>&amp;Refresh Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the spool again (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to see its headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the spool are not messages.</source>
        <translation>
            <numerusform>%n file in the spool is not a message.</numerusform>
            <numerusform>%n files in the spool are not messages.</numerusform>
        </translation>
    </message>
    <message>
        <source>No spool known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages: %1 does not exist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in %1</source>
        <translation>
            <numerusform>%n message in %1</numerusform>
            <numerusform>%n messages in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The message cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[… the message has %1; only the first %2 are shown]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::SourceEditor</name>
    <message>
        <source>Configuration file text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::TestMailClient</name>
    <message>
        <source>Nothing accepts connections on %1 (connection refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; test mail connects to addresses only, never to host names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port 0 cannot be connected to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test message has no recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sender &quot;%1&quot; contains a control character or an angle bracket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EHLO name &quot;%1&quot; contains a space or a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient &quot;%1&quot; is empty or contains a control character or an angle bracket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected from %1 port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS established: %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate problem (ignored): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection while the client waited for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke while the client waited for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply to QUIT within %1 ms; closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection to %1 within %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with %1 did not finish within %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not come within %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a line longer than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a line that is not an SMTP reply: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lines of one reply carry different codes (%1, then %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s reply has more than %1 lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the sender &lt;%1&gt;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the recipient &lt;%1&gt;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused DATA: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered QUIT with %1 instead of 221: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the session: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO refused; trying HELO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS; going on without TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused STARTTLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent more data right after its 220 reply to STARTTLS; in clear text it would pass for TLS-protected data (CVE-2011-0411).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent the message: %1 bytes, Message-ID &lt;%2&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to EHLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to HELO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to MAIL FROM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to RCPT TO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to DATA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to QUIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::TestMailModel</name>
    <message>
        <source>Plain SMTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implicit TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the test could not be set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUIT failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test mail to %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned as implicit TLS; the test connects to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned as SMTP with STARTTLS; the test connects to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed (%1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailport::TestMailPage</name>
    <message>
        <source>&amp;Send Test Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test message to the chosen listeners (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As planned (plain and STARTTLS, or implicit TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailport test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listener:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a result to see its SMTP conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cipher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n listener(s) of the plan</source>
        <translation>
            <numerusform>The %n listener of the plan</numerusform>
            <numerusform>All %n listeners of the plan</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no listener to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has no socket; edit local_interfaces or daemon_smtp_ports first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test mail needs a recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postmaster is always accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a listener and send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted by this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified (ignored for a test): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cipher: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed: %1 · failed: %2 · running: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed: %1 · failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionCatalog</name>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROXY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool and logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also local (not listened on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implicit TLS ports (SMTPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection backlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting banner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections per client host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients per message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer STARTTLS to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCSP response file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROXY protocol from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROXY header timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test with -oX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every port uses implicit TLS (-tls-on-connect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IP addresses the daemon listens on, each optionally with its own port (192.168.1.5.2525 or [::1]:2525). Items without a port use daemon_smtp_ports. 0.0.0.0 and ::0 mean every IPv4 and every IPv6 address. These addresses also count as the local host when Exim routes mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses that Exim treats as the local host when it routes mail (MX lists, delivery to itself) but does not listen on. Ports are ignored; 0.0.0.0 and ::0 stand for every address of the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ports of every local_interfaces item that has no port of its own, as numbers or service names from /etc/services (smtp, submission). daemon_smtp_port is the same option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections to these ports start with TLS at once (SMTPS, usually port 465) instead of offering STARTTLS. This only marks ports: the daemon must also listen on them through daemon_smtp_ports or local_interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No IPv6 activity takes place: IPv6 addresses in local_interfaces are silently ignored and AAAA records are not looked up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many incoming TCP connections the kernel queues for each listening socket before the daemon accepts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fully qualified name of this host, used in the greeting and in Received: headers. Unset means the name the system reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most SMTP connections the daemon handles at the same time; further clients are refused with a temporary error. 0 means no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most simultaneous connections from one client IP address. Unset means no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the daemon waits for each SMTP command or line of message data before it drops the connection (30s, 5m, 1h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages larger than this are refused (100K, 50M). 0 means no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most recipients accepted for one message; further RCPT commands get a temporary error. 0 means no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory where received messages are stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the daemon writes its log; as in Exim, %s stands for main, reject or panic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file where the daemon writes its process ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PEM file with the server certificate (and its chain) that clients see on STARTTLS and SMTPS connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PEM file with the certificate&apos;s private key. Unset means the key is in the certificate file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client hosts to which STARTTLS is offered after EHLO: * means every host, an empty list none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file with an OCSP response for the certificate, stapled to the TLS handshake so that clients need not ask the certificate authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts, typically load balancers, that must start each connection with a PROXY protocol header (version 1 or 2); the daemon then sees the real client address. proxy_required_hosts is accepted as the same option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to wait for the PROXY header from a listed host before dropping the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overrides daemon_smtp_ports and local_interfaces for one daemon, as Exim&apos;s -oX does: items without a dot or colon replace the ports, the others replace the interfaces. It is not saved in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim&apos;s -tls-on-connect: every port behaves as if it were listed in tls_on_connect_ports. It is not saved in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2; default: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text after the 220 code that the daemon sends when a client connects, expanded as Exim does: $smtp_active_hostname, $primary_hostname, $version_number, $tod_full and the client&apos;s and listener&apos;s addresses and ports are replaced, and a newline starts another line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>the scope after &quot;%&quot; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only link-local addresses take a scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this host has no interface &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unable to parse &quot;%1&quot; as an IP address: %2 — Exim refuses to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link-local address %1 needs its interface, e.g. %1%%2: binding it without one fails with &quot;Invalid argument&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interface of this host has the address %1, so binding it fails with &quot;Cannot assign requested address&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.0.0.0 on port %1 is listed twice; Exim silently ignores the second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.0.0.0 on port %1 clashes with %2 listed earlier; Exim silently drops 0.0.0.0 and logs &quot;IPv6 with IPv4&quot;, but nothing listens on the other IPv4 addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice; the second bind fails with &quot;Address already in use&quot; and Exim refuses to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is below 1024: binding it needs root or CAP_NET_BIND_SERVICE, which this process does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The -oX value is %1 characters long; Exim refuses more than %2 (&quot;length limit exceeded&quot;) and does not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim 4.96 re-splits this -oX value after undoing the doubled &quot;%1&quot; and refuses it as a malformed address; write it as &quot;%2&quot; for Exim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid SMTP port: %1 — Exim refuses to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port &quot;%1&quot; not found in the services database — Exim refuses to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is outside 1 to 65535; Exim would silently bind port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port 0 makes Exim bind a random port, a different one for each address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 0 in the port list ends it for Exim; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim stops reading the port list at this 0 and silently ignores %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim reads &quot;%1&quot; as port %2 and silently ignores the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-oX data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed IP address &quot;%1&quot; in %2 — Exim refuses to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim recognises only &quot;::0&quot; as the IPv6 wildcard: &quot;%1&quot; binds one dual-stack socket that also takes IPv4 and clashes with 0.0.0.0 on the same port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disable_ipv6 is set, so Exim silently drops &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no port specified for interface &quot;%1&quot; and daemon_smtp_port is unset — Exim refuses to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This configuration listens nowhere: Exim would start a daemon with no listening socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing listens on port %1: tls_on_connect_ports only marks ports that daemon_smtp_ports or local_interfaces already listen on, so Exim silently ignores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These specific addresses leave out loopback: Exim will not accept mail from programs on this host through 127.0.0.1 or ::1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed IP address &quot;%1&quot; in extra_local_interfaces: Exim starts, but fails whenever it checks for the local host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family=%1 is not supported: Mailport listens on inet and inet6 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port &quot;%1&quot; not found in the services database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addr=%1 does not resolve to an %2 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addr=%1 is not an %2 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DaemonPortOptions declaration gives a socket: this configuration listens nowhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the IPv6 wildcard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the IPv4 wildcard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overlaps %2 listed earlier on the same port (a dual-stack IPv6 socket takes IPv4 too); binding %3 fails with &quot;Address already in use&quot; and Exim refuses to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overlaps %2 listed earlier on the same port; binding %3 fails with &quot;Address already in use&quot; and Exim refuses to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim reads &quot;%1&quot; as a hexadecimal number, port %2; write %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim reads &quot;%1&quot; as an octal number, port %2; write %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exim recognises only &quot;0.0.0.0&quot; as the IPv4 wildcard; &quot;%1&quot; is bound as an ordinary address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Edit and check Exim&apos;s listening options and run a test SMTP daemon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A configuration to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
