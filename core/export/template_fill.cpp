#include "core/export/template_fill.h"

namespace duban {

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            case '\n':
                out += "<br/>";
                break;
            default:
                out += c;
        }
    }
    return out;
}

Result<std::string> fillTemplate(std::string_view text,
                                 const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(text.size() * 2);
    std::size_t at = 0;
    for (;;) {
        const std::size_t open = text.find("{{", at);
        if (open == std::string_view::npos) {
            out.append(text.substr(at));
            return out;
        }
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) {
            return makeError("template_invalid",
                             "the template has a “{{” that is never closed (at byte " +
                                 std::to_string(open) + ").");
        }
        const std::string name(text.substr(open + 2, close - open - 2));
        const auto value = values.find(name);
        if (value == values.end()) {
            return makeError("template_invalid", "the template asks for “" + name +
                                                     "”, which the letter does not have.");
        }
        out.append(text.substr(at, open - at));
        out += escapeHtml(value->second);
        at = close + 2;
    }
}

}  // namespace duban
