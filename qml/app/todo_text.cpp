#include "qml/app/todo_text.h"

#include <QCoreApplication>
#include <QDate>

#include "core/domain/types.h"
#include "qml/app/format.h"

namespace duban::app {
namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

// "2022年6月" / "June 2022" for a YYYY-MM period.
QString periodText(const std::string& period) {
    const auto p = parsePeriod(period);
    if (!p)
        return text(period);
    return QDate(p->year, static_cast<int>(p->month), 1)
        .toString(QCoreApplication::translate("Duban", "yyyy年M月"));
}

QString recordKindText(const std::string& kind, const std::string& period) {
    if (kind == "progress_report")
        return QCoreApplication::translate("Duban", "%1月报").arg(periodText(period));
    return QCoreApplication::translate("Duban", "现场走访");
}

// "2026年12月月报 · 督查员甲 退回于 2026年12月8日 11:26" (who and when, as far as known).
QString actedText(const TodoRow& row, bool returned) {
    const QString what = recordKindText(row.recordKind, row.period);
    if (row.at.empty())
        return what;
    const QString when = instantText(row.at);
    if (row.who.empty())
        return (returned ? QCoreApplication::translate("Duban", "%1 · 退回于 %2")
                         : QCoreApplication::translate("Duban", "%1 · 提交于 %2"))
            .arg(what, when);
    return (returned ? QCoreApplication::translate("Duban", "%1 · %2 退回于 %3")
                     : QCoreApplication::translate("Duban", "%1 · %2 提交于 %3"))
        .arg(what, text(row.who), when);
}

}  // namespace

QString monthDayText(const Date& date) {
    return QDate(static_cast<int>(date.year()), static_cast<int>(unsigned(date.month())),
                 static_cast<int>(unsigned(date.day())))
        .toString(QCoreApplication::translate("Duban", "M月d日"));
}

QString dateText(const Date& date) {
    return QDate(static_cast<int>(date.year()), static_cast<int>(unsigned(date.month())),
                 static_cast<int>(unsigned(date.day())))
        .toString(QCoreApplication::translate("Duban", "yyyy年M月d日"));
}

QString daysLeftText(int daysLeft) {
    if (daysLeft == 0)
        return QCoreApplication::translate("Duban", "今天截止");
    if (daysLeft == 1)
        return QCoreApplication::translate("Duban", "还剩1天");
    if (daysLeft == -1)
        return QCoreApplication::translate("Duban", "已逾期1天");
    return daysLeft > 0 ? QCoreApplication::translate("Duban", "还剩%1天").arg(daysLeft)
                        : QCoreApplication::translate("Duban", "已逾期%1天").arg(-daysLeft);
}

QString deadlineText(const ReportDeadline& deadline) {
    return QCoreApplication::translate("Duban", "%1前报送 · %2")
        .arg(monthDayText(deadline.due), daysLeftText(deadline.daysLeft));
}

QString sectionTitleText(TodoSection section, const TodoHome& home) {
    switch (section) {
        case TodoSection::to_confirm:
            return QCoreApplication::translate("Duban", "待确认");
        case TodoSection::returned:
            return QCoreApplication::translate("Duban", "被退回");
        case TodoSection::report_due:
            return QCoreApplication::translate("Duban", "本月待报 · %1前")
                .arg(monthDayText(home.deadline.due));
        case TodoSection::letters:
            return QCoreApplication::translate("Duban", "督办函待签收");
        case TodoSection::drafts:
            return QCoreApplication::translate("Duban", "草稿未提交");
        case TodoSection::inbox:
            return QCoreApplication::translate("Duban", "未被接受的修改");
        case TodoSection::queue:
            return QCoreApplication::translate("Duban", "待审核");
        case TodoSection::late_units:
            return QCoreApplication::translate("Duban", "%1逾期未报单位")
                .arg(periodText(home.latePeriod.toString()));
        case TodoSection::proposals:
            return QCoreApplication::translate("Duban", "督办建议待签发");
    }
    return {};
}

TodoItem todoItemOf(const TodoRow& row, const TodoHome& home) {
    TodoItem item;
    item.target = text(row.target);
    item.targetId = text(row.targetId);
    item.projectId = text(row.projectId);
    item.period = text(row.period);
    item.title = text(row.title);
    item.detail = text(row.detail);
    switch (row.section) {
        case TodoSection::report_due:
            item.meta = daysLeftText(home.deadline.daysLeft);
            item.urgent = home.deadline.overdue();
            item.tag = row.hasDraft ? QCoreApplication::translate("Duban", "草稿已存") : QString();
            break;
        case TodoSection::returned:
            item.detail = row.detail.empty()
                              ? QCoreApplication::translate("Duban", "退回理由待同步")
                              : QCoreApplication::translate("Duban", "理由：%1").arg(item.detail);
            item.meta = actedText(row, true);
            item.urgent = true;
            break;
        case TodoSection::to_confirm:
            item.meta = actedText(row, false);
            break;
        case TodoSection::letters:
            item.tag = letterNameText(row.level);
            if (const auto by = parseDate(row.period))
                item.meta = QCoreApplication::translate("Duban", "限%1前整改").arg(dateText(*by));
            else
                item.meta = instantText(row.at);
            item.urgent = row.level >= 2;
            break;
        case TodoSection::drafts:
            item.meta = QCoreApplication::translate("Duban", "%1 · 保存于 %2")
                            .arg(recordKindText(row.recordKind, row.period), instantText(row.at));
            break;
        case TodoSection::inbox:
            item.title = row.title == "conflict"
                             ? QCoreApplication::translate("Duban", "修改与他人冲突")
                             : QCoreApplication::translate("Duban", "服务器未接受");
            item.meta = instantText(row.at);
            item.urgent = true;
            break;
        case TodoSection::queue:
            item.meta = row.recordKind == "progress_report"
                            ? recordKindText(row.recordKind, row.period)
                            : QCoreApplication::translate("Duban", "现场走访 · %1")
                                  .arg(instantText(row.at));
            break;
        case TodoSection::late_units:
            item.meta = row.count == 1
                            ? QCoreApplication::translate("Duban", "1个项目未报送")
                            : QCoreApplication::translate("Duban", "%1个项目未报送").arg(row.count);
            item.urgent = true;
            break;
        case TodoSection::proposals:
            item.tag = letterNameText(row.level);
            item.urgent = row.level >= 2;
            break;
    }
    return item;
}

TodoItem emptySectionItem(TodoSection section) {
    TodoItem item;
    item.target = QStringLiteral("none");
    switch (section) {
        case TodoSection::to_confirm:
            item.title = QCoreApplication::translate("Duban", "没有等待您确认的月报");
            break;
        case TodoSection::report_due:
            item.title = QCoreApplication::translate("Duban", "本月月报均已报送");
            break;
        case TodoSection::late_units:
            item.title = QCoreApplication::translate("Duban", "各单位均已报送");
            break;
        case TodoSection::queue:
            item.title = QCoreApplication::translate("Duban", "没有待审核的记录");
            break;
        default:
            item.title = QCoreApplication::translate("Duban", "暂无");
            break;
    }
    return item;
}

}  // namespace duban::app
