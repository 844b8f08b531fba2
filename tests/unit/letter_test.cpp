// A warning letter's words (core/export/letter_fields) and the template they fill
// (core/export/template_fill): what each letter says with and without a report, a number or a
// deadline, and a template that asks for what the letter does not have is refused.
#include <gtest/gtest.h>

#include "core/domain/money.h"
#include "core/export/letter_fields.h"
#include "core/export/template_fill.h"

namespace duban {
namespace {

LetterFacts factsOfLevel(int level) {
    LetterFacts f;
    f.warning.id = "5f0c1d2e-0000-4000-8000-000000000001";
    f.warning.projectName = "湘泉广场项目";
    f.warning.level = level;
    f.warning.reason = "2022年6月进度未按期报送";
    f.warning.issuedAt = "2022-06-30T17:00:00Z";  // 1 July in Jishou
    f.addressees = "市商务局、乾州街道";
    return f;
}

TEST(TemplateFill, FillsEveryNameEscaped) {
    const auto filled = fillTemplate("<p>{{a}}：{{b}}{{a}}</p>", {{"a", "A&B<1>"}, {"b", "x\ny"}});
    ASSERT_TRUE(filled) << filled.error().message;
    EXPECT_EQ(filled.value(), "<p>A&amp;B&lt;1&gt;：x<br/>yA&amp;B&lt;1&gt;</p>");
}

TEST(TemplateFill, ANameTheLetterLacksOrAnUnclosedBraceIsRefused) {
    const auto unknown = fillTemplate("{{title}} {{signature}}", {{"title", "函"}});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, "template_invalid");
    EXPECT_NE(unknown.error().message.find("signature"), std::string::npos);
    EXPECT_FALSE(fillTemplate("{{title", {{"title", "函"}}));
}

TEST(LetterFields, WithoutAReportANumberOrAMilestoneTheLetterSaysSo) {
    const auto fields = letterFields(factsOfLevel(2));
    EXPECT_EQ(fields.at("title"), "关于“湘泉广场项目”的二次限期预警函");
    EXPECT_EQ(fields.at("number"), "（文号待同步后编定）");
    EXPECT_EQ(fields.at("addressees"), "市商务局、乾州街道");
    EXPECT_EQ(fields.at("milestone"), "（本函针对月度进度报送，不涉及具体节点）");
    EXPECT_EQ(fields.at("reported"), "截至发函之日，未报送该项目（节点）的进度。");
    EXPECT_EQ(fields.at("investment"), "") << "no plan, no rate";
    EXPECT_EQ(fields.at("issued_on"), "2022年7月1日") << "the local date, UTC+8";
    EXPECT_NE(fields.at("demand").find("收函后15日内"), std::string::npos);
}

TEST(LetterFields, EachLevelAsksForMoreAndSaysWhatFollows) {
    LetterFacts facts = factsOfLevel(1);
    facts.warning.correctBy = "2022-07-15";
    facts.warning.number = "吉发改督〔2022〕3号";
    facts.planInvestment = 20'000 * kYuanPerWan;
    EXPECT_EQ(letterFields(facts).at("letter_name"), "首次超前提醒函");
    EXPECT_NE(letterFields(facts).at("demand").find("2022年7月15日前报送推进情况"),
              std::string::npos);
    facts.warning.level = 2;
    EXPECT_NE(letterFields(facts).at("demand").find("将发出三次滞后纠责函"), std::string::npos);
    facts.warning.level = 3;
    EXPECT_NE(letterFields(facts).at("demand").find("追究相关单位和人员责任"), std::string::npos);
    EXPECT_EQ(letterFields(facts).at("investment"),
              "该项目本年度计划投资20,000万元，截至发函之日报送完成0万元，完成率0.0%。");
}

}  // namespace
}  // namespace duban
