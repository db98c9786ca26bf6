#include "optioncatalog.h"

#include "configuration.h"

#include <QSet>
#include <QTest>

using namespace Mailport;

class tst_OptionCatalog : public QObject
{
    Q_OBJECT

private slots:
    void everyOptionIsPresented()
    {
        QSet<QString> grouped;
        for (const OptionCatalog::Group group : OptionCatalog::groups()) {
            QVERIFY(!OptionCatalog::groupTitle(group).isEmpty());
            for (const QString &option : OptionCatalog::options(group)) {
                QVERIFY2(!grouped.contains(option), qPrintable(option));
                grouped.insert(option);
                QCOMPARE(OptionCatalog::group(option), group);
            }
        }
        for (const OptionSpec &spec : Configuration::options()) {
            const QString name = QLatin1String(spec.name);
            if (spec.aliasOf) {
                QVERIFY(!grouped.contains(name));
                continue;
            }
            QVERIFY2(grouped.contains(name), qPrintable(name));
            QVERIFY2(OptionCatalog::label(name) != name, qPrintable(name));
            QVERIFY2(OptionCatalog::description(name).size() > 30, qPrintable(name));
            QVERIFY(OptionCatalog::toolTip(name).contains(name));
        }
        QCOMPARE(grouped.size(), 22);
    }

    void commandLineInputs()
    {
        for (const QString &option :
             {QString(OptionCatalog::OxOption), QString(OptionCatalog::TlsOnConnectOption)}) {
            QVERIFY(!OptionCatalog::description(option).isEmpty());
            QCOMPARE(OptionCatalog::group(option), OptionCatalog::Group::Listening);
        }
    }

    void toolTipShowsTypeAndDefault()
    {
        const QString tip = OptionCatalog::toolTip(QStringLiteral("local_interfaces"));
        QVERIFY(tip.contains(QLatin1String("list")));
        QVERIFY(tip.contains(QLatin1String("&lt;; ::0 ; 0.0.0.0")));
        QVERIFY(OptionCatalog::toolTip(QStringLiteral("tls_certificate"))
                    .contains(QLatin1String("unset")));
    }

    void canonicalName_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("plain") << "local_interfaces"
                               << "local_interfaces";
        QTest::newRow("singular alias") << "daemon_smtp_port"
                                        << "daemon_smtp_ports";
        QTest::newRow("proxy alias") << "proxy_required_hosts"
                                     << "hosts_proxy";
        QTest::newRow("no_ bool") << "no_disable_ipv6"
                                  << "disable_ipv6";
        QTest::newRow("not_ bool") << "not_disable_ipv6"
                                   << "disable_ipv6";
        QTest::newRow("no_ on a list") << "no_local_interfaces"
                                       << "";
        QTest::newRow("-oX") << "-oX"
                             << "-oX";
        QTest::newRow("unknown") << "acl_smtp_rcpt"
                                 << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void canonicalName()
    {
        QFETCH(QString, written);
        QFETCH(QString, canonical);
        QCOMPARE(OptionCatalog::canonicalName(written), canonical);
    }
};

QTEST_GUILESS_MAIN(tst_OptionCatalog)
#include "tst_optioncatalog.moc"
