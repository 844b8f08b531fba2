# Fault injection (issue 4): the loopback fault proxy and its own tests, then seeded scenarios of
# offline edits synced by the real duban-client against the real duban-server while the proxy
# cuts, resets and delays connections and processes are SIGKILLed. Label `fault` in the default
# run; the 500-scenario soak has label `soak` (scripts/soak.sh, docs/reliability.md).
add_library(duban_fault_support STATIC support/fault_proxy.cpp)
target_link_libraries(duban_fault_support PUBLIC duban_core)

duban_unit_test(fault_proxy_test SOURCES fault/fault_proxy_test.cpp LIBS duban_fault_support LABELS fault)

add_library(duban_fault_scenarios STATIC fault/fault_world.cpp fault/scenario.cpp fault/invariants.cpp)
target_link_libraries(duban_fault_scenarios PUBLIC duban_fault_support duban_e2e_support duban_client_cli)
target_compile_definitions(duban_fault_scenarios PRIVATE DUBAN_CLIENT_BINARY="$<TARGET_FILE:duban-client>")
add_dependencies(duban_fault_scenarios duban-client duban-server)

duban_unit_test(fault_scenario_test SOURCES fault/fault_scenario_test.cpp LIBS duban_fault_scenarios LABELS fault)
duban_unit_test(fault_soak_test SOURCES fault/fault_scenario_test.cpp LIBS duban_fault_scenarios LABELS soak)
target_compile_definitions(fault_soak_test PRIVATE DUBAN_FAULT_SOAK=1)

# The transport under faults the scenarios found (a TLS handshake broken by the network).
duban_unit_test(handshake_fault_test SOURCES fault/handshake_fault_test.cpp
                LIBS duban_fault_support duban_e2e_support duban_sync LABELS fault)
