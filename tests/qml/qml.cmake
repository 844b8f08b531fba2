# The app's QML module under Qt Quick Test, offscreen, on a seeded store (label qml).
qt_add_executable(duban_qml_test qml/qml_test_main.cpp)
set_target_properties(duban_qml_test PROPERTIES AUTOMOC ON)
target_link_libraries(duban_qml_test PRIVATE duban_qml duban_qmlplugin duban_test_support Qt6::QuickTest)
add_test(NAME qml_tests COMMAND duban_qml_test -input ${CMAKE_CURRENT_SOURCE_DIR}/qml)
set_tests_properties(qml_tests PROPERTIES LABELS qml TIMEOUT 120
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${CMAKE_CURRENT_BINARY_DIR}/runtime")

# `duban --self-test`: every QML file loads, Main.qml with no warning.
add_test(NAME app_self_test COMMAND duban --self-test --data ${CMAKE_CURRENT_BINARY_DIR}/self-test-data)
set_tests_properties(app_self_test PROPERTIES LABELS qml TIMEOUT 60
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${CMAKE_CURRENT_BINARY_DIR}/runtime")

# qmllint over every QML file of the module, with Qt's own import paths and the settings in
# .qmllint.ini; any warning fails (the lint target exits non-zero).
add_test(NAME qml_lint COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target all_qmllint)
set_tests_properties(qml_lint PROPERTIES LABELS qml TIMEOUT 300)
