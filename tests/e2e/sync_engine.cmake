# A signed-in device (store + libcurl + engine) for the end-to-end sync stories.
add_library(duban_sync_test_support STATIC support/sync_device.cpp)
target_link_libraries(duban_sync_test_support PUBLIC duban_sync duban_e2e_support)
# The client sync engine against the real server over HTTPS (owned by the sync engine).
duban_unit_test(sync_engine_test SOURCES e2e/sync_engine_test.cpp LIBS duban_sync_test_support LABELS e2e)
# What the server refused or lost, and the user's decision on it (inbox), over the real server.
duban_unit_test(inbox_test SOURCES e2e/inbox_test.cpp LIBS duban_sync_test_support LABELS e2e)
# Sync on a worker thread while the user edits through a second connection (the app's model).
duban_unit_test(sync_worker_test SOURCES e2e/sync_worker_test.cpp LIBS duban_sync_test_support LABELS e2e)
