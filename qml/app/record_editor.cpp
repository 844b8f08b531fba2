#include "qml/app/record_editor.h"

#include <QCoreApplication>

#include "qml/app/field_errors.h"
#include "qml/app/format.h"

namespace duban::app {
namespace {
constexpr int kAutosaveMs = 800;  // a draft is saved when typing pauses
}  // namespace

RecordEditor::RecordEditor(QObject* parent) : QObject(parent) {
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveMs);
    connect(&m_autosave, &QTimer::timeout, this, &RecordEditor::save);
}

void RecordEditor::setServices(Services* services) {
    if (services == m_services)
        return;
    m_services = services;
    if (m_services && m_recordId.isEmpty())
        fillDefaults(*m_services);
    emit servicesChanged();
}

void RecordEditor::setProjectId(const QString& id) {
    if (id == m_projectId)
        return;
    m_projectId = id;
    emit projectIdChanged();
}

void RecordEditor::edited() {
    if (!m_editable)
        return;
    m_autosave.start();
}

void RecordEditor::setFormError(const QString& field, const QString& message) {
    m_formErrors.insert(field, message);
    m_errors.insert(field, message);
    emit stateChanged();
}

void RecordEditor::clearFormError(const QString& field) {
    if (!m_formErrors.contains(field))
        return;
    m_formErrors.remove(field);
    m_errors.remove(field);
    emit stateChanged();
}

void RecordEditor::save() {
    m_autosave.stop();
    run(false);
}

void RecordEditor::submit() {
    m_autosave.stop();
    run(true);
}

void RecordEditor::run(bool submit) {
    if (!m_services || !m_services->store() || !m_editable)
        return;
    if (m_saving) {
        // One save at a time: a new record gets its id from the first, and the next saves
        // edit it. What was typed meanwhile is saved when this one returns.
        m_dirty = true;
        m_submitQueued = m_submitQueued || submit;
        return;
    }
    if (!m_formErrors.isEmpty() && submit) {
        m_errors = m_formErrors;
        m_message = QCoreApplication::translate("Duban", "请先改正标出的内容");
        emit stateChanged();
        return;
    }
    m_saving = true;
    m_dirty = false;
    emit stateChanged();
    m_services->store()->run(
        this,
        [job = saveJob(m_recordId.toStdString(), submit),
         actor = m_services->actor()](LocalStore& store) { return job(store, actor); },
        [this, submit](Outcome outcome) { finish(outcome, submit); });
}

void RecordEditor::finish(const Outcome& outcome, bool submit) {
    m_saving = false;
    if (!outcome.id.empty())
        m_recordId = QString::fromStdString(outcome.id);
    if (!outcome.state.empty())
        m_state = QString::fromStdString(outcome.state);
    m_errors = fieldErrorMap(outcome.errors);
    for (auto it = m_formErrors.begin(); it != m_formErrors.end(); ++it)
        m_errors.insert(it.key(), it.value());
    m_message = QString::fromStdString(outcome.message);
    if (outcome.ok) {
        if (m_services)
            m_savedAt = beijingTimeText(m_services->clock().nowMs(), QStringLiteral("HH:mm:ss"));
        if (m_services && m_services->store())
            m_services->store()->notifyChanged();
        if (m_services && m_services->sync())
            m_services->sync()->noteLocalChange();
        afterSave();
    }
    if (submit && outcome.ok && m_state == QStringLiteral("submitted")) {
        m_editable = false;
        m_dirty = false;
        emit stateChanged();
        if (m_services)
            m_services->noteSubmitted();
        emit submitted();
        return;
    }
    emit stateChanged();
    if (m_dirty || m_submitQueued) {
        const bool queuedSubmit = m_submitQueued;
        m_submitQueued = false;
        run(queuedSubmit);
    }
}

void RecordEditor::load(const QString& recordId) {
    if (!m_services || !m_services->store() || recordId.isEmpty())
        return;
    m_services->store()->run(
        this,
        [job = loadJob(recordId.toStdString()), actor = m_services->actor()](LocalStore& store) {
            return job(store, actor);
        },
        [](const std::function<void()>& apply) { apply(); });
}

void RecordEditor::setLoaded(const std::string& id, const std::string& state, bool editable) {
    m_autosave.stop();
    m_recordId = QString::fromStdString(id);
    m_state = QString::fromStdString(state);
    m_editable = editable;
    m_errors.clear();
    m_formErrors.clear();
    m_message.clear();
    emit stateChanged();
}

namespace {

std::vector<FieldError> check(const LocalStore& store, const ProgressReport& r, bool forSubmit) {
    return store.checkReport(r, forSubmit);
}
std::vector<FieldError> check(const LocalStore& store, const SiteVisit& v, bool forSubmit) {
    return store.checkVisit(v, forSubmit);
}
Result<ProgressReport> saveRecord(LocalStore& store, const Actor& actor, const ProgressReport& r) {
    return store.saveReport(actor, r);
}
Result<SiteVisit> saveRecord(LocalStore& store, const Actor& actor, const SiteVisit& v) {
    return store.saveVisit(actor, v);
}
constexpr Entity entityOf(const ProgressReport&) {
    return Entity::progress_report;
}
constexpr Entity entityOf(const SiteVisit&) {
    return Entity::site_visit;
}

}  // namespace

template <class Record>
RecordEditor::Outcome RecordEditor::saveAndSubmit(LocalStore& store, const Actor& actor,
                                                  const Record& form, bool submit) {
    Outcome out;
    out.id = form.id;
    auto errors = check(store, form, false);
    if (!errors.empty()) {
        out.errors = std::move(errors);
        out.message =
            QCoreApplication::translate("Duban", "草稿未保存：请改正标出的内容").toStdString();
        return out;
    }
    auto saved = saveRecord(store, actor, form);
    if (!saved) {
        out.message = errorText(saved.error()).toStdString();
        return out;
    }
    out.ok = true;
    out.id = saved->id;
    out.state = std::string(toString(saved->state));
    if (!submit)
        return out;
    out.errors = check(store, saved.value(), true);
    if (!out.errors.empty()) {
        out.message = QCoreApplication::translate("Duban", "已存为草稿；提交前请补全标出的内容")
                          .toStdString();
        return out;
    }
    if (Status sent = store.transition(actor, entityOf(form), saved->id, Transition::submit);
        !sent) {
        out.message = errorText(sent.error()).toStdString();
        return out;
    }
    out.state = "submitted";
    return out;
}

template RecordEditor::Outcome RecordEditor::saveAndSubmit(LocalStore&, const Actor&,
                                                           const ProgressReport&, bool);
template RecordEditor::Outcome RecordEditor::saveAndSubmit(LocalStore&, const Actor&,
                                                           const SiteVisit&, bool);

}  // namespace duban::app
