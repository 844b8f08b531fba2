#include "qml/app/bar_chart.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QPen>

#include <algorithm>

namespace duban::app {
namespace {

constexpr int kRow = 34;
constexpr int kTitle = 48;
constexpr int kLabelWidth = 360;
constexpr int kValueWidth = 110;

QFont chartFont(int pixels, bool bold = false) {
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

}  // namespace

QImage completionChart(const QString& title, const std::vector<ChartBar>& bars, int widthPx,
                       std::optional<double> scheduleShare) {
    const int height = kTitle + kRow * static_cast<int>(bars.size()) + 36;
    QImage image(widthPx, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(chartFont(22, true));
    painter.setPen(QColor(0x21, 0x21, 0x21));
    painter.drawText(QRect(0, 0, widthPx, kTitle), Qt::AlignLeft | Qt::AlignVCenter, title);

    const int barLeft = kLabelWidth + 12;
    const int barWidth = std::max(widthPx - barLeft - kValueWidth - 12, 40);
    painter.setFont(chartFont(18));
    const QFontMetrics metrics(painter.font());
    int y = kTitle;
    for (const ChartBar& bar : bars) {
        painter.setPen(QColor(0x42, 0x42, 0x42));
        painter.drawText(QRect(0, y, kLabelWidth, kRow), Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(bar.label, Qt::ElideRight, kLabelWidth));
        const QRect track(barLeft, y + 8, barWidth, kRow - 16);
        painter.fillRect(track, QColor(0xEC, 0xEF, 0xF1));
        if (bar.percent) {
            const double share = std::clamp(*bar.percent, 0.0, 100.0) / 100.0;
            const QColor fill =
                *bar.percent >= 100 ? QColor(0x2E, 0x7D, 0x32) : QColor(0x15, 0x65, 0xC0);
            painter.fillRect(QRect(track.left(), track.top(),
                                   static_cast<int>(track.width() * share), track.height()),
                             fill);
        }
        painter.drawText(QRect(barLeft + barWidth + 12, y, kValueWidth, kRow),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         bar.percent ? QString::number(*bar.percent, 'f', 1) + QLatin1Char('%')
                                     : QStringLiteral("—"));
        y += kRow;
    }
    if (scheduleShare) {
        const int x =
            barLeft + static_cast<int>(barWidth * std::clamp(*scheduleShare, 0.0, 100.0) / 100.0);
        QPen pen(QColor(0xC6, 0x28, 0x28), 2, Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(x, kTitle, x, y);
        painter.setFont(chartFont(16));
        painter.drawText(QRect(x - 120, y + 4, 240, 28), Qt::AlignHCenter | Qt::AlignTop,
                         QStringLiteral("序时进度 %1%").arg(*scheduleShare, 0, 'f', 1));
    }
    return image;
}

}  // namespace duban::app
