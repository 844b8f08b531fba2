// UUIDv7, the hybrid logical clock, money and dates, UTF-8 and the search tokenisation.
#include <gtest/gtest.h>

#include <set>

#include "core/domain/dates.h"
#include "core/domain/money.h"
#include "core/store/search_index.h"
#include "core/util/hlc.h"
#include "core/util/sha256.h"
#include "core/util/utf8.h"
#include "core/util/uuid.h"

namespace duban {
namespace {

constexpr std::int64_t kMay24 = 1653350400000;  // 2022-05-24T00:00:00Z

TEST(Uuid, IsVersion7WithTheClockTimeAndVariantBits) {
    ManualClock clock(kMay24);
    UuidGenerator ids(clock);
    const std::string id = ids.next();
    EXPECT_TRUE(isUuid(id)) << id;
    EXPECT_EQ(id[14], '7');
    EXPECT_TRUE(std::string("89ab").find(id[19]) != std::string::npos) << id;
    EXPECT_EQ(uuidV7Millis(id), kMay24);
}

TEST(Uuid, SortInCreationOrderWithinOneMillisecondAndWhenTheClockStepsBack) {
    ManualClock clock(kMay24);
    UuidGenerator ids(clock);
    std::vector<std::string> made;
    for (int i = 0; i < 5000; ++i) {
        if (i == 2500)
            clock.advance(-1000);  // the device clock is corrected backwards
        made.push_back(ids.next());
    }
    EXPECT_TRUE(std::is_sorted(made.begin(), made.end()));
    EXPECT_EQ(std::set<std::string>(made.begin(), made.end()).size(), made.size());
}

TEST(Uuid, RejectsMalformedText) {
    EXPECT_FALSE(isUuid(""));
    EXPECT_FALSE(isUuid("0183f0a8-0000-7000-8000-00000000000"));   // short
    EXPECT_FALSE(isUuid("0183F0A8-0000-7000-8000-000000000000"));  // upper case
    EXPECT_FALSE(isUuid("0183f0a8x0000-7000-8000-000000000000"));
    EXPECT_EQ(uuidV7Millis("0183f0a8-0000-4000-8000-000000000000"), -1);  // v4
}

TEST(Hlc, IsMonotonicWhenTheWallClockStandsStillOrGoesBack) {
    ManualClock clock(kMay24);
    HybridLogicalClock hlc(clock, "dev-a");
    const HlcTimestamp a = hlc.now();
    const HlcTimestamp b = hlc.now();
    clock.advance(-60'000);
    const HlcTimestamp c = hlc.now();
    EXPECT_TRUE(a < b);
    EXPECT_TRUE(b < c);
    EXPECT_LT(a.toString(), b.toString());
    EXPECT_LT(b.toString(), c.toString());
}

TEST(Hlc, OrdersAfterARemoteEventFromAFastClock) {
    ManualClock slow(kMay24);
    HybridLogicalClock hlc(slow, "phone");
    const HlcTimestamp remote{kMay24 + 3'600'000, 7, "desktop"};
    hlc.receive(remote);
    const HlcTimestamp local = hlc.now();
    EXPECT_TRUE(remote < local);
    EXPECT_EQ(local.wallMs, remote.wallMs);
    EXPECT_EQ(local.counter, 8);
}

TEST(Hlc, RoundTripsThroughText) {
    const HlcTimestamp t{kMay24, 0x2a, "0190-device"};
    const auto parsed = HlcTimestamp::parse(t.toString());
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->wallMs, t.wallMs);
    EXPECT_EQ(parsed->counter, t.counter);
    EXPECT_EQ(parsed->node, t.node);
    EXPECT_FALSE(HlcTimestamp::parse("garbage"));
    EXPECT_FALSE(HlcTimestamp::parse("1653350400000-zzzz-node"));
}

TEST(Money, ParsesWanExactlyToYuan) {
    EXPECT_EQ(parseWan("2673897"), 26'738'970'000);
    EXPECT_EQ(parseWan("1568.5"), 15'685'000);
    EXPECT_EQ(parseWan("0.0001"), 1);
    EXPECT_EQ(parseWan("-3.25"), -32'500);
    EXPECT_FALSE(parseWan("1.23456"));  // finer than one yuan
    EXPECT_FALSE(parseWan("12a"));
    EXPECT_FALSE(parseWan(""));
    EXPECT_FALSE(parseWan("1."));
    EXPECT_FALSE(parseWan("1234567890123"));
    EXPECT_EQ(parseWan("273,027"), 2'730'270'000);
    EXPECT_EQ(parseWan("2,673,897.5"), 26'738'975'000);
    EXPECT_EQ(parseWan("-1,500"), -15'000'000);
    for (const char* misgrouped :
         {",500", "1,50", "1,5000", "1234,567", "1,,500", "1,500,", "1,500,00"})
        EXPECT_FALSE(parseWan(misgrouped)) << misgrouped;
    EXPECT_EQ(wanToYuan(273027), 2'730'270'000);
    EXPECT_EQ(wanToYuan(0.1), 1000);
}

TEST(Money, FormatsAsAChineseTablePrintsIt) {
    EXPECT_EQ(formatWan(2'730'270'000), "273,027万元");
    EXPECT_EQ(formatWan(15'685'000), "1,568.5万元");
    EXPECT_EQ(formatWan(2'500), "0.25万元");
    EXPECT_EQ(formatWan(0), "0万元");
    EXPECT_EQ(formatWanNumber(-26'738'970'000), "-2,673,897");
}

TEST(Dates, ParseFormatAndCount) {
    const auto d = parseDate("2022-12-31");
    ASSERT_TRUE(d);
    EXPECT_EQ(formatDate(*d), "2022-12-31");
    EXPECT_EQ(formatDateChinese(*d), "2022年12月31日");
    EXPECT_FALSE(parseDate("2022-02-30"));
    EXPECT_FALSE(parseDate("2022-1-01"));
    EXPECT_EQ(daysBetween(*parseDate("2022-05-24"), *d), 221);
    EXPECT_EQ(formatDate(addDays(*d, 1)), "2023-01-01");
}

TEST(Dates, LocalDateOfAnInstantUsesTheOffset) {
    // 2022-05-23T16:30Z is already the 24th in 吉首 (UTC+8).
    const std::int64_t instant = kMay24 - 7'200'000 - 1'800'000;
    EXPECT_EQ(formatDate(dateAt(instant, 0)), "2022-05-23");
    EXPECT_EQ(formatDate(dateAt(instant)), "2022-05-24");
}

TEST(Dates, Periods) {
    const auto p = parsePeriod("2022-01");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->previous().toString(), "2021-12");
    EXPECT_EQ(formatDate(Period{2024, 2}.lastDay()), "2024-02-29");
    EXPECT_FALSE(parsePeriod("2022-13"));
    EXPECT_FALSE(parsePeriod("2022-1"));
}

TEST(Dates, InstantsRoundTripAndAcceptOffsets) {
    EXPECT_EQ(formatInstantUtc(kMay24 + 1234), "2022-05-24T00:00:01.234Z");
    EXPECT_EQ(parseInstant("2022-05-24T00:00:01.234Z"), kMay24 + 1234);
    EXPECT_EQ(parseInstant("2022-05-24T08:00:00+08:00"), kMay24);
    EXPECT_EQ(parseInstant("2022-05-24T00:00:00Z"), kMay24);
    EXPECT_FALSE(parseInstant("2022-05-24 00:00:00Z"));
    EXPECT_FALSE(parseInstant("2022-05-24T25:00:00Z"));
    EXPECT_FALSE(parseInstant("2022-05-24T00:00:00"));
}

TEST(Utf8, SplitsCodePointsAndSkipsInvalidBytes) {
    EXPECT_EQ(utf8Characters("冷链5G"), (std::vector<std::string>{"冷", "链", "5", "G"}));
    EXPECT_EQ(utf8Length(std::string("a\xff") + "酒"), 2u);
    EXPECT_TRUE(isWordCharacter("酒"));
    EXPECT_FALSE(isWordCharacter("，"));
    EXPECT_FALSE(isWordCharacter("、"));
    EXPECT_FALSE(isWordCharacter("“"));
    EXPECT_TRUE(isWordCharacter("Ｇ"));
}

TEST(Utf8, BlankIsUnicodeWhiteSpaceAndZeroWidthSpaces) {
    EXPECT_TRUE(isBlank(""));
    EXPECT_TRUE(isBlank(" \t\r\n"));
    EXPECT_TRUE(isBlank("\u3000\u3000"));  // ideographic space
    EXPECT_TRUE(isBlank("\u00a0"));        // no-break space
    EXPECT_TRUE(isBlank("\u2002\u2009\u202f\u205f\u2028\u200b\ufeff"));
    EXPECT_FALSE(isBlank(" a "));
    EXPECT_FALSE(isBlank("\u3000。"));  // CJK punctuation is something
    EXPECT_FALSE(isBlank("\xff"));      // an invalid byte is not nothing
}

TEST(Search, BigramDocumentCoversEveryCharacterAndPair) {
    EXPECT_EQ(bigramDocument("冷链物流"), "冷链 链物 物流 流 ");
    EXPECT_EQ(bigramDocument("酒鬼酒、5G"), "酒鬼 鬼酒 酒 5G G ");
    EXPECT_EQ(bigramDocument(""), "");
}

TEST(Search, ShortWordsUseTheBigramIndexAndLongOnesTrigram) {
    const auto terms = searchTerms("冷链  酒鬼酒　茶");
    ASSERT_EQ(terms.size(), 3u);
    EXPECT_NE(terms[0].sql.find("project_search_bigram"), std::string_view::npos);
    EXPECT_EQ(terms[0].match, "\"冷链\"");
    EXPECT_EQ(terms[1].sql.find("project_search_bigram"), std::string_view::npos);
    EXPECT_EQ(terms[1].match, "\"酒鬼酒\"");
    EXPECT_EQ(terms[2].match, "\"茶\" *");
}

TEST(Search, QuerySyntaxIsQuotedNotInterpreted) {
    const auto terms = searchTerms("a\"b OR x");
    ASSERT_EQ(terms.size(), 3u);
    EXPECT_EQ(terms[0].match, "\"a\"\"b\"");  // a quote is escaped inside the FTS5 string
    EXPECT_EQ(searchTerms("冷,")[0].match, "\"冷\" *");  // punctuation in short words is dropped
    EXPECT_EQ(terms[1].match, "\"OR\"");
    EXPECT_TRUE(searchTerms("  ").empty());
    EXPECT_EQ(searchTerms("a b c d e f g h").size(), 6u);
}

TEST(Sha256, MatchesAKnownDigest) {
    EXPECT_EQ(sha256Hex(std::string_view("abc")),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace duban
