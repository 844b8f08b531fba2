#pragma once
// Documents from templates in assets/templates: `{{name}}` is replaced by the value of `name`,
// HTML-escaped (a project named "A&B<1>" prints as typed and cannot add markup). A name the
// values do not have, or a `{{` never closed, is an error naming it — a template and its
// data that disagree never produce a letter with a hole in it.
#include <map>
#include <string>
#include <string_view>

#include "core/util/result.h"

namespace duban {

[[nodiscard]] Result<std::string> fillTemplate(std::string_view text,
                                               const std::map<std::string, std::string>& values);

// & < > " ' as entities; newlines as <br/> (a narrative keeps its lines).
[[nodiscard]] std::string escapeHtml(std::string_view text);

}  // namespace duban
