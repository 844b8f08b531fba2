#pragma once
// The monthly progress report form (月调度): period, investment this month (万元), 形象进度,
// narrative, 存在问题, 需协调解决事项 — saved as a draft on every change, submitted when whole.
#include "qml/app/record_editor.h"

namespace duban::app {

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class ReportEditor : public duban::app::RecordEditor {  // qualified: Qt 6.4's qmltypes need it
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY formChanged FINAL)
    Q_PROPERTY(QString investment READ investment WRITE setInvestment NOTIFY formChanged FINAL)
    Q_PROPERTY(QString percent READ percent WRITE setPercent NOTIFY formChanged FINAL)
    Q_PROPERTY(QString narrative READ narrative WRITE setNarrative NOTIFY formChanged FINAL)
    Q_PROPERTY(QString problems READ problems WRITE setProblems NOTIFY formChanged FINAL)
    Q_PROPERTY(
        QString coordination READ coordination WRITE setCoordination NOTIFY formChanged FINAL)

public:
    explicit ReportEditor(QObject* parent = nullptr);

    [[nodiscard]] QString period() const { return m_period; }
    void setPeriod(const QString& value);
    [[nodiscard]] QString investment() const { return m_investment; }
    void setInvestment(const QString& value);
    [[nodiscard]] QString percent() const { return m_percent; }
    void setPercent(const QString& value);
    [[nodiscard]] QString narrative() const { return m_narrative; }
    void setNarrative(const QString& value);
    [[nodiscard]] QString problems() const { return m_problems; }
    void setProblems(const QString& value);
    [[nodiscard]] QString coordination() const { return m_coordination; }
    void setCoordination(const QString& value);

signals:
    void formChanged();

protected:
    SaveJob saveJob(const std::string& id, bool submit) const override;
    LoadJob loadJob(const std::string& id) override;
    // A new report is for the current month (Beijing).
    void fillDefaults(const Services& services) override;

private:
    void setText(QString& field, const QString& value);

    QString m_period;
    QString m_investment;
    QString m_percent;
    QString m_narrative;
    QString m_problems;
    QString m_coordination;
};

}  // namespace duban::app
