#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace Mailport {

/// Why a certificate, key or OCSP file cannot be used. Their names (certificateErrorName) are
/// what the control protocol carries and the GUI translates; never renumber by meaning.
enum class CertificateError {
    None,
    Missing,              ///< the file does not exist
    Unreadable,           ///< it exists but cannot be read (permissions, a directory, too large)
    Malformed,            ///< not PEM (or, for OCSP, not a DER OCSP response), or a corrupt block
    NoCertificate,        ///< the certificate file holds no certificate
    NoKey,                ///< no private key where one was expected
    KeyEncrypted,         ///< the key needs a passphrase, which a daemon cannot ask for
    UnsupportedKeyType,   ///< not RSA, EC or Ed25519
    KeyMismatch,          ///< the key does not belong to the first certificate of the file
    Expired,              ///< the certificate (or OCSP response) is past its end of validity
    NotYetValid,          ///< the certificate (or OCSP response) starts in the future
    Rejected,             ///< OpenSSL's security level refuses it (e.g. a 1024-bit RSA key)
    GenerationFailed,     ///< OpenSSL could not generate a key or sign a certificate
    WriteFailed,          ///< a generated file could not be written
    OcspNotSuccessful,    ///< the responder answered with an error status instead of a proof
    OcspWrongCertificate, ///< the response is about another certificate
    OcspUnverified,       ///< the response's signature does not verify against the chain
    OcspRevoked,          ///< the responder says the certificate is revoked
    OcspUnknownStatus,    ///< the responder does not know the certificate
};

/// The kebab-case name of an error, e.g. "key-mismatch".
QString certificateErrorName(CertificateError error);

/// The outcome of loading a certificate and its private key. On failure only error, message and
/// the two paths are meaningful.
struct CertificateLoadResult
{
    CertificateError error = CertificateError::None;
    QString message; ///< one English line naming the file and the reason
    QString certificatePath;
    QString keyPath;              ///< equal to certificatePath when the key sits in the same file
    QList<QSslCertificate> chain; ///< leaf first, then the intermediates as the file lists them
    QSslKey key;                  ///< Opaque for Ed25519, which QSslKey has no algorithm value for
    QString subject;              ///< the leaf's subject, RFC 2253 ("CN=mail.example.org,O=...")
    QString issuer;
    QDateTime notBefore;         ///< UTC
    QDateTime notAfter;          ///< UTC
    QStringList subjectAltNames; ///< "DNS:mail.example.org", "IP:192.0.2.1"
    bool generated = false;      ///< ensureSelfSigned() wrote this pair just now

    bool ok() const { return error == CertificateError::None; }
};

/// The outcome of writing files.
struct CertificateWriteResult
{
    CertificateError error = CertificateError::None;
    QString message;

    bool ok() const { return error == CertificateError::None; }
};

/// The outcome of loading a DER OCSP response (a "proof" for OCSP stapling).
struct OcspLoadResult
{
    CertificateError error = CertificateError::None;
    QString message;      ///< one English line naming the file and the reason
    QByteArray der;       ///< the response exactly as it is to be stapled; empty on failure
    QDateTime thisUpdate; ///< UTC
    QDateTime nextUpdate; ///< UTC; null when the responder gave none (never expires)

    bool ok() const { return error == CertificateError::None; }
};

/// Generates, loads and inspects server certificates with OpenSSL.
class CertificateTool final
{
public:
    enum class KeyAlgorithm { EcP256, Rsa2048, Ed25519 };

    /// File names ensureSelfSigned() uses inside its directory.
    static QString selfSignedCertificateFileName();
    static QString selfSignedKeyFileName();

    /// Writes a new key and a self-signed X.509 v3 server certificate (SHA-256, random serial,
    /// subjectAltName with every name and address, CA:FALSE, serverAuth) as PEM files. The key
    /// file is created with mode 0600 and never exists with wider permissions. A negative
    /// @p days makes a certificate that expired that many days ago.
    static CertificateWriteResult
    generateSelfSigned(const QString &certPath, const QString &keyPath, const QString &commonName,
                       const QStringList &dnsNames, const QList<QHostAddress> &ipAddresses,
                       int days, KeyAlgorithm algorithm = KeyAlgorithm::EcP256);

    /// Returns the self-signed pair in @p directory (created with mode 0700 if missing), reusing
    /// the existing one when it loads, is valid for more than @p renewWithinDays days and names
    /// exactly @p dnsNames and @p ipAddresses (wildcard addresses are left out); otherwise
    /// generates a new one valid for @p days. The common name is the first DNS name.
    static CertificateLoadResult ensureSelfSigned(const QString &directory,
                                                  const QStringList &dnsNames,
                                                  const QList<QHostAddress> &ipAddresses,
                                                  int days = 365, int renewWithinDays = 30);

    /// Loads a PEM certificate chain (leaf first) and its private key and checks that they can
    /// serve TLS: the key is unencrypted, of a supported type and matches the leaf, the leaf is
    /// within its validity, and OpenSSL's security level accepts both. An empty @p keyPath means
    /// the key is in the certificate file.
    static CertificateLoadResult load(const QString &certPath, const QString &keyPath = {});

    /// Loads a DER OCSP response for stapling and checks that it is successful, about
    /// @p chain's leaf, signed by a certificate of @p chain (normally the issuer) or by a
    /// responder the system's trust store vouches for, says "good" and is current (five
    /// minutes of clock skew allowed).
    static OcspLoadResult loadOcspResponse(const QString &path,
                                           const QList<QSslCertificate> &chain);

    /// One line for logs and the GUI: subject CN, issuer, validity and SHA-256 fingerprint.
    static QString describe(const QSslCertificate &certificate);

    CertificateTool() = delete;
};

} // namespace Mailport
