#include "core/rules/letter_defaults.h"

namespace duban {

Date defaultCorrectBy(const Date& today) {
    return addDays(today, kLetterCorrectionDays);
}

Period defaultFirstReportPeriod(const Date& today) {
    return periodOf(today);
}

}  // namespace duban
