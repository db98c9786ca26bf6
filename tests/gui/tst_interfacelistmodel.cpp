#include "interfacelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Mailport;

class tst_InterfaceListModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<InterfaceListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setItems({QStringLiteral("127.0.0.1"), QStringLiteral("[::1]:2525"),
                           QStringLiteral("fe80::1%eth0"), QStringLiteral("10.0.0.1.26")});
    }

    void columns()
    {
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->columnCount(), 3);
        const auto cell = [this](int row, int column) {
            return m_model->index(row, column).data().toString();
        };
        QCOMPARE(cell(0, InterfaceListModel::AddressColumn), QStringLiteral("127.0.0.1"));
        QCOMPARE(cell(0, InterfaceListModel::PortColumn), QStringLiteral("default ports"));
        QCOMPARE(cell(1, InterfaceListModel::AddressColumn), QStringLiteral("::1"));
        QCOMPARE(cell(1, InterfaceListModel::PortColumn), QStringLiteral("2525"));
        QCOMPARE(cell(2, InterfaceListModel::ScopeColumn), QStringLiteral("eth0"));
        QCOMPARE(cell(3, InterfaceListModel::PortColumn), QStringLiteral("26"));
        QCOMPARE(m_model->index(3, 0).data(InterfaceListModel::ItemTextRole).toString(),
                 QStringLiteral("10.0.0.1.26"));
    }

    void setData_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("item");
        QTest::newRow("port on IPv4") << 0 << 1 << QVariant(25) << QStringLiteral("127.0.0.1.25");
        QTest::newRow("port on IPv6 uses brackets")
            << 2 << 1 << QVariant(587) << QStringLiteral("[fe80::1%eth0]:587");
        QTest::newRow("no port") << 1 << 1 << QVariant(0) << QStringLiteral("::1");
        QTest::newRow("address keeps port") << 1 << 0 << QVariant(QStringLiteral("2001:db8::1"))
                                            << QStringLiteral("[2001:db8::1]:2525");
        QTest::newRow("address with scope")
            << 0 << 0 << QVariant(QStringLiteral("fe80::2%lo")) << QStringLiteral("fe80::2%lo");
        QTest::newRow("whole item typed")
            << 0 << 0 << QVariant(QStringLiteral("[::1]:465")) << QStringLiteral("[::1]:465");
        QTest::newRow("IPv4 drops the scope")
            << 2 << 0 << QVariant(QStringLiteral("192.0.2.1")) << QStringLiteral("192.0.2.1");
        QTest::newRow("scope") << 2 << 2 << QVariant(QStringLiteral("eth1"))
                               << QStringLiteral("fe80::1%eth1");
    }

    void setData()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(QString, item);
        QSignalSpy edited(m_model.get(), &InterfaceListModel::itemsEdited);
        QVERIFY(m_model->setData(m_model->index(row, column), value));
        QCOMPARE(m_model->items().at(row), item);
        QCOMPARE(edited.size(), 1);
    }

    void otherRowsKeepTheirSpelling()
    {
        m_model->setData(m_model->index(0, InterfaceListModel::PortColumn), 25);
        QCOMPARE(m_model->items().at(3), QStringLiteral("10.0.0.1.26"));
    }

    void insertRemoveMove()
    {
        QSignalSpy edited(m_model.get(), &InterfaceListModel::itemsEdited);
        QCOMPARE(m_model->appendItem(QStringLiteral("::0")), 4);
        QVERIFY(m_model->moveRows(QModelIndex(), 4, 1, QModelIndex(), 0));
        QCOMPARE(m_model->items().first(), QStringLiteral("::0"));
        QVERIFY(m_model->moveRows(QModelIndex(), 0, 1, QModelIndex(), 2));
        QCOMPARE(m_model->items().at(1), QStringLiteral("::0"));
        QVERIFY(!m_model->moveRows(QModelIndex(), 0, 1, QModelIndex(), 1)); // onto itself
        QVERIFY(m_model->removeRows(1, 2));
        QCOMPARE(m_model->items(),
                 QStringList({QStringLiteral("127.0.0.1"), QStringLiteral("fe80::1%eth0"),
                              QStringLiteral("10.0.0.1.26")}));
        QVERIFY(m_model->insertRows(0, 1));
        QCOMPARE(m_model->items().first(), QString());
        QCOMPARE(edited.size(), 5);
    }

    void setItemsIsNotAnEdit()
    {
        QSignalSpy edited(m_model.get(), &InterfaceListModel::itemsEdited);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setItems(m_model->items());
        QCOMPARE(reset.size(), 0);
        QStringList items = m_model->items();
        items[1] = QStringLiteral("::1");
        m_model->setItems(items); // same length: rows stay, one changes
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        m_model->setItems({QStringLiteral("::0")});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(edited.size(), 0);
    }

    void diagnosticsMarkRows()
    {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.code = DiagnosticCode::AnyAddressSpelling;
        d.message = QStringLiteral("spelled oddly");
        QList<Diagnostics> perRow(4);
        perRow[1] = {d};
        d.severity = Severity::Error;
        perRow[1].append(d);
        m_model->setRowDiagnostics(perRow);
        QCOMPARE(m_model->index(0, 0).data(InterfaceListModel::SeverityRole).toInt(), -1);
        QCOMPARE(m_model->index(1, 0).data(InterfaceListModel::SeverityRole).toInt(),
                 int(Severity::Error));
        QVERIFY(!m_model->index(1, 0).data(Qt::DecorationRole).isNull());
        QVERIFY(m_model->index(1, 2)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("spelled oddly")));
        QCOMPARE(m_model->rowDiagnostics(1).size(), 2);
    }

    void defaultRowsInItalics()
    {
        QVERIFY(!m_model->index(0, 0).data(Qt::FontRole).value<QFont>().italic());
        m_model->setShowingDefault(true);
        QVERIFY(m_model->index(0, 0).data(Qt::FontRole).value<QFont>().italic());
    }

private:
    std::unique_ptr<InterfaceListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(tst_InterfaceListModel)
#include "tst_interfacelistmodel.moc"
