# Sources of the sync endpoints (owned by the sync module).
target_sources(duban_server PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sync_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mutation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/push_apply.cpp
  ${CMAKE_CURRENT_LIST_DIR}/authored_mutations.cpp
  ${CMAKE_CURRENT_LIST_DIR}/photo_mutations.cpp
  ${CMAKE_CURRENT_LIST_DIR}/warning_mutations.cpp
  ${CMAKE_CURRENT_LIST_DIR}/approval.cpp
  ${CMAKE_CURRENT_LIST_DIR}/versions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/conflicts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pull_query.cpp
  ${CMAKE_CURRENT_LIST_DIR}/record_views.cpp
)
