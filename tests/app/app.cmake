# The app layer's C++ beyond QML (label qml: needs Qt, runs offscreen).
# The PDFs of the month and of a warning letter, read back as text with pdftotext (poppler-utils).
add_executable(duban_pdf_test app/pdf_test.cpp)
target_link_libraries(duban_pdf_test PRIVATE duban_qml duban_test_support GTest::gtest)
gtest_discover_tests(duban_pdf_test PROPERTIES LABELS qml DISCOVERY_TIMEOUT 60
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${CMAKE_CURRENT_BINARY_DIR}/runtime")

# Errors in plain words: every code has its sentence, in Chinese and in English.
add_executable(duban_error_text_test app/error_text_test.cpp)
target_link_libraries(duban_error_text_test PRIVATE duban_qml GTest::gtest)
gtest_discover_tests(duban_error_text_test PROPERTIES LABELS "unit;qml" DISCOVERY_TIMEOUT 60)

# Qt's own words (its file dialog, the standard buttons) in the app's language.
add_executable(duban_qt_translations_test app/qt_translations_test.cpp)
target_link_libraries(duban_qt_translations_test PRIVATE duban_qml GTest::gtest GTest::gtest_main)
gtest_discover_tests(duban_qt_translations_test PROPERTIES LABELS "unit;qml" DISCOVERY_TIMEOUT 60)
