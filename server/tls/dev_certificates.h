#pragma once
// The development CA and the server certificate it signs, so `duban-server serve` speaks HTTPS from
// the first start without an operator buying or configuring anything. Devices and tests trust
// DIR/tls/ca.crt (or pin the server key); a production deployment brings its own certificate.
#include <filesystem>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace duban::server {

struct CertificatePaths {
    std::filesystem::path caCert, caKey, serverCert, serverKey;
};

// DIR/tls/{ca.crt, ca.key, server.crt, server.key}
CertificatePaths developmentCertificatePaths(const std::filesystem::path& dataDir);

// Creates the development CA (EC P-256, self-signed, 10 years) and a server certificate signed by
// it (EC P-256, CN = first host, every host in subjectAltName as DNS or IP, serverAuth, `days`
// long) where they do not exist yet. An existing CA is kept — devices already trust it; the server
// certificate is re-issued with it when missing, not matching its key, not signed by the CA, not
// covering every host, or within 30 days of expiry. A re-issue keeps an existing server key, so
// clients that pin it (publicKeyPin) keep working. Keys are created mode 0600; every file is
// written to a temporary name and renamed, so a crash never leaves a truncated key behind.
// Errors: code "tls_setup_failed".
duban::Result<CertificatePaths> ensureDevelopmentCertificates(const std::filesystem::path& dataDir,
                                                              const std::vector<std::string>& hosts,
                                                              int days = 825);

// For tests: DIR/{ca.crt, ca.key, server.crt, server.key}. Uses the CA already in DIR (copy any CA
// there to issue from it), or creates a fresh self-signed one; then issues a server certificate
// for `hosts` valid from now+notBeforeOffsetSeconds to now+notAfterOffsetSeconds (negative offsets
// make expired or not-yet-valid certificates).
duban::Result<CertificatePaths> issueTestCertificates(const std::filesystem::path& dir,
                                                      const std::vector<std::string>& hosts,
                                                      long notBeforeOffsetSeconds,
                                                      long notAfterOffsetSeconds);

// SHA-256 of the certificate's SubjectPublicKeyInfo (DER) as "sha256//<base64>", the form
// CURLOPT_PINNEDPUBLICKEY takes. It changes when the key changes, not when the certificate is
// merely re-issued for the same key.
duban::Result<std::string> publicKeyPin(const std::filesystem::path& certPem);

}  // namespace duban::server
