#include "receivedmessagesmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Mailport;
using Column = ReceivedMessagesModel::Column;

namespace {

// As mailportd's `messages` reply writes one message.
QJsonObject daemonJson()
{
    return QJsonObject{{"id", "1700000000.M1P2.vm"},
                       {"file", "/spool/new/1700000000.M1P2.vm"},
                       {"new", true},
                       {"arrival", "2024-02-01T10:00:00Z"},
                       {"size", 2048},
                       {"sender", "alice@example.org"},
                       {"recipients", QJsonArray{"bob@example.net", "carol@example.net"}},
                       {"subject", "Hello"},
                       {"from", "Alice <alice@example.org>"},
                       {"client", "::1"},
                       {"clientPort", 50122},
                       {"proxy", ""},
                       {"proxyPort", 0},
                       {"listener", "::1"},
                       {"listenerPort", 2525},
                       {"helo", "client.example.org"},
                       {"protocol", "esmtps"},
                       {"tls", "TLS1.3"},
                       {"cipher", "TLS_AES_256_GCM_SHA384"}};
}

SpoolMessage message(const QString &id, const QDateTime &arrival, qint64 size)
{
    SpoolMessage m;
    m.id = id;
    m.arrival = arrival;
    m.size = size;
    m.recipients = {"postmaster@localhost"};
    m.listenerAddress = QHostAddress("127.0.0.1");
    m.listenerPort = 2525;
    return m;
}

} // namespace

class tst_ReceivedMessagesModel : public QObject
{
    Q_OBJECT

private slots:
    void readsTheDaemonsReply()
    {
        const SpoolMessage m = ReceivedMessagesModel::fromJson(daemonJson());
        QCOMPARE(m.id, QStringLiteral("1700000000.M1P2.vm"));
        QCOMPARE(m.filePath, QStringLiteral("/spool/new/1700000000.M1P2.vm"));
        QCOMPARE(m.arrival, QDateTime(QDate(2024, 2, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(m.size, 2048);
        QCOMPARE(m.recipients, QStringList({"bob@example.net", "carol@example.net"}));
        QCOMPARE(m.clientAddress, QHostAddress("::1"));
        QCOMPARE(m.clientPort, quint16(50122));
        QVERIFY(m.proxyAddress.isNull());
        QCOMPARE(m.listenerPort, quint16(2525));
        QCOMPARE(m.tlsProtocol, QStringLiteral("TLS1.3"));
        QCOMPARE(m.heloName, QStringLiteral("client.example.org"));
    }

    void showsTheColumns()
    {
        ReceivedMessagesModel model;
        QAbstractItemModelTester tester(&model);
        SpoolMessage plain = message("b", QDateTime::currentDateTime(), 10);
        model.setMessages({ReceivedMessagesModel::fromJson(daemonJson()), plain});
        QCOMPARE(model.rowCount(), 2);
        auto text = [&model](int row, Column column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, ReceivedMessagesModel::FromColumn), QStringLiteral("alice@example.org"));
        QCOMPARE(text(0, ReceivedMessagesModel::ToColumn),
                 QStringLiteral("bob@example.net, carol@example.net"));
        QCOMPARE(text(0, ReceivedMessagesModel::SubjectColumn), QStringLiteral("Hello"));
        QCOMPARE(text(0, ReceivedMessagesModel::ListenerColumn), QStringLiteral("[::1]:2525"));
        QCOMPARE(text(0, ReceivedMessagesModel::ClientColumn), QStringLiteral("[::1]:50122"));
        QCOMPARE(text(0, ReceivedMessagesModel::TlsColumn), QStringLiteral("TLS1.3"));
        QVERIFY(!text(0, ReceivedMessagesModel::TimeColumn).isEmpty());
        QVERIFY(!text(0, ReceivedMessagesModel::SizeColumn).isEmpty());
        QCOMPARE(text(1, ReceivedMessagesModel::FromColumn), QStringLiteral("<>"));
        QCOMPARE(text(1, ReceivedMessagesModel::TlsColumn), QStringLiteral("No"));
        QCOMPARE(text(1, ReceivedMessagesModel::ListenerColumn), QStringLiteral("127.0.0.1:2525"));
        QCOMPARE(model.index(1, 0).data(ReceivedMessagesModel::IdRole).toString(),
                 QStringLiteral("b"));
        QCOMPARE(model.rowOf("b"), 1);
        QCOMPARE(model.rowOf("nope"), -1);
        QCOMPARE(model.headerData(ReceivedMessagesModel::SubjectColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Subject"));
    }

    void sortsByTimeAndSize()
    {
        ReceivedMessagesModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ReceivedMessagesModel::SortRole);
        QAbstractItemModelTester tester(&proxy);
        const QDateTime t0(QDate(2024, 1, 1), QTime(9, 0));
        model.setMessages({message("old", t0, 900), message("new", t0.addSecs(60), 80),
                           message("mid", t0.addSecs(30), 1000)});
        proxy.sort(ReceivedMessagesModel::TimeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(ReceivedMessagesModel::IdRole).toString(),
                 QStringLiteral("new"));
        QCOMPARE(proxy.index(2, 0).data(ReceivedMessagesModel::IdRole).toString(),
                 QStringLiteral("old"));
        proxy.sort(ReceivedMessagesModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(ReceivedMessagesModel::IdRole).toString(),
                 QStringLiteral("new"));
        QCOMPARE(proxy.index(2, 0).data(ReceivedMessagesModel::IdRole).toString(),
                 QStringLiteral("mid"));
        model.setMessages({message("only", t0, 1)});
        QCOMPARE(proxy.rowCount(), 1);
    }
};

QTEST_MAIN(tst_ReceivedMessagesModel)
#include "tst_receivedmessagesmodel.moc"
