#include "server/tls/dev_certificates.h"

#include "core/util/file_descriptor.h"

#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <new>
#include <stdexcept>
#include <system_error>

namespace duban::server {
namespace {

namespace fs = std::filesystem;

// Failures inside this file; the public functions turn them into one Result at the edge.
struct TlsFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <auto Free>
struct Deleter {
    template <class T>
    void operator()(T* p) const {
        Free(p);
    }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, Deleter<GENERAL_NAME_free>>;
using OctetStringPtr = std::unique_ptr<ASN1_OCTET_STRING, Deleter<ASN1_OCTET_STRING_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;

constexpr long kDay = 24L * 60 * 60;
constexpr long kCaLifetime = 3653 * kDay;  // ten years
// Field devices' clocks run late; a certificate that starts an hour back still works on them.
constexpr long kBackdate = 60L * 60;
// Re-issue ahead of expiry so a server restarted now and then never serves an expired certificate.
constexpr long kRenewAhead = 30 * kDay;
// RFC 5280 limits a commonName to 64 characters; clients match subjectAltName anyway.
constexpr std::size_t kMaxCommonName = 64;

struct HostName {
    std::string text;
    bool isIp = false;
};

struct Authority {
    X509Ptr cert;
    PKeyPtr key;
};

std::string openSslErrors() {
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        std::array<char, 256> buffer{};
        ERR_error_string_n(code, buffer.data(), buffer.size());
        text += text.empty() ? " (" : "; ";
        text += buffer.data();
    }
    return text.empty() ? text : text + ")";
}

// For failures inside OpenSSL itself, which moving files around cannot fix.
void check(bool ok, const char* what) {
    if (!ok) {
        throw TlsFailure(std::string(what) + " failed" + openSslErrors() +
                         "; check that the OpenSSL 3 libraries are installed intact");
    }
}

[[noreturn]] void failOnFile(const std::string& what, const fs::path& file) {
    throw TlsFailure(what + " " + file.string() + ": " +
                     std::error_code(errno, std::generic_category()).message() +
                     "; check that the server's user may write to that folder");
}

// Writes through a temporary file and a rename, so a crash leaves the old file or the new one,
// never half a key. The mode is given to open(), so a key is not readable by others even briefly.
void writeAtomically(const fs::path& file, mode_t mode, const std::function<bool(BIO*)>& write) {
    const fs::path temporary = fs::path(file).concat(".tmp");
    ::unlink(temporary.c_str());  // left over from an interrupted run
    const FileDescriptor fd(
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode));
    if (fd.get() < 0)
        failOnFile("cannot create", temporary);
    const BioPtr bio(BIO_new_fd(fd.get(), BIO_NOCLOSE));
    if (bio == nullptr || !write(bio.get()) || BIO_flush(bio.get()) != 1) {
        ::unlink(temporary.c_str());
        check(false, "writing a PEM file");
    }
    if (::fsync(fd.get()) != 0 || ::rename(temporary.c_str(), file.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        errno = error;
        failOnFile("cannot write", file);
    }
}

void writeKey(const fs::path& file, EVP_PKEY* key) {
    writeAtomically(file, 0600, [key](BIO* bio) {
        return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    });
}

void writeCertificate(const fs::path& file, X509* cert) {
    writeAtomically(file, 0644, [cert](BIO* bio) { return PEM_write_bio_X509(bio, cert) == 1; });
}

// The rename of a new file is durable only once its folder is synced too.
void syncDirectory(const fs::path& dir) {
    const FileDescriptor fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0)
        failOnFile("cannot sync the folder", dir);
}

// The folder holds the CA key: only the server's user may list or enter it.
void makePrivateDirectory(const fs::path& dir) {
    if (dir.has_parent_path())
        fs::create_directories(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        failOnFile("cannot create the folder", dir);
}

// A missing or unreadable file is an expected case here (the caller then creates one), so its
// errors are taken off OpenSSL's queue rather than reported later against something else.
template <class Pointer, auto Read>
Pointer readPem(const fs::path& file) {
    const BioPtr bio(BIO_new_file(file.c_str(), "r"));
    Pointer object(bio ? Read(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    ERR_clear_error();
    return object;
}
const auto readCertificate = readPem<X509Ptr, PEM_read_bio_X509>;
const auto readKey = readPem<PKeyPtr, PEM_read_bio_PrivateKey>;

PKeyPtr generateKey() {
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    check(key != nullptr, "generating an EC P-256 key");
    return key;
}

std::vector<unsigned char> randomBytes(std::size_t count) {
    std::vector<unsigned char> bytes(count);
    check(RAND_bytes(bytes.data(), static_cast<int>(count)) == 1, "RAND_bytes");
    return bytes;
}

std::vector<HostName> parseHosts(const std::vector<std::string>& hosts) {
    if (hosts.empty()) {
        throw TlsFailure(
            "no host names given; pass the names and addresses devices use to reach the server, "
            "e.g. localhost, 127.0.0.1, 192.168.1.10");
    }
    std::vector<HostName> parsed;
    for (const std::string& host : hosts) {
        std::string text = host;
        if (text.size() > 2 && text.front() == '[' && text.back() == ']')
            text = text.substr(1, text.size() - 2);  // an IPv6 literal as written in a URL
        const OctetStringPtr address(a2i_IPADDRESS(text.c_str()));
        ERR_clear_error();
        const bool validName = !text.empty() && text.size() <= 253 &&
                               text.find_first_not_of(
                                   "abcdefghijklmnopqrstuvwxyz"
                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._") == std::string::npos;
        if (address == nullptr && !validName) {
            throw TlsFailure("'" + host +
                             "' is neither a DNS name nor an IP address; pass names like "
                             "duban.local or addresses like 192.168.1.10");
        }
        parsed.push_back(HostName{text, address != nullptr});
    }
    return parsed;
}

// `value` is always one of the constants below, never input, so OpenSSL's config syntax is safe.
void addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    const ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    check(extension != nullptr && X509_add_ext(cert, extension.get(), -1) == 1,
          "adding a certificate extension");
}

// Built as structures rather than as a "DNS:a,IP:b" config string: host names come from the
// command line, and a comma in one must not smuggle another name into the certificate.
void addSubjectAltNames(X509* cert, const std::vector<HostName>& hosts) {
    const GeneralNamesPtr names(sk_GENERAL_NAME_new_null());
    check(names != nullptr, "allocating subjectAltName");
    for (const HostName& host : hosts) {
        GeneralNamePtr name(a2i_GENERAL_NAME(
            nullptr, nullptr, nullptr, host.isIp ? GEN_IPADD : GEN_DNS, host.text.c_str(), 0));
        check(name != nullptr, "encoding a subjectAltName entry");
        check(sk_GENERAL_NAME_push(names.get(), name.get()) > 0, "adding a subjectAltName entry");
        name.release();  // the stack owns it now
    }
    const ExtensionPtr extension(X509V3_EXT_i2d(NID_subject_alt_name, 0, names.get()));
    check(extension != nullptr && X509_add_ext(cert, extension.get(), -1) == 1,
          "adding subjectAltName");
}

// The common part of both certificates; `issuer` null means self-signed.
X509Ptr newCertificate(EVP_PKEY* key, const std::string& commonName, X509* issuer, long notBefore,
                       long notAfter) {
    X509Ptr cert(X509_new());
    check(cert != nullptr && X509_set_version(cert.get(), X509_VERSION_3) == 1, "X509_new");
    // Random serials: two certificates from one CA must never share one, not even after the CA
    // folder is restored from a backup. Top bit clear keeps it positive (RFC 5280).
    std::vector<unsigned char> serial = randomBytes(16);
    serial[0] = static_cast<unsigned char>(serial[0] & 0x7F);
    const BignumPtr number(BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr));
    check(number != nullptr &&
              BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(cert.get())) != nullptr,
          "setting the serial number");
    check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), notBefore) != nullptr &&
              X509_gmtime_adj(X509_getm_notAfter(cert.get()), notAfter) != nullptr,
          "setting the validity period");
    check(X509_set_pubkey(cert.get(), key) == 1, "X509_set_pubkey");

    const NamePtr subject(X509_NAME_new());
    check(subject != nullptr, "X509_NAME_new");
    for (const auto& [nid, value] : {std::pair<int, std::string>{NID_organizationName, "Duban"},
                                     {NID_commonName, commonName}}) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(value.c_str());
        check(value.empty() || value.size() > kMaxCommonName ||
                  X509_NAME_add_entry_by_NID(subject.get(), nid, MBSTRING_UTF8, bytes, -1, -1, 0) ==
                      1,
              "building the subject name");
    }
    check(X509_set_subject_name(cert.get(), subject.get()) == 1 &&
              X509_set_issuer_name(cert.get(), issuer != nullptr ? X509_get_subject_name(issuer)
                                                                 : subject.get()) == 1,
          "setting the names");
    return cert;
}

Authority createAuthority() {
    Authority ca{nullptr, generateKey()};
    // The random suffix keeps two installations' CAs apart: a device that trusts both must not
    // mix them up when it looks an issuer up by name.
    const std::vector<unsigned char> random = randomBytes(4);
    std::array<char, 9> suffix{};
    std::snprintf(suffix.data(), suffix.size(), "%02x%02x%02x%02x", random[0], random[1], random[2],
                  random[3]);
    ca.cert = newCertificate(ca.key.get(), std::string("Duban development CA ") + suffix.data(),
                             nullptr, -kBackdate, kCaLifetime);
    X509* cert = ca.cert.get();
    // pathlen:0 — it signs server certificates, never another CA.
    addExtension(cert, cert, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExtension(cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(cert, cert, NID_subject_key_identifier, "hash");
    addExtension(cert, cert, NID_authority_key_identifier, "keyid:always");
    check(X509_sign(cert, ca.key.get(), EVP_sha256()) > 0, "signing the CA certificate");
    return ca;
}

// An existing CA is never replaced behind the operator's back: devices already trust it.
Authority loadOrCreateAuthority(const fs::path& certFile, const fs::path& keyFile) {
    const bool haveCert = fs::exists(certFile);
    const bool haveKey = fs::exists(keyFile);
    if (!haveCert && !haveKey) {
        Authority ca = createAuthority();
        writeKey(keyFile, ca.key.get());  // first, so a ca.crt on disk always has its key
        writeCertificate(certFile, ca.cert.get());
        return ca;
    }
    const std::string startOver =
        "; restore both files from a backup, or delete both to create a "
        "new development CA (devices must then trust the new " +
        certFile.filename().string() + ")";
    if (!haveCert || !haveKey) {
        throw TlsFailure("found " + (haveCert ? certFile : keyFile).string() + " without " +
                         (haveCert ? keyFile : certFile).string() + startOver);
    }
    Authority ca{readCertificate(certFile), readKey(keyFile)};
    if (ca.cert == nullptr || ca.key == nullptr ||
        X509_check_private_key(ca.cert.get(), ca.key.get()) != 1 ||
        X509_check_ca(ca.cert.get()) == 0) {
        ERR_clear_error();
        throw TlsFailure(certFile.string() + " and " + keyFile.string() +
                         " are not a readable CA certificate and its key" + startOver);
    }
    if (X509_cmp_current_time(X509_get0_notAfter(ca.cert.get())) <= 0)
        throw TlsFailure("the CA in " + certFile.string() + " has expired" + startOver);
    return ca;
}

X509Ptr issueServerCertificate(const Authority& ca, EVP_PKEY* key,
                               const std::vector<HostName>& hosts, long notBefore, long notAfter) {
    X509Ptr cert = newCertificate(key, hosts.front().text, ca.cert.get(), notBefore, notAfter);
    X509* c = cert.get();
    X509* issuer = ca.cert.get();
    addExtension(c, issuer, NID_basic_constraints, "critical,CA:FALSE");
    // ECDSA keys only sign; keyEncipherment would be for RSA key exchange.
    addExtension(c, issuer, NID_key_usage, "critical,digitalSignature");
    addExtension(c, issuer, NID_ext_key_usage, "serverAuth");
    addExtension(c, issuer, NID_subject_key_identifier, "hash");
    addExtension(c, issuer, NID_authority_key_identifier, "keyid:always");
    addSubjectAltNames(c, hosts);
    check(X509_sign(c, ca.key.get(), EVP_sha256()) > 0, "signing the server certificate");
    return cert;
}

bool serverCertificateFits(X509* cert, EVP_PKEY* key, const Authority& ca,
                           const std::vector<HostName>& hosts, long renewAhead) {
    if (cert == nullptr || key == nullptr || X509_check_private_key(cert, key) != 1 ||
        X509_NAME_cmp(X509_get_issuer_name(cert), X509_get_subject_name(ca.cert.get())) != 0 ||
        X509_verify(cert, X509_get0_pubkey(ca.cert.get())) != 1) {
        ERR_clear_error();
        return false;
    }
    std::time_t renewBy = std::time(nullptr) + renewAhead;
    if (X509_cmp_time(X509_get0_notAfter(cert), &renewBy) <= 0)
        return false;
    return std::all_of(hosts.begin(), hosts.end(), [cert](const HostName& host) {
        const unsigned flags = X509_CHECK_FLAG_NEVER_CHECK_SUBJECT | X509_CHECK_FLAG_NO_WILDCARDS;
        return (host.isIp ? X509_check_ip_asc(cert, host.text.c_str(), flags)
                          : X509_check_host(cert, host.text.data(), host.text.size(), flags,
                                            nullptr)) == 1;
    });
}

template <class Body>
auto guarded(const std::string& context, Body&& body) -> duban::Result<decltype(body())> {
    ERR_clear_error();
    try {
        return body();
    } catch (const TlsFailure& e) {
        return makeError("tls_setup_failed", context + ": " + e.what());
    } catch (const fs::filesystem_error& e) {
        return makeError("tls_setup_failed", context + ": " + e.what() +
                                                 "; check that the server's user may write there");
    } catch (const std::bad_alloc&) {
        return makeError("tls_setup_failed", context + ": out of memory");
    }
}

CertificatePaths pathsIn(const fs::path& dir) {
    return CertificatePaths{dir / "ca.crt", dir / "ca.key", dir / "server.crt", dir / "server.key"};
}

}  // namespace

CertificatePaths developmentCertificatePaths(const std::filesystem::path& dataDir) {
    return pathsIn(dataDir / "tls");
}

duban::Result<CertificatePaths> ensureDevelopmentCertificates(const std::filesystem::path& dataDir,
                                                              const std::vector<std::string>& hosts,
                                                              int days) {
    const CertificatePaths paths = developmentCertificatePaths(dataDir);
    const fs::path dir = paths.caCert.parent_path();
    return guarded("Cannot set up the TLS certificates in " + dir.string(), [&] {
        if (days <= 0)
            throw TlsFailure("the certificate lifetime must be at least one day");
        const std::vector<HostName> names = parseHosts(hosts);
        makePrivateDirectory(dir);
        const Authority ca = loadOrCreateAuthority(paths.caCert, paths.caKey);

        const long lifetime = days * kDay;
        PKeyPtr key = readKey(paths.serverKey);
        const X509Ptr current = readCertificate(paths.serverCert);
        if (!serverCertificateFits(current.get(), key.get(), ca, names,
                                   std::min(kRenewAhead, lifetime / 2))) {
            // An existing key is kept, so clients that pin it survive a new host name or a renewal.
            if (key == nullptr) {
                key = generateKey();
                writeKey(paths.serverKey, key.get());
            }
            const X509Ptr cert =
                issueServerCertificate(ca, key.get(), names, -kBackdate, lifetime - kBackdate);
            writeCertificate(paths.serverCert, cert.get());
        }
        syncDirectory(dir);
        return paths;
    });
}

duban::Result<CertificatePaths> issueTestCertificates(const std::filesystem::path& dir,
                                                      const std::vector<std::string>& hosts,
                                                      long notBeforeOffsetSeconds,
                                                      long notAfterOffsetSeconds) {
    return guarded("Cannot issue test certificates in " + dir.string(), [&] {
        const std::vector<HostName> names = parseHosts(hosts);
        fs::create_directories(dir);
        const CertificatePaths paths = pathsIn(dir);
        const Authority ca = loadOrCreateAuthority(paths.caCert, paths.caKey);
        const PKeyPtr key = generateKey();
        const X509Ptr cert = issueServerCertificate(ca, key.get(), names, notBeforeOffsetSeconds,
                                                    notAfterOffsetSeconds);
        writeKey(paths.serverKey, key.get());
        writeCertificate(paths.serverCert, cert.get());
        return paths;
    });
}

duban::Result<std::string> publicKeyPin(const std::filesystem::path& certPem) {
    return guarded("Cannot compute the public key pin of " + certPem.string(), [&] {
        const X509Ptr cert = readCertificate(certPem);
        if (cert == nullptr)
            throw TlsFailure("not a readable PEM certificate; pass the server's certificate file");
        const X509_PUBKEY* publicKey = X509_get_X509_PUBKEY(cert.get());
        const int size = i2d_X509_PUBKEY(publicKey, nullptr);
        check(size > 0, "encoding the public key");
        std::vector<unsigned char> der(static_cast<std::size_t>(size));
        unsigned char* out = der.data();
        check(i2d_X509_PUBKEY(publicKey, &out) == size, "encoding the public key");

        std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
        unsigned int digestSize = 0;
        check(EVP_Digest(der.data(), der.size(), digest.data(), &digestSize, EVP_sha256(),
                         nullptr) == 1,
              "SHA-256");
        std::array<unsigned char, 4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1> base64{};
        const int length =
            EVP_EncodeBlock(base64.data(), digest.data(), static_cast<int>(digestSize));
        return "sha256//" + std::string(reinterpret_cast<const char*>(base64.data()),
                                        static_cast<std::size_t>(length));
    });
}

}  // namespace duban::server
