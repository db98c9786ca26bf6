#include "certificatetool.h"

#include "testpki.h"

#include <QDir>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Mailport;

namespace {

mode_t fileMode(const QString &path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0;
    return status.st_mode & 07777;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_CertificateTool final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void errorNamesAreUniqueAndKebabCase();

    void loadFailures_data();
    void loadFailures();
    void loadSuccess_data();
    void loadSuccess();

    void generateWritesAServerCertificate();
    void generateReplacesAKeyFileWithMode0600();
    void generateGivesEachCertificateItsOwnSerial();
    void generateFailures_data();
    void generateFailures();

    void ensureSelfSignedGeneratesOnceThenReuses();
    void ensureSelfSignedRegeneratesWhenNamesChange();
    void ensureSelfSignedRenewsBeforeExpiry();
    void ensureSelfSignedReplacesABrokenPair();

    void loadOcspResponse_data();
    void loadOcspResponse();

    void describeNamesSubjectIssuerAndFingerprint();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &name, const QByteArray &bytes)
    {
        QVERIFY2(TestPki::writeFile(path(name), bytes), qPrintable(name));
    }
    void generate(const QString &name, int days, CertificateTool::KeyAlgorithm algorithm)
    {
        const CertificateWriteResult result = CertificateTool::generateSelfSigned(
            path(name + QLatin1String(".crt")), path(name + QLatin1String(".key")),
            QStringLiteral("localhost"), {QStringLiteral("localhost")}, {QHostAddress::LocalHost},
            days, algorithm);
        QVERIFY2(result.ok(), qPrintable(result.message));
    }

    QTemporaryDir m_dir;
    // An issuing CA, a leaf it signed and a sibling of that leaf, for the OCSP tests.
    TestPki::Key m_caKey;
    TestPki::Certificate m_ca;
    TestPki::Key m_leafKey;
    TestPki::Certificate m_leaf;
    TestPki::Certificate m_sibling;
    TestPki::Key m_strangerKey;
    TestPki::Certificate m_stranger;
    QList<QList<QSslCertificate>> m_chains;
};

void tst_CertificateTool::initTestCase()
{
    QVERIFY(m_dir.isValid());
    using Algorithm = CertificateTool::KeyAlgorithm;
    generate(QStringLiteral("ec"), 30, Algorithm::EcP256);
    generate(QStringLiteral("rsa"), 30, Algorithm::Rsa2048);
    generate(QStringLiteral("ed"), 30, Algorithm::Ed25519);
    generate(QStringLiteral("other"), 30, Algorithm::EcP256);
    generate(QStringLiteral("expired"), -1, Algorithm::EcP256);

    const QByteArray ecCertificate = readAll(path(QStringLiteral("ec.crt")));
    const QByteArray ecKey = readAll(path(QStringLiteral("ec.key")));
    const QByteArray otherCertificate = readAll(path(QStringLiteral("other.crt")));
    write(QStringLiteral("combined.pem"), ecCertificate + ecKey);
    write(QStringLiteral("chain.pem"), ecCertificate + otherCertificate);
    write(QStringLiteral("wrong-order.pem"), otherCertificate + ecCertificate);
    write(QStringLiteral("commented.pem"), "Subject: localhost\n" + ecCertificate);

    const TestPki::Key futureKey = TestPki::ecKey();
    const TestPki::Certificate future
        = TestPki::certificate(futureKey.get(), "future", 86400, 2 * 86400);
    write(QStringLiteral("future.crt"), TestPki::pem(future.get()));
    write(QStringLiteral("future.key"), TestPki::pem(futureKey.get()));

    const TestPki::Key weakKey = TestPki::rsaKey(512);
    const TestPki::Certificate weak = TestPki::certificate(weakKey.get(), "weak", -60, 86400);
    write(QStringLiteral("weak.crt"), TestPki::pem(weak.get()));
    write(QStringLiteral("weak.key"), TestPki::pem(weakKey.get()));

    write(QStringLiteral("x25519.key"), TestPki::pem(TestPki::keyOfType("X25519").get()));
    const TestPki::Key ecPrivateKey = TestPki::readKey(path(QStringLiteral("ec.key")));
    QVERIFY(ecPrivateKey);
    write(QStringLiteral("encrypted-pkcs8.key"), TestPki::pem(ecPrivateKey.get(), "secret"));
    const QSslKey qtKey(ecKey, QSsl::Ec);
    QVERIFY(!qtKey.isNull());
    write(QStringLiteral("encrypted-traditional.key"), qtKey.toPem("secret"));

    write(QStringLiteral("garbage.bin"), QByteArray::fromHex("00ff13a7c0de5e1fbadd0c7"));
    write(QStringLiteral("text.txt"), "just some words\n");
    write(QStringLiteral("corrupt.pem"),
          "-----BEGIN CERTIFICATE-----\n!!! not base64 !!!\n-----END CERTIFICATE-----\n");
    write(QStringLiteral("request.pem"), "-----BEGIN CERTIFICATE REQUEST-----\n"
                                         "aGVsbG8gd29ybGQ=\n-----END CERTIFICATE REQUEST-----\n");
    write(QStringLiteral("corrupt-key.pem"),
          "-----BEGIN PRIVATE KEY-----\naGVsbG8gd29ybGQ=\n-----END PRIVATE KEY-----\n");
    const TestPki::Certificate ecX509 = TestPki::readCertificate(path(QStringLiteral("ec.crt")));
    QVERIFY(ecX509);
    write(QStringLiteral("ec.der"), TestPki::der(ecX509.get()));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("directory.crt")));

    m_caKey = TestPki::ecKey();
    m_ca = TestPki::certificate(m_caKey.get(), "Test CA", -3600, 30 * 86400, nullptr, nullptr, true,
                                1);
    m_leafKey = TestPki::ecKey();
    m_leaf = TestPki::certificate(m_leafKey.get(), "leaf", -3600, 30 * 86400, m_caKey.get(),
                                  m_ca.get(), false, 2);
    m_sibling = TestPki::certificate(m_leafKey.get(), "sibling", -3600, 30 * 86400, m_caKey.get(),
                                     m_ca.get(), false, 3);
    m_strangerKey = TestPki::ecKey();
    m_stranger = TestPki::certificate(m_strangerKey.get(), "Test CA", -3600, 30 * 86400, nullptr,
                                      nullptr, true, 1);
    QVERIFY(m_ca && m_leaf && m_sibling && m_stranger);
    const QSslCertificate leaf(TestPki::der(m_leaf.get()), QSsl::Der);
    const QSslCertificate ca(TestPki::der(m_ca.get()), QSsl::Der);
    m_chains = {{leaf, ca}, {leaf}, {ca}};
}

void tst_CertificateTool::errorNamesAreUniqueAndKebabCase()
{
    QSet<QString> seen;
    for (int i = 0; i <= int(CertificateError::OcspUnknownStatus); ++i) {
        const QString name = certificateErrorName(CertificateError(i));
        QVERIFY2(name != QLatin1String("unknown"), qPrintable(QString::number(i)));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        for (const QChar c : name)
            QVERIFY2(c.isLower() || c == u'-', qPrintable(name));
        seen.insert(name);
    }
}

void tst_CertificateTool::loadFailures_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<CertificateError>("error");
    QTest::addColumn<QString>("reason");

    const QString ecCrt = path(QStringLiteral("ec.crt"));
    const QString ecKey = path(QStringLiteral("ec.key"));
    QTest::newRow("missing certificate")
        << path(QStringLiteral("nope.crt")) << ecKey << CertificateError::Missing
        << QStringLiteral("does not exist");
    QTest::newRow("missing key") << ecCrt << path(QStringLiteral("nope.key"))
                                 << CertificateError::Missing << QStringLiteral("does not exist");
    // A directory stands in for an unreadable file: the tests may run as root, whom a
    // mode of 000 does not stop.
    QTest::newRow("unreadable certificate")
        << path(QStringLiteral("directory.crt")) << ecKey << CertificateError::Unreadable
        << QStringLiteral("is a directory");
    QTest::newRow("unreadable key")
        << ecCrt << path(QStringLiteral("directory.crt")) << CertificateError::Unreadable
        << QStringLiteral("is a directory");
    QTest::newRow("garbage bytes")
        << path(QStringLiteral("garbage.bin")) << ecKey << CertificateError::Malformed
        << QStringLiteral("is not a PEM file");
    QTest::newRow("plain text") << path(QStringLiteral("text.txt")) << ecKey
                                << CertificateError::Malformed
                                << QStringLiteral("is not a PEM file");
    QTest::newRow("DER certificate")
        << path(QStringLiteral("ec.der")) << ecKey << CertificateError::Malformed
        << QStringLiteral("is in DER form");
    QTest::newRow("corrupt PEM block")
        << path(QStringLiteral("corrupt.pem")) << ecKey << CertificateError::Malformed
        << QStringLiteral("corrupt PEM block");
    QTest::newRow("key only") << ecKey << ecKey << CertificateError::NoCertificate
                              << QStringLiteral("holds a private key but no certificate");
    QTest::newRow("certificate request")
        << path(QStringLiteral("request.pem")) << ecKey << CertificateError::NoCertificate
        << QStringLiteral("only \"CERTIFICATE REQUEST\"");
    QTest::newRow("key file holds a certificate")
        << ecCrt << ecCrt << CertificateError::NoKey << QStringLiteral("holds no private key");
    QTest::newRow("no key beside the certificate")
        << ecCrt << QString() << CertificateError::NoKey
        << QStringLiteral("no separate key file is configured");
    QTest::newRow("corrupt key") << ecCrt << path(QStringLiteral("corrupt-key.pem"))
                                 << CertificateError::Malformed
                                 << QStringLiteral("private key cannot be decoded");
    QTest::newRow("encrypted PKCS#8 key")
        << ecCrt << path(QStringLiteral("encrypted-pkcs8.key")) << CertificateError::KeyEncrypted
        << QStringLiteral("encrypted private key");
    QTest::newRow("encrypted traditional key")
        << ecCrt << path(QStringLiteral("encrypted-traditional.key"))
        << CertificateError::KeyEncrypted << QStringLiteral("encrypted private key");
    QTest::newRow("X25519 key") << ecCrt << path(QStringLiteral("x25519.key"))
                                << CertificateError::UnsupportedKeyType
                                << QStringLiteral("holds a X25519 key");
    QTest::newRow("mismatched key")
        << ecCrt << path(QStringLiteral("other.key")) << CertificateError::KeyMismatch
        << QStringLiteral("does not belong to the certificate");
    QTest::newRow("leaf not first")
        << path(QStringLiteral("wrong-order.pem")) << ecKey << CertificateError::KeyMismatch
        << QStringLiteral("must come first");
    QTest::newRow("expired") << path(QStringLiteral("expired.crt"))
                             << path(QStringLiteral("expired.key")) << CertificateError::Expired
                             << QStringLiteral("expired on");
    QTest::newRow("not yet valid")
        << path(QStringLiteral("future.crt")) << path(QStringLiteral("future.key"))
        << CertificateError::NotYetValid << QStringLiteral("is not valid before");
    QTest::newRow("512-bit RSA") << path(QStringLiteral("weak.crt"))
                                 << path(QStringLiteral("weak.key")) << CertificateError::Rejected
                                 << QStringLiteral("security level");
}

void tst_CertificateTool::loadFailures()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(CertificateError, error);
    QFETCH(QString, reason);

    const CertificateLoadResult result = CertificateTool::load(certificate, key);
    QCOMPARE(certificateErrorName(result.error), certificateErrorName(error));
    QVERIFY(!result.ok());
    QVERIFY2(result.message.contains(reason), qPrintable(result.message));
    // The one line names the file at fault.
    const QString culprit
        = result.message.contains(QLatin1String("Private key file")) ? key : certificate;
    QVERIFY2(result.message.contains(culprit), qPrintable(result.message));
    QVERIFY(!result.message.contains(u'\n'));
    QVERIFY(result.chain.isEmpty());
    QVERIFY(result.key.isNull());
}

void tst_CertificateTool::loadSuccess_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QSsl::KeyAlgorithm>("algorithm");
    QTest::addColumn<int>("chainLength");

    QTest::newRow("EC") << path(QStringLiteral("ec.crt")) << path(QStringLiteral("ec.key"))
                        << QSsl::Ec << 1;
    QTest::newRow("RSA") << path(QStringLiteral("rsa.crt")) << path(QStringLiteral("rsa.key"))
                         << QSsl::Rsa << 1;
    // QSslKey has no value for EdDSA; an opaque key is what Qt's OpenSSL backend can use.
    QTest::newRow("Ed25519") << path(QStringLiteral("ed.crt")) << path(QStringLiteral("ed.key"))
                             << QSsl::Opaque << 1;
    QTest::newRow("key in the certificate file")
        << path(QStringLiteral("combined.pem")) << QString() << QSsl::Ec << 1;
    QTest::newRow("same file named twice") << path(QStringLiteral("combined.pem"))
                                           << path(QStringLiteral("combined.pem")) << QSsl::Ec << 1;
    QTest::newRow("chain") << path(QStringLiteral("chain.pem")) << path(QStringLiteral("ec.key"))
                           << QSsl::Ec << 2;
    QTest::newRow("text before the PEM block")
        << path(QStringLiteral("commented.pem")) << path(QStringLiteral("ec.key")) << QSsl::Ec << 1;
}

void tst_CertificateTool::loadSuccess()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QSsl::KeyAlgorithm, algorithm);
    QFETCH(int, chainLength);

    const CertificateLoadResult result = CertificateTool::load(certificate, key);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.chain.size(), chainLength);
    QVERIFY(!result.key.isNull());
    QCOMPARE(result.key.algorithm(), algorithm);
    QCOMPARE(result.key.type(), QSsl::PrivateKey);
    QCOMPARE(result.subject, QStringLiteral("CN=localhost"));
    QCOMPARE(result.issuer, QStringLiteral("CN=localhost"));
    QCOMPARE(result.subjectAltNames,
             QStringList({QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}));
    QCOMPARE(result.notAfter, result.chain.first().expiryDate());
    QCOMPARE(result.notBefore, result.chain.first().effectiveDate());
    QCOMPARE(result.keyPath, key.isEmpty() ? certificate : key);
    QVERIFY(!result.generated);
}

void tst_CertificateTool::generateWritesAServerCertificate()
{
    const QString certificatePath = path(QStringLiteral("generated.crt"));
    const QString keyPath = path(QStringLiteral("generated.key"));
    const CertificateWriteResult written = CertificateTool::generateSelfSigned(
        certificatePath, keyPath, QStringLiteral("mail.example.org"),
        {QStringLiteral("mail.example.org"), QStringLiteral("Bücher.example."),
         QStringLiteral("MAIL.example.org")},
        {QHostAddress(QStringLiteral("192.0.2.25")), QHostAddress(QStringLiteral("2001:db8::25")),
         QHostAddress::AnyIPv6},
        10);
    QVERIFY2(written.ok(), qPrintable(written.message));

    QCOMPARE(fileMode(keyPath), mode_t(0600));
    QCOMPARE(fileMode(certificatePath), mode_t(0644));
    const CertificateLoadResult loaded = CertificateTool::load(certificatePath, keyPath);
    QVERIFY2(loaded.ok(), qPrintable(loaded.message));
    QCOMPARE(loaded.subject, QStringLiteral("CN=mail.example.org"));
    QCOMPARE(loaded.subjectAltNames,
             QStringList({QStringLiteral("DNS:mail.example.org"),
                          QStringLiteral("DNS:xn--bcher-kva.example"),
                          QStringLiteral("IP:192.0.2.25"), QStringLiteral("IP:2001:db8::25")}));
    const qint64 lifetime = loaded.notBefore.secsTo(loaded.notAfter);
    QVERIFY(lifetime >= 10 * 86400 && lifetime <= 10 * 86400 + 3600);

    const TestPki::Certificate x509 = TestPki::readCertificate(certificatePath);
    QVERIFY(x509);
    QCOMPARE(X509_get_version(x509.get()), long(X509_VERSION_3));
    QCOMPARE(X509_check_ca(x509.get()), 0);
    QVERIFY(X509_get_extension_flags(x509.get()) & EXFLAG_BCONS);
    QVERIFY(X509_get_extended_key_usage(x509.get()) & XKU_SSL_SERVER);
    QVERIFY(X509_get_key_usage(x509.get()) & KU_DIGITAL_SIGNATURE);
    QCOMPARE(X509_get_signature_nid(x509.get()), NID_ecdsa_with_SHA256);
    QCOMPARE(loaded.key.algorithm(), QSsl::Ec);
    QCOMPARE(loaded.key.length(), 256);
}

void tst_CertificateTool::generateReplacesAKeyFileWithMode0600()
{
    const QString keyPath = path(QStringLiteral("replaced.key"));
    write(QStringLiteral("replaced.key"), "old contents\n");
    QVERIFY(QFile::setPermissions(keyPath, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                               | QFile::ReadOther));
    QCOMPARE(fileMode(keyPath), mode_t(0644));

    const QStringList before = QDir(m_dir.path()).entryList(QDir::Files);
    const CertificateWriteResult written = CertificateTool::generateSelfSigned(
        path(QStringLiteral("replaced.crt")), keyPath, QStringLiteral("localhost"),
        {QStringLiteral("localhost")}, {}, 1, CertificateTool::KeyAlgorithm::Rsa2048);
    QVERIFY2(written.ok(), qPrintable(written.message));
    QCOMPARE(fileMode(keyPath), mode_t(0600));
    QVERIFY(readAll(keyPath).startsWith("-----BEGIN PRIVATE KEY-----"));
    // No temporary file is left behind: only the new certificate was added.
    QStringList after = QDir(m_dir.path()).entryList(QDir::Files);
    after.removeOne(QStringLiteral("replaced.crt"));
    QCOMPARE(after, before);
}

void tst_CertificateTool::generateGivesEachCertificateItsOwnSerial()
{
    generate(QStringLiteral("serial-a"), 1, CertificateTool::KeyAlgorithm::EcP256);
    generate(QStringLiteral("serial-b"), 1, CertificateTool::KeyAlgorithm::EcP256);
    const CertificateLoadResult a = CertificateTool::load(path(QStringLiteral("serial-a.crt")),
                                                          path(QStringLiteral("serial-a.key")));
    const CertificateLoadResult b = CertificateTool::load(path(QStringLiteral("serial-b.crt")),
                                                          path(QStringLiteral("serial-b.key")));
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.chain.first().serialNumber() != b.chain.first().serialNumber());
    QVERIFY(a.chain.first().serialNumber().size() >= 16 * 3 - 1);
}

void tst_CertificateTool::generateFailures_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    QTest::addColumn<CertificateError>("error");
    QTest::addColumn<QString>("reason");

    const QString nowhere = path(QStringLiteral("no/such/directory/x.key"));
    QTest::newRow("key directory missing")
        << path(QStringLiteral("fine.crt")) << nowhere << QStringLiteral("localhost")
        << CertificateError::WriteFailed << nowhere;
    QTest::newRow("invalid DNS name")
        << path(QStringLiteral("fine.crt")) << path(QStringLiteral("fine.key"))
        << QStringLiteral("not a host") << CertificateError::GenerationFailed
        << QStringLiteral("\"not a host\" is not a valid DNS name");
}

void tst_CertificateTool::generateFailures()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, name);
    QFETCH(CertificateError, error);
    QFETCH(QString, reason);

    const CertificateWriteResult result = CertificateTool::generateSelfSigned(
        certificate, key, QStringLiteral("localhost"), {name}, {}, 1);
    QCOMPARE(certificateErrorName(result.error), certificateErrorName(error));
    QVERIFY2(result.message.contains(reason), qPrintable(result.message));
}

void tst_CertificateTool::ensureSelfSignedGeneratesOnceThenReuses()
{
    const QString directory = path(QStringLiteral("state/tls"));
    const CertificateLoadResult first = CertificateTool::ensureSelfSigned(
        directory, {QStringLiteral("mx.example.net"), QStringLiteral("localhost")},
        {QHostAddress::LocalHost, QHostAddress::AnyIPv4});
    QVERIFY2(first.ok(), qPrintable(first.message));
    QVERIFY(first.generated);
    QCOMPARE(first.certificatePath,
             QDir(directory).filePath(CertificateTool::selfSignedCertificateFileName()));
    QCOMPARE(fileMode(directory), mode_t(0700));
    QCOMPARE(fileMode(first.keyPath), mode_t(0600));
    QCOMPARE(first.subject, QStringLiteral("CN=mx.example.net"));

    // The same names in another order and spelling, plus a wildcard address, are the same set.
    const CertificateLoadResult second = CertificateTool::ensureSelfSigned(
        directory, {QStringLiteral("localhost"), QStringLiteral("MX.example.net.")},
        {QHostAddress::LocalHost, QHostAddress::AnyIPv6});
    QVERIFY2(second.ok(), qPrintable(second.message));
    QVERIFY(!second.generated);
    QCOMPARE(second.chain.first(), first.chain.first());
}

void tst_CertificateTool::ensureSelfSignedRegeneratesWhenNamesChange()
{
    const QString directory = path(QStringLiteral("names"));
    const CertificateLoadResult first = CertificateTool::ensureSelfSigned(
        directory, {QStringLiteral("localhost")}, {QHostAddress::LocalHost});
    QVERIFY2(first.ok() && first.generated, qPrintable(first.message));

    const CertificateLoadResult renamed
        = CertificateTool::ensureSelfSigned(directory, {QStringLiteral("localhost")},
                                            {QHostAddress::LocalHost, QHostAddress::LocalHostIPv6});
    QVERIFY2(renamed.ok(), qPrintable(renamed.message));
    QVERIFY(renamed.generated);
    QVERIFY(renamed.chain.first() != first.chain.first());
    QVERIFY(renamed.subjectAltNames.contains(QStringLiteral("IP:::1")));

    const CertificateLoadResult again
        = CertificateTool::ensureSelfSigned(directory, {QStringLiteral("localhost")},
                                            {QHostAddress::LocalHost, QHostAddress::LocalHostIPv6});
    QVERIFY(again.ok() && !again.generated);
}

void tst_CertificateTool::ensureSelfSignedRenewsBeforeExpiry()
{
    const QString directory = path(QStringLiteral("renew"));
    const CertificateLoadResult first
        = CertificateTool::ensureSelfSigned(directory, {QStringLiteral("localhost")}, {}, 20, 10);
    QVERIFY2(first.ok() && first.generated, qPrintable(first.message));
    QVERIFY(!CertificateTool::ensureSelfSigned(directory, {QStringLiteral("localhost")}, {}, 20, 10)
                 .generated);

    // Valid for 20 more days, which is within a 30-day renewal window.
    const CertificateLoadResult renewed
        = CertificateTool::ensureSelfSigned(directory, {QStringLiteral("localhost")}, {}, 365, 30);
    QVERIFY2(renewed.ok(), qPrintable(renewed.message));
    QVERIFY(renewed.generated);
    QVERIFY(renewed.notAfter > QDateTime::currentDateTimeUtc().addDays(300));
}

void tst_CertificateTool::ensureSelfSignedReplacesABrokenPair()
{
    const QString directory = path(QStringLiteral("broken"));
    const CertificateLoadResult first
        = CertificateTool::ensureSelfSigned(directory, {QStringLiteral("localhost")}, {});
    QVERIFY2(first.ok() && first.generated, qPrintable(first.message));
    QVERIFY(TestPki::writeFile(first.keyPath, "damaged\n"));

    const CertificateLoadResult repaired
        = CertificateTool::ensureSelfSigned(directory, {QStringLiteral("localhost")}, {});
    QVERIFY2(repaired.ok(), qPrintable(repaired.message));
    QVERIFY(repaired.generated);
    QCOMPARE(fileMode(repaired.keyPath), mode_t(0600));
}

void tst_CertificateTool::loadOcspResponse_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("chain"); // 0: leaf and CA, 1: leaf only, 2: the CA alone
    QTest::addColumn<CertificateError>("error");
    QTest::addColumn<QString>("reason");

    const auto response = [this](X509 *subject, int status, long thisUpdate, long nextUpdate,
                                 bool stranger = false) {
        return TestPki::ocspResponse(subject, m_ca.get(), stranger ? m_stranger.get() : m_ca.get(),
                                     stranger ? m_strangerKey.get() : m_caKey.get(), status,
                                     thisUpdate, nextUpdate);
    };
    constexpr long day = 86400;
    QTest::newRow("good") << response(m_leaf.get(), V_OCSP_CERTSTATUS_GOOD, -60, 7 * day) << 0
                          << CertificateError::None << QString();
    QTest::newRow("revoked") << response(m_leaf.get(), V_OCSP_CERTSTATUS_REVOKED, -60, 7 * day) << 0
                             << CertificateError::OcspRevoked << QStringLiteral("was revoked on");
    QTest::newRow("unknown") << response(m_leaf.get(), V_OCSP_CERTSTATUS_UNKNOWN, -60, 7 * day) << 0
                             << CertificateError::OcspUnknownStatus
                             << QStringLiteral("does not know the certificate");
    QTest::newRow("another certificate")
        << response(m_sibling.get(), V_OCSP_CERTSTATUS_GOOD, -60, 7 * day) << 0
        << CertificateError::OcspWrongCertificate << QStringLiteral("about another certificate");
    QTest::newRow("about the CA, not the leaf")
        << response(m_leaf.get(), V_OCSP_CERTSTATUS_GOOD, -60, 7 * day) << 2
        << CertificateError::OcspWrongCertificate << QStringLiteral("about another certificate");
    QTest::newRow("signed by a stranger")
        << response(m_leaf.get(), V_OCSP_CERTSTATUS_GOOD, -60, 7 * day, true) << 0
        << CertificateError::OcspUnverified << QStringLiteral("is not signed by");
    QTest::newRow("issuer missing from the chain")
        << response(m_leaf.get(), V_OCSP_CERTSTATUS_GOOD, -60, 7 * day) << 1
        << CertificateError::OcspUnverified << QStringLiteral("is not signed by");
    QTest::newRow("expired") << response(m_leaf.get(), V_OCSP_CERTSTATUS_GOOD, -2 * day, -day) << 0
                             << CertificateError::Expired << QStringLiteral("expired on");
    QTest::newRow("from the future")
        << response(m_leaf.get(), V_OCSP_CERTSTATUS_GOOD, day, 2 * day) << 0
        << CertificateError::NotYetValid << QStringLiteral("is not valid before");
    QTest::newRow("responder error")
        << TestPki::ocspErrorResponse(OCSP_RESPONSE_STATUS_UNAUTHORIZED) << 0
        << CertificateError::OcspNotSuccessful << QStringLiteral("answered \"unauthorized\"");
    QTest::newRow("garbage") << QByteArray("\x30\x03garbage", 9) << 0 << CertificateError::Malformed
                             << QStringLiteral("is not a DER OCSP response");
    QTest::newRow("PEM") << QByteArray("-----BEGIN OCSP RESPONSE-----\n") << 0
                         << CertificateError::Malformed << QStringLiteral("is PEM");
    QTest::newRow("missing") << QByteArray() << 0 << CertificateError::Missing
                             << QStringLiteral("does not exist");
}

void tst_CertificateTool::loadOcspResponse()
{
    QFETCH(QByteArray, response);
    QFETCH(int, chain);
    QFETCH(CertificateError, error);
    QFETCH(QString, reason);

    const QString file
        = path(QStringLiteral("ocsp-%1.der").arg(QString::fromUtf8(QTest::currentDataTag())));
    if (!response.isEmpty())
        QVERIFY(TestPki::writeFile(file, response));
    const OcspLoadResult result = CertificateTool::loadOcspResponse(file, m_chains.at(chain));
    QCOMPARE(certificateErrorName(result.error), certificateErrorName(error));
    if (error == CertificateError::None) {
        QCOMPARE(result.der, response);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(result.thisUpdate < now && result.thisUpdate > now.addSecs(-120));
        QVERIFY(result.nextUpdate > now.addDays(6));
        QVERIFY(result.message.isEmpty());
    } else {
        QVERIFY(result.der.isEmpty());
        QVERIFY2(result.message.contains(reason), qPrintable(result.message));
        QVERIFY2(result.message.contains(file), qPrintable(result.message));
    }
}

void tst_CertificateTool::describeNamesSubjectIssuerAndFingerprint()
{
    const CertificateLoadResult loaded
        = CertificateTool::load(path(QStringLiteral("ec.crt")), path(QStringLiteral("ec.key")));
    QVERIFY(loaded.ok());
    const QString text = CertificateTool::describe(loaded.chain.first());
    QVERIFY2(text.startsWith(QLatin1String("localhost (self-signed), valid ")), qPrintable(text));
    const QByteArray fingerprint
        = loaded.chain.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper();
    QVERIFY2(text.endsWith(QLatin1String("SHA-256 ") + QString::fromLatin1(fingerprint)),
             qPrintable(text));
    QVERIFY(text.contains(loaded.notAfter.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));

    const QSslCertificate leaf(TestPki::der(m_leaf.get()), QSsl::Der);
    QVERIFY2(CertificateTool::describe(leaf).startsWith(
                 QLatin1String("leaf (issued by Test CA), valid ")),
             qPrintable(CertificateTool::describe(leaf)));
    QCOMPARE(CertificateTool::describe(QSslCertificate()), QStringLiteral("no certificate"));
}

QTEST_GUILESS_MAIN(tst_CertificateTool)
#include "tst_certificatetool.moc"
