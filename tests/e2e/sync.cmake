# End-to-end tests of push and pull (owned by the sync module).
duban_unit_test(sync_e2e_test SOURCES e2e/sync_fixture.cpp e2e/sync_test.cpp e2e/sync_scope_test.cpp
                e2e/compression_test.cpp e2e/live_pull_test.cpp
                LIBS duban_e2e_support LABELS e2e)
