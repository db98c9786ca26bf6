#pragma once

#include "diagnostic.h"

#include <QAbstractTableModel>

namespace Mailport {

/// The diagnostics of a document as a table: what is wrong (with a severity icon), the option
/// and item it is about, where, and Exim's behaviour in one sentence.
class DiagnosticsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsModel)

public:
    enum Column {
        ProblemColumn,
        OptionColumn,
        ItemColumn,
        PositionColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role {
        SeverityRole = Qt::UserRole + 1, ///< Severity as int
        CodeRole,                        ///< diagnosticCodeName()
    };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    Diagnostic diagnostic(int row) const { return m_diagnostics.value(row); }
    int count(Severity severity) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Diagnostics m_diagnostics;
};

} // namespace Mailport
