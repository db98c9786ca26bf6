#include "tlscontext.h"

#include "../shared/testpki.h"

#include <QOcspResponse>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Mailport;

namespace {

// Accepts like the daemon's listeners will: a QSslSocket per connection, configured by the
// context at accept time, encrypting at once (implicit TLS).
class TlsTestServer final : public QTcpServer
{
public:
    explicit TlsTestServer(TlsContext *context)
        : m_context(context)
    {}

    QList<QSslSocket *> sockets;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(m_context->sessionConfiguration());
        addPendingConnection(socket);
        sockets.append(socket);
        socket->startServerEncryption();
    }

private:
    TlsContext *m_context;
};

QSslConfiguration unverifiedClient(QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(protocol);
    return configuration;
}

QStringList cipherNames(const QList<QSslCipher> &ciphers)
{
    QStringList names;
    for (const QSslCipher &cipher : ciphers)
        names.append(cipher.name());
    return names;
}

} // namespace

class tst_TlsContext final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void unavailableUntilACertificateLoads();
    void configurationProtocolAndCiphers();
    void selfSignedPairIsGeneratedOnceAndReused();
    void reloadWithABrokenCertificateKeepsTheOldOne();

    void handshakeOverLoopback_data();
    void handshakeOverLoopback();
    void cipherOutsideTheListIsRefused();

    void staplesTheOcspResponse();
    void replacedOcspFileIsPickedUp();
    void brokenOcspFileLeavesTlsWorking();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    TlsSettings settingsFor(const QString &name) const
    {
        TlsSettings settings;
        settings.certificateFile = path(name + QLatin1String(".crt"));
        settings.privateKeyFile = path(name + QLatin1String(".key"));
        return settings;
    }
    /// Connects a client to @p server and waits for both ends to finish the handshake.
    std::unique_ptr<QSslSocket> handshake(TlsTestServer &server, const QSslConfiguration &client,
                                          const QString &verifyName = {});

    QTemporaryDir m_dir;
};

void tst_TlsContext::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCOMPARE(QSslSocket::activeBackend(), QStringLiteral("openssl"));
    using Algorithm = CertificateTool::KeyAlgorithm;
    const QList<std::pair<QString, Algorithm>> pairs
        = {{QStringLiteral("ec"), Algorithm::EcP256},
           {QStringLiteral("rsa"), Algorithm::Rsa2048},
           {QStringLiteral("ed"), Algorithm::Ed25519},
           {QStringLiteral("second"), Algorithm::EcP256}};
    for (const auto &[name, algorithm] : pairs) {
        const CertificateWriteResult written = CertificateTool::generateSelfSigned(
            path(name + QLatin1String(".crt")), path(name + QLatin1String(".key")),
            QStringLiteral("localhost"), {QStringLiteral("localhost")}, {QHostAddress::LocalHost},
            30, algorithm);
        QVERIFY2(written.ok(), qPrintable(written.message));
    }
    QVERIFY(TestPki::writeFile(path(QStringLiteral("broken.crt")), "not a certificate\n"));
}

std::unique_ptr<QSslSocket> tst_TlsContext::handshake(TlsTestServer &server,
                                                      const QSslConfiguration &client,
                                                      const QString &verifyName)
{
    auto socket = std::make_unique<QSslSocket>();
    socket->setSslConfiguration(client);
    QSignalSpy encrypted(socket.get(), &QSslSocket::encrypted);
    const qsizetype accepted = server.sockets.size();
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort(), verifyName);
    if (!encrypted.wait() || server.sockets.size() != accepted + 1)
        return nullptr;
    QSslSocket *serverSide = server.sockets.last();
    if (!QTest::qWaitFor([serverSide] { return serverSide->isEncrypted(); }))
        return nullptr;
    return socket;
}

void tst_TlsContext::unavailableUntilACertificateLoads()
{
    TlsContext context;
    QVERIFY(!context.isAvailable());
    QVERIFY(context.sessionConfiguration().isNull());

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^Certificate file .*/missing\\.crt does not exist; STARTTLS is not "
                             "offered and implicit-TLS listeners cannot start$")));
    const TlsReloadResult result = context.reload(settingsFor(QStringLiteral("missing")));
    QVERIFY(!result.ok());
    QCOMPARE(result.certificate.error, CertificateError::Missing);
    QVERIFY(!context.isAvailable());
    QVERIFY(context.sessionConfiguration().isNull());

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^No certificate is configured and there is no directory for a "
                             "self-signed one; STARTTLS is not offered")));
    const TlsSettings nowhere;
    QVERIFY(!context.reload(nowhere).ok());
    QVERIFY(!context.isAvailable());
}

void tst_TlsContext::configurationProtocolAndCiphers()
{
    TlsContext context;
    const TlsReloadResult result = context.reload(settingsFor(QStringLiteral("ec")));
    QVERIFY2(result.ok(), qPrintable(result.certificate.message));
    QVERIFY(result.ocsp.ok());
    QVERIFY(context.isAvailable());
    QVERIFY(!context.isStapling());

    const QSslConfiguration configuration = context.sessionConfiguration();
    QCOMPARE(configuration.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyNone);
    QCOMPARE(configuration.localCertificate(), result.certificate.chain.first());
    QCOMPARE(configuration.privateKey(), result.certificate.key);
    QVERIFY(configuration.testSslOption(QSsl::SslOptionDisableServerCipherPreference));
    QVERIFY(configuration.backendConfiguration().isEmpty());
    const QStringList expected = {
        QStringLiteral("TLS_AES_128_GCM_SHA256"),
        QStringLiteral("TLS_AES_256_GCM_SHA384"),
        QStringLiteral("TLS_CHACHA20_POLY1305_SHA256"),
        QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"),
        QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"),
        QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384"),
        QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"),
        QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305"),
        QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305"),
        QStringLiteral("DHE-RSA-AES128-GCM-SHA256"),
        QStringLiteral("DHE-RSA-AES256-GCM-SHA384"),
        QStringLiteral("DHE-RSA-CHACHA20-POLY1305"),
    };
    QCOMPARE(cipherNames(configuration.ciphers()), expected);
    for (const QSslCipher &cipher : configuration.ciphers()) {
        QVERIFY2(cipher.protocol() == QSsl::TlsV1_3 || cipher.protocol() == QSsl::TlsV1_2,
                 qPrintable(cipher.name()));
    }
}

void tst_TlsContext::selfSignedPairIsGeneratedOnceAndReused()
{
    TlsSettings settings;
    settings.selfSignedDirectory = path(QStringLiteral("self-signed"));
    settings.selfSignedNames = {QStringLiteral("mx.example.org")};
    settings.selfSignedAddresses = {QHostAddress::LocalHost, QHostAddress::AnyIPv6};

    TlsContext first;
    const TlsReloadResult generated = first.reload(settings);
    QVERIFY2(generated.ok(), qPrintable(generated.certificate.message));
    QVERIFY(generated.certificate.generated);
    QCOMPARE(generated.certificate.subjectAltNames,
             QStringList({QStringLiteral("DNS:mx.example.org"), QStringLiteral("IP:127.0.0.1")}));

    TlsContext second;
    const TlsReloadResult reused = second.reload(settings);
    QVERIFY2(reused.ok(), qPrintable(reused.certificate.message));
    QVERIFY(!reused.certificate.generated);
    QCOMPARE(second.sessionConfiguration().localCertificate(),
             first.sessionConfiguration().localCertificate());
}

void tst_TlsContext::reloadWithABrokenCertificateKeepsTheOldOne()
{
    TlsContext context;
    QVERIFY(context.reload(settingsFor(QStringLiteral("ec"))).ok());
    const QSslCertificate original = context.certificate().chain.first();
    TlsTestServer server(&context);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^Certificate file .*/broken\\.crt is not a PEM file .*; the "
                             "previous certificate stays in use$")));
    TlsSettings broken = settingsFor(QStringLiteral("ec"));
    broken.certificateFile = path(QStringLiteral("broken.crt"));
    const TlsReloadResult failed = context.reload(broken);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.certificate.error, CertificateError::Malformed);
    QVERIFY(context.isAvailable());
    QCOMPARE(context.certificate().chain.first(), original);
    QCOMPARE(context.certificate().certificatePath, path(QStringLiteral("ec.crt")));
    {
        const std::unique_ptr<QSslSocket> client = handshake(server, unverifiedClient());
        QVERIFY(client);
        QCOMPARE(client->peerCertificate(), original);
    }

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("does not belong to the certificate")));
    TlsSettings mismatched = settingsFor(QStringLiteral("second"));
    mismatched.privateKeyFile = path(QStringLiteral("ec.key"));
    QCOMPARE(context.reload(mismatched).certificate.error, CertificateError::KeyMismatch);
    QCOMPARE(context.sessionConfiguration().localCertificate(), original);

    QVERIFY(context.reload(settingsFor(QStringLiteral("second"))).ok());
    const std::unique_ptr<QSslSocket> client = handshake(server, unverifiedClient());
    QVERIFY(client);
    QVERIFY(client->peerCertificate() != original);
    QCOMPARE(client->peerCertificate(), context.certificate().chain.first());
}

void tst_TlsContext::handshakeOverLoopback_data()
{
    QTest::addColumn<QString>("pair");
    QTest::addColumn<QSsl::SslProtocol>("clientProtocol");
    QTest::addColumn<QSsl::SslProtocol>("negotiated");

    for (const char *pair : {"ec", "rsa", "ed"}) {
        QTest::addRow("%s, TLS 1.3", pair)
            << QString::fromLatin1(pair) << QSsl::TlsV1_2OrLater << QSsl::TlsV1_3;
        QTest::addRow("%s, TLS 1.2", pair)
            << QString::fromLatin1(pair) << QSsl::TlsV1_2 << QSsl::TlsV1_2;
    }
}

void tst_TlsContext::handshakeOverLoopback()
{
    QFETCH(QString, pair);
    QFETCH(QSsl::SslProtocol, clientProtocol);
    QFETCH(QSsl::SslProtocol, negotiated);

    TlsContext context;
    QVERIFY(context.reload(settingsFor(pair)).ok());
    TlsTestServer server(&context);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    const std::unique_ptr<QSslSocket> client = handshake(server, unverifiedClient(clientProtocol));
    QVERIFY(client);
    QSslSocket *serverSide = server.sockets.first();
    QCOMPARE(client->sessionProtocol(), negotiated);
    QCOMPARE(serverSide->sessionProtocol(), negotiated);
    QVERIFY2(
        cipherNames(TlsContext::intermediateCiphers()).contains(client->sessionCipher().name()),
        qPrintable(client->sessionCipher().name()));
    QCOMPARE(client->peerCertificate(), context.certificate().chain.first());

    client->write("EHLO client.example\r\n");
    QTRY_COMPARE(serverSide->bytesAvailable(), qint64(21));
    QCOMPARE(serverSide->readAll(), QByteArray("EHLO client.example\r\n"));
}

void tst_TlsContext::cipherOutsideTheListIsRefused()
{
    TlsContext context;
    QVERIFY(context.reload(settingsFor(QStringLiteral("ec"))).ok());
    TlsTestServer server(&context);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    // CBC with SHA-1 is good enough for OpenSSL's defaults but not in the intermediate list.
    const QSslCipher outdated(QStringLiteral("ECDHE-ECDSA-AES128-SHA"));
    QVERIFY(!outdated.isNull());
    QSslConfiguration configuration = unverifiedClient(QSsl::TlsV1_2);
    configuration.setCiphers({outdated});
    QSslSocket client;
    client.setSslConfiguration(configuration);
    QSignalSpy failed(&client, &QAbstractSocket::errorOccurred);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());
    QVERIFY(failed.wait());
    QVERIFY(!client.isEncrypted());
    QTRY_COMPARE(server.sockets.size(), 1);
    QVERIFY(!server.sockets.first()->isEncrypted());
}

void tst_TlsContext::staplesTheOcspResponse()
{
    // Qt's client finds the certificate an OCSP response is about through the issuer the
    // server sends, so this takes a CA-issued certificate, as stapling does in real use.
    const TestPki::Key caKey = TestPki::ecKey();
    const TestPki::Certificate ca
        = TestPki::certificate(caKey.get(), "Test CA", -3600, 86400, nullptr, nullptr, true, 1);
    const TestPki::Key leafKey = TestPki::ecKey();
    const TestPki::Certificate leaf = TestPki::certificate(leafKey.get(), "localhost", -3600, 86400,
                                                           caKey.get(), ca.get(), false, 2);
    QVERIFY(ca && leaf);
    QVERIFY(TestPki::writeFile(path(QStringLiteral("issued.crt")),
                               TestPki::pem(leaf.get()) + TestPki::pem(ca.get())));
    QVERIFY(TestPki::writeFile(path(QStringLiteral("issued.key")), TestPki::pem(leafKey.get())));
    const QByteArray response = TestPki::ocspResponse(leaf.get(), ca.get(), ca.get(), caKey.get(),
                                                      V_OCSP_CERTSTATUS_GOOD, -60, 7 * 86400);
    QVERIFY(TestPki::writeFile(path(QStringLiteral("stapled.der")), response));

    TlsContext context;
    TlsSettings settings = settingsFor(QStringLiteral("issued"));
    settings.ocspFile = path(QStringLiteral("stapled.der"));
    const TlsReloadResult result = context.reload(settings);
    QVERIFY2(result.ok(), qPrintable(result.certificate.message));
    QVERIFY2(result.ocsp.ok(), qPrintable(result.ocsp.message));
    QVERIFY(context.isStapling());
    QCOMPARE(context.sessionConfiguration().backendConfiguration().value("Qt-OCSP-response"),
             QVariant(response));

    TlsTestServer server(&context);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    // Qt's client reads a stapled response only when it verifies the peer.
    for (const QSsl::SslProtocol protocol : {QSsl::TlsV1_2, QSsl::TlsV1_3}) {
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.setProtocol(protocol);
        client.setPeerVerifyMode(QSslSocket::VerifyPeer);
        client.setCaCertificates({context.certificate().chain.last()});
        client.setOcspStaplingEnabled(true);
        const std::unique_ptr<QSslSocket> socket
            = handshake(server, client, QStringLiteral("localhost"));
        QVERIFY(socket);
        const QList<QOcspResponse> responses = socket->ocspResponses();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses.first().certificateStatus(), QOcspCertificateStatus::Good);
        QCOMPARE(responses.first().subject(), context.certificate().chain.first());
    }
}

void tst_TlsContext::replacedOcspFileIsPickedUp()
{
    const TestPki::Certificate leaf = TestPki::readCertificate(path(QStringLiteral("rsa.crt")));
    const TestPki::Key key = TestPki::readKey(path(QStringLiteral("rsa.key")));
    QVERIFY(leaf && key);
    const auto response = [&](int status) {
        return TestPki::ocspResponse(leaf.get(), leaf.get(), leaf.get(), key.get(), status, -60,
                                     86400);
    };
    const QString file = path(QStringLiteral("replaced.der"));
    const QString next = path(QStringLiteral("replaced.der.new"));
    QVERIFY(TestPki::writeFile(file, response(V_OCSP_CERTSTATUS_GOOD)));

    TlsContext context;
    TlsSettings settings = settingsFor(QStringLiteral("rsa"));
    settings.ocspFile = file;
    QVERIFY(context.reload(settings).ocsp.ok());
    QVERIFY(context.sessionConfiguration().backendConfiguration().contains("Qt-OCSP-response"));

    // Replaced atomically, as the OCSP section of Exim's experimental spec asks.
    QVERIFY(TestPki::writeFile(next, response(V_OCSP_CERTSTATUS_REVOKED)));
    QVERIFY(::rename(QFile::encodeName(next).constData(), QFile::encodeName(file).constData())
            == 0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                           "replaced\\.der says the certificate was revoked on "
                                           ".*; no OCSP response is stapled$")));
    QVERIFY(context.sessionConfiguration().backendConfiguration().isEmpty());
    QCOMPARE(context.ocsp().error, CertificateError::OcspRevoked);
    QVERIFY(!context.isStapling());
    // Logged once per change, not once per session.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("replaced\\.der")));
    QVERIFY(context.sessionConfiguration().backendConfiguration().isEmpty());

    const QByteArray good = response(V_OCSP_CERTSTATUS_GOOD);
    QVERIFY(TestPki::writeFile(next, good));
    QVERIFY(::rename(QFile::encodeName(next).constData(), QFile::encodeName(file).constData())
            == 0);
    QCOMPARE(context.sessionConfiguration().backendConfiguration().value("Qt-OCSP-response"),
             QVariant(good));
    QVERIFY(context.isStapling());
}

void tst_TlsContext::brokenOcspFileLeavesTlsWorking()
{
    QVERIFY(TestPki::writeFile(path(QStringLiteral("garbage.der")), "garbage"));
    TlsContext context;
    TlsSettings settings = settingsFor(QStringLiteral("ec"));
    settings.ocspFile = path(QStringLiteral("garbage.der"));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "garbage\\.der is not a DER OCSP response; no OCSP response is "
                             "stapled$")));
    const TlsReloadResult result = context.reload(settings);
    QVERIFY(result.ok());
    QCOMPARE(result.ocsp.error, CertificateError::Malformed);
    QVERIFY(context.isAvailable());
    QVERIFY(!context.isStapling());

    TlsTestServer server(&context);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QVERIFY(handshake(server, unverifiedClient()));
}

QTEST_GUILESS_MAIN(tst_TlsContext)
#include "tst_tlscontext.moc"
