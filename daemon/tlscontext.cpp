#include "tlscontext.h"

#include "logging.h"

#include <QFile>
#include <QSslSocket>

#include <sys/stat.h>

namespace Mailport {

namespace {

// Qt 6.4 has no public server-side OCSP stapling (setOcspStaplingEnabled() on a server socket
// fails the handshake). Its OpenSSL backend does staple a DER response given under this
// backend configuration key: it installs SSL_CTX_set_tlsext_status_cb and answers every
// client's status_request with it. Qt's own OCSP autotest relies on the key; tst_tlscontext
// checks, with a real handshake, that a client receives the response, so a Qt that drops the
// key fails that test instead of silently not stapling.
const QByteArray ocspResponseOption = QByteArrayLiteral("Qt-OCSP-response");

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

TlsReloadResult TlsContext::reload(const TlsSettings &settings)
{
    TlsReloadResult result;
    const bool selfSigned = settings.certificateFile.isEmpty();
    if (selfSigned && settings.selfSignedDirectory.isEmpty()) {
        result.certificate.error = CertificateError::Missing;
        result.certificate.message = QStringLiteral("No certificate is configured and there is no "
                                                    "directory for a self-signed one");
    } else {
        result.certificate
            = selfSigned ? CertificateTool::ensureSelfSigned(settings.selfSignedDirectory,
                                                             settings.selfSignedNames,
                                                             settings.selfSignedAddresses)
                         : CertificateTool::load(settings.certificateFile, settings.privateKeyFile);
    }

    if (!result.certificate.ok()) {
        qCWarning(lcTls).noquote()
            << result.certificate.message
                   + (m_available ? QStringLiteral("; the previous certificate stays in use")
                                  : QStringLiteral("; STARTTLS is not offered and implicit-TLS "
                                                   "listeners cannot start"));
        result.ocsp = m_ocsp;
        return result;
    }

    m_settings = settings;
    m_certificate = result.certificate;
    m_available = true;
    const QString action = m_certificate.generated ? QStringLiteral("Generated the self-signed")
                           : selfSigned            ? QStringLiteral("Using the self-signed")
                                                   : QStringLiteral("Using the");
    qCInfo(lcTls).noquote() << QStringLiteral("%1 certificate %2: %3")
                                   .arg(action, m_certificate.certificatePath,
                                        CertificateTool::describe(m_certificate.chain.first()));
    loadOcsp();
    rebuildConfiguration();
    result.ocsp = m_ocsp;
    return result;
}

QSslConfiguration TlsContext::sessionConfiguration()
{
    if (!m_available)
        return {};
    refreshOcsp();
    return m_configuration;
}

QList<QSslCipher> TlsContext::intermediateCiphers()
{
    // https://wiki.mozilla.org/Security/Server_Side_TLS, "intermediate", in its order.
    static const char *const names[] = {
        "TLS_AES_128_GCM_SHA256",       "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",  "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",  "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",  "DHE-RSA-AES128-GCM-SHA256",
        "DHE-RSA-AES256-GCM-SHA384",    "DHE-RSA-CHACHA20-POLY1305",
    };
    QList<QSslCipher> ciphers;
    for (const char *name : names) {
        const QSslCipher cipher(QString::fromLatin1(name));
        if (!cipher.isNull())
            ciphers.append(cipher);
    }
    return ciphers;
}

TlsContext::FileStamp TlsContext::stamp(const QString &path)
{
    struct stat status = {};
    if (path.isEmpty() || ::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    return {true, quint64(status.st_dev), quint64(status.st_ino), qint64(status.st_size),
            qint64(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec};
}

void TlsContext::loadOcsp()
{
    // Stamped before reading: a file replaced meanwhile is read again next time, never missed.
    m_ocspStamp = stamp(m_settings.ocspFile);
    if (m_settings.ocspFile.isEmpty()) {
        m_ocsp = {};
        return;
    }
    m_ocsp = CertificateTool::loadOcspResponse(m_settings.ocspFile, m_certificate.chain);
    if (m_ocsp.ok()) {
        qCInfo(lcTls).noquote() << QStringLiteral(
                                       "Stapling the OCSP response from %1 (next update %2)")
                                       .arg(m_settings.ocspFile, m_ocsp.nextUpdate.isValid()
                                                                     ? utcText(m_ocsp.nextUpdate)
                                                                     : QStringLiteral("not given"));
    } else {
        qCWarning(lcTls).noquote() << m_ocsp.message
                                          + QStringLiteral("; no OCSP response is "
                                                           "stapled");
    }
}

void TlsContext::refreshOcsp()
{
    if (m_settings.ocspFile.isEmpty())
        return;
    if (!(stamp(m_settings.ocspFile) == m_ocspStamp)) {
        const bool wasStapling = isStapling();
        loadOcsp();
        if (isStapling() || wasStapling)
            rebuildConfiguration();
        return;
    }
    if (isStapling() && m_ocsp.nextUpdate.isValid()
        && m_ocsp.nextUpdate <= QDateTime::currentDateTimeUtc()) {
        m_ocsp.error = CertificateError::Expired;
        m_ocsp.message = QStringLiteral("OCSP response file %1 expired on %2")
                             .arg(m_settings.ocspFile, utcText(m_ocsp.nextUpdate));
        m_ocsp.der.clear();
        qCWarning(lcTls).noquote() << m_ocsp.message + QStringLiteral("; it is no longer stapled");
        rebuildConfiguration();
    }
}

void TlsContext::rebuildConfiguration()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setCiphers(intermediateCiphers());
    // Mozilla's intermediate profile lets the client choose: every cipher offered is strong,
    // and the client knows whether it has AES hardware.
    configuration.setSslOption(QSsl::SslOptionDisableServerCipherPreference, true);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setLocalCertificateChain(m_certificate.chain);
    configuration.setPrivateKey(m_certificate.key);
    if (isStapling())
        configuration.setBackendConfigurationOption(ocspResponseOption, m_ocsp.der);
    m_configuration = configuration;
}

} // namespace Mailport
