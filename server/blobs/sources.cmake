# Sources of the tus upload and blob endpoints (owned by the blob module).
target_sources(duban_server PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/blob_routes.cpp
)
