#include "qml/app/record_actions.h"

#include <QUrl>

#include <filesystem>

#include "core/domain/money.h"
#include "core/rules/state_machine.h"
#include "core/store/blob_uploads.h"
#include "core/store/outbox.h"
#include "core/store/record_rows.h"
#include "qml/app/field_errors.h"
#include "qml/app/format.h"

namespace duban::app {
namespace {

struct Loaded {
    std::string entity;
    std::string state;
    std::int64_t version = 0;
    QVariantMap record;
    QVariantList photos;
    RecordPermissions permissions;
};

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::string projectName(const Database& db, const std::string& projectId) {
    Statement s = db.prepare("SELECT name FROM project WHERE id = ?");
    s.bindAll(projectId);
    return s.step() ? s.text(0) : std::string();
}

// The photo's file still waits to reach the server (its upload progress is shown).
bool photoWaits(const Database& db, const std::string& sha256) {
    const auto upload = findBlobUpload(db, sha256);
    return upload && (upload->state == BlobUploadState::pending ||
                      upload->state == BlobUploadState::uploading);
}

Loaded load(LocalStore& store, const Actor& actor, const std::string& id) {
    Loaded out;
    const Database& db = store.database();
    if (const auto stored = loadReport(db, id)) {
        const ProgressReport& r = stored->report;
        out.entity = "progress_report";
        out.state = std::string(toString(r.state));
        out.version = stored->version;
        out.record = {
            {"project", qs(projectName(db, r.projectId))},
            {"projectId", qs(r.projectId)},
            {"period", qs(r.period)},
            {"investment", wanText(r.investment)},
            {"percent", r.percentComplete ? *r.percentComplete : -1},
            {"narrative", qs(r.narrative)},
            {"problems", qs(r.problems)},
            {"coordination", qs(r.coordination)},
            {"submittedAt", stored->submittedAt ? instantText(*stored->submittedAt) : QString()}};
    } else if (const auto visit = loadVisit(db, id)) {
        const SiteVisit& v = visit->visit;
        out.entity = "site_visit";
        out.state = std::string(toString(v.state));
        out.version = visit->version;
        QString where;
        if (v.position) {
            where = QStringLiteral("%1, %2")
                        .arg(v.position->latitude, 0, 'f', 5)
                        .arg(v.position->longitude, 0, 'f', 5);
            if (v.position->accuracyMeters)
                where += QStringLiteral(" ±%1 m").arg(*v.position->accuracyMeters, 0, 'f', 0);
        }
        out.record = {
            {"project", qs(projectName(db, v.projectId))},
            {"projectId", qs(v.projectId)},
            {"visitedAt", instantText(v.visitedAt)},
            {"position", where},
            {"positionSource", qs(std::string(v.position ? toString(v.position->source) : ""))},
            {"notes", qs(v.notes)},
            {"peopleMet", qs(v.peopleMet)}};
    } else {
        return out;
    }
    const Entity entity = parseEnum<Entity>(out.entity).value_or(Entity::progress_report);
    out.permissions = store.permissions(actor, entity, id);
    out.record.insert(QStringLiteral("queued"), hasQueuedEdits(db, id));  // 待上传
    for (const Photo& photo : store.photosOf(id)) {
        const std::filesystem::path thumbnail = store.blobPath(photo.thumbnailSha256);
        std::error_code error;
        const bool here = std::filesystem::exists(thumbnail, error);
        out.photos.append(
            QVariantMap{{"id", qs(photo.id)},
                        {"sha256", qs(photo.sha256)},
                        {"thumbnailSha256", qs(photo.thumbnailSha256)},
                        {"thumbnail", here ? QUrl::fromLocalFile(qs(thumbnail.string())) : QUrl()},
                        {"caption", qs(photo.caption)},
                        {"size", QStringLiteral("%1×%2").arg(photo.width).arg(photo.height)},
                        {"uploading", photoWaits(db, photo.sha256)}});
    }
    return out;
}

}  // namespace

void RecordActions::setServices(Services* services) {
    if (!followServices(m_services, services, this, &RecordActions::reload))
        return;
    emit servicesChanged();
    reload();
}

void RecordActions::setRecordId(const QString& id) {
    if (id == m_recordId)
        return;
    m_recordId = id;
    emit recordIdChanged();
    reload();
}

void RecordActions::setComment(const QString& comment) {
    if (comment == m_comment)
        return;
    m_comment = comment;
    emit commentChanged();
}

bool RecordActions::ready(Transition transition) const {
    return m_permissions.may(transition) && commentSuffices(transition, m_comment.toStdString());
}

void RecordActions::reload() {
    if (!m_services || !m_services->store() || m_recordId.isEmpty())
        return;
    m_services->store()->run(
        this,
        [id = m_recordId.toStdString(), actor = m_services->actor()](LocalStore& store) {
            return load(store, actor, id);
        },
        [this](Loaded result) {
            m_entity = qs(result.entity);
            m_state = qs(result.state);
            m_version = static_cast<int>(result.version);
            m_record = std::move(result.record);
            m_photos = std::move(result.photos);
            m_permissions = std::move(result.permissions);
            emit loaded();
        });
}

void RecordActions::act(Transition transition, const QString& comment) {
    if (!m_services || !m_services->store() || m_entity.isEmpty())
        return;
    const Entity entity = parseEnum<Entity>(m_entity.toStdString()).value_or(Entity::site_visit);
    m_services->store()->run(
        this,
        [entity, transition, id = m_recordId.toStdString(), comment = comment.toStdString(),
         actor = m_services->actor()](LocalStore& store) {
            const Status done = store.transition(actor, entity, id, transition, comment);
            return done ? QString() : errorText(done.error());
        },
        [this, transition](const QString& problem) {
            m_message = problem;
            if (problem.isEmpty()) {
                if (transition == Transition::submit)
                    m_services->noteSubmitted();
                setComment({});                        // it went with the review
                m_services->store()->notifyChanged();  // reloads this record and every list
                if (m_services->sync())
                    m_services->sync()->noteLocalChange();
                emit acted();
            }
            emit loaded();
        });
}

}  // namespace duban::app
