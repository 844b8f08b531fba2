#include "qml/app/dispatch_text.h"

#include <QCoreApplication>
#include <QStringList>

#include "core/domain/money.h"

namespace duban::app {
namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

// A target's figure with its unit: "2家", "80%", "1.5"; empty when it has none.
QString figureText(const DispatchTarget& target) {
    return target.value ? QString::number(*target.value, 'g', 12) + text(target.unit) : QString();
}

}  // namespace

QString wanNumber(std::optional<Yuan> amount) {
    return amount ? text(formatWanNumber(*amount)) : QStringLiteral("—");
}

// A work task's target counts in words; none for a board of projects.
QString targetCountsText(const DispatchTotals& t) {
    if (t.tasks == 0)
        return {};
    return QCoreApplication::translate(
               "Duban", "目标：已完成 %1 · 进行中 %2 · 滞后 %3 · 未开始 %4 · 无目标 %5")
        .arg(t.targetsAchieved)
        .arg(t.targetsOnTrack)
        .arg(t.targetsBehind)
        .arg(t.targetsNotStarted)
        .arg(t.targetsNone);
}

QString countsText(const DispatchTotals& t) {
    return QCoreApplication::translate("Duban", "%1 个 · 按时 %2 · 逾期 %3 · 退回 %4 · 未报送 %5")
        .arg(t.projects)
        .arg(t.onTime)
        .arg(t.late)
        .arg(t.returned)
        .arg(t.missing);
}

QString statusText(MonthReportStatus status) {
    switch (status) {
        case MonthReportStatus::on_time:
            return QCoreApplication::translate("Duban", "按时报送");
        case MonthReportStatus::late:
            return QCoreApplication::translate("Duban", "逾期报送");
        case MonthReportStatus::returned:
            return QCoreApplication::translate("Duban", "被退回");
        case MonthReportStatus::missing:
            return QCoreApplication::translate("Duban", "未报送");
        case MonthReportStatus::not_yet_due:
            return QCoreApplication::translate("Duban", "未到期");
    }
    return {};
}

QString targetStatusText(TargetStatus status) {
    switch (status) {
        case TargetStatus::achieved:
            return QCoreApplication::translate("Duban", "已完成");
        case TargetStatus::on_track:
            return QCoreApplication::translate("Duban", "进行中");
        case TargetStatus::behind:
            return QCoreApplication::translate("Duban", "滞后");
        case TargetStatus::not_started:
            return QCoreApplication::translate("Duban", "未开始");
        case TargetStatus::no_target:
            return QCoreApplication::translate("Duban", "无目标");
    }
    return {};
}

QString targetText(const DispatchRow& r) {
    return r.currentTarget ? text(r.currentTarget->title)
                           : QCoreApplication::translate("Duban", "无");
}

QString targetDetail(const DispatchRow& r) {
    if (!r.currentTarget)
        return {};
    QStringList parts;
    if (const QString figure = figureText(*r.currentTarget); !figure.isEmpty())
        parts << QCoreApplication::translate("Duban", "目标值 %1").arg(figure);
    parts << QCoreApplication::translate("Duban", "%1 到期")
                 .arg(text(formatDate(r.currentTarget->due)));
    if (r.currentTargets > 1)
        parts << QCoreApplication::translate("Duban", "本期共 %1 项").arg(r.currentTargets);
    return parts.join(QStringLiteral(" · "));
}

QString yearTargetText(const DispatchRow& r) {
    if (!r.yearTarget)
        return QCoreApplication::translate("Duban", "无");
    const QString figure = figureText(*r.yearTarget);
    return text(r.yearTarget->title) +
           (figure.isEmpty() ? QString()
                             : QCoreApplication::translate("Duban", "（目标值 %1）").arg(figure));
}

QString reportedText(const DispatchRow& r) {
    if (r.reportedPeriod.empty())
        return QCoreApplication::translate("Duban", "未报进度");
    QStringList parts;
    if (r.reportedPercent)
        parts << QString::number(*r.reportedPercent) + QLatin1Char('%');
    parts << text(r.reportedPeriod);
    if (!r.reportedProgress.empty())
        parts << text(r.reportedProgress);
    return parts.join(QStringLiteral(" · "));
}

}  // namespace duban::app
