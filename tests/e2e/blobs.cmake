# End-to-end tests of tus uploads and blobs (owned by the blob module).
duban_unit_test(blob_e2e_test SOURCES e2e/blob_test.cpp e2e/blob_test_support.cpp
                LIBS duban_e2e_support PkgConfig::TURBOJPEG OpenSSL::SSL OpenSSL::Crypto LABELS e2e)
# Limits, deadlines and caps of the HTTP core (issue 15), on the raw TLS client of the blob tests.
duban_unit_test(limits_e2e_test SOURCES e2e/limits_test.cpp e2e/blob_test_support.cpp
                LIBS duban_e2e_support PkgConfig::TURBOJPEG OpenSSL::SSL OpenSSL::Crypto LABELS e2e)
