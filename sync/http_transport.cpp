#include "sync/http_transport.h"

#include <algorithm>
#include <array>

namespace duban::sync {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lower = [](char c) {
            return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        };
        return lower(x) == lower(y);
    });
}

constexpr std::array kKinds = {
    TransportErrorKind::connect,        TransportErrorKind::tls,       TransportErrorKind::timeout,
    TransportErrorKind::reset,          TransportErrorKind::cancelled, TransportErrorKind::tooLarge,
    TransportErrorKind::invalidRequest, TransportErrorKind::other,
};

constexpr std::array kCauses = {
    TransportCause::dnsFailed,      TransportCause::connectFailed,
    TransportCause::tlsUntrusted,   TransportCause::tlsUntrustedBySystem,
    TransportCause::tlsExpired,     TransportCause::tlsWrongHost,
    TransportCause::tlsPinMismatch, TransportCause::tlsCaFileUnusable,
};

}  // namespace

bool HttpRequest::isIdempotent() const {
    if (retrySafe)
        return true;
    for (const std::string_view idempotent : {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}) {
        if (method == idempotent)
            return true;
    }
    return false;
}

std::optional<std::string> HttpResponse::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (equalsIgnoringCase(key, name))
            return value;
    }
    return std::nullopt;
}

std::string_view transportErrorCode(TransportErrorKind kind) {
    switch (kind) {
        case TransportErrorKind::connect:
            return "transport_connect";
        case TransportErrorKind::tls:
            return "transport_tls";
        case TransportErrorKind::timeout:
            return "transport_timeout";
        case TransportErrorKind::reset:
            return "transport_reset";
        case TransportErrorKind::cancelled:
            return "cancelled";
        case TransportErrorKind::tooLarge:
            return "transport_response_too_large";
        case TransportErrorKind::invalidRequest:
            return "transport_invalid_request";
        case TransportErrorKind::other:
            break;
    }
    return "transport_failed";
}

std::string_view transportCauseCode(TransportCause cause) {
    switch (cause) {
        case TransportCause::dnsFailed:
            return "transport_dns_failed";
        case TransportCause::connectFailed:
            return "transport_connect_failed";
        case TransportCause::tlsUntrusted:
            return "transport_tls_untrusted";
        case TransportCause::tlsUntrustedBySystem:
            return "transport_tls_untrusted_system";
        case TransportCause::tlsExpired:
            return "transport_tls_expired";
        case TransportCause::tlsWrongHost:
            return "transport_tls_wrong_host";
        case TransportCause::tlsPinMismatch:
            return "transport_tls_pin_mismatch";
        case TransportCause::tlsCaFileUnusable:
            break;
    }
    return "transport_tls_ca_file_unusable";
}

TransportErrorKind kindOf(TransportCause cause) {
    return cause == TransportCause::dnsFailed || cause == TransportCause::connectFailed
               ? TransportErrorKind::connect
               : TransportErrorKind::tls;
}

TransportErrorKind transportErrorKind(const Error& error) {
    for (const TransportErrorKind kind : kKinds) {
        if (error.code == transportErrorCode(kind))
            return kind;
    }
    for (const TransportCause cause : kCauses) {
        if (error.code == transportCauseCode(cause))
            return kindOf(cause);
    }
    return TransportErrorKind::other;
}

Error makeTransportError(TransportErrorKind kind, std::string message) {
    return makeError(std::string(transportErrorCode(kind)), std::move(message));
}

Error makeTransportError(TransportCause cause, std::string message) {
    return makeError(std::string(transportCauseCode(cause)), std::move(message));
}

}  // namespace duban::sync
