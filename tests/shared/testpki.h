#pragma once

// OpenSSL helpers for the certificate and TLS tests: keys of any type, certificates with any
// dates and issuer, and OCSP responses, so that no test depends on dated fixture files.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Mailport::TestPki {

struct KeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct CertificateDeleter
{
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free_all(bio); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using Certificate = std::unique_ptr<X509, CertificateDeleter>;
using Bio = std::unique_ptr<BIO, BioDeleter>;

inline Key ecKey()
{
    return Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

inline Key rsaKey(size_t bits)
{
    return Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", bits));
}

/// "ED25519", "X25519", ...: the key types that need no parameters.
inline Key keyOfType(const char *type)
{
    return Key(EVP_PKEY_Q_keygen(nullptr, nullptr, type));
}

/// A certificate for @p subjectKey named CN=@p commonName, valid from now + @p fromSeconds to
/// now + @p toSeconds, signed by @p issuerKey under @p issuer's name (self-signed when null).
inline Certificate certificate(EVP_PKEY *subjectKey, const char *commonName, long fromSeconds,
                               long toSeconds, EVP_PKEY *issuerKey = nullptr,
                               X509 *issuer = nullptr, bool ca = false, long serial = 1)
{
    Certificate x509(X509_new());
    X509_set_version(x509.get(), X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(x509.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(x509.get()), fromSeconds);
    X509_gmtime_adj(X509_getm_notAfter(x509.get()), toSeconds);
    X509_NAME *name = X509_get_subject_name(x509.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509_set_issuer_name(x509.get(), issuer ? X509_get_subject_name(issuer) : name);
    X509_set_pubkey(x509.get(), subjectKey);
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer ? issuer : x509.get(), x509.get(), nullptr, nullptr, 0);
    X509_EXTENSION *constraints = X509V3_EXT_conf_nid(nullptr, &context, NID_basic_constraints,
                                                      ca ? "critical,CA:TRUE" : "CA:FALSE");
    X509_add_ext(x509.get(), constraints, -1);
    X509_EXTENSION_free(constraints);
    EVP_PKEY *signer = issuerKey ? issuerKey : subjectKey;
    const bool edwards = EVP_PKEY_get_base_id(signer) == EVP_PKEY_ED25519;
    if (X509_sign(x509.get(), signer, edwards ? nullptr : EVP_sha256()) <= 0)
        return nullptr;
    return x509;
}

inline QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

inline QByteArray pem(X509 *x509)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), x509);
    return bioBytes(bio.get());
}

inline QByteArray der(X509 *x509)
{
    unsigned char *data = nullptr;
    const int size = i2d_X509(x509, &data);
    QByteArray bytes(reinterpret_cast<const char *>(data), size);
    OPENSSL_free(data);
    return bytes;
}

/// PKCS#8 PEM; encrypted with AES-256-CBC when @p passphrase is given.
inline QByteArray pem(EVP_PKEY *key, const char *passphrase = nullptr)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PKCS8PrivateKey(bio.get(), key, passphrase ? EVP_aes_256_cbc() : nullptr, nullptr,
                                  0, nullptr, const_cast<char *>(passphrase));
    return bioBytes(bio.get());
}

inline Certificate readCertificate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    const QByteArray text = file.readAll();
    Bio bio(BIO_new_mem_buf(text.constData(), int(text.size())));
    return Certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

inline Key readKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    const QByteArray text = file.readAll();
    Bio bio(BIO_new_mem_buf(text.constData(), int(text.size())));
    return Key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

/// A DER OCSP response about @p subject (issued by @p issuer), signed by @p signerKey /
/// @p signer, with thisUpdate and nextUpdate relative to now.
inline QByteArray ocspResponse(X509 *subject, X509 *issuer, X509 *signer, EVP_PKEY *signerKey,
                               int status, long thisUpdateSeconds, long nextUpdateSeconds)
{
    OCSP_CERTID *id = OCSP_cert_to_id(EVP_sha1(), subject, issuer);
    OCSP_BASICRESP *basic = OCSP_BASICRESP_new();
    ASN1_TIME *thisUpdate = X509_gmtime_adj(nullptr, thisUpdateSeconds);
    ASN1_TIME *nextUpdate = X509_gmtime_adj(nullptr, nextUpdateSeconds);
    ASN1_TIME *revokedAt
        = status == V_OCSP_CERTSTATUS_REVOKED ? X509_gmtime_adj(nullptr, -86400) : nullptr;
    OCSP_basic_add1_status(basic, id, status, OCSP_REVOKED_STATUS_KEYCOMPROMISE, revokedAt,
                           thisUpdate, nextUpdate);
    OCSP_basic_sign(basic, signer, signerKey, EVP_sha256(), nullptr, 0);
    OCSP_RESPONSE *response = OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic);
    unsigned char *data = nullptr;
    const int size = i2d_OCSP_RESPONSE(response, &data);
    QByteArray bytes(reinterpret_cast<const char *>(data), size);
    OPENSSL_free(data);
    OCSP_RESPONSE_free(response);
    ASN1_TIME_free(revokedAt);
    ASN1_TIME_free(nextUpdate);
    ASN1_TIME_free(thisUpdate);
    OCSP_BASICRESP_free(basic);
    OCSP_CERTID_free(id);
    return bytes;
}

/// A response that carries only an error status, e.g. OCSP_RESPONSE_STATUS_UNAUTHORIZED.
inline QByteArray ocspErrorResponse(int status)
{
    OCSP_RESPONSE *response = OCSP_response_create(status, nullptr);
    unsigned char *data = nullptr;
    const int size = i2d_OCSP_RESPONSE(response, &data);
    QByteArray bytes(reinterpret_cast<const char *>(data), size);
    OPENSSL_free(data);
    OCSP_RESPONSE_free(response);
    return bytes;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

} // namespace Mailport::TestPki
