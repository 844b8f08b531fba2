# The client sync engine against the real server over HTTPS (owned by the sync engine).
duban_unit_test(sync_engine_test SOURCES unit/sync_engine_test.cpp LIBS duban_sync duban_e2e_support LABELS e2e)
