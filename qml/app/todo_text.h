#pragma once
// The to-do home's words (Chinese first, English from assets/i18n): section titles, a deadline
// and the days left, and each row as it reads. The rules behind them are core's (rules/todo).
#include <QString>

#include "core/domain/dates.h"
#include "core/store/todo.h"
#include "qml/app/todo_model.h"

namespace duban::app {

// "12月23日" / "23 Dec".
[[nodiscard]] QString monthDayText(const Date& date);
// "2026年12月8日" / "8 Dec 2026".
[[nodiscard]] QString dateText(const Date& date);
// "还剩15天" / "今天截止" / "已逾期3天".
[[nodiscard]] QString daysLeftText(int daysLeft);
// "12月23日前报送 · 还剩15天".
[[nodiscard]] QString deadlineText(const ReportDeadline& deadline);
[[nodiscard]] QString sectionTitleText(TodoSection section, const TodoHome& home);
// A row of the home as it reads.
[[nodiscard]] TodoItem todoItemOf(const TodoRow& row, const TodoHome& home);
// The row an empty section shows.
[[nodiscard]] TodoItem emptySectionItem(TodoSection section);

}  // namespace duban::app
