#include "qml/app/network_watch.h"

#include <QNetworkInformation>

#include "qml/app/log_categories.h"

namespace duban::app {

NetworkWatch::NetworkWatch(QObject* parent) : QObject(parent) {
    // One instance per process, shared; loading twice is harmless.
    if (QNetworkInformation::instance() == nullptr &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcSync, "no network information backend: sync keeps to its timers");
        return;
    }
    auto* info = QNetworkInformation::instance();
    if (info == nullptr)
        return;
    m_available = true;
    using R = QNetworkInformation::Reachability;
    m_wasOnline = info->reachability() != R::Disconnected;
    connect(info, &QNetworkInformation::reachabilityChanged, this, [this](R reachability) {
        // Unknown says nothing either way; Local and Site are enough for a server on the LAN.
        if (reachability == R::Unknown)
            return;
        const bool nowOnline = reachability != R::Disconnected;
        if (nowOnline == m_wasOnline)
            return;
        m_wasOnline = nowOnline;
        if (nowOnline)
            emit online();
        else
            emit offline();
    });
}

}  // namespace duban::app
