#pragma once

#include "certificatetool.h"

#include <QHostAddress>
#include <QList>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace Mailport {

/// Where the server certificate comes from: tls_certificate, tls_privatekey, tls_ocsp_file,
/// and what a self-signed certificate is made of when no certificate is configured.
struct TlsSettings
{
    QString certificateFile; ///< empty: use (or generate) a self-signed certificate
    QString privateKeyFile;  ///< empty: the key is in certificateFile
    QString ocspFile;        ///< empty: no OCSP stapling
    QString selfSignedDirectory;
    QStringList selfSignedNames; ///< the host name first: it becomes the common name
    QList<QHostAddress> selfSignedAddresses;

    friend bool operator==(const TlsSettings &, const TlsSettings &) = default;
};

struct TlsReloadResult
{
    /// When not ok, the previous certificate (if there was one) is still in use.
    CertificateLoadResult certificate;
    /// Not ok when an OCSP file is configured but cannot be stapled; TLS works without it.
    OcspLoadResult ocsp;

    bool ok() const { return certificate.ok(); }
};

/// The server side of TLS: the certificate, key and OCSP response in use, and the
/// QSslConfiguration each session's QSslSocket gets (TLS 1.2 and 1.3 with Mozilla's
/// "intermediate" ciphers, no client certificates). It logs every outcome in mailport.tls.
class TlsContext final
{
public:
    TlsContext() = default;
    Q_DISABLE_COPY_MOVE(TlsContext)

    /// Loads the certificate and key (or ensures the self-signed pair) and the OCSP response.
    /// If the certificate cannot be used, everything in use before stays in use.
    TlsReloadResult reload(const TlsSettings &settings);

    /// Whether a certificate is loaded: STARTTLS may be advertised and implicit-TLS listeners
    /// may start.
    bool isAvailable() const { return m_available; }

    /// The configuration for a new server-side QSslSocket; null when not available. Picks up
    /// an OCSP file replaced since the last call, as Exim reads it for every connection, and
    /// stops stapling a response once it expires.
    QSslConfiguration sessionConfiguration();

    const CertificateLoadResult &certificate() const { return m_certificate; }
    const OcspLoadResult &ocsp() const { return m_ocsp; }
    /// Whether sessions staple an OCSP response.
    bool isStapling() const { return !m_ocsp.der.isEmpty(); }

    /// Mozilla's "intermediate" list (TLS 1.3 suites, then ECDHE and DHE with AES-GCM and
    /// ChaCha20-Poly1305 for TLS 1.2), less any the OpenSSL in use lacks.
    static QList<QSslCipher> intermediateCiphers();

private:
    struct FileStamp
    {
        bool exists = false;
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = 0;
        qint64 modifiedNs = 0;
        friend bool operator==(const FileStamp &, const FileStamp &) = default;
    };
    static FileStamp stamp(const QString &path);

    void loadOcsp();
    void refreshOcsp();
    void rebuildConfiguration();

    TlsSettings m_settings;
    CertificateLoadResult m_certificate;
    OcspLoadResult m_ocsp;
    FileStamp m_ocspStamp;
    QSslConfiguration m_configuration;
    bool m_available = false;
};

} // namespace Mailport
