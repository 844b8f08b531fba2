# Sources of the sync endpoints (owned by the sync module).
target_sources(duban_server PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sync_routes.cpp
)
