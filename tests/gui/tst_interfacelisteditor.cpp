#include "interfacelisteditor.h"

#include "configdocument.h"
#include "interfacelistmodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Mailport;

namespace {

const QString kOption = QStringLiteral("local_interfaces");

} // namespace

// The editor wired to a document the way ConfigEditor wires it.
class tst_InterfaceListEditor : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<ConfigDocument>();
        m_editor = std::make_unique<InterfaceListEditor>(kOption);
        connect(m_editor.get(), &InterfaceListEditor::edited, m_document.get(),
                &ConfigDocument::setOption);
        connect(m_editor.get(), &InterfaceListEditor::resetRequested, m_document.get(),
                &ConfigDocument::unsetOption);
        connect(m_document.get(), &ConfigDocument::changed, m_editor.get(),
                [this] { m_editor->setValue(m_document->configuration().value(kOption)); });
        connect(m_document.get(), &ConfigDocument::validated, m_editor.get(), [this] {
            Diagnostics mine;
            for (const Diagnostic &d : m_document->diagnostics()) {
                if (d.option == kOption)
                    mine.append(d);
            }
            m_editor->setDiagnostics(mine);
        });
        m_editor->setValue(m_document->configuration().value(kOption));
        m_editor->show();
    }

    QString value() const { return m_document->configuration().text(kOption); }

    void showsTheDefault()
    {
        QCOMPARE(m_editor->model()->rowCount(), 2);
        QCOMPARE(m_editor->valueEdit()->text(), QStringLiteral("<; ::0 ; 0.0.0.0"));
        QVERIFY(m_editor->model()->isShowingDefault());
    }

    void lineFillsTable()
    {
        m_editor->valueEdit()->selectAll();
        QTest::keyClicks(m_editor->valueEdit(), QStringLiteral("127.0.0.1 : 192.0.2.1.26"));
        QCOMPARE(value(), QStringLiteral("127.0.0.1 : 192.0.2.1.26"));
        QCOMPARE(m_editor->model()->items(),
                 QStringList({QStringLiteral("127.0.0.1"), QStringLiteral("192.0.2.1.26")}));
        QVERIFY(!m_editor->model()->isShowingDefault());
        QCOMPARE(m_editor->model()->index(1, InterfaceListModel::PortColumn).data().toInt(), 26);
    }

    void tableWritesTheLineWithTheSeparatorIPv6Needs()
    {
        m_document->setOption(kOption, QStringLiteral("127.0.0.1"));
        QCOMPARE(m_editor->valueEdit()->text(), QStringLiteral("127.0.0.1"));
        m_editor->model()->appendItem(QStringLiteral("::1"));
        QCOMPARE(value(), QStringLiteral("<; 127.0.0.1 ; ::1"));
        QCOMPARE(m_editor->valueEdit()->text(), QStringLiteral("<; 127.0.0.1 ; ::1"));
        // Removing the IPv6 item keeps the separator the file already uses.
        m_editor->selectRow(1);
        m_editor->removeSelectedRows();
        QCOMPARE(value(), QStringLiteral("<; 127.0.0.1"));
    }

    void cellEditRewritesOneItem()
    {
        m_document->setOption(kOption, QStringLiteral("<; 10.0.0.1.26 ; ::1"));
        QVERIFY(m_editor->model()->setData(
            m_editor->model()->index(1, InterfaceListModel::PortColumn), 2525));
        QCOMPARE(value(), QStringLiteral("<; 10.0.0.1.26 ; [::1]:2525"));
    }

    void addRemoveMove()
    {
        m_document->setOption(kOption, QStringLiteral("192.0.2.1"));
        m_editor->addRow();
        QCOMPARE(value(), QStringLiteral("192.0.2.1 : 127.0.0.1"));
        QCOMPARE(m_editor->view()->currentIndex().row(), 1);
        m_editor->moveCurrentRow(-1);
        QCOMPARE(value(), QStringLiteral("127.0.0.1 : 192.0.2.1"));
        QCOMPARE(m_editor->view()->currentIndex().row(), 0);
        m_editor->moveCurrentRow(-1); // already first
        QCOMPARE(value(), QStringLiteral("127.0.0.1 : 192.0.2.1"));
        m_editor->removeSelectedRows();
        QCOMPARE(value(), QStringLiteral("192.0.2.1"));
    }

    void keyboard()
    {
        m_document->setOption(kOption, QStringLiteral("192.0.2.1 : 192.0.2.2"));
        m_editor->view()->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
        m_editor->selectRow(1);
        QTest::keyClick(m_editor->view(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(value(), QStringLiteral("192.0.2.2 : 192.0.2.1"));
        QTest::keyClick(m_editor->view(), Qt::Key_Delete);
        QCOMPARE(value(), QStringLiteral("192.0.2.1"));
    }

    void diagnosticsMarkRowsByPosition()
    {
        // The same text twice: only the position tells which row a diagnostic is about.
        m_document->setText(
            QStringLiteral("local_interfaces = <; 127.0.0.1 ; 127.0.0.1 ; 1.2.3\n"));
        m_document->validate();
        InterfaceListModel *model = m_editor->model();
        QCOMPARE(model->index(0, 0).data(InterfaceListModel::SeverityRole).toInt(), -1);
        QCOMPARE(model->index(1, 0).data(InterfaceListModel::SeverityRole).toInt(),
                 int(Severity::Error));
        QCOMPARE(model->rowDiagnostics(1).first().code, DiagnosticCode::DuplicateSocket);
        QCOMPARE(model->rowDiagnostics(2).first().code, DiagnosticCode::MalformedAddress);
        QCOMPARE(m_editor->property("severity").toInt(), int(Severity::Error));

        const Diagnostic d = model->rowDiagnostics(2).first();
        QCOMPARE(m_editor->rowOf(d), 2);
        m_editor->focusDiagnostic(d);
        QCOMPARE(m_editor->view()->currentIndex().row(), 2);
    }

    void diagnosticsWithoutAnItemGoBelowTheTable()
    {
        m_document->setText(QStringLiteral("local_interfaces = 192.0.2.1\n"));
        m_document->validate();
        // 192.0.2.1 is not on the default test host and loopback is left out.
        QVERIFY(m_editor->messageLabel()->isVisible());
        QVERIFY(m_editor->messageLabel()->text().contains(QLatin1String("loopback")));
    }

    void defaultRowsMatchByText()
    {
        m_document->setText(QStringLiteral("disable_ipv6\n"));
        m_document->validate();
        QCOMPARE(m_editor->model()->index(0, 0).data(InterfaceListModel::SeverityRole).toInt(),
                 int(Severity::Warning));
        QCOMPARE(m_editor->model()->rowDiagnostics(0).first().code, DiagnosticCode::Ipv6Dropped);
    }

    void reset()
    {
        m_document->setOption(kOption, QStringLiteral("127.0.0.1"));
        auto buttons = m_editor->findChildren<QToolButton *>();
        QToolButton *reset = nullptr;
        for (QToolButton *b : buttons) {
            if (b->toolTip().contains(QLatin1String("default")))
                reset = b;
        }
        QVERIFY(reset && reset->isEnabled());
        reset->click();
        QVERIFY(!m_document->configuration().value(kOption).isSet);
        QVERIFY(!reset->isEnabled());
    }

private:
    std::unique_ptr<ConfigDocument> m_document;
    std::unique_ptr<InterfaceListEditor> m_editor;
};

QTEST_MAIN(tst_InterfaceListEditor)
#include "tst_interfacelisteditor.moc"
