#pragma once
// Errors a person sees, in plain words: the one place where a stable error code — the transport's
// (sync/http_transport.h: connect, DNS, TLS, timeouts), the server's ({"error": {"code"}}, or
// "http_<status>" without a body) and sync's own — becomes a sentence saying what happened and
// what to do, in the UI's language. The raw detail (libcurl's and the server's English) goes to
// the log, never into the sentence.
#include <QString>

#include <span>
#include <string_view>

#include "core/util/result.h"

namespace duban::app {

// Where the error met the user: one code can mean two things there (401 while signing in is a
// wrong password; during sync, a session that has expired).
enum class ErrorScene { signIn, sync };

// The sentence for `code` in the UI's language; a code without one of its own gets a general
// sentence that names it (so a report to the administrator can say which).
[[nodiscard]] QString errorSentence(std::string_view code, ErrorScene scene);

// The sentence for `error`, its code and message logged (duban.ui when signing in, duban.sync).
[[nodiscard]] QString userErrorText(const Error& error, ErrorScene scene);

// Every code that has a sentence of its own (the tests check both languages of each).
[[nodiscard]] std::span<const std::string_view> codesWithSentences();

}  // namespace duban::app
