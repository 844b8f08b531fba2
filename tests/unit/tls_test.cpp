// The development CA and server certificate: checked the way a TLS client checks them
// (X509_verify_cert against the CA, purpose "SSL server", the host name), not by reading fields
// back.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "server/tls/dev_certificates.h"
#include "tests/support/test_store.h"

namespace duban::server {
namespace {

namespace fs = std::filesystem;

constexpr long kDay = 24L * 60 * 60;

using test::TempDir;  // a folder made for the test, removed after it

struct X509Free {
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr loadCertificate(const fs::path& file) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_file(file.c_str(), "r"), &BIO_free);
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

std::string readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

unsigned permissions(const fs::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0)
        return 0;
    return info.st_mode & 0777U;
}

// What a TLS client decides: X509_V_OK, or the reason it refuses the server.
int verify(const fs::path& serverCert, const fs::path& caCert, const std::string& host = {}) {
    const X509Ptr ca = loadCertificate(caCert);
    const X509Ptr cert = loadCertificate(serverCert);
    if (!ca || !cert)
        return -1;
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(),
                                                                  &X509_STORE_free);
    X509_STORE_add_cert(store.get(), ca.get());
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> context(X509_STORE_CTX_new(),
                                                                            &X509_STORE_CTX_free);
    X509_STORE_CTX_init(context.get(), store.get(), cert.get(), nullptr);
    X509_STORE_CTX_set_purpose(context.get(), X509_PURPOSE_SSL_SERVER);
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(context.get());
    if (!host.empty() && host.find(':') == std::string::npos &&
        host.find_first_not_of("0123456789.") != std::string::npos) {
        X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size());
    } else if (!host.empty()) {
        X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
    }
    if (X509_verify_cert(context.get()) == 1)
        return X509_V_OK;
    return X509_STORE_CTX_get_error(context.get());
}

struct AltNames {
    std::set<std::string> dns, ip;
};

AltNames altNames(const fs::path& certFile) {
    AltNames result;
    const X509Ptr cert = loadCertificate(certFile);
    auto* names = static_cast<GENERAL_NAMES*>(
        X509_get_ext_d2i(cert.get(), NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
        const auto* data = ASN1_STRING_get0_data(name->d.ia5);
        const int length = ASN1_STRING_length(name->d.ia5);
        if (name->type == GEN_DNS) {
            result.dns.emplace(reinterpret_cast<const char*>(data),
                               static_cast<std::size_t>(length));
        } else if (name->type == GEN_IPADD) {
            char text[INET6_ADDRSTRLEN] = {};
            inet_ntop(length == 4 ? AF_INET : AF_INET6, data, text, sizeof text);
            result.ip.emplace(text);
        }
    }
    GENERAL_NAMES_free(names);
    return result;
}

std::string commonName(const fs::path& certFile) {
    const X509Ptr cert = loadCertificate(certFile);
    char text[256] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName, text, sizeof text);
    return text;
}

// The pin computed another way (EVP_PKEY → SubjectPublicKeyInfo), as curl documents it.
std::string independentPin(const fs::path& certFile) {
    const X509Ptr cert = loadCertificate(certFile);
    unsigned char* der = nullptr;
    const int size = i2d_PUBKEY(X509_get0_pubkey(cert.get()), &der);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestSize = 0;
    EVP_Digest(der, static_cast<std::size_t>(size), digest, &digestSize, EVP_sha256(), nullptr);
    OPENSSL_free(der);
    unsigned char base64[128] = {};
    EVP_EncodeBlock(base64, digest, static_cast<int>(digestSize));
    return "sha256//" + std::string(reinterpret_cast<const char*>(base64));
}

const std::vector<std::string> kHosts = {"localhost", "127.0.0.1", "::1", "duban.local"};

class DevelopmentCertificates : public ::testing::Test {
protected:
    void SetUp() override {
        auto made = ensureDevelopmentCertificates(m_dir.path(), kHosts);
        ASSERT_TRUE(made.ok()) << made.error().message;
        m_paths = made.value();
    }
    [[nodiscard]] std::vector<std::string> snapshot() const {
        return {readBytes(m_paths.caCert), readBytes(m_paths.caKey), readBytes(m_paths.serverCert),
                readBytes(m_paths.serverKey)};
    }

    TempDir m_dir;
    CertificatePaths m_paths;
};

TEST_F(DevelopmentCertificates, LiveInTheTlsFolderOfTheDataDirectory) {
    EXPECT_EQ(m_paths.caCert, m_dir.path() / "tls" / "ca.crt");
    EXPECT_EQ(m_paths.caKey, m_dir.path() / "tls" / "ca.key");
    EXPECT_EQ(m_paths.serverCert, m_dir.path() / "tls" / "server.crt");
    EXPECT_EQ(m_paths.serverKey, m_dir.path() / "tls" / "server.key");
    EXPECT_EQ(developmentCertificatePaths(m_dir.path()).serverKey, m_paths.serverKey);
}

TEST_F(DevelopmentCertificates, ChainVerifiesAgainstTheCaForEveryHost) {
    for (const std::string& host : kHosts)
        EXPECT_EQ(verify(m_paths.serverCert, m_paths.caCert, host), X509_V_OK) << host;
    EXPECT_EQ(verify(m_paths.serverCert, m_paths.caCert, "other.example"),
              X509_V_ERR_HOSTNAME_MISMATCH);

    const X509Ptr ca = loadCertificate(m_paths.caCert);
    EXPECT_EQ(X509_check_ca(ca.get()), 1);
    EXPECT_EQ(commonName(m_paths.caCert).rfind("Duban development CA ", 0), 0U);
}

TEST_F(DevelopmentCertificates, ServerCertificateNamesEveryHostAsDnsOrIp) {
    const AltNames names = altNames(m_paths.serverCert);
    EXPECT_EQ(names.dns, (std::set<std::string>{"localhost", "duban.local"}));
    EXPECT_EQ(names.ip, (std::set<std::string>{"127.0.0.1", "::1"}));
    EXPECT_EQ(commonName(m_paths.serverCert), "localhost");

    const X509Ptr cert = loadCertificate(m_paths.serverCert);
    EXPECT_EQ(X509_check_ca(cert.get()), 0);
    EXPECT_TRUE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER);
    EXPECT_TRUE(X509_get_key_usage(cert.get()) & KU_DIGITAL_SIGNATURE);
    int days = 0;
    int seconds = 0;
    ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(cert.get()),
                             X509_get0_notAfter(cert.get())),
              1);
    EXPECT_EQ(days, 825);  // Apple's limit for certificates from a user-installed CA
    EXPECT_EQ(seconds, 0);
}

TEST_F(DevelopmentCertificates, KeysAreReadableByTheOwnerOnly) {
    EXPECT_EQ(permissions(m_paths.caKey), 0600U);
    EXPECT_EQ(permissions(m_paths.serverKey), 0600U);
    EXPECT_EQ(permissions(m_paths.caKey.parent_path()), 0700U);
}

TEST_F(DevelopmentCertificates, SecondCallChangesNothing) {
    const auto before = snapshot();
    auto again = ensureDevelopmentCertificates(m_dir.path(), kHosts);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(snapshot(), before);
    EXPECT_FALSE(fs::exists(fs::path(m_paths.serverCert).concat(".tmp")));
}

TEST_F(DevelopmentCertificates, NewHostReissuesOnlyTheServerCertificate) {
    const auto before = snapshot();
    const auto pinBefore = publicKeyPin(m_paths.serverCert);
    std::vector<std::string> hosts = kHosts;
    hosts.push_back("192.168.1.10");
    auto again = ensureDevelopmentCertificates(m_dir.path(), hosts);
    ASSERT_TRUE(again.ok()) << again.error().message;

    const auto after = snapshot();
    EXPECT_EQ(after[0], before[0]) << "ca.crt must stay: devices trust it";
    EXPECT_EQ(after[1], before[1]) << "ca.key must stay";
    EXPECT_NE(after[2], before[2]) << "server.crt must be re-issued";
    EXPECT_EQ(after[3], before[3]) << "server.key is kept, so pins survive";
    EXPECT_EQ(publicKeyPin(m_paths.serverCert).value(), pinBefore.value());
    EXPECT_EQ(verify(m_paths.serverCert, m_paths.caCert, "192.168.1.10"), X509_V_OK);
    EXPECT_EQ(verify(m_paths.serverCert, m_paths.caCert, "duban.local"), X509_V_OK);
}

TEST_F(DevelopmentCertificates, MissingServerFilesAreReissuedWithTheExistingCa) {
    const auto before = snapshot();
    fs::remove(m_paths.serverCert);
    fs::remove(m_paths.serverKey);
    auto again = ensureDevelopmentCertificates(m_dir.path(), kHosts);
    ASSERT_TRUE(again.ok()) << again.error().message;
    const auto after = snapshot();
    EXPECT_EQ(after[0], before[0]);
    EXPECT_NE(after[3], before[3]);
    EXPECT_EQ(permissions(m_paths.serverKey), 0600U);
    EXPECT_EQ(verify(m_paths.serverCert, m_paths.caCert, "localhost"), X509_V_OK);
}

TEST_F(DevelopmentCertificates, CaCertificateWithoutItsKeyIsAnErrorNotANewCa) {
    const std::string ca = readBytes(m_paths.caCert);
    fs::remove(m_paths.caKey);
    auto again = ensureDevelopmentCertificates(m_dir.path(), kHosts);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, "tls_setup_failed");
    EXPECT_NE(again.error().message.find("ca.key"), std::string::npos) << again.error().message;
    EXPECT_EQ(readBytes(m_paths.caCert), ca);
}

TEST_F(DevelopmentCertificates, ExpiredCertificateFailsVerification) {
    TempDir other;
    fs::copy_file(m_paths.caCert, other.path() / "ca.crt");
    fs::copy_file(m_paths.caKey, other.path() / "ca.key");
    auto expired = issueTestCertificates(other.path(), {"localhost"}, -2 * kDay, -kDay);
    ASSERT_TRUE(expired.ok()) << expired.error().message;
    EXPECT_EQ(verify(expired->serverCert, m_paths.caCert, "localhost"),
              X509_V_ERR_CERT_HAS_EXPIRED);
    // The same CA, valid dates: accepted — so it is the dates that were refused.
    auto valid = issueTestCertificates(other.path(), {"localhost"}, -60, kDay);
    ASSERT_TRUE(valid.ok()) << valid.error().message;
    EXPECT_EQ(verify(valid->serverCert, m_paths.caCert, "localhost"), X509_V_OK);
}

TEST_F(DevelopmentCertificates, CertificateFromAnotherCaFailsVerification) {
    TempDir other;
    auto foreign = issueTestCertificates(other.path(), {"localhost"}, -60, kDay);
    ASSERT_TRUE(foreign.ok()) << foreign.error().message;
    EXPECT_NE(readBytes(foreign->caCert), readBytes(m_paths.caCert));
    EXPECT_EQ(verify(foreign->serverCert, foreign->caCert, "localhost"), X509_V_OK);
    EXPECT_EQ(verify(foreign->serverCert, m_paths.caCert, "localhost"),
              X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

TEST_F(DevelopmentCertificates, PinIsStableAndDiffersBetweenKeys) {
    const auto pin = publicKeyPin(m_paths.serverCert);
    ASSERT_TRUE(pin.ok()) << pin.error().message;
    EXPECT_EQ(pin.value().rfind("sha256//", 0), 0U);
    EXPECT_EQ(pin.value().size(), 8U + 44U);
    EXPECT_EQ(publicKeyPin(m_paths.serverCert).value(), pin.value());
    EXPECT_EQ(pin.value(), independentPin(m_paths.serverCert));
    EXPECT_NE(publicKeyPin(m_paths.caCert).value(), pin.value());

    TempDir other;
    auto foreign = issueTestCertificates(other.path(), {"localhost"}, -60, kDay);
    ASSERT_TRUE(foreign.ok()) << foreign.error().message;
    EXPECT_NE(publicKeyPin(foreign->serverCert).value(), pin.value());
}

TEST(DevelopmentCertificateErrors, SayWhatWasWrong) {
    TempDir dir;
    auto noHosts = ensureDevelopmentCertificates(dir.path(), {});
    ASSERT_FALSE(noHosts.ok());
    EXPECT_EQ(noHosts.error().code, "tls_setup_failed");
    EXPECT_NE(noHosts.error().message.find("host"), std::string::npos);

    // A comma must not smuggle a second name into the certificate.
    auto injected = ensureDevelopmentCertificates(dir.path(), {"a.example,DNS:evil.example"});
    ASSERT_FALSE(injected.ok());
    EXPECT_NE(injected.error().message.find("neither a DNS name nor an IP"), std::string::npos);

    auto badDays = ensureDevelopmentCertificates(dir.path(), {"localhost"}, 0);
    EXPECT_FALSE(badDays.ok());

    auto noFile = publicKeyPin(dir.path() / "missing.crt");
    ASSERT_FALSE(noFile.ok());
    EXPECT_EQ(noFile.error().code, "tls_setup_failed");
    EXPECT_NE(noFile.error().message.find("missing.crt"), std::string::npos);
}

}  // namespace
}  // namespace duban::server
