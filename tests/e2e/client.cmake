# duban-client's commands against the real server over HTTPS (owned by the headless client).
duban_unit_test(client_test SOURCES e2e/client_test.cpp LIBS duban_client_cli duban_e2e_support LABELS e2e)
