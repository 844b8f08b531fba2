#include "qml/app/format.h"

#include <QDateTime>
#include <QTimeZone>

#include "core/domain/dates.h"
#include "core/domain/money.h"
#include "core/export/month_table.h"
#include "core/rules/lag_warnings.h"

namespace duban::app {

QString wanText(const std::optional<Yuan>& amount) {
    return amount ? QString::fromStdString(formatWan(*amount)) : QStringLiteral("—");
}

QString rateText(const std::optional<double>& percent) {
    const std::string cell = rateCell(percent);
    return cell.empty() ? QStringLiteral("—") : QString::fromStdString(cell);
}

QString letterNameText(int level) {
    return QString::fromStdString(std::string(letterName(level)));
}

QString yearsText(const std::optional<int>& start, const std::optional<int>& end) {
    if (start && end && *start != *end)
        return QStringLiteral("%1—%2").arg(*start).arg(*end);
    if (start || end)
        return QString::number(start ? *start : *end);
    return {};
}

QString instantText(const std::string& iso) {
    const auto ms = parseInstant(iso);
    if (!ms)
        return QString::fromStdString(iso);
    return beijingTimeText(*ms, QStringLiteral("yyyy年M月d日 HH:mm"));
}

QString beijingTimeText(std::int64_t unixMs, const QString& format) {
    return QDateTime::fromMSecsSinceEpoch(unixMs, QTimeZone(kChinaUtcOffsetMinutes * 60))
        .toString(format);
}

}  // namespace duban::app
