#include "qml/app/change_watcher.h"

#include "qml/app/log_categories.h"

namespace duban::app {

ChangeWatcher::ChangeWatcher(std::unique_ptr<sync::CurlTransport> transport)
    : m_transport(std::move(transport)) {}

ChangeWatcher::~ChangeWatcher() = default;

void ChangeWatcher::supersede(int ticket) {
    m_wanted = ticket;
    m_transport->cancel();  // the watch in flight, if any, returns "cancelled"
}

void ChangeWatcher::watch(int ticket, const sync::PullPosition& from) {
    if (ticket != m_wanted)
        return;  // superseded while queued: its successor is behind it
    m_transport->resetCancel();
    if (ticket != m_wanted)
        return;  // superseded between the two checks: its cancel() may have been reset
    sync::PullPosition position = from;
    for (;;) {
        const auto outcome = sync::watchForChanges(*m_transport, position);
        if (ticket != m_wanted)
            return;
        if (!outcome) {
            // Offline or signed out: the timer and the next sync take over, as without a watch.
            qCInfo(lcSync, "live changes stopped: %s", outcome.error().message.c_str());
            emit ended(ticket, false);
            return;
        }
        if (outcome->changed) {
            emit ended(ticket, true);
            return;
        }
        position = outcome->seen;  // others' changes only, or the wait ran out: wait again
    }
}

}  // namespace duban::app
