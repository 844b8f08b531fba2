# The transport test serves its fixtures with cpp-httplib (the server no longer uses it).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
duban_unit_test(transport_test SOURCES unit/transport_test.cpp unit/retry_test.cpp unit/change_watch_test.cpp LIBS duban_sync duban_e2e_support PkgConfig::HTTPLIB LABELS unit)
