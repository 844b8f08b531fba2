#include "core/export/letter_fields.h"

#include "core/domain/dates.h"
#include "core/domain/money.h"
#include "core/export/month_table.h"
#include "core/rules/dispatch.h"
#include "core/rules/lag_warnings.h"

namespace duban {
namespace {

std::string chineseDate(const std::string& iso) {
    const auto date = parseDate(iso.substr(0, std::min<std::size_t>(iso.size(), 10)));
    return date ? formatDateChinese(*date) : iso;
}

std::string periodText(const std::string& period) {
    const auto p = parsePeriod(period);
    return p ? std::to_string(p->year) + "年" + std::to_string(p->month) + "月" : period;
}

std::string milestoneText(const WarningRow& w) {
    if (w.milestoneTitle.empty())
        return "（本函针对月度进度报送，不涉及具体节点）";
    return "“" + w.milestoneTitle + "”，计划完成时间" + chineseDate(w.milestoneDue);
}

std::string reportedText(const LetterFacts& f) {
    if (!f.lastReport)
        return "截至发函之日，未报送该项目（节点）的进度。";
    const ReportedFact& r = *f.lastReport;
    std::string text =
        "最近一次报送为" + periodText(r.period) + "进度（" + chineseDate(r.submittedOn) + "报送）";
    std::string figures;
    if (r.percentComplete)
        figures += "形象进度完成" + std::to_string(*r.percentComplete) + "%";
    if (r.investment) {
        if (!figures.empty())
            figures += "，";
        figures += "当月完成投资" + formatWan(*r.investment);
    }
    if (!figures.empty())
        text += "：" + figures;
    if (!r.narrative.empty())
        text += "；“" + r.narrative + "”";
    return text + "。";
}

std::string investmentText(const LetterFacts& f) {
    if (!f.planInvestment || *f.planInvestment <= 0)
        return "";
    return "该项目本年度计划投资" + formatWan(*f.planInvestment) + "，截至发函之日报送完成" +
           formatWan(f.completedThisYear) + "，完成率" +
           rateCell(completionRate(f.completedThisYear, f.planInvestment)) + "。";
}

// What each letter asks, and what follows if it is ignored: the notice's escalation.
std::string demandText(int level, const std::string& correctBy) {
    const std::string by = correctBy.empty() ? "收函后15日内" : chineseDate(correctBy) + "前";
    switch (level) {
        case 1:
            return "请你单位高度重视，对照节点目标倒排工期、加快推进，于" + by +
                   "报送推进情况，确保按期完成。";
        case 2:
            return "请你单位于" + by +
                   "完成整改，并将整改情况书面报送。逾期未整改的，将发出三次滞后纠责函。";
        default:
            return "请你单位于" + by +
                   "完成整改并作出书面说明。整改不力的，将按有关规定追究相关单位和人员责任。";
    }
}

}  // namespace

std::map<std::string, std::string> letterFields(const LetterFacts& facts) {
    const WarningRow& w = facts.warning;
    const std::string letter(letterName(w.level));
    return {
        {"letter_name", letter},
        {"title", "关于“" + w.projectName + "”的" + letter},
        {"number", w.number.empty() ? "（文号待同步后编定）" : w.number},
        {"addressees", facts.addressees.empty() ? "项目责任单位" : facts.addressees},
        {"project", w.projectName},
        {"finding", w.reason},
        {"milestone", milestoneText(w)},
        {"reported", reportedText(facts)},
        {"investment", investmentText(facts)},
        {"correct_by", w.correctBy.empty() ? "" : chineseDate(w.correctBy)},
        {"demand", demandText(w.level, w.correctBy)},
        {"issued_on", chineseDate(issuedOn(w))},
    };
}

}  // namespace duban
