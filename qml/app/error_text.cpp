#include "qml/app/error_text.h"

#include <QCoreApplication>

#include <array>
#include <string>

#include "qml/app/log_categories.h"

namespace duban::app {
namespace {

struct Sentence {
    std::string_view code;
    const char* text;  // Chinese source; English in assets/i18n/duban_en.ts
};

// One sentence per code; codes that mean the same to a person are led to one of these (sameAs).
constexpr std::array kSentences = {
    // The network and TLS (sync/http_transport.h).
    Sentence{"transport_dns_failed",
             QT_TRANSLATE_NOOP("ErrorText",
                               "找不到这个服务器：请检查服务器地址是否写对，以及网络是否连通。")},
    Sentence{"transport_connect_failed",
             QT_TRANSLATE_NOOP("ErrorText", "连不上服务器：请检查网络和服务器地址。")},
    Sentence{
        "transport_timeout",
        QT_TRANSLATE_NOOP("ErrorText", "服务器没有及时响应：网络可能很慢或已断开，请稍后重试。")},
    Sentence{"transport_reset",
             QT_TRANSLATE_NOOP("ErrorText", "与服务器的连接中断了：请稍后重试。")},
    Sentence{"transport_tls_untrusted",
             QT_TRANSLATE_NOOP("ErrorText",
                               "无法验证服务器证书：请确认 CA 证书文件是服务器提供的那一份。")},
    Sentence{"transport_tls_untrusted_system",
             QT_TRANSLATE_NOOP("ErrorText",
                               "本机不信任这个服务器的证书：请选择服务器提供的 CA 证书文件"
                               "（ca.crt）。")},
    Sentence{"transport_tls_expired",
             QT_TRANSLATE_NOOP("ErrorText",
                               "服务器证书已过期或尚未生效：请检查本机的日期和时间；如无误，"
                               "请联系服务器管理员更换证书。")},
    Sentence{"transport_tls_wrong_host",
             QT_TRANSLATE_NOOP("ErrorText",
                               "服务器证书不是为这个地址签发的：请使用证书上写明的服务器地址，"
                               "或联系管理员。")},
    Sentence{"transport_tls_pin_mismatch",
             QT_TRANSLATE_NOOP("ErrorText",
                               "服务器的密钥与记录的不一致，已拒绝连接：可能有人在拦截网络，"
                               "请联系管理员。")},
    Sentence{"transport_tls_ca_file_unusable",
             QT_TRANSLATE_NOOP("ErrorText",
                               "所选文件不是 CA 证书：请选择服务器提供的 ca.crt（PEM 格式）。")},
    Sentence{"transport_tls",
             QT_TRANSLATE_NOOP("ErrorText",
                               "无法与服务器建立安全连接：请检查 CA 证书文件和服务器地址。")},
    Sentence{"transport_ca_file_missing",
             QT_TRANSLATE_NOOP("ErrorText", "找不到所选的 CA 证书文件：请重新选择。")},
    Sentence{"transport_insecure_url",
             QT_TRANSLATE_NOOP("ErrorText",
                               "服务器地址必须以 https:// 开头：请填写服务器的 https 地址。")},
    Sentence{"transport_invalid_url",
             QT_TRANSLATE_NOOP("ErrorText", "服务器地址的格式不对：应形如 https://服务器:8443。")},
    Sentence{"transport_response_too_large",
             QT_TRANSLATE_NOOP("ErrorText",
                               "服务器发来的数据过大，已停止接收：请确认这是督办服务器的地址。")},
    Sentence{"cancelled", QT_TRANSLATE_NOOP("ErrorText", "已停止。")},
    // The server's answers (docs/api.md).
    Sentence{"unauthorized", QT_TRANSLATE_NOOP("ErrorText", "登录已过期，请重新登录。")},
    Sentence{"forbidden",
             QT_TRANSLATE_NOOP("ErrorText", "这个账号没有权限这样做：如有疑问请联系管理员。")},
    Sentence{"locked",
             QT_TRANSLATE_NOOP("ErrorText",
                               "密码连续输错，账号已暂时锁定：请稍后（最长 15 分钟）再试。")},
    Sentence{"rate_limited", QT_TRANSLATE_NOOP("ErrorText", "尝试太频繁：请等一分钟再试。")},
    Sentence{"busy", QT_TRANSLATE_NOOP("ErrorText", "服务器正忙：请稍后重试。")},
    Sentence{"internal",
             QT_TRANSLATE_NOOP("ErrorText", "服务器出错了：请稍后重试；仍不行请联系管理员。")},
    Sentence{"not_found",
             QT_TRANSLATE_NOOP("ErrorText", "这个地址上没有督办服务：请检查服务器地址。")},
    Sentence{"bad_response",
             QT_TRANSLATE_NOOP("ErrorText",
                               "服务器的回答无法识别：请确认这是督办服务器的地址，或稍后重试。")},
    Sentence{"invalid", QT_TRANSLATE_NOOP("ErrorText",
                                          "服务器拒收了这次请求：请把应用更新到最新版本后重试。")},
    // The device's own.
    Sentence{"store_failed",
             QT_TRANSLATE_NOOP("ErrorText", "本机数据无法保存：请检查存储空间后重试。")},
    Sentence{"profile_in_use",
             QT_TRANSLATE_NOOP("ErrorText",
                               "本机数据属于另一个账号或服务器：请用原来的账号和服务器登录。")},
    Sentence{
        "profile_write_failed",
        QT_TRANSLATE_NOOP("ErrorText", "无法保存登录信息：请检查存储空间和数据文件夹的权限。")},
    Sentence{"sync_gap", QT_TRANSLATE_NOOP("ErrorText", "同步没有完成：稍后会自动重试。")},
    Sentence{"upload_stalled",
             QT_TRANSLATE_NOOP("ErrorText", "照片上传没有完成：稍后会自动重试。")},
};

// While signing in, a 401 is the password, not an expired session.
constexpr Sentence kWrongPassword{
    "unauthorized", QT_TRANSLATE_NOOP("ErrorText", "账号或密码不正确：请检查后重试。")};

constexpr std::array kCodes = [] {
    std::array<std::string_view, kSentences.size()> codes{};
    for (std::size_t i = 0; i < kSentences.size(); ++i)
        codes[i] = kSentences[i].code;
    return codes;
}();

// Codes that say the same to a person as one in the table.
std::string_view sameAs(std::string_view code) {
    // An error made from the kind alone (the fake transport, a test's proxy) says less than
    // libcurl's cause, but the same to a person.
    if (code == "transport_connect")
        return "transport_connect_failed";
    if (code == "sync_bad_response")
        return "bad_response";
    if (code == "sync_scope_unstable")
        return "sync_gap";
    if (code == "invalid_json" || code == "payload_too_large" || code == "header_too_large" ||
        code == "unsupported_media_type" || code == "transport_invalid_request")
        return "invalid";
    if (code.starts_with("blob_"))
        return "upload_stalled";
    // A status without the server's JSON body (a proxy's page, another server).
    if (code == "http_401")
        return "unauthorized";
    if (code == "http_403")
        return "forbidden";
    if (code == "http_404")
        return "not_found";
    if (code == "http_429")
        return "rate_limited";
    if (code == "http_503")
        return "busy";
    if (code.starts_with("http_5"))
        return "internal";
    return code;
}

QString translated(const char* text) {
    return QCoreApplication::translate("ErrorText", text);
}

}  // namespace

QString errorSentence(std::string_view code, ErrorScene scene) {
    code = sameAs(code);
    if (scene == ErrorScene::signIn && code == kWrongPassword.code)
        return translated(kWrongPassword.text);
    for (const Sentence& sentence : kSentences) {
        if (sentence.code == code)
            return translated(sentence.text);
    }
    return QCoreApplication::translate("ErrorText",
                                       "操作没有完成（%1）：请稍后重试；仍不行请联系管理员。")
        .arg(QString::fromUtf8(code.data(), qsizetype(code.size())));
}

QString userErrorText(const Error& error, ErrorScene scene) {
    if (scene == ErrorScene::signIn)
        qCWarning(lcUi, "sign-in failed: %s (%s)", error.message.c_str(), error.code.c_str());
    else
        qCWarning(lcSync, "sync failed: %s (%s)", error.message.c_str(), error.code.c_str());
    return errorSentence(error.code, scene);
}

std::span<const std::string_view> codesWithSentences() {
    return kCodes;
}

}  // namespace duban::app
