#pragma once
// A long-poll (GET /v1/sync/pull?wait=S): a handler with nothing to answer yet parks the request
// instead of answering. The transport then holds it without a thread and runs the handler again
// once the change feed passes `beyond`, or when `until` comes; the handler sees its own Parking
// back in Request::parked.
#include <chrono>
#include <cstdint>
#include <string>

namespace duban::server {

struct Parking {
    std::chrono::steady_clock::time_point until;
    std::int64_t beyond = 0;  // run again once a change after this seq is committed
    std::string note;         // the handler's own state for the next run
};

}  // namespace duban::server
