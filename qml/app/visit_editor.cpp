#include "qml/app/visit_editor.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>
#include <QUuid>

#include "core/domain/dates.h"
#include "qml/app/field_errors.h"
#include "qml/app/format.h"

namespace duban::app {
namespace {

const QString kShownFormat = QStringLiteral("yyyy-MM-dd HH:mm");
const QTimeZone kBeijing(8 * 3600);

// "2022-06-30 10:00" (Beijing time) → "2022-06-30T02:00:00.000Z"; empty if it does not parse.
std::string instantOf(const QString& shown) {
    QDateTime at = QDateTime::fromString(shown.trimmed(), kShownFormat);
    if (!at.isValid())
        return {};
    at.setTimeZone(kBeijing);
    return formatInstantUtc(at.toMSecsSinceEpoch());
}

QString shownOf(const std::string& iso) {
    const auto ms = parseInstant(iso);
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, kBeijing).toString(kShownFormat)
              : QString::fromStdString(iso);
}

std::optional<double> numberOf(const QString& text) {
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

}  // namespace

VisitEditor::VisitEditor(QObject* parent) : RecordEditor(parent) {}

void VisitEditor::fillDefaults(const Services& services) {
    if (!m_visitedAt.isEmpty())
        return;
    m_visitedAt = beijingTimeText(services.clock().nowMs(), kShownFormat);
    emit formChanged();
}

void VisitEditor::setText(QString& field, const QString& value) {
    if (field == value)
        return;
    field = value;
    emit formChanged();
    edited();
}

void VisitEditor::setVisitedAt(const QString& value) {
    if (instantOf(value).empty())
        setFormError(
            QStringLiteral("visited_at"),
            QCoreApplication::translate("Duban", "走访时间请按 2022-06-30 10:00 的格式填写"));
    else
        clearFormError(QStringLiteral("visited_at"));
    setText(m_visitedAt, value);
}

void VisitEditor::setTyped(QString& field, const QString& value) {
    if (field != value)
        m_positionSource = QStringLiteral("manual");
    const bool bad = (!m_latitude.isEmpty() || !m_longitude.isEmpty() || !value.isEmpty()) &&
                     !value.trimmed().isEmpty() && !numberOf(value);
    if (bad)
        setFormError(QStringLiteral("position"),
                     QCoreApplication::translate("Duban", "位置请填数字（度），如 28.31"));
    else
        clearFormError(QStringLiteral("position"));
    setText(field, value);
}

void VisitEditor::setLatitude(const QString& value) {
    setTyped(m_latitude, value);
}
void VisitEditor::setLongitude(const QString& value) {
    setTyped(m_longitude, value);
}
void VisitEditor::setAccuracy(const QString& value) {
    setTyped(m_accuracy, value);
}
void VisitEditor::setNotes(const QString& value) {
    setText(m_notes, value);
}
void VisitEditor::setPeopleMet(const QString& value) {
    setText(m_peopleMet, value);
}

void VisitEditor::setDevicePosition(double latitude, double longitude, double accuracyMeters) {
    m_latitude = QString::number(latitude, 'f', 6);
    m_longitude = QString::number(longitude, 'f', 6);
    m_accuracy = accuracyMeters > 0 ? QString::number(accuracyMeters, 'f', 0) : QString();
    m_positionSource = QStringLiteral("gps");
    clearFormError(QStringLiteral("position"));
    emit formChanged();
    edited();
}

RecordEditor::SaveJob VisitEditor::saveJob(const std::string& id, bool submit) const {
    SiteVisit form;
    form.id = id;
    form.projectId = projectId().toStdString();
    form.visitedAt = instantOf(m_visitedAt);
    const auto lat = numberOf(m_latitude);
    const auto lon = numberOf(m_longitude);
    if (lat && lon) {
        Position position;
        position.latitude = *lat;
        position.longitude = *lon;
        position.accuracyMeters = numberOf(m_accuracy);
        position.source = m_positionSource == QStringLiteral("gps") ? PositionSource::gps
                                                                    : PositionSource::manual;
        form.position = position;
    }
    form.notes = m_notes.toStdString();
    form.peopleMet = m_peopleMet.toStdString();
    return [form, submit](LocalStore& store, const Actor& actor) {
        return saveAndSubmit(store, actor, form, submit);
    };
}

RecordEditor::LoadJob VisitEditor::loadJob(const std::string& id) {
    return [this, id](LocalStore& store, const Actor& actor) -> std::function<void()> {
        const auto visit = store.visit(id);
        if (!visit)
            return [] {};
        const bool editable = store.permissions(actor, Entity::site_visit, id).edit;
        return [this, visit = *visit, editable] {
            setProjectId(QString::fromStdString(visit.projectId));
            m_visitedAt = shownOf(visit.visitedAt);
            if (visit.position) {
                m_latitude = QString::number(visit.position->latitude, 'f', 6);
                m_longitude = QString::number(visit.position->longitude, 'f', 6);
                m_accuracy = visit.position->accuracyMeters
                                 ? QString::number(*visit.position->accuracyMeters, 'f', 0)
                                 : QString();
                m_positionSource =
                    QString::fromStdString(std::string(toString(visit.position->source)));
            }
            m_notes = QString::fromStdString(visit.notes);
            m_peopleMet = QString::fromStdString(visit.peopleMet);
            emit formChanged();
            setLoaded(visit.id, std::string(toString(visit.state)), editable);
            loadPhotos();
        };
    };
}

void VisitEditor::addPhoto(const QUrl& file) {
    m_photoQueue.append(file.isLocalFile() ? file.toLocalFile() : file.toString());
    emit photosChanged();
    if (recordId().isEmpty())
        save();  // the photo belongs to the visit: it needs the visit's id first
    else
        attachNext();
}

QString VisitEditor::captureFolder() const {
    return services() ? services()->dataFolder() + QStringLiteral("/captures") : QString();
}

QUrl VisitEditor::newCaptureFile() const {
    const QString folder = captureFolder();
    if (folder.isEmpty() || !QDir().mkpath(folder))
        return {};
    const QString name =
        beijingTimeText(services()->clock().nowMs(), QStringLiteral("yyyyMMdd-HHmmss-")) +
        QUuid::createUuid().toString(QUuid::Id128).left(8) + ".jpg";
    return QUrl::fromLocalFile(folder + '/' + name);
}

void VisitEditor::afterSave() {
    attachNext();
}

void VisitEditor::attachNext() {
    if (m_attaching || m_photoQueue.isEmpty() || recordId().isEmpty() || !services() ||
        !services()->store()) {
        return;
    }
    m_attaching = true;
    const std::string path = m_photoQueue.constFirst().toStdString();
    services()->store()->run(
        this,
        [path, id = recordId().toStdString(), actor = services()->actor()](LocalStore& store) {
            auto photo = store.attachPhoto(actor, Entity::site_visit, id, path);
            return photo ? QString() : errorText(photo.error());
        },
        [this](const QString& problem) {
            m_attaching = false;
            const QString file = m_photoQueue.takeFirst();
            if (!problem.isEmpty()) {
                setFormError(QStringLiteral("photos"), problem);
            } else {
                clearFormError(QStringLiteral("photos"));
                // The store now holds the shot (re-encoded); the camera's file has served.
                if (QFileInfo(file).absolutePath() == QDir(captureFolder()).absolutePath())
                    QFile::remove(file);
            }
            if (services() && services()->sync())
                services()->sync()->noteLocalChange();
            emit photosChanged();
            loadPhotos();
            attachNext();
        });
}

void VisitEditor::loadPhotos() {
    if (recordId().isEmpty() || !services() || !services()->store())
        return;
    services()->store()->run(
        this,
        [id = recordId().toStdString()](LocalStore& store) {
            QVariantList photos;
            for (const Photo& photo : store.photosOf(id)) {
                photos.append(
                    QVariantMap{{"id", QString::fromStdString(photo.id)},
                                {"sha256", QString::fromStdString(photo.sha256)},
                                {"thumbnail", QUrl::fromLocalFile(QString::fromStdString(
                                                  store.blobPath(photo.thumbnailSha256).string()))},
                                {"width", photo.width},
                                {"height", photo.height},
                                {"caption", QString::fromStdString(photo.caption)}});
            }
            return photos;
        },
        [this](const QVariantList& photos) {
            m_photos = photos;
            emit photosChanged();
        });
}

}  // namespace duban::app
