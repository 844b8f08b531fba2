duban_unit_test(transport_test SOURCES unit/transport_test.cpp unit/retry_test.cpp LIBS duban_sync duban_e2e_support LABELS unit)
