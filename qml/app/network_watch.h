#pragma once
// Whether the device has a network, as the platform tells it (Qt's QNetworkInformation: Network
// Manager on Linux, the OS on Android and iOS). Sync starts the moment the network returns
// instead of at its next timer. Without a backend (a desktop without NetworkManager, a test) it
// says nothing and sync keeps its timers: nothing depends on it.
#include <QObject>

namespace duban::app {

class NetworkWatch final : public QObject {
    Q_OBJECT

public:
    explicit NetworkWatch(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(NetworkWatch)

    // A backend answers (else the signals never come).
    [[nodiscard]] bool available() const { return m_available; }

signals:
    void online();   // the network is back (local network or internet)
    void offline();  // no network at all

private:
    bool m_available = false;
    bool m_wasOnline = true;
};

}  // namespace duban::app
