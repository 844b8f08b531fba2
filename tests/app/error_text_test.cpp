// Errors in plain words (qml/app/error_text): every code a user can meet — the transport's causes
// and kinds, the server's answers, sync's own — has a sentence of its own in Chinese and in
// English, and no sentence carries a library's or the server's raw words.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTranslator>

#include <string>
#include <vector>

#include "qml/app/error_text.h"
#include "sync/http_transport.h"

namespace duban::app {
namespace {

using sync::TransportCause;
using sync::TransportErrorKind;

// The general sentence names the code it has no words for.
bool isFallback(std::string_view code, ErrorScene scene = ErrorScene::sync) {
    return errorSentence(code, scene)
        .contains(QString::fromUtf8(code.data(), qsizetype(code.size())));
}

bool hasChinese(const QString& text) {
    return text.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]")));
}

// The app's English, as Services::setLanguage installs it, for one test.
class English {
public:
    English() {
        m_loaded = m_translator.load(QStringLiteral(":/i18n/duban_en.qm"));
        QCoreApplication::installTranslator(&m_translator);
    }
    ~English() { QCoreApplication::removeTranslator(&m_translator); }
    English(const English&) = delete;
    English& operator=(const English&) = delete;
    [[nodiscard]] bool loaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    bool m_loaded = false;
};

std::vector<std::string> transportCodes() {
    std::vector<std::string> codes;
    for (const auto cause : {TransportCause::dnsFailed, TransportCause::connectFailed,
                             TransportCause::tlsUntrusted, TransportCause::tlsUntrustedBySystem,
                             TransportCause::tlsExpired, TransportCause::tlsWrongHost,
                             TransportCause::tlsPinMismatch, TransportCause::tlsCaFileUnusable})
        codes.emplace_back(sync::transportCauseCode(cause));
    // Every kind a user can meet (an invalid request is the app's own bug, said generally).
    for (const auto kind :
         {TransportErrorKind::connect, TransportErrorKind::tls, TransportErrorKind::timeout,
          TransportErrorKind::reset, TransportErrorKind::cancelled, TransportErrorKind::tooLarge})
        codes.emplace_back(sync::transportErrorCode(kind));
    for (const char* code :
         {"transport_insecure_url", "transport_invalid_url", "transport_ca_file_missing"})
        codes.emplace_back(code);
    return codes;
}

TEST(ErrorTextTest, EveryTransportErrorHasASentenceOfItsOwn) {
    for (const std::string& code : transportCodes())
        EXPECT_FALSE(isFallback(code)) << code;
}

TEST(ErrorTextTest, TheExamplesOfTheIssueReadAsWritten) {
    EXPECT_EQ(errorSentence("transport_tls_untrusted", ErrorScene::signIn),
              QStringLiteral("无法验证服务器证书：请确认 CA 证书文件是服务器提供的那一份。"));
    EXPECT_EQ(errorSentence("transport_connect_failed", ErrorScene::sync),
              QStringLiteral("连不上服务器：请检查网络和服务器地址。"));
    // The fake transport's kind-only code says the same as libcurl's cause.
    EXPECT_EQ(errorSentence("transport_connect", ErrorScene::sync),
              errorSentence("transport_connect_failed", ErrorScene::sync));
}

TEST(ErrorTextTest, TheServersAnswersHaveSentencesWithOrWithoutItsJsonBody) {
    for (const char* code : {"unauthorized",     "forbidden",
                             "not_found",        "locked",
                             "rate_limited",     "busy",
                             "internal",         "invalid",
                             "invalid_json",     "payload_too_large",
                             "header_too_large", "unsupported_media_type",
                             "bad_response",     "sync_bad_response",
                             "http_401",         "http_403",
                             "http_404",         "http_429",
                             "http_500",         "http_502",
                             "http_503"})
        EXPECT_FALSE(isFallback(code)) << code;
    EXPECT_EQ(errorSentence("http_503", ErrorScene::sync), errorSentence("busy", ErrorScene::sync));
    EXPECT_EQ(errorSentence("http_502", ErrorScene::sync),
              errorSentence("internal", ErrorScene::sync));
    EXPECT_EQ(errorSentence("http_401", ErrorScene::sync),
              QStringLiteral("登录已过期，请重新登录。"));
}

TEST(ErrorTextTest, A401WhileSigningInIsTheWrongPasswordNotAnExpiredSession) {
    EXPECT_EQ(errorSentence("unauthorized", ErrorScene::signIn),
              QStringLiteral("账号或密码不正确：请检查后重试。"));
    EXPECT_NE(errorSentence("unauthorized", ErrorScene::signIn),
              errorSentence("unauthorized", ErrorScene::sync));
}

TEST(ErrorTextTest, AnUnknownCodeGetsTheGeneralSentenceNamingIt) {
    const QString sentence = errorSentence("something_new", ErrorScene::sync);
    EXPECT_TRUE(sentence.contains(QStringLiteral("something_new"))) << sentence.toStdString();
    EXPECT_TRUE(hasChinese(sentence));
}

TEST(ErrorTextTest, TheRawDetailStaysOutOfTheSentence) {
    const Error raw{
        "transport_tls_untrusted",
        "The server at https://10.0.0.1:8443 could not be verified, so the connection "
        "was refused: SSL certificate problem: unable to get local issuer certificate."};
    const QString sentence = userErrorText(raw, ErrorScene::signIn);
    EXPECT_FALSE(sentence.contains(QStringLiteral("SSL"))) << sentence.toStdString();
    EXPECT_FALSE(sentence.contains(QStringLiteral("10.0.0.1")));
}

TEST(ErrorTextTest, EverySentenceIsChineseAndHasItsEnglish) {
    std::vector<std::string> codes(codesWithSentences().begin(), codesWithSentences().end());
    ASSERT_GT(codes.size(), 25U);
    std::vector<QString> chinese;
    for (const std::string& code : codes) {
        const QString zh = errorSentence(code, ErrorScene::sync);
        EXPECT_TRUE(hasChinese(zh)) << code;
        if (code != "cancelled") {  // the user's own stop needs no advice
            EXPECT_TRUE(zh.contains(QStringLiteral("：")) || zh.contains(QStringLiteral("，")))
                << code << ": what happened, then what to do";
        }
        chinese.push_back(zh);
    }
    const QString wrongPasswordZh = errorSentence("unauthorized", ErrorScene::signIn);
    const QString fallbackZh = errorSentence("something_new", ErrorScene::sync);

    const English english;
    ASSERT_TRUE(english.loaded()) << "the app's English (:/i18n/duban_en.qm)";
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const QString en = errorSentence(codes[i], ErrorScene::sync);
        EXPECT_NE(en, chinese[i]) << codes[i] << " has no English";
        EXPECT_FALSE(hasChinese(en)) << codes[i] << ": " << en.toStdString();
    }
    EXPECT_FALSE(hasChinese(errorSentence("unauthorized", ErrorScene::signIn)));
    EXPECT_NE(errorSentence("unauthorized", ErrorScene::signIn), wrongPasswordZh);
    EXPECT_FALSE(hasChinese(errorSentence("something_new", ErrorScene::sync)));
    EXPECT_NE(errorSentence("something_new", ErrorScene::sync), fallbackZh);
}

}  // namespace
}  // namespace duban::app

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);  // translations need an application
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
