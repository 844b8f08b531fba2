#include "qml/app/project_detail.h"

#include "core/rules/dispatch.h"
#include "core/store/outbox.h"
#include "core/store/project_detail.h"
#include "qml/app/format.h"
#include "qml/app/log_categories.h"

namespace duban::app {
namespace {

struct Loaded {
    std::optional<ProjectDetailFacts> facts;
    std::vector<MilestoneRow> milestones;
    std::vector<TimelineEntry> timeline;
    std::vector<bool> queued;  // per timeline entry: changes not sent yet
    QString error;             // why the project could not be read
};

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

double wan(const std::optional<Yuan>& amount) {
    return amount ? static_cast<double>(*amount) / 10'000.0 : 0.0;
}

QVariantMap factsMap(const ProjectDetailFacts& f) {
    const auto rate = completionRate(f.completedThisYear, f.planInvestment);
    return {{"name", qs(f.name)},
            {"code", qs(f.code)},
            {"category", qs(f.category)},
            {"stage", qs(f.stage)},
            {"years", yearsText(f.startYear, f.endYear)},
            {"scope", qs(f.scope)},
            {"industryChain", qs(f.industryChain)},
            {"planContent", qs(f.planContent)},
            {"remarks", qs(f.remarks)},
            {"planYear", f.planYear ? *f.planYear : 0},
            {"totalInvestment", wanText(f.totalInvestment)},
            {"completedBefore", wanText(f.completedBefore)},
            {"planInvestment", wanText(f.planInvestment)},
            {"completedThisYear", wanText(f.completedThisYear)},
            {"planWan", wan(f.planInvestment)},
            {"completedWan", wan(f.completedThisYear)},
            {"completionPercent", rate.value_or(-1.0)},
            {"completionRate", rateText(rate)},
            {"warningLevel", f.warningLevel},
            {"leadUnits", qs(f.leadUnits)},
            {"responsibleUnits", qs(f.responsibleUnits)},
            {"township", qs(f.township)},
            {"lists", qs(f.lists)}};
}

}  // namespace

void ProjectDetail::setStore(StoreExecutor* store) {
    if (!followStore(m_store, store, this, &ProjectDetail::reload))
        return;
    emit storeChanged();
    reload();
}

void ProjectDetail::setProjectId(const QString& id) {
    if (id == m_projectId)
        return;
    m_projectId = id;
    emit projectIdChanged();
    reload();
}

void ProjectDetail::reload() {
    const quint64 generation = ++m_generation;
    if (!m_store || m_projectId.isEmpty())
        return;
    m_loading = true;
    emit loaded();
    m_store->run(
        this,
        [id = m_projectId.toStdString()](LocalStore& store) {
            Loaded result;
            try {
                result.facts = loadProjectDetailFacts(store.database(), id);
                result.milestones = loadMilestones(store.database(), id);
                result.timeline = loadTimeline(store.database(), id, kTimelineLimit);
                // 待上传: the entries with changes still in the outbox (outbox_by_record).
                for (const TimelineEntry& e : result.timeline)
                    result.queued.push_back(hasQueuedEdits(store.database(), e.id));
            } catch (const DatabaseError& e) {
                result = Loaded{};
                result.error = storeReadFailed("a project's facts", e);
            }
            return result;
        },
        [this, generation](Loaded result) {
            if (generation != m_generation)
                return;
            m_loading = false;
            m_message = result.error;
            m_facts = result.facts ? factsMap(*result.facts) : QVariantMap();
            m_milestones.clear();
            for (const MilestoneRow& m : result.milestones) {
                m_milestones.append(QVariantMap{{"id", qs(m.id)},
                                                {"title", qs(m.title)},
                                                {"due", qs(m.dueDate)},
                                                {"achieved", m.status == "achieved"}});
            }
            m_timeline.clear();
            for (std::size_t i = 0; i < result.timeline.size(); ++i) {
                const TimelineEntry& e = result.timeline[i];
                m_timeline.append(
                    QVariantMap{{"kind", qs(e.kind)},
                                {"id", qs(e.id)},
                                {"at", instantText(e.at)},
                                {"state", qs(e.state)},
                                {"text", qs(e.text)},
                                {"period", qs(e.period)},
                                {"percent", e.percent ? *e.percent : -1},
                                {"amount", wanText(e.amount)},
                                {"queued", i < result.queued.size() && result.queued[i]}});
            }
            emit loaded();
        });
}

}  // namespace duban::app
