#!/bin/sh
# Starts a second sendmail for the internal network (Mailport test fixture).
SENDMAIL=/usr/sbin/sendmail
sendmail_flags="-bd -q30m -ODaemonPortOptions=Name=Internal,Port=2525,Addr=10.0.0.1"

$SENDMAIL $sendmail_flags
exec $SENDMAIL -bd -q30m \
    '-ODaemonPortOptions=Name=Relay, Port=2526, Family=inet6, Addr=::1' \
    -oOPort=2527,Name=Legacy,Bogus=1
