# End-to-end tests of tus uploads and blobs (owned by the blob module).
duban_unit_test(blob_e2e_test SOURCES e2e/blob_test.cpp LIBS duban_e2e_support LABELS e2e)
