#include "listenerstatusmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Mailport;

namespace {

PlannedSocket planned(const QString &address, int port, TlsMode tls = TlsMode::StartTls)
{
    PlannedSocket s;
    s.address = address;
    s.port = port;
    s.configuredPort = port;
    s.ipv6 = address.contains(u':');
    s.tls = tls;
    s.source = "local_interfaces";
    s.item = address;
    return s;
}

BoundListener bound(const QString &address, int port, TlsMode tls = TlsMode::StartTls)
{
    BoundListener b;
    b.address = address;
    b.port = port;
    b.ipv6 = address.contains(u':');
    b.tls = tls;
    b.item = address;
    b.boundAddress = address;
    b.boundPort = port;
    return b;
}

} // namespace

using Status = ListenerStatusModel::Status;

class tst_ListenerStatusModel : public QObject
{
    Q_OBJECT

private slots:
    void comparesThePlanWithWhatIsBound_data()
    {
        QTest::addColumn<QList<PlannedSocket>>("plan");
        QTest::addColumn<QList<BoundListener>>("bound");
        QTest::addColumn<bool>("running");
        QTest::addColumn<QList<int>>("statuses");

        QTest::newRow("stopped") << QList<PlannedSocket>{planned("127.0.0.1", 25)}
                                 << QList<BoundListener>{} << false
                                 << QList<int>{int(Status::Planned)};
        QTest::newRow("all bound")
            << QList<PlannedSocket>{planned("127.0.0.1", 25), planned("::1", 25)}
            << QList<BoundListener>{bound("::1", 25), bound("127.0.0.1", 25)} << true
            << QList<int>{int(Status::Bound), int(Status::Bound)};
        QTest::newRow("one missing, one extra")
            << QList<PlannedSocket>{planned("127.0.0.1", 25), planned("127.0.0.1", 587)}
            << QList<BoundListener>{bound("127.0.0.1", 25), bound("127.0.0.1", 2525)} << true
            << QList<int>{int(Status::Bound), int(Status::NotBound), int(Status::NotPlanned)};
        QTest::newRow("same address spelled differently")
            << QList<PlannedSocket>{planned("::0", 25)} << QList<BoundListener>{bound("::", 25)}
            << true << QList<int>{int(Status::Bound)};
        QTest::newRow("other TLS mode")
            << QList<PlannedSocket>{planned("127.0.0.1", 465, TlsMode::Smtps)}
            << QList<BoundListener>{bound("127.0.0.1", 465, TlsMode::StartTls)} << true
            << QList<int>{int(Status::TlsMismatch)};
        QTest::newRow("bound ignored while stopped")
            << QList<PlannedSocket>{planned("127.0.0.1", 25)}
            << QList<BoundListener>{bound("127.0.0.1", 25)} << false
            << QList<int>{int(Status::Planned)};
        QTest::newRow("one bound socket per planned one")
            << QList<PlannedSocket>{planned("127.0.0.1", 25), planned("127.0.0.1", 25)}
            << QList<BoundListener>{bound("127.0.0.1", 25)} << true
            << QList<int>{int(Status::Bound), int(Status::NotBound)};
    }

    void comparesThePlanWithWhatIsBound()
    {
        QFETCH(QList<PlannedSocket>, plan);
        QFETCH(QList<BoundListener>, bound);
        QFETCH(bool, running);
        QFETCH(QList<int>, statuses);
        ListenerStatusModel model;
        QAbstractItemModelTester tester(&model);
        model.setSockets(plan, bound, running);
        QCOMPARE(model.rowCount(), statuses.size());
        for (int row = 0; row < statuses.size(); ++row) {
            QCOMPARE(int(model.status(row)), statuses[row]);
            const QModelIndex status = model.index(row, ListenerStatusModel::StatusColumn);
            QCOMPARE(status.data(ListenerStatusModel::StatusRole).toInt(), statuses[row]);
            QCOMPARE(status.data().toString(),
                     ListenerStatusModel::statusText(Status(statuses[row])));
            QVERIFY(!status.data(Qt::ToolTipRole).toString().isEmpty());
            QVERIFY(
                !model.index(row, ListenerStatusModel::EndpointColumn).data().toString().isEmpty());
        }
    }

    void showsWhereItIsBound()
    {
        ListenerStatusModel model;
        model.setSockets({planned("0.0.0.0", 2525), planned("::1", 2526)},
                         {bound("0.0.0.0", 2525), bound("::1", 2526)}, true);
        QCOMPARE(model.index(0, ListenerStatusModel::EndpointColumn).data().toString(),
                 QStringLiteral("0.0.0.0:2525"));
        QCOMPARE(model.index(0, ListenerStatusModel::BoundColumn).data().toString(),
                 QStringLiteral("0.0.0.0:2525"));
        QCOMPARE(model.index(1, ListenerStatusModel::BoundColumn).data().toString(),
                 QStringLiteral("[::1]:2526"));
        QCOMPARE(model.index(1, ListenerStatusModel::ItemColumn).data().toString(),
                 QStringLiteral("::1 (local_interfaces)"));
        QCOMPARE(model.count(Status::Bound), 2);
        QCOMPARE(model.endpoint(1), QStringLiteral("[::1]:2526"));
    }

    void readsTheDaemonsListenerReply()
    {
        const BoundListener b
            = BoundListener::fromJson(QJsonObject{{"address", "fe80::1"},
                                                  {"scope", "eth0"},
                                                  {"port", 2525},
                                                  {"family", "ipv6"},
                                                  {"wildcard", false},
                                                  {"tls", "smtps"},
                                                  {"source", "-oX"},
                                                  {"item", "[fe80::1%eth0]:2525"},
                                                  {"name", "MTA"},
                                                  {"boundAddress", "fe80::1%eth0"},
                                                  {"boundPort", 2525}});
        QCOMPARE(b.endpoint(), QStringLiteral("[fe80::1%eth0]:2525"));
        QCOMPARE(b.tls, TlsMode::Smtps);
        QVERIFY(b.ipv6);
        QCOMPARE(b.name, QStringLiteral("MTA"));
        QCOMPARE(b.boundPort, 2525);
        QCOMPARE(BoundListener::fromJson({{"tls", "starttls"}}).tls, TlsMode::StartTls);
    }
};

QTEST_MAIN(tst_ListenerStatusModel)
#include "tst_listenerstatusmodel.moc"
