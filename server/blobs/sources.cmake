# Sources of the tus upload and blob endpoints (owned by the blob module).
target_sources(duban_server PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/blob_access.cpp
  ${CMAKE_CURRENT_LIST_DIR}/blob_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/blob_schema.cpp
  ${CMAKE_CURRENT_LIST_DIR}/blob_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/chunk_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_io.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jpeg_gate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/streaming_route.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tus_headers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tus_patch.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tus_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/upload_completion.cpp
  ${CMAKE_CURRENT_LIST_DIR}/upload_expiry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/upload_store.cpp
)
