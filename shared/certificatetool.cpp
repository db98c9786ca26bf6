#include "certificatetool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QUrl>
#include <QtEndian>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Mailport {

namespace {

template<auto Free>
struct OpenSslDeleter
{
    template<typename T>
    void operator()(T *pointer) const
    {
        Free(pointer);
    }
};

template<typename T, auto Free>
using OpenSslPtr = std::unique_ptr<T, OpenSslDeleter<Free>>;

using BioPtr = OpenSslPtr<BIO, BIO_free_all>;
using BignumPtr = OpenSslPtr<BIGNUM, BN_free>;
using ExtensionPtr = OpenSslPtr<X509_EXTENSION, X509_EXTENSION_free>;
using GeneralNamesPtr = OpenSslPtr<GENERAL_NAMES, GENERAL_NAMES_free>;
using OcspBasicPtr = OpenSslPtr<OCSP_BASICRESP, OCSP_BASICRESP_free>;
using OcspResponsePtr = OpenSslPtr<OCSP_RESPONSE, OCSP_RESPONSE_free>;
using PkeyPtr = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
using SslCtxPtr = OpenSslPtr<SSL_CTX, SSL_CTX_free>;
using X509Ptr = OpenSslPtr<X509, X509_free>;
using X509StorePtr = OpenSslPtr<X509_STORE, X509_STORE_free>;

void freeCertificateStack(STACK_OF(X509) * stack)
{
    sk_X509_pop_free(stack, X509_free);
}
using X509StackPtr = OpenSslPtr<STACK_OF(X509), freeCertificateStack>;

// Qt's OpenSSL backend reads the same per-thread error queue after its own calls fail, so
// nothing of ours may be left in it.
struct ErrorQueueGuard
{
    ErrorQueueGuard() = default;
    ~ErrorQueueGuard() { ERR_clear_error(); }
    Q_DISABLE_COPY_MOVE(ErrorQueueGuard)
};

struct PemBlock
{
    QByteArray name;
    QByteArray der;
    bool encrypted = false;
};

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

// Key material read from disk is wiped once parsed, so it does not linger in freed heap memory.
struct WipeOnExit
{
    QByteArray &bytes;
    ~WipeOnExit() { wipe(bytes); }
};

struct WipeBlocksOnExit
{
    QList<PemBlock> &blocks;
    ~WipeBlocksOnExit()
    {
        for (PemBlock &block : blocks)
            wipe(block.der);
    }
};

constexpr qint64 maxFileSize = 4 * 1024 * 1024;
constexpr qint64 ocspClockSkewSeconds = 300;

QString openSslReason()
{
    const unsigned long code = ERR_peek_last_error();
    if (code == 0)
        return QStringLiteral("no reason given by OpenSSL");
    if (const char *reason = ERR_reason_error_string(code))
        return QString::fromLatin1(reason);
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QDateTime toDateTime(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

QString nameText(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    return QString::fromUtf8(bioBytes(bio.get()));
}

struct FileContents
{
    CertificateError error = CertificateError::None;
    QString message;
    QByteArray data;
};

FileContents readFile(const QString &path, const QString &role)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat status = {};
    if (::stat(native.constData(), &status) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR)
            return {CertificateError::Missing,
                    QStringLiteral("%1 %2 does not exist").arg(role, path),
                    {}};
        return {CertificateError::Unreadable,
                QStringLiteral("%1 %2 cannot be read: %3")
                    .arg(role, path, QString::fromLocal8Bit(std::strerror(error))),
                {}};
    }
    if (S_ISDIR(status.st_mode))
        return {CertificateError::Unreadable,
                QStringLiteral("%1 %2 is a directory, not a file").arg(role, path),
                {}};
    if (status.st_size > maxFileSize)
        return {CertificateError::Unreadable,
                QStringLiteral("%1 %2 is too large (%3 bytes) to be a certificate file")
                    .arg(role, path)
                    .arg(status.st_size),
                {}};

    // Unbuffered, so that key bytes exist only in the buffer we wipe.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {CertificateError::Unreadable,
                QStringLiteral("%1 %2 cannot be read: %3").arg(role, path, file.errorString()),
                {}};
    FileContents contents;
    contents.data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return {CertificateError::Unreadable,
                QStringLiteral("%1 %2 cannot be read: %3").arg(role, path, file.errorString()),
                {}};
    return contents;
}

// Splits PEM text into its blocks; false when a block is corrupt. Text outside blocks is
// ignored, as OpenSSL does, because certificate files often carry comments.
bool parsePem(const QByteArray &text, QList<PemBlock> *blocks)
{
    BioPtr bio(BIO_new_mem_buf(text.constData(), int(text.size())));
    if (!bio)
        return false;
    for (;;) {
        char *name = nullptr;
        char *header = nullptr;
        unsigned char *data = nullptr;
        long length = 0;
        if (PEM_read_bio(bio.get(), &name, &header, &data, &length) != 1) {
            const unsigned long code = ERR_peek_last_error();
            ERR_clear_error();
            return ERR_GET_LIB(code) == ERR_LIB_PEM && ERR_GET_REASON(code) == PEM_R_NO_START_LINE;
        }
        PemBlock block;
        block.name = QByteArray(name);
        block.encrypted = block.name == "ENCRYPTED PRIVATE KEY"
                          || (header && std::strstr(header, "ENCRYPTED") != nullptr);
        block.der = QByteArray(reinterpret_cast<const char *>(data), length);
        OPENSSL_cleanse(data, size_t(length));
        OPENSSL_free(name);
        OPENSSL_free(header);
        OPENSSL_free(data);
        blocks->append(std::move(block));
    }
}

bool isCertificateBlock(const PemBlock &block)
{
    return block.name == "CERTIFICATE" || block.name == "X509 CERTIFICATE";
}

bool isKeyBlock(const PemBlock &block)
{
    return block.name.endsWith("PRIVATE KEY");
}

X509Ptr decodeCertificate(const QByteArray &der)
{
    const auto *cursor = reinterpret_cast<const unsigned char *>(der.constData());
    X509Ptr certificate(d2i_X509(nullptr, &cursor, long(der.size())));
    return certificate;
}

X509Ptr toX509(const QSslCertificate &certificate)
{
    return decodeCertificate(certificate.toDer());
}

QSslCertificate toQt(X509 *certificate)
{
    const int size = i2d_X509(certificate, nullptr);
    if (size <= 0)
        return QSslCertificate();
    QByteArray der(size, Qt::Uninitialized);
    auto *cursor = reinterpret_cast<unsigned char *>(der.data());
    i2d_X509(certificate, &cursor);
    return QSslCertificate(der, QSsl::Der);
}

QStringList subjectAltNames(X509 *certificate)
{
    QStringList names;
    GeneralNamesPtr general(static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr)));
    if (!general)
        return names;
    for (int i = 0; i < sk_GENERAL_NAME_num(general.get()); ++i) {
        const GENERAL_NAME *entry = sk_GENERAL_NAME_value(general.get(), i);
        int type = 0;
        const auto *value = static_cast<const ASN1_STRING *>(GENERAL_NAME_get0_value(entry, &type));
        const auto *bytes = reinterpret_cast<const char *>(ASN1_STRING_get0_data(value));
        const int length = ASN1_STRING_length(value);
        if (type == GEN_DNS) {
            names.append(QLatin1String("DNS:") + QString::fromLatin1(bytes, length));
        } else if (type == GEN_IPADD && length == 4) {
            names.append(QLatin1String("IP:")
                         + QHostAddress(qFromBigEndian<quint32>(bytes)).toString());
        } else if (type == GEN_IPADD && length == 16) {
            Q_IPV6ADDR address;
            std::memcpy(address.c, bytes, 16);
            names.append(QLatin1String("IP:") + QHostAddress(address).toString());
        }
    }
    return names;
}

// Host names as they go into a certificate: ASCII (IDNA), lower case, no trailing dot, no
// duplicates, in the caller's order. A name that cannot be one is returned in @p badName.
QStringList certificateDnsNames(const QStringList &names, QString *badName)
{
    QStringList result;
    for (const QString &name : names) {
        QString trimmed = name.trimmed();
        while (trimmed.endsWith(u'.'))
            trimmed.chop(1);
        if (trimmed.isEmpty())
            continue;
        const QString ace = QString::fromLatin1(QUrl::toAce(trimmed)).toLower();
        if (ace.isEmpty() || ace.contains(u' ')) {
            *badName = name;
            return {};
        }
        if (!result.contains(ace))
            result.append(ace);
    }
    return result;
}

// A wildcard address names no host, and a scope id has no place in a certificate.
QList<QHostAddress> certificateAddresses(const QList<QHostAddress> &addresses)
{
    QList<QHostAddress> result;
    for (QHostAddress address : addresses) {
        if (address.isNull() || address == QHostAddress(QHostAddress::AnyIPv4)
            || address == QHostAddress(QHostAddress::AnyIPv6))
            continue;
        address.setScopeId({});
        if (!result.contains(address))
            result.append(address);
    }
    return result;
}

QStringList sanList(const QStringList &dnsNames, const QList<QHostAddress> &addresses)
{
    QStringList list;
    for (const QString &name : dnsNames)
        list.append(QLatin1String("DNS:") + name);
    for (const QHostAddress &address : addresses)
        list.append(QLatin1String("IP:") + address.toString());
    list.sort();
    return list;
}

PkeyPtr generateKey(CertificateTool::KeyAlgorithm algorithm)
{
    switch (algorithm) {
    case CertificateTool::KeyAlgorithm::EcP256:
        return PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    case CertificateTool::KeyAlgorithm::Rsa2048:
        return PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
    case CertificateTool::KeyAlgorithm::Ed25519:
        return PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    }
    return nullptr;
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool addSubjectAltNames(X509 *certificate, const QStringList &dnsNames,
                        const QList<QHostAddress> &addresses)
{
    GeneralNamesPtr names(sk_GENERAL_NAME_new_null());
    if (!names)
        return false;
    const auto append = [&names](int type, void *value) {
        GENERAL_NAME *entry = GENERAL_NAME_new();
        if (!entry)
            return false;
        GENERAL_NAME_set0_value(entry, type, value);
        if (sk_GENERAL_NAME_push(names.get(), entry) <= 0) {
            GENERAL_NAME_free(entry);
            return false;
        }
        return true;
    };
    for (const QString &name : dnsNames) {
        const QByteArray ascii = name.toLatin1();
        ASN1_IA5STRING *value = ASN1_IA5STRING_new();
        if (!value || ASN1_STRING_set(value, ascii.constData(), int(ascii.size())) != 1
            || !append(GEN_DNS, value)) {
            ASN1_IA5STRING_free(value);
            return false;
        }
    }
    for (const QHostAddress &address : addresses) {
        QByteArray bytes;
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            bytes.resize(4);
            qToBigEndian(address.toIPv4Address(), bytes.data());
        } else {
            const Q_IPV6ADDR ipv6 = address.toIPv6Address();
            bytes = QByteArray(reinterpret_cast<const char *>(ipv6.c), 16);
        }
        ASN1_OCTET_STRING *value = ASN1_OCTET_STRING_new();
        if (!value
            || ASN1_OCTET_STRING_set(value,
                                     reinterpret_cast<const unsigned char *>(bytes.constData()),
                                     int(bytes.size()))
                   != 1
            || !append(GEN_IPADD, value)) {
            ASN1_OCTET_STRING_free(value);
            return false;
        }
    }
    return X509_add1_ext_i2d(certificate, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT)
           == 1;
}

// Writes through a new file in the same directory and renames it into place, so that readers
// never see a half-written file and a key never exists with a wider mode than 0600.
CertificateWriteResult writeFileAtomically(const QString &path, const QByteArray &bytes,
                                           mode_t mode, const QString &role)
{
    const auto failed = [&](const QString &what, int error) {
        return CertificateWriteResult{
            CertificateError::WriteFailed,
            QStringLiteral("%1 %2 cannot be written: %3: %4")
                .arg(role, path, what, QString::fromLocal8Bit(std::strerror(error)))};
    };

    const QByteArray target = QFile::encodeName(path);
    QByteArray temporary;
    int fd = -1;
    for (int attempt = 0; attempt < 8 && fd < 0; ++attempt) {
        temporary
            = target + ".new-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
        fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                    mode);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0)
        return failed(QStringLiteral("creating a temporary file"), errno);

    const auto abandon = [&](const QString &what) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.constData());
        return failed(what, error);
    };
    // The umask could only narrow the mode; setting it exactly keeps the result predictable.
    if (::fchmod(fd, mode) != 0)
        return abandon(QStringLiteral("setting its mode"));
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return abandon(QStringLiteral("writing"));
        written += n;
    }
    if (::fsync(fd) != 0)
        return abandon(QStringLiteral("flushing to disk"));
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return failed(QStringLiteral("closing"), error);
    }
    if (::rename(temporary.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return failed(QStringLiteral("renaming the temporary file"), error);
    }
    const QByteArray directory = QFile::encodeName(QFileInfo(path).absolutePath());
    const int directoryFd = ::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directoryFd >= 0) {
        ::fsync(directoryFd);
        ::close(directoryFd);
    }
    return {};
}

QString keyTypeName(const EVP_PKEY *key)
{
    const char *name = EVP_PKEY_get0_type_name(key);
    return name ? QString::fromLatin1(name) : QStringLiteral("unknown");
}

bool isSupportedKeyType(const EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_EC:
    case EVP_PKEY_ED25519:
    case EVP_PKEY_ED448:
        return true;
    default:
        return false;
    }
}

// Builds the same kind of server context Qt's backend will build for every connection, so
// that what its security level refuses is found now, with a reason, not at each handshake.
QString openSslRefusal(const std::vector<X509Ptr> &chain, EVP_PKEY *key)
{
    SslCtxPtr context(SSL_CTX_new(TLS_server_method()));
    if (!context)
        return QStringLiteral("no TLS context can be created (%1)").arg(openSslReason());
    if (SSL_CTX_use_certificate(context.get(), chain.front().get()) != 1)
        return openSslReason();
    if (SSL_CTX_use_PrivateKey(context.get(), key) != 1)
        return openSslReason();
    for (size_t i = 1; i < chain.size(); ++i) {
        if (SSL_CTX_ctrl(context.get(), SSL_CTRL_CHAIN_CERT, 1, chain[i].get()) != 1)
            return QStringLiteral("certificate %1 of the chain: %2")
                .arg(i + 1)
                .arg(openSslReason());
    }
    return {};
}

bool digestEquals(const ASN1_OCTET_STRING *expected, const unsigned char *digest, unsigned length)
{
    return expected && ASN1_STRING_length(expected) == int(length)
           && std::memcmp(ASN1_STRING_get0_data(expected), digest, length) == 0;
}

// Compares by parts rather than with OCSP_id_cmp so that a response can be matched even when
// the issuer is not in the chain (then only the issuer's name and the serial are compared).
bool ocspIdMatches(OCSP_CERTID *id, X509 *leaf, X509 *issuer)
{
    ASN1_OCTET_STRING *nameHash = nullptr;
    ASN1_OCTET_STRING *keyHash = nullptr;
    ASN1_OBJECT *digestObject = nullptr;
    ASN1_INTEGER *serial = nullptr;
    if (OCSP_id_get0_info(&nameHash, &digestObject, &keyHash, &serial, id) != 1)
        return false;
    if (ASN1_INTEGER_cmp(serial, X509_get0_serialNumber(leaf)) != 0)
        return false;
    const EVP_MD *digest = EVP_get_digestbyobj(digestObject);
    if (!digest)
        return false;
    unsigned char buffer[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    if (X509_NAME_digest(X509_get_issuer_name(leaf), digest, buffer, &length) != 1
        || !digestEquals(nameHash, buffer, length))
        return false;
    if (!issuer)
        return true;
    return X509_pubkey_digest(issuer, digest, buffer, &length) == 1
           && digestEquals(keyHash, buffer, length);
}

X509 *findIssuer(const std::vector<X509Ptr> &chain)
{
    for (const X509Ptr &candidate : chain) {
        if (X509_check_issued(candidate.get(), chain.front().get()) == X509_V_OK)
            return candidate.get();
    }
    return nullptr;
}

bool isSelfIssued(const QSslCertificate &certificate)
{
    const QList<QByteArray> attributes = certificate.subjectInfoAttributes();
    if (attributes != certificate.issuerInfoAttributes())
        return false;
    return std::all_of(attributes.cbegin(), attributes.cend(), [&](const QByteArray &attribute) {
        return certificate.subjectInfo(attribute) == certificate.issuerInfo(attribute);
    });
}

} // namespace

QString certificateErrorName(CertificateError error)
{
    switch (error) {
    case CertificateError::None:
        return QStringLiteral("none");
    case CertificateError::Missing:
        return QStringLiteral("missing");
    case CertificateError::Unreadable:
        return QStringLiteral("unreadable");
    case CertificateError::Malformed:
        return QStringLiteral("malformed");
    case CertificateError::NoCertificate:
        return QStringLiteral("no-certificate");
    case CertificateError::NoKey:
        return QStringLiteral("no-key");
    case CertificateError::KeyEncrypted:
        return QStringLiteral("key-encrypted");
    case CertificateError::UnsupportedKeyType:
        return QStringLiteral("unsupported-key-type");
    case CertificateError::KeyMismatch:
        return QStringLiteral("key-mismatch");
    case CertificateError::Expired:
        return QStringLiteral("expired");
    case CertificateError::NotYetValid:
        return QStringLiteral("not-yet-valid");
    case CertificateError::Rejected:
        return QStringLiteral("rejected");
    case CertificateError::GenerationFailed:
        return QStringLiteral("generation-failed");
    case CertificateError::WriteFailed:
        return QStringLiteral("write-failed");
    case CertificateError::OcspNotSuccessful:
        return QStringLiteral("ocsp-not-successful");
    case CertificateError::OcspWrongCertificate:
        return QStringLiteral("ocsp-wrong-certificate");
    case CertificateError::OcspUnverified:
        return QStringLiteral("ocsp-unverified");
    case CertificateError::OcspRevoked:
        return QStringLiteral("ocsp-revoked");
    case CertificateError::OcspUnknownStatus:
        return QStringLiteral("ocsp-unknown-status");
    }
    return QStringLiteral("unknown");
}

QString CertificateTool::selfSignedCertificateFileName()
{
    return QStringLiteral("mailportd-selfsigned.crt");
}

QString CertificateTool::selfSignedKeyFileName()
{
    return QStringLiteral("mailportd-selfsigned.key");
}

CertificateWriteResult CertificateTool::generateSelfSigned(const QString &certPath,
                                                           const QString &keyPath,
                                                           const QString &commonName,
                                                           const QStringList &dnsNames,
                                                           const QList<QHostAddress> &ipAddresses,
                                                           int days, KeyAlgorithm algorithm)
{
    const ErrorQueueGuard errorQueueGuard;
    const auto failed = [](const QString &what) {
        return CertificateWriteResult{
            CertificateError::GenerationFailed,
            QStringLiteral("Cannot generate a self-signed certificate: %1 (%2)")
                .arg(what, openSslReason())};
    };

    QString badName;
    const QStringList names = certificateDnsNames(dnsNames, &badName);
    if (!badName.isEmpty())
        return {CertificateError::GenerationFailed,
                QStringLiteral("Cannot generate a self-signed certificate: \"%1\" is not a valid "
                               "DNS name")
                    .arg(badName)};
    const QList<QHostAddress> addresses = certificateAddresses(ipAddresses);

    PkeyPtr key = generateKey(algorithm);
    if (!key)
        return failed(QStringLiteral("key generation failed"));

    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1)
        return failed(QStringLiteral("no certificate structure"));

    // A positive 127-bit serial: unique without bookkeeping, as RFC 5280 wants it at most 20
    // octets and positive.
    unsigned char serialBytes[16];
    if (RAND_bytes(serialBytes, sizeof serialBytes) != 1)
        return failed(QStringLiteral("no random serial number"));
    serialBytes[0] = (serialBytes[0] & 0x7f) | 0x40;
    BignumPtr serial(BN_bin2bn(serialBytes, sizeof serialBytes, nullptr));
    if (!serial || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())))
        return failed(QStringLiteral("cannot set the serial number"));

    // Valid from an hour ago, for clients whose clocks run a little behind; an expired
    // certificate (negative days) ends that many days ago and started a day before.
    const long notAfter = long(days) * 24 * 3600;
    const long notBefore = std::min(-3600L, notAfter - 24 * 3600L);
    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), notBefore)
        || !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), notAfter))
        return failed(QStringLiteral("cannot set the validity"));

    const QByteArray cn = commonName.toUtf8();
    X509_NAME *subject = X509_get_subject_name(certificate.get());
    if (!cn.isEmpty()
        && X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(cn.constData()),
                                      int(cn.size()), -1, 0)
               != 1)
        return failed(QStringLiteral("cannot use \"%1\" as the common name").arg(commonName));
    if (X509_set_issuer_name(certificate.get(), subject) != 1
        || X509_set_pubkey(certificate.get(), key.get()) != 1)
        return failed(QStringLiteral("cannot set the names or the public key"));

    const char *keyUsage = algorithm == KeyAlgorithm::Rsa2048
                               ? "critical,digitalSignature,keyEncipherment"
                               : "critical,digitalSignature";
    if (!addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_key_usage, keyUsage)
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(certificate.get(), NID_subject_key_identifier, "hash"))
        return failed(QStringLiteral("cannot add the extensions"));
    if ((!names.isEmpty() || !addresses.isEmpty())
        && !addSubjectAltNames(certificate.get(), names, addresses))
        return failed(QStringLiteral("cannot add the subject alternative names"));

    // EdDSA signs the message itself and takes no separate digest.
    const EVP_MD *digest = algorithm == KeyAlgorithm::Ed25519 ? nullptr : EVP_sha256();
    if (X509_sign(certificate.get(), key.get(), digest) <= 0)
        return failed(QStringLiteral("cannot sign the certificate"));

    // Secure memory, so the PEM text of the key is wiped when the BIO goes.
    BioPtr keyBio(BIO_new(BIO_s_secmem()));
    if (!keyBio
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
               != 1)
        return failed(QStringLiteral("cannot encode the key"));
    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1)
        return failed(QStringLiteral("cannot encode the certificate"));

    char *keyText = nullptr;
    const long keyLength = BIO_get_mem_data(keyBio.get(), &keyText);
    // fromRawData: the only copy of the key text stays in the secure BIO.
    const CertificateWriteResult keyWritten
        = writeFileAtomically(keyPath, QByteArray::fromRawData(keyText, keyLength), 0600,
                              QStringLiteral("Private key file"));
    if (!keyWritten.ok())
        return keyWritten;
    return writeFileAtomically(certPath, bioBytes(certificateBio.get()), 0644,
                               QStringLiteral("Certificate file"));
}

CertificateLoadResult CertificateTool::ensureSelfSigned(const QString &directory,
                                                        const QStringList &dnsNames,
                                                        const QList<QHostAddress> &ipAddresses,
                                                        int days, int renewWithinDays)
{
    const QDir dir(directory);
    CertificateLoadResult result;
    result.certificatePath = dir.filePath(selfSignedCertificateFileName());
    result.keyPath = dir.filePath(selfSignedKeyFileName());

    if (!dir.exists()) {
        const QString parent = QFileInfo(dir.absolutePath()).absolutePath();
        QDir().mkpath(parent);
        if (::mkdir(QFile::encodeName(dir.absolutePath()).constData(), 0700) != 0
            && errno != EEXIST) {
            result.error = CertificateError::WriteFailed;
            result.message = QStringLiteral("Directory %1 for the self-signed certificate cannot "
                                            "be created: %2")
                                 .arg(directory, QString::fromLocal8Bit(std::strerror(errno)));
            return result;
        }
    }

    QString badName;
    const QStringList names = certificateDnsNames(dnsNames, &badName);
    const QList<QHostAddress> addresses = certificateAddresses(ipAddresses);
    if (badName.isEmpty()) {
        CertificateLoadResult existing = load(result.certificatePath, result.keyPath);
        const QDateTime renewAfter = QDateTime::currentDateTimeUtc().addDays(renewWithinDays);
        QStringList existingNames = existing.subjectAltNames;
        existingNames.sort();
        if (existing.ok() && existing.notAfter > renewAfter
            && existingNames == sanList(names, addresses))
            return existing;
    }

    // A host name may be longer than the 64 characters X.509 allows in a common name; the
    // subjectAltName, which is what clients check, has no such limit.
    constexpr qsizetype maxCommonNameLength = 64;
    QString commonName = names.value(0, QStringLiteral("mailportd"));
    if (commonName.size() > maxCommonNameLength)
        commonName = QStringLiteral("mailportd");
    const CertificateWriteResult written = generateSelfSigned(
        result.certificatePath, result.keyPath, commonName, dnsNames, ipAddresses, days);
    if (!written.ok()) {
        result.error = written.error;
        result.message = written.message;
        return result;
    }
    result = load(result.certificatePath, result.keyPath);
    result.generated = result.ok();
    return result;
}

CertificateLoadResult CertificateTool::load(const QString &certPath, const QString &keyPath)
{
    const ErrorQueueGuard errorQueueGuard;
    const QString certificateRole = QStringLiteral("Certificate file");
    const QString keyRole = QStringLiteral("Private key file");

    CertificateLoadResult result;
    result.certificatePath = certPath;
    result.keyPath = keyPath.isEmpty() ? certPath : keyPath;
    const bool keyInCertificateFile = result.keyPath == certPath;
    const auto fail = [&result](CertificateError error, const QString &message) {
        result.error = error;
        result.message = message;
        return result;
    };

    if (QSslSocket::activeBackend() != QLatin1String("openssl"))
        return fail(CertificateError::Rejected,
                    QStringLiteral("Qt's OpenSSL TLS backend is not available (active backend: "
                                   "\"%1\")")
                        .arg(QSslSocket::activeBackend()));

    FileContents certificateFile = readFile(certPath, certificateRole);
    WipeOnExit wipeCertificateFile{certificateFile.data};
    if (certificateFile.error != CertificateError::None)
        return fail(certificateFile.error, certificateFile.message);

    QList<PemBlock> certificateBlocks;
    const WipeBlocksOnExit wipeCertificateBlocks{certificateBlocks};
    if (!parsePem(certificateFile.data, &certificateBlocks))
        return fail(CertificateError::Malformed,
                    QStringLiteral("%1 %2 has a corrupt PEM block").arg(certificateRole, certPath));
    if (certificateBlocks.isEmpty()) {
        const auto *cursor
            = reinterpret_cast<const unsigned char *>(certificateFile.data.constData());
        const X509Ptr der(d2i_X509(nullptr, &cursor, long(certificateFile.data.size())));
        return fail(CertificateError::Malformed,
                    der ? QStringLiteral("%1 %2 is in DER form; it must be PEM (convert it with "
                                         "\"openssl x509 -inform der\")")
                              .arg(certificateRole, certPath)
                        : QStringLiteral("%1 %2 is not a PEM file (no \"-----BEGIN\" line)")
                              .arg(certificateRole, certPath));
    }

    std::vector<X509Ptr> chain;
    for (const PemBlock &block : std::as_const(certificateBlocks)) {
        if (!isCertificateBlock(block))
            continue;
        X509Ptr certificate = decodeCertificate(block.der);
        if (!certificate)
            return fail(CertificateError::Malformed,
                        QStringLiteral("%1 %2: certificate %3 cannot be decoded (%4)")
                            .arg(certificateRole, certPath)
                            .arg(chain.size() + 1)
                            .arg(openSslReason()));
        chain.push_back(std::move(certificate));
    }
    if (chain.empty()) {
        const bool hasKey
            = std::any_of(certificateBlocks.cbegin(), certificateBlocks.cend(), isKeyBlock);
        return fail(CertificateError::NoCertificate,
                    hasKey ? QStringLiteral("%1 %2 holds a private key but no certificate")
                                 .arg(certificateRole, certPath)
                           : QStringLiteral("%1 %2 holds no certificate (only \"%3\")")
                                 .arg(certificateRole, certPath,
                                      QString::fromLatin1(certificateBlocks.first().name)));
    }

    FileContents keyFile;
    WipeOnExit wipeKeyFile{keyFile.data};
    QList<PemBlock> keyFileBlocks;
    const WipeBlocksOnExit wipeKeyBlocks{keyFileBlocks};
    if (!keyInCertificateFile) {
        keyFile = readFile(result.keyPath, keyRole);
        if (keyFile.error != CertificateError::None)
            return fail(keyFile.error, keyFile.message);
        if (!parsePem(keyFile.data, &keyFileBlocks))
            return fail(
                CertificateError::Malformed,
                QStringLiteral("%1 %2 has a corrupt PEM block").arg(keyRole, result.keyPath));
    }
    const QList<PemBlock> &keyBlocks = keyInCertificateFile ? certificateBlocks : keyFileBlocks;

    const auto keyBlock = std::find_if(keyBlocks.cbegin(), keyBlocks.cend(), isKeyBlock);
    if (keyBlock == keyBlocks.cend())
        return fail(
            CertificateError::NoKey,
            keyInCertificateFile
                ? QStringLiteral("%1 %2 holds no private key and no separate key file is "
                                 "configured")
                      .arg(certificateRole, certPath)
                : QStringLiteral("%1 %2 holds no private key").arg(keyRole, result.keyPath));
    const QString keyWhere = keyInCertificateFile ? certificateRole : keyRole;
    if (keyBlock->encrypted)
        return fail(CertificateError::KeyEncrypted,
                    QStringLiteral("%1 %2 holds an encrypted private key; a daemon cannot ask for "
                                   "its passphrase, so store it unencrypted with mode 0600")
                        .arg(keyWhere, result.keyPath));
    const auto *keyCursor = reinterpret_cast<const unsigned char *>(keyBlock->der.constData());
    PkeyPtr key(d2i_AutoPrivateKey(nullptr, &keyCursor, long(keyBlock->der.size())));
    if (!key)
        return fail(CertificateError::Malformed,
                    QStringLiteral("%1 %2: the private key cannot be decoded (%3)")
                        .arg(keyWhere, result.keyPath, openSslReason()));
    if (!isSupportedKeyType(key.get()))
        return fail(CertificateError::UnsupportedKeyType,
                    QStringLiteral("%1 %2 holds a %3 key; only RSA, EC and Ed25519 keys are "
                                   "supported")
                        .arg(keyWhere, result.keyPath, keyTypeName(key.get())));

    X509 *leaf = chain.front().get();
    if (X509_check_private_key(leaf, key.get()) != 1) {
        const bool laterMatches
            = std::any_of(chain.cbegin() + 1, chain.cend(), [&key](const X509Ptr &c) {
                  return X509_check_private_key(c.get(), key.get()) == 1;
              });
        return fail(CertificateError::KeyMismatch,
                    laterMatches
                        ? QStringLiteral("%1 %2 does not belong to the first certificate of %3 but "
                                         "to a later one; the server's own certificate must come "
                                         "first")
                              .arg(keyWhere, result.keyPath, certPath)
                        : QStringLiteral("%1 %2 does not belong to the certificate in %3")
                              .arg(keyWhere, result.keyPath, certPath));
    }

    result.subject = nameText(X509_get_subject_name(leaf));
    result.issuer = nameText(X509_get_issuer_name(leaf));
    result.notBefore = toDateTime(X509_get0_notBefore(leaf));
    result.notAfter = toDateTime(X509_get0_notAfter(leaf));
    result.subjectAltNames = subjectAltNames(leaf);

    if (X509_cmp_current_time(X509_get0_notBefore(leaf)) > 0)
        return fail(CertificateError::NotYetValid,
                    QStringLiteral("%1 %2 is not valid before %3 (%4)")
                        .arg(certificateRole, certPath, utcText(result.notBefore), result.subject));
    if (X509_cmp_current_time(X509_get0_notAfter(leaf)) < 0)
        return fail(CertificateError::Expired,
                    QStringLiteral("%1 %2 expired on %3 (%4)")
                        .arg(certificateRole, certPath, utcText(result.notAfter), result.subject));

    const QString refusal = openSslRefusal(chain, key.get());
    if (!refusal.isEmpty())
        return fail(CertificateError::Rejected,
                    QStringLiteral("%1 %2 is refused by OpenSSL's security level: %3 (a %4-bit "
                                   "%5 key)")
                        .arg(certificateRole, certPath, refusal)
                        .arg(EVP_PKEY_get_bits(key.get()))
                        .arg(keyTypeName(key.get())));

    for (const X509Ptr &certificate : chain)
        result.chain.append(toQt(certificate.get()));
    // QSslKey takes ownership of the handle. RSA and EC keys become QSsl::Rsa / QSsl::Ec;
    // EdDSA keys, for which QSslKey has no algorithm value, stay Opaque, which Qt's OpenSSL
    // backend hands to SSL_CTX_use_PrivateKey unchanged.
    const QString keyType = keyTypeName(key.get());
    result.key = QSslKey(static_cast<Qt::HANDLE>(key.release()), QSsl::PrivateKey);
    if (result.key.isNull())
        return fail(CertificateError::UnsupportedKeyType,
                    QStringLiteral("%1 %2: Qt cannot use this %3 key")
                        .arg(keyWhere, result.keyPath, keyType));
    return result;
}

OcspLoadResult CertificateTool::loadOcspResponse(const QString &path,
                                                 const QList<QSslCertificate> &chain)
{
    const ErrorQueueGuard errorQueueGuard;
    const QString role = QStringLiteral("OCSP response file");
    OcspLoadResult result;
    const auto fail = [&result](CertificateError error, const QString &message) {
        result.error = error;
        result.message = message;
        result.der.clear();
        return result;
    };

    FileContents file = readFile(path, role);
    if (file.error != CertificateError::None)
        return fail(file.error, file.message);

    const auto *cursor = reinterpret_cast<const unsigned char *>(file.data.constData());
    OcspResponsePtr response(d2i_OCSP_RESPONSE(nullptr, &cursor, long(file.data.size())));
    if (!response
        || cursor
               != reinterpret_cast<const unsigned char *>(file.data.constData()) + file.data.size())
        return fail(
            CertificateError::Malformed,
            file.data.startsWith("-----BEGIN")
                ? QStringLiteral("%1 %2 is PEM; it must be a DER OCSP response").arg(role, path)
                : QStringLiteral("%1 %2 is not a DER OCSP response").arg(role, path));

    const int status = OCSP_response_status(response.get());
    if (status != OCSP_RESPONSE_STATUS_SUCCESSFUL)
        return fail(CertificateError::OcspNotSuccessful,
                    QStringLiteral("%1 %2 holds no proof: the responder answered \"%3\"")
                        .arg(role, path, QString::fromLatin1(OCSP_response_status_str(status))));
    OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
    if (!basic)
        return fail(CertificateError::Malformed,
                    QStringLiteral("%1 %2 holds no basic OCSP response").arg(role, path));

    if (chain.isEmpty())
        return fail(CertificateError::OcspWrongCertificate,
                    QStringLiteral("%1 %2 cannot be used without a certificate").arg(role, path));
    std::vector<X509Ptr> certificates;
    for (const QSslCertificate &certificate : chain) {
        certificates.push_back(toX509(certificate));
        if (!certificates.back())
            return fail(
                CertificateError::Malformed,
                QStringLiteral("%1 %2: the certificate chain cannot be converted").arg(role, path));
    }
    X509 *leaf = certificates.front().get();
    X509 *issuer = findIssuer(certificates);

    OCSP_SINGLERESP *single = nullptr;
    for (int i = 0; i < OCSP_resp_count(basic.get()) && !single; ++i) {
        OCSP_SINGLERESP *candidate = OCSP_resp_get0(basic.get(), i);
        if (ocspIdMatches(const_cast<OCSP_CERTID *>(OCSP_SINGLERESP_get0_id(candidate)), leaf,
                          issuer))
            single = candidate;
    }
    if (!single)
        return fail(CertificateError::OcspWrongCertificate,
                    QStringLiteral("%1 %2 is about another certificate, not %3")
                        .arg(role, path, nameText(X509_get_subject_name(leaf))));

    // The chain's certificates are trusted as signers (OCSP_TRUSTOTHER): the file is the
    // admin's own, and what matters is that clients, which know the issuer, will accept it.
    X509StackPtr signers(sk_X509_new_null());
    X509StorePtr store(X509_STORE_new());
    if (!signers || !store)
        return fail(
            CertificateError::OcspUnverified,
            QStringLiteral("%1 %2 cannot be verified (%3)").arg(role, path, openSslReason()));
    X509_STORE_set_default_paths(store.get());
    for (const X509Ptr &certificate : certificates) {
        if (X509_up_ref(certificate.get()) != 1
            || sk_X509_push(signers.get(), certificate.get()) <= 0)
            return fail(
                CertificateError::OcspUnverified,
                QStringLiteral("%1 %2 cannot be verified (%3)").arg(role, path, openSslReason()));
    }
    if (OCSP_basic_verify(basic.get(), signers.get(), store.get(), OCSP_TRUSTOTHER) != 1)
        return fail(CertificateError::OcspUnverified,
                    QStringLiteral("%1 %2 is not signed by the certificate's issuer or a responder "
                                   "it authorised (%3)")
                        .arg(role, path, openSslReason()));

    int reason = 0;
    ASN1_GENERALIZEDTIME *revokedAt = nullptr;
    ASN1_GENERALIZEDTIME *thisUpdate = nullptr;
    ASN1_GENERALIZEDTIME *nextUpdate = nullptr;
    const int certificateStatus
        = OCSP_single_get0_status(single, &reason, &revokedAt, &thisUpdate, &nextUpdate);
    result.thisUpdate = toDateTime(thisUpdate);
    result.nextUpdate = toDateTime(nextUpdate);
    if (certificateStatus == V_OCSP_CERTSTATUS_REVOKED)
        return fail(CertificateError::OcspRevoked,
                    QStringLiteral("%1 %2 says the certificate was revoked on %3")
                        .arg(role, path, utcText(toDateTime(revokedAt))));
    if (certificateStatus != V_OCSP_CERTSTATUS_GOOD)
        return fail(CertificateError::OcspUnknownStatus,
                    QStringLiteral("%1 %2 says the responder does not know the certificate")
                        .arg(role, path));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (result.thisUpdate.isValid() && result.thisUpdate > now.addSecs(ocspClockSkewSeconds))
        return fail(CertificateError::NotYetValid,
                    QStringLiteral("%1 %2 is not valid before %3")
                        .arg(role, path, utcText(result.thisUpdate)));
    if (result.nextUpdate.isValid() && result.nextUpdate < now.addSecs(-ocspClockSkewSeconds))
        return fail(
            CertificateError::Expired,
            QStringLiteral("%1 %2 expired on %3").arg(role, path, utcText(result.nextUpdate)));

    result.der = file.data;
    return result;
}

QString CertificateTool::describe(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return QStringLiteral("no certificate");
    // isSelfSigned() asks OpenSSL whether the certificate could have signed itself, which a
    // server certificate whose key usage excludes keyCertSign never could; the name is what
    // tells a reader who vouches for it.
    const QString issuer
        = isSelfIssued(certificate)
              ? QStringLiteral("self-signed")
              : QStringLiteral("issued by %1").arg(certificate.issuerDisplayName());
    return QStringLiteral("%1 (%2), valid %3 to %4, SHA-256 %5")
        .arg(certificate.subjectDisplayName(), issuer, utcText(certificate.effectiveDate()),
             utcText(certificate.expiryDate()),
             QString::fromLatin1(
                 certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
}

} // namespace Mailport
