#pragma once

#include "usermessage.h"

#include <QFrame>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QToolButton;
QT_END_NAMESPACE

namespace Mailport {

/// A message inside a page: an icon, the primary line, and the detail one click away
/// ("Details" unfolds it). Hidden while it has nothing to say; the user can dismiss it.
class ProblemBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemBanner)

public:
    explicit ProblemBanner(QWidget *parent = nullptr);

    /// Shows @p message; a null message hides the banner.
    void showMessage(const UserMessage &message);
    void clear();
    const UserMessage &message() const { return m_message; }

    bool isDetailShown() const;
    void setDetailShown(bool shown);
    QString primaryText() const;
    QString detailText() const;
    QToolButton *detailButton() const { return m_detailButton; }

private:
    UserMessage m_message;
    QLabel *m_icon = nullptr;
    QLabel *m_primary = nullptr;
    QToolButton *m_detailButton = nullptr;
    QToolButton *m_closeButton = nullptr;
    QPlainTextEdit *m_detail = nullptr;
};

} // namespace Mailport
