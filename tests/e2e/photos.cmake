# Photos on the client: tus uploads and the blob cache against the real server over HTTPS (owned
# by the photo sync module).
duban_unit_test(photo_sync_test SOURCES e2e/photo_sync_test.cpp LIBS duban_sync duban_e2e_support
                LABELS e2e)
