# The app end to end (label ui): its controllers offscreen against the real server over HTTPS,
# the network taken away and given back by the fault proxy, a supervisor on duban-client.
qt_add_executable(duban_ui_test ui/ui_e2e_main.cpp)
set_target_properties(duban_ui_test PROPERTIES AUTOMOC ON)
target_link_libraries(duban_ui_test PRIVATE duban_qml duban_qmlplugin duban_e2e_support
                      duban_fault_support duban_client_cli Qt6::QuickTest)
# One process per story: each starts signed out, with a server of its own.
add_test(NAME ui_offline_visit COMMAND duban_ui_test -input ${CMAKE_CURRENT_SOURCE_DIR}/ui/tst_offline_visit.qml)
set_tests_properties(ui_offline_visit PROPERTIES LABELS "ui;e2e" TIMEOUT 300
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${CMAKE_CURRENT_BINARY_DIR}/runtime")
# The sign-in page against the real server: TLS refusals and a wrong password in plain words (both
# languages), a blank CA file trusting the system's store, the CA file picker, show-password.
add_test(NAME ui_sign_in COMMAND duban_ui_test -input ${CMAKE_CURRENT_SOURCE_DIR}/ui/tst_sign_in.qml)
set_tests_properties(ui_sign_in PROPERTIES LABELS "ui;e2e" TIMEOUT 180
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${CMAKE_CURRENT_BINARY_DIR}/runtime")
