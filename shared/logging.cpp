#include "logging.h"

Q_LOGGING_CATEGORY(lcDaemon, "mailport.daemon", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSmtp, "mailport.smtp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTls, "mailport.tls", QtInfoMsg)
Q_LOGGING_CATEGORY(lcControl, "mailport.control", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "mailport.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "mailport.gui", QtInfoMsg)
